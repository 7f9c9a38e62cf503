"""A submitted assessment as PDF for the student's file (WeasyPrint, in Celery).

Queued on submit; the task claims the row (queued → rendering) with a
conditional UPDATE, so a retried or duplicated task renders once."""

import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from assessments import filling
from assessments.models import Assessment, FinalJudgement, RoundKind

log = logging.getLogger(__name__)

QUEUED, RENDERING, DONE, FAILED = "queued", "rendering", "done", "failed"


def queue_pdf(assessment_id: int) -> None:
    from assessments.tasks import render_assessment_pdf

    Assessment.objects.filter(pk=assessment_id).update(pdf_status=QUEUED)
    transaction.on_commit(lambda: render_assessment_pdf.delay(assessment_id))


def assessment_html(assessment) -> str:
    _levels, competencies = filling.form_context(assessment.framework, assessment.party)
    scores = {s.competency_id: s for s in assessment.scores.select_related("level")}
    rows = [(c, scores.get(c.pk)) for c in competencies]
    judgement = None
    if assessment.round.kind == RoundKind.FINAL:
        judgement = (
            FinalJudgement.objects.filter(placement=assessment.placement, is_current=True)
            .select_related("overall", "decided_by")
            .first()
        )
    with translation.override("nl"):
        return render_to_string(
            "assessments/pdf/assessment.html",
            {
                "assessment": assessment,
                "placement": assessment.placement,
                "rows": rows,
                "judgement": judgement,
            },
        )


def render(assessment_id: int) -> str:
    claimed = Assessment.objects.filter(pk=assessment_id, pdf_status=QUEUED).update(pdf_status=RENDERING)
    if not claimed:
        return "skipped"
    from weasyprint import HTML

    assessment = Assessment.objects.select_related(
        "placement__student", "placement__host", "placement__plan", "round", "framework__scale"
    ).get(pk=assessment_id)
    try:
        data = HTML(string=assessment_html(assessment), base_url=str(settings.BASE_DIR)).write_pdf()
    except Exception:
        log.exception("Rendering assessment %s failed", assessment_id)
        Assessment.objects.filter(pk=assessment_id, pdf_status=RENDERING).update(pdf_status=FAILED)
        return "failed"
    name = f"beoordeling-{assessment.placement_id}-{assessment.round.kind}-{assessment.party}.pdf"
    stored = assessment.pdf.storage.save(
        assessment.pdf.field.generate_filename(assessment, name), ContentFile(data)
    )
    if not Assessment.objects.filter(pk=assessment_id, pdf_status=RENDERING).update(
        pdf_status=DONE, pdf=stored
    ):
        assessment.pdf.storage.delete(stored)
        return "superseded"
    return "rendered"
