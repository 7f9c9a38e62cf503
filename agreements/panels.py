"""Contexts for the sections this app adds to other pages (see navigation.py).
Each asks the database a fixed number of times."""

from django.db.models import Count, Prefetch, Q

from agreements import cooperation
from agreements.models import (
    Agreement,
    AgreementStatus,
    CooperationAgreement,
    CooperationKind,
    Party,
    Signature,
    SignatureRequest,
)
from placements.models import PlanKind
from stagebeheer.counting import count_of
from stagebeheer.permissions import has_role


def _with_parties(queryset):
    return queryset.prefetch_related(
        Prefetch("signatures", queryset=Signature.objects.only("pk", "agreement_id", "party", "signer_name")),
        Prefetch("requests", queryset=SignatureRequest.objects.order_by("party")),
    )


def waiting_rows(agreements):
    """For each agreement: who has not signed yet (names from the requests)."""
    rows = []
    for agreement in agreements:
        signed = agreement.signed_parties()
        requests = {r.party: r for r in agreement.requests.all()}
        rows.append(
            {
                "agreement": agreement,
                "unsigned": [
                    {"party": Party(p).label, "name": requests[p].name if p in requests else ""}
                    for p in Party.values
                    if p not in signed
                ],
            }
        )
    return rows


def edit_warning(request, placement):
    """On the edit page: saving a change to the contract voids the sent or signed version."""
    live = (
        Agreement.objects.live()
        .filter(placement=placement, status__in=[AgreementStatus.SENT, AgreementStatus.SIGNED])
        .only("pk", "version", "status", "placement_id")
        .first()
    )
    if live is None:
        return None
    from placements.models import Placement

    fields = [str(Placement._meta.get_field(f).verbose_name) for f in Placement.CONTRACT_FIELDS]
    return {"agreement": live, "signed": live.status == AgreementStatus.SIGNED, "fields": fields}


def placement_panel(request, placement):
    agreements = list(
        _with_parties(Agreement.objects.filter(placement=placement).defer("content")).order_by("-version")
    )
    live = next((a for a in agreements if a.is_live), None)
    rows = list(
        CooperationAgreement.objects.filter(
            Q(host_id=placement.host_id, kind=CooperationKind.STANDING_HOST)
            | Q(plan_id=placement.plan_id, kind=CooperationKind.LWT_MBO)
        )
    )
    return {
        "placement": placement,
        "agreement": live,
        "unsigned": waiting_rows([live])[0]["unsigned"]
        if live and live.status == AgreementStatus.SENT
        else [],
        "older": [a for a in agreements if a is not live],
        "can_edit": has_role(request.user, "coordinator", placement.plan.department_id),
        "warnings": cooperation.warnings_for(placement, rows),
        "standing": cooperation.standing_for(placement, rows),
    }


def plan_panel(request, plan):
    rows = list(CooperationAgreement.objects.filter(plan=plan).select_related("host").order_by("-valid_from"))
    counts = (
        Agreement.objects.live()
        .filter(placement__plan=plan)
        .aggregate(
            sent=Count("pk", filter=Q(status=AgreementStatus.SENT)),
            signed=Count("pk", filter=Q(status=AgreementStatus.SIGNED)),
            draft=Count("pk", filter=Q(status=AgreementStatus.DRAFT)),
        )
    )
    lwt_rows = [r for r in rows if r.kind == CooperationKind.LWT_MBO]
    return {
        "plan": plan,
        "rows": rows,
        "is_lwt": plan.kind == PlanKind.LWT,
        "lwt_missing": plan.kind == PlanKind.LWT and not any(r.is_valid_on() for r in lwt_rows),
        "counts": counts,
        "can_edit": has_role(request.user, "coordinator", plan.department_id),
    }


def coordinator_home(request):
    mine = Agreement.objects.editable_by(request.user)
    live = mine.live()
    # The two counts ride on the waiting rows as scalar subqueries (one query, not two);
    # only when nothing waits are they asked for on their own.
    waiting = list(
        _with_parties(
            mine.filter(status=AgreementStatus.SENT)
            .select_related("placement__student", "placement__host")
            .defer("content")
            .annotate(
                sent_total=count_of(live.filter(status=AgreementStatus.SENT)),
                draft_total=count_of(live.filter(status=AgreementStatus.DRAFT)),
            )
        ).order_by("sent_at")[:8]
    )
    if waiting:
        counts = {"sent": waiting[0].sent_total, "draft": waiting[0].draft_total}
    else:
        counts = live.aggregate(
            sent=Count("pk", filter=Q(status=AgreementStatus.SENT)),
            draft=Count("pk", filter=Q(status=AgreementStatus.DRAFT)),
        )
    return {"rows": waiting_rows(waiting), "counts": counts}
