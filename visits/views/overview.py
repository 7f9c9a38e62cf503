from django.contrib.auth.decorators import login_required
from django.db.models import Count, Min, Q
from django.shortcuts import render
from django.utils import timezone

from stagebeheer.permissions import department_ids, require_any_role
from visits.models import Visit, VisitStatus


@login_required
def overview(request):
    """The coordinator's chase list: per supervisor, how many moments are
    overdue, held and still to come. One aggregate query whatever the size."""
    require_any_role(request.user, "coordinator")
    today = timezone.localdate()
    scope = Visit.objects.filter(placement__state="active")
    if not request.user.is_superuser:
        scope = scope.filter(placement__plan__department_id__in=department_ids(request.user, ["coordinator"]))
    rows = (
        scope.values("placement__school_supervisor__full_name", "placement__school_supervisor__email")
        .annotate(
            overdue=Count("pk", filter=Q(status=VisitStatus.PLANNED, planned_on__lt=today)),
            done=Count("pk", filter=Q(status=VisitStatus.DONE)),
            planned=Count("pk", filter=Q(status=VisitStatus.PLANNED, planned_on__gte=today)),
            oldest_overdue=Min("planned_on", filter=Q(status=VisitStatus.PLANNED, planned_on__lt=today)),
            placements=Count("placement", distinct=True),
        )
        .order_by("-overdue", "placement__school_supervisor__full_name")
    )
    return render(request, "visits/overview.html", {"rows": list(rows[:500]), "today": today})
