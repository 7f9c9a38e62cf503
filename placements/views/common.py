"""Small helpers every placements view uses: staff lists, query strings, exports.

Who may see or change what is stagebeheer.permissions; the names below are
kept for code that still imports them from here."""

from django.utils.http import urlencode

from stagebeheer.exports import table_response  # noqa: F401 - the views import it from here
from stagebeheer.models import User
from stagebeheer.permissions import (  # noqa: F401 - kept for older imports
    coordinator_departments,
    require_coordinator,
)
from stagebeheer.permissions import editable_or_403 as get_editable  # noqa: F401


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
