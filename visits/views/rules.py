from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from placements.models import PlacementPlan
from stagebeheer.history import line, record
from stagebeheer.permissions import plan_for_editing, visible_or_404
from visits import guide, services
from visits.access import plan_page_url
from visits.forms import GuideForm, PresetForm, RuleForm
from visits.models import ContactMomentRule, PlanGuide
from visits.presets import PRESET_FOR_KIND


@login_required
def plan_rules(request, pk):
    """The plan's contact-moment rules and guide; coordinators change them."""
    plan = visible_or_404(PlacementPlan.objects.select_related("department"), request.user, pk=pk)
    may_edit = PlacementPlan.objects.editable_by(request.user).filter(pk=plan.pk).exists()
    plan_guide = PlanGuide.objects.filter(plan=plan).first()
    return render(
        request,
        "visits/plan_rules.html",
        {
            "plan": plan,
            "rules": list(plan.contact_moment_rules.all()),
            "may_edit": may_edit,
            "preset_form": PresetForm(initial={"preset": PRESET_FOR_KIND.get(plan.kind)}),
            "rule_form": RuleForm(),
            "guide_sections": guide.sections_for(plan_guide),
            "has_guide": plan_guide is not None,
            "plan_url": plan_page_url(plan.pk),
        },
    )


@login_required
@require_POST
def plan_preset(request, pk):
    plan = plan_for_editing(request.user, pk)
    form = PresetForm(request.POST)
    if form.is_valid():
        try:
            services.apply_preset(plan, form.cleaned_data["preset"], actor=request.user)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, _("De contactmomenten van de standaardset zijn ingesteld."))
    else:
        messages.error(request, _("Kies een standaardset."))
    return redirect("visits:plan_rules", pk=plan.pk)


@login_required
def rule_add(request, pk):
    plan = plan_for_editing(request.user, pk)
    form = RuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        rule = form.save(commit=False)
        rule.plan = plan
        rule.order = plan.contact_moment_rules.count()
        rule.save()
        record(
            plan,
            action="visits:rule",
            summary=line(gettext_noop("Regel toegevoegd: %(r)s"), r=rule),
            actor=request.user,
        )
        messages.success(request, _("De regel is toegevoegd."))
        return redirect("visits:plan_rules", pk=plan.pk)
    return render(request, "visits/rule_form.html", {"form": form, "plan": plan})


@login_required
def rule_edit(request, pk):
    rule = get_object_or_404(ContactMomentRule.objects.visible_to(request.user).select_related("plan"), pk=pk)
    plan = plan_for_editing(request.user, rule.plan_id)
    form = RuleForm(request.POST or None, instance=rule)
    if request.method == "POST" and form.is_valid():
        form.save()
        record(
            plan,
            action="visits:rule",
            summary=line(gettext_noop("Regel gewijzigd: %(r)s"), r=rule),
            actor=request.user,
        )
        messages.success(request, _("De regel is gewijzigd."))
        return redirect("visits:plan_rules", pk=plan.pk)
    return render(request, "visits/rule_form.html", {"form": form, "plan": plan, "rule": rule})


@login_required
@require_POST
def rule_delete(request, pk):
    rule = get_object_or_404(ContactMomentRule.objects.visible_to(request.user), pk=pk)
    plan = plan_for_editing(request.user, rule.plan_id)
    summary = line(gettext_noop("Regel verwijderd: %(r)s"), r=str(rule))
    rule.delete()
    record(plan, action="visits:rule", summary=summary, actor=request.user)
    messages.success(request, _("De regel is verwijderd; al geplande momenten blijven staan."))
    return redirect("visits:plan_rules", pk=plan.pk)


@login_required
def guide_edit(request, pk):
    plan = plan_for_editing(request.user, pk)
    instance = PlanGuide.objects.filter(plan=plan).first() or PlanGuide(plan=plan)
    initial = {} if instance.pk else {key: str(text) for key, text in guide.DEFAULTS.items()}
    form = GuideForm(request.POST or None, instance=instance, initial=initial)
    if request.method == "POST" and form.is_valid():
        form.save()
        record(
            plan,
            action="visits:guide",
            summary=line(gettext_noop("Handreiking bijgewerkt")),
            actor=request.user,
        )
        messages.success(request, _("De handreiking is opgeslagen."))
        return redirect("visits:plan_rules", pk=plan.pk)
    return render(request, "visits/guide_form.html", {"form": form, "plan": plan})
