"""Periodic work of the placements app; each schedule sits on its task."""

from celery import shared_task
from celery.schedules import crontab
from django.utils import timezone

from placements import wish_rounds
from stagebeheer.celery import periodic


@periodic(crontab(hour=8, minute=0), name="placements: wish round reminders")
@shared_task(soft_time_limit=300, time_limit=360)
def wish_reminders() -> int:
    """Each morning: students who have not chosen, three days before their round closes. Safe to run twice."""
    return wish_rounds.send_reminders(timezone.localdate())
