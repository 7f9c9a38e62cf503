"""The generic half of spreadsheet imports: read a CSV or XLSX export into rows,
match its columns to the fields of one kind of import, and hold per-row results.

The student and host import (placements/importing.py) and the staff import
(stagebeheer/staff_import.py) each list their ``Column``s and validate rows
their own way; reading, the limits, the column guessing and the mapping chosen
on screen are shared here, so every import refuses the same hostile files.
"""

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext as _

MAX_ROWS = 5000


class UnreadableFileError(Exception):
    pass


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    required: bool = False
    aliases: tuple = ()


@dataclass
class RowResult:
    line: int
    values: dict
    errors: list


# Streaming limits: a small file can expand to hundreds of thousands of rows
# (a 116 KiB XLSX held 400,000), so reading stops as soon as a limit is passed
# instead of building the whole table first.
MAX_COLUMNS = 60
MAX_CELL = 1000
# Blank rows between the data are skipped, but only so many of them.
MAX_BLANK_ROWS = 1000


def bounded_rows(raw_rows, max_rows=None):
    """The non-blank rows of ``raw_rows``, stopping with an error past the limits."""
    max_rows = MAX_ROWS if max_rows is None else max_rows
    rows, blank = [], 0
    for raw in raw_rows:
        row = ["" if c is None else c for c in raw[:MAX_COLUMNS]]
        if not any(str(c).strip() for c in row):
            blank += 1
            if blank > MAX_BLANK_ROWS:
                raise UnreadableFileError(_("Het bestand heeft te veel lege regels."))
            continue
        if len(rows) > max_rows:
            raise UnreadableFileError(_("Het bestand heeft meer dan %(n)s regels.") % {"n": max_rows})
        rows.append(row)
    return rows


def _xlsx_rows(content, max_rows):
    try:
        from openpyxl import load_workbook

        # read_only streams the sheet row by row; the limits stop it early.
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            return bounded_rows(
                (
                    [cell_text(c) for c in row]
                    for row in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
                ),
                max_rows,
            )
        finally:
            book.close()
    except UnreadableFileError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise UnreadableFileError(_("Dit Excel-bestand kan niet worden gelezen.")) from exc


def _csv_rows(content, max_rows):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = content.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise UnreadableFileError(_("De tekens in dit bestand kunnen niet worden gelezen.")) from exc
    if "\x00" in text:
        raise UnreadableFileError(_("Dit is geen CSV-bestand."))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
        dialect.delimiter = ";" if text[:1000].count(";") > text[:1000].count(",") else ","
    try:
        return bounded_rows(csv.reader(io.StringIO(text), dialect), max_rows)
    except csv.Error as exc:
        raise UnreadableFileError(_("Dit CSV-bestand kan niet worden gelezen: %(e)s") % {"e": exc}) from exc


def read_table(name: str, content: bytes, max_rows=None) -> tuple[list[str], list[list[str]]]:
    """(header, rows) from CSV (; or , separated, UTF-8 or Windows-1252) or XLSX."""
    rows = _xlsx_rows(content, max_rows) if name.lower().endswith(".xlsx") else _csv_rows(content, max_rows)
    if len(rows) < 2:
        raise UnreadableFileError(_("Het bestand heeft geen kopregel met gegevens eronder."))
    if any(len(str(c)) > MAX_CELL for r in rows for c in r):
        raise UnreadableFileError(_("Een cel in het bestand is langer dan %(n)s tekens.") % {"n": MAX_CELL})
    header = [str(h).strip() for h in rows[0]]
    return header, [[str(c).strip() for c in r] for r in rows[1:]]


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def plain(name: str) -> str:
    """'Geb.datum', 'geb. datum' and 'GEB_DATUM' are the same column."""
    return re.sub(r"[\s._\-/]+", "", (name or "").lower())


def guess_columns(columns, header: list[str], remembered: dict | None = None) -> dict[str, int | None]:
    """Column positions: the school's remembered mapping where its header names
    are in this file, else the known names of the administration systems."""
    plain_header = [plain(h) for h in header]
    mapping = {}
    for column in columns:
        names = {plain(column.key), plain(str(column.label)), *(plain(a) for a in column.aliases)}
        mapping[column.key] = next((i for i, h in enumerate(plain_header) if h in names), None)
    for key, name in (remembered or {}).items():
        if key in mapping and plain(name) in plain_header:
            mapping[key] = plain_header.index(plain(name))
    return mapping


def mapping_by_name(mapping: dict, header: list[str]) -> dict[str, str]:
    return {key: header[i] for key, i in mapping.items() if i is not None and i < len(header)}


def mapping_from_post(post, columns, header) -> dict | None:
    """The mapping chosen on screen (``map_<key>`` selects), None when not posted."""
    if not any(k.startswith("map_") for k in post):
        return None
    mapping = {}
    for column in columns:
        raw = post.get(f"map_{column.key}", "")
        # A column number; 0 is the first column, so not an id (re.fullmatch keeps out "²").
        mapping[column.key] = (
            int(raw) if re.fullmatch(r"[0-9]{1,4}", raw) and int(raw) < len(header) else None
        )
    return mapping


def missing_columns(columns, mapping) -> list:
    return [c.label for c in columns if c.required and mapping.get(c.key) is None]


def value_at(row, index) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index]


def mapping_choices(columns, mapping) -> list[dict]:
    """What the column-mapping partial (stagebeheer/import/_mapping.html) shows."""
    return [{"column": c, "choice": mapping.get(c.key)} for c in columns]
