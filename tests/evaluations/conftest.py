"""A stage of ``supervisor`` that has just ended, so every party has been asked."""

from datetime import timedelta

import pytest
from django.utils import timezone

from placements import services as placement_services
from tests.factories.placements import StudentFactory
from tests.factories.visits import PlacementFactory


def finished_placement(department, supervisor, **kwargs):
    """An active placement completed through the placements service (which delivers)."""
    today = timezone.localdate()
    kwargs.setdefault("start_date", today - timedelta(days=30))
    kwargs.setdefault("end_date", today - timedelta(days=1))
    student = kwargs.pop("student", None) or StudentFactory(department=department)
    placement = PlacementFactory(
        plan=kwargs.pop("plan", None) or PlacementFactoryPlan(department),
        student=student,
        school_supervisor=supervisor,
        state="active",
        **kwargs,
    )
    return placement_services.complete(placement)


def PlacementFactoryPlan(department):  # noqa: N802 - reads like a factory
    from tests.factories.placements import PlacementPlanFactory

    return PlacementPlanFactory(department=department)


@pytest.fixture
def finished(department, supervisor):
    return finished_placement(department, supervisor)


@pytest.fixture
def other_finished(department, other_supervisor):
    return finished_placement(department, other_supervisor)
