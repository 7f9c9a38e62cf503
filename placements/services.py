"""The placement's lifecycle. Every state change goes through here.

    draft → agreement_pending → active → completed
    terminated (with date and reason) from any state after draft

Other apps call these functions; they never set ``Placement.state`` themselves.
"""

from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from placements.models import Placement, PlacementState
from placements.signals import (
    placement_contract_changed,
    placement_state_changed,
    placement_workplace_supervisor_changed,
)
from stagebeheer.history import line, record

State = PlacementState

# Functions (placement) -> str | None that may refuse activation with a reason.
# The agreements app registers the rule "only a fully signed current agreement".
# With no guard registered activation is refused: the rule fails closed.
_activation_guards: list[Callable[[Placement], str | None]] = []


def register_activation_guard(guard: Callable[[Placement], str | None]) -> None:
    if guard not in _activation_guards:
        _activation_guards.append(guard)


# Functions (placement) -> list[str] naming what completion still needs (the
# assessments app: hours, final forms, judgement, end conversation). Completing
# with something missing needs an explicit reason, kept in the history.
_completion_checks: list[Callable[[Placement], list[str]]] = []


def register_completion_check(check: Callable[[Placement], list[str]]) -> None:
    if check not in _completion_checks:
        _completion_checks.append(check)


def missing_for_completion(placement: Placement) -> list[str]:
    return [item for check in _completion_checks for item in check(placement)]


class TransitionError(ValidationError):
    """A state change that is not allowed now; the message says why."""


def _minutes(hhmm: str) -> int:
    moment = datetime.strptime(hhmm, "%H:%M")  # noqa: DTZ007 - a clock time, not a moment
    return moment.hour * 60 + moment.minute


def daily_minutes(entry: dict) -> int:
    return max(_minutes(entry["end"]) - _minutes(entry["start"]) - int(entry.get("break_minutes") or 0), 0)


def planned_hours(schedule: list[dict], start: date, end: date) -> Decimal:
    """Hours the weekly schedule gives between start and end, both included."""
    per_weekday: dict[int, int] = {}
    for entry in schedule or []:
        per_weekday[int(entry["weekday"])] = per_weekday.get(int(entry["weekday"]), 0) + daily_minutes(entry)
    if not per_weekday or end < start:
        return Decimal("0")
    total = 0
    days = (end - start).days + 1
    full_weeks, rest = divmod(days, 7)
    total += full_weeks * sum(per_weekday.values())
    for offset in range(rest):
        total += per_weekday.get((start + timedelta(days=full_weeks * 7 + offset)).weekday(), 0)
    return (Decimal(total) / 60).quantize(Decimal("0.01"))


def _transition(
    placement: Placement,
    allowed_from: set[str],
    new_state: str,
    actor,
    summary,
    extra: dict | None = None,
) -> Placement:
    """Move the row with a conditional UPDATE, so two clicks or two workers
    cannot both move it, then record history and tell listeners."""
    extra = extra or {}
    with transaction.atomic():
        old_state = Placement.objects.filter(pk=placement.pk).values_list("state", flat=True).first()
        moved = Placement.objects.filter(pk=placement.pk, state__in=allowed_from).update(
            state=new_state, updated_at=timezone.now(), **extra
        )
        if not moved:
            raise TransitionError(
                _("Deze stage kan niet naar ‘%(new)s’ vanuit ‘%(old)s’.")
                % {"new": State(new_state).label, "old": State(old_state).label if old_state else "?"}
            )
        placement.state = new_state
        for field, value in extra.items():
            setattr(placement, field, value)
        record(
            placement,
            action=f"state:{new_state}",
            summary=summary,
            actor=actor,
            changes={"state": [old_state, new_state]},
        )
        placement_state_changed.send(
            sender=Placement, placement=placement, old_state=old_state, new_state=new_state, actor=actor
        )
    return placement


def send_for_agreement(placement: Placement, actor=None) -> Placement:
    """draft → agreement_pending: the placement is settled and the agreement goes out."""
    return _transition(
        placement,
        {State.DRAFT},
        State.AGREEMENT_PENDING,
        actor,
        line(gettext_noop("Overeenkomst in behandeling")),
    )


