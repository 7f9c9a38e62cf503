"""The demo seed gives every demo plan an assessment set-up and the demo
placements forms in every state, twice without duplicates."""

from datetime import timedelta

import pytest
from django.utils import timezone

from assessments import demo
from assessments.models import Assessment, CompetencyFramework, PlanAssessmentSetup, Round
from stagebeheer.demo import seed_core
from tests.assessments.conftest import running_placement
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


def test_the_seed_leaves_forms_open_drafted_and_submitted_once():
    core = seed_core()
    department = core.departments["vmbo"]
    plan = PlacementPlanFactory(department=department)
    today = timezone.localdate()
    for _ in range(4):
        running_placement(
            department,
            core.users["supervisor"],
            plan=plan,
            start_date=today - timedelta(days=40),
            end_date=today + timedelta(days=20),
        )
    demo.seed(core)
    states = set(Assessment.objects.values_list("status", flat=True))
    count = Assessment.objects.count()
    demo.seed(core)
    assert states == {"open", "draft", "submitted"}
    assert Assessment.objects.count() == count


def test_the_seed_records_a_final_judgement_with_rationale_on_a_completed_placement_once():
    from assessments.models import FinalJudgement

    core = seed_core()
    department = core.departments["vmbo"]
    plan = PlacementPlanFactory(department=department)
    today = timezone.localdate()
    running_placement(
        department,
        core.users["supervisor"],
        plan=plan,
        state="completed",
        start_date=today - timedelta(days=60),
        end_date=today - timedelta(days=5),
    )
    demo.seed(core)
    demo.seed(core)
    judgement = FinalJudgement.objects.get()
    assert judgement.rationale
    assert judgement.computation["rows"]


def test_the_seed_shows_the_stageboek_in_every_state_once():
    from assessments.models import Assignment, FinalPresentation, HandIn

    core = seed_core()
    department = core.departments["vmbo"]
    plan = PlacementPlanFactory(department=department)
    today = timezone.localdate()
    for _ in range(3):
        running_placement(department, core.users["supervisor"], plan=plan)
    running_placement(
        department,
        core.users["supervisor"],
        plan=plan,
        state="completed",
        start_date=today - timedelta(days=60),
        end_date=today - timedelta(days=5),
    )
    demo.seed(core)
    counts = (Assignment.objects.count(), HandIn.objects.count(), FinalPresentation.objects.count())
    demo.seed(core)
    assert (Assignment.objects.count(), HandIn.objects.count(), FinalPresentation.objects.count()) == counts
    assert set(HandIn.objects.values_list("state", flat=True)) == {"handed_in", "sent_back", "done"}
    running = HandIn.objects.filter(placement__state="active").values_list("placement_id", "assignment_id")
    assert len(running) < 3 * Assignment.objects.filter(plan=plan).count()  # some stay open
    assert FinalPresentation.objects.filter(placement__state="completed").exists()
