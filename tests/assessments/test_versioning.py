"""Editing a framework that assessments use makes a new version; old assessments keep theirs."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assessments import versioning
from assessments.models import Assessment, CompetencyFramework, PlanAssessmentSetup, Round
from tests.assessments.conftest import running_placement
from tests.factories.assessments import FrameworkFactory

pytestmark = pytest.mark.django_db


def _used(framework, department, supervisor):
    placement = running_placement(department, supervisor)
    setup = PlanAssessmentSetup.objects.create(plan=placement.plan, framework=framework)
    rnd = Round.objects.create(setup=setup, kind="final", share=100)
    return Assessment.objects.create(
        placement=placement, round=rnd, party="workplace", framework=framework, due_on=timezone.localdate()
    )


def test_an_unused_framework_is_edited_in_place(own_framework):
    competency = own_framework.competencies.first()
    changed = versioning.change_competency(competency, {"name": "Nieuw"}, {})
    assert changed.pk == competency.pk
    assert CompetencyFramework.objects.filter(lineage=own_framework.lineage).count() == 1


def test_editing_a_framework_in_use_makes_version_2_and_the_old_assessment_keeps_version_1(
    own_framework, department, supervisor
):
    assessment = _used(own_framework, department, supervisor)
    competency = own_framework.competencies.first()
    old_name = competency.name
    changed = versioning.change_competency(competency, {"name": "Nieuwe naam"}, {})
    new = changed.framework
    assert (new.version, new.is_current, new.lineage) == (2, True, own_framework.lineage)
    own_framework.refresh_from_db()
    assert not own_framework.is_current
    assessment.refresh_from_db()
    assert assessment.framework_id == own_framework.pk
    assert own_framework.competencies.filter(name=old_name).exists()
    assert new.competencies.count() == own_framework.competencies.count()
    # The plan moves on to the new version for assessments still to open.
    assert PlanAssessmentSetup.objects.get().framework_id == new.pk


def test_a_second_edit_goes_to_the_same_new_version_not_a_third(own_framework, department, supervisor):
    _used(own_framework, department, supervisor)
    first = versioning.change_competency(own_framework.competencies.first(), {"name": "A"}, {})
    second = versioning.change_competency(first.framework.competencies.last(), {"name": "B"}, {})
    assert second.framework_id == first.framework_id


def test_an_old_version_cannot_be_edited(own_framework, department, supervisor):
    _used(own_framework, department, supervisor)
    versioning.change_competency(own_framework.competencies.first(), {"name": "A"}, {})
    own_framework.refresh_from_db()
    with pytest.raises(ValidationError):
        versioning.change_competency(own_framework.competencies.first(), {"name": "B"}, {})


def test_a_standard_framework_is_never_edited(vmbo_framework):
    with pytest.raises(PermissionDenied):
        versioning.change_competency(vmbo_framework.competencies.first(), {"name": "X"}, {})


def test_a_framework_keeps_at_least_5_and_at_most_40_competencies(department):
    small = FrameworkFactory(department=department, competencies=5)
    with pytest.raises(ValidationError):
        versioning.remove_competency(small.competencies.first())
    assert small.competencies.count() == 5
    big = FrameworkFactory(department=department, competencies=40)
    with pytest.raises(ValidationError):
        versioning.add_competency(big, {"name": "Eén te veel", "description": ""}, {})
    assert big.competencies.count() == 40


def test_a_copy_starts_a_new_lineage_with_the_indicators(vmbo_framework, department):
    copy = versioning.copy_framework(vmbo_framework, department)
    assert copy.lineage != vmbo_framework.lineage
    assert copy.department == department
    assert copy.competencies.count() == vmbo_framework.competencies.count()
    assert copy.competencies.first().indicators.count() == 3
