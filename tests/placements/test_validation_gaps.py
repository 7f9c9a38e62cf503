"""Every free number and text has a sane range or length, on the server (issue 10.3)."""

import io
import itertools

import pytest
from django.urls import reverse

from placements import importing
from placements.forms import CopyPlanForm, HostForm, PlanForm
from placements.models import Host, Placement, PlacementPlan
from tests.placements.test_placement_form import form_data

pytestmark = pytest.mark.django_db


def _plan_data(**extra):
    return {"title": "Snuffelstage", "school_year": "2027-2028", "kind": "vmbo_orientation", **extra}


@pytest.mark.parametrize("year", ["2028-2027", "2027-2029", "2027-2027"])
def test_a_school_year_out_of_order_is_refused(year, department):
    form = PlanForm(data=_plan_data(school_year=year), department=department)
    assert not form.is_valid()
    assert "school_year" in form.errors
    assert not CopyPlanForm(data={"school_year": year}).is_valid()


def test_a_school_year_in_order_is_accepted(department):
    form = PlanForm(data=_plan_data(), department=department)
    form.is_valid()
    assert "school_year" not in form.errors
    assert CopyPlanForm(data={"school_year": "2027-2028"}).is_valid()


def test_a_plan_with_a_year_out_of_order_is_not_stored(login, coordinator, department):
    login(coordinator).post(
        reverse("placements:plan_create") + f"?department={department.pk}&kind=vmbo_orientation",
        {**_plan_data(school_year="2028-2027"), "department": department.pk},
    )
    assert not PlacementPlan.objects.exists()


@pytest.mark.parametrize("capacity", ["99999999999", "201", "-1"])
def test_a_host_capacity_out_of_range_is_refused(capacity, login, coordinator, department):
    page = login(coordinator).post(
        reverse("placements:host_create"), {"name": "Bakkerij", "capacity": capacity, "status": "active"}
    )
    assert page.status_code == 200
    assert not Host.objects.filter(name="Bakkerij").exists()
    assert "capacity" in HostForm(data={"name": "Bakkerij", "capacity": capacity}).errors


def test_a_huge_allowance_asks_for_a_second_look(login, coordinator, plan, student, host):
    url = reverse("placements:placement_create", args=[plan.pk])
    page = login(coordinator).post(url, form_data(student, host, allowance_per_month="1505"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "ongewoon hoog" in html
    assert 'name="accept_warnings"' in html
    assert not Placement.objects.exists()
    login(coordinator).post(url, form_data(student, host, allowance_per_month="1505", accept_warnings="on"))
    assert Placement.objects.get().allowance_per_month == 1505


def test_an_allowance_beyond_any_sense_is_refused_even_when_confirmed(
    login, coordinator, plan, student, host
):
    url = reverse("placements:placement_create", args=[plan.pk])
    login(coordinator).post(url, form_data(student, host, allowance_per_month="15050", accept_warnings="on"))
    assert not Placement.objects.exists()


def test_a_workplace_supervisors_answer_of_twenty_thousand_characters_is_refused():
    from visits.forms import WorkplaceInputForm

    form = WorkplaceInputForm(
        data={"judgement": "x" * 20_000, "going_well": "", "to_improve": "", "topics": ""}
    )
    assert not form.is_valid()
    assert "judgement" in form.errors
    assert WorkplaceInputForm(data={"judgement": "x" * 3000}).is_valid()


def test_a_spreadsheet_is_read_row_by_row_and_stops_at_the_limit():
    endless = ([f"leerling {n}", "3B"] for n in itertools.count())
    with pytest.raises(importing.UnreadableFileError, match="meer dan"):
        importing._bounded_rows(endless)


def test_a_sheet_of_blank_rows_stops_too():
    with pytest.raises(importing.UnreadableFileError, match="lege regels"):
        importing._bounded_rows([""] * 3 for _n in itertools.count())


def test_an_xlsx_over_the_row_limit_is_refused():
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["Leerlingnummer", "Voornaam"])
    for n in range(importing.MAX_ROWS + 5):
        sheet.append([n, "Sanne"])
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(importing.UnreadableFileError, match="meer dan"):
        importing.read_table("leerlingen.xlsx", buffer.getvalue())


@pytest.mark.parametrize("value", ["01-01-0001", "31-12-9999"])
def test_an_imported_date_outside_the_sane_years_is_refused(value):
    with pytest.raises(ValueError, match="ligt niet tussen"):
        importing.parse_date(value)
