"""Pages ask the database a fixed number of times, whatever the number of rows."""

import pytest
from django.test import RequestFactory

from agreements import services
from agreements.panels import coordinator_home, placement_panel, plan_panel
from tests.factories.placements import GuardianFactory, PlacementFactory
from tests.querycount import assert_fixed_calls, assert_fixed_queries

pytestmark = pytest.mark.django_db


def _sent_agreements(placement, coordinator, n, commit):
    placements = [placement]
    for _ in range(n - 1):
        other = PlacementFactory(plan=placement.plan, school_supervisor=placement.school_supervisor)
        GuardianFactory(student=other.student, email=f"ouder{other.pk}@thuis.example")
        placements.append(other)
    agreements = []
    with commit():
        for p in placements:
            agreement = services.generate(p, actor=coordinator)
            services.send(agreement, actor=coordinator)
            agreements.append(agreement)
    return agreements


def _more_sent_agreements(placement, coordinator, n, commit):
    """n more placements of the plan, each with an agreement sent."""
    with commit():
        for _ in range(n):
            other = PlacementFactory(plan=placement.plan, school_supervisor=placement.school_supervisor)
            GuardianFactory(student=other.student, email=f"ouder{other.pk}@thuis.example")
            services.send(services.generate(other, actor=coordinator), actor=coordinator)


@pytest.mark.parametrize("url", ["/agreements/?status=sent", "/"])
def test_the_overview_and_start_page_are_fixed_in_queries(url, placement, coordinator, commit, login):
    _sent_agreements(placement, coordinator, 1, commit)
    assert_fixed_queries(
        login(coordinator), url, lambda: _more_sent_agreements(placement, coordinator, 5, commit)
    )


def test_the_panels_are_fixed_in_queries(placement, coordinator, commit):
    agreements = _sent_agreements(placement, coordinator, 1, commit)
    request = RequestFactory().get("/")
    request.user = coordinator
    context = placement_panel(request, placement)
    assert context["agreement"] == agreements[0]
    assert {u["name"] for u in context["unsigned"]} >= {"Marieke Verhoeven"}
    grow = lambda: _more_sent_agreements(placement, coordinator, 3, commit)  # noqa: E731
    assert_fixed_calls(lambda: placement_panel(request, placement), grow)
    assert_fixed_calls(lambda: coordinator_home(request), grow)
    assert_fixed_calls(lambda: plan_panel(request, placement.plan), grow)


def test_the_detail_page_is_fixed_in_queries(placement, coordinator, commit, login):
    agreement = _sent_agreements(placement, coordinator, 1, commit)[0]
    client = login(coordinator)
    assert "nog niet getekend" in client.get(f"/agreements/{agreement.pk}/").content.decode()

    def grow():
        # More signers and requests on this agreement, more agreements beside it.
        for n in range(3):
            GuardianFactory(student=placement.student, email=f"extra{n}@thuis.example")
        _more_sent_agreements(placement, coordinator, 3, commit)

    assert_fixed_queries(client, f"/agreements/{agreement.pk}/", grow)


def test_the_start_page_lists_who_has_not_signed(placement, coordinator, commit, login):
    _sent_agreements(placement, coordinator, 1, commit)
    page = login(coordinator).get("/").content.decode()
    assert "Overeenkomsten wachten op handtekeningen" in page
    assert "Marieke Verhoeven" in page