def activate(placement: Placement, actor=None) -> Placement:
    """agreement_pending → active, only when every activation guard agrees
    (the agreements app: a fully signed current agreement)."""
    if not _activation_guards:
        raise TransitionError(_("Een stage wordt pas lopend als de overeenkomst is ondertekend."))
    for guard in _activation_guards:
        reason = guard(placement)
        if reason:
            raise TransitionError(reason)
    return _transition(
        placement, {State.AGREEMENT_PENDING}, State.ACTIVE, actor, line(gettext_noop("Stage gestart"))
    )


def back_to_pending(placement: Placement, actor=None, reason: str = "") -> Placement:
    """active → agreement_pending when a changed contract must be signed again."""
    return _transition(
        placement,
        {State.ACTIVE},
        State.AGREEMENT_PENDING,
        actor,
        reason or line(gettext_noop("Gewijzigde overeenkomst moet opnieuw worden getekend")),
    )


def complete(placement: Placement, actor=None, override_reason: str = "") -> Placement:
    """active → completed. With something missing (see register_completion_check)
    only with ``override_reason``, which the history keeps next to what was missing."""
    missing = missing_for_completion(placement)
    if missing and not override_reason.strip():
        raise TransitionError(
            _("Afronden kan nog niet: %(missing)s. Rond af met een reden als dat toch moet.")
            % {"missing": "; ".join(missing)}
        )
    summary = line(gettext_noop("Stage afgerond"))
    if missing:
        summary = line(
            gettext_noop("Stage afgerond ondanks: %(missing)s. Reden: %(reason)s"),
            missing="; ".join(missing)[:150],
            reason=override_reason.strip()[:100],
        )
    return _transition(placement, {State.ACTIVE}, State.COMPLETED, actor, summary)


# An hours link lasts until two weeks after the stage's last day: time to enter
# the last week and have it confirmed, and no longer (see docs/security.md).
HOURS_LINK_GRACE_DAYS = 14


def hours_link_days(placement: Placement, today=None) -> int:
    """Days an hours link sent today stays open; 0 when the stage is long over."""
    today = today or timezone.localdate()
    last = min(placement.terminated_on or placement.end_date, placement.end_date)
    return max((last - today).days + HOURS_LINK_GRACE_DAYS, 0)


# Links about the placement addressed to its workplace supervisor.
SUPERVISOR_LINK_PURPOSES = ("placements-hours-confirm",)


def revoke_links(placement: Placement, *, purposes=None, except_email=None) -> int:
    """End the placement's own emailed links (hours entry and confirmation):
    all of them, or those of ``purposes`` not addressed to ``except_email``."""
    from stagebeheer.models import AccessLink

    links = AccessLink.objects.for_target(placement).usable()
    if purposes is not None:
        links = links.filter(purpose__in=purposes)
    if except_email:
        links = links.exclude(recipient_email__iexact=except_email)
    return links.update(revoked_at=timezone.now())


def terminate(placement: Placement, *, on: date, reason: str, actor=None) -> Placement:
    if not reason or not reason.strip():
        raise TransitionError(_("Geef een reden voor de beëindiging."))
    if on < placement.start_date:
        raise TransitionError(_("De einddatum ligt vóór het begin van de stage."))
    with transaction.atomic():
        placement = _terminate(placement, on=on, reason=reason, actor=actor)
        # The stage is over: its hours links stop (visits and agreements end theirs on the signal).
        revoke_links(placement)
    return placement


def _terminate(placement: Placement, *, on: date, reason: str, actor=None) -> Placement:
    return _transition(
        placement,
        {State.AGREEMENT_PENDING, State.ACTIVE},
        State.TERMINATED,
        actor,
        line(gettext_noop("Stage beëindigd: %(reason)s"), reason=reason.strip()[:200]),
        extra={"terminated_on": on, "termination_reason": reason.strip()},
    )


def update_contract(placement: Placement, values: dict, actor=None) -> list[str]:
    """Save changed fields; when a contract field changed after draft, tell the
    agreements app (a new version to sign). Returns the changed field names."""
    changed = []
    for field, value in values.items():
        if getattr(placement, field) != value:
            setattr(placement, field, value)
            changed.append(field)
    if not changed:
        return []
    if {"schedule", "start_date", "end_date"} & set(changed):
        placement.planned_hours = planned_hours(placement.schedule, placement.start_date, placement.end_date)
        changed.append("planned_hours")
    with transaction.atomic():
        placement.save(update_fields=[*changed, "updated_at"])
        record(
            placement,
            action="update",
            summary=line(gettext_noop("Stage gewijzigd")),
            actor=actor,
            changes={"fields": changed},
        )
        if "school_trainer" in changed:
            _record_school_trainer(placement, actor)
        contract = [f for f in changed if f in Placement.CONTRACT_FIELDS]
        if contract and placement.state != State.DRAFT:
            placement_contract_changed.send(
                sender=Placement, placement=placement, changed_fields=contract, actor=actor
            )
    return changed


