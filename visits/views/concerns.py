from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from placements.models import PlacementState
from stagebeheer.history import history_of, note_read
from stagebeheer.params import optional_id
from stagebeheer.permissions import (
    concern_for,
    may_set_host_status,
    placement_for_guiding,
    require_concern_reader,
    visit_for_guiding,
)
from visits import services
from visits.access import placement_page_url
from visits.forms import ConcernFollowUpForm, ConcernForm
from visits.models import Concern, ConcernOutcome, ConcernStatus
from visits.notify import notify_concern


@login_required
def concern_list(request):
    """Only the coordinators and the placement's own supervisor; leaders get counts on dashboards."""
    require_concern_reader(request.user)
    queryset = (
        Concern.objects.visible_to(request.user)
        .select_related("placement__student", "placement__host", "department")
        .defer("description", "actions")
    )
    status = request.GET.get("status", "")
    if status in ConcernStatus.values:
        queryset = queryset.filter(status=status)
    page = Paginator(queryset, 30).get_page(request.GET.get("page"))
    return render(
        request,
        "visits/concern_list.html",
        {
            "page": page,
            "status": status,
            "statuses": ConcernStatus.choices,
            "query": f"status={status}" if status else "",
        },
    )


@login_required
def concern_add(request, pk):
    """Raise a concern about a placement, optionally from a visit (?visit=<id>)."""
    placement = placement_for_guiding(request.user, pk)
    visit = None
    visit_id = optional_id(request.GET, "visit") or optional_id(request.POST, "visit")
    if visit_id:
        visit = visit_for_guiding(request.user, visit_id)
        if visit.placement_id != placement.pk:
            raise PermissionDenied
    form = ConcernForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        concern = services.report_concern(
            department=placement.plan.department,
            placement=placement,
            actor=request.user,
            visit=visit,
            **form.cleaned_data,
        )
        notify_concern(concern, exclude=request.user)
        messages.success(request, _("De zorgmelding is vastgelegd."))
        return redirect("visits:concern_detail", pk=concern.pk)
    return render(request, "visits/concern_form.html", {"form": form, "placement": placement, "visit": visit})


@login_required
def concern_detail(request, pk):
    concern = concern_for(request.user, pk)
    note_read(request, concern, "concern")  # who read a concern is recorded (AVG art. 5(2))
    form = ConcernFollowUpForm(request.POST or None, instance=concern)
    if request.method == "POST":
        if form.is_valid():
            concern = services.update_concern(concern, form=form, actor=request.user)
            messages.success(request, _("De zorgmelding is bijgewerkt."))
            if services.proposed_host_status(concern) and not may_set_host_status(
                request.user, concern.placement.host
            ):
                messages.info(
                    request,
                    _("Uw voorstel over het stagebedrijf is vastgelegd; de stagecoördinator beslist erover."),
                )
            placement = concern.placement
            if (
                concern.outcome == ConcernOutcome.PLACEMENT_TERMINATED
                and placement is not None
                and placement.state in (PlacementState.ACTIVE, PlacementState.AGREEMENT_PENDING)
            ):
                # Ending a placement is the placements app's transition, with its own date and reason.
                messages.warning(
                    request,
                    _("De stage loopt nog. Beëindig haar op de pagina van de stage, met datum en reden."),
                )
            return redirect("visits:concern_detail", pk=concern.pk)
        messages.error(request, _("Controleer de gemarkeerde velden."))
    proposed = services.proposed_host_status(concern)
    return render(
        request,
        "visits/concern_detail.html",
        {
            "concern": concern,
            "form": form,
            "proposed_host_status": proposed,
            "may_decide_host_status": proposed is not None
            and may_set_host_status(request.user, concern.placement.host),
            "history": list(history_of(concern)[:20]),
            "placement_url": placement_page_url(concern.placement_id) if concern.placement_id else "",
        },
    )


@login_required
@require_POST
def concern_decide_host(request, pk):
    """The coordinator takes a supervisor's proposal (host on watch or unsuitable)
    over into the host's status; only who may set the host's status may."""
    concern = concern_for(request.user, pk)
    if concern.placement_id is None or not may_set_host_status(request.user, concern.placement.host):
        raise PermissionDenied
    if services.decide_host_status(concern, actor=request.user):
        messages.success(request, _("De status van het stagebedrijf is aangepast."))
    return redirect("visits:concern_detail", pk=concern.pk)
