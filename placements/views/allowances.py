"""Allowance and travel costs per plan: what hosts pay students, with totals.

Figures are summed in SQL (one aggregate for the plan, one grouped by sector);
the rows are paginated and the export streams every row of the plan."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Avg, Count, Q, Sum
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from placements.models import Placement, PlacementPlan, PlacementState
from placements.views.common import query_without_page, table_response
from stagebeheer.permissions import may_see_allowances, visible_or_404

PAID = Q(allowance_per_month__gt=0) | Q(travel_allowance__gt=0)


def _figures(placements):
    return placements.aggregate(
        n=Count("pk"),
        paid=Count("pk", filter=PAID),
        with_allowance=Count("pk", filter=Q(allowance_per_month__gt=0)),
        allowance=Sum("allowance_per_month"),
        allowance_avg=Avg("allowance_per_month", filter=Q(allowance_per_month__gt=0)),
        travel=Sum("travel_allowance"),
        with_travel=Count("pk", filter=Q(travel_allowance__gt=0)),
    )


def _amount(value) -> str:
    return "" if value is None else number_format(value, 2)


@login_required
def plan_allowances(request, pk):
    plan = visible_or_404(PlacementPlan.objects.select_related("department"), request.user, pk=pk)
    # Money paid to minors is for those who run or oversee the stages.
    if not may_see_allowances(request.user, plan.department_id):
        raise PermissionDenied
    placements = (
        Placement.objects.visible_to(request.user)
        .filter(plan=plan)
        .exclude(state=PlacementState.TERMINATED)
        .select_related("student", "host")
        .order_by("host__name", "student__last_name", "pk")
    )
    if request.GET.get("export") in ("csv", "xlsx"):
        header = [
            _("Leerling"),
            _("Stagebedrijf"),
            _("Sector"),
            _("Begin"),
            _("Einde"),
            _("Stagevergoeding per maand"),
            _("Reiskosten per maand"),
        ]
        rows = [
            [
                p.student.full_name,
                p.host.name,
                p.host.sector,
                f"{p.start_date:%d-%m-%Y}",
                f"{p.end_date:%d-%m-%Y}",
                _amount(p.allowance_per_month),
                _amount(p.travel_allowance),
            ]
            for p in placements.iterator(chunk_size=500)
        ]
        return table_response(f"vergoedingen-{plan.pk}", header, rows, request.GET["export"])
    figures = _figures(placements)
    figures["share"] = round(100 * figures["paid"] / figures["n"]) if figures["n"] else 0
    sectors = (
        placements.order_by()
        .values("host__sector")
        .annotate(
            n=Count("pk"),
            paid=Count("pk", filter=PAID),
            allowance=Sum("allowance_per_month"),
            travel=Sum("travel_allowance"),
        )
        .order_by("host__sector")
    )
    page = Paginator(placements, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "placements/plan_allowances.html",
        {
            "plan": plan,
            "figures": figures,
            "sectors": sectors,
            "page": page,
            "query": query_without_page(request),
        },
    )
