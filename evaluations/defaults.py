"""The default evaluation per audience: short enough to answer on a phone in two minutes."""

from django.utils.translation import gettext_lazy as _

from evaluations.models import Audience, QuestionKind, Topic

SCALE, OPEN = QuestionKind.SCALE, QuestionKind.OPEN

DEFAULT_QUESTIONS = {
    Audience.STUDENT: [
        (Topic.FINDING, SCALE, _("Het vinden van een stageplek ging goed.")),
        (Topic.PREPARATION, SCALE, _("Ik was goed voorbereid op de stage.")),
        (Topic.WORK, SCALE, _("Ik heb veel geleerd van het werk.")),
        (Topic.HOST_GUIDANCE, SCALE, _("Mijn praktijkbegeleider hielp mij goed.")),
        (Topic.SCHOOL_GUIDANCE, SCALE, _("De begeleiding vanuit school was goed.")),
        (Topic.ASSIGNMENTS, SCALE, _("De opdrachten pasten bij de stage.")),
        (Topic.ASSESSMENT, SCALE, _("De beoordeling was eerlijk.")),
        (Topic.SAFETY, SCALE, _("Ik voelde me veilig op mijn stageplek.")),
        (Topic.GENERAL, OPEN, _("Wat kan er beter?")),
    ],
    Audience.WORKPLACE_SUPERVISOR: [
        (Topic.PREPARATION, SCALE, _("De leerling was goed voorbereid.")),
        (Topic.SCHOOL_GUIDANCE, SCALE, _("Het contact met school was goed.")),
        (Topic.ASSIGNMENTS, SCALE, _("De opdrachten van school waren duidelijk.")),
        (Topic.ASSESSMENT, SCALE, _("Het beoordelingsformulier was goed te gebruiken.")),
        (Topic.HOST, SCALE, _("Wij willen graag weer een stagiair ontvangen.")),
        (Topic.GENERAL, OPEN, _("Wat kan school beter doen?")),
    ],
    Audience.SCHOOL_SUPERVISOR: [
        (Topic.PREPARATION, SCALE, _("De leerling was goed voorbereid.")),
        (Topic.WORK, SCALE, _("Het werk bood genoeg leerkansen.")),
        (Topic.HOST_GUIDANCE, SCALE, _("Het bedrijf begeleidde de leerling goed.")),
        (Topic.ASSIGNMENTS, SCALE, _("De opdrachten werkten in de praktijk.")),
        (Topic.SAFETY, SCALE, _("De werkplek was veilig.")),
        (Topic.GENERAL, OPEN, _("Opmerkingen voor het stageplan.")),
    ],
    Audience.COORDINATOR: [
        (Topic.FINDING, SCALE, _("Het plaatsen van deze leerling verliep goed.")),
        (Topic.HOST, SCALE, _("De afspraken met het bedrijf werden nagekomen.")),
        (Topic.GENERAL, OPEN, _("Opmerkingen voor het stageplan.")),
    ],
}
