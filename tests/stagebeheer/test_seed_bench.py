"""seed_bench builds the benchmark board only where no real school lives."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from placements.models import Placement, PlacementPlan
from stagebeheer.models import Department, School
from tests.factories.core import DepartmentFactory

pytestmark = pytest.mark.django_db


def test_it_refuses_a_database_with_a_real_school():
    DepartmentFactory()
    with pytest.raises(CommandError, match="refuses"):
        call_command("seed_bench", scale=0.01, stdout=StringIO())
    assert not School.objects.filter(board_name__startswith="Bestuur Benchmark").exists()


def test_it_seeds_a_small_board_once_with_one_department_of_one_year():
    call_command("seed_bench", scale=0.02, stdout=StringIO())
    assert Department.objects.count() == 12
    placements = Placement.objects.count()
    assert placements > 200
    assert set(Placement.objects.values_list("state", flat=True)) >= {
        "draft",
        "agreement_pending",
        "active",
        "completed",
        "terminated",
    }
    assert PlacementPlan.objects.filter(department__name="Benchcollege locatie 4").count() == 1
    assert PlacementPlan.objects.filter(department__name="Benchcollege locatie 1").count() == 3
    out = StringIO()
    call_command("seed_bench", scale=0.02, stdout=out)
    assert "already there" in out.getvalue()
    assert Placement.objects.count() == placements


def test_another_scale_needs_fresh():
    call_command("seed_bench", scale=0.01, stdout=StringIO())
    with pytest.raises(CommandError, match="--fresh"):
        call_command("seed_bench", scale=0.02, stdout=StringIO())


def test_it_seeds_assessments_and_evaluation_answers():
    from assessments.models import Assessment, FinalJudgement, Score
    from evaluations.models import EvaluationAnswer, EvaluationInvitation

    call_command("seed_bench", scale=0.02, stdout=StringIO())
    assert set(Assessment.objects.values_list("party", flat=True)) == {"workplace", "student", "school"}
    # Open and draft forms need running placements past halfway: few at this scale.
    assert "submitted" in set(Assessment.objects.values_list("status", flat=True))
    submitted = Assessment.objects.filter(status="submitted").first()
    assert Score.objects.filter(assessment=submitted).count() == 12
    assert FinalJudgement.objects.filter(placement__state="completed").exists()
    assert EvaluationAnswer.objects.count() > 100
    assert EvaluationInvitation.objects.filter(completed_at__isnull=True).exists()
