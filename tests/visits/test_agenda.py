"""The supervisor's agenda: own moments only, overdue first, fixed queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories.visits import VisitFactory
from tests.querycount import assert_fixed_queries
from tests.visits.conftest import running_placement

pytestmark = pytest.mark.django_db
URL = reverse("visits:agenda")


def test_supervisor_sees_own_moments_with_overdue_first(login, placement, other_placement, supervisor):
    today = timezone.localdate()
    later = VisitFactory(placement=placement, planned_on=today + timedelta(days=3))
    overdue = VisitFactory(placement=placement, planned_on=today - timedelta(days=2))
    VisitFactory(placement=other_placement, planned_on=today)
    response = login(supervisor).get(URL)
    assert response.status_code == 200
    shown = [row["visit"].pk for row in response.context["rows"]]
    assert shown == [overdue.pk, later.pk]
    assert response.context["rows"][0]["group"] == "overdue"
    assert "Te laat" in response.content.decode()


def test_done_and_cancelled_moments_leave_the_agenda(login, placement, supervisor):
    today = timezone.localdate()
    VisitFactory(placement=placement, planned_on=today, status="done", held_on=today)
    VisitFactory(placement=placement, planned_on=today, status="cancelled")
    response = login(supervisor).get(URL)
    assert response.context["rows"] == []


def test_moments_of_stopped_placements_leave_the_agenda(login, department, supervisor):
    stopped = running_placement(department, supervisor, None, state="completed")
    VisitFactory(placement=stopped, planned_on=timezone.localdate())
    assert login(supervisor).get(URL).context["rows"] == []


@pytest.mark.parametrize("persona", ["leader", "mentor"])
def test_roles_without_visits_get_403(login, request, persona):
    assert login(request.getfixturevalue(persona)).get(URL).status_code == 403


def test_a_coordinator_elsewhere_sees_none_of_our_moments(login, outsider, placement):
    VisitFactory(placement=placement, planned_on=timezone.localdate())
    assert login(outsider).get(URL).context["rows"] == []


def test_the_agenda_runs_a_fixed_number_of_queries(login, department, supervisor):
    today = timezone.localdate()
    client = login(supervisor)
    placement = running_placement(department, supervisor)
    VisitFactory(placement=placement, planned_on=today)

    def grow():
        for i in range(15):
            more = running_placement(department, supervisor)
            VisitFactory(placement=more, planned_on=today + timedelta(days=i))
            VisitFactory(placement=more, planned_on=today - timedelta(days=i + 1))

    assert_fixed_queries(client, URL, grow)
    response = client.get(URL)
    assert len(response.context["rows"]) == 31


def test_the_agenda_fits_a_phone(login, placement, supervisor):
    VisitFactory(placement=placement, planned_on=timezone.localdate())
    html = login(supervisor).get(URL).content.decode()
    # A thumb-sized button straight to the log on each row.
    assert reverse("visits:visit_log", args=[placement.visits.get().pk]) in html
    assert "btn-log" in html
