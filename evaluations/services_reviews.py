"""The yearly plan review: freeze the figures, store findings and actions, copy the plan on."""

from dataclasses import asdict

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_noop

from evaluations.figures import dashboard
from evaluations.models import PlanReview, PlanReviewAction
from placements import services as placement_services
from placements.models import PlacementPlan
from stagebeheer.history import line, record


class AlreadyReviewedError(Exception):
    """The plan already has its review; nothing was stored."""


def frozen_figures(plan) -> list[dict]:
    return [asdict(section) for section in dashboard([plan.department_id], plan.school_year, plans=[plan])]


def record_review(plan, *, findings, decisions, actions, actor, copy_to="") -> PlanReview:
    """One review per plan (the unique plan makes a double submit store one).
    With ``copy_to`` the plan is copied to that year, or linked to the copy
    that already exists there."""
    try:
        with transaction.atomic():
            review = PlanReview.objects.create(
                plan=plan,
                findings=findings,
                decisions=decisions,
                reviewed_by=actor,
                figures=frozen_figures(plan),
            )
            PlanReviewAction.objects.bulk_create(PlanReviewAction(review=review, **a) for a in actions)
            record(
                plan,
                action="evaluations:plan_review",
                summary=line(gettext_noop("Stageplan geëvalueerd")),
                actor=actor,
            )
            if copy_to:
                review.next_plan = _next_plan(plan, copy_to, actor)
                review.save(update_fields=["next_plan"])
    except IntegrityError:
        raise AlreadyReviewedError from None
    return review


def _next_plan(plan, year, actor):
    existing = PlacementPlan.objects.filter(
        department_id=plan.department_id, school_year=year, title=plan.title
    ).first()
    if existing is not None:
        return existing
    try:
        return placement_services.copy_plan(plan, year, actor=actor)
    except ValidationError:
        return None
