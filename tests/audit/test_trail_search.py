"""The administrator's search of the whole trail; nobody else may use it."""

import pytest

from audit.context import acting
from audit.models import ReadEvent, ReadKind

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["coordinator", "supervisor", "leader", "mentor", "outsider"])
def test_only_the_administrator_may_search_the_trail(request, login, placement, persona):
    user = request.getfixturevalue(persona)
    assert login(user).get("/audit/").status_code == 403


def test_the_administrator_finds_a_persons_changes_in_a_period(login, admin_user, coordinator, placement):
    # The system's change first: on PostgreSQL the context lives until the transaction ends.
    placement.notes = "Door het systeem"
    placement.save()
    with acting(user=coordinator.pk):
        placement.notes = "Door Carla"
        placement.save()
    client = login(admin_user)
    response = client.get("/audit/", {"kind": "placements.placement", "user": coordinator.pk})
    text = response.content.decode()
    assert "Carla Coördinator wijzigde notities van Door het systeem in Door Carla" in text
    assert "van — in Door het systeem" not in text


def test_a_period_that_ends_before_it_starts_is_refused_on_the_page(login, admin_user):
    response = login(admin_user).get(
        "/audit/", {"kind": "placements.placement", "date_from": "2026-02-01", "date_to": "2026-01-01"}
    )
    assert response.status_code == 200
    assert "De einddatum ligt vóór de begindatum." in response.content.decode()


@pytest.mark.parametrize(
    "bad",
    [
        {"kind": "nope"},
        {"kind": "placements.placement", "record": "abc"},
        {"kind": "placements.placement", "user": "999999"},
        {"kind": "placements.placement", "date_from": "31-31-2026"},
    ],
)
def test_bad_input_gets_a_message_not_an_error(login, admin_user, bad):
    assert login(admin_user).get("/audit/", bad).status_code == 200


def test_the_export_is_a_csv_and_is_itself_recorded(login, admin_user, placement):
    response = login(admin_user).get("/audit/", {"kind": "placements.placement", "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "aangemaakt" in response.content.decode("utf-8-sig")
    assert ReadEvent.objects.filter(user=admin_user, kind=ReadKind.TRAIL_EXPORT).count() == 1
