"""The checks a placement must pass before it is saved.

``check_placement`` returns (errors, warnings): errors refuse the save, warnings
(host capacity, supervisor load) are shown and must be accepted explicitly.
Each message names the rule; where the rule comes from law, the article or
guidance is named in the comment above it (see shared LAW.md).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from placements.models import Placement, PlacementState, PlanKind
from placements.rules import (
    host_kind_forbidden,
    host_lacks_sbb,
    host_not_checked,
    host_too_far,
    host_unsuitable,
    period_problem,
)
from stagebeheer.numbers import number

ACTIVE_STATES = (PlacementState.DRAFT, PlacementState.AGREEMENT_PENDING, PlacementState.ACTIVE)
WEEKDAYS = [
    _l("maandag"),
    _l("dinsdag"),
    _l("woensdag"),
    _l("donderdag"),
    _l("vrijdag"),
    _l("zaterdag"),
    _l("zondag"),
]


@dataclass
class CheckResult:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")[:2]
    return int(hours) * 60 + int(minutes)


def _fmt_hours(minutes: int) -> str:
    return number(Decimal(minutes) / 60, 1)


def overlapping(queryset, start: date, end: date):
    """Placements whose period touches [start, end]; a terminated one ends on its termination date."""
    return queryset.filter(start_date__lte=end).filter(
        Q(state__in=ACTIVE_STATES, end_date__gte=start)
        | Q(state=PlacementState.COMPLETED, end_date__gte=start)
        | Q(state=PlacementState.TERMINATED, terminated_on__gte=start)
    )


def _others(placement: Placement):
    qs = Placement.objects.all()
    if placement.pk:
        qs = qs.exclude(pk=placement.pk)
    return qs


# --- working time of minors (Arbeidstijdenwet, Arbeidstijdenbesluit; LAW.md) ---


@dataclass(frozen=True)
class MinorLimits:
    label: str
    max_day_minutes: int
    max_week_minutes: int
    night_start: int  # no work from this minute of the day ...
    night_end: int  # ... until this minute
    sunday_allowed: bool
    # Light work (13-15, maatschappelijke stage): stricter hours on school days.
    school_day_minutes: int | None = None


LIMITS_16_17 = MinorLimits(_("16 of 17 jaar"), 9 * 60, 45 * 60, 23 * 60, 6 * 60, True)
LIMITS_14_15 = MinorLimits(_("14 of 15 jaar"), 7 * 60, 35 * 60, 19 * 60, 7 * 60, False)
LIMITS_LIGHT = MinorLimits(_("13 tot 15 jaar, licht werk"), 7 * 60, 12 * 60, 19 * 60, 7 * 60, False, 2 * 60)


def limits_for(age: int, plan_kind: str) -> MinorLimits | None:
    if age >= 18:
        return None
    if age >= 16:
        return LIMITS_16_17
    if plan_kind == PlanKind.COMMUNITY:
        return LIMITS_LIGHT
    return LIMITS_14_15


def _birthday(born: date, years: int) -> date | None:
    """The day a person born on ``born`` turns ``years`` (29 February: 1 March in other years)."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        try:
            return date(born.year + years, 3, 1)
        except ValueError:  # past year 9999
            return None


def _weekdays_per_bracket(student, plan_kind, start: date, end: date, weekdays: set[int]):
    """Which scheduled weekdays fall in each age bracket of the period. The limits
    change only on the 16th and 18th birthday, so the period is cut there into at
    most three parts: constant work whatever the length of the period."""
    cuts = [start]
    for years in (16, 18):
        turning = _birthday(student.date_of_birth, years)
        if turning is not None and start < turning <= end:
            cuts.append(turning)
    brackets: dict[MinorLimits, set[int]] = {}
    for index, first in enumerate(cuts):
        last = cuts[index + 1] - timedelta(days=1) if index + 1 < len(cuts) else end
        limits = limits_for(student.age_on(first), plan_kind)
        if limits is None:
            continue
        span = (last - first).days
        present = (
            set(range(7)) if span >= 6 else {(first + timedelta(days=i)).weekday() for i in range(span + 1)}
        )
        if present & weekdays:
            brackets.setdefault(limits, set()).update(present & weekdays)
    return brackets


