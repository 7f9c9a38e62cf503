"""Who may do what in the visits app: one place, used by every view."""

from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, reverse

from placements.models import Placement, PlacementPlan
from stagebeheer.scoping import get_visible_or_404, has_role
from visits.models import Concern, Visit


def placement_for_reading(user, pk) -> Placement:
    return get_visible_or_404(Placement.objects.select_related("student", "host", "plan"), user, pk=pk)


def placement_for_guiding(user, pk) -> Placement:
    """The placement's own supervisor or a coordinator; others who may read it get 403."""
    placement = placement_for_reading(user, pk)
    if not Placement.objects.supervised_by(user).filter(pk=placement.pk).exists():
        raise PermissionDenied
    return placement


def visit_for_reading(user, pk, queryset=None) -> Visit:
    queryset = queryset if queryset is not None else Visit.objects.all()
    return get_visible_or_404(
        queryset.select_related("placement__student", "placement__host", "placement__plan"), user, pk=pk
    )


def visit_for_guiding(user, pk) -> Visit:
    visit = visit_for_reading(user, pk)
    if not Visit.objects.editable_by(user).filter(pk=visit.pk).exists():
        raise PermissionDenied
    return visit


def may_see_concerns(user) -> bool:
    return user.is_superuser or has_role(user, "coordinator") or has_role(user, "supervisor")


def require_concern_reader(user):
    if not may_see_concerns(user):
        raise PermissionDenied


def concern_for(user, pk) -> Concern:
    require_concern_reader(user)
    return get_visible_or_404(
        Concern.objects.select_related("placement__student", "placement__host", "department", "visit"),
        user,
        pk=pk,
    )


def plan_for_editing(user, pk) -> PlacementPlan:
    plan = get_visible_or_404(PlacementPlan.objects.select_related("department"), user, pk=pk)
    if not PlacementPlan.objects.editable_by(user).filter(pk=plan.pk).exists():
        raise PermissionDenied
    return plan


def require_any_role(user, *roles):
    if not (user.is_superuser or any(has_role(user, role) for role in roles)):
        raise PermissionDenied


def placement_page_url(placement_id):
    """The placements app's page when it exists; our own list otherwise."""
    try:
        return reverse("placements:placement_detail", args=[placement_id])
    except NoReverseMatch:
        return reverse("visits:placement_visits", args=[placement_id])


def plan_page_url(plan_id):
    try:
        return reverse("placements:plan_detail", args=[plan_id])
    except NoReverseMatch:
        return None
