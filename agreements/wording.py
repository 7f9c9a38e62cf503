"""Default wording of each kind's agreement. A coordinator may change the wording
(a new template version); the elements themselves come from agreements.elements."""

from django.utils.translation import gettext_lazy as _

TITLES = {
    "vo": _("Stageovereenkomst"),
    "lwt": _("Leer-werkovereenkomst"),
    "mbo": _("Praktijkovereenkomst"),
    "ho": _("Opleidingsovereenkomst werkplekleren"),
}

# What the mails call the period at the host: an mbo student does a bpv, not a stage.
STAGE_WORDS = {"vo": _("stage"), "lwt": _("stage"), "mbo": _("bpv"), "ho": _("stage")}


def stage_word(kind: str) -> str:
    return str(STAGE_WORDS.get(kind, STAGE_WORDS["vo"]))


LEGAL_BASIS = {
    "vo": _("artikel 2.36 Uitvoeringsbesluit WVO 2020"),
    "lwt": _("artikel 2.65 Uitvoeringsbesluit WVO 2020"),
    "mbo": _("artikel 7.2.8 Wet educatie en beroepsonderwijs"),
    "ho": _("de samenwerking in het opleiden van leraren (Samen Opleiden)"),
}

INTROS = {
    "vo": _(
        "De ondergetekenden spreken af dat de leerling stage loopt bij het stagebedrijf onder de "
        "voorwaarden in deze overeenkomst. De stage is een onderdeel van het onderwijsprogramma "
        "en valt onder de verantwoordelijkheid van de school."
    ),
    "lwt": _(
        "De ondergetekenden spreken af dat de leerling het praktijkdeel van het leerwerktraject "
        "volgt bij het leerbedrijf onder de voorwaarden in deze overeenkomst."
    ),
    "mbo": _(
        "De ondergetekenden spreken af dat de student de beroepspraktijkvorming (bpv) volgt bij "
        "het leerbedrijf onder de voorwaarden in deze overeenkomst, als onderdeel van de "
        "onderwijsovereenkomst tussen student en instelling."
    ),
    "ho": _(
        "De ondergetekenden spreken af dat de student leraar in opleiding werkplekleren volgt op "
        "de opleidingsschool onder de voorwaarden in deze overeenkomst."
    ),
}

# Wording printed above an element's value; empty means the value stands alone.
ELEMENT_WORDING = {
    "school": "",
    "host": "",
    "student": "",
    "school_supervisor": _("De school wijst als stagebegeleider (stageleraar) aan:"),
    "workplace_supervisor": _("Het stagebedrijf wijst uit zijn personeel als praktijkbegeleider aan:"),
    "activities": _("De leerling verricht de volgende leeractiviteiten:"),
    "locations": _("De leeractiviteiten vinden plaats op:"),
    "period": _("De stage loopt"),
    "times": _("De leerling is aanwezig op:"),
    "guidance_split": _("School en stagebedrijf verdelen de begeleiding als volgt:"),
    "host_assessment": _("Het stagebedrijf neemt als volgt deel aan de beoordeling:"),
    "inspection": "",
    "inspectorate_right": "",
    "goal": _("De stage heeft dit doel:"),
    "plan": _("De stage volgt het stageplan van de school:"),
    "total_hours": _("De stage omvat:"),
    "insurance": _(
        "De leerling is tijdens de stage verzekerd tegen ongevallen en wettelijke aansprakelijkheid:"
    ),
    "termination_optional": _("De overeenkomst kan voortijdig eindigen:"),
    "allowance": _("Het stagebedrijf betaalt de leerling:"),
    "learning_goals": _("Inhoud en leerdoelen van het praktijkdeel:"),
    "hours": _("Duur van het praktijkdeel:"),
    "assessment_criteria": _("Het praktijkdeel wordt beoordeeld op:"),
    "early_end": _("De overeenkomst kan voortijdig eindigen:"),
    "replacement": "",
    "sbb": _("Het leerbedrijf is:"),
    "hours_spread": _("Omvang en verdeling van de praktijkuren:"),
    "qualification_part": _("De beroepspraktijkvorming dekt en wordt beoordeeld als volgt:"),
}

# Mbo and teacher education speak of a student, an institution and a leerbedrijf or school.
ELEMENT_WORDING_BY_KIND = {
    "mbo": {
        "school_supervisor": _("De instelling wijst als begeleider (bpv-docent) aan:"),
        "workplace_supervisor": _("Het leerbedrijf wijst als praktijkopleider aan:"),
        "activities": _("De student verricht de volgende werkzaamheden:"),
        "times": _("De student is aanwezig op:"),
        "period": _("De beroepspraktijkvorming loopt"),
        "guidance_split": _("Instelling en leerbedrijf verdelen de begeleiding als volgt:"),
        "host_assessment": _("Het leerbedrijf neemt als volgt deel aan de beoordeling:"),
        "allowance": _("Het leerbedrijf betaalt de student:"),
        "insurance": _(
            "De student is tijdens de beroepspraktijkvorming verzekerd tegen ongevallen en wettelijke aansprakelijkheid:"
        ),
    },
    "ho": {
        "school_supervisor": _("De opleiding wijst als instituutsopleider aan:"),
        "workplace_supervisor": _("De opleidingsschool wijst als werkplekbegeleider aan:"),
        "school_trainer": _(
            "De schoolopleider van de opleidingsschool coördineert de begeleiding op de school:"
        ),
        "activities": _("De student verricht de volgende werkzaamheden:"),
        "times": _("De student is aanwezig op:"),
        "period": _("Het werkplekleren loopt"),
        "guidance_split": _("Opleiding en opleidingsschool verdelen de begeleiding als volgt:"),
        "host_assessment": _("De opleidingsschool neemt als volgt deel aan de beoordeling:"),
        "allowance": _("De opleidingsschool betaalt de student:"),
        "insurance": _(
            "De student is tijdens het werkplekleren verzekerd tegen ongevallen en wettelijke aansprakelijkheid:"
        ),
    },
}

CLOSINGS = {
    "vo": _(
        "Deze overeenkomst is in drievoud opgemaakt en door alle partijen ondertekend. De stage "
        "begint pas als alle partijen hebben getekend. Een wijziging van de afspraken wordt "
        "vastgelegd in een nieuwe versie die opnieuw wordt ondertekend."
    ),
    "lwt": _(
        "Het praktijkdeel begint pas als alle partijen hebben getekend. Een wijziging van de "
        "afspraken wordt vastgelegd in een nieuwe versie die opnieuw wordt ondertekend."
    ),
    "mbo": _(
        "Deze praktijkovereenkomst maakt deel uit van de onderwijsovereenkomst. De bpv begint pas "
        "als alle partijen hebben getekend; een wijziging wordt vastgelegd in een nieuwe versie."
    ),
    "ho": _(
        "Het werkplekleren begint pas als alle partijen hebben getekend. Een wijziging van de "
        "afspraken wordt vastgelegd in een nieuwe versie die opnieuw wordt ondertekend."
    ),
}


def element_wording(kind: str, key: str) -> str:
    """The default wording of one element (for a template saved before the element existed)."""
    return str(ELEMENT_WORDING_BY_KIND.get(kind, {}).get(key, ELEMENT_WORDING.get(key, "")))


def default_wording(kind: str) -> dict:
    from agreements.elements import KIND_ELEMENTS

    return {
        "title": str(TITLES[kind]),
        "intro": str(INTROS[kind]),
        "closing": str(CLOSINGS[kind]),
        "elements": {key: element_wording(kind, key) for key in KIND_ELEMENTS[kind]},
    }
