"""Dashboard figures for leaders and coordinators, all from SQL aggregates.

``dashboard(department_ids, year)`` runs a fixed number of grouped queries
(one or two per section) whatever the number of placements, each for this
school year and the one before, so every figure stands against last year.
No figure carries a student's name, and concerns are counts only.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import (
    Avg,
    Case,
    CharField,
    Count,
    DecimalField,
    F,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluations import hooks
from evaluations.models import Audience, EvaluationAnswer, EvaluationInvitation, HostReview, Topic
from evaluations.models.response import MIN_GROUP
from placements.models import Host, HoursEntry, Placement, PlacementState, Student

LIVE = [PlacementState.AGREEMENT_PENDING, PlacementState.ACTIVE, PlacementState.COMPLETED]
NOT_DRAFT = [*LIVE, PlacementState.TERMINATED]


def previous_year(year: str) -> str:
    first = int(year[:4])
    return f"{first - 1}-{first}"


def year_bounds(year: str) -> tuple[date, date]:
    """A Dutch school year runs from 1 August to 31 July."""
    first = int(year[:4])
    return date(first, 8, 1), date(first + 1, 7, 31)


def current_school_year(today=None) -> str:
    today = today or timezone.localdate()
    first = today.year if today.month >= 8 else today.year - 1
    return f"{first}-{first + 1}"


@dataclass
class Figure:
    label: str
    value: object
    previous: object = None
    url: str = ""
    unit: str = ""


@dataclass
class Section:
    key: str
    title: str
    figures: list = field(default_factory=list)
    tables: list = field(default_factory=list)  # {"title", "columns", "rows", "chart": bool}
    empty: str = ""


def _pct(part, whole):
    return round(100 * part / whole) if whole else None


def _num(value):
    if value is None:
        return None
    if isinstance(value, Decimal | float):
        return round(float(value), 1)
    return value


def dashboard(department_ids, year, links=None, plans=None) -> list[Section]:
    """``plans``: only these plans' placements (a plan review freezes its own figures)."""
    links = links or {}
    prev = previous_year(year)
    years = [year, prev]
    placements = Placement.objects.filter(plan__department_id__in=department_ids, plan__school_year__in=years)
    if plans is not None:
        placements = placements.filter(plan__in=plans)
    groups = _groups(placements, year)
    sections = [
        _placing(department_ids, placements, groups, year, prev, links),
        _agreements(groups, year, prev),
        _guidance(placements, groups, year, prev, links),
        _assessments(department_ids, years),
        _evaluations(placements, year, prev, links),
        _concerns(department_ids, year, prev),
        _capacity(department_ids, groups, year, prev),
        _allowances(groups, year, prev),
        _hours(groups, year, prev),
    ]
    return sections


def _agreement_model():
    try:
        from agreements.models import Agreement
    except ImportError:  # the agreements app is optional to this one
        return None
    return Agreement


class Groups(list):
    """The grouped placement rows, and per school year the figures summed over
    the placements' contact moments and hours (``per_year``)."""

    def __init__(self, rows, per_year):
        super().__init__(rows)
        self.per_year = per_year


CHILD_KEYS = ("visits_required", "visits_done", "visits_overdue", "hours_done", "hours_confirmed")


