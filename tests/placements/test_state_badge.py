"""A signed placement that starts later is shown as signed and waiting, not as running."""

from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_a_signed_placement_starting_later_says_when_it_starts(placement, login, coordinator):
    start = timezone.localdate() + timedelta(days=60)
    placement.state = "active"
    placement.start_date, placement.end_date = start, start + timedelta(days=14)
    placement.save()
    html = login(coordinator).get(f"/placements/{placement.pk}/").content.decode()
    assert f"getekend, start {start:%d-%m-%Y}" in html


def test_a_running_placement_is_lopend(placement, login, coordinator):
    today = timezone.localdate()
    placement.state = "active"
    placement.start_date, placement.end_date = today - timedelta(days=3), today + timedelta(days=10)
    placement.save()
    html = login(coordinator).get(f"/placements/{placement.pk}/").content.decode()
    assert "getekend, start" not in html
    assert placement.get_state_display() in html
