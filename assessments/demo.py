"""Demo data for assessments: the standard frameworks, a set-up on every demo
plan. Idempotent: get_or_create on natural keys throughout."""

from django.apps import apps

from assessments import standard
from assessments.presets import apply_default
from placements.models import PlacementPlan


def seed(core):
    standard.install(lambda model: apps.get_model("assessments", model))
    plans = PlacementPlan.objects.filter(department__in=list(core.departments.values()))
    for plan in plans:
        apply_default(plan)
