"""Own finds in a wish round: a student who found a place submits it, the
coordinator approves it against the plan's rules or rejects it with a reason.

Approval runs the very checks a new placement runs (``services.check_new_placement``:
unsuitable host, SBB recognition, forbidden kinds, distance, minors' working
time, hours, overlap) and pins the participant to the host, so the allocation
keeps the place and accepting the round creates the placement through the
placements service. As everywhere in placements, an error refuses; a warning
may be accepted, here with a written reason that the history keeps.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from placements import services
from placements.distance import describe
from placements.models import (
    Host,
    HostKind,
    HostStatus,
    OwnFind,
    OwnFindState,
    ProposalReason,
    WishParticipant,
    WishRoundState,
)
from placements.wish_rounds import WishError, _require_open
from stagebeheer.history import line, record

# The student's relation with the host; the other kinds describe the host itself.
RELATION_KINDS = {HostKind.FAMILY.value, HostKind.SIDE_JOB.value}
REASON_MAX = 500


def choosable_hosts(participant):
    """Hosts of the school's directory a student may name as an own find: not
    unsuitable, and not another student's host still to be checked."""
    own = OwnFind.objects.filter(participant=participant).values("host_id")
    return (
        Host.objects.filter(school_id=participant.round.plan.department.school_id)
        .exclude(status=HostStatus.UNSUITABLE)
        .exclude(Q(status=HostStatus.TO_CHECK) & ~Q(pk__in=own))
        .order_by("name", "pk")
    )


def submit(participant: WishParticipant, data: dict, *, by: str) -> OwnFind:
    """Store the student's own find (``data`` as cleaned by OwnFindForm). The
    participant row is locked and the one own find replaced, and a host the
    student entered is updated rather than entered again: a double submit
    stores once."""
    with transaction.atomic():
        locked = (
            WishParticipant.objects.select_for_update()
            .select_related("round__plan__department", "student")
            .get(pk=participant.pk)
        )
        round_ = locked.round
        _require_open(round_)
        existing = OwnFind.objects.filter(participant=locked).select_related("host").first()
        if existing and existing.state == OwnFindState.APPROVED:
            raise WishError(
                _(
                    "Je eigen stageplaats is al goedgekeurd; neem contact op met de school om iets te wijzigen."
                )
            )
        start, end = data["start_date"], data["end_date"]
        if start < round_.start_date or end > round_.end_date:
            raise WishError(
                _("De stage valt binnen de periode van deze ronde: %(s)s tot en met %(e)s.")
                % {"s": f"{round_.start_date:%d-%m-%Y}", "e": f"{round_.end_date:%d-%m-%Y}"}
            )
        kinds = list(data.get("kinds") or [])
        host = data.get("host")
        previous_new = existing.host if existing and existing.new_host else None
        if host is not None:
            if not choosable_hosts(locked).filter(pk=host.pk).exists():
                raise WishError(_("Kies een stagebedrijf uit de lijst."))
            new_host = False
        else:
            host = _enter_host(locked, data, kinds, reuse=previous_new)
            new_host = True
        values = {
            "host": host,
            "new_host": new_host,
            "contact_name": data["contact_name"][:150],
            "contact_email": data["contact_email"],
            "contact_phone": (data.get("contact_phone") or "")[:30],
            "start_date": start,
            "end_date": end,
            "relation_kinds": sorted(k for k in kinds if k in RELATION_KINDS),
            "state": OwnFindState.SUBMITTED,
            "submitted_at": timezone.now(),
            "submitted_by": by[:150],
            "decided_at": None,
            "decided_by": None,
            "decision_reason": "",
        }
        own, _created = OwnFind.objects.update_or_create(participant=locked, defaults=values)
        if previous_new is not None and previous_new.pk != host.pk:
            _drop_unused(previous_new)
        locked.submitted_at = timezone.now()
        locked.submitted_by = by[:150]
        locked.save(update_fields=["submitted_at", "submitted_by"])
        record(
            round_.plan,
            action="wishes:own_find",
            summary=line(
                gettext_noop("Eigen stageplaats van %(s)s ingediend: %(h)s"),
                s=locked.student.full_name,
                h=host.name,
            ),
            actor_label=by,
        )
    return own


def _enter_host(participant, data, kinds, reuse=None) -> Host:
    """A new host in the directory, "te controleren"; the host this student entered
    before (a second submit, a correction) is updated instead."""
    fields = {
        "name": data["name"][:200],
        "address": (data.get("address") or "")[:200],
        "postcode": data.get("postcode") or "",
        "city": (data.get("city") or "")[:100],
        "sector": (data.get("sector") or "")[:100],
        "kinds": sorted(k for k in kinds if k not in RELATION_KINDS),
    }
    if reuse is not None and reuse.status == HostStatus.TO_CHECK:
        Host.objects.filter(pk=reuse.pk).update(**fields, updated_at=timezone.now())
        reuse.refresh_from_db()
        return reuse
    host = Host(
        school_id=participant.round.plan.department.school_id,
        capacity=1,
        status=HostStatus.TO_CHECK,
        status_reason=_("Ingevoerd door %(s)s als eigen stageplaats.") % {"s": participant.student.full_name},
        status_changed_on=timezone.localdate(),
        **fields,
    )
    host.save()
    record(host, action="status", summary=line(gettext_noop("Status: %(s)s"), s=HostStatus.TO_CHECK.label))
    return host


