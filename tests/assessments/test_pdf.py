"""A submitted assessment becomes a PDF for the student's file, rendered once in Celery."""

import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assessment, FinalJudgement, Score
from assessments.opening import open_round
from assessments.pdf import QUEUED
from assessments.presets import apply_default
from assessments.tasks import render_assessment_pdf
from tests.assessments.conftest import running_placement

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(department, supervisor):
    placement = running_placement(department, supervisor)
    setup = apply_default(placement.plan)
    open_round(placement, setup.rounds.get(kind="final"))
    assessment = Assessment.objects.get(placement=placement, party="workplace")
    level = assessment.framework.scale.levels.get(label="goed")
    for competency in assessment.framework.competencies.all():
        Score.objects.create(assessment=assessment, competency=competency, level=level, comment="Netjes")
    Assessment.objects.filter(pk=assessment.pk).update(
        status="submitted",
        submitted_at=timezone.now(),
        submitted_by_label="Piet Praktijk",
        tops="Sterk met klanten",
        pdf_status=QUEUED,
    )
    FinalJudgement.objects.create(
        placement=placement,
        method="decision",
        overall=level,
        decided_by=supervisor,
        rationale="Besproken in het eindgesprek.",
    )
    return assessment


def test_the_task_renders_the_pdf_once_with_the_scores_and_the_judgement(submitted, tmp_path):
    assert render_assessment_pdf(submitted.pk) == "rendered"
    assert render_assessment_pdf(submitted.pk) == "skipped"
    submitted.refresh_from_db()
    assert submitted.pdf_status == "done"
    path = tmp_path / "out.pdf"
    path.write_bytes(submitted.pdf.read())
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    for expected in (
        submitted.placement.student.full_name,
        "Inzet tonen",
        "goed",
        "Sterk met klanten",
        "Besproken in het eindgesprek",
        "Piet Praktijk",
    ):
        assert expected in text


def test_a_task_for_a_deleted_assessment_returns_quietly(submitted):
    pk = submitted.pk
    Assessment.objects.filter(pk=pk).delete()
    assert render_assessment_pdf(pk) == "gone"


def test_readers_download_it_and_a_stranger_gets_404(submitted, login, leader, other_supervisor, outsider):
    render_assessment_pdf(submitted.pk)
    url = reverse("assessments:pdf", args=[submitted.pk])
    response = login(leader).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert login(other_supervisor).get(url).status_code == 404
    assert login(outsider).get(url).status_code == 404


def test_no_pdf_yet_is_a_404_not_an_error(submitted, login, leader):
    assert login(leader).get(reverse("assessments:pdf", args=[submitted.pk])).status_code == 404


def test_submitting_by_link_queues_the_pdf(submitted, client, django_capture_on_commit_callbacks):
    from assessments import filling

    other = Assessment.objects.get(placement=submitted.placement, party="student")
    levels, competencies = filling.form_context(other.framework, other.party)
    data = {"revision": 0, "tops": "", "tips": "", **{f"level_{c.pk}": levels[1].pk for c in competencies}}
    form = filling.AssessmentForm(data, levels=levels, competencies=competencies, submit=True)
    assert form.is_valid()
    with django_capture_on_commit_callbacks(execute=True):
        filling.save(other, form, submit=True, by_label="Leerling")
    other.refresh_from_db()
    assert other.pdf_status == "done"
