"""The plan's assessment set-up: coordinators set it, the plan page states it in plain Dutch."""

import pytest
from django.urls import reverse

from assessments.models import PlanAssessmentSetup, Round
from assessments.presets import apply_default
from tests.factories.assessments import FrameworkFactory
from tests.factories.placements import PlacementPlanFactory
from tests.querycount import assert_fixed_queries

pytestmark = pytest.mark.django_db


def _setup_data(framework, **extra):
    return {
        "framework": framework.pk,
        "method": "weights",
        "weight_workplace": 70,
        "weight_school": 30,
        "weight_student": 0,
        **extra,
    }


def test_a_coordinator_sets_framework_weights_and_rounds(login, coordinator, plan, vmbo_framework):
    client = login(coordinator)
    response = client.post(reverse("assessments:setup_edit", args=[plan.pk]), _setup_data(vmbo_framework))
    assert response.status_code == 302
    setup = PlanAssessmentSetup.objects.get(plan=plan)
    assert setup.weights() == {"workplace": 70, "school": 30, "student": 0}
    response = client.post(
        reverse("assessments:round_add", args=[plan.pk]),
        {"kind": "interim", "share": 50, "by_workplace": "on", "by_student": "on"},
    )
    assert response.status_code == 302
    assert Round.objects.get(setup=setup).parties() == ["workplace", "student"]


def test_the_plan_page_says_how_the_hosts_judgement_counts(login, leader, plan):
    apply_default(plan)
    html = login(leader).get(reverse("placements:plan_detail", args=[plan.pk])).content.decode()
    assert "telt voor 60%" in html
    assert "Tussentijdse beoordeling op 50% van de stageperiode" in html
    assert "Werknemersvaardigheden vmbo/pro" in html


def test_a_plan_where_the_supervisor_decides_says_so(login, leader, department):
    plan = PlacementPlanFactory(department=department, kind="mbo_bpv")
    apply_default(plan)
    html = login(leader).get(reverse("assessments:plan_setup", args=[plan.pk])).content.decode()
    assert "beslist over het eindoordeel" in html


def test_weights_that_do_not_add_up_to_100_are_refused(login, coordinator, plan, vmbo_framework):
    response = login(coordinator).post(
        reverse("assessments:setup_edit", args=[plan.pk]), _setup_data(vmbo_framework, weight_school=50)
    )
    assert response.status_code == 200
    assert "tellen samen op tot 100%" in response.content.decode()
    assert not PlanAssessmentSetup.objects.exists()


def test_a_weight_over_100_or_not_a_number_is_refused(login, coordinator, plan, vmbo_framework):
    client = login(coordinator)
    for bad in ({"weight_workplace": 150}, {"weight_workplace": "veel"}, {"method": "coin"}):
        response = client.post(
            reverse("assessments:setup_edit", args=[plan.pk]), _setup_data(vmbo_framework, **bad)
        )
        assert response.status_code == 200
    assert not PlanAssessmentSetup.objects.exists()


def test_another_schools_framework_cannot_be_chosen(login, coordinator, plan, foreign_framework):
    response = login(coordinator).post(
        reverse("assessments:setup_edit", args=[plan.pk]), _setup_data(foreign_framework)
    )
    assert response.status_code == 200
    assert not PlanAssessmentSetup.objects.exists()


def test_a_framework_with_fewer_than_5_competencies_cannot_be_chosen(login, coordinator, plan, department):
    small = FrameworkFactory(department=department, competencies=3)
    response = login(coordinator).post(reverse("assessments:setup_edit", args=[plan.pk]), _setup_data(small))
    assert "5 tot 40" in response.content.decode()
    assert not PlanAssessmentSetup.objects.exists()


def test_a_round_twice_or_a_round_nobody_fills_in_is_refused(login, coordinator, plan):
    setup = apply_default(plan)
    client = login(coordinator)
    for data in ({"kind": "final", "share": 100, "by_school": "on"}, {"kind": "interim", "share": 40}):
        Round.objects.filter(setup=setup, kind="interim").delete() if "by_school" not in data else None
        response = client.post(reverse("assessments:round_add", args=[plan.pk]), data)
        assert response.status_code == 200
    assert not setup.rounds.filter(share=40).exists()


def test_a_leader_reads_but_cannot_change_the_setup(login, leader, plan):
    setup = apply_default(plan)
    client = login(leader)
    assert client.get(reverse("assessments:plan_setup", args=[plan.pk])).status_code == 200
    assert client.get(reverse("assessments:setup_edit", args=[plan.pk])).status_code == 403
    assert client.get(reverse("assessments:round_add", args=[plan.pk])).status_code == 403
    rnd = setup.rounds.first()
    assert client.post(reverse("assessments:round_delete", args=[rnd.pk])).status_code == 403
    assert Round.objects.filter(pk=rnd.pk).exists()


def test_another_schools_plan_is_not_found(login, outsider, plan):
    setup = apply_default(plan)
    client = login(outsider)
    assert client.get(reverse("assessments:plan_setup", args=[plan.pk])).status_code == 404
    assert client.get(reverse("assessments:setup_edit", args=[plan.pk])).status_code == 404
    assert client.get(reverse("assessments:round_edit", args=[setup.rounds.first().pk])).status_code == 404


def test_the_plan_panel_runs_the_same_queries_for_few_and_many_frameworks_and_rounds(
    login, coordinator, plan, department
):
    apply_default(plan)

    def grow():
        for _ in range(5):
            FrameworkFactory(department=department)

    assert_fixed_queries(login(coordinator), reverse("placements:plan_detail", args=[plan.pk]), grow)
