"""The stageboek pages: the plan's assignments (coordinator), a placement's
hand-ins with done / send back (school supervisor, coordinator), the final
presentation, and the hand-in files (only through this view)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_GET, require_POST

from assessments import stageboek, uploads
from assessments.access import (
    assignment_for_editing,
    handin_for_reading,
    handin_for_reviewing,
    placement_for_judging,
    placement_for_reading,
    plan_for_editing,
    plan_for_reading,
)
from assessments.forms import AssignmentForm, PresentationForm, ReviewForm
from assessments.models import Assignment, FinalPresentation, ScaleLevel
from assessments.standard import THREE
from assessments.views.placement import placement_url
from assessments.views.setup import _plan_url
from placements.models import Placement, PlacementPlan
from stagebeheer.history import line, record
from stagebeheer.models import AccessLink

# --- the plan's assignments (coordinator) -------------------------------------------


@login_required
def plan_assignments(request, pk):
    plan = plan_for_reading(request.user, pk)
    return render(
        request,
        "assessments/stageboek/plan_assignments.html",
        {
            "plan": plan,
            "assignments": list(Assignment.objects.filter(plan=plan)),
            "may_edit": PlacementPlan.objects.editable_by(request.user).filter(pk=plan.pk).exists(),
            "plan_url": _plan_url(plan.pk),
        },
    )


def _assignment_form(request, plan, assignment=None):
    form = AssignmentForm(request.POST or None, instance=assignment, plan=plan)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.plan = plan
        saved.save()
        message = (
            gettext_noop("Opdracht gewijzigd: %(a)s")
            if assignment
            else gettext_noop("Opdracht toegevoegd: %(a)s")
        )
        record(
            plan, action="assessments:assignments", summary=line(message, a=saved.title), actor=request.user
        )
        messages.success(request, _("De opdracht is opgeslagen."))
        return redirect("assessments:plan_assignments", pk=plan.pk)
    return render(
        request,
        "assessments/stageboek/assignment_form.html",
        {"form": form, "plan": plan, "assignment": assignment},
        status=400 if form.errors else 200,
    )


@login_required
def assignment_add(request, pk):
    return _assignment_form(request, plan_for_editing(request.user, pk))


@login_required
def assignment_edit(request, pk):
    assignment = assignment_for_editing(request.user, pk)
    return _assignment_form(request, assignment.plan, assignment)


@login_required
@require_POST
def assignment_defaults(request, pk):
    plan = plan_for_editing(request.user, pk)
    added = stageboek.add_defaults(plan, actor=request.user)
    if added:
        messages.success(request, _("%(n)s standaardopdracht(en) toegevoegd.") % {"n": added})
    else:
        messages.info(request, _("Het plan had de standaardopdrachten al."))
    return redirect("assessments:plan_assignments", pk=plan.pk)


@login_required
@require_POST
def assignment_delete(request, pk):
    assignment = assignment_for_editing(request.user, pk)
    plan = assignment.plan
    if assignment.handins.exists():
        messages.error(request, _("Er is al werk ingeleverd voor deze opdracht; hij blijft staan."))
        return redirect("assessments:plan_assignments", pk=plan.pk)
    title = assignment.title
    assignment.delete()
    record(
        plan,
        action="assessments:assignments",
        summary=line(gettext_noop("Opdracht verwijderd: %(a)s"), a=title),
        actor=request.user,
    )
    messages.success(request, _("De opdracht is verwijderd."))
    return redirect("assessments:plan_assignments", pk=plan.pk)


# --- a placement's stageboek (school supervisor, coordinator; readers read) ---------


def presentation_levels():
    return ScaleLevel.objects.filter(scale__department=None, scale__name=THREE).order_by("order")


@login_required
def placement_stageboek(request, pk):
    placement = placement_for_reading(request.user, pk)
    may_review = Placement.objects.supervised_by(request.user).filter(pk=placement.pk).exists()
    rows = stageboek.rows(placement)
    return render(
        request,
        "assessments/stageboek/placement.html",
        {
            "placement": placement,
            "rows": rows,
            "done": sum(1 for _a, h in rows if h and h.state == "done"),
            "may_review": may_review,
            "presentation": FinalPresentation.objects.filter(placement=placement)
            .select_related("level", "recorded_by")
            .first(),
            "link": AccessLink.objects.for_target(placement)
            .filter(purpose=stageboek.PURPOSE)
            .usable()
            .order_by("-created_at")
            .first(),
            "placement_url": placement_url(placement.pk),
        },
    )


@login_required
@require_POST
def send_link(request, pk):
    placement = placement_for_judging(request.user, pk)
    if stageboek.send_link(placement, actor=request.user):
        messages.success(
            request, _("De leerling krijgt een nieuwe link naar het stageboek; de vorige werkt niet meer.")
        )
    else:
        messages.error(request, _("Van deze leerling is geen e-mailadres bekend."))
    return redirect("assessments:stageboek", pk=placement.pk)


def _review(request, pk, done):
    handin = handin_for_reviewing(request.user, pk)
    form = ReviewForm(request.POST, send_back=not done)
    if not form.is_valid():
        errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
        messages.error(request, _("Niet opgeslagen: %(e)s") % {"e": errors})
    else:
        try:
            stageboek.review(
                handin,
                done=done,
                feedback=form.cleaned_data["feedback"],
                actor=request.user,
                version=form.cleaned_data["version"],
            )
        except stageboek.StaleError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Afgerond.") if done else _("Teruggestuurd naar de leerling."))
    # Back to the page it was reached from: the placement itself or its duo partner.
    back = request.POST.get("placement")
    target = handin.partner_id if back == str(handin.partner_id) else handin.placement_id
    return redirect("assessments:stageboek", pk=target)


@login_required
@require_POST
def handin_done(request, pk):
    return _review(request, pk, done=True)


@login_required
@require_POST
def handin_send_back(request, pk):
    return _review(request, pk, done=False)


@login_required
@require_GET
def handin_file(request, pk):
    """Whoever may see the placement downloads the file; never a public URL."""
    handin = handin_for_reading(request.user, pk)
    if not handin.file:
        raise Http404
    try:
        opened = handin.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    return FileResponse(
        opened,
        as_attachment=True,
        content_type=uploads.content_type(handin.file_kind),
        filename=handin.file_name or "inlevering",
    )


@login_required
def presentation(request, pk):
    placement = placement_for_judging(request.user, pk)
    current = FinalPresentation.objects.filter(placement=placement).first()
    form = PresentationForm(
        request.POST or None,
        instance=current or FinalPresentation(placement=placement),
        levels=presentation_levels(),
        initial=None if current else {"held_on": placement.end_date},
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.recorded_by = request.user
        saved.save()
        record(
            placement,
            action="assessments:presentation",
            summary=line(gettext_noop("Eindpresentatie vastgelegd: %(o)s"), o=saved.outcome),
            actor=request.user,
        )
        messages.success(request, _("De eindpresentatie is vastgelegd."))
        return redirect("assessments:stageboek", pk=placement.pk)
    return render(
        request,
        "assessments/stageboek/presentation.html",
        {"form": form, "placement": placement, "current": current},
        status=400 if form.errors else 200,
    )
