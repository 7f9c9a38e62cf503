"""Host review after a placement, and the coordinator's decision on the host's status."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from evaluations.access import placement_for_reading
from evaluations.forms import HostReviewForm, HostStatusForm
from evaluations.host_rules import host_record
from evaluations.models import HostReview
from evaluations.services_hosts import AlreadyReviewedError, review_host
from placements import services as placement_services
from placements.models import Host, Placement, PlacementState
from stagebeheer.permissions import may_set_host_status
from stagebeheer.scoping import get_visible_or_404

FINISHED = (PlacementState.COMPLETED, PlacementState.TERMINATED)


@login_required
def host_review(request, pk):
    """The placement's own supervisor (or a coordinator) rates the host once the stage has ended."""
    placement = placement_for_reading(request.user, pk)
    if not Placement.objects.supervised_by(request.user).filter(pk=placement.pk).exists():
        raise PermissionDenied
    existing = HostReview.objects.filter(placement=placement).first()
    if existing is not None or placement.state not in FINISHED:
        if existing is None:
            messages.info(request, _("Het stagebedrijf wordt beoordeeld als de stage is afgelopen."))
        elif request.method == "POST":
            messages.info(request, _("Dit stagebedrijf is voor deze stage al beoordeeld."))
        return render(request, "evaluations/host_review.html", {"placement": placement, "review": existing})
    form = HostReviewForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                review_host(placement, form.cleaned_data, request.user)
            except AlreadyReviewedError:
                messages.info(request, _("Dit stagebedrijf is voor deze stage al beoordeeld."))
            else:
                messages.success(request, _("Dank u wel, de beoordeling is opgeslagen."))
            return redirect("evaluations:host_review", pk=placement.pk)
        messages.error(request, _("Controleer de gemarkeerde velden."))
    return render(
        request,
        "evaluations/host_review.html",
        {"placement": placement, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def host_status(request, pk):
    """The coordinator decides; the suggestion never changes a status by itself."""
    host = get_visible_or_404(Host.objects, request.user, pk=pk)
    # Only a coordinator of a department that uses the host decides (issue 9.7).
    if not may_set_host_status(request.user, host):
        raise PermissionDenied
    form = HostStatusForm(request.POST)
    if form.is_valid():
        changed = placement_services.set_host_status(
            host, form.cleaned_data["status"], reason=form.cleaned_data["reason"], actor=request.user
        )
        if changed:
            messages.success(request, _("De status van het stagebedrijf is gewijzigd."))
        else:
            messages.info(request, _("Het stagebedrijf had die status al."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("placements:host_detail", pk=host.pk)


def host_panel_context(request, host):
    record = host_record(host)
    may_decide = may_set_host_status(request.user, host)
    form = None
    if may_decide:
        form = HostStatusForm(initial={"status": record.suggestion or host.status})
    return {"host": host, "record": record, "may_decide": may_decide, "form": form}