def _groups(placements, year):
    """Every figure that counts placements, in one grouped query per school
    year, state, host sector and termination reason (empty but for this year's
    ended stages), with the agreement figures; the contact moments and hours in
    one more. Each section adds up the groups it needs."""
    sums = {
        "n": Count("pk"),
        "paid": Count("pk", filter=Q(allowance_per_month__gt=0)),
        "allowance_sum": Sum("allowance_per_month", filter=Q(allowance_per_month__gt=0)),
        "travel": Count("pk", filter=Q(travel_allowance__gt=0)),
        "travel_sum": Sum("travel_allowance", filter=Q(travel_allowance__gt=0)),
        "planned": Sum("planned_hours"),
    }
    Agreement = _agreement_model()  # noqa: N806
    if Agreement is not None:
        placements_signed = placements.annotate(
            first_signed=Subquery(
                Agreement.objects.filter(placement=OuterRef("pk"), signed_at__isnull=False)
                .order_by("signed_at")
                .values("signed_at")[:1]
            )
        )
        sums |= {
            "signed_before": Count("pk", filter=Q(first_signed__date__lt=F("start_date"))),
            "signed_late": Count("pk", filter=Q(first_signed__date__gte=F("start_date"))),
            "signed_missing": Count("pk", filter=Q(first_signed__isnull=True)),
        }
    else:
        placements_signed = placements
    # Only this year's ended stages keep their reason apart (the table of reasons):
    # every other stage falls into a group per year, state and sector.
    reason = Case(
        When(Q(state=PlacementState.TERMINATED, plan__school_year=year), then=F("termination_reason")),
        default=Value(""),
        output_field=CharField(),
    )
    # Ordered by sector so the sector table keeps the database's order.
    rows = list(
        placements_signed.annotate(reason=reason)
        .values("plan__school_year", "state", "host__sector", "reason")
        .annotate(**sums)
        .order_by("host__sector", "plan__school_year", "state")
    )
    return Groups(rows, _child_totals(placements))


def _child_totals(placements):
    """Per school year the contact moments and hours of the placements, in one
    query: two grouped halves joined with UNION ALL. (As correlated subqueries
    per placement in the grouped query they doubled the dashboard's time.)"""
    from visits.models import Visit

    today = timezone.localdate()
    zero = Value(0, output_field=DecimalField(max_digits=12, decimal_places=2))
    visits = (
        Visit.objects.filter(placement__in=placements)
        .values("placement__plan__school_year")
        .annotate(
            visits_required=Count("pk", filter=~Q(status="cancelled")),
            visits_done=Count("pk", filter=Q(status="done")),
            visits_overdue=Count(
                "pk", filter=Q(status="planned", planned_on__lt=today, placement__state="active")
            ),
            hours_done=zero,
            hours_confirmed=zero,
        )
        .order_by()
    )
    hours = (
        HoursEntry.objects.filter(placement__in=placements)
        .values("placement__plan__school_year")
        .annotate(
            visits_required=Value(0),
            visits_done=Value(0),
            visits_overdue=Value(0),
            hours_done=Sum("hours"),
            hours_confirmed=Sum("hours", filter=Q(confirmed_at__isnull=False)),
        )
        .order_by()
    )
    per_year = {}
    for row in visits.union(hours, all=True):
        totals = per_year.setdefault(row["placement__plan__school_year"], {})
        for key in CHILD_KEYS:
            if row[key] is not None:
                totals[key] = totals.get(key, 0) + row[key]
    return per_year


def _total(groups, key, year, states=None):
    """``key`` summed over the groups of ``year`` (in ``states``); None when every part is None."""
    if key in CHILD_KEYS:
        return groups.per_year.get(year, {}).get(key)
    parts = [
        g[key]
        for g in groups
        if g["plan__school_year"] == year and (states is None or g["state"] in states) and g[key] is not None
    ]
    return sum(parts) if parts else None


def _by_year(rows, key="plan__school_year"):
    out = {}
    for row in rows:
        out.setdefault(row[key], []).append(row)
    return out


