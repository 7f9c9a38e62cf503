"""Hours: the student enters them by link, the workplace supervisor confirms a week by link."""

from datetime import date

import pytest
from django.urls import reverse

from placements.models import HoursEntry
from tests.sent_links import link_in_sent_mail

pytestmark = pytest.mark.django_db


def link_from_outbox():
    """The link in the newest mail as sent."""
    return link_in_sent_mail(url_contains="/l/")


def test_student_enters_hours_and_supervisor_confirms_the_week(
    login, coordinator, placement, client, django_capture_on_commit_callbacks
):
    staff = login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(reverse("placements:placement_hours_link", args=[placement.pk, "student"]))
    student_url = link_from_outbox()
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(reverse("placements:placement_hours_link", args=[placement.pk, "host"]))
    host_url = link_from_outbox()
    staff.logout()
    page = client.get(student_url)
    assert page.status_code == 200
    entry = {
        "date": "2027-02-02",
        "start_time": "09:00",
        "end_time": "15:00",
        "description": "Brood gebakken",
    }
    client.post(student_url, entry)
    client.post(student_url, entry)  # a double submit stores once
    assert HoursEntry.objects.get().hours == 6
    client.post(student_url, {"date": "2026-01-01", "hours": "4"})
    assert HoursEntry.objects.count() == 1  # outside the placement
    assert "Week van 01-02-2027" in client.get(host_url).content.decode()
    client.post(host_url, {"week": "2027-02-01"})
    entry = HoursEntry.objects.get()
    assert entry.confirmed_at is not None
    assert entry.confirmed_by == placement.primary_workplace_supervisor.name
    response = client.post(host_url, {"week": "2027-02-01"}, follow=True)
    assert "al bevestigd" in response.content.decode()


def test_totals_show_on_the_placement_page(login, coordinator, placement):
    HoursEntry.objects.create(placement=placement, date=date(2027, 2, 1), hours=6, source="staff")
    response = login(coordinator).get(reverse("placements:placement_detail", args=[placement.pk]))
    assert response.context["hours_done"] == 6
    assert response.context["hours_confirmed"] == 0


def test_staff_enter_hours_but_not_outside_the_placement(login, coordinator, placement):
    client = login(coordinator)
    url = reverse("placements:placement_add_hours", args=[placement.pk])
    client.post(url, {"date": "2027-02-03", "hours": "5"})
    client.post(url, {"date": "2030-02-03", "hours": "5"})
    client.post(url, {"date": "2027-02-03"})
    assert HoursEntry.objects.count() == 1


def test_other_supervisor_cannot_add_hours(login, other_supervisor, placement):
    response = login(other_supervisor).post(
        reverse("placements:placement_add_hours", args=[placement.pk]), {"date": "2027-02-03", "hours": "5"}
    )
    assert response.status_code == 404


def test_the_same_form_posted_twice_stores_one_row_even_when_both_arrive_together(placement):
    """Both posts passed every check before either stored: the unique form key
    lets the database keep one."""
    import uuid

    from placements import services

    key = uuid.uuid4()
    first = services.add_hours(placement, day=date(2027, 2, 2), hours=6, source="student", submission=key)
    second = services.add_hours(placement, day=date(2027, 2, 2), hours=6, source="student", submission=key)
    assert first.pk == second.pk
    assert HoursEntry.objects.count() == 1


def test_two_forms_with_the_same_hours_are_two_shifts(
    login, coordinator, placement, client, django_capture_on_commit_callbacks
):
    staff = login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(reverse("placements:placement_hours_link", args=[placement.pk, "student"]))
    student_url = link_from_outbox()
    staff.logout()
    shift = {"date": "2027-02-02", "hours": "3", "description": "Vakken vullen"}
    for _ in range(2):
        key = client.get(student_url).context["form"].initial["submission"]
        client.post(student_url, {**shift, "submission": key})
        client.post(student_url, {**shift, "submission": key})  # each double-tapped
    assert HoursEntry.objects.count() == 2
