"""A host's status holds for every department of the school, so only a
coordinator of a department that uses the host (or an administrator) changes
it; a school supervisor proposes "host unsuitable" and the coordinator decides
(issue 9.7)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from placements.models import HostStatus
from placements.services import set_host_status
from stagebeheer.permissions import may_set_host_status
from tests.factories.core import DepartmentFactory, MembershipFactory, UserFactory
from tests.factories.placements import HostFactory
from tests.factories.visits import ConcernFactory

pytestmark = pytest.mark.django_db

CLOSE_AS_UNSUITABLE = {
    "severity": "high",
    "actions": "Gesprek gevoerd",
    "status": "closed",
    "outcome": "host_unsuitable",
}


@pytest.fixture
def concern(placement):
    return ConcernFactory(placement=placement, department=placement.plan.department)


@pytest.fixture
def neighbour_coordinator(department):
    """Coordinator of another department of the same school, with no student at the host."""
    user = UserFactory(full_name="Nina Buurafdeling")
    MembershipFactory(user=user, department=DepartmentFactory(school=department.school), role="coordinator")
    return user


def test_the_placements_supervisor_only_proposes_and_the_host_stays_as_it_was(login, supervisor, concern):
    page = login(supervisor).post(
        reverse("visits:concern_detail", args=[concern.pk]), CLOSE_AS_UNSUITABLE, follow=True
    )
    host = concern.placement.host
    host.refresh_from_db()
    assert host.status == HostStatus.ACTIVE
    concern.refresh_from_db()
    assert concern.outcome == "host_unsuitable"
    assert "de stagecoördinator beslist" in page.content.decode()


def test_the_coordinator_sees_the_proposal_and_decides(login, supervisor, coordinator, concern):
    login(supervisor).post(reverse("visits:concern_detail", args=[concern.pk]), CLOSE_AS_UNSUITABLE)
    client = login(coordinator)
    page = client.get(reverse("visits:concern_detail", args=[concern.pk]))
    assert reverse("visits:concern_decide_host", args=[concern.pk]) in page.content.decode()
    client.post(reverse("visits:concern_decide_host", args=[concern.pk]))
    concern.placement.host.refresh_from_db()
    assert concern.placement.host.status == HostStatus.UNSUITABLE


def test_the_supervisor_cannot_decide_by_posting_the_decision_either(login, supervisor, concern):
    login(supervisor).post(reverse("visits:concern_detail", args=[concern.pk]), CLOSE_AS_UNSUITABLE)
    page = login(supervisor).post(reverse("visits:concern_decide_host", args=[concern.pk]))
    assert page.status_code == 403
    concern.placement.host.refresh_from_db()
    assert concern.placement.host.status == HostStatus.ACTIVE


def test_the_coordinator_closing_the_concern_marks_the_host_directly(login, coordinator, concern):
    login(coordinator).post(reverse("visits:concern_detail", args=[concern.pk]), CLOSE_AS_UNSUITABLE)
    concern.placement.host.refresh_from_db()
    assert concern.placement.host.status == HostStatus.UNSUITABLE


def test_a_coordinator_whose_department_does_not_use_the_host_may_not_set_its_status(
    placement, neighbour_coordinator, supervisor, coordinator, leader
):
    host = placement.host
    assert may_set_host_status(coordinator, host)
    assert not may_set_host_status(neighbour_coordinator, host)
    assert not may_set_host_status(supervisor, host)
    assert not may_set_host_status(leader, host)
    with pytest.raises(PermissionDenied):
        set_host_status(host, HostStatus.UNSUITABLE, reason="Zomaar", actor=neighbour_coordinator)
    host.refresh_from_db()
    assert host.status == HostStatus.ACTIVE


def test_the_host_edit_form_cannot_change_the_status_for_a_neighbouring_department(
    login, placement, neighbour_coordinator
):
    host = placement.host
    host.school = neighbour_coordinator.memberships.get().department.school
    host.save()
    data = {"name": host.name, "capacity": 2, "status": "unsuitable", "status_reason": "Zomaar"}
    page = login(neighbour_coordinator).post(reverse("placements:host_edit", args=[host.pk]), data)
    assert page.status_code == 302
    host.refresh_from_db()
    assert host.status == HostStatus.ACTIVE
    assert host.capacity == 2  # the rest of the form is saved


def test_the_host_edit_form_changes_the_status_through_the_service_for_a_using_department(
    login, placement, coordinator
):
    from stagebeheer.history import history_of

    host = placement.host
    host.school = placement.plan.department.school
    host.save()
    data = {"name": host.name, "capacity": 2, "status": "on_watch", "status_reason": "Twee meldingen"}
    login(coordinator).post(reverse("placements:host_edit", args=[host.pk]), data)
    host.refresh_from_db()
    assert (host.status, host.status_reason) == (HostStatus.ON_WATCH, "Twee meldingen")
    assert history_of(host).filter(action="status").exists()


def test_an_administrator_may_set_any_hosts_status(placement):
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert may_set_host_status(admin, HostFactory())
