"""Changing and removing roles, and deactivating a person who left."""

import pytest
from django.urls import reverse

from placements.models.placement import PlacementState
from stagebeheer.models import Membership
from tests.factories.core import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_coordinator_changes_a_supervisor_into_a_mentor(login, coordinator, supervisor):
    membership = supervisor.memberships.get()
    response = login(coordinator).post(reverse("team_change_role", args=[membership.pk]), {"role": "mentor"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == "mentor"


def test_a_coordinator_cannot_promote_to_leader_nor_touch_a_leader(login, coordinator, supervisor, leader):
    client = login(coordinator)
    membership = supervisor.memberships.get()
    client.post(reverse("team_change_role", args=[membership.pk]), {"role": "leader"})
    membership.refresh_from_db()
    assert membership.role == "supervisor"
    leader_role = leader.memberships.get()
    client.post(reverse("team_change_role", args=[leader_role.pk]), {"role": "mentor"})
    client.post(reverse("team_remove_role", args=[leader_role.pk]))
    leader_role.refresh_from_db()
    assert leader_role.role == "leader"


def test_a_coordinator_removes_a_role(login, coordinator, supervisor):
    membership = supervisor.memberships.get()
    login(coordinator).post(reverse("team_remove_role", args=[membership.pk]))
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_a_coordinator_cannot_remove_her_own_coordinator_role(login, coordinator):
    membership = coordinator.memberships.get()
    login(coordinator).post(reverse("team_remove_role", args=[membership.pk]))
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_a_get_on_a_write_url_changes_nothing(login, coordinator, supervisor):
    membership = supervisor.memberships.get()
    assert login(coordinator).get(reverse("team_remove_role", args=[membership.pk])).status_code == 405
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_deactivating_lists_open_placements_and_keeps_history(client, login, coordinator, password):
    from tests.factories.placements import PlacementFactory

    leaving = UserFactory(full_name="Vera Vertrokken")
    placement = PlacementFactory(state=PlacementState.ACTIVE, school_supervisor=leaving)
    department = placement.plan.department
    MembershipFactory(user=coordinator, department=department, role="coordinator")
    MembershipFactory(user=leaving, department=department, role="supervisor")
    done = PlacementFactory(plan=placement.plan, school_supervisor=leaving, state=PlacementState.COMPLETED)

    page = login(coordinator).get(reverse("team_deactivate", args=[leaving.pk]))
    assert list(page.context["placements"]) == [placement]
    assert done not in page.context["placements"]

    assert client.post(reverse("team_deactivate", args=[leaving.pk])).status_code == 302
    leaving.refresh_from_db()
    assert not leaving.is_active
    placement.refresh_from_db()
    assert placement.school_supervisor == leaving  # history keeps the name
    assert Membership.objects.filter(user=leaving).exists()
    client.logout()
    response = client.post(reverse("login"), {"username": leaving.email, "password": password})
    assert response.status_code == 200  # refused, the form shows again


def test_a_person_working_in_another_coordinators_department_cannot_be_deactivated(
    login, coordinator, supervisor, other_department
):
    MembershipFactory(user=supervisor, department=other_department, role="supervisor")
    client = login(coordinator)
    assert client.get(reverse("team_deactivate", args=[supervisor.pk])).status_code == 403
    assert client.post(reverse("team_deactivate", args=[supervisor.pk])).status_code == 403
    supervisor.refresh_from_db()
    assert supervisor.is_active
