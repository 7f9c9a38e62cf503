"""The coordinator manages the plan's assignments: add, edit, remove, defaults."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assignment, HandIn
from tests.assessments.stageboek_helpers import assignment, stageboek_placement
from tests.factories.placements import PlacementPlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(department):
    return PlacementPlanFactory(department=department)


def test_the_defaults_are_added_with_one_click_and_only_once(login, coordinator, plan):
    client = login(coordinator)
    url = reverse("assessments:assignment_defaults", args=[plan.pk])
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302
    kinds = set(Assignment.objects.filter(plan=plan).values_list("kind", flat=True))
    assert kinds == {"logbook", "interview", "presentation", "reflection", "duo"}
    assert Assignment.objects.filter(plan=plan).count() == 5
    assert Assignment.objects.get(plan=plan, kind="duo").shared_by_duo


def test_the_coordinator_adds_edits_and_removes_an_assignment(login, coordinator, plan):
    client = login(coordinator)
    response = client.post(
        reverse("assessments:assignment_add", args=[plan.pk]),
        {
            "title": "Fotoverslag",
            "kind": "other",
            "instructions": "Drie foto's",
            "required": "on",
            "order": 5,
        },
    )
    assert response.status_code == 302
    added = Assignment.objects.get(plan=plan)
    client.post(
        reverse("assessments:assignment_edit", args=[added.pk]),
        {"title": "Fotoverslag", "kind": "other", "order": 5},
    )
    added.refresh_from_db()
    assert added.required is False
    assert (
        "Fotoverslag" in client.get(reverse("assessments:plan_assignments", args=[plan.pk])).content.decode()
    )
    assert client.post(reverse("assessments:assignment_delete", args=[added.pk])).status_code == 302
    assert not Assignment.objects.exists()


def test_a_duplicate_title_is_refused(login, coordinator, plan):
    Assignment.objects.create(plan=plan, title="Logboek")
    response = login(coordinator).post(
        reverse("assessments:assignment_add", args=[plan.pk]),
        {"title": " Logboek ", "kind": "logbook", "order": 1},
    )
    assert response.status_code == 400
    assert Assignment.objects.count() == 1


def test_an_assignment_with_hand_ins_stays(login, coordinator, department, supervisor):
    placement = stageboek_placement(department, supervisor)
    logbook = assignment(placement)
    HandIn.objects.create(assignment=logbook, placement=placement, text="x", handed_in_at=timezone.now())
    login(coordinator).post(reverse("assessments:assignment_delete", args=[logbook.pk]))
    assert Assignment.objects.filter(pk=logbook.pk).exists()


def test_a_supervisor_reads_the_list_but_cannot_change_it(login, supervisor, plan):
    client = login(supervisor)
    assert client.get(reverse("assessments:plan_assignments", args=[plan.pk])).status_code == 200
    assert client.post(reverse("assessments:assignment_defaults", args=[plan.pk])).status_code == 403
    assert not Assignment.objects.exists()


def test_another_departments_coordinator_gets_404(login, outsider, plan):
    assert login(outsider).get(reverse("assessments:plan_assignments", args=[plan.pk])).status_code == 404


def test_the_plan_page_shows_the_assignments_panel(login, coordinator, plan):
    Assignment.objects.create(plan=plan, title="Logboek")
    html = login(coordinator).get(reverse("placements:plan_detail", args=[plan.pk])).content.decode()
    assert "Opdrachten stageboek" in html
    assert "Logboek" in html
