"""Who may do what in the evaluations app."""

from django.core.exceptions import PermissionDenied

from evaluations.models import EvaluationInvitation
from placements.models import Placement, PlacementPlan
from stagebeheer.scoping import get_visible_or_404, has_role


def invitation_for_answering(user, pk) -> EvaluationInvitation:
    """A stranger's invitation is 404; one the user may see but not answer is 403."""
    invitation = get_visible_or_404(
        EvaluationInvitation.objects.select_related(
            "placement__student", "placement__host", "placement__plan", "form"
        ),
        user,
        pk=pk,
    )
    if not EvaluationInvitation.objects.answerable_by(user).filter(pk=invitation.pk).exists():
        raise PermissionDenied
    return invitation


def placement_for_reading(user, pk) -> Placement:
    return get_visible_or_404(Placement.objects.select_related("student", "host", "plan"), user, pk=pk)


def plan_for_reading(user, pk) -> PlacementPlan:
    return get_visible_or_404(PlacementPlan.objects.select_related("department"), user, pk=pk)


def plan_for_editing(user, pk) -> PlacementPlan:
    plan = plan_for_reading(user, pk)
    if not has_role(user, "coordinator", plan.department_id):
        raise PermissionDenied
    return plan


def is_coordinator_of(user, department_id) -> bool:
    return has_role(user, "coordinator", department_id)
