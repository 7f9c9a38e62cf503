import pytest
from django.core.management import call_command

from placements.demo import YEAR
from placements.models import Placement, PlacementState

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


def test_the_demo_seeds_every_state_and_can_run_twice():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: PTH123, SIM115
    first = Placement.objects.count()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: PTH123, SIM115
    assert Placement.objects.count() == first
    assert set(Placement.objects.values_list("state", flat=True)) == set(PlacementState.values)
    assert Placement.objects.filter(duo_partner__isnull=False).count() == 2
    assert Placement.objects.filter(replaces__state="terminated").exists()
    # This year's teacher-education placements have a school-side team (issue 10.27);
    # last year's (evaluations.demo) ran before the schoolopleider was recorded.
    pabo = Placement.objects.filter(plan__kind="teacher_education", plan__school_year=YEAR).select_related(
        "school_trainer"
    )
    assert pabo.exists()
    assert {p.school_trainer.host_id == p.host_id for p in pabo} == {True}
