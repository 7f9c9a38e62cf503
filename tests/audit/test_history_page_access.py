"""Each role against a record's history page, and the attacks on it."""

import pytest

from tests.querycount import assert_fixed_queries

pytestmark = pytest.mark.django_db


def url(key, pk):
    return f"/audit/geschiedenis/{key}/{pk}/"


def test_the_coordinator_reads_her_placements_history_in_plain_dutch(login, coordinator, placement):
    placement.notes = "Eerste week goed begonnen"
    placement.save()
    response = login(coordinator).get(url("placements.placement", placement.pk))
    assert response.status_code == 200
    assert "wijzigde notities van — in Eerste week goed begonnen" in response.content.decode()


def test_the_placement_page_links_to_its_history_for_the_coordinator(login, coordinator, placement):
    response = login(coordinator).get(f"/stages/{placement.pk}/")
    assert url("placements.placement", placement.pk) in response.content.decode()


@pytest.mark.parametrize("key", ["placements.placement", "placements.student", "placements.placementplan"])
def test_a_coordinator_of_another_school_gets_404(login, outsider, placement, key):
    pk = {
        "placements.placement": placement.pk,
        "placements.student": placement.student_id,
        "placements.placementplan": placement.plan_id,
    }[key]
    assert login(outsider).get(url(key, pk)).status_code == 404


def test_a_foreign_host_is_404_for_the_coordinator(login, coordinator, foreign_placement):
    assert login(coordinator).get(url("placements.host", foreign_placement.host_id)).status_code == 404


@pytest.mark.parametrize("persona", ["supervisor", "leader", "mentor"])
def test_other_roles_who_can_see_the_placement_get_403(request, login, placement, persona):
    user = request.getfixturevalue(persona)
    assert login(user).get(url("placements.placement", placement.pk)).status_code == 403


def test_the_panel_is_not_shown_to_the_supervisor(login, supervisor, placement):
    response = login(supervisor).get(f"/stages/{placement.pk}/")
    assert "/audit/geschiedenis/" not in response.content.decode()


def test_an_unknown_record_type_or_id_is_404(login, coordinator, placement):
    client = login(coordinator)
    assert client.get(url("stagebeheer.user", coordinator.pk)).status_code == 404
    assert client.get(url("placements.placement", 999999)).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(client, placement):
    response = client.get(url("placements.placement", placement.pk))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_administrator_reads_any_history(login, admin_user, foreign_placement):
    assert login(admin_user).get(url("placements.placement", foreign_placement.pk)).status_code == 200


def test_the_history_page_asks_a_fixed_number_of_queries(login, coordinator, placement, host, supervisor):
    client = login(coordinator)

    def grow():
        from tests.factories.placements import HostFactory

        for n in range(5):
            placement.host = HostFactory(school=host.school)
            placement.notes = f"wijziging {n}"
            placement.save()

    assert_fixed_queries(client, url("placements.placement", placement.pk), grow)
