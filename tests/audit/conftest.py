from datetime import date

import pytest

from tests.factories.core import UserFactory
from tests.factories.placements import HostFactory, PlacementFactory, PlacementPlanFactory, StudentFactory


@pytest.fixture
def plan(department):
    return PlacementPlanFactory(department=department)


@pytest.fixture
def host(department):
    return HostFactory(school=department.school)


@pytest.fixture
def student(department, mentor):
    return StudentFactory(
        department=department, date_of_birth=date(2009, 3, 1), mentor=mentor, support_needs="Dyslexie."
    )


@pytest.fixture
def placement(plan, student, host, supervisor):
    return PlacementFactory(plan=plan, student=student, host=host, school_supervisor=supervisor)


@pytest.fixture
def foreign_placement(other_department):
    plan = PlacementPlanFactory(department=other_department)
    return PlacementFactory(
        plan=plan,
        student=StudentFactory(department=other_department),
        host=HostFactory(school=other_department.school),
    )


@pytest.fixture
def admin_user(db):
    return UserFactory(full_name="Ada Beheerder", is_superuser=True, is_staff=True)
