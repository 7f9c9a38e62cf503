import pytest

from tests.factories.placements import PlacementFactory, PlacementPlanFactory

pytestmark = pytest.mark.django_db


def test_the_leader_sees_placement_counts_per_state_for_own_departments(
    login, leader, department, other_department
):
    plan = PlacementPlanFactory(department=department)
    PlacementFactory.create_batch(3, plan=plan, state="active")
    PlacementFactory(plan=plan, state="draft")
    PlacementFactory(plan=PlacementPlanFactory(department=other_department), state="active")
    response = login(leader).get("/")
    rows = dict(response.context["panels"][0]["context"]["rows"])
    assert rows == {
        department.name: {"draft": 1, "agreement_pending": 0, "active": 3, "completed": 0, "terminated": 0}
    }
    assert b"Stages per afdeling" in response.content


def test_the_leader_panel_runs_a_fixed_number_of_queries(
    login, leader, department, django_assert_max_num_queries
):
    plan = PlacementPlanFactory(department=department)
    client = login(leader)
    PlacementFactory.create_batch(2, plan=plan)
    with django_assert_max_num_queries(8) as few:
        client.get("/")
    PlacementFactory.create_batch(30, plan=plan, state="active")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/")


def test_a_coordinator_does_not_get_the_leader_panel(login, coordinator):
    response = login(coordinator).get("/")
    assert b"Stages per afdeling" not in response.content
