"""Assessments join the audit trail and the retention term like the first half's records."""

import datetime as dt

import pytest

from assessments.models import Assessment, Score
from assessments.opening import open_round
from assessments.presets import apply_default
from audit import retention
from audit.models.events import TRACKED
from placements.models import Student
from tests.assessments.conftest import running_placement

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessed(department, supervisor):
    placement = running_placement(department, supervisor)
    setup = apply_default(placement.plan)
    open_round(placement, setup.rounds.get(kind="final"))
    assessment = Assessment.objects.filter(placement=placement).first()
    competency = assessment.framework.competencies.first()
    level = assessment.framework.scale.levels.first()
    Score.objects.create(
        assessment=assessment, competency=competency, level=level, comment="Komt vaak te laat."
    )
    Assessment.objects.filter(pk=assessment.pk).update(tops="Vriendelijk", tips="Vragen stellen")
    return assessment


def test_a_changed_assessment_leaves_an_event_without_its_texts(assessed):
    # PostgreSQL records it by trigger, SQLite by the signal fallback (audit.fallback): the same table.
    assessed.refresh_from_db()
    assessed.status = "submitted"
    assessed.submitted_at = dt.datetime(2027, 1, 8, 10, tzinfo=dt.UTC)
    assessed.save()
    events = TRACKED["assessments.assessment"].event_model.objects.filter(pgh_obj_id=assessed.pk)
    assert events.exists()
    assert not any(hasattr(e, "tops") for e in events)


def test_retention_clears_the_assessment_texts_of_an_anonymised_student(assessed):
    student = assessed.placement.student
    Student.objects.filter(pk=student.pk).update(left_on=dt.date(2020, 7, 1))
    run = retention.run(today=dt.date(2030, 9, 1))
    assert run.summary["students_anonymised"] == 1
    assessed.refresh_from_db()
    assert (assessed.tops, assessed.tips) == ("", "")
    assert Score.objects.get(assessment=assessed).comment == ""
    assert Score.objects.get(assessment=assessed).level_id is not None  # the figures stay


def test_retention_clears_open_evaluation_answers_and_review_comments(department, supervisor):
    from evaluations.models import EvaluationAnswer, EvaluationResponse, HostReview
    from evaluations.services import current_form

    placement = running_placement(department, supervisor)
    form = current_form(placement.plan, "student")
    response = EvaluationResponse.objects.create(placement=placement, audience="student", form=form)
    question = form.questions.filter(kind="text").first() or form.questions.first()
    EvaluationAnswer.objects.create(
        response=response, question=question, text="Mijn begeleider was vaak weg."
    )
    review = HostReview.objects.create(
        placement=placement,
        host=placement.host,
        reviewer=supervisor,
        learning_opportunities=4,
        guidance=3,
        safety=5,
        would_place_again=True,
        comment="Prima plek.",
    )
    Student.objects.filter(pk=placement.student_id).update(left_on=dt.date(2020, 7, 1))
    retention.run(today=dt.date(2030, 9, 1))
    assert EvaluationAnswer.objects.get(response=response).text == ""
    review.refresh_from_db()
    assert review.comment == ""
    assert review.safety == 5
