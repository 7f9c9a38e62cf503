from celery import shared_task
from celery.schedules import crontab

from audit import retention
from stagebeheer.celery import periodic


@periodic(crontab(hour=3, minute=15), name="audit: retention")
@shared_task
def run_retention():
    """Nightly; safe to run twice: students are claimed with a conditional UPDATE."""
    return retention.run().pk
