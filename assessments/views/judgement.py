"""The final judgement by the placement's school supervisor (or a coordinator)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from assessments import judging, opening
from assessments.access import placement_for_judging
from assessments.models import FinalJudgement


@login_required
def judgement(request, pk):
    placement = placement_for_judging(request.user, pk)
    setup = opening.setup_of(placement)
    if setup is None:
        messages.error(request, _("Het stageplan heeft nog geen beoordeling ingesteld."))
        return redirect("assessments:placement_assessments", pk=placement.pk)
    basis = judging.basis(placement, setup)
    current = (
        FinalJudgement.objects.filter(placement=placement, is_current=True).prefetch_related("scores").first()
    )
    status = 200
    error = None
    if request.method == "POST":
        form = judging.JudgementForm(request.POST, basis=basis)
        if form.is_valid():
            try:
                judging.record_judgement(placement, form, request.user)
            except judging.JudgementConflictError:
                error = _(
                    "Het eindoordeel is intussen vastgelegd of gewijzigd. Uw invoer staat hieronder nog; herlaad de pagina om de nieuwste versie te zien."
                )
                status = 409
            else:
                messages.success(request, _("Het eindoordeel is vastgelegd."))
                return redirect("assessments:compare", pk=placement.pk)
        else:
            status = 400
    else:
        form = judging.JudgementForm(initial=judging.initial_for(basis, current), basis=basis)
    history = FinalJudgement.objects.filter(placement=placement).select_related("overall", "decided_by")
    return render(
        request,
        "assessments/judgement.html",
        {
            "placement": placement,
            "setup": setup,
            "basis": basis,
            "form": form,
            "error": error,
            "history": history,
        },
        status=status,
    )
