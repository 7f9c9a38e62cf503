"""Who sees which contact moments; moving, adding and cancelling one."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories.visits import VisitFactory
from tests.querycount import assert_fixed_queries
from tests.visits.conftest import running_placement
from visits.models import Visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit(placement):
    return VisitFactory(placement=placement, planned_on=timezone.localdate() + timedelta(days=2))


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("coordinator", 200),
        ("supervisor", 200),
        ("leader", 200),
        ("mentor", 200),
        ("other_supervisor", 404),
        ("outsider", 404),
    ],
)
def test_who_may_read_a_visit_and_the_placement_list(login, request, visit, persona, status):
    client = login(request.getfixturevalue(persona))
    assert client.get(reverse("visits:visit_detail", args=[visit.pk])).status_code == status
    assert client.get(reverse("visits:placement_visits", args=[visit.placement_id])).status_code == status


def test_a_supervisor_cannot_see_another_supervisors_visits(login, other_supervisor, visit):
    client = login(other_supervisor)
    assert client.get(reverse("visits:visit_detail", args=[visit.pk])).status_code == 404
    assert visit.pk not in [r["visit"].pk for r in client.get(reverse("visits:agenda")).context["rows"]]


def test_supervisor_moves_a_moment_with_a_reason(login, supervisor, visit):
    new_day = visit.planned_on + timedelta(days=5)
    response = login(supervisor).post(
        reverse("visits:visit_move", args=[visit.pk]), {"planned_on": new_day.isoformat(), "reason": "Ziek"}
    )
    assert response.status_code == 302
    visit.refresh_from_db()
    assert (visit.planned_on, visit.change_reason) == (new_day, "Ziek")


def test_moving_needs_a_reason_and_a_day_in_the_period(login, supervisor, visit):
    client = login(supervisor)
    url = reverse("visits:visit_move", args=[visit.pk])
    assert client.post(url, {"planned_on": visit.planned_on.isoformat(), "reason": ""}).status_code == 200
    far = (visit.placement.end_date + timedelta(days=30)).isoformat()
    assert client.post(url, {"planned_on": far, "reason": "later"}).status_code == 200
    assert Visit.objects.get(pk=visit.pk).planned_on == visit.planned_on


def test_supervisor_cancels_a_moment_with_a_reason(login, supervisor, visit):
    client = login(supervisor)
    url = reverse("visits:visit_cancel", args=[visit.pk])
    assert client.post(url, {"reason": ""}).status_code == 200
    assert client.post(url, {"reason": "Stagebedrijf gesloten"}).status_code == 302
    visit.refresh_from_db()
    assert visit.status == "cancelled"
    # A second cancel changes nothing and says so.
    client.post(url, {"reason": "nog eens"})
    assert Visit.objects.get(pk=visit.pk).change_reason == "Stagebedrijf gesloten"


def test_supervisor_adds_a_moment(login, supervisor, placement):
    day = timezone.localdate() + timedelta(days=10)
    response = login(supervisor).post(
        reverse("visits:moment_add", args=[placement.pk]),
        {"planned_on": day.isoformat(), "mode": "video", "purpose": "interim"},
    )
    assert response.status_code == 302
    assert Visit.objects.get(placement=placement).mode == "video"


@pytest.mark.parametrize(("persona", "status"), [("leader", 403), ("mentor", 403), ("other_supervisor", 404)])
def test_others_cannot_change_moments(login, request, visit, persona, status):
    client = login(request.getfixturevalue(persona))
    assert client.post(reverse("visits:visit_cancel", args=[visit.pk]), {"reason": "x"}).status_code == status
    assert client.get(reverse("visits:moment_add", args=[visit.placement_id])).status_code == status
    assert Visit.objects.get(pk=visit.pk).status == "planned"


def test_placement_list_runs_fixed_queries(login, department, supervisor):
    placement = running_placement(department, supervisor)
    VisitFactory(placement=placement)
    url = reverse("visits:placement_visits", args=[placement.pk])
    assert_fixed_queries(login(supervisor), url, lambda: VisitFactory.create_batch(20, placement=placement))
