from datetime import date

import pytest

from tests.factories.placements import (
    HostFactory,
    PlacementFactory,
    PlacementPlanFactory,
    StudentFactory,
)


@pytest.fixture
def plan(department):
    return PlacementPlanFactory(department=department)


@pytest.fixture
def host(department):
    return HostFactory(school=department.school, capacity=3)


@pytest.fixture
def student(department, mentor):
    return StudentFactory(department=department, date_of_birth=date(2008, 1, 1), mentor=mentor,
                          support_needs="Heeft extra uitleg nodig bij nieuwe taken.")


@pytest.fixture
def placement(plan, student, host, supervisor):
    return PlacementFactory(plan=plan, student=student, host=host, school_supervisor=supervisor)
