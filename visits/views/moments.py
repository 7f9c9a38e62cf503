from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from placements.models import Placement
from stagebeheer.params import id_list
from stagebeheer.permissions import (
    may_see_concerns,
    placement_for_guiding,
    placement_for_reading,
    visit_for_guiding,
    visit_for_reading,
)
from visits import services
from visits.access import placement_page_url
from visits.forms import ActionFormSet, CancelForm, MomentForm, MoveForm, VisitLogForm
from visits.inputs import request_input
from visits.models import Concern, Visit, VisitStatus, WorkplaceInput


@login_required
def placement_visits(request, pk):
    """All contact moments of one placement, and its concerns for those who may see them."""
    placement = placement_for_reading(request.user, pk)
    visits = Paginator(
        Visit.objects.filter(placement=placement).order_by("planned_on", "pk").defer("notes"), 50
    ).get_page(request.GET.get("page"))
    concerns = None
    if may_see_concerns(request.user):
        concerns = list(Concern.objects.visible_to(request.user).filter(placement=placement)[:20])
    may_guide = Placement.objects.supervised_by(request.user).filter(pk=placement.pk).exists()
    return render(
        request,
        "visits/placement_visits.html",
        {
            "placement": placement,
            "page": visits,
            "concerns": concerns,
            "may_guide": may_guide,
            "placement_url": placement_page_url(placement.pk),
            "today": timezone.localdate(),
        },
    )


@login_required
def moment_add(request, pk):
    placement = placement_for_guiding(request.user, pk)
    form = MomentForm(request.POST or None, placement=placement)
    if request.method == "POST" and form.is_valid():
        services.add_moment(placement, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Het contactmoment is gepland."))
        return redirect("visits:placement_visits", pk=placement.pk)
    return render(request, "visits/moment_form.html", {"form": form, "placement": placement})


@login_required
def visit_detail(request, pk):
    visit = visit_for_reading(request.user, pk)
    may_guide = Visit.objects.editable_by(request.user).filter(pk=visit.pk).exists()
    return render(
        request,
        "visits/visit_detail.html",
        {
            "visit": visit,
            "placement": visit.placement,
            "actions": list(visit.actions.all()),
            "followed_up": list(visit.followed_up_actions.all()),
            "workplace_input": WorkplaceInput.objects.filter(visit=visit).first(),
            "may_guide": may_guide,
            "today": timezone.localdate(),
        },
    )


def _expected_logged_at(request, visit):
    """The log's time as the posted page showed it; a page without it (an
    older tab) is taken to have seen the current state."""
    raw = request.POST.get("expected_logged_at")
    if raw is None:
        return visit.logged_at
    if raw == "":
        return None
    try:
        seen = datetime.fromisoformat(raw[:40])
    except ValueError:
        return visit.logged_at
    # The page writes an aware time; a naive one was typed, and cannot be compared.
    return seen if seen.tzinfo is not None else visit.logged_at


@login_required
def visit_log(request, pk):
    """Log a contact moment: four keys, agreed actions, follow-up of earlier ones.
    Short on a phone: the essentials first, the four keys below."""
    visit = visit_for_guiding(request.user, pk)
    if visit.status == VisitStatus.CANCELLED:
        messages.error(request, _("Dit contactmoment is geannuleerd; plan een nieuw moment."))
        return redirect("visits:visit_detail", pk=visit.pk)
    placement = visit.placement
    earlier_actions = list(services.open_actions(placement.pk, visit.pk))
    workplace_input = WorkplaceInput.objects.filter(visit=visit).first()
    initial = {}
    if workplace_input and not visit.workplace_judgement:
        # Start from what the workplace supervisor sent beforehand.
        initial["workplace_judgement"] = workplace_input.judgement
    form = VisitLogForm(request.POST or None, instance=visit, initial=initial)
    formset = ActionFormSet(request.POST or None, prefix="actions")
    if (
        request.method == "POST"
        and request.POST.get("expected_status") == VisitStatus.PLANNED
        and (visit.status == VisitStatus.DONE)
    ):
        # A second submit of the same form (double tap, resent after a bad
        # connection): the first one stored the log; store nothing twice.
        messages.info(request, _("Dit verslag was al opgeslagen."))
        return redirect("visits:visit_detail", pk=visit.pk)
    if request.method == "POST":
        done_ids = set(id_list(request.POST, "done_actions"))
        if form.is_valid() and formset.is_valid():
            actions = [f.cleaned_data for f in formset if f.cleaned_data.get("description")]
            try:
                services.log_visit(
                    visit,
                    form=form,
                    actions=actions,
                    done_action_ids=done_ids,
                    actor=request.user,
                    expected_logged_at=_expected_logged_at(request, visit),
                )
            except services.AlreadyLoggedError:
                messages.info(request, _("Dit verslag was al opgeslagen."))
                return redirect("visits:visit_detail", pk=visit.pk)
            messages.success(request, _("Het verslag is opgeslagen."))
            return redirect("visits:visit_detail", pk=visit.pk)
        messages.error(request, _("Controleer de gemarkeerde velden."))
    return render(
        request,
        "visits/visit_log.html",
        {
            "visit": visit,
            "placement": placement,
            "form": form,
            "formset": formset,
            "earlier_actions": earlier_actions,
            "workplace_input": workplace_input,
        },
    )


@login_required
def visit_move(request, pk):
    visit = visit_for_guiding(request.user, pk)
    form = MoveForm(request.POST or None, placement=visit.placement, initial={"planned_on": visit.planned_on})
    if request.method == "POST" and form.is_valid():
        try:
            services.move_moment(
                visit,
                planned_on=form.cleaned_data["planned_on"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, _("Het contactmoment is verplaatst."))
        return redirect("visits:visit_detail", pk=visit.pk)
    return render(
        request,
        "visits/visit_change.html",
        {"form": form, "visit": visit, "title": _("Contactmoment verplaatsen")},
    )


@login_required
def visit_cancel(request, pk):
    visit = visit_for_guiding(request.user, pk)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cancel_moment(visit, reason=form.cleaned_data["reason"], actor=request.user)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, _("Het contactmoment is geannuleerd."))
        return redirect("visits:visit_detail", pk=visit.pk)
    return render(
        request,
        "visits/visit_change.html",
        {"form": form, "visit": visit, "title": _("Contactmoment annuleren")},
    )


@login_required
@require_POST
def visit_request_input(request, pk):
    """Send the workplace supervisor the link for input now, instead of waiting for the task."""
    visit = visit_for_guiding(request.user, pk)
    with transaction.atomic():
        sent = request_input(visit, actor=request.user, force=True)
    if sent:
        messages.success(request, _("De praktijkbegeleider krijgt een e-mail met een link."))
    else:
        messages.error(
            request, _("Er is geen praktijkbegeleider met een e-mailadres, of het gesprek is al geweest.")
        )
    return redirect("visits:visit_detail", pk=visit.pk)
