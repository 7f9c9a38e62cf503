"""A real Celery worker on Redis renders the PDF; a duplicated task renders once."""

import time

import pytest

from agreements import pdf as pdf_module
from agreements import services
from agreements.models import Agreement, PdfStatus
from agreements.tasks import render_agreement_pdf
from tests.agreements.conftest import pdf_text, read

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def _wait_for(predicate, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def count_renders(monkeypatch):
    calls = []
    real = pdf_module.render_pdf

    def counting(agreement, signatures=None):
        calls.append(agreement.pk)
        return real(agreement, signatures)

    monkeypatch.setattr(pdf_module, "render_pdf", counting)
    return calls


def test_a_real_worker_renders_the_agreement_after_commit(celery_worker_on_redis, placement, coordinator):
    agreement = services.generate(placement, actor=coordinator)
    assert _wait_for(lambda: Agreement.objects.get(pk=agreement.pk).pdf_status == PdfStatus.DONE)
    agreement.refresh_from_db()
    data = read(agreement.pdf)
    assert services.sha256_of(data) == agreement.pdf_sha256
    text = pdf_text(data)
    assert "Stageovereenkomst" in text
    assert placement.student.full_name in text


def test_the_task_queued_twice_renders_once(celery_worker_on_redis, placement, coordinator, count_renders):
    agreement = services.generate(placement, actor=coordinator)
    # A duplicate delivery of the same task, as a broker redelivery or a retry would give.
    render_agreement_pdf.delay(agreement.pk)
    render_agreement_pdf.delay(agreement.pk)
    assert _wait_for(lambda: Agreement.objects.get(pk=agreement.pk).pdf_status == PdfStatus.DONE)
    time.sleep(1.0)  # let the duplicates run
    assert count_renders == [agreement.pk]
    assert Agreement.objects.get(pk=agreement.pk).pdf_status == PdfStatus.DONE
