"""Periodic work of the visits app; the schedule is declared below the tasks."""

from celery import shared_task
from celery.schedules import crontab
from django.db import transaction
from django.utils import timezone

from stagebeheer.celery import app
from visits import reminders
from visits.inputs import due_for_input, request_input


@shared_task(soft_time_limit=300, time_limit=360)
def daily_reminders() -> dict:
    """Each morning: supervisors hear of moments due within 3 days and overdue
    ones; on Mondays coordinators get the overdue list. Safe to run twice."""
    today = timezone.localdate()
    result = {"supervisors": reminders.send_supervisor_reminders(today)}
    if today.weekday() == 0:
        result["coordinators"] = reminders.send_coordinator_overviews(today)
    return result


@shared_task(soft_time_limit=300, time_limit=360)
def send_input_requests() -> int:
    """Ask workplace supervisors for their judgement a few days before a conversation.
    Each moment is claimed by a conditional UPDATE, so a rerun sends nothing twice."""
    sent = 0
    for visit in due_for_input()[:500]:
        with transaction.atomic():
            sent += request_input(visit)
    return sent


@app.on_after_finalize.connect
def schedule(sender, **kwargs):
    sender.add_periodic_task(crontab(hour=6, minute=30), daily_reminders.s(), name="visits: daily reminders")
    sender.add_periodic_task(
        crontab(hour=7, minute=0), send_input_requests.s(), name="visits: input requests"
    )
