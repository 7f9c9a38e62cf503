"""Scales and competency frameworks: everyone on staff reads, coordinators manage."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from assessments import versioning
from assessments.access import (
    competency_for_editing,
    coordinator_departments,
    framework_for_editing,
    framework_for_reading,
    may_manage_frameworks,
)
from assessments.forms import CompetencyForm, FrameworkForm, NewFrameworkForm, ScaleForm, scale_from_form
from assessments.models import CompetencyFramework, LevelIndicator, Scale
from stagebeheer.history import history_of, line, record


def _require_manager(user):
    if not may_manage_frameworks(user):
        raise PermissionDenied


@login_required
def framework_list(request):
    frameworks = (
        CompetencyFramework.objects.visible_to(request.user)
        .filter(is_current=True)
        .select_related("scale", "department")
        .annotate(n=Count("competencies"))
        .order_by("department__name", "name")
    )
    scales = Scale.objects.visible_to(request.user).prefetch_related("levels").select_related("department")
    return render(
        request,
        "assessments/framework_list.html",
        {"frameworks": frameworks, "scales": scales, "may_manage": may_manage_frameworks(request.user)},
    )


@login_required
def framework_detail(request, pk):
    framework = framework_for_reading(request.user, pk)
    levels = list(framework.scale.levels.all())
    competencies = list(
        framework.competencies.prefetch_related(
            Prefetch("indicators", queryset=LevelIndicator.objects.order_by("level__order"))
        )
    )
    for competency in competencies:
        by_level = {i.level_id: i for i in competency.indicators.all()}
        competency.rows = [(level, by_level.get(level.pk)) for level in levels]
    versions = CompetencyFramework.objects.filter(lineage=framework.lineage).order_by("-version")
    may_edit = CompetencyFramework.objects.editable_by(request.user).filter(pk=framework.pk).exists()
    return render(
        request,
        "assessments/framework_detail.html",
        {
            "framework": framework,
            "levels": levels,
            "competencies": competencies,
            "versions": versions,
            "may_edit": may_edit and framework.is_current,
            "may_copy": may_manage_frameworks(request.user),
            "in_use": versioning.in_use(framework),
            "history": history_of(framework)[:20],
        },
    )


@login_required
def framework_new(request):
    _require_manager(request.user)
    departments = coordinator_departments(request.user)
    form = NewFrameworkForm(
        request.POST or None,
        user=request.user,
        departments=departments,
        initial={"source": request.GET.get("from")} if request.GET.get("from", "").isdigit() else None,
    )
    if request.method == "POST" and form.is_valid():
        copy = versioning.copy_framework(
            form.cleaned_data["source"],
            form.cleaned_data["department"],
            request.user,
            form.cleaned_data["scale"],
        )
        messages.success(request, _("De competentielijst is aangemaakt; pas hem hieronder aan."))
        return redirect("assessments:framework_detail", pk=copy.pk)
    return render(request, "assessments/framework_new.html", {"form": form})


@login_required
def framework_edit(request, pk):
    framework = framework_for_editing(request.user, pk)
    form = FrameworkForm(request.POST or None, instance=framework)
    if request.method == "POST" and form.is_valid():
        try:
            target, _mapping = versioning.editable_version(framework, request.user)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
            return redirect("assessments:framework_detail", pk=framework.pk)
        CompetencyFramework.objects.filter(pk=target.pk).update(**form.cleaned_data)
        record(
            target,
            action="assessments:framework",
            summary=line(gettext_noop("Naam of toelichting gewijzigd")),
            actor=request.user,
        )
        messages.success(request, _("De competentielijst is opgeslagen."))
        return redirect("assessments:framework_detail", pk=target.pk)
    return render(request, "assessments/framework_form.html", {"form": form, "framework": framework})


@login_required
def competency_add(request, pk):
    framework = framework_for_editing(request.user, pk)
    levels = framework.scale.levels.all()
    form = CompetencyForm(request.POST or None, levels=levels)
    if request.method == "POST" and form.is_valid():
        try:
            competency = versioning.add_competency(
                framework,
                {"name": form.cleaned_data["name"], "description": form.cleaned_data["description"]},
                form.indicators(),
                request.user,
            )
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
            return redirect("assessments:framework_detail", pk=framework.pk)
        messages.success(request, _("De competentie is toegevoegd."))
        return redirect("assessments:framework_detail", pk=competency.framework_id)
    return render(request, "assessments/competency_form.html", {"form": form, "framework": framework})


@login_required
def competency_edit(request, pk):
    competency = competency_for_editing(request.user, pk)
    framework = competency.framework
    form = CompetencyForm(request.POST or None, instance=competency, levels=framework.scale.levels.all())
    if request.method == "POST" and form.is_valid():
        values = {"name": form.cleaned_data["name"], "description": form.cleaned_data["description"]}
        # The form saved nothing itself: a version in use must stay as it was.
        competency.refresh_from_db()
        try:
            target = versioning.change_competency(competency, values, form.indicators(), request.user)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
            return redirect("assessments:framework_detail", pk=framework.pk)
        messages.success(request, _("De competentie is opgeslagen."))
        return redirect("assessments:framework_detail", pk=target.framework_id)
    return render(
        request,
        "assessments/competency_form.html",
        {"form": form, "framework": framework, "competency": competency},
    )


@login_required
@require_POST
def competency_delete(request, pk):
    competency = competency_for_editing(request.user, pk)
    try:
        framework = versioning.remove_competency(competency, request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return redirect("assessments:framework_detail", pk=competency.framework_id)
    messages.success(request, _("De competentie is verwijderd."))
    return redirect("assessments:framework_detail", pk=framework.pk)


@login_required
def scale_new(request):
    _require_manager(request.user)
    form = ScaleForm(request.POST or None, departments=coordinator_departments(request.user))
    if request.method == "POST" and form.is_valid():
        scale = scale_from_form(form.cleaned_data)
        record(
            scale,
            action="assessments:scale",
            summary=line(gettext_noop("Schaal aangemaakt")),
            actor=request.user,
        )
        messages.success(request, _("De schaal %(s)s is aangemaakt.") % {"s": scale.name})
        return redirect("assessments:framework_list")
    rows = [(form[f"label_{i}"], form[f"passing_{i}"]) for i in range(ScaleForm.MAX_LEVELS)]
    return render(request, "assessments/scale_form.html", {"form": form, "rows": rows})