def check_working_time(student, plan_kind: str, schedule: list[dict], start: date, end: date) -> list[str]:
    """A minor's schedule against the legal limits, by the age on each day of
    the placement (a student may turn 16 or 18 during it)."""
    if not schedule or end < start:
        return []
    per_day: dict[int, list[dict]] = {}
    for entry in schedule:
        per_day.setdefault(int(entry["weekday"]), []).append(entry)
    problems: list[str] = []
    seen: set[tuple] = set()
    brackets = _weekdays_per_bracket(student, plan_kind, start, end, set(per_day))
    for limits, weekdays in brackets.items():
        week_total = 0
        for weekday in sorted(weekdays):
            for entry in per_day[weekday]:
                begin, finish = _minutes(entry["start"]), _minutes(entry["end"])
                brk = int(entry.get("break_minutes") or 0)
                worked = max(finish - begin - brk, 0)
                week_total += worked
                name = WEEKDAYS[weekday]
                day_cap = limits.max_day_minutes
                if limits.school_day_minutes is not None and weekday < 5:
                    day_cap = limits.school_day_minutes
                messages = []
                if worked > day_cap:
                    messages.append(
                        _("Op %(day)s %(worked)s uur; bij %(age)s is %(max)s uur per dag het maximum.")
                        % {
                            "day": name,
                            "worked": _fmt_hours(worked),
                            "age": limits.label,
                            "max": _fmt_hours(day_cap),
                        }
                    )
                if begin < limits.night_end or finish > limits.night_start:
                    messages.append(
                        _("Op %(day)s wordt gewerkt tussen %(from)s en %(to)s; dat mag niet bij %(age)s.")
                        % {
                            "day": name,
                            "from": f"{limits.night_start // 60:02d}:00",
                            "to": f"{limits.night_end // 60:02d}:00",
                            "age": limits.label,
                        }
                    )
                # A 30-minute break for a shift over 4.5 hours.
                if finish - begin > 270 and brk < 30:
                    messages.append(
                        _(
                            "Op %(day)s is de dienst langer dan 4,5 uur; een minderjarige heeft dan 30 minuten pauze."
                        )
                        % {"day": name}
                    )
                if weekday == 6 and not limits.sunday_allowed:
                    messages.append(_("Zondagswerk is niet toegestaan bij %(age)s.") % {"age": limits.label})
                for message in messages:
                    if message not in seen:
                        seen.add(message)
                        problems.append(message)
        if week_total > limits.max_week_minutes:
            message = _("%(worked)s uur per week; bij %(age)s is %(max)s uur per week het maximum.") % {
                "worked": _fmt_hours(week_total),
                "age": limits.label,
                "max": _fmt_hours(limits.max_week_minutes),
            }
            if message not in seen:
                seen.add(message)
                problems.append(message)
    return problems


def check_placement(placement: Placement, supervisor_count: int | None = None) -> CheckResult:
    """Every rule of the issue, on an unsaved or changed placement. Queries are
    few and fixed (overlap, capacity, load), so a form stays quick."""
    result = CheckResult()
    plan, host, student = placement.plan, placement.host, placement.student
    start, end = placement.start_date, placement.end_date
    period = period_problem(start, end)
    if period:
        result.errors.append(period)
        return result

    if student.department_id != plan.department_id:
        result.errors.append(_("Deze leerling hoort niet bij de afdeling van dit stageplan."))

    # Overlap: one student, one placement at a time.
    clash = (
        overlapping(_others(placement).filter(student_id=student.pk), start, end)
        .select_related("host")
        .first()
    )
    if clash:
        result.errors.append(
            _("%(student)s heeft in deze periode al een stage bij %(host)s (%(start)s tot %(end)s).")
            % {
                "student": student.full_name,
                "host": clash.host.name,
                "start": f"{clash.start_date:%d-%m-%Y}",
                "end": f"{clash.end_date:%d-%m-%Y}",
            }
        )

    # A host marked unsuitable gets no new placements; a running one that stays
    # at the same host can still be edited (for example to end it properly).
    host_changed = placement.pk is None or getattr(placement, "_original_host_id", None) != host.pk
    unsuitable = host_unsuitable(host)
    if unsuitable and host_changed:
        result.errors.append(unsuitable)
    unchecked = host_not_checked(host)
    if unchecked and host_changed:
        result.warnings.append(unchecked)
    sbb = host_lacks_sbb(plan, host, on=start)
    if sbb:
        result.errors.append(sbb)
    result.errors += host_kind_forbidden(plan, host, placement.host_kinds)
    too_far, far_warning = host_too_far(plan, student, host)
    if too_far:
        result.errors.append(too_far)
    if far_warning:
        result.warnings.append(far_warning)

    # Hours within the plan's range; a replacement counts the hours already done before it.
    hours = Decimal(placement.planned_hours or 0)
    if placement.replaces_id:
        replaced = placement.replaces
        hours += max(Decimal(replaced.planned_hours) - Decimal(placement.carried_over_hours or 0), Decimal(0))
    if plan.min_hours is not None and hours < plan.min_hours:
        result.errors.append(
            _("Het rooster geeft %(hours)s uur; het stageplan vraagt minstens %(min)s uur.")
            % {"hours": number(hours), "min": number(plan.min_hours)}
        )
    if plan.max_hours is not None and hours > plan.max_hours:
        result.errors.append(
            _("Het rooster geeft %(hours)s uur; het stageplan staat hoogstens %(max)s uur toe.")
            % {"hours": number(hours), "max": number(plan.max_hours)}
        )

    result.errors += check_working_time(student, plan.kind, placement.schedule, start, end)

    # Warnings: scarce places and supervisor time, the coordinator may go on.
    used = overlapping(_others(placement).filter(host_id=host.pk), start, end).count()
    if used >= host.capacity:
        result.warnings.append(
            _("%(host)s biedt %(cap)s plaats(en) per periode en heeft er in deze periode al %(used)s bezet.")
            % {"host": host.name, "cap": host.capacity, "used": used}
        )
    if placement.school_supervisor_id and plan.supervisor_norm:
        load = (
            _others(placement)
            .filter(
                plan_id=plan.pk, school_supervisor_id=placement.school_supervisor_id, state__in=ACTIVE_STATES
            )
            .count()
        )
        if load >= plan.supervisor_norm:
            result.warnings.append(
                _("%(name)s begeleidt in dit stageplan al %(load)s stages; de norm is %(norm)s.")
                % {
                    "name": placement.school_supervisor.full_name,
                    "load": load,
                    "norm": plan.supervisor_norm,
                }
            )
    return result


