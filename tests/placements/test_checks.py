"""Each check refuses the placement with a clear message and saves nothing."""

from datetime import date

import pytest

from placements import services
from placements.models import HostKind, HostStatus, Placement, PlanKind
from tests.factories.placements import (
    WORKWEEK,
    HostFactory,
    PlacementFactory,
    PlacementPlanFactory,
    StudentFactory,
    WorkplaceSupervisorFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(department):
    return PlacementPlanFactory(department=department)


@pytest.fixture
def student(department):
    return StudentFactory(department=department, date_of_birth=date(2008, 1, 1))  # adult in 2027


@pytest.fixture
def host(department):
    return HostFactory(school=department.school, capacity=2)


def values(plan, student, host, **extra):
    base = dict(
        plan=plan,
        student=student,
        host=host,
        start_date=date(2027, 2, 1),
        end_date=date(2027, 2, 12),
        schedule=WORKWEEK,
    )
    base.update(extra)
    return base


def create(**kwargs):
    before = Placement.objects.count()
    placement, result = services.create_placement(kwargs, accept_warnings=False)
    return placement, result, Placement.objects.count() - before


def test_a_clean_placement_is_saved_as_draft(plan, student, host):
    supervisor = WorkplaceSupervisorFactory(host=host)
    placement, result = services.create_placement(values(plan, student, host), supervisors=[supervisor])
    assert result.errors == []
    assert result.warnings == []
    assert placement.state == "draft"
    assert placement.planned_hours == 60
    assert placement.primary_workplace_supervisor == supervisor


def test_it_refuses_an_overlapping_placement_of_the_same_student(plan, student, host):
    PlacementFactory(plan=plan, student=student, host=host)
    other = HostFactory(school=host.school)
    placement, result, added = create(
        **values(plan, student, other, start_date=date(2027, 2, 10), end_date=date(2027, 2, 20))
    )
    assert placement is None
    assert added == 0
    assert "al een stage bij" in result.errors[0]


def test_a_terminated_placement_only_blocks_until_its_end(plan, student, host):
    old = PlacementFactory(
        plan=plan, student=student, host=host, state="terminated", terminated_on=date(2027, 2, 3)
    )
    assert old.pk
    _placement, result, added = create(**values(plan, student, host, start_date=date(2027, 2, 4)))
    assert added == 1, result.errors


def test_it_refuses_an_unsuitable_host_and_shows_the_reason(plan, student, host):
    host.status = HostStatus.UNSUITABLE
    host.status_reason = "Geen begeleiding beschikbaar"
    host.save()
    _placement, result, added = create(**values(plan, student, host))
    assert added == 0
    assert any("ongeschikt" in e and "Geen begeleiding beschikbaar" in e for e in result.errors)


def test_it_refuses_a_host_without_sbb_recognition_when_the_plan_needs_one(plan, student, host):
    plan.requires_sbb = True
    plan.save()
    _placement, result, added = create(**values(plan, student, host))
    assert added == 0
    assert any("SBB-erkenning" in e for e in result.errors)


def test_a_lapsed_recognition_counts_as_none(plan, student, host):
    plan.requires_sbb = True
    plan.save()
    host.sbb_number = "123456"
    host.sbb_valid_until = date(2027, 1, 31)
    host.save()
    _, result, added = create(**values(plan, student, host))
    assert added == 0
    assert any("verlopen" in e for e in result.errors)
    host.sbb_valid_until = date(2030, 1, 1)
    host.save()
    _, result, added = create(**values(plan, student, host))
    assert added == 1


def test_it_refuses_hours_outside_the_plan_range(plan, student, host):
    plan.min_hours = 640
    plan.max_hours = 1280
    plan.save()
    _, result, added = create(**values(plan, student, host))
    assert added == 0
    assert "minstens 640" in result.errors[0]


def test_it_refuses_a_forbidden_kind_of_host(plan, student, host):
    _, result, added = create(**values(plan, student, host, host_kinds=[HostKind.FAMILY]))
    assert added == 0
    assert "familie van de leerling" in result.errors[0]
    host.kinds = [HostKind.DELIVERY]
    host.save()
    _, result, added = create(**values(plan, student, host))
    assert added == 0
    assert "bezorgwerk" in result.errors[0]


def test_it_refuses_a_minor_working_too_long(plan, host, department):
    student = StudentFactory(department=department, date_of_birth=date(2012, 6, 1))  # 14 in 2027
    long_days = [{"weekday": d, "start": "08:00", "end": "17:00", "break_minutes": 30} for d in range(5)]
    _, result, added = create(**values(plan, student, host, schedule=long_days))
    assert added == 0
    text = " ".join(result.errors)
    assert "7 uur per dag" in text
    assert "35 uur per week" in text


def test_it_refuses_a_sixteen_year_old_at_night(plan, host, department):
    student = StudentFactory(department=department, date_of_birth=date(2010, 6, 1))
    nights = [{"weekday": 5, "start": "18:00", "end": "23:30", "break_minutes": 30}]
    _, result, added = create(**values(plan, student, host, schedule=nights))
    assert added == 0
    assert "tussen 23:00 en 06:00" in result.errors[0]


def test_it_judges_by_the_age_on_each_day(plan, host, department):
    # Turns 18 during the placement: only the days before the birthday are limited.
    student = StudentFactory(department=department, date_of_birth=date(2009, 2, 6))
    long_days = [{"weekday": d, "start": "07:00", "end": "17:30", "break_minutes": 30} for d in range(5)]
    _, result, _added = create(**values(plan, student, host, schedule=long_days))
    assert any("16 of 17 jaar" in e for e in result.errors)
    _, result, _added = create(**values(plan, student, host, schedule=long_days, start_date=date(2027, 2, 8)))
    assert not any("16 of 17" in e for e in result.errors)


def test_light_work_rules_for_community_stages(department, host):
    plan = PlacementPlanFactory(department=department, kind=PlanKind.COMMUNITY)
    student = StudentFactory(department=department, date_of_birth=date(2013, 6, 1))
    three_hours = [{"weekday": 2, "start": "13:00", "end": "16:00", "break_minutes": 0}]
    _, result, added = create(**values(plan, student, host, schedule=three_hours))
    assert added == 0
    assert "2 uur per dag" in result.errors[0]


def test_capacity_and_supervisor_load_are_warnings_that_can_be_accepted(plan, student, host, supervisor):
    plan.supervisor_norm = 1
    plan.save()
    host.capacity = 1
    host.save()
    PlacementFactory(plan=plan, host=host, school_supervisor=supervisor)
    vals = values(plan, student, host, school_supervisor=supervisor)
    _, result, added = create(**vals)
    assert added == 0
    assert not result.errors
    assert len(result.warnings) == 2
    placement, result = services.create_placement(vals, accept_warnings=True)
    assert placement.pk


def test_a_replacement_counts_the_hours_done_before(plan, student, host):
    plan.min_hours = 100
    plan.save()
    old = PlacementFactory(plan=plan, student=student, host=host, end_date=date(2027, 3, 12))  # 180 h
    services.send_for_agreement(old)
    services.terminate(old, on=date(2027, 2, 12), reason="Bedrijf gestopt")
    old.refresh_from_db()
    missed = services.missed_hours(old)
    assert missed == 120
    other = HostFactory(school=host.school)
    placement, result = services.create_placement(
        values(
            plan,
            student,
            other,
            start_date=date(2027, 3, 1),
            end_date=date(2027, 3, 12),
            replaces=old,
            carried_over_hours=missed,
        )
    )
    assert placement is not None, result.errors  # 60 done + 60 planned, below 100 alone is fine


def test_editing_runs_the_same_checks_and_changes_nothing_when_refused(plan, student, host):
    placement = PlacementFactory(plan=plan, student=student, host=host)
    bad = HostFactory(school=host.school, status=HostStatus.UNSUITABLE, status_reason="Onveilig")
    changed, result = services.edit_placement(placement, {"host": bad})
    assert changed is None
    assert result.errors
    placement.refresh_from_db()
    assert placement.host == host


def test_copying_a_plan_keeps_everything(plan):
    plan.min_hours = 640
    plan.forbidden_host_kinds = ["delivery"]
    plan.save()
    copy = services.copy_plan(plan, "2027-2028")
    assert copy.pk != plan.pk
    assert copy.copied_from == plan
    assert copy.min_hours == 640
    assert copy.forbidden_host_kinds == ["delivery"]
    assert copy.goal == plan.goal


def test_a_running_placement_at_a_host_that_became_unsuitable_can_still_be_edited(plan, student, host):
    placement = PlacementFactory(plan=plan, student=student, host=host)
    host.status = HostStatus.UNSUITABLE
    host.status_reason = "Klachten"
    host.save()
    changed, result = services.edit_placement(placement, {"notes": "Afbouwen"})
    assert changed == ["notes"], result.errors