def _placing(department_ids, placements, groups, year, prev, links):
    counts = {}
    for g in groups:
        key = (g["plan__school_year"], g["state"])
        counts[key] = counts.get(key, 0) + g["n"]

    def total(y, states):
        return sum(counts.get((y, s), 0) for s in states)

    section = Section("placing", _("Plaatsen"))
    # Students of the departments now; placed = with a live placement this year.
    classes = list(
        Student.objects.filter(department_id__in=department_ids)
        .values("class_name")
        .annotate(
            total=Count("pk", distinct=True),
            placed=Count(
                "pk",
                filter=Q(placements__plan__school_year=year, placements__state__in=LIVE),
                distinct=True,
            ),
        )
        .order_by("class_name")
    )
    need = sum(c["total"] for c in classes)
    placed = sum(c["placed"] for c in classes)
    section.figures += [
        Figure(_("Leerlingen die een plek nodig hebben"), need),
        Figure(_("Geplaatst"), placed, url=links.get("placements", "")),
        Figure(_("Nog zonder plek"), need - placed, url=links.get("placements", "")),
        Figure(_("Stages (niet concept)"), total(year, NOT_DRAFT), total(prev, NOT_DRAFT)),
        Figure(
            _("Voortijdig beëindigd"),
            total(year, [PlacementState.TERMINATED]),
            total(prev, [PlacementState.TERMINATED]),
        ),
    ]
    section.tables.append(
        {
            "title": _("Stages per status"),
            "columns": [_("Status"), year, prev],
            "rows": [
                [label, counts.get((year, v), 0), counts.get((prev, v), 0)]
                for v, label in PlacementState.choices
            ],
            "chart": True,
        }
    )
    section.tables.append(
        {
            "title": _("Per klas"),
            "columns": [_("Klas"), _("Leerlingen"), _("Geplaatst"), _("Zonder plek")],
            "rows": [
                [c["class_name"] or "—", c["total"], c["placed"], c["total"] - c["placed"]] for c in classes
            ],
        }
    )
    ended = {}
    for g in groups:
        if g["plan__school_year"] == year and g["state"] == PlacementState.TERMINATED:
            ended[g["reason"]] = ended.get(g["reason"], 0) + g["n"]
    # Most frequent first, then by text (the database's C collation is code-point order too).
    reasons = [
        {"termination_reason": reason, "n": n}
        for reason, n in sorted(ended.items(), key=lambda item: (-item[1], item[0]))[:5]
    ]
    section.tables.append(
        {
            "title": _("Redenen van beëindiging"),
            "columns": [_("Reden"), _("Aantal")],
            "rows": [[r["termination_reason"][:120], r["n"]] for r in reasons],
        }
    )
    return section


def _agreements(groups, year, prev):
    section = Section("agreements", _("Overeenkomsten"))
    if _agreement_model() is None:
        section.empty = _("Er zijn nog geen gegevens.")
        return section

    def figures(y):
        return {
            "n": _total(groups, "n", y, NOT_DRAFT) or 0,
            **{k: _total(groups, f"signed_{k}", y, NOT_DRAFT) or 0 for k in ("before", "late", "missing")},
        }

    cur, old = figures(year), figures(prev)
    section.figures += [
        Figure(_("Volledig getekend vóór de start"), cur.get("before", 0), old.get("before", 0)),
        Figure(_("Te laat getekend"), cur.get("late", 0), old.get("late", 0)),
        Figure(_("Ontbreekt"), cur.get("missing", 0), old.get("missing", 0)),
        Figure(
            _("Op tijd (%)"),
            _pct(cur.get("before", 0), cur.get("n", 0)),
            _pct(old.get("before", 0), old.get("n", 0)),
            unit="%",
        ),
    ]
    return section


