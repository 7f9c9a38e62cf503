"""Numbers in sentences follow the reader's language; wording as the kind requires (issue 10: 24)."""

from decimal import Decimal

import pytest
from django.utils import translation

from placements.forms import HoursForm
from stagebeheer.numbers import number


@pytest.mark.parametrize(
    ("value", "places", "nl", "en"),
    [
        (Decimal("12.50"), 2, "12,5", "12.5"),
        (Decimal("60.00"), 2, "60", "60"),  # not "6E+1" as Decimal.normalize() gives
        (Decimal("0.25"), 2, "0,25", "0.25"),
        (7.5, 1, "7,5", "7.5"),
        (640, 2, "640", "640"),
    ],
)
def test_a_number_reads_as_the_language_writes_it(value, places, nl, en):
    with translation.override("nl"):
        assert number(value, places) == nl
    with translation.override("en"):
        assert number(value, places) == en


def test_the_hours_form_says_its_limits_with_a_decimal_comma():
    with translation.override("nl"):
        form = HoursForm({"date": "2027-02-01", "hours": "0.1"})
        assert not form.is_valid()
        assert form.errors["hours"] == ["Vul minstens 0,25 uur (een kwartier) in."]


@pytest.mark.django_db
def test_the_plan_range_check_writes_hours_with_a_comma(department):
    from placements.checks import check_placement
    from tests.factories.placements import PlacementPlanFactory
    from tests.factories.visits import PlacementFactory

    plan = PlacementPlanFactory(department=department, min_hours=Decimal("400.50"))
    placement = PlacementFactory(plan=plan)
    with translation.override("nl"):
        errors = " ".join(str(e) for e in check_placement(placement).errors)
    assert "minstens 400,5 uur" in errors
    assert ".00 uur" not in errors
