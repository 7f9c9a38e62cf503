"""Backlogs for the periodic tasks: about 500 items made due at once on the
seeded board, with bulk UPDATEs inside the benchmark's transaction (rolled back
after the test, so the persistent board stays in its steady state).

Each builder returns how many items it made due; a task without a builder is
measured in its steady state only (the report says why)."""

from datetime import timedelta

from django.utils import timezone

N = 500


def _first(queryset, n=N):
    return list(queryset.order_by("pk").values_list("pk", flat=True)[:n])


def assessment_reminders():
    from assessments.models import Assessment

    pks = _first(Assessment.objects.open().filter(placement__state="active").exclude(party="school"))
    return Assessment.objects.filter(pk__in=pks).update(
        reminded_first_at=None, reminded_second_at=None, opened_at=timezone.now() - timedelta(days=6)
    )


def assessment_rounds():
    from assessments.models import Assessment

    # Forms that were never opened: the task opens them again and mails the links.
    pks = _first(Assessment.objects.open().filter(placement__state="active"))
    return Assessment.objects.filter(pk__in=pks).delete()[1].get("assessments.Assessment", 0)


def evaluation_reminders():
    from evaluations.models import EvaluationInvitation
    from evaluations.models.questionnaire import LINK_AUDIENCES

    pks = _first(EvaluationInvitation.objects.filter(audience__in=LINK_AUDIENCES, completed_at__isnull=True))
    return EvaluationInvitation.objects.filter(pk__in=pks).update(
        reminded_at=None, sent_at=timezone.now() - timedelta(days=8)
    )


def agreement_reminders():
    from agreements.models import SignatureRequest
    from agreements.reminders import unsigned_requests

    pks = _first(unsigned_requests().filter(by_link=True))
    return SignatureRequest.objects.filter(pk__in=pks).update(
        reminders_sent=0, sent_at=timezone.now() - timedelta(days=4)
    )


def input_requests():
    from visits.models import Visit

    pks = _first(
        Visit.objects.open()
        .filter(placement__state="active", planned_on__gt=timezone.localdate())
        .exclude(purpose="introduction")
    )
    return Visit.objects.filter(pk__in=pks).update(
        input_requested_at=None, planned_on=timezone.localdate() + timedelta(days=2)
    )


def stale_mail():
    from stagebeheer.models import OutgoingMessage

    # Stored but never picked up (broker down): the task queues them again and,
    # with Celery inline here, sends each one.
    pks = _first(OutgoingMessage.objects.filter(status="sent"))
    return OutgoingMessage.objects.filter(pk__in=pks).update(
        status="queued", attempts=0, sent_at=None, created_at=timezone.now() - timedelta(hours=1)
    )


BACKLOGS = {
    "assessments: reminders": assessment_reminders,
    "assessments: open rounds": assessment_rounds,
    "evaluations: reminders": evaluation_reminders,
    "remind agreement signers": agreement_reminders,
    "visits: input requests": input_requests,
    "requeue stale mail": stale_mail,
}
WHY_NOT = {
    "requeue stale agreement PDFs": "a backlog renders 200 PDFs (the PDF benchmark measures one)",
    "placements: wish round reminders": "the board has no wish rounds",
    "audit: retention": "nothing on the board is past its retention",
    "visits: daily reminders": "one mail per supervisor, not per item: the steady run is the backlog",
    "daily visit reminders": "one mail per supervisor, not per item: the steady run is the backlog",
}
