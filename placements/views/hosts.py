from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from placements import services
from placements.checks import ACTIVE_STATES
from placements.filters import HostFilter
from placements.forms import HostForm, WorkplaceSupervisorForm
from placements.models import Host, HostKind, HostStatus, Placement, WorkplaceSupervisor
from placements.views.common import query_without_page
from stagebeheer.navigation import panels_for_slot
from stagebeheer.permissions import (
    coordinator_departments,
    editable_or_403,
    may_set_host_status,
    require_coordinator,
    visible_or_404,
)


def filtered_hosts(request):
    return HostFilter(request.GET, queryset=Host.objects.visible_to(request.user)).qs


@login_required
def host_list(request):
    today = timezone.localdate()
    # Places taken now, as a subquery rather than a join with GROUP BY: only
    # the 50 hosts on the page are counted.
    running = (
        Placement.objects.filter(
            host_id=OuterRef("pk"), state__in=ACTIVE_STATES, start_date__lte=today, end_date__gte=today
        )
        .order_by()
        .values("host_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    hosts = filtered_hosts(request).annotate(in_use=Coalesce(Subquery(running), 0)).order_by("name")
    page = Paginator(hosts, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "placements/host_list.html",
        {
            "page": page,
            "query": query_without_page(request),
            "statuses": HostStatus.choices,
            "can_edit": coordinator_departments(request.user).exists(),
            "today": today,
            "filters": {k: request.GET.get(k, "") for k in ("q", "status")},
            # Hosts students entered with an own find, flagged for the coordinator.
            "to_check": Host.objects.visible_to(request.user).filter(status=HostStatus.TO_CHECK).count(),
        },
    )


@login_required
def host_detail(request, pk):
    host = visible_or_404(Host.objects, request.user, pk=pk)
    placements = (
        Placement.objects.visible_to(request.user)
        .filter(host=host)
        .select_related("student", "plan", "school_supervisor")
        .order_by("-start_date")[:50]
    )
    can_edit = Host.objects.editable_by(request.user).filter(pk=host.pk).exists()
    return render(
        request,
        "placements/host_detail.html",
        {
            "host": host,
            "supervisors": host.workplace_supervisors.all(),
            "placements": placements,
            "can_edit": can_edit,
            "kinds": [HostKind(k).label for k in host.kinds if k in HostKind.values],
            "sbb_valid": host.has_valid_sbb(),
            "may_check": host.is_to_check and may_set_host_status(request.user, host),
            "panels": panels_for_slot("host_detail", request, host),
        },
    )


def _school_for(user):
    department = coordinator_departments(user).select_related("school").first()
    return department.school if department else None


@login_required
def host_create(request):
    require_coordinator(request.user)
    schools = {d.school_id: d.school for d in coordinator_departments(request.user).select_related("school")}
    form = HostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        host = form.save(commit=False)
        host.school = next(iter(schools.values()))
        status, reason = host.status, host.status_reason
        host.status, host.status_reason = HostStatus.ACTIVE, ""
        with transaction.atomic():
            host.save()
            if status != HostStatus.ACTIVE:
                # A status other than active goes through the service, with its history line.
                services.set_host_status(host, status, reason=reason, actor=request.user)
        messages.success(request, _("Het stagebedrijf is toegevoegd."))
        return redirect("placements:host_detail", pk=host.pk)
    return render(request, "placements/host_form.html", {"form": form, "host": None})


@login_required
def host_edit(request, pk):
    host = editable_or_403(Host.objects, request.user, pk=pk)
    old_status, old_reason = host.status, host.status_reason
    form = HostForm(
        request.POST or None, instance=host, may_set_status=may_set_host_status(request.user, host)
    )
    if request.method == "POST" and form.is_valid():
        host = form.save(commit=False)
        status, reason = host.status, host.status_reason
        if status != old_status:
            host.status, host.status_reason = old_status, old_reason
        with transaction.atomic():
            host.save()
            if status != old_status:
                # The status changes only through the service (its right, its history line).
                services.set_host_status(host, status, reason=reason, actor=request.user)
        messages.success(request, _("Het stagebedrijf is opgeslagen."))
        return redirect("placements:host_detail", pk=host.pk)
    return render(request, "placements/host_form.html", {"form": form, "host": host})


@login_required
def supervisor_create(request, pk):
    host = editable_or_403(Host.objects, request.user, pk=pk)
    form = WorkplaceSupervisorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        supervisor = form.save(commit=False)
        supervisor.host = host
        supervisor.save()
        messages.success(request, _("De praktijkbegeleider is toegevoegd."))
        return redirect("placements:host_detail", pk=host.pk)
    return render(request, "placements/supervisor_form.html", {"form": form, "host": host})


@login_required
def supervisor_edit(request, pk):
    supervisor = visible_or_404(WorkplaceSupervisor.objects.select_related("host"), request.user, pk=pk)
    host = editable_or_403(Host.objects, request.user, pk=supervisor.host_id)
    form = WorkplaceSupervisorForm(request.POST or None, instance=supervisor)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("De praktijkbegeleider is opgeslagen."))
        return redirect("placements:host_detail", pk=host.pk)
    return render(request, "placements/supervisor_form.html", {"form": form, "host": host})


@login_required
def host_lookup(request):
    """Names for the type-ahead of a host filter: at most 15, of the hosts the
    user may see, so a page never lists a whole directory of 1,000 hosts."""
    q = request.GET.get("q", "").strip()[:100]
    if len(q) < 2 or "\x00" in q:
        return JsonResponse({"names": []})
    names = list(
        Host.objects.visible_to(request.user)
        .filter(name__icontains=q)
        .order_by("name")
        .values_list("name", flat=True)
        .distinct()[:15]
    )
    return JsonResponse({"names": names})
