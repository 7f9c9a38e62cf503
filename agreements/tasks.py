"""Rendering PDFs and reminding signers, in Celery."""

import logging
from datetime import timedelta

from celery import shared_task
from celery.schedules import crontab
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from agreements.models import Agreement, Party, PdfStatus
from stagebeheer.celery import periodic

log = logging.getLogger(__name__)


def _render_into(
    agreement_id: int, *, status_field: str, file_field: str, hash_field: str, signed: bool
) -> str:
    # Claim the row: only one worker moves queued → rendering, so a retried or
    # duplicated task never renders the same PDF twice.
    claimed = Agreement.objects.filter(pk=agreement_id, **{status_field: PdfStatus.QUEUED}).update(
        **{status_field: PdfStatus.RENDERING}
    )
    if not claimed:
        return "skipped"
    from agreements.pdf import render_pdf
    from agreements.services import sha256_of

    agreement = Agreement.objects.select_related("placement").get(pk=agreement_id)
    try:
        order = {party: n for n, party in enumerate(Party.values)}
        signatures = sorted(agreement.signatures.all(), key=lambda s: order[s.party]) if signed else None
        data = render_pdf(agreement, signatures)
    except Exception as exc:
        log.exception("Rendering agreement %s failed", agreement_id)
        Agreement.objects.filter(pk=agreement_id, **{status_field: PdfStatus.RENDERING}).update(
            **{
                status_field: PdfStatus.FAILED,
                **({} if signed else {"pdf_error": f"{type(exc).__name__}: {exc}"[:2000]}),
            }
        )
        return "failed"
    suffix = "ondertekend" if signed else "concept"
    name = f"{agreement.kind}-{agreement.placement_id}-v{agreement.version}-{suffix}.pdf"
    stored = getattr(agreement, file_field).storage.save(
        getattr(agreement, file_field).field.generate_filename(agreement, name), ContentFile(data)
    )
    with transaction.atomic():
        done = Agreement.objects.filter(pk=agreement_id, **{status_field: PdfStatus.RENDERING}).update(
            **{status_field: PdfStatus.DONE, file_field: stored, hash_field: sha256_of(data)}
        )
    if not done:
        # The agreement was re-queued while rendering; the next run writes the newer content.
        getattr(agreement, file_field).storage.delete(stored)
        return "superseded"
    return "rendered"


@shared_task(soft_time_limit=60, time_limit=90)
def render_agreement_pdf(agreement_id: int) -> str:
    return _render_into(
        agreement_id, status_field="pdf_status", file_field="pdf", hash_field="pdf_sha256", signed=False
    )


@shared_task(soft_time_limit=60, time_limit=90)
def render_signed_pdf(agreement_id: int) -> str:
    """The signed copy: the agreement plus a page with every signature."""
    return _render_into(
        agreement_id,
        status_field="signed_pdf_status",
        file_field="signed_pdf",
        hash_field="signed_pdf_sha256",
        signed=True,
    )


@periodic(crontab(hour=7, minute=30), name="remind agreement signers")
@shared_task(soft_time_limit=120, time_limit=180)
def remind_signers() -> dict:
    from agreements.reminders import send_reminders

    return send_reminders()


@periodic(900.0, name="requeue stale agreement PDFs")
@shared_task(soft_time_limit=60, time_limit=90)
def requeue_stale_pdfs() -> int:
    """PDFs queued while the broker was down; the claim makes a second task a no-op."""
    cutoff = timezone.now() - timedelta(minutes=10)
    ids = list(
        Agreement.objects.filter(pdf_status=PdfStatus.QUEUED, created_at__lt=cutoff).values_list(
            "pk", flat=True
        )[:200]
    )
    for pk in ids:
        render_agreement_pdf.delay(pk)
    return len(ids)
