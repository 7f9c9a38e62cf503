"""Workflows of the visits app: planning moments, logging visits, concerns.

Views stay thin and call these; each change is recorded in the history.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from placements.models import HostStatus, Placement, PlacementState
from placements.services import set_host_status
from stagebeheer.history import line, record
from stagebeheer.permissions import may_set_host_status
from visits.models import (
    AgreedAction,
    Concern,
    ConcernOutcome,
    ConcernStatus,
    ContactMomentRule,
    Visit,
    VisitStatus,
)
from visits.presets import PRESETS


def apply_preset(plan, key: str, actor=None) -> list[ContactMomentRule]:
    """Replace the plan's rules by a preset. Moments already planned keep
    their dates (their rule link is cleared); new activations use the new rules."""
    if key not in PRESETS:
        raise ValidationError(_("Onbekende standaardset."))
    label, specs = PRESETS[key]
    with transaction.atomic():
        plan.contact_moment_rules.all().delete()
        rules = ContactMomentRule.objects.bulk_create(
            [ContactMomentRule(plan=plan, order=i, **spec) for i, spec in enumerate(specs)]
        )
        record(
            plan,
            action="visits:preset",
            summary=line(gettext_noop("Contactmomenten: %(l)s"), l=label),
            actor=actor,
        )
    return rules


def plan_moments(placement: Placement) -> int:
    """Plan the placement's contact moments from its plan's rules. Safe to
    call again: the unique (placement, rule, sequence) skips what exists."""
    rules = list(ContactMomentRule.objects.filter(plan_id=placement.plan_id))
    moments = []
    for rule in rules:
        for sequence, day in enumerate(rule.dates_for(placement.start_date, placement.end_date)):
            moments.append(
                Visit(
                    placement=placement,
                    rule=rule,
                    sequence=sequence,
                    mode=rule.mode,
                    purpose=rule.purpose,
                    required=rule.required,
                    unannounced_allowed=rule.unannounced_allowed,
                    planned_on=day,
                )
            )
    if not moments:
        return 0
    existing = set(
        Visit.objects.filter(placement=placement, rule__isnull=False).values_list("rule_id", "sequence")
    )
    new = [m for m in moments if (m.rule_id, m.sequence) not in existing]
    # ignore_conflicts covers a concurrent second activation signal.
    Visit.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def on_placement_state_changed(sender, placement, old_state, new_state, actor=None, **kwargs):
    if new_state == PlacementState.ACTIVE:
        plan_moments(placement)
    if new_state == PlacementState.TERMINATED:
        revoke_input_links(placement)


def revoke_input_links(placement, except_email=None) -> int:
    """End the workplace-input links of the placement's conversations: all of
    them (the stage ended), or those not addressed to ``except_email``."""
    from django.contrib.contenttypes.models import ContentType

    from stagebeheer.models import AccessLink
    from visits.inputs import PURPOSE

    links = AccessLink.objects.usable().filter(
        purpose=PURPOSE,
        content_type=ContentType.objects.get_for_model(Visit),
        object_id__in=Visit.objects.filter(placement=placement).values("pk"),
    )
    if except_email:
        links = links.exclude(recipient_email__iexact=except_email)
    return links.update(revoked_at=timezone.now())


def on_workplace_supervisor_changed(sender, placement, primary_email, actor=None, **kwargs):
    revoke_input_links(placement, except_email=primary_email or None)


def add_moment(placement, *, planned_on, mode, purpose, required=False, actor=None) -> Visit:
    if not (placement.start_date <= planned_on <= placement.end_date):
        raise ValidationError(_("Kies een datum binnen de stageperiode."))
    visit = Visit.objects.create(
        placement=placement, planned_on=planned_on, mode=mode, purpose=purpose, required=required
    )
    record(
        placement,
        action="visits:add",
        summary=line(gettext_noop("Contactmoment gepland op %(d)s"), d=planned_on.strftime("%d-%m-%Y")),
        actor=actor,
    )
    return visit


def move_moment(visit: Visit, *, planned_on, reason: str, actor=None) -> Visit:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Geef een reden voor het verplaatsen."))
    old = visit.planned_on
    moved = Visit.objects.filter(pk=visit.pk, status=VisitStatus.PLANNED).update(
        planned_on=planned_on, change_reason=reason, input_requested_at=None, updated_at=timezone.now()
    )
    if not moved:
        raise ValidationError(_("Alleen een gepland contactmoment kan worden verplaatst."))
    visit.planned_on, visit.change_reason = planned_on, reason
    record(
        visit.placement,
        action="visits:move",
        summary=line(
            gettext_noop("Contactmoment verplaatst van %(a)s naar %(b)s: %(r)s"),
            a=old.strftime("%d-%m-%Y"),
            b=planned_on.strftime("%d-%m-%Y"),
            r=reason[:150],
        ),
        actor=actor,
    )
    return visit


def cancel_moment(visit: Visit, *, reason: str, actor=None) -> Visit:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Geef een reden voor het annuleren."))
    cancelled = Visit.objects.filter(pk=visit.pk, status=VisitStatus.PLANNED).update(
        status=VisitStatus.CANCELLED, change_reason=reason, updated_at=timezone.now()
    )
    if not cancelled:
        raise ValidationError(_("Alleen een gepland contactmoment kan worden geannuleerd."))
    visit.status, visit.change_reason = VisitStatus.CANCELLED, reason
    record(
        visit.placement,
        action="visits:cancel",
        summary=line(
            gettext_noop("Contactmoment van %(d)s geannuleerd: %(r)s"),
            d=visit.planned_on.strftime("%d-%m-%Y"),
            r=reason[:150],
        ),
        actor=actor,
    )
    return visit


def open_actions(placement_id, exclude_visit_id=None):
    """Agreed actions still open from earlier conversations, to follow up now."""
    queryset = AgreedAction.objects.filter(visit__placement_id=placement_id, done=False)
    if exclude_visit_id:
        queryset = queryset.exclude(visit_id=exclude_visit_id)
    return queryset.select_related("visit")


class AlreadyLoggedError(Exception):
    """The log was stored (or corrected) since the form was opened."""


_UNSET = object()


def log_visit(visit: Visit, *, form, actions, done_action_ids, actor, expected_logged_at=_UNSET) -> Visit:
    """Store the log of a contact moment: the visit form's fields, the new
    agreed actions, and which open actions were followed up.

    ``expected_logged_at`` is the log's time as the page showed it (None for a
    moment not yet logged). The row is claimed with a conditional UPDATE on it,
    so of two posts of the same form (a double tap, two tabs, a resend on a bad
    connection) exactly one stores; the other raises AlreadyLoggedError."""
    if expected_logged_at is _UNSET:
        expected_logged_at = visit.logged_at
    now = timezone.now()
    with transaction.atomic():
        claimed = Visit.objects.filter(pk=visit.pk, logged_at=expected_logged_at)
        if expected_logged_at is None:
            claimed = Visit.objects.filter(pk=visit.pk, logged_at__isnull=True)
        if claimed.update(logged_at=now) != 1:
            raise AlreadyLoggedError
        visit = form.save(commit=False)
        visit.status = VisitStatus.DONE
        visit.logged_by = actor
        visit.logged_at = now
        visit.save()
        AgreedAction.objects.bulk_create([AgreedAction(visit=visit, **a) for a in actions])
        if done_action_ids:
            open_actions(visit.placement_id, visit.pk).filter(pk__in=done_action_ids).update(
                done=True, followed_up_in=visit
            )
        record(
            visit.placement,
            action="visits:log",
            summary=line(
                gettext_noop("%(p)s gehouden op %(d)s"),
                p=visit.get_purpose_display(),
                d=visit.held_on.strftime("%d-%m-%Y"),
            ),
            actor=actor,
        )
    return visit


def report_concern(*, department, placement=None, actor=None, actor_label="", **fields) -> Concern:
    with transaction.atomic():
        concern = Concern.objects.create(
            department=department, placement=placement, reported_by=actor, **fields
        )
        record(
            concern,
            action="create",
            summary=line(gettext_noop("Zorgmelding: %(k)s"), k=concern.get_kind_display()),
            actor=actor,
            actor_label=actor_label,
        )
    return concern


HOST_OUTCOMES = {
    ConcernOutcome.HOST_ON_WATCH: HostStatus.ON_WATCH,
    ConcernOutcome.HOST_UNSUITABLE: HostStatus.UNSUITABLE,
}


def proposed_host_status(concern: Concern):
    """The host status the concern's outcome asks for and the host does not have
    yet (a supervisor's proposal awaiting the coordinator), or None."""
    wanted = HOST_OUTCOMES.get(concern.outcome)
    if not wanted or not concern.placement_id or concern.placement.host.status == wanted:
        return None
    return wanted


def decide_host_status(concern: Concern, *, actor) -> bool:
    """A coordinator of a department that uses the host takes the concern's
    outcome over into the host's status (PermissionDenied for anyone else)."""
    wanted = proposed_host_status(concern)
    if wanted is None:
        return False
    return set_host_status(
        concern.placement.host,
        wanted,
        reason=_("Naar aanleiding van een zorgmelding (%(k)s)") % {"k": concern.get_kind_display()},
        actor=actor,
    )


def update_concern(concern: Concern, *, form, actor) -> Concern:
    """Save the follow-up. An outcome about the host changes the host's status
    when the actor may decide it (a coordinator of a department that uses the
    host); from a supervisor it is a proposal the coordinator decides on the
    concern's page (issue 9.7: one school supervisor must not mark a host
    unsuitable for every department)."""
    with transaction.atomic():
        concern = form.save(commit=False)
        if concern.status == ConcernStatus.CLOSED and not concern.closed_on:
            concern.closed_on = timezone.localdate()
        concern.save()
        wanted = proposed_host_status(concern)
        if wanted is not None:
            if may_set_host_status(actor, concern.placement.host):
                decide_host_status(concern, actor=actor)
            else:
                record(
                    concern,
                    action="host_status_proposed",
                    summary=line(
                        gettext_noop("Voorstel aan de stagecoördinator: %(s)s"), s=HostStatus(wanted).label
                    ),
                    actor=actor,
                )
        record(
            concern,
            action="update",
            summary=line(gettext_noop("Zorgmelding bijgewerkt: %(s)s"), s=concern.get_status_display()),
            actor=actor,
            changes={"fields": list(form.changed_data)},
        )
    return concern
