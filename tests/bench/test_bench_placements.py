"""The coordinator's overview, host list and capacity page as the school grows."""

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from tests.factories.placements import PlacementFactory, PlacementPlanFactory
from tests.placements.test_query_counts import grow

pytestmark = pytest.mark.django_db


def _analyze():
    # Fresh bulk inserts have no planner statistics yet; autovacuum would add them.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def test_overview_hosts_and_capacity_with_100_and_10000_placements(
    bench, login, coordinator, department, supervisor
):
    plan = PlacementPlanFactory(department=department)
    placement = PlacementFactory(plan=plan, school_supervisor=supervisor, start_date=date(2027, 2, 1))
    client = login(coordinator)
    pages = {
        "overview": reverse("placements:overview") + f"?plan={plan.pk}",
        "chase list": reverse("placements:overview") + f"?plan={plan.pk}&state=none",
        "host list": reverse("placements:host_list"),
        "capacity": reverse("placements:capacity") + "?week=2027-02-01",
        "placement page": reverse("placements:placement_detail", args=[placement.pk]),
    }
    small = {}
    grow(plan, supervisor, 100, placement)
    _analyze()
    for name, url in pages.items():
        small[name] = bench(f"{name}, 100 placements", lambda url=url: client.get(url))
    grow(plan, supervisor, 10_000, placement)
    _analyze()
    for name, url in pages.items():
        large = bench(f"{name}, 10,000 placements", lambda url=url: client.get(url))
        print(f"ratio {name} 10,000 / 100: {large / small[name]:.2f}x")
