import pytest

from tests.factories.placements import PlacementFactory, PlacementPlanFactory, StudentFactory
from tests.querycount import assert_fixed_queries

pytestmark = pytest.mark.django_db


def test_the_mentor_sees_the_placements_of_own_mentees_only(login, mentor, department):
    plan = PlacementPlanFactory(department=department)
    mine = PlacementFactory(plan=plan, student=StudentFactory(department=department, mentor=mentor))
    other = PlacementFactory(plan=plan)
    response = login(mentor).get("/")
    content = response.content.decode()
    assert "Stages van mijn mentorleerlingen" in content
    assert mine.student.full_name in content
    assert other.student.full_name not in content


def test_the_mentor_panel_runs_a_fixed_number_of_queries(login, mentor, department):
    plan = PlacementPlanFactory(department=department)
    PlacementFactory(plan=plan, student=StudentFactory(department=department, mentor=mentor))

    def grow():
        for _ in range(10):
            PlacementFactory(plan=plan, student=StudentFactory(department=department, mentor=mentor))

    assert_fixed_queries(login(mentor), "/", grow)
