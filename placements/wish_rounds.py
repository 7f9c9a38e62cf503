"""Wish rounds: open, collect wishes, allocate, move, accept. Every change goes through here.

Only ``accept_round`` creates placements, through ``services.create_placement``,
so a proposal becomes a stage only on the coordinator's decision and with every
placement check run once more.
"""

from collections import Counter
from contextlib import suppress
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from placements import allocation, services
from placements.checks import check_working_time, overlapping
from placements.distance import describe, sort_km
from placements.models import (
    MAX_WISHES,
    Host,
    HostStatus,
    Placement,
    ProposalReason,
    Student,
    Wish,
    WishParticipant,
    WishRound,
    WishRoundState,
)
from placements.rules import host_refusals
from stagebeheer.claims import claim_batch
from stagebeheer.history import line, record

PURPOSE = "placements-wishes"
NEAREST_OPTIONS = 10  # places offered to the solver for a student without usable wish


class WishError(ValidationError):
    """A change to a round that is not allowed now; the message says why."""


# --- the cohort and the places offered ---


def cohort(plan):
    """The students a new round for this plan invites: the plan's department and year group."""
    students = Student.objects.filter(department_id=plan.department_id)
    if plan.year_group:
        students = students.filter(year_group=plan.year_group)
    return students


def offered_hosts(round_: WishRound):
    """Hosts of the school's directory that offer places in this round, with the
    places left in the round's period (capacity minus placements that overlap it)."""
    hosts = list(
        Host.objects.filter(school_id=round_.plan.department.school_id)
        # A host a student entered is offered to no one until checked; only its
        # own find reaches it (the approval pins the participant there).
        .exclude(status__in=[HostStatus.UNSUITABLE, HostStatus.TO_CHECK])
        .exclude(pk__in=round_.excluded_hosts.values("pk"))
        .order_by("name", "pk")
    )
    taken = dict(
        overlapping(
            Placement.objects.filter(host_id__in=[h.pk for h in hosts]), round_.start_date, round_.end_date
        )
        .values_list("host_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for host in hosts:
        host.places_left = max(host.capacity - taken.get(host.pk, 0), 0)
    return [h for h in hosts if h.places_left > 0]


# --- opening and wishes ---


def open_round(plan, *, title, start_date: date, end_date: date, closes_on: date, actor=None) -> WishRound:
    """Create the round with every student of the cohort and mail each a link."""
    with transaction.atomic():
        round_ = WishRound(
            plan=plan,
            title=title,
            start_date=start_date,
            end_date=end_date,
            closes_on=closes_on,
            created_by=actor,
        )
        round_.full_clean()
        round_.save()
        WishParticipant.objects.bulk_create(
            [WishParticipant(round=round_, student=s) for s in cohort(plan).order_by("pk")]
        )
        record(
            plan,
            action="wishes:open",
            summary=line(gettext_noop("Wensronde geopend: %(t)s"), t=title),
            actor=actor,
        )
        for participant in round_.participants.select_related("student"):
            send_link(participant, actor=actor)
    return round_


REMIND_DAYS_BEFORE = 3


def send_reminders(today: date) -> int:
    """Students of an open round closing within three days who have not chosen get
    one reminder with a fresh link (a token cannot be read back from the database).
    Each is claimed by a conditional UPDATE, so a rerun sends nothing twice."""
    due = WishParticipant.objects.filter(
        round__state=WishRoundState.OPEN,
        round__closes_on__gte=today,
        round__closes_on__lte=today + timedelta(days=REMIND_DAYS_BEFORE),
        submitted_at__isnull=True,
        reminded_at__isnull=True,
    ).select_related("student", "round__plan__department")
    with transaction.atomic():
        claimed = claim_batch(due.order_by("pk"), 2000, reminded_at=timezone.now())
        return send_links(claimed, reminder=True)


def send_links(participants, reminder=False) -> int:
    """The wish-form link for each participant with an address, in one INSERT of
    links and one of mails (participants come with student and round__plan__department)."""
    from stagebeheer.mail import queue_mails
    from stagebeheer.models import AccessLink

    reachable = [p for p in participants if p.student.email]
    today = timezone.localdate()
    issued = AccessLink.issue_many(
        {
            "purpose": PURPOSE,
            "target": participant,
            "recipient_name": participant.student.full_name,
            "recipient_email": participant.student.email,
            "recipient_role": "leerling",
            "department": participant.round.plan.department,
            "days": max((participant.round.closes_on - today).days + 1, 1),
        }
        for participant in reachable
    )
    queue_mails(
        _wishes_mail(participant, link, reminder)
        for participant, (link, _token) in zip(reachable, issued, strict=True)
    )
    return len(reachable)


def _wishes_mail(participant, link, reminder, rejected=None) -> dict:
    student, round_ = participant.student, participant.round
    if rejected is not None:
        subject = _("Je eigen stageplaats is niet goedgekeurd")
    elif reminder:
        subject = _("Herinnering: kies je stageplaatsen vóór %(c)s")
    else:
        subject = _("Kies je stageplaatsen: %(t)s")
    return {
        "to_email": student.email,
        "to_name": student.full_name,
        "subject": subject % {"t": round_.title, "c": f"{round_.closes_on:%d-%m-%Y}"},
        "template": "placements/mail/own_find_rejected" if rejected is not None else "placements/mail/wishes",
        "context": {
            "round": round_,
            "url": link.mail_url,
            "link": link,
            "reminder": reminder,
            "own_find": rejected,
        },
        "related": round_.plan,
        "department": round_.plan.department,
    }


def send_link(participant: WishParticipant, actor=None, reminder=False, rejected=None) -> bool:
    """Mail the student a link to the wish form; it works until the round closes.
    With ``rejected`` (an own find) the mail says why and invites wishes instead."""
    from stagebeheer.mail import queue_mail
    from stagebeheer.models import AccessLink

    student, round_ = participant.student, participant.round
    if not student.email:
        return False
    if rejected is not None and not round_.is_open:
        # The round closed: no link, the coordinator places the student.
        queue_mail(
            to_email=student.email,
            to_name=student.full_name,
            subject=_("Je eigen stageplaats is niet goedgekeurd"),
            template="placements/mail/own_find_rejected",
            context={"round": round_, "own_find": rejected, "url": ""},
            related=round_.plan,
            department=round_.plan.department,
        )
        return True
    days = max((round_.closes_on - timezone.localdate()).days + 1, 1)
    link, _token = AccessLink.issue(
        purpose=PURPOSE,
        target=participant,
        recipient_name=student.full_name,
        recipient_email=student.email,
        recipient_role="leerling",
        department=round_.plan.department,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        days=days,
    )
    queue_mail(**_wishes_mail(participant, link, reminder, rejected))
    return True


def send_rejection(participant: WishParticipant, own_find, actor=None) -> bool:
    """Tell the student their own find was rejected, why, and how to choose wishes (placements.own_finds)."""
    return send_link(participant, actor=actor, rejected=own_find)


def _require_open(round_: WishRound):
    if not round_.is_open:
        raise WishError(_("Deze wensronde is gesloten; wensen kunnen niet meer worden gewijzigd."))


def save_wishes(participant: WishParticipant, wishes: list[tuple[Host, str]], *, duo_with=None, by: str):
    """Replace the student's wishes (best first). Saving the same form twice gives
    the same rows: the participant row is locked and the wishes replaced whole."""
    with transaction.atomic():
        locked = WishParticipant.objects.select_for_update().select_related("round").get(pk=participant.pk)
        _require_open(locked.round)
        if len(wishes) > MAX_WISHES:
            raise WishError(_("Kies hoogstens %(n)s plaatsen.") % {"n": MAX_WISHES})
        hosts = [h.pk for h, _m in wishes]
        if len(set(hosts)) != len(hosts):
            raise WishError(_("Kies elke plaats maar één keer."))
        offered = {h.pk for h in offered_hosts(locked.round)}
        if not set(hosts) <= offered:
            raise WishError(_("Een gekozen plaats wordt in deze ronde niet aangeboden."))
        if duo_with is not None and (
            duo_with.pk == locked.student_id
            or not WishParticipant.objects.filter(round_id=locked.round_id, student_id=duo_with.pk).exists()
        ):
            raise WishError(_("Kies als duo-partner een leerling uit deze ronde."))
        locked.wishes.all().delete()
        Wish.objects.bulk_create(
            [
                Wish(participant=locked, rank=i, host=host, motivation=motivation[:300])
                for i, (host, motivation) in enumerate(wishes, start=1)
            ]
        )
        locked.duo_with = duo_with
        locked.submitted_at = timezone.now()
        locked.submitted_by = by[:150]
        locked.save(update_fields=["duo_with", "submitted_at", "submitted_by"])
    return locked


def close_round(round_: WishRound, actor=None) -> bool:
    closed = WishRound.objects.filter(pk=round_.pk, state=WishRoundState.OPEN).update(
        state=WishRoundState.CLOSED
    )
    if closed:
        round_.state = WishRoundState.CLOSED
        record(
            round_.plan,
            action="wishes:close",
            summary=line(gettext_noop("Wensronde gesloten: %(t)s"), t=round_.title),
            actor=actor,
        )
    return bool(closed)


# --- the allocation ---


def _student_problem(round_, student) -> str | None:
    """A rule about the student alone: the plan's default schedule against the
    working-time limits for minors (the same function the placement check runs)."""
    problems = check_working_time(
        student, round_.plan.kind, round_.plan.default_schedule, round_.start_date, round_.end_date
    )
    return problems[0] if problems else None


def _pair_refusals(round_, student, host) -> list[str]:
    return host_refusals(round_.plan, student, host, on=round_.start_date)


def run_allocation(round_: WishRound, actor=None) -> allocation.Result:
    """Compute the proposal for the whole round and store it on the participants.
    Deterministic: the same wishes, pins and places give the same proposal."""
    if round_.state == WishRoundState.ACCEPTED:
        raise WishError(_("Het voorstel van deze ronde is al aangenomen."))
    with transaction.atomic():
        WishRound.objects.select_for_update().filter(pk=round_.pk).first()
        hosts = {h.pk: h for h in offered_hosts(round_)}
        capacity = {pk: h.places_left for pk, h in hosts.items()}
        participants = list(
            round_.participants.select_related("student", "fixed_host", "own_find")
            .prefetch_related("wishes")
            .order_by("pk")
        )
        already = set(
            overlapping(
                Placement.objects.filter(student_id__in=[p.student_id for p in participants]),
                round_.start_date,
                round_.end_date,
            ).values_list("student_id", flat=True)
        )
        outcome: dict[int, tuple] = {}
        candidates = []
        for p in participants:
            student = p.student
            if student.pk in already:
                outcome[p.pk] = (None, None, None, ProposalReason.PLACED)
                continue
            if p.fixed_host_id:
                # A pin takes its place first; it was checked by the rules when it was set.
                rank = next((w.rank for w in p.wishes.all() if w.host_id == p.fixed_host_id), None)
                found = describe(student.postcode, p.fixed_host.postcode)
                outcome[p.pk] = (p.fixed_host_id, rank, found["km"] if found else None, ProposalReason.FIXED)
                if p.fixed_host_id in capacity:
                    capacity[p.fixed_host_id] -= 1
                continue
            if _own_find_waiting(p):
                # The coordinator decides on the own find first; no other place meanwhile.
                outcome[p.pk] = (None, None, None, ProposalReason.OWN_FIND)
                continue
            if _student_problem(round_, student):
                outcome[p.pk] = (None, None, None, ProposalReason.RULES)
                continue
            wishes = tuple(
                (w.host_id, w.rank, sort_km(student.postcode, hosts[w.host_id].postcode))
                for w in p.wishes.all()
                if w.host_id in hosts and not _pair_refusals(round_, student, hosts[w.host_id])
            )
            nearest = ()
            if not wishes:
                nearest = tuple(_nearest(round_, student, hosts.values()))
            candidates.append(
                allocation.Candidate(
                    student=p.pk, wishes=wishes, nearest=nearest, duo_with=_duo_key(p, participants)
                )
            )
        result = allocation.allocate(candidates, capacity)
        how = {
            "wish": ProposalReason.WISH,
            "nearest": ProposalReason.NEAREST,
            "duo": ProposalReason.DUO,
            "full": ProposalReason.FULL,
            "no_wish": ProposalReason.NO_WISH,
        }
        for pk, a in result.assignments.items():
            outcome[pk] = (a.host, a.rank, a.km if a.km is not None and a.km < 1000 else None, how[a.how])
        for p in participants:
            host, rank, km, reason = outcome[p.pk]
            p.proposed_host_id, p.proposed_rank, p.proposal_reason = host, rank, reason
            p.proposed_km = round(km, 1) if km is not None else None
        _store_proposal(participants)
        WishRound.objects.filter(pk=round_.pk).update(proposal_run_at=timezone.now())
        round_.proposal_run_at = timezone.now()
        record(
            round_.plan,
            action="wishes:run",
            summary=line(gettext_noop("Verdeling berekend: %(t)s"), t=round_.title),
            actor=actor,
        )
    return result


def _store_proposal(participants) -> None:
    """One narrow UPDATE per participant in one transaction. Django's bulk_update
    builds one CASE per field over every row, which takes about 20 s for 2,400
    participants; this takes about one. (Not executemany: pghistory's context,
    which the audit trail adds to every statement, breaks its parameters.)"""
    table = connection.ops.quote_name(WishParticipant._meta.db_table)
    sql = (
        f"UPDATE {table} SET proposed_host_id = %s, proposed_rank = %s, proposed_km = %s, "  # noqa: S608  # nosec B608
        "proposal_reason = %s WHERE id = %s"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        for p in participants:
            cursor.execute(sql, [p.proposed_host_id, p.proposed_rank, p.proposed_km, p.proposal_reason, p.pk])


def _duo_key(participant, participants):
    """The duo partner as a participant key, so the solver pairs participants."""
    if not participant.duo_with_id:
        return None
    return next((q.pk for q in participants if q.student_id == participant.duo_with_id), None)


def _nearest(round_, student, hosts):
    """The nearest places the rules allow, for a student without usable wish."""
    found = []
    for host in sorted(hosts, key=lambda h: (sort_km(student.postcode, h.postcode), h.name, h.pk)):
        if not _pair_refusals(round_, student, host):
            found.append((host.pk, sort_km(student.postcode, host.postcode)))
            if len(found) == NEAREST_OPTIONS:
                break
    return found


def move(round_: WishRound, participant: WishParticipant, host: Host | None, actor=None) -> None:
    """The coordinator moves (or pins) one student by hand, checked by the same
    rules and against the places left; ``None`` releases the pin and the place."""
    if round_.state == WishRoundState.ACCEPTED:
        raise WishError(_("Het voorstel van deze ronde is al aangenomen."))
    with transaction.atomic():
        WishRound.objects.select_for_update().filter(pk=round_.pk).first()
        if host is None:
            WishParticipant.objects.filter(pk=participant.pk).update(
                fixed_host=None, proposed_host=None, proposed_rank=None, proposed_km=None, proposal_reason=""
            )
            return
        offered = {h.pk: h for h in offered_hosts(round_)}
        if host.pk not in offered:
            raise WishError(_("%(host)s biedt in deze ronde geen plaats aan.") % {"host": host.name})
        refusals = _pair_refusals(round_, participant.student, host)
        problem = _student_problem(round_, participant.student)
        if refusals or problem:
            raise WishError(" ".join(refusals or [problem]))
        others = round_.participants.filter(proposed_host_id=host.pk).exclude(pk=participant.pk).count()
        if others >= offered[host.pk].places_left:
            raise WishError(
                _("%(host)s heeft in deze ronde geen plaats meer vrij (%(n)s voorgesteld).")
                % {"host": host.name, "n": others}
            )
        rank = participant.wishes.filter(host_id=host.pk).values_list("rank", flat=True).first()
        found = describe(participant.student.postcode, host.postcode)
        WishParticipant.objects.filter(pk=participant.pk).update(
            fixed_host=host,
            proposed_host=host,
            proposed_rank=rank,
            proposed_km=found["km"] if found else None,
            proposal_reason=ProposalReason.FIXED,
        )
        record(
            round_.plan,
            action="wishes:move",
            summary=line(
                gettext_noop("%(s)s in het voorstel naar %(h)s"), s=participant.student.full_name, h=host.name
            ),
            actor=actor,
        )


def set_offered(round_: WishRound, host: Host, offered: bool, actor=None) -> None:
    """Leave a host out of the round (no places offered) or take it back in.
    Wishes for a host left out stay stored but are not used by the allocation."""
    if round_.state == WishRoundState.ACCEPTED:
        raise WishError(_("Het voorstel van deze ronde is al aangenomen."))
    if offered:
        round_.excluded_hosts.remove(host)
    else:
        round_.excluded_hosts.add(host)
    record(
        round_.plan,
        action="wishes:offer",
        summary=line(
            gettext_noop("%(h)s weer aangeboden in %(t)s")
            if offered
            else gettext_noop("%(h)s niet aangeboden in %(t)s"),
            h=host.name,
            t=round_.title,
        ),
        actor=actor,
    )


def summary(participants) -> dict:
    """Counts for the proposal page: per rank, nearest, unplaced by reason."""
    ranks = Counter(p.proposed_rank for p in participants if p.proposed_host_id and p.proposed_rank)
    return {
        "ranks": [(r, ranks.get(r, 0)) for r in range(1, MAX_WISHES + 1)],
        "placed": sum(1 for p in participants if p.proposed_host_id),
        "nearest": sum(1 for p in participants if p.proposed_host_id and not p.proposed_rank),
        "unplaced": [p for p in participants if not p.proposed_host_id],
    }


# --- accepting ---


def accept_round(
    round_: WishRound, actor=None
) -> tuple[list[Placement], list[tuple[WishParticipant, list[str]]]]:
    """Create a draft placement per proposed student through the placements service
    and tell each student. The round is claimed with a conditional UPDATE, so
    accepting twice (a double click, two tabs) creates nothing twice."""
    from stagebeheer.mail import queue_mail

    created, refused = [], []
    with transaction.atomic():
        claimed = WishRound.objects.filter(
            pk=round_.pk, accepted_at__isnull=True, proposal_run_at__isnull=False
        ).update(accepted_at=timezone.now(), state=WishRoundState.ACCEPTED)
        if not claimed:
            raise WishError(_("Dit voorstel is al aangenomen, of er is nog geen voorstel berekend."))
        round_.state = WishRoundState.ACCEPTED
        plan = round_.plan
        participants = list(
            round_.participants.filter(proposed_host__isnull=False, placement__isnull=True)
            .select_related("student", "proposed_host", "own_find")
            .prefetch_related("proposed_host__workplace_supervisors")
            .order_by("pk")
        )
        supervisor_of = _known_school_supervisors([p.student_id for p in participants])
        by_student = {}
        for p in participants:
            host = p.proposed_host
            values = {
                "plan": plan,
                "student": p.student,
                "host": host,
                "start_date": round_.start_date,
                "end_date": round_.end_date,
                "schedule": list(plan.default_schedule or []),
            }
            workplace = [w for w in host.workplace_supervisors.all() if w.is_active][:1]
            own = _approved_own_find(p)
            if own is not None:
                # The student's own find: its dates, relation and contact person.
                from placements.own_finds import values_for, workplace_supervisor_for

                values = values_for(own) | {"plan": plan, "student": p.student, "host": host}
                workplace = [workplace_supervisor_for(own)]
            values["school_supervisor_id"] = supervisor_of.get(p.student_id)
            placement, result = services.create_placement(
                values,
                supervisors=workplace,
                actor=actor,
                accept_warnings=True,
            )
            if placement is None:
                refused.append((p, result.errors))
                continue
            WishParticipant.objects.filter(pk=p.pk).update(placement=placement)
            created.append(placement)
            by_student[p.student_id] = (p, placement)
            if p.student.email:
                queue_mail(
                    to_email=p.student.email,
                    to_name=p.student.full_name,
                    subject=_("Je stageplaats: %(host)s") % {"host": host.name},
                    template="placements/mail/wish_placed",
                    context={"round": round_, "placement": placement, "participant": p},
                    related=placement,
                    department=plan.department,
                )
        # Duo wishes honoured in the proposal become duo pairs.
        for p, placement in by_student.values():
            partner = by_student.get(p.duo_with_id)
            if partner and partner[0].duo_with_id == p.student_id and p.student_id < partner[0].student_id:
                # Different school supervisors: the coordinator pairs them by hand.
                with suppress(ValidationError):
                    services.pair_duo(placement, partner[1], actor=actor)
        record(
            plan,
            action="wishes:accept",
            summary=line(gettext_noop("Voorstel aangenomen: %(n)s stages aangemaakt"), n=len(created)),
            actor=actor,
        )
    return created, refused


def _own_find_waiting(participant) -> bool:
    from placements.models import OwnFindState

    own = getattr(participant, "own_find", None)
    return own is not None and own.state == OwnFindState.SUBMITTED


def _approved_own_find(participant):
    """The participant's approved own find, when the proposal keeps its host."""
    from placements.models import OwnFindState

    own = getattr(participant, "own_find", None)
    if own is not None and own.state == OwnFindState.APPROVED and own.host_id == participant.proposed_host_id:
        return own
    return None


def _known_school_supervisors(student_ids) -> dict[int, int]:
    """The school supervisor of each student's latest placement, where there is one."""
    known = {}
    rows = (
        Placement.objects.filter(student_id__in=student_ids, school_supervisor__isnull=False)
        .order_by("student_id", "-start_date")
        .values_list("student_id", "school_supervisor_id")
    )
    for student_id, supervisor_id in rows:
        known.setdefault(student_id, supervisor_id)
    return known
