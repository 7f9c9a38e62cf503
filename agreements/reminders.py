"""Reminders for unsigned parties (after 3 and 7 days) and a note to the
coordinator after 10 days. Each step is claimed with a conditional UPDATE, so
running the task twice sends nothing twice."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Agreement, AgreementStatus, Party, Signature, SignatureRequest

# (days after sending, reminders sent before this one)
REMINDER_STEPS = ((3, 0), (7, 1))
COORDINATOR_AFTER_DAYS = 10
BATCH = 500


def unsigned_requests():
    signed = Signature.objects.filter(agreement_id=OuterRef("agreement_id"), party=OuterRef("party"))
    return SignatureRequest.objects.filter(agreement__status=AgreementStatus.SENT).exclude(Exists(signed))


def send_reminders(now=None) -> dict:
    from agreements.services import _issue_link, _tell_coordinators

    now = now or timezone.now()
    counts = {"reminders": 0, "coordinators": 0}
    for days, before in REMINDER_STEPS:
        due = (
            unsigned_requests()
            .filter(by_link=True)  # a coordinator signing in the app gets the 10-day note instead
            .filter(reminders_sent=before, sent_at__lte=now - timedelta(days=days))
            .select_related("agreement__placement__plan__department")[:BATCH]
        )
        for req in due:
            with transaction.atomic():
                claimed = SignatureRequest.objects.filter(pk=req.pk, reminders_sent=before).update(
                    reminders_sent=before + 1
                )
                if claimed and req.email:
                    # A fresh link: the token of the first mail cannot be recovered.
                    _issue_link(req, reminder=True)
                    counts["reminders"] += 1
    # After 10 days the coordinator hears who has not signed (claimed once per agreement
    # on its school request row, which every sent agreement has).
    overdue = Agreement.objects.filter(
        status=AgreementStatus.SENT,
        sent_at__lte=now - timedelta(days=COORDINATOR_AFTER_DAYS),
        requests__party=Party.SCHOOL,
        requests__coordinator_told_at__isnull=True,
    ).select_related("placement__plan__department")[:BATCH]
    for agreement in overdue:
        with transaction.atomic():
            claimed = SignatureRequest.objects.filter(
                agreement=agreement, party=Party.SCHOOL, coordinator_told_at__isnull=True
            ).update(coordinator_told_at=now)
            if not claimed:
                continue
            unsigned = list(unsigned_requests().filter(agreement=agreement))
            if not unsigned:
                continue
            _tell_coordinators(
                agreement,
                subject=_("Overeenkomst nog niet ondertekend: %(s)s")
                % {"s": agreement.content.get("student_name", "")},
                template="agreements/mail/coordinator_overdue",
                context={
                    "unsigned": unsigned,
                    "days": (now - agreement.sent_at).days,
                    "url": settings.SITE_URL + reverse("agreements:detail", args=[agreement.pk]),
                },
            )
            counts["coordinators"] += 1
    return counts
