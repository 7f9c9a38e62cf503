"""Who may do what in the assessments app: one place, used by every view."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from assessments.models import Competency, CompetencyFramework
from placements.models import Placement, PlacementPlan
from stagebeheer.models import Department
from stagebeheer.scoping import department_ids, get_visible_or_404, has_role


def may_manage_frameworks(user) -> bool:
    return user.is_superuser or has_role(user, "coordinator")


def coordinator_departments(user):
    if user.is_superuser:
        return Department.objects.all()
    return Department.objects.filter(pk__in=department_ids(user, ["coordinator"]))


def framework_for_reading(user, pk) -> CompetencyFramework:
    return get_visible_or_404(CompetencyFramework.objects.select_related("scale", "department"), user, pk=pk)


def framework_for_editing(user, pk) -> CompetencyFramework:
    framework = framework_for_reading(user, pk)
    if not CompetencyFramework.objects.editable_by(user).filter(pk=framework.pk).exists():
        raise PermissionDenied
    return framework


def competency_for_editing(user, pk) -> Competency:
    """A competency of a framework the user sees (else 404) and may edit (else 403)."""
    try:
        competency = Competency.objects.select_related("framework__scale").get(
            pk=pk, framework__in=CompetencyFramework.objects.visible_to(user)
        )
    except Competency.DoesNotExist:
        raise Http404 from None
    framework_for_editing(user, competency.framework_id)
    return competency


def plan_for_reading(user, pk) -> PlacementPlan:
    return get_visible_or_404(PlacementPlan.objects.select_related("department"), user, pk=pk)


def plan_for_editing(user, pk) -> PlacementPlan:
    plan = plan_for_reading(user, pk)
    if not PlacementPlan.objects.editable_by(user).filter(pk=plan.pk).exists():
        raise PermissionDenied
    return plan


def placement_for_reading(user, pk) -> Placement:
    return get_visible_or_404(
        Placement.objects.select_related("student", "host", "plan__department", "school_supervisor"),
        user,
        pk=pk,
    )


def placement_for_judging(user, pk) -> Placement:
    """The placement's own school supervisor (or a coordinator); readers get 403."""
    placement = placement_for_reading(user, pk)
    if not Placement.objects.supervised_by(user).filter(pk=placement.pk).exists():
        raise PermissionDenied
    return placement


def placement_for_managing(user, pk) -> Placement:
    """Coordinators: open, resend, revoke forms and complete the placement."""
    placement = placement_for_reading(user, pk)
    if not Placement.objects.editable_by(user).filter(pk=placement.pk).exists():
        raise PermissionDenied
    return placement


def assignment_for_editing(user, pk):
    """An assignment of a plan the user sees (else 404) and may edit (else 403)."""
    from assessments.models import Assignment

    assignment = get_visible_or_404(Assignment.objects.select_related("plan"), user, pk=pk)
    plan_for_editing(user, assignment.plan_id)
    return assignment


def handin_for_reading(user, pk):
    from assessments.models import HandIn

    return get_visible_or_404(HandIn.objects.select_related("assignment", "placement"), user, pk=pk)


def handin_for_reviewing(user, pk):
    """The school supervisor of the placement (or of its duo partner for a shared
    hand-in) and coordinators; readers get 403."""
    handin = handin_for_reading(user, pk)
    ids = [handin.placement_id] + ([handin.partner_id] if handin.partner_id else [])
    if not Placement.objects.supervised_by(user).filter(pk__in=ids).exists():
        raise PermissionDenied
    return handin
