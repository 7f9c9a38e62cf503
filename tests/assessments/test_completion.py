"""Completing a placement: the checklist on the placement page, and an explicit
reason, kept in the history, when something is missing."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assessment, FinalJudgement
from assessments.opening import open_round
from assessments.presets import apply_default
from placements.models import HoursEntry
from stagebeheer.history import history_of
from tests.assessments.conftest import running_placement
from tests.factories.visits import VisitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def placement(department, supervisor):
    placement = running_placement(department, supervisor, planned_hours=12)
    setup = apply_default(placement.plan)
    open_round(placement, setup.rounds.get(kind="final"))
    return placement


def _everything_done(placement, supervisor):
    now = timezone.now()
    HoursEntry.objects.create(
        placement=placement,
        date=placement.start_date,
        hours=12,
        source="staff",
        confirmed_at=now,
        confirmed_by="Piet",
    )
    Assessment.objects.filter(placement=placement).update(status="submitted", submitted_at=now)
    level = Assessment.objects.first().framework.scale.levels.first()
    FinalJudgement.objects.create(placement=placement, method="weights", overall=level, decided_by=supervisor)
    VisitFactory(placement=placement, purpose="final", status="done", held_on=placement.end_date)


def test_the_placement_page_shows_what_completion_needs(login, coordinator, placement):
    html = (
        login(coordinator).get(reverse("placements:placement_detail", args=[placement.pk])).content.decode()
    )
    for label in (
        "Uren gehaald",
        "Uren bevestigd",
        "Eindbeoordeling: praktijkbegeleider",
        "Eindoordeel vastgelegd",
        "Eindgesprek gehouden",
    ):
        assert label in html
    assert reverse("assessments:complete", args=[placement.pk]) in html


def test_a_coordinator_completes_when_everything_is_there(login, coordinator, supervisor, placement):
    _everything_done(placement, supervisor)
    from assessments.completion import missing

    assert missing(placement) == []
    response = login(coordinator).post(reverse("assessments:complete", args=[placement.pk]), {})
    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.state == "completed"


def test_completing_with_something_missing_needs_a_reason_that_the_history_keeps(
    login, coordinator, placement
):
    client = login(coordinator)
    response = client.post(reverse("assessments:complete", args=[placement.pk]), {"override_reason": ""})
    assert response.status_code == 400
    placement.refresh_from_db()
    assert placement.state == "active"
    response = client.post(
        reverse("assessments:complete", args=[placement.pk]),
        {"override_reason": "Leerling verhuisd; eindgesprek telefonisch gevoerd."},
    )
    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.state == "completed"
    summary = history_of(placement).filter(action="state:completed").get().summary
    assert "Eindoordeel vastgelegd" in summary
    assert "Leerling verhuisd" in summary


def test_the_placements_own_complete_button_also_refuses_without_a_reason(login, coordinator, placement):
    login(coordinator).post(reverse("placements:placement_complete", args=[placement.pk]))
    placement.refresh_from_db()
    assert placement.state == "active"


def test_a_too_long_reason_is_refused(login, coordinator, placement):
    response = login(coordinator).post(
        reverse("assessments:complete", args=[placement.pk]), {"override_reason": "x" * 501}
    )
    assert response.status_code == 400
    placement.refresh_from_db()
    assert placement.state == "active"


def test_completing_twice_is_refused_with_a_message(login, coordinator, supervisor, placement):
    _everything_done(placement, supervisor)
    client = login(coordinator)
    client.post(reverse("assessments:complete", args=[placement.pk]), {})
    response = client.post(reverse("assessments:complete", args=[placement.pk]), {})
    assert response.status_code in (200, 400)
    assert history_of(placement).filter(action="state:completed").count() == 1


def test_only_a_coordinator_completes(login, supervisor, leader, other_supervisor, placement):
    url = reverse("assessments:complete", args=[placement.pk])
    assert login(supervisor).post(url, {"override_reason": "x"}).status_code == 403
    assert login(leader).get(url).status_code == 403
    assert login(other_supervisor).get(url).status_code == 404
    placement.refresh_from_db()
    assert placement.state == "active"


def test_a_plan_without_assessment_completes_as_before(login, coordinator, department, supervisor):
    plain = running_placement(department, supervisor)
    login(coordinator).post(reverse("placements:placement_complete", args=[plain.pk]))
    plain.refresh_from_db()
    assert plain.state == "completed"
