"""The start page depends on the role; the menu shows what the role may use."""

import pytest

from stagebeheer.navigation import nav_for
from tests.querycount import assert_fixed_queries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["coordinator", "supervisor", "leader", "mentor", "outsider"])
def test_every_role_gets_a_start_page_naming_its_departments(request, login, persona):
    user = request.getfixturevalue(persona)
    response = login(user).get("/")
    assert response.status_code == 200
    assert user.get_short_name().encode() in response.content
    for department in user.memberships.all():
        assert department.department.name.encode() in response.content


def test_the_start_page_does_not_name_other_departments(login, coordinator, other_department):
    response = login(coordinator).get("/")
    assert other_department.name.encode() not in response.content


def test_a_user_without_a_department_is_told_what_to_do(login):
    from tests.factories.core import UserFactory

    response = login(UserFactory()).get("/")
    assert b"niet aan een afdeling gekoppeld" in response.content


def test_only_coordinators_get_the_outbox_in_their_menu(coordinator, supervisor, leader):
    assert "/mail/" in [item["url"] for item in nav_for(coordinator)]
    assert "/mail/" not in [item["url"] for item in nav_for(supervisor)]
    assert "/mail/" not in [item["url"] for item in nav_for(leader)]


def test_the_coordinators_start_page_runs_fixed_queries_whatever_the_plans(login, coordinator, department):
    from placements.navigation import current_school_year
    from tests.factories.placements import PlacementFactory, PlacementPlanFactory

    def grow():
        # More plans, each with students and placements: the attention panel
        # must not pay a query per plan (it used to run 1 + 2 per plan).
        for year_group in (2, 3, None):
            plan = PlacementPlanFactory(
                department=department, school_year=current_school_year(), year_group=year_group
            )
            for _ in range(3):
                PlacementFactory(plan=plan, student__year_group=year_group or 3)

    grow()
    assert_fixed_queries(login(coordinator), "/", grow)


@pytest.mark.parametrize("persona", ["supervisor", "leader", "mentor"])
def test_every_start_page_runs_fixed_queries(request, login, department, persona):
    from tests.factories.placements import PlacementFactory

    user = request.getfixturevalue(persona)

    def grow():
        for _ in range(4):
            PlacementFactory(plan__department=department, school_supervisor=user, student__mentor=user)

    assert_fixed_queries(login(user), "/", grow)
