"""Small helpers every placements view uses: scoping, 403 vs 404, query strings."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.http import urlencode

from stagebeheer.exports import table_response  # noqa: F401 - the views import it from here
from stagebeheer.models import Department, User
from stagebeheer.scoping import department_ids, has_role


def coordinator_departments(user):
    if user.is_superuser:
        return Department.objects.all()
    return Department.objects.filter(pk__in=department_ids(user, ["coordinator"]))


def require_coordinator(user):
    if not has_role(user, "coordinator"):
        raise PermissionDenied


def get_editable(queryset, user, **lookup):
    """A stranger's row is a 404; a row the user may only read is a 403."""
    try:
        obj = queryset.visible_to(user).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None
    if not queryset.editable_by(user).filter(pk=obj.pk).exists():
        raise PermissionDenied
    return obj


def staff_of(department_ids_, role):
    return (
        User.objects.filter(
            is_active=True, memberships__department_id__in=department_ids_, memberships__role=role
        )
        .distinct()
        .order_by("full_name")
    )


def query_without_page(request) -> str:
    params = [(k, v) for k, values in request.GET.lists() for v in values if k != "page" and v]
    return urlencode(params)