# --- hours entered afterwards (urenregistratie) against the same limits ---


def _clock(t) -> int:
    return t.hour * 60 + t.minute


def check_hours_entry(placement, day: date, start, end, hours, others) -> CheckResult:
    """One line of hours against what is possible (errors: the line is refused) and
    against the working-time limits for minors that the schedule is checked by
    (warnings: stored on the line, shown to the student, the workplace supervisor
    and the coordinator). ``others`` are the placement's other counted lines of the
    same week (any iterable of HoursEntry); no query is made here."""
    result = CheckResult()
    minutes = int(Decimal(hours) * 60)
    same_day = [o for o in others if o.date == day]
    if start and end:
        span = _clock(end) - _clock(start)
        if minutes > span:
            result.errors.append(
                _("Van %(start)s tot %(end)s is %(span)s uur; daarin kun je geen %(hours)s uur werken.")
                % {
                    "start": f"{start:%H:%M}",
                    "end": f"{end:%H:%M}",
                    "span": _fmt_hours(span),
                    "hours": _fmt_hours(minutes),
                }
            )
        for other in same_day:
            if (
                other.start_time
                and other.end_time
                and _clock(other.start_time) < _clock(end)
                and _clock(start) < _clock(other.end_time)
            ):
                result.errors.append(
                    _("Op %(day)s is %(start)s tot %(end)s al ingevuld; tijden mogen niet overlappen.")
                    % {
                        "day": f"{day:%d-%m-%Y}",
                        "start": f"{other.start_time:%H:%M}",
                        "end": f"{other.end_time:%H:%M}",
                    }
                )
                break
    day_total = minutes + sum(int(Decimal(o.hours) * 60) for o in same_day)
    if day_total > 24 * 60:
        result.errors.append(
            _("Op %(day)s staat dan %(total)s uur; een dag heeft er 24.")
            % {"day": f"{day:%d-%m-%Y}", "total": _fmt_hours(day_total)}
        )
    if result.errors:
        return result

    limits = limits_for(placement.student.age_on(day), placement.plan.kind)
    if limits is None:
        return result
    name = WEEKDAYS[day.weekday()]
    day_cap = limits.max_day_minutes
    if limits.school_day_minutes is not None and day.weekday() < 5:
        day_cap = limits.school_day_minutes
    if day_total > day_cap:
        result.warnings.append(
            _("Op %(day)s %(worked)s uur; bij %(age)s is %(max)s uur per dag het maximum.")
            % {"day": name, "worked": _fmt_hours(day_total), "age": limits.label, "max": _fmt_hours(day_cap)}
        )
    if start and end and (_clock(start) < limits.night_end or _clock(end) > limits.night_start):
        result.warnings.append(
            _("Op %(day)s wordt gewerkt tussen %(from)s en %(to)s; dat mag niet bij %(age)s.")
            % {
                "day": name,
                "from": f"{limits.night_start // 60:02d}:00",
                "to": f"{limits.night_end // 60:02d}:00",
                "age": limits.label,
            }
        )
    if start and end and _clock(end) - _clock(start) > 270 and _clock(end) - _clock(start) - minutes < 30:
        result.warnings.append(
            _("Op %(day)s is de dienst langer dan 4,5 uur; een minderjarige heeft dan 30 minuten pauze.")
            % {"day": name}
        )
    if day.weekday() == 6 and not limits.sunday_allowed:
        result.warnings.append(_("Zondagswerk is niet toegestaan bij %(age)s.") % {"age": limits.label})
    monday = day - timedelta(days=day.weekday())
    week_total = minutes + sum(
        int(Decimal(o.hours) * 60) for o in others if monday <= o.date < monday + timedelta(days=7)
    )
    if week_total > limits.max_week_minutes:
        result.warnings.append(
            _("%(worked)s uur per week; bij %(age)s is %(max)s uur per week het maximum.")
            % {
                "worked": _fmt_hours(week_total),
                "age": limits.label,
                "max": _fmt_hours(limits.max_week_minutes),
            }
        )
    return result
