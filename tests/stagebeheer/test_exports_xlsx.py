"""The shared XLSX writer keeps each value's kind: text stays text (also text
that looks like a formula), numbers and booleans stay themselves, dates get a
date format, None and "" are empty cells."""

import datetime
import io
from decimal import Decimal

from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from stagebeheer.exports import table_response


def _cells(rows):
    response = table_response("x", ["kop"], rows, "xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [(c.value, c.data_type, c.number_format) for c in next(sheet.iter_rows(min_row=2))]


def test_each_kind_of_value_keeps_its_kind():
    row = [1, -2.5, Decimal("3.10"), True, "=1+1", gettext_lazy("concept"), datetime.date(2027, 2, 1)]
    assert _cells([row]) == [
        (1, "n", "General"),
        (-2.5, "n", "General"),
        (3.1, "n", "General"),
        (True, "b", "General"),
        ("=1+1", "s", "General"),
        ("concept", "s", "General"),
        (datetime.datetime(2027, 2, 1), "d", "yyyy-mm-dd"),
    ]


def test_none_and_empty_text_are_empty_cells():
    assert [value for value, _type, _format in _cells([["a", None, "", "b"]])] == ["a", None, None, "b"]


def test_the_header_is_the_first_row_of_a_sheet_named_sheet():
    response = table_response("x", ["naam", "klas"], [["Anna", "3B"]], "xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Sheet"
    assert [list(r) for r in sheet.iter_rows(values_only=True)] == [["naam", "klas"], ["Anna", "3B"]]
