"""Completion needs every required assignment of the plan done."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.completion import checklist, missing
from assessments.models import Assignment, HandIn
from tests.assessments.stageboek_helpers import stageboek_placement

pytestmark = pytest.mark.django_db


@pytest.fixture
def placement(department, supervisor):
    placement = stageboek_placement(department, supervisor)
    Assignment.objects.filter(plan=placement.plan, kind="duo").update(required=False)
    return placement


def _line(placement):
    return next(item for item in checklist(placement) if item["label"] == "Opdrachten stageboek afgerond")


def test_the_checklist_names_the_missing_assignments(placement):
    HandIn.objects.create(
        assignment=Assignment.objects.get(plan=placement.plan, kind="logbook"),
        placement=placement,
        state="done",
        handed_in_at=timezone.now(),
    )
    HandIn.objects.create(
        assignment=Assignment.objects.get(plan=placement.plan, kind="interview"),
        placement=placement,
        state="handed_in",
        handed_in_at=timezone.now(),
    )
    line = _line(placement)
    assert not line["ok"]
    assert "Interview met een collega" in line["detail"]
    assert "Logboek" not in line["detail"]
    assert "Duo-opdracht" not in line["detail"]  # not required
    assert "Opdrachten stageboek afgerond" in missing(placement)


def test_it_is_satisfied_when_every_required_assignment_is_done(placement):
    for a in Assignment.objects.filter(plan=placement.plan, required=True):
        HandIn.objects.create(assignment=a, placement=placement, state="done", handed_in_at=timezone.now())
    assert _line(placement)["ok"]
    assert "Opdrachten stageboek afgerond" not in missing(placement)


def test_completing_with_assignments_open_needs_a_reason(login, coordinator, placement):
    from placements.services import missing_for_completion

    assert "Opdrachten stageboek afgerond" in missing_for_completion(placement)
    client = login(coordinator)
    assert client.post(reverse("assessments:complete", args=[placement.pk]), {}).status_code == 400
    placement.refresh_from_db()
    assert placement.state == "active"


def test_a_plan_without_assignments_adds_no_line(department, supervisor):
    from tests.assessments.conftest import running_placement

    placement = running_placement(department, supervisor)
    assert checklist(placement) == []


def test_the_placement_page_shows_the_stageboek_panel_and_checklist(login, coordinator, placement):
    html = (
        login(coordinator).get(reverse("placements:placement_detail", args=[placement.pk])).content.decode()
    )
    assert reverse("assessments:stageboek", args=[placement.pk]) in html
    assert "Opdrachten stageboek afgerond" in html
