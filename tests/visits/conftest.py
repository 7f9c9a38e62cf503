"""Placements for the visits tests: one of ``supervisor`` and one of ``other_supervisor``."""

from datetime import timedelta

import pytest
from django.utils import timezone

from placements import services as placement_services
from tests.factories.placements import StudentFactory
from tests.factories.visits import PlacementFactory


@pytest.fixture
def allow_activation(monkeypatch):
    """Activation needs a guard (the agreements app's); a permissive one, for this test only."""
    monkeypatch.setattr(placement_services, "_activation_guards", [])
    placement_services.register_activation_guard(lambda placement: None)


def running_placement(department, supervisor, mentor=None, **kwargs):
    today = timezone.localdate()
    kwargs.setdefault("start_date", today - timedelta(days=14))
    kwargs.setdefault("end_date", today + timedelta(days=60))
    student = StudentFactory(department=department, mentor=mentor)
    kwargs.setdefault("state", "active")
    return PlacementFactory(
        plan__department=department, student=student, school_supervisor=supervisor, **kwargs
    )


@pytest.fixture
def placement(department, supervisor, mentor):
    return running_placement(department, supervisor, mentor)


@pytest.fixture
def other_placement(department, other_supervisor):
    return running_placement(department, other_supervisor)
