"""Staff answer their evaluation in the app; coordinators read the answers of a placement."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from evaluations import services
from evaluations.access import invitation_for_answering, is_coordinator_of, placement_for_reading
from evaluations.forms import AnswerForm
from evaluations.models import Audience, EvaluationAnswer, EvaluationInvitation, EvaluationResponse


@login_required
def answer(request, pk):
    invitation = invitation_for_answering(request.user, pk)
    placement = invitation.placement
    if invitation.completed_at:
        messages.info(request, _("Deze evaluatie is al ingevuld."))
        return redirect("evaluations:placement", pk=placement.pk)
    questions = invitation.form.questions.all()
    form = AnswerForm(questions, request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.submit(invitation, form.answers(), user=request.user)
            except services.AlreadyAnsweredError:
                messages.info(request, _("Deze evaluatie is al ingevuld."))
            else:
                messages.success(request, _("Dank u wel, de evaluatie is opgeslagen."))
            return redirect("evaluations:placement", pk=placement.pk)
        messages.error(request, _("Controleer de gemarkeerde vragen."))
    return render(
        request,
        "evaluations/answer.html",
        {"invitation": invitation, "placement": placement, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def placement_evaluations(request, pk):
    """Everyone who reads the placement sees who answered; the answers themselves
    only the department's coordinators and, for their own answer, the respondent."""
    placement = placement_for_reading(request.user, pk)
    invitations = list(
        EvaluationInvitation.objects.visible_to(request.user).filter(placement=placement).order_by("audience")
    )
    answerable = set(
        EvaluationInvitation.objects.answerable_by(request.user)
        .filter(placement=placement, completed_at__isnull=True)
        .values_list("pk", flat=True)
    )
    responses = list(
        EvaluationResponse.objects.visible_to(request.user)
        .filter(placement=placement)
        .select_related("form")
        .order_by("audience")
    )
    answers = (
        EvaluationAnswer.objects.filter(response__in=[r.pk for r in responses])
        .select_related("question")
        .order_by("question__order", "question__pk")
    )
    by_response = {}
    for row in answers:
        by_response.setdefault(row.response_id, []).append(row)
    for response in responses:
        response.answer_rows = by_response.get(response.pk, [])
    return render(
        request,
        "evaluations/placement.html",
        {
            "placement": placement,
            "invitations": invitations,
            "answerable": answerable,
            "responses": responses,
            "is_coordinator": is_coordinator_of(request.user, placement.plan.department_id),
            "audiences": Audience,
        },
    )
