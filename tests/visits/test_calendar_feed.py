"""The supervisor's secret calendar URL."""

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.factories.visits import VisitFactory
from visits.models import CalendarFeed

pytestmark = pytest.mark.django_db


def _token(client):
    response = client.post(reverse("visits:calendar_renew"))
    url = response.context["url"]
    return url.rsplit("/", 1)[1].removesuffix(".ics")


def test_the_feed_lists_only_my_planned_moments(client, login, supervisor, placement, other_placement):
    mine = VisitFactory(placement=placement, planned_on=timezone.localdate())
    VisitFactory(placement=other_placement, planned_on=timezone.localdate())
    token = _token(login(supervisor))
    client.logout()
    response = client.get(reverse("visits:calendar_feed", args=[token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["uid"]) for e in events] == [f"visit-{mine.pk}@stagebeheer"]
    assert placement.student.full_name in str(events[0]["summary"])


def test_a_renewed_or_revoked_feed_stops_working(client, login, supervisor):
    client = login(supervisor)
    first = _token(client)
    second = _token(client)
    assert client.get(reverse("visits:calendar_feed", args=[first])).status_code == 404
    assert client.get(reverse("visits:calendar_feed", args=[second])).status_code == 200
    client.post(reverse("visits:calendar_revoke"))
    assert client.get(reverse("visits:calendar_feed", args=[second])).status_code == 404
    assert not CalendarFeed.objects.exists()


def test_an_unknown_token_is_a_404(client):
    assert client.get(reverse("visits:calendar_feed", args=["nope"])).status_code == 404


def test_only_the_token_hash_is_stored(login, supervisor):
    token = _token(login(supervisor))
    assert token not in CalendarFeed.objects.get().token_hash


@pytest.mark.parametrize("persona", ["leader", "mentor"])
def test_roles_without_moments_have_no_feed(login, request, persona):
    assert login(request.getfixturevalue(persona)).post(reverse("visits:calendar_renew")).status_code == 403
