"""Dashboard counts: concerns are counted in one query, never listed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories.visits import ConcernFactory, VisitFactory
from visits.stats import concern_counts, moment_counts

pytestmark = pytest.mark.django_db


def test_concerns_are_counted_per_kind(placement, department, django_assert_num_queries):
    ConcernFactory(placement=placement, kind="misuse_hours")
    ConcernFactory(placement=placement, kind="misuse_hours", status="closed", outcome="resolved")
    ConcernFactory(placement=placement, kind="social_unsafety")
    with django_assert_num_queries(1):
        counts = concern_counts([department.pk])
    assert counts == {"total": 3, "open": 2, "by_kind": {"misuse_hours": 2, "social_unsafety": 1}}


def test_moments_are_counted(placement, department):
    today = timezone.localdate()
    VisitFactory(placement=placement, planned_on=today - timedelta(days=1))
    VisitFactory(placement=placement, planned_on=today, status="done", held_on=today)
    assert moment_counts([department.pk]) == {"done": 1, "planned": 0, "overdue": 1}
