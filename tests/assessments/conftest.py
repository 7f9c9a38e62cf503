"""Placements and frameworks for the assessments tests."""

from datetime import timedelta

import pytest
from django.utils import timezone

from assessments.models import CompetencyFramework
from tests.factories.assessments import FrameworkFactory
from tests.factories.placements import PlacementPlanFactory, StudentFactory
from tests.factories.visits import PlacementFactory


def running_placement(department, supervisor, plan=None, **kwargs):
    today = timezone.localdate()
    kwargs.setdefault("start_date", today - timedelta(days=30))
    kwargs.setdefault("end_date", today + timedelta(days=30))
    kwargs.setdefault("state", "active")
    if plan is None:
        kwargs.setdefault("plan__department", department)
    else:
        kwargs["plan"] = plan
    return PlacementFactory(
        student=StudentFactory(department=department), school_supervisor=supervisor, **kwargs
    )


@pytest.fixture
def vmbo_framework(db):
    return CompetencyFramework.objects.get(department=None, name="Werknemersvaardigheden vmbo/pro")


@pytest.fixture
def own_framework(department):
    return FrameworkFactory(department=department)


@pytest.fixture
def foreign_framework(other_department):
    return FrameworkFactory(department=other_department)


@pytest.fixture
def plan(department):
    return PlacementPlanFactory(department=department)


@pytest.fixture
def plan_with_rounds(department):
    """A plan with the default assessment set-up and its rounds."""
    from assessments.presets import apply_default
    from tests.factories.placements import PlacementPlanFactory

    plan = PlacementPlanFactory(department=department)
    apply_default(plan)
    return plan


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
