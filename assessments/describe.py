"""The plan's assessment set-up in plain Dutch, so a host knows how its judgement counts."""

from django.utils.translation import gettext as _

from assessments.models import JudgementMethod

PARTY_PHRASES = {
    "workplace": _("de praktijkbegeleider (via een link per e-mail)"),
    "student": _("de leerling zelf (zelfbeoordeling via een link)"),
    "school": _("de stagebegeleider van school (in Stagebeheer)"),
}


def describe(setup, rounds) -> list[str]:
    if setup is None:
        return [_("Voor dit stageplan is de beoordeling nog niet ingesteld.")]
    lines = [
        _("Beoordeeld wordt met de competentielijst '%(f)s' op de schaal %(s)s.")
        % {"f": setup.framework.name, "s": setup.framework.scale.name}
    ]
    for rnd in rounds:
        who = ", ".join(str(PARTY_PHRASES[p]) for p in rnd.parties())
        lines.append(
            _("%(round)s op %(share)s%% van de stageperiode, ingevuld door %(who)s.")
            % {"round": rnd.get_kind_display().capitalize(), "share": rnd.share, "who": who}
        )
    if setup.method == JudgementMethod.WEIGHTS:
        lines.append(
            _(
                "Het eindoordeel wordt berekend: het oordeel van de praktijkbegeleider telt voor %(w)s%%, dat van de stagebegeleider voor %(s)s%% en de zelfbeoordeling voor %(st)s%%. De stagebegeleider legt het vast en licht een afwijking van twee niveaus of meer toe."
            )
            % {"w": setup.weight_workplace, "s": setup.weight_school, "st": setup.weight_student}
        )
    else:
        lines.append(
            _(
                "De stagebegeleider van school beslist over het eindoordeel en schrijft op hoe het tot stand kwam; het oordeel van de praktijkbegeleider weegt daarin mee."
            )
        )
    return lines
