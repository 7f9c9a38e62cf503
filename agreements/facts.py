"""What an agreement draws on, and how each element's value is read from it.

Each resolver takes the Facts of one placement and returns the element's value
and, when data is missing, one line per missing piece ("verzekering: wie de
premie betaalt is niet ingevuld").
"""

from datetime import date
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from placements.rules import guardian_signs
from placements.wording import role_word

WEEKDAYS = [
    gettext_lazy("maandag"),
    gettext_lazy("dinsdag"),
    gettext_lazy("woensdag"),
    gettext_lazy("donderdag"),
    gettext_lazy("vrijdag"),
    gettext_lazy("zaterdag"),
    gettext_lazy("zondag"),
]


def dmy(day: date | None) -> str:
    return date_format(day, "d-m-Y") if day else ""


class Facts:
    """Everything an agreement draws on, read once with a fixed number of queries."""

    def __init__(self, placement, on: date | None = None):
        self.placement = placement
        self.plan = placement.plan
        self.host = placement.host
        self.student = placement.student
        self.department = self.plan.department
        self.school = self.department.school
        self.on = on or timezone.localdate()
        self.kind = self.plan.kind
        self.workplace_supervisor = placement.primary_workplace_supervisor
        self.school_supervisor = placement.school_supervisor
        self.school_trainer = placement.school_trainer if placement.school_trainer_id else None
        # Art. 2.36 lid 1: parents sign while the student is under 18 on the day the
        # agreement is made; never in teacher education (placements.rules.guardian_signs).
        self.guardian_signs = guardian_signs(self.student, self.kind, self.on)
        guardians = list(self.student.guardians.all())
        signing = [g for g in guardians if g.signs_agreements and g.email]
        self.guardian = signing[0] if signing else None


def _text(value) -> str:
    return (value or "").strip()


def _school(f: Facts):
    s = f.school
    lines = [s.name]
    if s.board_name:
        lines.append(_("bevoegd gezag: %(board)s") % {"board": s.board_name})
    lines.append(f.department.name)
    address = ", ".join(p for p in (s.address, f"{s.postcode} {s.city}".strip()) if p)
    problems = []
    if address:
        lines.append(address)
    if not s.address:
        problems.append(_("school: het adres van de school is niet ingevuld"))
    lines.append(_("BRIN %(brin)s") % {"brin": f.department.brin_location})
    return "\n".join(lines), problems


def _host(f: Facts):
    h = f.host
    lines = [h.name]
    address = ", ".join(p for p in (h.address, f"{h.postcode} {h.city}".strip()) if p)
    if address:
        lines.append(address)
    if h.kvk_number:
        lines.append(_("KvK %(kvk)s") % {"kvk": h.kvk_number})
    problems = [] if h.address else [_("stagebedrijf: het adres van het stagebedrijf is niet ingevuld")]
    return "\n".join(lines), problems


def _student(f: Facts):
    s = f.student
    lines = [
        _("%(name)s, geboren op %(born)s") % {"name": s.full_name, "born": dmy(s.date_of_birth)},
    ]
    if s.class_name or s.programme:
        lines.append(", ".join(p for p in (s.class_name, s.programme) if p))
    problems = []
    if f.guardian_signs:
        # Art. 2.36 lid 1: the parents sign for a student under 18.
        if f.guardian:
            lines.append(_("vertegenwoordigd door ouder/verzorger %(name)s") % {"name": f.guardian.name})
        else:
            problems.append(
                _(
                    "leerling: de leerling is minderjarig en er is geen ouder/verzorger met e-mailadres die tekent"
                )
            )
    elif not s.email:
        problems.append(
            _("%(who)s: het e-mailadres van de %(who)s ontbreekt (nodig om te tekenen)")
            % {"who": role_word(f.kind, "student")}
        )
    return "\n".join(lines), problems


def _school_supervisor(f: Facts):
    if not f.school_supervisor:
        return "", [
            _("begeleiding school: er is geen %(who)s aangewezen")
            % {"who": role_word(f.kind, "school_supervisor_of")}
        ]
    value = f.school_supervisor.full_name
    if f.school_supervisor.email:
        value += f" ({f.school_supervisor.email})"
    return value, []


def _workplace_supervisor(f: Facts):
    ws = f.workplace_supervisor
    if not ws:
        return "", [
            _("begeleiding stagebedrijf: er is geen %(who)s aangewezen")
            % {"who": role_word(f.kind, "workplace_supervisor")}
        ]
    return _person_line(ws), []


