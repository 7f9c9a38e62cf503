"""Periodic work of the assessments app; each schedule sits on its task."""

from celery import shared_task
from celery.schedules import crontab

from assessments import opening
from stagebeheer.celery import periodic


@periodic(crontab(hour=6, minute=45), name="assessments: open rounds")
@shared_task(soft_time_limit=300, time_limit=360)
def open_due_rounds() -> int:
    """Open each round on its date for running placements and send the links.
    The unique (placement, round, party) makes a second run open nothing."""
    return opening.open_due_rounds()
