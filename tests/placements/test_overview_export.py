"""The plan overview's export holds exactly the rows the list shows (its
current placement per student, the list's filters), in CSV and XLSX, with a
fixed number of queries (measured with 10 placements and again with 1,000)."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from placements.models import PlacementState
from tests.factories.placements import HostFactory, PlacementFactory, StudentFactory
from tests.placements.test_query_counts import count, grow

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(plan, host, supervisor, other_supervisor):
    """A student for each way the current placement is chosen."""
    department = plan.department
    other_host = HostFactory(school=department.school, name="Garage Jansen")
    make = StudentFactory
    active = make(department=department, first_name="Anna", last_name_prefix="van", last_name="Dijk")
    PlacementFactory(plan=plan, student=active, host=host, school_supervisor=supervisor, state="active")
    make(department=department, first_name="Bram", last_name="Smit")  # no placement yet
    # Terminated placements do not count: the draft after it is the current one.
    again = make(department=department, first_name="Cor", last_name="Bos", class_name="3A")
    PlacementFactory(
        plan=plan,
        student=again,
        host=host,
        state="terminated",
        start_date=date(2027, 3, 1),
        end_date=date(2027, 3, 12),
        terminated_on=date(2027, 3, 5),
    )
    PlacementFactory(plan=plan, student=again, host=other_host, state="draft", school_supervisor=None)
    # Two current placements: the later start is shown.
    two = make(department=department, first_name="Dewi", last_name="Kok")
    PlacementFactory(plan=plan, student=two, host=host, state="agreement_pending")
    PlacementFactory(
        plan=plan,
        student=two,
        host=other_host,
        school_supervisor=other_supervisor,
        state="completed",
        start_date=date(2027, 4, 5),
        end_date=date(2027, 4, 16),
    )
    return plan


def _listed(client, plan, query=""):
    """The rows as the list page computes them (its annotated students)."""
    page = client.get(reverse("placements:overview") + f"?plan={plan.pk}{query}").context["page"]
    return [
        [
            s.number,
            s.full_name,
            s.class_name,
            str(PlacementState(s.placement_state).label) if s.placement_state else "nog geen stage",
            s.placement_host or "",
            s.placement_supervisor or "",
            f"{s.placement_start:%d-%m-%Y}" if s.placement_start else "",
        ]
        for s in page.object_list
    ]


def _csv(client, plan, query=""):
    response = client.get(reverse("placements:overview") + f"?plan={plan.pk}{query}&export=csv")
    header, *rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    return header, rows


def _xlsx(client, plan, query=""):
    response = client.get(reverse("placements:overview") + f"?plan={plan.pk}{query}&export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *rows = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    return header, rows


@pytest.mark.parametrize("query", ["", "&state=none", "&state=no_agreement", "&q=Dijk", "&class=3A"])
def test_the_csv_holds_the_rows_the_list_shows(query, login, coordinator, cases):
    client = login(coordinator)
    header, rows = _csv(client, cases, query)
    assert header[:4] == ["leerlingnummer", "naam", "klas", "status"]
    assert rows == _listed(client, cases, query)
    assert rows  # every filter above keeps a student


def test_the_rows_pick_the_current_placement(login, coordinator, cases, host, supervisor, other_supervisor):
    _header, rows = _csv(login(coordinator), cases)
    by_name = {row[1]: row[3:] for row in rows}
    assert by_name["Anna van Dijk"] == [
        "lopend",
        host.name,
        supervisor.full_name,
        "01-02-2027",
    ]
    assert by_name["Bram Smit"] == ["nog geen stage", "", "", ""]
    assert by_name["Cor Bos"] == ["concept", "Garage Jansen", "", "01-02-2027"]
    assert by_name["Dewi Kok"] == ["afgerond", "Garage Jansen", other_supervisor.full_name, "05-04-2027"]


def test_the_xlsx_holds_the_same_rows_as_text(login, coordinator, cases):
    client = login(coordinator)
    assert _xlsx(client, cases) == _csv(client, cases)


def test_a_supervisor_exports_only_own_placements(login, supervisor, cases):
    _header, rows = _csv(login(supervisor), cases)
    assert [row[1] for row in rows] == ["Anna van Dijk"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_queries_do_not_grow_with_rows(fmt, login, coordinator, plan, placement, supervisor):
    client = login(coordinator)
    url = reverse("placements:overview") + f"?plan={plan.pk}&export={fmt}"
    grow(plan, supervisor, 10, placement)
    small = count(client, url)
    grow(plan, supervisor, 1000, placement)
    assert count(client, url) == small
    assert small <= 12
