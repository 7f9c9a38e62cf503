"""Rendering PDFs and reminding signers, in Celery."""

import logging
from datetime import timedelta

from celery import shared_task
from celery.schedules import crontab
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from agreements.models import Agreement, Party, PdfStatus
from stagebeheer.celery import periodic
from stagebeheer.leases import expired_before, seconds_left, worker_name

log = logging.getLogger(__name__)


def _from_the_broker(task) -> bool:
    """Run by a worker (so it can retry later), not inline or called directly."""
    return not task.request.called_directly and not task.request.is_eager


def _render_into(
    task, agreement_id: int, *, status_field: str, file_field: str, hash_field: str, signed: bool
) -> str:
    # Claim the row with a lease: only one worker moves queued → rendering, and a
    # claim whose lease ran out (its worker was killed) is taken over.
    lease = settings.PDF_LEASE_SECONDS
    claimed_at_field, claimed_by_field = f"{status_field[:-7]}_claimed_at", f"{status_field[:-7]}_claimed_by"
    claimable = (
        Q(**{status_field: PdfStatus.QUEUED})
        | Q(**{status_field: PdfStatus.RENDERING, f"{claimed_at_field}__lt": expired_before(lease)})
        | Q(**{status_field: PdfStatus.RENDERING, f"{claimed_at_field}__isnull": True})
    )
    me = worker_name()
    claimed = Agreement.objects.filter(claimable, pk=agreement_id).update(
        **{status_field: PdfStatus.RENDERING, claimed_at_field: timezone.now(), claimed_by_field: me}
    )
    if not claimed:
        row = Agreement.objects.filter(pk=agreement_id).values(status_field, claimed_at_field).first()
        if (
            row
            and row[status_field] == PdfStatus.RENDERING
            and task is not None
            and not task.request.is_eager
        ):
            # Another worker holds it, alive or killed: look again when its lease ends.
            raise task.retry(countdown=seconds_left(row[claimed_at_field], lease) + 1, max_retries=5)
        return "skipped"
    mine = {status_field: PdfStatus.RENDERING, claimed_by_field: me}
    from agreements.pdf import render_pdf
    from agreements.services import sha256_of

    agreement = Agreement.objects.select_related("placement").get(pk=agreement_id)
    try:
        order = {party: n for n, party in enumerate(Party.values)}
        signatures = sorted(agreement.signatures.all(), key=lambda s: order[s.party]) if signed else None
        data = render_pdf(agreement, signatures)
    except Exception as exc:
        log.exception("Rendering agreement %s failed", agreement_id)
        Agreement.objects.filter(pk=agreement_id, **mine).update(
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
        done = Agreement.objects.filter(pk=agreement_id, **mine).update(
            **{status_field: PdfStatus.DONE, file_field: stored, hash_field: sha256_of(data)}
        )
    if not done:
        # Re-queued while rendering, or our lease ran out and another worker took
        # over: the newer run writes the PDF, ours is dropped.
        getattr(agreement, file_field).storage.delete(stored)
        return "superseded"
    if signed:
        from agreements.services import deliver_signed_copies

        deliver_signed_copies(agreement_id)
    return "rendered"


@shared_task(bind=True, soft_time_limit=60, time_limit=90)
def render_agreement_pdf(self, agreement_id: int) -> str:
    return _render_into(
        self, agreement_id, status_field="pdf_status", file_field="pdf", hash_field="pdf_sha256", signed=False
    )


@shared_task(bind=True, soft_time_limit=60, time_limit=90)
def render_signed_pdf(self, agreement_id: int) -> str:
    """The signed copy: the agreement plus a page with every signature."""
    return _render_into(
        self,
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


@periodic(300.0, name="requeue stale agreement PDFs")
@shared_task(soft_time_limit=60, time_limit=90)
def requeue_stale_pdfs() -> int:
    """PDFs queued while the broker was down, and renders whose worker was killed
    (lease run out); the claim makes a second task a no-op."""
    cutoff = timezone.now() - timedelta(minutes=10)
    expired = expired_before(settings.PDF_LEASE_SECONDS)
    drafts = list(
        Agreement.objects.filter(
            Q(pdf_status=PdfStatus.QUEUED, created_at__lt=cutoff)
            | Q(pdf_status=PdfStatus.RENDERING, pdf_claimed_at__lt=expired)
        ).values_list("pk", flat=True)[:200]
    )
    signed = list(
        Agreement.objects.filter(
            Q(signed_pdf_status=PdfStatus.QUEUED, signed_at__lt=cutoff)
            | Q(signed_pdf_status=PdfStatus.RENDERING, signed_pdf_claimed_at__lt=expired)
        ).values_list("pk", flat=True)[:200]
    )
    for pk in drafts:
        render_agreement_pdf.delay(pk)
    for pk in signed:
        render_signed_pdf.delay(pk)
    return len(drafts) + len(signed)
