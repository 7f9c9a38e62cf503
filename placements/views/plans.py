from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from placements import services
from placements.forms import HOURS_PRESETS, CopyPlanForm, PlanForm, plan_initial
from placements.models import HostKind, PlacementPlan, PlacementState, PlanKind
from stagebeheer.history import history_of
from stagebeheer.navigation import panels_for_slot
from stagebeheer.params import optional_id
from stagebeheer.permissions import (
    coordinator_departments,
    editable_or_403,
    may_see_allowances,
    require_coordinator,
    visible_or_404,
)


@login_required
def plan_list(request):
    plans = (
        PlacementPlan.objects.visible_to(request.user)
        .select_related("department")
        .annotate(
            n_placements=Count("placements", filter=~Q(placements__state="terminated")),
        )
        .order_by("-school_year", "department__name", "title")
    )
    can_create = coordinator_departments(request.user).exists()
    return render(request, "placements/plan_list.html", {"plans": plans, "can_create": can_create})


@login_required
def plan_create(request):
    require_coordinator(request.user)
    departments = coordinator_departments(request.user)
    department_id = optional_id(request.POST, "department") or optional_id(request.GET, "department")
    kind = request.POST.get("kind") or request.GET.get("kind")
    department = departments.filter(pk=department_id).first() if department_id else None
    if department is None or kind not in PlanKind.values:
        # First step: which department and which kind of stage (it sets the defaults).
        return render(
            request,
            "placements/plan_start.html",
            {"departments": departments, "kinds": PlanKind.choices, "presets": HOURS_PRESETS.items()},
        )
    initial = plan_initial(kind, request.GET.get("preset", ""))
    form = PlanForm(request.POST or None, department=department, initial=initial)
    if request.method == "POST" and form.is_valid():
        plan = form.save()
        messages.success(request, _("Het stageplan is opgeslagen."))
        return redirect("placements:plan_detail", pk=plan.pk)
    return render(
        request, "placements/plan_form.html", {"form": form, "department": department, "plan": None}
    )


@login_required
def plan_detail(request, pk):
    plan = visible_or_404(
        PlacementPlan.objects.select_related("department", "copied_from"), request.user, pk=pk
    )
    can_edit = PlacementPlan.objects.editable_by(request.user).filter(pk=plan.pk).exists()
    found = dict(plan.placements.values_list("state").annotate(n=Count("pk")).order_by())
    counts = {label: found[value] for value, label in PlacementState.choices if value in found}
    forbidden = [HostKind(k).label for k in plan.forbidden_host_kinds if k in HostKind.values]
    return render(
        request,
        "placements/plan_detail.html",
        {
            "plan": plan,
            "can_edit": can_edit,
            "can_see_allowances": may_see_allowances(request.user, plan.department_id),
            "missing": plan.missing_legal_parts(),
            "forbidden": forbidden,
            "counts": counts,
            "panels": panels_for_slot("plan_detail", request, plan),
            "copy_form": CopyPlanForm(initial={"school_year": _next_year(plan.school_year)}),
            "history": history_of(plan)[:10],
        },
    )


def _next_year(year: str) -> str:
    try:
        first = int(year[:4])
    except ValueError:
        return ""
    return f"{first + 1}-{first + 2}"


@login_required
def plan_edit(request, pk):
    plan = editable_or_403(PlacementPlan.objects.select_related("department"), request.user, pk=pk)
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Het stageplan is opgeslagen."))
        return redirect("placements:plan_detail", pk=plan.pk)
    return render(
        request, "placements/plan_form.html", {"form": form, "department": plan.department, "plan": plan}
    )


@login_required
@require_POST
def plan_copy(request, pk):
    plan = editable_or_403(PlacementPlan.objects, request.user, pk=pk)
    form = CopyPlanForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["school_year"]))
        return redirect("placements:plan_detail", pk=plan.pk)
    year = form.cleaned_data["school_year"]
    if PlacementPlan.objects.filter(
        department_id=plan.department_id, school_year=year, title=plan.title
    ).exists():
        messages.error(request, _("Er bestaat al een stageplan met deze titel in %(year)s.") % {"year": year})
        return redirect("placements:plan_detail", pk=plan.pk)
    copy = services.copy_plan(plan, year, actor=request.user)
    messages.success(request, _("Het stageplan is gekopieerd naar %(year)s.") % {"year": year})
    return redirect("placements:plan_detail", pk=copy.pk)