def _guidance(placements, groups, year, prev, links):
    section = Section("guidance", _("Begeleiding"))

    def figures(y):
        return {k: _total(groups, f"visits_{k}", y) or 0 for k in ("required", "done", "overdue")}

    cur, old = figures(year), figures(prev)
    section.figures += [
        Figure(
            _("Contactmomenten gehouden"),
            cur.get("done", 0),
            old.get("done", 0),
            url=links.get("guidance", ""),
        ),
        Figure(_("Vereist"), cur.get("required", 0), old.get("required", 0)),
        Figure(_("Te laat"), cur.get("overdue", 0), old.get("overdue", 0), url=links.get("guidance", "")),
    ]
    load = (
        placements.filter(plan__school_year=year, state__in=LIVE, school_supervisor__isnull=False)
        .values("school_supervisor__full_name")
        .annotate(
            n=Count("pk", distinct=True),
            visits=Count("visits", filter=Q(visits__status="done"), distinct=True),
            norm=Max("plan__supervisor_norm"),
        )
        .order_by("-n", "school_supervisor__full_name")
    )
    load = list(load)
    section.tables.append(
        {
            "title": _("Per stagebegeleider"),
            "columns": [_("Stagebegeleider"), _("Stages"), _("Norm"), _("Bezoeken gehouden")],
            "rows": [
                [r["school_supervisor__full_name"], r["n"], r["norm"] or "—", r["visits"]] for r in load
            ],
            "chart": False,
        }
    )
    if load:
        section.figures.append(
            Figure(
                _("Stages per stagebegeleider (gemiddeld)"), round(sum(r["n"] for r in load) / len(load), 1)
            )
        )
        section.figures.append(
            Figure(_("Begeleiders boven de norm"), sum(1 for r in load if r["norm"] and r["n"] > r["norm"]))
        )
    return section


def _assessments(department_ids, years):
    section = Section("assessments", _("Beoordelingen"))
    data = hooks.assessment_figures(department_ids, years)
    if not data:
        section.empty = _("Er zijn nog geen beoordelingen om te tellen.")
        return section
    year, prev = years
    cur, old = data.get(year, {}), data.get(prev, {})
    for party, n in sorted(cur.get("rounds", {}).items()):
        section.figures.append(
            Figure(_("Ingeleverd door %(p)s") % {"p": party}, n, old.get("rounds", {}).get(party, 0))
        )
    section.tables.append(
        {
            "title": _("Eindoordelen per niveau"),
            "columns": [_("Niveau"), year, prev],
            "rows": [
                [level, n, old.get("judgements", {}).get(level, 0)]
                for level, n in sorted(cur.get("judgements", {}).items())
            ],
            "chart": True,
        }
    )
    return section


def _evaluations(placements, year, prev, links):
    section = Section("evaluations", _("Evaluaties"))
    rates = (
        EvaluationInvitation.objects.filter(placement__in=placements)
        .values("placement__plan__school_year", "audience")
        .annotate(asked=Count("pk"), answered=Count("pk", filter=Q(completed_at__isnull=False)))
        .order_by()
    )
    rate = {(r["placement__plan__school_year"], r["audience"]): r for r in rates}

    def pct(y, audience=None):
        keys = [k for k in rate if k[0] == y and (audience is None or k[1] == audience)]
        asked = sum(rate[k]["asked"] for k in keys)
        return _pct(sum(rate[k]["answered"] for k in keys), asked)

    section.figures.append(Figure(_("Respons (alle partijen)"), pct(year), pct(prev), unit="%"))
    section.tables.append(
        {
            "title": _("Respons per partij"),
            "columns": [_("Partij"), year, prev],
            "rows": [
                [label, _fmt_pct(pct(year, v)), _fmt_pct(pct(prev, v))] for v, label in Audience.choices
            ],
            "chart": False,
        }
    )
    means = (
        EvaluationAnswer.objects.filter(response__placement__in=placements, score__isnull=False)
        .values("response__placement__plan__school_year", "response__audience", "question__topic")
        .annotate(mean=Avg("score"), n=Count("pk"))
        .order_by()
    )
    table = {}
    for r in means:
        key = (r["response__audience"], r["question__topic"])
        # Anonymity: a mean over fewer than MIN_GROUP answers is not shown.
        value = _num(r["mean"]) if r["n"] >= MIN_GROUP else None
        table.setdefault(key, {})[r["response__placement__plan__school_year"]] = (value, r["n"])
    rows = []
    for (audience, topic), per_year in sorted(table.items()):
        cur = per_year.get(year, (None, 0))
        old = per_year.get(prev, (None, 0))
        rows.append([Audience(audience).label, Topic(topic).label, _fmt(cur[0]), cur[1], _fmt(old[0])])
    section.tables.append(
        {
            "title": _("Gemiddelde per onderwerp en partij (1–5)"),
            "columns": [_("Partij"), _("Onderwerp"), year, _("Antwoorden"), prev],
            "rows": rows,
            "note": _("Een gemiddelde over minder dan %(n)s antwoorden wordt niet getoond.")
            % {"n": MIN_GROUP},
        }
    )
    lowest = (
        HostReview.objects.filter(placement__in=placements.filter(plan__school_year=year))
        .values("host_id", "host__name")
        .annotate(
            mean=Avg((F("learning_opportunities") + F("guidance") + F("safety")) / 3.0),
            n=Count("pk"),
            not_again=Count("pk", filter=Q(would_place_again=False)),
        )
        .order_by("mean", "host__name")[:5]
    )
    section.tables.append(
        {
            "title": _("Laagst beoordeelde stagebedrijven"),
            "columns": [_("Stagebedrijf"), _("Gemiddeld"), _("Beoordelingen"), _("Niet opnieuw")],
            "rows": [[r["host__name"], _fmt(_num(r["mean"])), r["n"], r["not_again"]] for r in lowest],
            "row_hosts": [r["host_id"] for r in lowest],
        }
    )
    return section