def _record_school_trainer(placement: Placement, actor=None) -> None:
    """The school-side team changed (teacher education): say who, not only that."""
    trainer = placement.school_trainer
    if trainer is None:
        summary = line(gettext_noop("Schoolopleider verwijderd"))
    else:
        summary = line(gettext_noop("Schoolopleider: %(name)s"), name=trainer.name)
    record(placement, action="team", summary=summary, actor=actor)


def pair_duo(first: Placement, second: Placement, actor=None) -> None:
    """Two placements at the same host with the same school supervisor form a duo."""
    if first.pk == second.pk:
        raise ValidationError(_("Een stage kan geen duo met zichzelf vormen."))
    if first.host_id != second.host_id or first.school_supervisor_id != second.school_supervisor_id:
        raise ValidationError(_("Een duo heeft hetzelfde stagebedrijf en dezelfde stagebegeleider."))
    if first.duo_partner_id not in (None, second.pk) or second.duo_partner_id not in (None, first.pk):
        raise ValidationError(_("Een van beide stages heeft al een duo-partner."))
    if first.start_date > second.end_date or second.start_date > first.end_date:
        # Two students placed together share the same weeks at the host.
        raise ValidationError(_("Een duo loopt in dezelfde periode: deze stages overlappen niet."))
    with transaction.atomic():
        Placement.objects.filter(pk=first.pk).update(duo_partner=second)
        Placement.objects.filter(pk=second.pk).update(duo_partner=first)
        first.duo_partner, second.duo_partner = second, first
        record(
            first,
            action="duo",
            summary=line(gettext_noop("Duo gevormd met %(s)s"), s=second.student),
            actor=actor,
        )
        record(
            second,
            action="duo",
            summary=line(gettext_noop("Duo gevormd met %(s)s"), s=first.student),
            actor=actor,
        )


# --- creating and changing placements with their checks ---


def _apply(placement: Placement, values: dict) -> None:
    for field, value in values.items():
        setattr(placement, field, value)
    placement.planned_hours = planned_hours(placement.schedule, placement.start_date, placement.end_date)


def _sync_workplace_supervisors(placement: Placement, supervisors: list, primary, actor=None) -> None:
    from placements.models import PlacementWorkplaceSupervisor

    before = placement.supervisor_links.filter(is_primary=True).values_list(
        "workplace_supervisor_id", flat=True
    )
    before = before.first() if placement.pk else None
    wanted = {s.pk for s in supervisors}
    primary_id = primary.pk if primary is not None else (supervisors[0].pk if supervisors else None)
    placement.supervisor_links.exclude(workplace_supervisor_id__in=wanted).delete()
    # Clear the primary flag first: the one-primary constraint is checked per row.
    placement.supervisor_links.filter(is_primary=True).exclude(workplace_supervisor_id=primary_id).update(
        is_primary=False
    )
    existing = set(placement.supervisor_links.values_list("workplace_supervisor_id", flat=True))
    for supervisor in supervisors:
        if supervisor.pk not in existing:
            PlacementWorkplaceSupervisor.objects.create(
                placement=placement, workplace_supervisor=supervisor, is_primary=supervisor.pk == primary_id
            )
    if primary_id:
        placement.supervisor_links.filter(workplace_supervisor_id=primary_id).update(is_primary=True)
    if before is not None and before != primary_id:
        # A replaced workplace supervisor's links stop working; the new one gets new links.
        new_email = next((s.email for s in supervisors if s.pk == primary_id), None) or ""
        revoke_links(placement, purposes=SUPERVISOR_LINK_PURPOSES, except_email=new_email or None)
        placement_workplace_supervisor_changed.send(
            sender=Placement, placement=placement, primary_email=new_email, actor=actor
        )


def check_new_placement(values: dict):
    """The checks ``create_placement`` runs, without saving: (unsaved placement,
    CheckResult). An own find is judged by these before it is approved."""
    from placements.checks import check_placement

    placement = Placement()
    _apply(placement, values)
    return placement, check_placement(placement)


