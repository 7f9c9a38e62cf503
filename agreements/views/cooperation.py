"""Standing cooperation agreements (art. 2.37) and lwt agreements with an mbo institution."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from agreements.forms import CooperationForm
from agreements.models import CooperationAgreement, CooperationKind
from placements.models import Host, PlacementPlan, PlanKind
from stagebeheer.params import optional_id
from stagebeheer.permissions import (
    editable_or_403,
    has_role,
    require_coordinator,
    require_coordinator_or_leader,
)


@login_required
def cooperation_list(request):
    require_coordinator_or_leader(request.user)
    queryset = CooperationAgreement.objects.visible_to(request.user).select_related("host", "plan")
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "agreements/cooperation_list.html",
        {"page": page, "can_edit": has_role(request.user, "coordinator")},
    )


def _form(request, instance=None):
    hosts = Host.objects.editable_by(request.user)
    plans = PlacementPlan.objects.editable_by(request.user)
    initial = {}
    if instance is None:
        host_id, plan_id = optional_id(request.GET, "host"), optional_id(request.GET, "plan")
        if host_id:
            initial = {"host": host_id, "kind": CooperationKind.STANDING_HOST}
        if plan_id:
            plan = plans.filter(pk=plan_id).first()
            if plan:
                kind = CooperationKind.LWT_MBO if plan.kind == PlanKind.LWT else CooperationKind.STANDING_HOST
                initial = {"plan": plan.pk, "kind": kind}
    return CooperationForm(request.POST or None, instance=instance, hosts=hosts, plans=plans, initial=initial)


def _save(request, form, instance=None):
    if request.method == "POST" and form.is_valid():
        row = form.save(commit=False)
        if instance is None:
            row.created_by = request.user
        row.save()
        messages.success(request, _("De samenwerkingsovereenkomst is opgeslagen."))
        return redirect("agreements:cooperation_list")
    return render(
        request,
        "agreements/cooperation_form.html",
        {"form": form, "instance": instance},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def cooperation_create(request):
    require_coordinator(request.user)
    return _save(request, _form(request))


@login_required
def cooperation_edit(request, pk):
    row = editable_or_403(CooperationAgreement.objects, request.user, pk=pk)
    return _save(request, _form(request, row), row)
