"""Wish rounds in the app: the coordinator opens a round, follows who has chosen,
runs the allocation, moves students and accepts; a mentor enters wishes for a mentee."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from placements import wish_rounds
from placements.models import Host, OwnFind, PlacementPlan, Wish, WishParticipant, WishRound, WishRoundState
from placements.views.common import get_editable
from placements.wish_forms import MoveForm, OfferForm, OpenRoundForm, WishForm
from stagebeheer.scoping import get_visible_or_404


def _rounds():
    return WishRound.objects.select_related("plan__department")


@login_required
def round_list(request, pk):
    plan = get_visible_or_404(PlacementPlan.objects.select_related("department"), request.user, pk=pk)
    can_edit = PlacementPlan.objects.editable_by(request.user).filter(pk=plan.pk).exists()
    form = None
    if can_edit:
        form = OpenRoundForm(
            request.POST or None, initial={"title": _("Wensronde %(t)s") % {"t": plan.title}}
        )
        if request.method == "POST" and form.is_valid():
            d = form.cleaned_data
            round_ = wish_rounds.open_round(
                plan,
                title=d["title"],
                start_date=d["start_date"],
                end_date=d["end_date"],
                closes_on=d["closes_on"],
                actor=request.user,
            )
            messages.success(
                request,
                _("De wensronde is geopend; %(n)s leerlingen krijgen een link.")
                % {"n": round_.participants.count()},
            )
            return redirect("placements:wish_round", pk=round_.pk)
    elif request.method == "POST":
        get_editable(PlacementPlan.objects.all(), request.user, pk=plan.pk)  # 403 for a reader
    rounds = (
        WishRound.objects.visible_to(request.user)
        .filter(plan=plan)
        .annotate(n=Count("participants"))
        .order_by("-start_date", "pk")
    )
    return render(
        request,
        "placements/wishes/round_list.html",
        {"plan": plan, "rounds": rounds, "form": form, "cohort": wish_rounds.cohort(plan).count()},
        status=400 if form is not None and form.errors else 200,
    )


@login_required
def round_detail(request, pk):
    round_ = get_visible_or_404(_rounds(), request.user, pk=pk)
    participants = list(
        WishParticipant.objects.visible_to(request.user)
        .filter(round=round_)
        .select_related("student", "duo_with", "proposed_host", "fixed_host", "placement")
        .prefetch_related(Prefetch("wishes", queryset=Wish.objects.select_related("host")))
    )
    can_edit = WishRound.objects.editable_by(request.user).filter(pk=round_.pk).exists()
    # Someone who submitted an own find has chosen too (submitted_at is set by either).
    waiting = [p for p in participants if p.submitted_at is None]
    own_finds = list(
        OwnFind.objects.filter(participant__in=[p.pk for p in participants])
        .select_related("participant__student", "host")
        .order_by("state", "participant__student__last_name", "pk")
    )
    own_of = {own.participant_id: own for own in own_finds}
    for p in participants:
        p.own = own_of.get(p.pk)
    by_host: dict = {}
    for p in participants:
        if p.proposed_host_id:
            by_host.setdefault(p.proposed_host, []).append(p)
    hosts = wish_rounds.offered_hosts(round_) if can_edit else []
    excluded = list(round_.excluded_hosts.order_by("name")) if can_edit else []
    return render(
        request,
        "placements/wishes/round_detail.html",
        {
            "round": round_,
            "participants": participants,
            "waiting": waiting,
            "can_edit": can_edit,
            "summary": wish_rounds.summary(participants),
            "by_host": sorted(by_host.items(), key=lambda item: item[0].name),
            "hosts": hosts,
            "excluded": excluded,
            "own_finds": own_finds,
            "accepted": round_.state == WishRoundState.ACCEPTED,
        },
    )


def _editable_round(request, pk):
    return get_editable(_rounds(), request.user, pk=pk)


@login_required
@require_POST
def round_run(request, pk):
    round_ = _editable_round(request, pk)
    try:
        result = wish_rounds.run_allocation(round_, actor=request.user)
    except wish_rounds.WishError as error:
        messages.error(request, error.messages[0])
    else:
        placed = sum(1 for a in result.assignments.values() if a.host is not None)
        messages.success(request, _("Voorstel berekend: %(n)s leerlingen geplaatst.") % {"n": placed})
    return redirect("placements:wish_round", pk=round_.pk)


@login_required
@require_POST
def round_close(request, pk):
    round_ = _editable_round(request, pk)
    if wish_rounds.close_round(round_, actor=request.user):
        messages.success(request, _("De wensronde is gesloten; de links werken niet meer."))
    return redirect("placements:wish_round", pk=round_.pk)


@login_required
@require_POST
def round_move(request, pk):
    round_ = _editable_round(request, pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een leerling en een plaats."))
        return redirect("placements:wish_round", pk=round_.pk)
    participant = (
        round_.participants.select_related("student").filter(pk=form.cleaned_data["participant"]).first()
    )
    host_id = form.cleaned_data.get("host") or None
    host = (
        Host.objects.filter(pk=host_id, school_id=round_.plan.department.school_id).first()
        if host_id
        else None
    )
    if participant is None or (host_id and host is None):
        messages.error(request, _("Deze leerling of plaats hoort niet bij deze ronde."))
        return redirect("placements:wish_round", pk=round_.pk)
    try:
        wish_rounds.move(round_, participant, host, actor=request.user)
    except wish_rounds.WishError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("%(s)s is verplaatst.") % {"s": participant.student.full_name})
    return redirect("placements:wish_round", pk=round_.pk)


@login_required
@require_POST
def round_offer(request, pk):
    """Leave a host out of the round, or offer it again (``offered=1``)."""
    round_ = _editable_round(request, pk)
    form = OfferForm(request.POST)
    host = None
    if form.is_valid():
        host = Host.objects.filter(
            pk=form.cleaned_data["host"], school_id=round_.plan.department.school_id
        ).first()
    if host is None:
        messages.error(request, _("Kies een stagebedrijf uit de eigen lijst."))
        return redirect("placements:wish_round", pk=round_.pk)
    try:
        wish_rounds.set_offered(round_, host, form.cleaned_data["offered"], actor=request.user)
    except wish_rounds.WishError as error:
        messages.error(request, error.messages[0])
    return redirect("placements:wish_round", pk=round_.pk)


@login_required
@require_POST
def round_accept(request, pk):
    round_ = _editable_round(request, pk)
    try:
        created, refused = wish_rounds.accept_round(round_, actor=request.user)
    except wish_rounds.WishError as error:
        messages.error(request, error.messages[0])
        return redirect("placements:wish_round", pk=round_.pk)
    messages.success(
        request, _("%(n)s conceptstages aangemaakt; de leerlingen krijgen bericht.") % {"n": len(created)}
    )
    for participant, errors in refused:
        messages.warning(
            request,
            _("%(s)s niet geplaatst: %(e)s") % {"s": participant.student.full_name, "e": " ".join(errors)},
        )
    return redirect("placements:overview")


@login_required
def participant_wishes(request, pk):
    """A mentor (or the coordinator) enters wishes for a student in the app."""
    participant = get_visible_or_404(
        WishParticipant.objects.select_related("student", "round__plan__department"), request.user, pk=pk
    )
    if not WishParticipant.objects.wishes_editable_by(request.user).filter(pk=participant.pk).exists():
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    form = _wish_form(participant, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            try:
                wish_rounds.save_wishes(
                    participant,
                    form.cleaned_data["wishes"],
                    duo_with=form.cleaned_data["duo_with"],
                    by=request.user.full_name or request.user.email,
                )
            except wish_rounds.WishError as error:
                form.add_error(None, error.messages[0])
            else:
                messages.success(
                    request, _("De keuzes van %(s)s zijn opgeslagen.") % {"s": participant.student.full_name}
                )
                return redirect("placements:wish_round", pk=participant.round_id)
        return participant_page(request, participant, form=form, status=400)
    return participant_page(request, participant, form=form)


def _wish_form(participant, data=None):
    round_ = participant.round
    hosts = wish_rounds.offered_hosts(round_)
    classmates = [p.student for p in round_.participants.select_related("student").exclude(pk=participant.pk)]
    initial = {f"wish{w.rank}": w.host_id for w in participant.wishes.all()}
    initial |= {f"motivation{w.rank}": w.motivation for w in participant.wishes.all()}
    initial["duo_with"] = participant.duo_with_id
    return WishForm(
        data, hosts=hosts, classmates=classmates, postcode=participant.student.postcode, initial=initial
    )


def participant_page(request, participant, *, form=None, own_form=None, status=200):
    """The student's wishes and own find in the app (placements.views.own_finds posts here too)."""
    from django.urls import reverse

    from placements.links import own_find_form, own_find_of

    round_ = participant.round
    return render(
        request,
        "placements/wishes/participant_wishes.html",
        {
            "participant": participant,
            "round": round_,
            "form": form or _wish_form(participant),
            "own_form": own_form or own_find_form(participant),
            "own_find": own_find_of(participant),
            "own_action": reverse("placements:wish_participant_own_find", args=[participant.pk]),
            "is_open": round_.is_open,
        },
        status=status,
    )
