"""Hours entered by link are checked by the working-time rules of the schedule;
impossible lines are refused; the workplace supervisor rejects or corrects a line
(issue 10: 7)."""

from datetime import date
from decimal import Decimal

import pytest
from django.test import TestCase
from django.urls import reverse

from placements import services
from placements.models import HoursEntry
from tests.factories.placements import PlacementFactory, StudentFactory
from tests.sent_links import link_in_sent_mail

pytestmark = pytest.mark.django_db


@pytest.fixture
def minor_placement(plan, host, department, supervisor):
    student = StudentFactory(department=department, date_of_birth=date(2011, 6, 1))  # 15 in February 2027
    return PlacementFactory(plan=plan, student=student, host=host, school_supervisor=supervisor)


def links(client, login, coordinator, placement):
    staff = login(coordinator)
    urls = []
    for who in ("student", "host"):
        # The stored row holds a placeholder; the link is in the mail as sent.
        with TestCase.captureOnCommitCallbacks(execute=True):
            staff.post(reverse("placements:placement_hours_link", args=[placement.pk, who]))
        urls.append(link_in_sent_mail(url_contains="/l/"))
    staff.logout()
    return urls


def test_eight_hours_between_nine_and_ten_is_refused(client, login, coordinator, minor_placement):
    student_url, _host = links(client, login, coordinator, minor_placement)
    response = client.post(
        student_url, {"date": "2027-02-02", "start_time": "09:00", "end_time": "10:00", "hours": "8"}
    )
    assert response.status_code == 400
    assert "daarin kun je geen 8 uur werken" in response.content.decode()
    assert not HoursEntry.objects.exists()


def test_more_than_24_hours_on_one_day_is_refused(client, login, coordinator, placement):
    student_url, _host = links(client, login, coordinator, placement)
    client.post(student_url, {"date": "2027-02-02", "hours": "20"})
    response = client.post(student_url, {"date": "2027-02-02", "hours": "8"})
    assert response.status_code == 400
    assert "een dag heeft er 24" in response.content.decode()
    assert HoursEntry.objects.count() == 1


def test_overlapping_times_are_refused(client, login, coordinator, placement):
    student_url, _host = links(client, login, coordinator, placement)
    client.post(student_url, {"date": "2027-02-02", "start_time": "09:00", "end_time": "13:00"})
    response = client.post(student_url, {"date": "2027-02-02", "start_time": "12:00", "end_time": "15:00"})
    assert response.status_code == 400
    assert "mogen niet overlappen" in response.content.decode()
    assert HoursEntry.objects.count() == 1


def test_a_minor_working_twelve_hours_on_sunday_is_warned_and_the_week_flagged(
    client, login, coordinator, minor_placement
):
    student_url, host_url = links(client, login, coordinator, minor_placement)
    response = client.post(student_url, {"date": "2027-02-07", "hours": "12"}, follow=True)
    page = response.content.decode()
    assert "Let op:" in page
    assert "Zondagswerk is niet toegestaan" in page
    entry = HoursEntry.objects.get()
    assert any("per dag het maximum" in p for p in entry.problems)
    assert "arbeidstijdenregels voor minderjarigen" in client.get(host_url).content.decode()
    detail = login(coordinator).get(reverse("placements:placement_detail", args=[minor_placement.pk]))
    assert "Zondagswerk is niet toegestaan" in detail.content.decode()


def test_an_adult_on_sunday_is_not_flagged(client, login, coordinator, placement):
    student_url, _host = links(client, login, coordinator, placement)
    client.post(student_url, {"date": "2027-02-07", "hours": "8"})
    assert HoursEntry.objects.get().problems == []


