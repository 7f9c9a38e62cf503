"""Reminders for unsigned parties (after 3 and 7 days) and a note to the
coordinator after 10 days. Each step claims its batch (rows locked, those
another worker holds skipped) before it mails, so running the task twice or on
two workers sends nothing twice; a fixed number of queries whatever the number."""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Agreement, AgreementStatus, Party, Signature, SignatureRequest
from stagebeheer.claims import claim_batch

# (days after sending, reminders sent before this one)
REMINDER_STEPS = ((3, 0), (7, 1))
COORDINATOR_AFTER_DAYS = 10
BATCH = 500


def unsigned_requests():
    signed = Signature.objects.filter(agreement_id=OuterRef("agreement_id"), party=OuterRef("party"))
    return SignatureRequest.objects.filter(agreement__status=AgreementStatus.SENT).exclude(Exists(signed))


def send_reminders(now=None) -> dict:
    now = now or timezone.now()
    counts = {"reminders": 0, "coordinators": 0}
    for days, before in REMINDER_STEPS:
        counts["reminders"] += _remind_signers(days, before, now)
    counts["coordinators"] = _tell_overdue(now)
    return counts


def _remind_signers(days, before, now) -> int:
    from agreements.services.sending import _issue_links

    due = (
        unsigned_requests()
        .filter(by_link=True)  # a coordinator signing in the app gets the 10-day note instead
        .filter(reminders_sent=before, sent_at__lte=now - timedelta(days=days))
        .select_related("agreement__placement__plan__department")
        .order_by("pk")
    )
    with transaction.atomic():
        claimed = claim_batch(due, BATCH, reminders_sent=before + 1)
        # A fresh link: the token of the first mail cannot be recovered.
        with_email = [req for req in claimed if req.email]
        _issue_links(with_email, reminder=True)
    return len(with_email)


def _tell_overdue(now) -> int:
    """After 10 days the coordinator hears who has not signed (claimed once per
    agreement on its school request row, which every sent agreement has)."""
    from agreements.services.common import _tell_coordinators_many

    overdue = SignatureRequest.objects.filter(
        party=Party.SCHOOL,
        coordinator_told_at__isnull=True,
        agreement__status=AgreementStatus.SENT,
        agreement__sent_at__lte=now - timedelta(days=COORDINATOR_AFTER_DAYS),
    ).order_by("agreement_id")
    with transaction.atomic():
        claimed = claim_batch(overdue, BATCH, coordinator_told_at=now)
        agreements = list(
            Agreement.objects.filter(pk__in=[req.agreement_id for req in claimed])
            .select_related("placement__plan__department")
            .order_by("pk")
        )
        unsigned = defaultdict(list)
        for req in unsigned_requests().filter(agreement__in=[a.pk for a in agreements]).order_by("pk"):
            unsigned[req.agreement_id].append(req)
        notes = [
            (
                agreement,
                _("Overeenkomst nog niet ondertekend: %(s)s")
                % {"s": agreement.content.get("student_name", "")},
                "agreements/mail/coordinator_overdue",
                {
                    "unsigned": unsigned[agreement.pk],
                    "days": (now - agreement.sent_at).days,
                    "url": settings.SITE_URL + reverse("agreements:detail", args=[agreement.pk]),
                },
            )
            for agreement in agreements
            if unsigned[agreement.pk]
        ]
        _tell_coordinators_many(notes)
    return len(notes)
