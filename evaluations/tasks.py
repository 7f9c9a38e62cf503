"""Periodic work of the evaluations app; each schedule sits on its task."""

from celery import shared_task
from celery.schedules import crontab

from evaluations import services
from stagebeheer.celery import periodic


@periodic(crontab(hour=7, minute=15), name="evaluations: reminders")
@shared_task(soft_time_limit=300, time_limit=360)
def send_reminders() -> int:
    """One reminder a week after the evaluation went out; the batch is claimed
    by setting reminded_at, so a second run sends nothing twice."""
    return services.remind_due(limit=500)


@shared_task(soft_time_limit=900, time_limit=960)
def build_dossier(export_id: int) -> bool:
    """Build one inspection dossier; returns quietly when it was claimed already or is gone."""
    from evaluations import dossier

    return dossier.run(export_id)