def _person_line(person) -> str:
    parts = [person.name]
    if person.position:
        parts.append(person.position)
    parts.append(person.email)
    return ", ".join(p for p in parts if p)


def _school_trainer(f: Facts):
    # Teacher education: the schoolopleider of the opleidingsschool (optional element).
    return (_person_line(f.school_trainer) if f.school_trainer else ""), []


def _activities(f: Facts):
    value = _text(f.placement.activities)
    return value, [] if value else [_("leeractiviteiten: de leeractiviteiten zijn niet beschreven")]


def _locations(f: Facts):
    if _text(f.placement.work_location):
        return f"{f.host.name}: {f.placement.work_location.strip()}", []
    address = ", ".join(p for p in (f.host.address, f.host.city) if p)
    if not address:
        return "", [_("werkplek: er is geen werkplek of adres van het stagebedrijf bekend")]
    return f"{f.host.name}, {address}", []


def _period(f: Facts):
    p = f.placement
    return _("van %(start)s tot en met %(end)s") % {"start": dmy(p.start_date), "end": dmy(p.end_date)}, []


def schedule_lines(schedule) -> list[str]:
    lines = []
    for entry in sorted(schedule or [], key=lambda e: (int(e.get("weekday", 0)), e.get("start", ""))):
        line = f"{WEEKDAYS[int(entry['weekday']) % 7]} {entry['start']}–{entry['end']}"
        if entry.get("break_minutes"):
            line += " " + _("(pauze %(m)s min.)") % {"m": entry["break_minutes"]}
        lines.append(line)
    return lines


def _times(f: Facts):
    lines = schedule_lines(f.placement.schedule)
    if not lines:
        return "", [_("tijden: het weekrooster van de stage is niet ingevuld")]
    return "\n".join(lines), []


def _plan_text(field, problem):
    def resolve(f: Facts):
        value = _text(getattr(f.plan, field))
        return value, [] if value else [str(problem)]

    return resolve


def _insurance(f: Facts):
    arrangement = _text(f.plan.insurance_arrangement)
    payer = _text(f.plan.insurance_premium_payer)
    problems = []
    if not arrangement:
        problems.append(_("verzekering: hoe de leerling verzekerd is, is niet ingevuld"))
    if not payer:
        problems.append(_("verzekering: wie de premie betaalt is niet ingevuld"))
    value = arrangement
    if payer:
        value += "\n" + _("De premie wordt betaald door: %(payer)s.") % {"payer": payer}
    return value.strip(), problems


def _inspection(f: Facts):
    # Art. 2.36 lid 3 onder e: the text itself is the arrangement, so it is fixed here.
    return _(
        "Het stagebedrijf staat toe dat de Inspectie van het Onderwijs toezicht houdt op de "
        "leeractiviteiten op de stageplaats. Het stagebedrijf geeft de inspectie daarvoor "
        "toegang tot de werkplek en de nodige inlichtingen."
    ), []


def _h(hours) -> str:
    return f"{hours:.0f}"


def _hours(f: Facts):
    """The total hours of the stage. A replacement (lwt, UB art. 2.65) counts what was done
    before it: the carried-over hours are the hours the earlier placement missed, planned
    again here, so they are part of this placement's hours or still to be planned, never
    "of which" more than the total."""
    p = f.placement
    here = Decimal(p.planned_hours or 0)
    if not here:
        return "", [_("omvang: het aantal uren van de stage is niet bekend (weekrooster en data)")]
    missed = Decimal(p.carried_over_hours or 0)
    replaced = p.replaces if p.replaces_id else None
    if not replaced and not missed:
        return _("%(hours)s uur in totaal") % {"hours": _h(here)}, []
    done_before = max(Decimal(replaced.planned_hours or 0) - missed, Decimal(0)) if replaced else Decimal(0)
    lines = [
        _(
            "%(total)s uur in totaal: %(here)s uur op deze stageplaats en %(before)s uur die al zijn gemaakt bij de vorige stageplaats."
        )
        % {"total": _h(here + done_before), "here": _h(here), "before": _h(done_before)}
    ]
    if missed and missed <= here:
        lines.append(
            _("De %(missed)s uur die bij de vorige stageplaats niet zijn gemaakt, worden hier ingehaald.")
            % {"missed": _h(missed)}
        )
    elif missed:
        lines.append(
            _(
                "Van de %(missed)s uur die bij de vorige stageplaats niet zijn gemaakt, worden er hier "
                "%(here)s ingehaald; de school plant de overige %(rest)s uur nog in."
            )
            % {"missed": _h(missed), "here": _h(here), "rest": _h(missed - here)}
        )
    return "\n".join(lines), []


