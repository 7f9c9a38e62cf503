"""The plan's contact-moment rules and guide: coordinators set them."""

import pytest
from django.urls import reverse

from tests.factories.placements import PlacementPlanFactory
from visits.models import ContactMomentRule, PlanGuide

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(department):
    return PlacementPlanFactory(department=department)


@pytest.mark.parametrize(
    ("persona", "status"),
    [("coordinator", 200), ("supervisor", 200), ("leader", 200), ("outsider", 404)],
)
def test_staff_of_the_department_read_the_rules(login, request, plan, persona, status):
    assert (
        login(request.getfixturevalue(persona)).get(reverse("visits:plan_rules", args=[plan.pk])).status_code
        == status
    )


def test_coordinator_picks_a_preset(login, coordinator, plan):
    response = login(coordinator).post(reverse("visits:plan_preset", args=[plan.pk]), {"preset": "mbo"})
    assert response.status_code == 302
    assert ContactMomentRule.objects.filter(plan=plan).count() == 3


def test_an_unknown_preset_changes_nothing(login, coordinator, plan):
    login(coordinator).post(reverse("visits:plan_preset", args=[plan.pk]), {"preset": "bogus"})
    assert not ContactMomentRule.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [("supervisor", 403), ("leader", 403), ("outsider", 404)])
def test_others_cannot_change_rules(login, request, plan, persona, status):
    client = login(request.getfixturevalue(persona))
    assert client.post(reverse("visits:plan_preset", args=[plan.pk]), {"preset": "mbo"}).status_code == status
    assert client.get(reverse("visits:guide_edit", args=[plan.pk])).status_code == status
    assert not ContactMomentRule.objects.exists()


def test_coordinator_adds_edits_and_deletes_a_rule(login, coordinator, plan):
    client = login(coordinator)
    data = {
        "mode": "phone",
        "purpose": "introduction",
        "timing": "after_start",
        "offset": "3",
        "required": "on",
    }
    assert client.post(reverse("visits:rule_add", args=[plan.pk]), data).status_code == 302
    rule = ContactMomentRule.objects.get()
    data["offset"] = "4"
    client.post(reverse("visits:rule_edit", args=[rule.pk]), data)
    rule.refresh_from_db()
    assert rule.offset == 4
    client.post(reverse("visits:rule_delete", args=[rule.pk]))
    assert not ContactMomentRule.objects.exists()


@pytest.mark.parametrize(
    "bad",
    [
        {"timing": "share", "offset": "150"},
        {"offset": "-1"},
        {"repeat_every_days": "2"},
        {"mode": "pigeon"},
    ],
)
def test_a_bad_rule_is_refused(login, coordinator, plan, bad):
    data = {"mode": "phone", "purpose": "introduction", "timing": "after_start", "offset": "3", **bad}
    response = login(coordinator).post(reverse("visits:rule_add", args=[plan.pk]), data)
    assert response.status_code == 200
    assert not ContactMomentRule.objects.exists()


def test_coordinator_edits_the_guide(login, coordinator, plan):
    client = login(coordinator)
    form = client.get(reverse("visits:guide_edit", args=[plan.pk])).context["form"]
    assert "Voordoen" in form.initial["strategies"]
    client.post(
        reverse("visits:guide_edit", args=[plan.pk]),
        {
            "expectations": "Op tijd",
            "strategies": "",
            "allowed": "",
            "not_allowed": "Geen messen",
            "contact": "",
        },
    )
    assert PlanGuide.objects.get(plan=plan).not_allowed == "Geen messen"
