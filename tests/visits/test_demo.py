"""The demo seed works with and without placements and can run twice."""

from datetime import timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from placements.models import PlacementPlan
from stagebeheer.demo import seed_core
from tests.factories.placements import PlacementPlanFactory
from tests.visits.conftest import running_placement
from visits import demo
from visits.models import Concern, ContactMomentRule, Visit

pytestmark = pytest.mark.django_db


def _row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_the_seed_runs_twice_without_duplicating_anything():
    call_command("seed_demo", stdout=StringIO())
    first = _row_counts()
    assert first["visits.Visit"] > 0
    assert first["visits.ContactMomentRule"] > 0
    call_command("seed_demo", stdout=StringIO())
    second = _row_counts()
    grown = {label: (first[label], n) for label, n in second.items() if n != first[label]}
    # Sessions and sent mail may grow; demo data may not.
    grown = {k: v for k, v in grown.items() if k not in ("sessions.Session",)}
    assert grown == {}


def test_the_seed_logs_plans_and_leaves_overdue_moments_once():
    core = seed_core()
    department = core.departments["vmbo"]
    plan = PlacementPlanFactory(department=department, kind="pro_external")
    supervisor = core.users["supervisor"]
    today = timezone.localdate()
    for _ in range(4):
        running_placement(department, supervisor, plan=plan, start_date=today - timedelta(days=80))
    demo.seed(core)
    demo.seed(core)
    assert ContactMomentRule.objects.filter(plan=plan).exists()
    assert Visit.objects.filter(status="done").exists()
    assert Visit.objects.filter(status="planned", planned_on__lt=today).exists()
    assert Visit.objects.filter(status="planned", planned_on__gte=today).exists()
    assert Concern.objects.count() == 1
    assert PlacementPlan.objects.get(pk=plan.pk).workplace_guide
