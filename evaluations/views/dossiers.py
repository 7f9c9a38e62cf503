"""The inspection dossier page, request and download: the plan's coordinators and the school's leaders only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from evaluations.access import plan_for_reading
from evaluations.dossier import request_dossier
from evaluations.models import DossierDownload, DossierExport, DossierStatus
from evaluations.models.dossier import dossier_scope
from placements.models import PlacementPlan
from stagebeheer.scoping import get_visible_or_404


def may_fetch(user, plan) -> bool:
    if user.is_superuser:
        return True
    return PlacementPlan.objects.filter(dossier_scope(user, prefix=""), pk=plan.pk).exists()


@login_required
def dossier_page(request, pk):
    plan = plan_for_reading(request.user, pk)
    if not may_fetch(request.user, plan):
        raise PermissionDenied
    exports = list(DossierExport.objects.filter(plan=plan).order_by("-created_at")[:5])
    return render(
        request,
        "evaluations/dossier_page.html",
        {
            "plan": plan,
            "exports": exports,
            "running": any(e.status in ("queued", "building") for e in exports),
        },
    )


@login_required
@require_POST
def dossier_request(request, pk):
    plan = plan_for_reading(request.user, pk)
    if not may_fetch(request.user, plan):
        raise PermissionDenied
    _export, made = request_dossier(plan, request.user)
    if made:
        messages.success(request, _("Het dossier wordt gemaakt. U krijgt een e-mail als het klaar is."))
    else:
        messages.info(request, _("Het dossier wordt al gemaakt."))
    return redirect("evaluations:dossier", pk=plan.pk)


@login_required
def dossier_download(request, pk):
    export = get_visible_or_404(DossierExport.objects.select_related("plan"), request.user, pk=pk)
    if export.status != DossierStatus.READY or not export.file:
        raise Http404
    DossierDownload.objects.create(export=export, user=request.user)
    return FileResponse(
        export.file.open("rb"), as_attachment=True, filename=export.file.name.rsplit("/", 1)[-1]
    )
