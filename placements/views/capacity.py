"""Scarcity at a glance: host places used per week against what the host
offers, and each school supervisor's load against the plan's norm."""

from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef
from django.shortcuts import render
from django.utils import timezone

from placements.checks import ACTIVE_STATES, overlapping
from placements.distance import describe
from placements.models import Host, HostStatus, Placement, PlacementPlan
from placements.rules import host_refusals, host_too_far
from stagebeheer.params import optional_date, required_id
from stagebeheer.permissions import (
    editable_or_403,
    require_coordinator,
    require_coordinator_or_leader,
)

WEEKS = 10


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@login_required
def capacity(request):
    require_coordinator_or_leader(request.user)
    first = _monday(optional_date(request.GET, "week") or timezone.localdate())
    weeks = [first + timedelta(weeks=i) for i in range(WEEKS)]
    last = weeks[-1] + timedelta(days=6)
    visible = Placement.objects.visible_to(request.user)
    in_window = overlapping(visible, first, last)
    hosts = (
        Host.objects.visible_to(request.user)
        .filter(Exists(in_window.filter(host_id=OuterRef("pk"))))
        .order_by("name")
        .only("pk", "name", "city", "capacity", "status")
    )
    page = Paginator(hosts, 40).get_page(request.GET.get("page"))
    host_ids = [h.pk for h in page]
    periods = in_window.filter(host_id__in=host_ids).values_list(
        "host_id", "start_date", "end_date", "state", "terminated_on"
    )
    counts: dict[int, list[int]] = {pk: [0] * WEEKS for pk in host_ids}
    for host_id, start, end, state, terminated_on in periods:
        end = terminated_on if state == "terminated" and terminated_on else end
        for i, monday in enumerate(weeks):
            if start <= monday + timedelta(days=6) and end >= monday:
                counts[host_id][i] += 1
    rows = [
        {
            "host": host,
            "weeks": [
                {"n": n, "over": n > host.capacity, "full": 0 < n == host.capacity} for n in counts[host.pk]
            ],
            "peak": max(counts[host.pk]),
        }
        for host in page
    ]
    loads = (
        visible.filter(state__in=ACTIVE_STATES, school_supervisor__isnull=False)
        .values(
            "school_supervisor_id",
            "school_supervisor__full_name",
            "plan_id",
            "plan__title",
            "plan__school_year",
            "plan__supervisor_norm",
            "plan__guidance_hours_per_student",
        )
        .annotate(n=Count("pk"))
        .order_by("school_supervisor__full_name", "plan__title")
    )
    load_rows = [
        {
            **row,
            "hours": row["n"] * row["plan__guidance_hours_per_student"]
            if row["plan__guidance_hours_per_student"]
            else None,
            "over": bool(row["plan__supervisor_norm"]) and row["n"] > row["plan__supervisor_norm"],
        }
        for row in loads[:500]
    ]
    return render(
        request,
        "placements/capacity.html",
        {
            "weeks": weeks,
            "rows": rows,
            "page": page,
            "query": f"week={first.isoformat()}",
            "loads": load_rows,
            "previous": (first - timedelta(weeks=WEEKS)).isoformat(),
            "next": (first + timedelta(weeks=WEEKS)).isoformat(),
        },
    )


def _words(text: str) -> set[str]:
    return {w for w in "".join(c.lower() if c.isalnum() else " " for c in text or "").split() if len(w) > 3}


@login_required
def match(request, pk):
    """Hosts that fit a student in a plan, best first; the coordinator decides."""
    require_coordinator(request.user)
    plan = editable_or_403(PlacementPlan.objects.select_related("department"), request.user, pk=pk)
    from placements.models import Student
    from stagebeheer.permissions import visible_or_404

    student = visible_or_404(
        Student.objects.filter(department_id=plan.department_id),
        request.user,
        pk=required_id(request.GET, "student"),
    )
    start = optional_date(request.GET, "start") or timezone.localdate()
    end = start + timedelta(weeks=4)
    hosts = list(
        Host.objects.visible_to(request.user)
        .filter(school_id=plan.department.school_id)
        # Not yet checked (entered by a student with an own find): not suggested to others.
        .exclude(status__in=[HostStatus.UNSUITABLE, HostStatus.TO_CHECK])
    )
    used = dict(
        overlapping(Placement.objects.filter(host_id__in=[h.pk for h in hosts]), start, end)
        .values_list("host_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    wanted = _words(student.programme) | _words(plan.title)
    suggestions = []
    for host in hosts:
        left = host.capacity - used.get(host.pk, 0)
        if left <= 0:
            continue
        # The same named rules the placement checks and the allocation use: a host one
        # of them refuses (unsuitable, no SBB recognition, a forbidden kind, measured too
        # far) is never suggested.
        if host_refusals(plan, student, host, start):
            continue
        fit = len(wanted & (_words(host.sector) | _words(host.name)))
        distance = describe(student.postcode, host.postcode)
        _refused, doubt = host_too_far(plan, student, host)
        too_far = bool(doubt)
        # A matching sector outweighs everything else (x10); free places help a
        # little (x2, up to 3); each band or 10 km further costs 3; a doubtful
        # distance 20, as it may well be refused on the form.
        steps = distance["km"] / 10 if distance and distance["km"] is not None else None
        if steps is None:
            steps = distance["band"] if distance else 2
        score = fit * 10 + min(left, 3) * 2 - round(steps * 3) - (20 if too_far else 0)
        if host.status == HostStatus.ON_WATCH:
            score -= 5
        suggestions.append(
            {"host": host, "fit": fit, "left": left, "distance": distance, "too_far": too_far, "score": score}
        )
    suggestions.sort(key=lambda s: (-s["score"], s["host"].name))
    return render(
        request,
        "placements/match.html",
        {"plan": plan, "student": student, "suggestions": suggestions[:20], "start": start, "end": end},
    )