def test_the_workplace_supervisor_rejects_a_line_which_then_does_not_count(
    client, login, coordinator, placement
):
    student_url, host_url = links(client, login, coordinator, placement)
    client.post(student_url, {"date": "2027-02-02", "hours": "6"})
    client.post(student_url, {"date": "2027-02-03", "hours": "5"})
    wrong = HoursEntry.objects.get(date=date(2027, 2, 3))
    response = client.post(
        host_url + "reject/", {"entry": wrong.pk, "reason": "Was die dag ziek"}, follow=True
    )
    assert "afgewezen" in response.content.decode()
    client.post(
        host_url + "reject/", {"entry": wrong.pk, "reason": "nog eens"}
    )  # a second click changes nothing
    wrong.refresh_from_db()
    assert wrong.rejection_reason == "Was die dag ziek"
    client.post(host_url, {"week": "2027-02-01"})
    wrong.refresh_from_db()
    assert wrong.confirmed_at is None  # a rejected line is not confirmed with the week
    assert "Week van 01-02-2027: 6" in client.get(host_url).content.decode()
    assert "afgewezen: Was die dag ziek" in client.get(student_url).content.decode()
    detail = (
        login(coordinator).get(reverse("placements:placement_detail", args=[placement.pk])).content.decode()
    )
    assert "Ingevuld: 6" in detail


def test_the_workplace_supervisor_corrects_the_hours_of_a_line(client, login, coordinator, placement):
    student_url, host_url = links(client, login, coordinator, placement)
    client.post(student_url, {"date": "2027-02-02", "start_time": "09:00", "end_time": "15:00"})
    entry = HoursEntry.objects.get()
    client.post(host_url + "correct/", {"entry": entry.pk, "hours": "5,5"})
    client.post(host_url + "correct/", {"entry": entry.pk, "hours": "5"})
    entry.refresh_from_db()
    assert entry.hours == Decimal("5.00")
    assert entry.corrected_from == Decimal("6.00")  # the student's own number is kept
    response = client.post(host_url + "correct/", {"entry": entry.pk, "hours": "7"}, follow=True)
    assert "daarin kun je geen 7 uur werken" in response.content.decode()
    entry.refresh_from_db()
    assert entry.hours == Decimal("5.00")


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("correct/", {"hours": "abc"}),
        ("correct/", {"hours": "1e9"}),
        ("correct/", {"hours": "NaN"}),
        ("correct/", {"hours": "0.3"}),
        ("correct/", {"hours": "-4"}),
        ("correct/", {"hours": "25"}),
        ("reject/", {"reason": ""}),
        ("reject/", {"reason": "x" * 301}),
        ("reject/", {"reason": "ok", "entry": "abc"}),
        ("reject/", {"reason": "ok", "entry": "99999999999999999999"}),
        ("correct/", {"hours": "4", "entry": "FOREIGN"}),
        ("reject/", {"reason": "ok", "entry": "FOREIGN"}),
    ],
)
def test_hostile_values_and_foreign_lines_change_nothing(client, login, coordinator, placement, action, data):
    other = PlacementFactory(plan=placement.plan)
    foreign = services.add_hours(other, day=date(2027, 2, 2), hours=3, source="student")
    student_url, host_url = links(client, login, coordinator, placement)
    client.post(student_url, {"date": "2027-02-02", "hours": "6"})
    mine = HoursEntry.objects.get(placement=placement)
    data = {"entry": mine.pk, **data}
    if data["entry"] == "FOREIGN":
        data["entry"] = foreign.pk
    response = client.post(host_url + action, data, follow=True)
    assert response.status_code == 200
    for entry in (mine, foreign):
        before = (entry.hours, entry.rejected_at, entry.corrected_from)
        entry.refresh_from_db()
        assert (entry.hours, entry.rejected_at, entry.corrected_from) == before


def test_staff_entries_are_checked_by_the_same_rules(login, coordinator, placement):
    client = login(coordinator)
    response = client.post(
        reverse("placements:placement_add_hours", args=[placement.pk]),
        {"date": "2027-02-02", "start_time": "09:00", "end_time": "10:00", "hours": "8"},
        follow=True,
    )
    assert "daarin kun je geen 8 uur werken" in response.content.decode()
    assert not HoursEntry.objects.exists()