def _goal(f: Facts):
    # The goal of the stage comes from the stageplan (art. 2.35 UB WVO 2020: doel), with the student's own goals.
    plan_goal = _text(f.plan.goal)
    if not plan_goal:
        return "", [_("doel: het doel van de stage ontbreekt in het stageplan")]
    lines = [plan_goal]
    own = _text(f.student.learning_goals)
    if own:
        lines.append(_("Eigen leerdoelen: %(goals)s") % {"goals": own})
    return "\n".join(lines), []


def _plan(f: Facts):
    # Art. 2.36 UB WVO 2020 agreements carry out the stageplan of art. 2.35: name it fully, so a
    # reader knows which plan, of which year and which date, the stage follows.
    plan = f.plan
    lines = [
        _("%(title)s, schooljaar %(year)s, van %(department)s")
        % {"title": plan.title, "year": plan.school_year, "department": f.department.name},
        _("Vastgesteld of laatst gewijzigd op %(date)s.")
        % {"date": dmy(timezone.localdate(plan.updated_at))},
    ]
    parts = [
        str(plan._meta.get_field(name).verbose_name)
        for name in plan.LEGAL_PARTS
        if _text(getattr(plan, name))
    ]
    if parts:
        lines.append(_("Het stageplan beschrijft: %(parts)s.") % {"parts": ", ".join(parts)})
    lines.append(_("Het stageplan ligt ter inzage bij de school en wordt op verzoek toegestuurd."))
    return "\n".join(lines), []


def _inspectorate_right(f: Facts):
    # Art. 2.36 lid 3 onder e: the inspectorate supervises the stage, so the student and the parents
    # may also turn to it. The numbers are the inspectorate's public ones.
    return _(
        "De leerling en de ouders kunnen met een vraag of klacht over de stage eerst terecht bij de "
        "stagebegeleider en de school (klachtenregeling van de school). Zij hebben ook het recht zich "
        "te wenden tot de Inspectie van het Onderwijs: Loket Onderwijs, 088 669 60 60. Bij seksuele "
        "intimidatie, discriminatie, radicalisering of geweld: meldpunt vertrouwensinspecteurs, "
        "0900 111 3 111."
    ), []


def _hours_spread(f: Facts):
    value = _text(f.plan.scope)
    if not value:
        return "", [
            _("omvang: de verdeling van de uren over de studiejaren (omvang in het stageplan) ontbreekt")
        ]
    return _("%(hours)s uur in schooljaar %(year)s. %(scope)s") % {
        "hours": f"{f.placement.planned_hours or 0:.0f}",
        "year": f.plan.school_year,
        "scope": value,
    }, []


def _learning_goals(f: Facts):
    parts = [p for p in (_text(f.plan.goal), _text(f.student.learning_goals)) if p]
    if not parts:
        return "", [_("leerdoelen: het doel van de stage en de leerdoelen ontbreken")]
    return "\n".join(parts), []


def _sbb(f: Facts):
    h = f.host
    if not h.sbb_number:
        return "", [_("erkenning: het stagebedrijf heeft geen SBB-erkenning ingevuld")]
    if not h.has_valid_sbb(max(f.placement.start_date, f.on)):
        return "", [
            _("erkenning: de SBB-erkenning van het stagebedrijf is verlopen op %(d)s")
            % {"d": dmy(h.sbb_valid_until)}
        ]
    return _("erkend leerbedrijf, SBB-nummer %(n)s, geldig tot %(d)s") % {
        "n": h.sbb_number,
        "d": dmy(h.sbb_valid_until),
    }, []


def _replacement(f: Facts):
    # UB WVO 2020 art. 2.65: the school arranges a replacement and plans missed hours again.
    return _(
        "Als de leerwerkplaats wegvalt of de begeleiding tekortschiet, zorgt de school voor een "
        "vervangende leerwerkplaats. De gemiste uren worden opnieuw ingepland."
    ), []


def _money(amount) -> str:
    return f"€ {amount:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def _allowance(f: Facts):
    # Not required by law, but part of the contract (Placement.CONTRACT_FIELDS) when agreed.
    p = f.placement
    parts = []
    if p.allowance_per_month:
        parts.append(_("Stagevergoeding: %(a)s per maand.") % {"a": _money(p.allowance_per_month)})
    if p.travel_allowance:
        parts.append(_("Reiskostenvergoeding: %(a)s per maand.") % {"a": _money(p.travel_allowance)})
    return "\n".join(parts), []


def _optional_termination(f: Facts):
    return _text(f.plan.termination_clause), []
