"""A placement's period has a limit, and the working-time check does not walk the
days: a far end date is refused quickly instead of a 500 (issue 10: 2)."""

import time
from datetime import date

import pytest
from django.urls import reverse

from placements.checks import check_working_time
from placements.models import Placement, PlanKind
from tests.factories.placements import StudentFactory
from tests.placements.test_placement_form import form_data

pytestmark = pytest.mark.django_db

SUNDAY = [{"weekday": 6, "start": "09:00", "end": "13:00", "break_minutes": 0}]


@pytest.mark.parametrize("end", ["9999-12-31", "2031-02-01"])
def test_a_far_end_date_is_refused_on_the_form(login, coordinator, plan, student, host, end):
    response = login(coordinator).post(
        reverse("placements:placement_create", args=[plan.pk]), form_data(student, host, end_date=end)
    )
    assert response.status_code == 200
    page = response.content.decode()
    # A year past 2100 is refused by the shared form limits, a period over three years by the rule.
    assert "hoogstens drie jaar" in page or "tussen 2000 en 2099" in page or "2100" in page
    assert not Placement.objects.exists()


def test_the_working_time_check_is_quick_on_a_century(department):
    student = StudentFactory(department=department, date_of_birth=date(2012, 5, 1))
    began = time.perf_counter()
    problems = check_working_time(
        student, PlanKind.VMBO_ORIENTATION, SUNDAY, date(2026, 1, 1), date(9999, 12, 31)
    )
    assert time.perf_counter() - began < 0.05
    assert any("Zondagswerk" in p for p in problems)


def test_a_student_turning_16_during_the_placement_is_checked_on_both_sides(department):
    # 15 until 1 March 2027: Sunday work is forbidden in that part only.
    student = StudentFactory(department=department, date_of_birth=date(2011, 3, 1))
    before = check_working_time(
        student, PlanKind.VMBO_ORIENTATION, SUNDAY, date(2027, 2, 20), date(2027, 3, 10)
    )
    after = check_working_time(
        student, PlanKind.VMBO_ORIENTATION, SUNDAY, date(2027, 3, 1), date(2027, 3, 10)
    )
    assert any("Zondagswerk" in p for p in before)
    assert after == []


def test_a_sunday_outside_a_short_period_is_not_counted(department):
    student = StudentFactory(department=department, date_of_birth=date(2012, 5, 1))
    # Monday 1 to Friday 5 February 2027: no Sunday in the period.
    assert (
        check_working_time(student, PlanKind.VMBO_ORIENTATION, SUNDAY, date(2027, 2, 1), date(2027, 2, 5))
        == []
    )


def test_a_leap_day_birthday_turns_18_on_the_first_of_march(department):
    student = StudentFactory(department=department, date_of_birth=date(2008, 2, 29))
    # 2026 is no leap year: still 17 on 28 February, 18 from 1 March.
    assert (
        check_working_time(student, PlanKind.VMBO_ORIENTATION, SUNDAY, date(2026, 3, 1), date(2026, 3, 31))
        == []
    )
    night = [{"weekday": 5, "start": "23:00", "end": "23:59", "break_minutes": 0}]
    assert check_working_time(student, PlanKind.VMBO_ORIENTATION, night, date(2026, 2, 28), date(2026, 2, 28))
