"""The plan's assessment set-up: framework, rounds and how the judgement is formed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from assessments.access import plan_for_editing, plan_for_reading
from assessments.describe import describe
from assessments.forms import RoundForm, SetupForm
from assessments.models import PlanAssessmentSetup, Round
from placements.models import PlacementPlan
from stagebeheer.history import line, record


def _plan_url(plan_id):
    try:
        return reverse("placements:plan_detail", args=[plan_id])
    except NoReverseMatch:
        return None


@login_required
def plan_setup(request, pk):
    plan = plan_for_reading(request.user, pk)
    setup = PlanAssessmentSetup.objects.filter(plan=plan).select_related("framework__scale").first()
    rounds = list(setup.rounds.all()) if setup else []
    may_edit = PlacementPlan.objects.editable_by(request.user).filter(pk=plan.pk).exists()
    return render(
        request,
        "assessments/plan_setup.html",
        {
            "plan": plan,
            "setup": setup,
            "rounds": rounds,
            "lines": describe(setup, rounds),
            "may_edit": may_edit,
            "plan_url": _plan_url(plan.pk),
        },
    )


@login_required
def setup_edit(request, pk):
    plan = plan_for_editing(request.user, pk)
    setup = PlanAssessmentSetup.objects.filter(plan=plan).first() or PlanAssessmentSetup(plan=plan)
    form = SetupForm(request.POST or None, instance=setup, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        record(
            plan,
            action="assessments:setup",
            summary=line(gettext_noop("Beoordeling van het plan ingesteld")),
            actor=request.user,
        )
        messages.success(request, _("De beoordeling is ingesteld."))
        return redirect("assessments:plan_setup", pk=plan.pk)
    return render(request, "assessments/setup_form.html", {"form": form, "plan": plan})


def _setup_for_editing(user, pk):
    plan = plan_for_editing(user, pk)
    setup = PlanAssessmentSetup.objects.filter(plan=plan).first()
    return plan, setup


@login_required
def round_add(request, pk):
    plan, setup = _setup_for_editing(request.user, pk)
    if setup is None:
        messages.error(request, _("Kies eerst een competentielijst."))
        return redirect("assessments:setup_edit", pk=plan.pk)
    form = RoundForm(request.POST or None, setup=setup)
    if request.method == "POST" and form.is_valid():
        rnd = form.save(commit=False)
        rnd.setup = setup
        rnd.save()
        record(
            plan,
            action="assessments:round",
            summary=line(gettext_noop("Ronde toegevoegd: %(r)s"), r=rnd),
            actor=request.user,
        )
        messages.success(request, _("De ronde is toegevoegd."))
        return redirect("assessments:plan_setup", pk=plan.pk)
    return render(request, "assessments/round_form.html", {"form": form, "plan": plan})


@login_required
def round_edit(request, pk):
    rnd = get_object_or_404(
        Round.objects.filter(setup__in=PlanAssessmentSetup.objects.visible_to(request.user)), pk=pk
    )
    plan, setup = _setup_for_editing(request.user, rnd.setup.plan_id)
    form = RoundForm(request.POST or None, instance=rnd, setup=setup)
    if request.method == "POST" and form.is_valid():
        form.save()
        record(
            plan,
            action="assessments:round",
            summary=line(gettext_noop("Ronde gewijzigd: %(r)s"), r=rnd),
            actor=request.user,
        )
        messages.success(request, _("De ronde is opgeslagen."))
        return redirect("assessments:plan_setup", pk=plan.pk)
    return render(request, "assessments/round_form.html", {"form": form, "plan": plan, "round": rnd})


@login_required
@require_POST
def round_delete(request, pk):
    rnd = get_object_or_404(
        Round.objects.filter(setup__in=PlanAssessmentSetup.objects.visible_to(request.user)), pk=pk
    )
    plan, _setup = _setup_for_editing(request.user, rnd.setup.plan_id)
    if rnd.assessments.exists():
        messages.error(request, _("Deze ronde is al geopend voor stages en blijft staan."))
        return redirect("assessments:plan_setup", pk=plan.pk)
    summary = line(gettext_noop("Ronde verwijderd: %(r)s"), r=str(rnd))
    rnd.delete()
    record(plan, action="assessments:round", summary=summary, actor=request.user)
    messages.success(request, _("De ronde is verwijderd."))
    return redirect("assessments:plan_setup", pk=plan.pk)
