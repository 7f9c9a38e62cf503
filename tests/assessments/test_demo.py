"""The demo seed gives every demo plan an assessment set-up, twice without duplicates."""

import pytest

from assessments import demo
from assessments.models import CompetencyFramework, PlanAssessmentSetup, Round
from stagebeheer.demo import seed_core
from tests.factories.placements import PlacementPlanFactory

pytestmark = pytest.mark.django_db


def test_the_seed_sets_up_each_plan_once():
    core = seed_core()
    vmbo = PlacementPlanFactory(department=core.departments["vmbo"], kind="vmbo_orientation")
    mbo = PlacementPlanFactory(department=core.departments["mbo"], kind="mbo_bpv")
    demo.seed(core)
    demo.seed(core)
    assert PlanAssessmentSetup.objects.get(plan=vmbo).framework.name == "Werknemersvaardigheden vmbo/pro"
    assert PlanAssessmentSetup.objects.get(plan=mbo).method == "decision"
    assert Round.objects.count() == 4
    assert CompetencyFramework.objects.count() == 3
