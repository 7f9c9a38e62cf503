"""A PDF survives a worker killed in the middle of rendering it (issue 9.3).

Real processes: a Celery worker on Redis whose first render stalls; its pool
child is killed with SIGKILL, the pool starts a new one, and the redelivered
task takes the claim over when the lease has run out: the PDF is stored once.
The sweeper takes over a claim whose task is gone altogether.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from agreements import services
from agreements.models import Agreement, PdfStatus
from agreements.tasks import requeue_stale_pdfs
from tests.agreements.conftest import read
from tests.conftest import celery_app
from tests.killable_worker import KillableWorker, wait_for


@pytest.fixture
def worker(tmp_path):
    celery_app.control.purge()
    (tmp_path / "stall-render").write_text("")
    worker = KillableWorker(tmp_path).start()
    yield worker
    worker.stop()
    celery_app.control.purge()


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_a_render_killed_midway_is_taken_over_and_stored_once(
    worker, tmp_path, settings, placement, coordinator
):
    agreement = services.generate(placement, actor=coordinator)
    assert wait_for(lambda: list(tmp_path.glob("render-*")), timeout=60), worker.log.read_text()[-3000:]
    [started] = tmp_path.glob("render-*")
    killed = int(started.read_text())
    row = Agreement.objects.get(pk=agreement.pk)
    assert row.pdf_status == PdfStatus.RENDERING
    assert row.pdf_claimed_by.endswith(f":{killed}")
    worker.kill_child(killed)

    assert wait_for(
        lambda: Agreement.objects.get(pk=agreement.pk).pdf_status == PdfStatus.DONE, timeout=90
    ), worker.log.read_text()[-3000:]
    agreement.refresh_from_db()
    assert not agreement.pdf_claimed_by.endswith(f":{killed}")  # a new pool child did it
    stored = list((settings.MEDIA_ROOT).rglob("*.pdf"))
    assert len(stored) == 1
    assert services.sha256_of(read(agreement.pdf)) == agreement.pdf_sha256


@pytest.mark.django_db
def test_the_sweeper_requeues_a_render_whose_lease_ran_out_and_not_a_live_one(
    placement, coordinator, monkeypatch, settings
):
    queued = []
    monkeypatch.setattr("agreements.tasks.render_agreement_pdf.delay", queued.append)
    monkeypatch.setattr("agreements.tasks.render_signed_pdf.delay", lambda pk: queued.append(("signed", pk)))
    agreement = services.generate(placement, actor=coordinator)
    lease = timedelta(seconds=settings.PDF_LEASE_SECONDS)
    Agreement.objects.filter(pk=agreement.pk).update(
        pdf_status=PdfStatus.RENDERING, pdf_claimed_at=timezone.now() - lease / 2, pdf_claimed_by="w:1"
    )
    assert requeue_stale_pdfs() == 0  # still held by a live claim
    Agreement.objects.filter(pk=agreement.pk).update(pdf_claimed_at=timezone.now() - lease * 2)
    assert requeue_stale_pdfs() == 1
    assert queued == [agreement.pk]


@pytest.mark.django_db
def test_a_task_finds_an_expired_claim_and_renders_it(
    placement, coordinator, django_capture_on_commit_callbacks
):
    from agreements.tasks import render_agreement_pdf

    agreement = services.generate(placement, actor=coordinator)  # on-commit render not run
    Agreement.objects.filter(pk=agreement.pk).update(
        pdf_status=PdfStatus.RENDERING,
        pdf_claimed_at=timezone.now() - timedelta(hours=1),
        pdf_claimed_by="dead:1",
    )
    assert render_agreement_pdf(agreement.pk) == "rendered"
    assert Agreement.objects.get(pk=agreement.pk).pdf_status == PdfStatus.DONE
