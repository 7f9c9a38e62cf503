"""Warnings about the cooperation agreements a placement relies on."""

from django.utils.translation import gettext as _

from agreements.elements import dmy
from agreements.models import CooperationAgreement, CooperationKind
from placements.models import PlanKind


def _covers(agreement, start, end) -> bool:
    return agreement.valid_from <= start and (agreement.valid_until is None or agreement.valid_until >= end)


def _describe_gap(agreement, start) -> str:
    if agreement.valid_from > start:
        return _("geldig pas vanaf %(d)s") % {"d": dmy(agreement.valid_from)}
    return _("geldig tot %(d)s") % {"d": dmy(agreement.valid_until)}


def warnings_for(placement, rows=None) -> list[dict]:
    """[{level, message}] for the placement page. ``rows``: the host's and plan's
    cooperation agreements when already fetched (one query otherwise)."""
    if rows is None:
        rows = list(
            CooperationAgreement.objects.filter(host_id=placement.host_id, kind=CooperationKind.STANDING_HOST)
            | CooperationAgreement.objects.filter(plan_id=placement.plan_id, kind=CooperationKind.LWT_MBO)
        )
    start, end = placement.start_date, placement.end_date
    warnings = []
    standing = [
        r
        for r in rows
        if r.kind == CooperationKind.STANDING_HOST
        and r.host_id == placement.host_id
        and r.plan_id in (None, placement.plan_id)
    ]
    if standing and not any(_covers(r, start, end) for r in standing):
        newest = max(standing, key=lambda r: r.valid_until or r.valid_from)
        warnings.append(
            {
                "level": "warning",
                "message": _(
                    "De samenwerkingsovereenkomst met %(host)s (art. 2.37 UB WVO 2020) dekt deze stage niet: %(gap)s."
                )
                % {"host": placement.host.name, "gap": _describe_gap(newest, start)},
            }
        )
    if placement.plan.kind == PlanKind.LWT:
        lwt = [r for r in rows if r.kind == CooperationKind.LWT_MBO and r.plan_id == placement.plan_id]
        if not lwt:
            warnings.append(
                {
                    "level": "danger",
                    "message": _(
                        "Voor dit leerwerktraject is geen samenwerkingsovereenkomst met een mbo-instelling vastgelegd."
                    ),
                }
            )
        elif not any(_covers(r, start, end) for r in lwt):
            newest = max(lwt, key=lambda r: r.valid_until or r.valid_from)
            warnings.append(
                {
                    "level": "danger",
                    "message": _(
                        "De lwt-samenwerkingsovereenkomst met %(mbo)s dekt deze stage niet: %(gap)s."
                    )
                    % {"mbo": newest.partner_name, "gap": _describe_gap(newest, start)},
                }
            )
    return warnings


def standing_for(placement, rows):
    return [
        r
        for r in rows
        if r.kind == CooperationKind.STANDING_HOST
        and r.host_id == placement.host_id
        and r.plan_id in (None, placement.plan_id)
    ]
