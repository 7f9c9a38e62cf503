"""The capacity grid marks weeks over and at a host's capacity, as its legend says."""

from datetime import timedelta
from pathlib import Path

import pytest

from tests.factories.placements import PlacementFactory

pytestmark = pytest.mark.django_db

CSS = Path(__file__).resolve().parents[2] / "static/css/app.css"


def test_weeks_over_capacity_are_red_and_full_weeks_yellow(placement, login, coordinator):
    host = placement.host
    host.capacity = 1
    host.save()
    PlacementFactory(
        plan=placement.plan,
        host=host,
        student__department=placement.plan.department,
        start_date=placement.start_date,
        end_date=placement.end_date,
        state="active",
    )
    placement.state = "active"
    placement.save()
    page = login(coordinator).get(f"/capacity/?week={placement.start_date:%Y-%m-%d}")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'week-cell week-over">2<span class="visually-hidden"> te veel</span>' in html
    css = CSS.read_text()
    assert ".table .week-over" in css
    assert ".table .week-full" in css


def test_an_empty_week_of_a_host_without_places_is_not_full(placement, login, coordinator):
    host = placement.host
    host.capacity = 0
    host.save()
    placement.state = "active"
    placement.save()
    weeks_before = placement.start_date - timedelta(weeks=3)
    page = login(coordinator).get(f"/capacity/?week={weeks_before:%Y-%m-%d}")
    assert page.status_code == 200
    html = page.content.decode()
    assert "week-over" in html  # the placement's weeks are over a capacity of 0
    assert "week-full" not in html  # the empty weeks before it are not "full"