def _concerns(department_ids, year, prev):
    from visits.models import Concern
    from visits.models.concern import ConcernKind, ConcernOutcome, ConcernStatus

    start, end = year_bounds(year)
    prev_start, _end = year_bounds(prev)
    rows = (
        Concern.objects.filter(
            department_id__in=department_ids, occurred_on__gte=prev_start, occurred_on__lte=end
        )
        .annotate(
            bucket=Case(
                When(occurred_on__gte=start, then=Value(year)), default=Value(prev), output_field=CharField()
            )
        )
        .values("bucket", "kind", "status", "outcome")
        .annotate(n=Count("pk"))
        .order_by()
    )
    section = Section("concerns", _("Zorgmeldingen"))
    kinds, outcomes = {}, {}
    for r in rows:
        kinds[(r["bucket"], r["kind"])] = kinds.get((r["bucket"], r["kind"]), 0) + r["n"]
        if r["bucket"] == year:
            ended = r["outcome"] or ("open" if r["status"] != ConcernStatus.CLOSED else "closed")
            outcomes[ended] = outcomes.get(ended, 0) + r["n"]
    section.figures.append(
        Figure(
            _("Zorgmeldingen"),
            sum(n for (y, _k), n in kinds.items() if y == year),
            sum(n for (y, _k), n in kinds.items() if y == prev),
        )
    )
    section.tables.append(
        {
            "title": _("Per soort"),
            "columns": [_("Soort"), year, prev],
            "rows": [
                [label, kinds.get((year, v), 0), kinds.get((prev, v), 0)] for v, label in ConcernKind.choices
            ],
            "chart": True,
        }
    )
    outcome_labels = dict(ConcernOutcome.choices) | {
        "open": _("nog open"),
        "closed": _("afgesloten zonder uitkomst"),
    }
    section.tables.append(
        {
            "title": _("Hoe ze afliepen"),
            "columns": [_("Uitkomst"), _("Aantal")],
            "rows": [[outcome_labels.get(k, k), n] for k, n in sorted(outcomes.items())],
        }
    )
    return section


