"""Concerns are visible to the coordinator and the placement's own supervisor only."""

import pytest
from django.urls import reverse
from django.utils import timezone

from stagebeheer.models import OutgoingMessage
from tests.factories.visits import ConcernFactory, VisitFactory
from tests.querycount import assert_fixed_queries
from visits.models import Concern

pytestmark = pytest.mark.django_db


@pytest.fixture
def concern(placement):
    return ConcernFactory(placement=placement)


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("coordinator", 200),
        ("supervisor", 200),
        ("other_supervisor", 404),
        ("leader", 403),
        ("mentor", 403),
        ("outsider", 404),
    ],
)
def test_who_may_open_a_concern(login, request, concern, persona, status):
    client = login(request.getfixturevalue(persona))
    assert client.get(reverse("visits:concern_detail", args=[concern.pk])).status_code == status


def test_a_supervisor_cannot_see_any_concern_of_a_placement_not_theirs(
    login, other_supervisor, concern, other_placement
):
    own = ConcernFactory(placement=other_placement)
    response = login(other_supervisor).get(reverse("visits:concern_list"))
    assert [c.pk for c in response.context["page"]] == [own.pk]
    assert concern.description not in response.content.decode()


def test_the_coordinator_lists_every_concern_of_the_department(login, coordinator, concern, other_placement):
    other = ConcernFactory(placement=other_placement)
    response = login(coordinator).get(reverse("visits:concern_list"))
    assert {c.pk for c in response.context["page"]} == {concern.pk, other.pk}


@pytest.mark.parametrize("persona", ["leader", "mentor"])
def test_leaders_and_mentors_have_no_concern_list(login, request, persona):
    assert login(request.getfixturevalue(persona)).get(reverse("visits:concern_list")).status_code == 403


def test_the_concern_list_runs_fixed_queries(login, coordinator, placement):
    ConcernFactory(placement=placement)
    assert_fixed_queries(
        login(coordinator),
        reverse("visits:concern_list"),
        lambda: ConcernFactory.create_batch(15, placement=placement),
    )


def test_supervisor_raises_a_concern_from_a_visit(login, supervisor, coordinator, placement):
    visit = VisitFactory(placement=placement)
    response = login(supervisor).post(
        reverse("visits:concern_add", args=[placement.pk]) + f"?visit={visit.pk}",
        {
            "kind": "misuse_labour",
            "occurred_on": timezone.localdate().isoformat(),
            "severity": "high",
            "reporter_role": "staff",
            "description": "Alleen vakken vullen, niets geleerd.",
            "visit": visit.pk,
        },
    )
    assert response.status_code == 302
    concern = Concern.objects.get()
    assert (concern.visit, concern.reported_by, concern.department) == (
        visit,
        supervisor,
        placement.plan.department,
    )
    # The coordinator hears of it, without the details in the mail.
    message = OutgoingMessage.objects.get(to_email=coordinator.email)
    assert "vakken" not in message.body_text


def test_a_concern_with_bad_input_is_not_stored(login, supervisor, placement):
    response = login(supervisor).post(
        reverse("visits:concern_add", args=[placement.pk]),
        {"kind": "nonsense", "occurred_on": "2099-01-01", "severity": "high", "reporter_role": "staff"},
    )
    assert response.status_code == 200
    assert not Concern.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [("other_supervisor", 404), ("leader", 403), ("mentor", 403)])
def test_others_cannot_raise_a_concern_on_the_placement(login, request, placement, persona, status):
    response = login(request.getfixturevalue(persona)).get(reverse("visits:concern_add", args=[placement.pk]))
    assert response.status_code == status


def test_closing_needs_an_outcome(login, coordinator, concern):
    url = reverse("visits:concern_detail", args=[concern.pk])
    client = login(coordinator)
    response = client.post(url, {"severity": "high", "actions": "Gebeld", "status": "closed", "outcome": ""})
    assert response.status_code == 200
    assert Concern.objects.get(pk=concern.pk).status == "open"
    client.post(url, {"severity": "high", "actions": "Gebeld", "status": "closed", "outcome": "resolved"})
    concern.refresh_from_db()
    assert (concern.status, concern.outcome) == ("closed", "resolved")
    assert concern.closed_on is not None


def test_marking_the_host_unsuitable_changes_the_host(login, coordinator, concern):
    login(coordinator).post(
        reverse("visits:concern_detail", args=[concern.pk]),
        {"severity": "high", "actions": "", "status": "closed", "outcome": "host_unsuitable"},
    )
    concern.placement.host.refresh_from_db()
    assert concern.placement.host.status == "unsuitable"


def test_the_home_panel_counts_concerns_without_showing_them(login, coordinator, concern):
    response = login(coordinator).get(reverse("home"))
    html = response.content.decode()
    assert "open zorgmeldingen" in html
    assert concern.description not in html


def test_the_concern_page_runs_fixed_queries(login, coordinator, concern):
    # More concerns of the same placement and more readers' history around it.
    assert_fixed_queries(
        login(coordinator),
        reverse("visits:concern_detail", args=[concern.pk]),
        lambda: ConcernFactory.create_batch(5, placement=concern.placement),
    )