def _drop_unused(host: Host) -> None:
    """A host the student entered and no longer names goes again, if nothing uses it."""
    from placements.models import Placement, WorkplaceSupervisor

    if (
        host.status == HostStatus.TO_CHECK
        and not Placement.objects.filter(host=host).exists()
        and not OwnFind.objects.filter(host=host).exists()
        and not WorkplaceSupervisor.objects.filter(host=host).exists()
    ):
        host.delete()


# --- the coordinator's decision ---


def values_for(own: OwnFind) -> dict:
    """The placement this own find would become (what accepting creates)."""
    participant = own.participant
    plan = participant.round.plan
    return {
        "plan": plan,
        "student": participant.student,
        "host": own.host,
        "start_date": own.start_date,
        "end_date": own.end_date,
        "schedule": list(plan.default_schedule or []),
        "host_kinds": list(own.relation_kinds or []),
    }


def review(own: OwnFind):
    """The placement checks on this own find: CheckResult(errors, warnings)."""
    _placement, result = services.check_new_placement(values_for(own))
    return result


def _require_undecided_round(own: OwnFind):
    if own.participant.round.state == WishRoundState.ACCEPTED:
        raise WishError(_("Het voorstel van deze ronde is al aangenomen."))


def approve(own: OwnFind, *, reason: str = "", actor=None) -> bool:
    """Approve and pin the participant to the host. An error refuses (WishError);
    a warning needs ``reason`` (WishError too). Returns False when it was already
    approved (a double click)."""
    _require_undecided_round(own)
    reason = (reason or "").strip()
    if len(reason) > REASON_MAX:
        raise WishError(_("Schrijf de reden in hoogstens %(n)s tekens.") % {"n": REASON_MAX})
    if own.state == OwnFindState.APPROVED:
        return False
    if own.state == OwnFindState.REJECTED:
        raise WishError(_("Deze eigen stageplaats is afgewezen; de leerling kan een nieuwe opgeven."))
    result = review(own)
    if result.errors:
        raise WishError(" ".join(result.errors))
    if result.warnings and not reason:
        raise WishError(_("Geef een reden om toch goed te keuren: %(w)s") % {"w": " ".join(result.warnings)})
    participant = own.participant
    with transaction.atomic():
        claimed = OwnFind.objects.filter(pk=own.pk, state=OwnFindState.SUBMITTED).update(
            state=OwnFindState.APPROVED, decided_at=timezone.now(), decided_by=actor, decision_reason=reason
        )
        if not claimed:
            return False
        found = describe(participant.student.postcode, own.host.postcode)
        WishParticipant.objects.filter(pk=participant.pk).update(
            fixed_host=own.host,
            proposed_host=own.host,
            proposed_rank=None,
            proposed_km=found["km"] if found else None,
            proposal_reason=ProposalReason.FIXED,
        )
        summary = line(
            gettext_noop("Eigen stageplaats van %(s)s goedgekeurd: %(h)s"),
            s=participant.student.full_name,
            h=own.host.name,
        )
        if result.warnings:
            summary = line(
                gettext_noop("Eigen stageplaats van %(s)s goedgekeurd: %(h)s. Ondanks: %(w)s Reden: %(r)s"),
                s=participant.student.full_name,
                h=own.host.name,
                w=" ".join(str(w) for w in result.warnings)[:120],
                r=reason[:80],
            )
        record(participant.round.plan, action="wishes:own_find_approve", summary=summary, actor=actor)
    own.state = OwnFindState.APPROVED
    return True


def reject(own: OwnFind, *, reason: str, actor=None) -> bool:
    """Reject with a reason and tell the student, who may choose wishes instead.
    A pin made by the approval is released. Returns False when already rejected."""
    from placements.wish_rounds import send_rejection

    _require_undecided_round(own)
    reason = (reason or "").strip()
    if not reason or len(reason) > REASON_MAX:
        raise WishError(_("Schrijf in hoogstens %(n)s tekens waarom u afwijst.") % {"n": REASON_MAX})
    participant = own.participant
    with transaction.atomic():
        claimed = (
            OwnFind.objects.filter(pk=own.pk)
            .exclude(state=OwnFindState.REJECTED)
            .update(
                state=OwnFindState.REJECTED,
                decided_at=timezone.now(),
                decided_by=actor,
                decision_reason=reason,
            )
        )
        if not claimed:
            return False
        WishParticipant.objects.filter(pk=participant.pk, fixed_host_id=own.host_id).update(
            fixed_host=None, proposed_host=None, proposed_rank=None, proposed_km=None, proposal_reason=""
        )
        if not participant.wishes.exists():
            # Nothing chosen any more: back on the chase list and the reminders.
            WishParticipant.objects.filter(pk=participant.pk).update(
                submitted_at=None, submitted_by="", reminded_at=None
            )
        record(
            participant.round.plan,
            action="wishes:own_find_reject",
            summary=line(
                gettext_noop("Eigen stageplaats van %(s)s afgewezen: %(r)s"),
                s=participant.student.full_name,
                r=reason,
            ),
            actor=actor,
        )
        own.state, own.decision_reason = OwnFindState.REJECTED, reason
        send_rejection(participant, own, actor=actor)
    return True


def workplace_supervisor_for(own: OwnFind):
    """The contact as the host's workplace supervisor: the one with this e-mail
    address, or a new one (accepting the round; the coordinator approved it)."""
    from placements.models import WorkplaceSupervisor

    found = (
        WorkplaceSupervisor.objects.filter(host_id=own.host_id, email__iexact=own.contact_email)
        .order_by("pk")
        .first()
    )
    if found is not None:
        return found
    return WorkplaceSupervisor.objects.create(
        host_id=own.host_id, name=own.contact_name, email=own.contact_email, phone=own.contact_phone
    )