def create_placement(values: dict, *, supervisors=(), primary=None, actor=None, accept_warnings=False):
    """Check and save a new placement (state draft). Returns (placement or None, CheckResult):
    nothing is saved when there is an error, or a warning not accepted."""
    placement, result = check_new_placement(values)
    if result.errors or (result.warnings and not accept_warnings):
        return None, result
    with transaction.atomic():
        placement.save()
        _sync_workplace_supervisors(placement, list(supervisors), primary)
        record(placement, action="create", summary=line(gettext_noop("Stage aangemaakt")), actor=actor)
        if placement.school_trainer_id:
            _record_school_trainer(placement, actor)
    return placement, result


def edit_placement(
    placement: Placement, values: dict, *, supervisors=(), primary=None, actor=None, accept_warnings=False
):
    """Check the changed placement; when it passes, save through update_contract
    (which tells the agreements app). Returns (changed fields or None, CheckResult)."""
    import copy

    from placements.checks import check_placement

    candidate = copy.copy(placement)
    candidate._original_host_id = placement.host_id
    _apply(candidate, values)
    result = check_placement(candidate)
    if result.errors or (result.warnings and not accept_warnings):
        return None, result
    with transaction.atomic():
        changed = update_contract(placement, values, actor=actor)
        _sync_workplace_supervisors(placement, list(supervisors), primary, actor=actor)
    return changed, result


def missed_hours(placement: Placement) -> Decimal:
    """Hours a terminated placement did not reach: its schedule after the
    termination date, plus what it had carried over itself (lwt: UB art. 2.65)."""
    if not placement.terminated_on or placement.terminated_on >= placement.end_date:
        return Decimal(placement.carried_over_hours or 0)
    rest = planned_hours(placement.schedule, placement.terminated_on + timedelta(days=1), placement.end_date)
    return rest + Decimal(placement.carried_over_hours or 0)


def unpair_duo(placement: Placement, actor=None) -> None:
    partner_id = placement.duo_partner_id
    if not partner_id:
        return
    with transaction.atomic():
        Placement.objects.filter(pk__in=[placement.pk, partner_id]).update(duo_partner=None)
        placement.duo_partner = None
        record(placement, action="duo", summary=line(gettext_noop("Duo opgeheven")), actor=actor)


# --- plans ---


def copy_plan(plan, school_year: str, actor=None):
    """The plan for the next school year keeps every part and rule; the copy
    remembers where it came from (PDCA: the review feeds the new version)."""
    from placements.models import PlacementPlan

    copy_ = PlacementPlan.objects.get(pk=plan.pk)
    copy_.pk = None
    copy_.id = None
    copy_._state.adding = True
    copy_.school_year = school_year
    copy_.copied_from = plan
    copy_.full_clean()
    copy_.save()
    record(
        copy_, action="create", summary=line(gettext_noop("Gekopieerd van %(plan)s"), plan=plan), actor=actor
    )
    return copy_


# --- hours ---


class ImpossibleHoursError(ValidationError):
    """A line of hours that cannot be true (more than the clock allows); nothing is stored."""


def add_hours(
    placement: Placement,
    *,
    day: date,
    hours,
    start=None,
    end=None,
    description="",
    source,
    actor=None,
    submission=None,
):
    """Check and store one line of hours. Impossible lines raise ImpossibleHoursError; lines
    that break the working-time limits for minors are stored with their problems
    (the week is flagged). With ``submission`` (the posting form's key) a second
    post of the same form returns the row stored the first time."""
    from placements.checks import check_hours_entry
    from placements.models import HoursEntry

    if submission is not None:
        stored = HoursEntry.objects.filter(submission=submission, placement=placement).first()
        if stored is not None:
            return stored
    with transaction.atomic():
        # One placement's lines are checked one at a time, so two posts at the
        # same moment cannot both pass the 24-hour check of the same day.
        Placement.objects.select_for_update().filter(pk=placement.pk).first()
        monday = day - timedelta(days=day.weekday())
        others = list(
            placement.hours_entries.counted().filter(date__gte=monday, date__lt=monday + timedelta(days=7))
        )
        result = check_hours_entry(placement, day, start, end, hours, others)
        if result.errors:
            raise ImpossibleHoursError(result.errors)
        try:
            with transaction.atomic():
                return HoursEntry.objects.create(
                    placement=placement,
                    date=day,
                    hours=hours,
                    start_time=start,
                    end_time=end,
                    description=description,
                    source=source,
                    entered_by=actor if getattr(actor, "is_authenticated", False) else None,
                    submission=submission,
                    problems=result.warnings,
                )
        except IntegrityError:
            if submission is None:
                raise
    return HoursEntry.objects.get(submission=submission, placement=placement)


