"""Duo-stages: only placements of the same host, supervisor and weeks pair up."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from placements.services import pair_duo
from tests.factories.placements import PlacementFactory

pytestmark = pytest.mark.django_db


def _other(placement, **kwargs):
    return PlacementFactory(
        plan=placement.plan,
        host=placement.host,
        school_supervisor=placement.school_supervisor,
        student__department=placement.plan.department,
        **kwargs,
    )


def test_it_refuses_a_duo_of_another_period(placement):
    later = _other(
        placement,
        start_date=placement.end_date + timedelta(days=60),
        end_date=placement.end_date + timedelta(days=120),
    )
    with pytest.raises(ValidationError, match="overlappen niet"):
        pair_duo(placement, later)
    placement.refresh_from_db()
    assert placement.duo_partner_id is None


def test_the_duo_form_offers_only_overlapping_placements(placement, login, coordinator):
    same_weeks = _other(placement, start_date=placement.start_date, end_date=placement.end_date)
    other_weeks = _other(
        placement,
        start_date=placement.end_date + timedelta(days=60),
        end_date=placement.end_date + timedelta(days=120),
    )
    page = login(coordinator).get(f"/placements/{placement.pk}/")
    assert page.status_code == 200
    offered = list(page.context["duo_form"].fields["partner"].queryset)
    assert same_weeks in offered
    assert other_weeks not in offered


def test_the_overview_names_the_duo_partner_only_for_a_duo(placement, login, coordinator):
    placement.student.last_name_prefix = "de"
    placement.student.save()
    partner = _other(placement, start_date=placement.start_date, end_date=placement.end_date)
    alone = _other(placement, start_date=placement.start_date, end_date=placement.end_date)
    pair_duo(placement, partner)
    page = login(coordinator).get(f"/overview/?plan={placement.plan_id}")
    assert page.status_code == 200
    rows = {row.pk: row.placement_duo for row in page.context["page"]}
    assert rows[partner.student_id] == placement.student.full_name
    assert rows[alone.student_id] is None
