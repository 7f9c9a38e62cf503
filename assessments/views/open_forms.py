"""The forms not yet submitted, per plan, with resend for the coordinator."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import render
from django.utils import timezone

from assessments.access import may_manage_frameworks
from assessments.models import Assessment
from placements.models import PlacementPlan

ROW_FIELDS = (
    "placement_id",
    "party",
    "status",
    "opened_at",
    "due_on",
    "round__kind",
    "placement__student__first_name",
    "placement__student__last_name_prefix",
    "placement__student__last_name",
    "placement__host__name",
)


def open_forms_queryset(user, plan_id=None):
    queryset = (
        Assessment.objects.visible_to(user, state="active")
        .open()
        .select_related("placement__student", "placement__host", "round")
        # Only what the row shows: the placement's and plan's texts made each row 1.4 kB.
        .only(*ROW_FIELDS)
        .order_by("due_on", "pk")
    )
    if plan_id:
        queryset = queryset.filter(placement__plan_id=plan_id)
    return queryset


@login_required
def open_forms(request):
    plan_id = request.GET.get("plan", "")
    plan_id = int(plan_id) if plan_id.isdigit() else None
    plans = (
        PlacementPlan.objects.visible_to(request.user)
        .filter(placements__assessments__status__in=["open", "draft"], placements__state="active")
        .annotate(n=Count("placements__assessments"))
        .only("title")  # the choice's label; the plan's texts are long
        .order_by("title")
    )
    page = Paginator(open_forms_queryset(request.user, plan_id), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "assessments/open_forms.html",
        {
            "page": page,
            "plans": plans,
            "plan_id": plan_id,
            "query": f"plan={plan_id}" if plan_id else "",
            "today": timezone.localdate(),
            "may_resend": may_manage_frameworks(request.user),
        },
    )
