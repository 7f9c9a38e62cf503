"""The elements the law requires in each kind of agreement, and where each comes from.

Every kind lists its elements in ``KIND_ELEMENTS``; a template may change the
wording around an element but never remove one, because the list lives here in
code and the PDF always prints every element's value. ``resolve`` fills each
element from the placement, its plan, the host and the school, and names every
missing piece of data, element by element.

Sources (LAW.md):
- vo / pro stageovereenkomst: art. 2.36 UB WVO 2020 (lid 3 a–e, lid 4 insurance)
- lwt leer-werkovereenkomst: art. 2.65 UB WVO 2020
- mbo praktijkovereenkomst: art. 7.2.8 WEB
- ho: the teacher-education agreement (Samen Opleiden practice)
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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


@dataclass(frozen=True)
class Element:
    key: str
    label: object  # lazy Dutch label, the heading in the agreement
    source: str  # "placement", "plan", "host", "school", "student" or "law" (fixed text)
    article: str
    resolve: object  # (Facts) -> (value: str, problems: list[str])

    def label_for(self, kind: str):
        return KIND_LABELS.get(kind, {}).get(self.key, self.label)

    def article_for(self, kind: str) -> str:
        if kind in KIND_ARTICLES:
            return KIND_ARTICLES[kind].get(self.key, "")
        return self.article


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
        self.workplace_supervisor = placement.primary_workplace_supervisor
        self.school_supervisor = placement.school_supervisor
        # Art. 2.36 lid 1: parents sign while the student is under 18 on the day the agreement is made.
        self.minor = self.student.is_minor_on(self.on)
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
    if f.minor:
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
        problems.append(_("leerling: het e-mailadres van de leerling ontbreekt (nodig om te tekenen)"))
    return "\n".join(lines), problems


def _school_supervisor(f: Facts):
    if not f.school_supervisor:
        return "", [_("begeleiding school: er is geen stagebegeleider van school aangewezen")]
    value = f.school_supervisor.full_name
    if f.school_supervisor.email:
        value += f" ({f.school_supervisor.email})"
    return value, []


def _workplace_supervisor(f: Facts):
    ws = f.workplace_supervisor
    if not ws:
        return "", [_("begeleiding stagebedrijf: er is geen praktijkbegeleider aangewezen")]
    parts = [ws.name]
    if ws.position:
        parts.append(ws.position)
    parts.append(ws.email)
    return ", ".join(parts), []


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
        return value, [] if value else [problem]

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


def _hours(f: Facts):
    hours = f.placement.planned_hours or 0
    if not hours:
        return "", [_("omvang: het aantal uren van de stage is niet bekend (weekrooster en data)")]
    value = _("%(hours)s uur in totaal") % {"hours": f"{hours:.0f}"}
    if f.placement.carried_over_hours:
        value += " " + _("(waarvan %(h)s overgenomen uur)") % {"h": f"{f.placement.carried_over_hours:.0f}"}
    return value, []


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


E = Element
ELEMENTS = {
    e.key: e
    for e in [
        E("school", gettext_lazy("De school"), "school", "", _school),
        E("host", gettext_lazy("Het stagebedrijf"), "host", "", _host),
        E("student", gettext_lazy("De leerling"), "student", "", _student),
        E(
            "school_supervisor",
            gettext_lazy("Stagebegeleider van school"),
            "placement",
            "art. 2.36 lid 2 UB WVO 2020",
            _school_supervisor,
        ),
        E(
            "workplace_supervisor",
            gettext_lazy("Praktijkbegeleider van het stagebedrijf"),
            "placement",
            "art. 2.36 lid 2 UB WVO 2020",
            _workplace_supervisor,
        ),
        E(
            "activities",
            gettext_lazy("Leeractiviteiten"),
            "placement",
            "art. 2.36 lid 3 onder a UB WVO 2020",
            _activities,
        ),
        E(
            "locations",
            gettext_lazy("Werkplek"),
            "placement",
            "art. 2.36 lid 3 onder a UB WVO 2020",
            _locations,
        ),
        E("period", gettext_lazy("Periode"), "placement", "art. 2.36 lid 3 onder b UB WVO 2020", _period),
        E(
            "times",
            gettext_lazy("Dagen en tijden"),
            "placement",
            "art. 2.36 lid 3 onder b UB WVO 2020",
            _times,
        ),
        E(
            "guidance_split",
            gettext_lazy("Verdeling van de begeleiding"),
            "plan",
            "art. 2.36 lid 3 onder c UB WVO 2020",
            _plan_text(
                "guidance_split",
                _(
                    "begeleiding: de verdeling van de begeleiding tussen school en stagebedrijf is niet ingevuld"
                ),
            ),
        ),
        E(
            "host_assessment",
            gettext_lazy("Beoordeling"),
            "plan",
            "art. 2.36 lid 3 onder d UB WVO 2020",
            _plan_text(
                "host_assessment_role",
                _("beoordeling: hoe het stagebedrijf meewerkt aan de beoordeling is niet ingevuld"),
            ),
        ),
        E(
            "inspection",
            gettext_lazy("Toezicht door de Inspectie van het Onderwijs"),
            "law",
            "art. 2.36 lid 3 onder e UB WVO 2020",
            _inspection,
        ),
        E("insurance", gettext_lazy("Verzekering"), "plan", "art. 2.36 lid 4 UB WVO 2020", _insurance),
        E("allowance", gettext_lazy("Vergoeding"), "placement", "", _allowance),
        E(
            "termination_optional",
            gettext_lazy("Beëindiging"),
            "plan",
            "",
            _optional_termination,
        ),
        # --- leerwerktraject (UB WVO 2020 art. 2.65) ---
        E(
            "learning_goals",
            gettext_lazy("Inhoud en leerdoelen"),
            "plan",
            "art. 2.65 UB WVO 2020",
            _learning_goals,
        ),
        E("hours", gettext_lazy("Duur en omvang"), "placement", "art. 2.65 UB WVO 2020", _hours),
        E(
            "assessment_criteria",
            gettext_lazy("Beoordelingscriteria"),
            "plan",
            "art. 2.65 UB WVO 2020",
            _plan_text("assessment_criteria", _("beoordeling: de beoordelingscriteria zijn niet ingevuld")),
        ),
        E(
            "early_end",
            gettext_lazy("Voortijdige beëindiging"),
            "plan",
            "art. 2.65 UB WVO 2020 / art. 7.2.8 WEB",
            _plan_text(
                "termination_clause",
                _("beëindiging: wanneer en hoe de overeenkomst voortijdig eindigt is niet ingevuld"),
            ),
        ),
        E(
            "replacement",
            gettext_lazy("Vervangende leerwerkplaats"),
            "law",
            "art. 2.65 UB WVO 2020",
            _replacement,
        ),
        E("sbb", gettext_lazy("Erkenning van het leerbedrijf"), "host", "art. 1.5.3 / 7.2.8 WEB", _sbb),
        # --- mbo praktijkovereenkomst (WEB art. 7.2.8) ---
        E(
            "hours_spread",
            gettext_lazy("Omvang en verdeling van de uren"),
            "plan",
            "art. 7.2.8 WEB",
            _hours_spread,
        ),
        E(
            "qualification_part",
            gettext_lazy("Deel van de kwalificatie en beoordeling"),
            "plan",
            "art. 7.2.8 WEB",
            _plan_text(
                "qualification_part",
                _(
                    "kwalificatie: welk deel van de kwalificatie of welke keuzedelen de bpv dekt is niet ingevuld"
                ),
            ),
        ),
    ]
}

PARTIES = ["school", "host", "student"]

KIND_ELEMENTS = {
    # art. 2.36 UB WVO 2020 (also praktijkonderwijs, art. 2.39)
    "vo": [
        *PARTIES,
        "school_supervisor",
        "workplace_supervisor",
        "activities",
        "locations",
        "period",
        "times",
        "guidance_split",
        "host_assessment",
        "inspection",
        "insurance",
        "allowance",
        "termination_optional",
    ],
    # art. 2.65 UB WVO 2020, plus the stageovereenkomst's parts that still apply in vo
    "lwt": [
        *PARTIES,
        "sbb",
        "school_supervisor",
        "workplace_supervisor",
        "activities",
        "learning_goals",
        "locations",
        "period",
        "times",
        "hours",
        "guidance_split",
        "assessment_criteria",
        "host_assessment",
        "early_end",
        "replacement",
        "inspection",
        "insurance",
        "allowance",
    ],
    # art. 7.2.8 WEB
    "mbo": [
        *PARTIES,
        "sbb",
        "school_supervisor",
        "workplace_supervisor",
        "activities",
        "period",
        "times",
        "hours_spread",
        "guidance_split",
        "qualification_part",
        "host_assessment",
        "early_end",
        "insurance",
        "allowance",
    ],
    # teacher education: werkplekbegeleider, instituutsopleider, period and assessment
    "ho": [
        *PARTIES,
        "school_supervisor",
        "workplace_supervisor",
        "activities",
        "locations",
        "period",
        "times",
        "guidance_split",
        "host_assessment",
        "insurance",
        "allowance",
        "termination_optional",
    ],
}

# The law an element rests on differs per kind; vo and lwt use the element's own article.
_WEB = "art. 7.2.8 WEB"
KIND_ARTICLES = {
    "mbo": {
        "sbb": "art. 1.5.3 / 7.2.8 WEB",
        "school_supervisor": _WEB,
        "workplace_supervisor": _WEB,
        "activities": _WEB,
        "period": _WEB,
        "times": _WEB,
        "hours_spread": _WEB,
        "guidance_split": _WEB,
        "qualification_part": _WEB,
        "host_assessment": "art. 7.2.8 WEB; de school weegt het oordeel van het leerbedrijf mee",
        "early_end": _WEB,
    },
    "ho": {},
}
KIND_LABELS = {
    "mbo": {
        "school": gettext_lazy("De onderwijsinstelling"),
        "host": gettext_lazy("Het leerbedrijf"),
        "student": gettext_lazy("De student"),
        "school_supervisor": gettext_lazy("Begeleider van de instelling"),
        "workplace_supervisor": gettext_lazy("Praktijkopleider van het leerbedrijf"),
    },
    "ho": {
        "school": gettext_lazy("De opleiding"),
        "host": gettext_lazy("De opleidingsschool"),
        "student": gettext_lazy("De student"),
        "school_supervisor": gettext_lazy("Instituutsopleider"),
        "workplace_supervisor": gettext_lazy("Werkplekbegeleider"),
    },
}

# Elements a template may leave without wording: an optional clause is left out when empty.
OPTIONAL = {"termination_optional", "allowance"}


def elements_for(kind: str) -> list[Element]:
    return [ELEMENTS[key] for key in KIND_ELEMENTS[kind]]


def resolve(placement, kind: str, on: date | None = None):
    """Fill every element of ``kind``. Returns (facts, [(element, value)], problems)."""
    facts = Facts(placement, on)
    filled, problems = [], []
    for element in elements_for(kind):
        value, missing = element.resolve(facts)
        problems += missing
        if element.key in OPTIONAL and not value:
            continue
        filled.append((element, value))
    return facts, filled, problems