def _capacity(department_ids, groups, year, prev):
    from stagebeheer.models import Department

    section = Section("capacity", _("Capaciteit en schaarste"))
    schools = Department.objects.filter(pk__in=department_ids).values("school_id")
    offered = {
        r["sector"] or "—": r["places"]
        for r in Host.objects.filter(school_id__in=schools)
        .exclude(status="unsuitable")
        .values("sector")
        .annotate(places=Sum("capacity"))
        .order_by()
    }
    used = {}
    for g in groups:
        if g["state"] in NOT_DRAFT:
            key = (g["plan__school_year"], g["host__sector"] or "—")
            used[key] = used.get(key, 0) + g["n"]
    sectors = sorted(set(offered) | {s for (_y, s) in used})
    section.tables.append(
        {
            "title": _("Plaatsen per sector"),
            "columns": [
                _("Sector"),
                _("Aangeboden"),
                _("Gebruikt %(y)s") % {"y": year},
                _("Gebruikt %(y)s") % {"y": prev},
            ],
            "rows": [[s, offered.get(s, 0), used.get((year, s), 0), used.get((prev, s), 0)] for s in sectors],
        }
    )
    section.figures.append(Figure(_("Aangeboden plaatsen"), sum(offered.values())))
    section.figures.append(
        Figure(
            _("Gebruikt"),
            sum(n for (y, _s), n in used.items() if y == year),
            sum(n for (y, _s), n in used.items() if y == prev),
        )
    )
    return section


def _allowances(groups, year, prev):
    section = Section("allowances", _("Stage- en reiskostenvergoeding"))
    by = {}
    for g in groups:
        if g["state"] not in NOT_DRAFT:
            continue
        per_sector = by.setdefault(g["plan__school_year"], {})
        row = per_sector.setdefault(
            g["host__sector"],
            {
                "host__sector": g["host__sector"],
                "n": 0,
                "paid": 0,
                "travel": 0,
                "allowance": 0,
                "travel_mean": 0,
            },
        )
        for key, source in (("n", "n"), ("paid", "paid"), ("travel", "travel")):
            row[key] += g[source]
        row["allowance"] += g["allowance_sum"] or 0
        row["travel_mean"] += g["travel_sum"] or 0
    for per_sector in by.values():
        for row in per_sector.values():
            # Sums until here; the means over the stages that have the allowance.
            row["allowance"] = row["allowance"] / row["paid"] if row["paid"] else None
            row["travel_mean"] = row["travel_mean"] / row["travel"] if row["travel"] else None
    by = {y: list(per_sector.values()) for y, per_sector in by.items()}

    def share(y, key="paid"):
        return _pct(sum(r[key] for r in by.get(y, [])), sum(r["n"] for r in by.get(y, [])))

    section.figures.append(Figure(_("Met stagevergoeding"), share(year), share(prev), unit="%"))
    section.figures.append(
        Figure(_("Met reiskostenvergoeding"), share(year, "travel"), share(prev, "travel"), unit="%")
    )
    section.tables.append(
        {
            "title": _("Per sector (%(y)s)") % {"y": year},
            "columns": [
                _("Sector"),
                _("Stages"),
                _("Met vergoeding"),
                _("Gemiddeld per maand (€)"),
                _("Met reiskosten"),
                _("Reiskosten gemiddeld (€)"),
            ],
            "rows": [
                [
                    r["host__sector"] or "—",
                    r["n"],
                    r["paid"],
                    _fmt(_num(r["allowance"])),
                    r["travel"],
                    _fmt(_num(r["travel_mean"])),
                ]
                for r in by.get(year, [])
            ],
        }
    )
    return section


def _hours(groups, year, prev):
    section = Section("hours", _("Uren"))
    planned = {y: _total(groups, "planned", y, NOT_DRAFT) for y in (year, prev)}
    done = {
        y: {"h": _total(groups, "hours_done", y), "confirmed": _total(groups, "hours_confirmed", y)}
        for y in (year, prev)
    }
    for label, value in (
        (_("Gepland"), lambda y: planned.get(y)),
        (_("Gerealiseerd"), lambda y: done.get(y, {}).get("h")),
        (_("Bevestigd door het bedrijf"), lambda y: done.get(y, {}).get("confirmed")),
    ):
        section.figures.append(Figure(label, _num(value(year)) or 0, _num(value(prev)) or 0, unit="u"))
    return section


def _fmt(value):
    return "—" if value is None else value


def _fmt_pct(value):
    return "—" if value is None else f"{value}%"
