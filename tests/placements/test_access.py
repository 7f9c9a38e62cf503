"""Who may open and change what: strangers get 404, readers get 403 on writes."""

import pytest
from django.urls import reverse

from placements.models import Placement
from tests.factories.placements import PlacementFactory

pytestmark = pytest.mark.django_db


def test_supervisor_opens_own_placement(login, supervisor, placement):
    assert login(supervisor).get(reverse("placements:placement_detail", args=[placement.pk])).status_code == 200


def test_supervisor_cannot_open_another_supervisors_placement(login, other_supervisor, placement):
    response = login(other_supervisor).get(reverse("placements:placement_detail", args=[placement.pk]))
    assert response.status_code == 404


def test_outsider_cannot_open_placement_plan_host_or_student(login, outsider, placement):
    client = login(outsider)
    for url in (
        reverse("placements:placement_detail", args=[placement.pk]),
        reverse("placements:plan_detail", args=[placement.plan_id]),
        reverse("placements:host_detail", args=[placement.host_id]),
        reverse("placements:student_detail", args=[placement.student_id]),
        reverse("placements:placement_edit", args=[placement.pk]),
    ):
        assert client.get(url).status_code == 404, url


def test_leader_reads_but_cannot_edit(login, leader, placement):
    client = login(leader)
    assert client.get(reverse("placements:placement_detail", args=[placement.pk])).status_code == 200
    assert client.get(reverse("placements:plan_detail", args=[placement.plan_id])).status_code == 200
    for url in (
        reverse("placements:placement_edit", args=[placement.pk]),
        reverse("placements:plan_edit", args=[placement.plan_id]),
        reverse("placements:host_edit", args=[placement.host_id]),
        reverse("placements:student_edit", args=[placement.student_id]),
        reverse("placements:placement_create", args=[placement.plan_id]),
        reverse("placements:host_create"),
        reverse("placements:student_create"),
        reverse("placements:import_upload", args=["students"]),
    ):
        assert client.get(url).status_code == 403, url
    response = client.post(
        reverse("placements:placement_terminate", args=[placement.pk]),
        {"terminated_on": "2027-02-05", "reason": "test"},
    )
    assert response.status_code == 403
    assert Placement.objects.get(pk=placement.pk).state == "draft"


def test_supervisor_cannot_edit_own_placement_data(login, supervisor, placement):
    client = login(supervisor)
    assert client.get(reverse("placements:placement_edit", args=[placement.pk])).status_code == 403


def test_support_needs_only_for_coordinator_and_own_supervisor(login, coordinator, supervisor, leader, mentor,
                                                                placement):
    url = reverse("placements:student_detail", args=[placement.student_id])
    secret = "extra uitleg"
    assert secret in login(coordinator).get(url).content.decode()
    assert secret in login(supervisor).get(url).content.decode()
    assert secret not in login(leader).get(url).content.decode()
    assert secret not in login(mentor).get(url).content.decode()


def test_mentor_sees_mentees_placement_only(login, mentor, placement, plan, department):
    client = login(mentor)
    assert client.get(reverse("placements:placement_detail", args=[placement.pk])).status_code == 200
    other = PlacementFactory(plan=plan)
    assert client.get(reverse("placements:placement_detail", args=[other.pk])).status_code == 404
