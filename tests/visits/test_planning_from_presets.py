"""Contact moments are planned from the plan's rules when a placement becomes active."""

from datetime import date

import pytest

from placements import services as placement_services
from placements.signals import placement_state_changed
from tests.factories.visits import PlacementFactory
from visits.models import ContactMomentRule, Visit
from visits.presets import PRESETS
from visits.services import apply_preset, plan_moments

pytestmark = pytest.mark.django_db


def _pending(department, **kwargs):
    # A Monday start and a Friday end keep the expected dates easy to read.
    kwargs.setdefault("start_date", date(2027, 2, 1))
    kwargs.setdefault("end_date", date(2027, 5, 28))
    kwargs.setdefault("state", "agreement_pending")
    return PlacementFactory(plan__department=department, **kwargs)


def _moments(placement):
    return list(
        Visit.objects.filter(placement=placement)
        .order_by("planned_on")
        .values_list("planned_on", "mode", "purpose")
    )


def test_vmbo_block_plans_a_call_in_week_one_and_one_visit(department, allow_activation):
    placement = _pending(department, end_date=date(2027, 2, 12))
    apply_preset(placement.plan, "vmbo_block")
    placement_services.activate(placement)
    assert _moments(placement) == [
        (date(2027, 2, 3), "phone", "introduction"),
        (date(2027, 2, 8), "on_site", "interim"),  # halfway is Sunday 7-2, moved to Monday
    ]


def test_vmbo_ribbon_plans_a_call_and_two_visits(department, allow_activation):
    placement = _pending(department)
    apply_preset(placement.plan, "vmbo_ribbon")
    placement_services.activate(placement)
    moments = _moments(placement)
    assert [m[1:] for m in moments] == [
        ("phone", "introduction"),
        ("on_site", "interim"),
        ("on_site", "final"),
    ]
    assert moments[0][0] <= date(2027, 2, 5)  # within the first week


def test_pro_plans_a_visit_every_five_weeks(department, allow_activation):
    placement = _pending(department)
    apply_preset(placement.plan, "pro")
    placement_services.activate(placement)
    visits = [m for m in _moments(placement) if m[1] == "on_site"]
    assert [v[0] for v in visits] == [date(2027, 3, 1), date(2027, 4, 5), date(2027, 5, 10)]


def test_mbo_plans_start_midway_and_end_as_the_stagepact_asks(department, allow_activation):
    placement = _pending(department)
    apply_preset(placement.plan, "mbo")
    placement_services.activate(placement)
    moments = _moments(placement)
    assert [m[2] for m in moments] == ["start", "interim", "final"]
    assert moments[0][0] == date(2027, 2, 8)
    assert moments[2][0] == date(2027, 5, 21)


def test_teacher_education_plans_a_tripartite_conversation(department, allow_activation):
    placement = _pending(department)
    apply_preset(placement.plan, "teacher_education")
    placement_services.activate(placement)
    assert [m[1:] for m in _moments(placement)] == [("school", "tripartite")]


@pytest.mark.parametrize("key", list(PRESETS))
def test_every_preset_plans_its_moments_within_the_period(department, allow_activation, key):
    placement = _pending(department)
    apply_preset(placement.plan, key)
    placement_services.activate(placement)
    moments = _moments(placement)
    assert moments
    assert all(placement.start_date <= m[0] <= placement.end_date for m in moments)
    assert all(m[0].weekday() < 5 for m in moments)


@pytest.mark.smoke
def test_planning_twice_adds_nothing(department, allow_activation):
    placement = _pending(department)
    apply_preset(placement.plan, "mbo")
    placement_services.activate(placement)
    placement_state_changed.send(
        sender=type(placement),
        placement=placement,
        old_state="agreement_pending",
        new_state="active",
        actor=None,
    )
    assert plan_moments(placement) == 0
    assert Visit.objects.filter(placement=placement).count() == 3


def test_other_state_changes_plan_nothing(department):
    placement = _pending(department, state="draft")
    apply_preset(placement.plan, "mbo")
    placement_services.send_for_agreement(placement)
    assert not Visit.objects.filter(placement=placement).exists()


def test_a_new_preset_replaces_the_rules_but_keeps_planned_moments(department, allow_activation):
    placement = _pending(department)
    apply_preset(placement.plan, "mbo")
    placement_services.activate(placement)
    apply_preset(placement.plan, "teacher_education")
    assert ContactMomentRule.objects.filter(plan=placement.plan).count() == 1
    assert Visit.objects.filter(placement=placement).count() == 3


def test_a_plan_without_rules_plans_nothing(department, allow_activation):
    placement = _pending(department)
    placement_services.activate(placement)
    assert not Visit.objects.filter(placement=placement).exists()
