"""Sections on other apps' pages and on the start page."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from stagebeheer.navigation import nav_for, panels_for_slot
from tests.factories.visits import ConcernFactory, VisitFactory
from tests.querycount import assert_fixed_calls
from visits.services import apply_preset

pytestmark = pytest.mark.django_db


def _render(slot, user, obj):
    request = RequestFactory().get("/")
    request.user = user
    html = ""
    for panel in panels_for_slot(slot, request, obj):
        html += render_to_string(panel["template"], {"panel": panel["context"]}, request=request)
    return html


def test_the_placement_page_shows_moments_and_counts_concerns_for_the_supervisor(supervisor, placement):
    VisitFactory(placement=placement, purpose="final")
    ConcernFactory(placement=placement)
    html = _render("placement_detail", supervisor, placement)
    assert "Eindgesprek" in html
    assert "1 zorgmelding" in html
    assert "De leerling moest" not in html


def test_the_placement_page_hides_concerns_from_leaders(leader, placement):
    ConcernFactory(placement=placement)
    html = _render("placement_detail", leader, placement)
    assert "zorgmelding" not in html
    assert "Zorg melden" not in html


def test_the_placement_panel_runs_fixed_queries(supervisor, placement):
    # Every app's panel in the slot renders here; the count must not grow with rows.
    VisitFactory(placement=placement)

    def grow():
        VisitFactory.create_batch(15, placement=placement)
        ConcernFactory.create_batch(3, placement=placement)

    assert_fixed_calls(lambda: _render("placement_detail", supervisor, placement), grow)


def test_the_plan_page_shows_the_rules(coordinator, placement):
    apply_preset(placement.plan, "mbo")
    html = _render("plan_detail", coordinator, placement.plan)
    assert "Startgesprek" in html
    assert reverse("visits:plan_rules", args=[placement.plan_id]) in html


def test_the_supervisors_start_page_shows_this_weeks_agenda(login, supervisor, placement):
    VisitFactory(placement=placement, planned_on=timezone.localdate())
    html = login(supervisor).get(reverse("home")).content.decode()
    assert "Contactmomenten deze week" in html
    assert placement.student.full_name in html


def test_the_menu_offers_concerns_to_coordinators_and_supervisors_only(
    supervisor, leader, mentor, coordinator
):
    concerns = reverse("visits:concern_list")
    assert concerns in [i["url"] for i in nav_for(supervisor)]
    assert concerns in [i["url"] for i in nav_for(coordinator)]
    assert concerns not in [i["url"] for i in nav_for(leader)]
    assert concerns not in [i["url"] for i in nav_for(mentor)]


def test_the_supervisors_start_page_runs_fixed_queries(
    login, department, supervisor, django_assert_max_num_queries
):
    from tests.visits.conftest import running_placement

    client = login(supervisor)
    VisitFactory(placement=running_placement(department, supervisor), planned_on=timezone.localdate())
    with django_assert_max_num_queries(12):
        client.get(reverse("home"))
    for _ in range(10):
        VisitFactory(placement=running_placement(department, supervisor), planned_on=timezone.localdate())
    with django_assert_max_num_queries(12):
        client.get(reverse("home"))
