"""The placement rules about a host, as named functions.

``checks.check_placement`` runs them on one placement; the cohort allocation
(``placements.allocation``) runs the same functions on every (student, place)
pair, so a proposal can never break a rule a single placement would be refused
for. Each function returns the message of the rule it names, or None when the
rule holds; a warning is something the coordinator may accept.
"""

from datetime import date

from django.utils.translation import gettext as _

from placements.distance import describe, km
from placements.models import HostKind

# A stage is a school activity: one longer than three years (an lwt over two
# school years plus a repeat) is a typing error such as 9999-12-31.
MAX_PERIOD_DAYS = 3 * 366
EARLIEST_YEAR, LATEST_YEAR = 2000, 2099


def period_problem(start: date | None, end: date | None) -> str | None:
    if not start or not end:
        return None
    if end < start:
        return _("De einddatum ligt vóór de begindatum.")
    if not (EARLIEST_YEAR <= start.year <= LATEST_YEAR and EARLIEST_YEAR <= end.year <= LATEST_YEAR):
        return _("Een datum van een stage ligt tussen %(first)s en %(last)s.") % {
            "first": EARLIEST_YEAR,
            "last": LATEST_YEAR,
        }
    if (end - start).days > MAX_PERIOD_DAYS:
        return _("Een stage duurt hoogstens drie jaar; kijk de einddatum na.")
    return None


def host_unsuitable(host) -> str | None:
    """A host marked unsuitable gets no new placements."""
    if host.is_unsuitable:
        return _("%(host)s is als ongeschikt gemarkeerd: %(reason)s") % {
            "host": host.name,
            "reason": host.status_reason or _("geen reden opgegeven"),
        }
    return None


def host_not_checked(host) -> str | None:
    """A host a student entered with an own find is placed only after the
    coordinator looked at it (a warning: the coordinator may go on)."""
    if host.is_to_check:
        return _("%(host)s is door een leerling ingevoerd en nog niet gecontroleerd.") % {"host": host.name}
    return None


def host_lacks_sbb(plan, host, on: date) -> str | None:
    """Leerwerktraject (UB WVO art. 2.64) and mbo (WEB art. 7.2.8): an SBB-recognised host."""
    if not plan.requires_sbb or host.has_valid_sbb(on=on):
        return None
    if host.sbb_number and host.sbb_valid_until:
        return _(
            "De SBB-erkenning van %(host)s was op %(date)s verlopen; dit stageplan vraagt een erkend leerbedrijf."
        ) % {"host": host.name, "date": f"{on:%d-%m-%Y}"}
    return _("%(host)s heeft geen geldige SBB-erkenning; dit stageplan vraagt een erkend leerbedrijf.") % {
        "host": host.name
    }


def host_kind_forbidden(plan, host, relation_kinds=()) -> list[str]:
    """Kinds of host the plan forbids (family, own side job, delivery work), by the
    host's kinds and the student's relation with it."""
    forbidden = set(plan.forbidden_host_kinds or [])
    found = forbidden & (set(host.kinds or []) | set(relation_kinds or []))
    messages = []
    for kind in sorted(found):
        label = HostKind(kind).label if kind in HostKind.values else kind
        messages.append(_("Dit stageplan staat geen stage toe bij: %(kind)s.") % {"kind": label})
    return messages


def host_too_far(plan, student, host) -> tuple[str | None, str | None]:
    """The plan's maximum distance. Returns (error, warning): a distance measured
    from the place table over the maximum refuses; where only the postcode bands
    are known (neighbouring numbers can be far apart, distant ones close) or a
    postcode is missing, the coordinator is warned instead."""
    limit = plan.max_distance_km
    if not limit:
        return None, None
    measured = km(student.postcode, host.postcode)
    if measured is not None and measured <= limit:
        return None, None  # the common case, without building any message
    found = describe(student.postcode, host.postcode)
    if found is None:
        return None, _(
            "De afstand tot %(host)s is niet te bepalen (postcode ontbreekt); het stageplan staat hoogstens %(max)s km toe."
        ) % {"host": host.name, "max": limit}
    if found["km"] is not None:
        if found["km"] > limit:
            return _(
                "%(host)s ligt ongeveer %(km)s km van de leerling (hemelsbreed); het stageplan staat hoogstens %(max)s km toe."
            ) % {"host": host.name, "km": f"{found['km']:.0f}", "max": limit}, None
        return None, None
    if found["max_km"] > limit:
        return None, _(
            "%(host)s ligt volgens de postcodes mogelijk verder dan %(max)s km van de leerling (%(label)s)."
        ) % {"host": host.name, "max": limit, "label": found["label"]}
    return None, None


def host_refusals(plan, student, host, on: date) -> list[str]:
    """Every host rule that refuses this student at this host; empty when it may be proposed."""
    refusals = [m for m in (host_unsuitable(host), host_lacks_sbb(plan, host, on)) if m]
    refusals += host_kind_forbidden(plan, host)
    too_far, _warning = host_too_far(plan, student, host)
    if too_far:
        refusals.append(too_far)
    return refusals


# --- who signs for the student ---

# Teacher education is higher education: its students are adults who sign for
# themselves; parents play no part there (no guardian link, reminder or item).
NO_GUARDIAN_KINDS = frozenset({"teacher_education"})


def guardian_signs(student, plan_kind: str, on: date) -> bool:
    """The one rule for a guardian: only for a minor. Art. 2.36 lid 1 UB WVO 2020
    makes the parents a party "or the student when of age (18+)"; a student of
    18 on ``on`` (the day the agreement is made) signs alone, and in teacher
    education the student always signs alone."""
    return plan_kind not in NO_GUARDIAN_KINDS and student.is_minor_on(on)
