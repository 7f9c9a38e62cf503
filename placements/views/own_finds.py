"""Own finds in the app: a mentor or the coordinator enters one for a student;
the coordinator reviews it against the plan's rules and approves or rejects it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from placements import own_finds
from placements.forms import HostCheckForm, OwnFindApproveForm, OwnFindRejectForm
from placements.models import Host, HostStatus, OwnFind, WishParticipant, WishRound
from placements.views.common import get_editable
from placements.wish_rounds import WishError
from stagebeheer import permissions
from stagebeheer.scoping import get_visible_or_404


@login_required
def participant_own_find(request, pk):
    """The own-find form for a student, in the app (the page of the student's wishes)."""
    from placements.views.wishes import participant_page

    participant = get_visible_or_404(
        WishParticipant.objects.select_related("student", "round__plan__department"), request.user, pk=pk
    )
    if not WishParticipant.objects.wishes_editable_by(request.user).filter(pk=participant.pk).exists():
        raise PermissionDenied
    if request.method != "POST":
        return redirect("placements:wish_participant", pk=participant.pk)
    from placements.links import own_find_form

    own_form = own_find_form(participant, request.POST)
    if own_form.is_valid():
        try:
            own_finds.submit(
                participant, own_form.cleaned_data, by=request.user.full_name or request.user.email
            )
        except WishError as error:
            own_form.add_error(None, error.messages[0])
        else:
            messages.success(
                request,
                _("De eigen stageplaats van %(s)s is opgeslagen.") % {"s": participant.student.full_name},
            )
            return redirect("placements:wish_round", pk=participant.round_id)
    return participant_page(request, participant, own_form=own_form, status=400)


def _own_finds():
    return OwnFind.objects.select_related(
        "participant__student", "participant__round__plan__department", "host", "decided_by"
    )


@login_required
def own_find_detail(request, pk):
    """One own find with the result of the placement checks, and the decision forms."""
    own = get_visible_or_404(_own_finds(), request.user, pk=pk)
    round_ = own.participant.round
    can_edit = WishRound.objects.editable_by(request.user).filter(pk=round_.pk).exists()
    return render(
        request,
        "placements/wishes/own_find_detail.html",
        {
            "own": own,
            "round": round_,
            "result": own_finds.review(own),
            "can_edit": can_edit and round_.state != "accepted",
            "approve_form": OwnFindApproveForm(),
            "reject_form": OwnFindRejectForm(),
            "may_check_host": own.host.is_to_check
            and permissions.may_set_host_status(request.user, own.host),
            "kinds": own.relation_kinds,
        },
    )


def _editable_own_find(request, pk):
    own = get_visible_or_404(_own_finds(), request.user, pk=pk)
    get_editable(WishRound.objects.all(), request.user, pk=own.participant.round_id)  # 403 for a reader
    return own


@login_required
@require_POST
def own_find_approve(request, pk):
    own = _editable_own_find(request, pk)
    form = OwnFindApproveForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("reason", [])))
        return redirect("placements:wish_own_find", pk=own.pk)
    try:
        done = own_finds.approve(own, reason=form.cleaned_data["reason"], actor=request.user)
    except WishError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("placements:wish_own_find", pk=own.pk)
    if done:
        messages.success(
            request,
            _("Goedgekeurd: %(s)s staat vast bij %(h)s.")
            % {"s": own.participant.student.full_name, "h": own.host.name},
        )
    else:
        messages.info(request, _("Deze eigen stageplaats was al goedgekeurd."))
    return redirect("placements:wish_round", pk=own.participant.round_id)


@login_required
@require_POST
def own_find_reject(request, pk):
    own = _editable_own_find(request, pk)
    form = OwnFindRejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Schrijf in hoogstens 500 tekens waarom u afwijst."))
        return redirect("placements:wish_own_find", pk=own.pk)
    try:
        done = own_finds.reject(own, reason=form.cleaned_data["reason"], actor=request.user)
    except WishError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("placements:wish_own_find", pk=own.pk)
    if done:
        messages.success(
            request,
            _("Afgewezen; %(s)s krijgt bericht en kan nu plaatsen kiezen.")
            % {"s": own.participant.student.full_name},
        )
    else:
        messages.info(request, _("Deze eigen stageplaats was al afgewezen."))
    return redirect("placements:wish_round", pk=own.participant.round_id)


@login_required
@require_POST
def host_check(request, pk):
    """The verdict on a host a student entered: active or unsuitable, through
    the service that owns host status (its right, its history line)."""
    from placements import services

    host = get_visible_or_404(Host.objects, request.user, pk=pk)
    permissions.require_host_status_right(request.user, host)
    form = HostCheckForm(request.POST)
    if host.status != HostStatus.TO_CHECK:
        messages.info(request, _("Dit stagebedrijf is al gecontroleerd."))
    elif not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    else:
        reason = form.cleaned_data["reason"].strip() or _("Gecontroleerd door de stagecoördinator.")
        services.set_host_status(host, form.cleaned_data["status"], reason=reason, actor=request.user)
        messages.success(request, _("De status van %(h)s is bijgewerkt.") % {"h": host.name})
    return redirect("placements:host_detail", pk=host.pk)
