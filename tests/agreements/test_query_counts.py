"""Pages ask the database a fixed number of times, whatever the number of rows."""

import pytest
from django.test import RequestFactory

from agreements import services
from agreements.panels import coordinator_home, placement_panel, plan_panel
from tests.factories.placements import GuardianFactory, PlacementFactory

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


@pytest.mark.parametrize("n", [1, 6])
def test_the_overview_and_start_page_are_fixed_in_queries(
    n, placement, coordinator, commit, login, django_assert_max_num_queries
):
    _sent_agreements(placement, coordinator, n, commit)
    client = login(coordinator)
    with django_assert_max_num_queries(9):
        assert client.get("/agreements/?status=sent").status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("n", [1, 6])
def test_the_panels_are_fixed_in_queries(n, placement, coordinator, commit, django_assert_max_num_queries):
    agreements = _sent_agreements(placement, coordinator, n, commit)
    request = RequestFactory().get("/")
    request.user = coordinator
    # agreements, their signatures and requests, cooperation agreements, the user's roles
    with django_assert_max_num_queries(5):
        context = placement_panel(request, placement)
    assert context["agreement"] == agreements[0]
    assert {u["name"] for u in context["unsigned"]} >= {"Marieke Verhoeven"}
    # waiting agreements with signatures and requests, and the counts
    with django_assert_max_num_queries(4):
        coordinator_home(request)
    with django_assert_max_num_queries(3):
        plan_panel(request, placement.plan)


def test_the_detail_page_is_fixed_in_queries(
    placement, coordinator, commit, login, django_assert_max_num_queries
):
    agreement = _sent_agreements(placement, coordinator, 1, commit)[0]
    client = login(coordinator)
    with django_assert_max_num_queries(12):
        response = client.get(f"/agreements/{agreement.pk}/")
    assert "nog niet getekend" in response.content.decode()


def test_the_start_page_lists_who_has_not_signed(placement, coordinator, commit, login):
    _sent_agreements(placement, coordinator, 1, commit)
    page = login(coordinator).get("/").content.decode()
    assert "Overeenkomsten wachten op handtekeningen" in page
    assert "Marieke Verhoeven" in page
