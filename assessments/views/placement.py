"""A placement's assessments: the rounds and their forms, the school supervisor's
own form, the comparison, and the coordinator's open / resend / revoke."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessments import comparison, filling, opening
from assessments.access import placement_for_judging, placement_for_managing, placement_for_reading
from assessments.models import Assessment, FinalJudgement, Party, Round
from placements.models import Placement
from stagebeheer.models import AccessLink


def placement_url(placement_id):
    try:
        return reverse("placements:placement_detail", args=[placement_id])
    except NoReverseMatch:
        return reverse("assessments:placement_assessments", args=[placement_id])


def _assessment_for(user, pk, check):
    assessment = get_object_or_404(
        Assessment.objects.visible_to(user).select_related("placement", "round", "framework__scale"), pk=pk
    )
    check(user, assessment.placement_id)
    return assessment


@login_required
def placement_assessments(request, pk):
    placement = placement_for_reading(request.user, pk)
    setup = opening.setup_of(placement)
    rounds = list(Round.objects.filter(setup__plan_id=placement.plan_id)) if setup else []
    forms = list(Assessment.objects.filter(placement=placement).select_related("round"))
    links = {}
    for link in AccessLink.objects.filter(
        content_type=ContentType.objects.get_for_model(Assessment),
        object_id__in=[a.pk for a in forms],
        purpose=opening.PURPOSE,
    ).usable():
        links[link.object_id] = link
    by_round = {r.pk: [] for r in rounds}
    for assessment in forms:
        assessment.active_link = links.get(assessment.pk)
        by_round.setdefault(assessment.round_id, []).append(assessment)
    may_manage = Placement.objects.editable_by(request.user).filter(pk=placement.pk).exists()
    may_judge = Placement.objects.supervised_by(request.user).filter(pk=placement.pk).exists()
    return render(
        request,
        "assessments/placement_assessments.html",
        {
            "placement": placement,
            "setup": setup,
            "rounds": [
                (r, r.date_for(placement.start_date, placement.end_date), by_round.get(r.pk, []))
                for r in rounds
            ],
            "may_manage": may_manage,
            "may_judge": may_judge,
            "judgement": FinalJudgement.objects.filter(placement=placement, is_current=True).first(),
            "placement_url": placement_url(placement.pk),
        },
    )


@login_required
@require_POST
def round_open(request, pk, round_pk):
    placement = placement_for_managing(request.user, pk)
    rnd = get_object_or_404(Round, pk=round_pk, setup__plan_id=placement.plan_id)
    created = opening.open_round(placement, rnd, actor=request.user)
    if created:
        messages.success(request, _("De ronde is geopend; de formulieren zijn verstuurd."))
    else:
        messages.info(request, _("Deze ronde was al geopend."))
    return redirect("assessments:placement_assessments", pk=placement.pk)


@login_required
@require_POST
def resend(request, pk):
    assessment = _assessment_for(request.user, pk, placement_for_managing)
    if assessment.party == Party.SCHOOL or assessment.is_submitted:
        messages.error(request, _("Dit formulier gaat niet per link of is al ingediend."))
    elif opening.send_link(assessment, actor=request.user):
        messages.success(request, _("Een nieuwe link is verstuurd; de vorige werkt niet meer."))
    else:
        messages.error(request, _("Er is geen e-mailadres om de link naar te sturen."))
    return redirect("assessments:placement_assessments", pk=assessment.placement_id)


@login_required
@require_POST
def revoke(request, pk):
    assessment = _assessment_for(request.user, pk, placement_for_managing)
    count = opening.revoke_links(assessment)
    messages.success(request, _("%(n)s link(s) ingetrokken.") % {"n": count})
    return redirect("assessments:placement_assessments", pk=assessment.placement_id)


def _render_fill(request, assessment, form, status=200, error=None):
    return render(
        request,
        "assessments/fill.html",
        {
            "assessment": assessment,
            "placement": assessment.placement,
            "form": form,
            "error": error,
            "is_student": False,
        },
        status=status,
    )


def _school_form(user, pk):
    assessment = _assessment_for(user, pk, placement_for_judging)
    if assessment.party != Party.SCHOOL:
        raise PermissionDenied  # the other parties fill in through their link
    return assessment


def _form_for(assessment, data=None, submit=False):
    levels, competencies = filling.form_context(assessment.framework, assessment.party)
    initial = None if data is not None else filling.initial_for(assessment)
    return filling.AssessmentForm(
        data, initial=initial, levels=levels, competencies=competencies, submit=submit
    )


@login_required
def fill(request, pk):
    assessment = _school_form(request.user, pk)
    if assessment.is_submitted:
        return redirect("assessments:compare", pk=assessment.placement_id)
    return _render_fill(request, assessment, _form_for(assessment))


def _save(request, pk, submit):
    assessment = _school_form(request.user, pk)
    form = _form_for(assessment, request.POST, submit=submit)
    if not form.is_valid():
        return _render_fill(request, assessment, form, status=400)
    try:
        filling.save(assessment, form, submit=submit, by_label=request.user.full_name, by_user=request.user)
    except filling.ConflictError as exc:
        return _render_fill(request, assessment, form, status=409, error=str(exc))
    if submit:
        messages.success(request, _("Uw beoordeling is vastgelegd."))
        return redirect("assessments:compare", pk=assessment.placement_id)
    messages.success(request, _("Concept opgeslagen."))
    return redirect("assessments:fill", pk=assessment.pk)


@login_required
@require_POST
def fill_draft(request, pk):
    return _save(request, pk, submit=False)


@login_required
@require_POST
def fill_submit(request, pk):
    return _save(request, pk, submit=True)


@login_required
def compare(request, pk):
    """What the final conversation is prepared with; school supervisor, coordinator and readers."""
    placement = placement_for_reading(request.user, pk)
    context = comparison.build(placement)
    context.update(
        placement=placement,
        may_judge=Placement.objects.supervised_by(request.user).filter(pk=placement.pk).exists(),
        judgement=FinalJudgement.objects.filter(placement=placement, is_current=True)
        .select_related("overall", "decided_by")
        .first(),
        placement_url=placement_url(placement.pk),
    )
    return render(request, "assessments/compare.html", context)


@login_required
def pdf(request, pk):
    """The submitted form's PDF for the student's file; anyone who may read the placement."""
    assessment = get_object_or_404(Assessment.objects.visible_to(request.user), pk=pk)
    if assessment.pdf_status != "done" or not assessment.pdf:
        raise Http404
    return FileResponse(
        assessment.pdf.open("rb"),
        content_type="application/pdf",
        filename=f"beoordeling-{assessment.round.kind}-{assessment.party}.pdf",
    )
