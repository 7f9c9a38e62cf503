"""The yearly plan review: recorded by the coordinator or the leader, read by the department."""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from evaluations.access import plan_for_reading
from evaluations.figures import previous_year
from evaluations.forms import ActionFormSet, PlanReviewForm
from evaluations.models import PlanReview
from evaluations.services_reviews import AlreadyReviewedError, frozen_figures, record_review
from evaluations.views.dashboard import _with_bars
from stagebeheer.scoping import get_visible_or_404, has_role


def _next_year(year):
    first = int(year[:4])
    return f"{first + 1}-{first + 2}"


def may_review(user, plan) -> bool:
    return has_role(user, "coordinator", plan.department_id) or has_role(user, "leader", plan.department_id)


@login_required
def review_create(request, pk):
    plan = plan_for_reading(request.user, pk)
    if not may_review(request.user, plan):
        raise PermissionDenied
    existing = PlanReview.objects.filter(plan=plan).first()
    if existing is not None:
        messages.info(request, _("Dit stageplan is al geëvalueerd."))
        return redirect("evaluations:review_detail", pk=existing.pk)
    may_copy = has_role(request.user, "coordinator", plan.department_id)
    form = PlanReviewForm(
        request.POST or None, plan=plan, initial={"copy_to": _next_year(plan.school_year) if may_copy else ""}
    )
    actions = ActionFormSet(request.POST or None, prefix="a")
    if request.method == "POST":
        if form.is_valid() and actions.is_valid():
            copy_to = form.cleaned_data["copy_to"]
            if copy_to and not may_copy:
                raise PermissionDenied  # copying a plan is the coordinator's
            rows = [
                {k: f.cleaned_data[k] for k in ("description", "owner", "due_on")}
                for f in actions.forms
                if f.cleaned_data.get("description")
            ]
            try:
                review = record_review(
                    plan,
                    findings=form.cleaned_data["findings"],
                    decisions=form.cleaned_data["decisions"],
                    actions=rows,
                    actor=request.user,
                    copy_to=copy_to,
                )
            except AlreadyReviewedError:
                review = PlanReview.objects.get(plan=plan)
                messages.info(request, _("Dit stageplan is al geëvalueerd."))
            else:
                messages.success(request, _("De evaluatie van het stageplan is vastgelegd."))
                if copy_to and review.next_plan is None:
                    messages.warning(request, _("Het plan kon niet worden gekopieerd."))
            return redirect("evaluations:review_detail", pk=review.pk)
        messages.error(request, _("Controleer de gemarkeerde velden."))
    else:
        form.initial["nonce"] = secrets.token_urlsafe(16)
    preview = _with_bars(frozen_figures(plan))
    return render(
        request,
        "evaluations/review_form.html",
        {
            "plan": plan,
            "form": form,
            "actions": actions,
            "may_copy": may_copy,
            "sections": preview,
            "year": plan.school_year,
            "previous": previous_year(plan.school_year),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def review_detail(request, pk):
    review = get_visible_or_404(
        PlanReview.objects.select_related("plan__department", "next_plan", "reviewed_by"), request.user, pk=pk
    )
    return render(
        request,
        "evaluations/review_detail.html",
        {
            "review": review,
            "plan": review.plan,
            "actions": list(review.actions.all()),
            "sections": _with_bars(review.figures),
            "year": review.plan.school_year,
            "previous": previous_year(review.plan.school_year),
        },
    )


def reviews_for_plan(plan):
    """This plan's review and the one of the plan it was copied from: the cycle made visible."""
    return list(
        PlanReview.objects.filter(Q(plan=plan) | Q(next_plan=plan) | Q(plan_id=plan.copied_from_id))
        .select_related("plan", "next_plan")
        .order_by("-plan__school_year")
    )
