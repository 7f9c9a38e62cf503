"""The start page depends on the role; the menu shows what the role may use."""

import pytest

from stagebeheer.navigation import nav_for

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


def test_the_start_page_runs_a_fixed_number_of_queries(login, coordinator, django_assert_max_num_queries):
    client = login(coordinator)
    with django_assert_max_num_queries(25):
        assert client.get("/").status_code == 200
