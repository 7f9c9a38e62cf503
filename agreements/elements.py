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

from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from agreements.facts import (
    Facts,
    _activities,
    _allowance,
    _goal,
    _host,
    _hours,
    _hours_spread,
    _inspection,
    _inspectorate_right,
    _insurance,
    _learning_goals,
    _locations,
    _optional_termination,
    _period,
    _plan,
    _plan_text,
    _replacement,
    _sbb,
    _school,
    _school_supervisor,
    _school_trainer,
    _student,
    _times,
    _workplace_supervisor,
    dmy,
    schedule_lines,
)

__all__ = [
    "ELEMENTS",
    "KIND_ELEMENTS",
    "OPTIONAL",
    "Element",
    "Facts",
    "dmy",
    "elements_for",
    "resolve",
    "schedule_lines",
]


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
        # Teacher education: the opleidingsschool's schoolopleider, left out when none is named.
        E("school_trainer", gettext_lazy("Schoolopleider"), "placement", "", _school_trainer),
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
        E(
            "inspectorate_right",
            gettext_lazy("Vragen en klachten; de Inspectie van het Onderwijs"),
            "law",
            "art. 2.36 lid 3 onder e UB WVO 2020",
            _inspectorate_right,
        ),
        E("goal", gettext_lazy("Doel van de stage"), "plan", "art. 2.35 UB WVO 2020", _goal),
        E("plan", gettext_lazy("Stageplan"), "plan", "art. 2.35 en 2.36 UB WVO 2020", _plan),
        E(
            "total_hours",
            gettext_lazy("Omvang"),
            "placement",
            "art. 2.36 lid 3 onder b UB WVO 2020",
            _hours,
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
        "plan",
        "goal",
        "school_supervisor",
        "workplace_supervisor",
        "activities",
        "locations",
        "period",
        "times",
        "total_hours",
        "guidance_split",
        "host_assessment",
        "inspection",
        "inspectorate_right",
        "insurance",
        "allowance",
        "termination_optional",
    ],
    # art. 2.65 UB WVO 2020, plus the stageovereenkomst's parts that still apply in vo
    "lwt": [
        *PARTIES,
        "plan",
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
        "inspectorate_right",
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
        "goal",
        "school_supervisor",
        "workplace_supervisor",
        "school_trainer",
        "activities",
        "locations",
        "period",
        "times",
        "total_hours",
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
OPTIONAL = {"termination_optional", "allowance", "school_trainer"}


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
