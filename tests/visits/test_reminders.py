"""Reminders: one mail per supervisor a day, a weekly list for coordinators,
safe to run twice, and a fixed number of queries whatever the placements."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from stagebeheer.models import OutgoingMessage
from tests.factories.visits import VisitFactory
from tests.visits.conftest import running_placement
from visits import reminders
from visits.tasks import daily_reminders

pytestmark = pytest.mark.django_db


def _monday():
    today = timezone.localdate()
    return today - timedelta(days=today.weekday())


def test_each_supervisor_gets_one_mail_with_due_and_overdue_moments(placement, other_placement, supervisor):
    today = timezone.localdate()
    VisitFactory(placement=placement, planned_on=today - timedelta(days=3))
    VisitFactory(placement=placement, planned_on=today + timedelta(days=2))
    VisitFactory(placement=placement, planned_on=today + timedelta(days=10))  # not yet
    VisitFactory(placement=other_placement, planned_on=today + timedelta(days=1))
    assert reminders.send_supervisor_reminders(today) == 2
    mine = OutgoingMessage.objects.get(to_email=supervisor.email)
    assert "te laat" in mine.body_text
    assert mine.body_text.count(placement.student.full_name) == 2


@pytest.mark.smoke
def test_running_twice_the_same_day_sends_each_mail_once(placement, other_placement, coordinator):
    monday = _monday()
    VisitFactory(placement=placement, planned_on=monday - timedelta(days=2))
    VisitFactory(placement=other_placement, planned_on=monday + timedelta(days=1))
    assert reminders.send_supervisor_reminders(monday) == 2
    assert reminders.send_coordinator_overviews(monday) == 1
    assert reminders.send_supervisor_reminders(monday) == 0
    assert reminders.send_coordinator_overviews(monday) == 0
    assert OutgoingMessage.objects.count() == 3
    # The next day the supervisors hear again.
    assert reminders.send_supervisor_reminders(monday + timedelta(days=1)) == 2


def test_the_task_runs_twice_without_double_mail(placement):
    VisitFactory(placement=placement, planned_on=timezone.localdate())
    daily_reminders()
    count = OutgoingMessage.objects.count()
    daily_reminders()
    assert OutgoingMessage.objects.count() == count >= 1


def test_the_coordinator_list_names_overdue_moments_per_supervisor(placement, coordinator, supervisor):
    VisitFactory(placement=placement, planned_on=_monday() - timedelta(days=5))
    reminders.send_coordinator_overviews(_monday())
    body = OutgoingMessage.objects.get(to_email=coordinator.email).body_text
    assert supervisor.full_name in body
    assert placement.student.full_name in body


def test_done_cancelled_and_stopped_moments_are_not_reminded(department, supervisor, placement):
    today = timezone.localdate()
    VisitFactory(placement=placement, planned_on=today, status="done", held_on=today)
    VisitFactory(placement=placement, planned_on=today, status="cancelled")
    stopped = running_placement(department, supervisor, None, state="terminated", terminated_on=today)
    VisitFactory(placement=stopped, planned_on=today)
    assert reminders.send_supervisor_reminders(today) == 0


def _queries(func, day):
    with CaptureQueriesContext(connection) as captured:
        func(day)
    return len(captured)


def test_reminders_run_fixed_queries_whatever_the_number_of_placements(
    department, supervisor, other_supervisor
):
    monday = _monday()
    for who in (supervisor, other_supervisor):
        VisitFactory(placement=running_placement(department, who), planned_on=monday - timedelta(days=1))
    few = _queries(reminders.send_supervisor_reminders, monday) + _queries(
        reminders.send_coordinator_overviews, monday
    )
    for who in (supervisor, other_supervisor):
        for _ in range(10):
            VisitFactory(placement=running_placement(department, who), planned_on=monday - timedelta(days=1))
    later = monday + timedelta(days=7)
    many = _queries(reminders.send_supervisor_reminders, later) + _queries(
        reminders.send_coordinator_overviews, later
    )
    assert many == few


def test_the_reminder_tasks_are_on_the_beat_schedule():
    import visits.tasks  # noqa: F401 - beat imports every tasks module the same way
    from stagebeheer.celery import app

    tasks = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert {"visits.tasks.daily_reminders", "visits.tasks.send_input_requests"} <= tasks


def test_reminders_and_overviews_show_in_their_departments_outbox(
    login, placement, supervisor, coordinator, department
):
    """A mail about a department's placements belongs to that department, so its
    coordinators can see and resend it at /mail/ (issue 10: 19)."""
    monday = _monday()
    VisitFactory(placement=placement, planned_on=monday - timedelta(days=2))
    reminders.send_supervisor_reminders(monday)
    reminders.send_coordinator_overviews(monday)
    reminder = OutgoingMessage.objects.get(to_email=supervisor.email)
    overview = OutgoingMessage.objects.get(to_email=coordinator.email)
    assert reminder.department == department
    assert overview.department == department
    listed = login(coordinator).get("/mail/").content.decode()
    assert reminder.subject in listed
    assert overview.subject in listed
