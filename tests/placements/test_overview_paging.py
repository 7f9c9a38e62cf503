"""The overview pages over bare ids and looks up only the page's students; the
host filter is a type-ahead fed by a small, scoped endpoint (issue 16)."""

import pytest
from django.urls import reverse

from tests.factories.placements import HostFactory, PlacementFactory, PlacementPlanFactory, StudentFactory

pytestmark = pytest.mark.django_db


def test_the_second_page_shows_the_next_students_in_order_with_their_placements(
    login, coordinator, department
):
    plan = PlacementPlanFactory(department=department)
    students = [
        StudentFactory(department=department, class_name="3A", last_name=f"Naam{i:03d}") for i in range(60)
    ]
    placed = PlacementFactory(plan=plan, student=students[55])
    response = login(coordinator).get(reverse("placements:overview") + f"?plan={plan.pk}&page=2")
    rows = list(response.context["page"])
    assert [s.last_name for s in rows] == [f"Naam{i:03d}" for i in range(50, 60)]
    assert next(s for s in rows if s.pk == placed.student_id).placement_host == placed.host.name
    assert response.context["page"].paginator.count == 60


def test_a_filtered_list_counts_only_the_matching_students(login, coordinator, department):
    plan = PlacementPlanFactory(department=department)
    StudentFactory.create_batch(3, department=department)
    bakery = HostFactory(school=department.school, name="Bakkerij Brood")
    PlacementFactory(plan=plan, host=bakery)
    PlacementFactory(plan=plan, host=HostFactory(school=department.school, name="Garage Snel"))
    response = login(coordinator).get(reverse("placements:overview") + f"?plan={plan.pk}&hostname=bakker")
    assert [s.placement_host for s in response.context["page"]] == ["Bakkerij Brood"]
    assert response.context["page"].paginator.count == 1
    assert response.context["counts"]["total"] == 5


def test_the_overview_lists_no_hosts_in_its_page(login, coordinator, department):
    plan = PlacementPlanFactory(department=department)
    HostFactory.create_batch(5, school=department.school, name="Bedrijf zonder stage")
    html = login(coordinator).get(reverse("placements:overview") + f"?plan={plan.pk}").content.decode()
    assert "Bedrijf zonder stage" not in html
    assert 'data-lookup="/hosts/lookup/"' in html


def test_the_lookup_names_only_hosts_the_user_may_see(login, coordinator, department, other_department):
    HostFactory(school=department.school, name="Bakkerij Brood")
    HostFactory(school=other_department.school, name="Bakkerij Elders")
    names = login(coordinator).get(reverse("placements:host_lookup") + "?q=bakk").json()["names"]
    assert names == ["Bakkerij Brood"]


@pytest.mark.parametrize("q", ["", "b", "x" * 5000])
def test_the_lookup_answers_short_or_hostile_queries_with_nothing(login, coordinator, department, q):
    HostFactory(school=department.school, name="Bakkerij Brood")
    response = login(coordinator).get(reverse("placements:host_lookup"), {"q": q})
    assert response.status_code == 200
    assert response.json()["names"] == []


def test_the_lookup_needs_a_sign_in(client):
    assert client.get(reverse("placements:host_lookup") + "?q=bak").status_code == 302


def test_the_lookup_refuses_a_nul_byte(login, coordinator, department):
    assert login(coordinator).get(reverse("placements:host_lookup"), {"q": "\x00bak"}).status_code == 400


def test_a_page_row_shows_the_newest_current_placement_and_not_a_terminated_one(
    login, coordinator, department
):
    from datetime import date

    from placements.models import PlacementState

    plan = PlacementPlanFactory(department=department)
    moved, stopped = StudentFactory.create_batch(2, department=department)
    PlacementFactory(plan=plan, student=moved, start_date=date(2026, 9, 1), end_date=date(2026, 10, 1))
    newest = PlacementFactory(
        plan=plan, student=moved, start_date=date(2026, 11, 1), end_date=date(2026, 12, 1)
    )
    PlacementFactory(
        plan=plan, student=stopped, state=PlacementState.TERMINATED, terminated_on=date(2026, 10, 1)
    )
    response = login(coordinator).get(reverse("placements:overview") + f"?plan={plan.pk}")
    rows = {s.pk: s for s in response.context["page"]}
    assert rows[moved.pk].placement_id == newest.pk
    assert rows[moved.pk].placement_host == newest.host.name
    assert rows[moved.pk].placement_start == date(2026, 11, 1)
    assert rows[stopped.pk].placement_id is None
    assert "nog geen stage" in response.content.decode()