def reject_hours(entry, *, by: str, reason: str) -> bool:
    """The workplace supervisor rejects an open line: it stays visible but no longer
    counts. A conditional UPDATE, so a second click or a confirmed line changes nothing."""
    from placements.models import HoursEntry

    with transaction.atomic():
        done = HoursEntry.objects.filter(
            pk=entry.pk, confirmed_at__isnull=True, rejected_at__isnull=True
        ).update(rejected_at=timezone.now(), rejected_by=by[:150], rejection_reason=reason[:300])
        if done:
            record(
                entry.placement,
                action="hours:rejected",
                summary=line(
                    gettext_noop("Urenregel van %(day)s afgewezen: %(reason)s"),
                    day=f"{entry.date:%d-%m-%Y}",
                    reason=reason[:200],
                ),
                actor_label=by,
            )
    return bool(done)


def correct_hours(entry, *, hours, by: str) -> bool:
    """The workplace supervisor corrects the hours of an open line, within what the
    line's times and the day allow; the original number is kept."""
    from django.db.models import F
    from django.db.models.functions import Coalesce

    from placements.checks import check_hours_entry
    from placements.models import HoursEntry

    with transaction.atomic():
        Placement.objects.select_for_update().filter(pk=entry.placement_id).first()
        others = list(
            entry.placement.hours_entries.counted()
            .exclude(pk=entry.pk)
            .filter(date__gte=entry.date - timedelta(days=entry.date.weekday()))
            .filter(date__lt=entry.date - timedelta(days=entry.date.weekday()) + timedelta(days=7))
        )
        result = check_hours_entry(
            entry.placement, entry.date, entry.start_time, entry.end_time, hours, others
        )
        if result.errors:
            raise ImpossibleHoursError(result.errors)
        done = HoursEntry.objects.filter(
            pk=entry.pk, confirmed_at__isnull=True, rejected_at__isnull=True
        ).update(
            corrected_from=Coalesce(F("corrected_from"), F("hours")),
            hours=hours,
            corrected_by=by[:150],
            problems=result.warnings,
        )
        if done:
            record(
                entry.placement,
                action="hours:corrected",
                summary=line(
                    gettext_noop("Urenregel van %(day)s gecorrigeerd van %(old)s naar %(new)s uur"),
                    day=f"{entry.date:%d-%m-%Y}",
                    old=entry.hours,
                    new=hours,
                ),
                actor_label=by,
            )
    return bool(done)


def confirm_week(placement: Placement, week_start: date, confirmed_by: str) -> int:
    """The workplace supervisor signs off one week. Only unconfirmed rows are
    touched, so a second click confirms nothing twice. Returns rows confirmed."""
    from placements.models import HoursEntry

    with transaction.atomic():
        count = HoursEntry.objects.filter(
            placement=placement,
            date__gte=week_start,
            date__lt=week_start + timedelta(days=7),
            confirmed_at__isnull=True,
            rejected_at__isnull=True,
        ).update(confirmed_at=timezone.now(), confirmed_by=confirmed_by[:150])
        if count:
            record(
                placement,
                action="hours:confirmed",
                summary=line(gettext_noop("Uren van week %(week)s bevestigd"), week=f"{week_start:%d-%m-%Y}"),
                actor_label=confirmed_by,
            )
    return count


def set_host_status(host, status: str, *, reason: str, actor=None) -> bool:
    """Put a host on watch, mark it unsuitable or active again, with reason and
    date (other apps call this, e.g. the outcome of a concern). Returns False
    when the host already had that status. The status holds for every
    department of the school, so only a coordinator of a department that uses
    the host (or an administrator) may change it (stagebeheer.permissions);
    ``actor=None`` is the system itself (the demo seed, a migration)."""
    from placements.models import Host, HostStatus
    from stagebeheer.permissions import require_host_status_right

    if actor is not None:
        require_host_status_right(actor, host)
    if host.status == status:
        return False
    today = timezone.localdate()
    with transaction.atomic():
        Host.objects.filter(pk=host.pk).update(status=status, status_reason=reason, status_changed_on=today)
        host.status, host.status_reason, host.status_changed_on = status, reason, today
        record(
            host,
            action="status",
            summary=line(gettext_noop("Status: %(s)s"), s=HostStatus(status).label),
            actor=actor,
            changes={"reason": reason},
        )
    return True
