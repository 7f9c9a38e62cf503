from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from placements.models import PlacementState
from stagebeheer.permissions import require_any_role
from visits.models import Visit


def agenda_queryset(user):
    """Open moments of the running placements this user supervises, oldest
    first, so overdue ones lead. Uses visit_status_day_idx."""
    return (
        Visit.objects.visible_to(user)
        .open()
        .filter(placement__school_supervisor=user, placement__state=PlacementState.ACTIVE)
        .select_related("placement__student", "placement__host")
        .defer("placement__notes", "placement__activities", "placement__schedule")
        .order_by("planned_on", "pk")
    )


@login_required
def agenda(request):
    """The supervisor's contact moments by week, overdue first. Built for a phone."""
    require_any_role(request.user, "supervisor", "coordinator")
    today = timezone.localdate()
    page = Paginator(agenda_queryset(request.user), 40).get_page(request.GET.get("page"))
    rows = []
    for visit in page:
        if visit.planned_on < today:
            group = "overdue"
        else:
            monday = visit.planned_on - timedelta(days=visit.planned_on.weekday())
            group = monday
        rows.append({"visit": visit, "group": group})
    return render(
        request,
        "visits/agenda.html",
        {"page": page, "rows": rows, "today": today, "this_monday": today - timedelta(days=today.weekday())},
    )
