"""Allowance and travel costs per plan: totals that add up, for those who may see them."""

from decimal import Decimal

import pytest

from placements.models import Placement
from tests.factories.placements import HostFactory, PlacementFactory
from tests.querycount import assert_fixed_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid(plan, placement, department):
    placement.allowance_per_month, placement.travel_allowance = Decimal("150.00"), Decimal("25.50")
    placement.save()
    zorg = HostFactory(school=department.school, sector="zorg")
    second = PlacementFactory(
        plan=plan, host=zorg, student__department=department, allowance_per_month=Decimal("50.00")
    )
    unpaid = PlacementFactory(plan=plan, host=zorg, student__department=department)
    gone = PlacementFactory(
        plan=plan,
        host=zorg,
        student__department=department,
        allowance_per_month=Decimal("999"),
        state="terminated",
        terminated_on=plan_start(plan),
        termination_reason="Verhuisd",
    )
    return placement, second, unpaid, gone


def plan_start(plan):
    from datetime import date

    return date(int(plan.school_year[:4]), 10, 1)


def url(plan):
    return f"/plans/{plan.pk}/allowances/"


def test_the_figures_add_up_as_by_hand(paid, plan, login, coordinator):
    page = login(coordinator).get(url(plan))
    assert page.status_code == 200
    figures = page.context["figures"]
    # Three running placements (the terminated one does not count), two paid.
    assert (figures["n"], figures["paid"], figures["share"]) == (3, 2, 67)
    assert figures["allowance"] == Decimal("200.00")
    assert figures["allowance_avg"] == Decimal("100.00")
    assert figures["travel"] == Decimal("25.50")
    html = page.content.decode()
    assert "€ 200,00" in html  # Dutch decimal comma
    sectors = {s["host__sector"]: s for s in page.context["sectors"]}
    assert sectors["zorg"]["n"] == 2
    assert sectors["zorg"]["allowance"] == Decimal("50.00")


def test_the_export_lists_every_running_placement(paid, plan, login, coordinator):
    response = login(coordinator).get(url(plan) + "?export=csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    lines = [line for line in text.splitlines() if line]
    assert len(lines) == 4  # header and three placements
    assert "150,00" in text
    assert "999" not in text


@pytest.mark.parametrize(
    ("persona", "status"), [("leader", 200), ("supervisor", 403), ("mentor", 403), ("outsider", 404)]
)
def test_only_coordinators_and_leaders_see_the_money(request, paid, plan, login, persona, status):
    assert login(request.getfixturevalue(persona)).get(url(plan)).status_code == status


def test_the_page_runs_the_same_queries_for_few_and_many_placements(
    paid, plan, login, coordinator, department
):
    def grow():
        host = HostFactory(school=department.school, sector="bouw")
        for _ in range(30):
            PlacementFactory(
                plan=plan, host=host, student__department=department, travel_allowance=Decimal("10")
            )

    assert_fixed_queries(login(coordinator), url(plan), grow)
    assert Placement.objects.filter(plan=plan).count() > 30
