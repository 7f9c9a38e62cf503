"""The guide for workplace supervisors: the plan's own text, or sound defaults."""

from django.utils.translation import gettext_lazy as _

DEFAULTS = {
    "expectations": _(
        "De leerling leert op uw werkplek het echte werk kennen. Wij vragen u de leerling dagelijks "
        "te begeleiden, het werk uit te leggen, de uren af te tekenen en mee te denken over de "
        "beoordeling. De stagebegeleider van school neemt contact met u op en komt langs."
    ),
    "strategies": _(
        "Voordoen: laat zien hoe u het werk doet en vertel hardop waarom.\n"
        "Erbij betrekken: laat de leerling meedoen en meedenken, stel vragen, geef feedback.\n"
        "Werk toevertrouwen: geef de leerling een taak die hij of zij zelfstandig afmaakt, en bespreek het resultaat."
    ),
    "allowed": _("Meewerken aan gewone taken onder begeleiding, binnen de afgesproken tijden."),
    "not_allowed": _(
        "Werken zonder begeleiding met gevaarlijke machines of stoffen; werken buiten de afgesproken "
        "of wettelijke tijden; werk doen in plaats van een betaalde kracht zonder dat er iets te leren valt."
    ),
    "contact": _("Bel bij vragen of zorgen de stagebegeleider of de stagecoördinator van de school."),
}

SECTIONS = [
    ("expectations", _("Wat de school verwacht")),
    ("strategies", _("Drie manieren van begeleiden")),
    ("allowed", _("Wat de leerling mag doen")),
    ("not_allowed", _("Wat de leerling niet mag doen")),
    ("contact", _("Wie u kunt bellen")),
]


def sections_for(guide):
    """[(title, text)] with the plan's text where filled in, the default elsewhere."""
    return [
        (title, (getattr(guide, key, "") if guide else "").strip() or str(DEFAULTS[key]))
        for key, title in SECTIONS
    ]
