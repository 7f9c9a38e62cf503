"""Periodic work of the assessments app; each schedule sits on its task."""

from celery import shared_task
from celery.schedules import crontab

from assessments import opening
from assessments.models import Assessment
from stagebeheer.celery import periodic


@periodic(crontab(hour=6, minute=45), name="assessments: open rounds")
@shared_task(soft_time_limit=300, time_limit=360)
def open_due_rounds() -> int:
    """Open each round on its date for running placements and send the links.
    The unique (placement, round, party) makes a second run open nothing."""
    return opening.open_due_rounds()


@shared_task(soft_time_limit=60, time_limit=90)
def render_assessment_pdf(assessment_id: int) -> str:
    """The submitted form as PDF; the claim in pdf.render makes a rerun a no-op."""
    from assessments.pdf import render

    if not Assessment.objects.filter(pk=assessment_id).exists():
        return "gone"
    return render(assessment_id)


@periodic(crontab(hour=7, minute=15), name="assessments: reminders")
@shared_task(soft_time_limit=300, time_limit=360)
def send_reminders() -> dict:
    """Open linked forms get one reminder after 5 days and one after 10; safe to run twice."""
    from assessments import reminders

    return reminders.send_reminders()
