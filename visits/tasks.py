"""Periodic work of the visits app; each schedule sits on its task."""

from celery import shared_task
from celery.schedules import crontab
from django.utils import timezone

from stagebeheer.celery import periodic
from visits import reminders
from visits.inputs import request_due_inputs


@periodic(crontab(hour=6, minute=30), name="visits: daily reminders")
@shared_task(soft_time_limit=300, time_limit=360)
def daily_reminders() -> dict:
    """Each morning: supervisors hear of moments due within 3 days and overdue
    ones; on Mondays coordinators get the overdue list. Safe to run twice."""
    today = timezone.localdate()
    result = {"supervisors": reminders.send_supervisor_reminders(today)}
    if today.weekday() == 0:
        result["coordinators"] = reminders.send_coordinator_overviews(today)
    return result


@periodic(crontab(hour=7, minute=0), name="visits: input requests")
@shared_task(soft_time_limit=300, time_limit=360)
def send_input_requests() -> int:
    """Ask workplace supervisors for their judgement a few days before a conversation.
    The batch is claimed before it is mailed, so a rerun sends nothing twice."""
    return request_due_inputs(limit=500)
