"""The standard scales and frameworks every school starts from.

Installed by a data migration (so a fresh database has them) and again by the
demo; ``install`` matches on name, so running it twice adds nothing. Indicator
texts say what a level looks like on the work floor, for the workplace
supervisor and in the student's own words."""

THREE = "onvoldoende / voldoende / goed"
TEN = "cijfer 1–10"
GROWTH = "beginnend / gevorderd / bekwaam"

SCALES = {
    THREE: [("onvoldoende", None, False), ("voldoende", None, True), ("goed", None, True)],
    TEN: [(str(n), n, n >= 6) for n in range(1, 11)],
    GROWTH: [("beginnend", None, False), ("gevorderd", None, True), ("bekwaam", None, True)],
}

# name: (description, [(workplace indicator, student indicator) per level, low to high])
VMBO = [
    (
        "Inzet tonen",
        "Werkt mee en zet door, ook bij minder leuk werk.",
        [
            ("Wacht af en moet steeds aangespoord worden.", "Ik wacht tot iemand zegt wat ik moet doen."),
            (
                "Doet het werk dat gevraagd wordt en maakt het af.",
                "Ik doe wat gevraagd wordt en maak het af.",
            ),
            ("Pakt uit zichzelf werk op en zet door.", "Ik zoek zelf werk en ga door tot het klaar is."),
        ],
    ),
    (
        "Afspraken nakomen",
        "Houdt zich aan afspraken en regels van het bedrijf.",
        [
            ("Vergeet afspraken of houdt zich er niet aan.", "Ik vergeet afspraken vaak."),
            ("Komt de meeste afspraken na.", "Ik kom de meeste afspraken na."),
            (
                "Komt afspraken steeds na en meldt het als iets niet lukt.",
                "Ik kom afspraken na en zeg het als iets niet lukt.",
            ),
        ],
    ),
    (
        "Op tijd komen",
        "Is op tijd aanwezig en meldt zich op tijd af.",
        [
            ("Komt vaker te laat of meldt zich niet af.", "Ik kom vaak te laat of meld me niet af."),
            ("Is bijna altijd op tijd en meldt zich af bij ziekte.", "Ik ben bijna altijd op tijd."),
            ("Is altijd op tijd en klaar om te beginnen.", "Ik ben altijd op tijd en klaar om te beginnen."),
        ],
    ),
    (
        "Vragen stellen",
        "Vraagt om uitleg als iets niet duidelijk is.",
        [
            (
                "Stelt geen vragen, ook als iets niet duidelijk is.",
                "Ik vraag niets, ook als ik het niet snap.",
            ),
            ("Stelt vragen als het nodig is.", "Ik vraag het als ik iets niet snap."),
            (
                "Stelt goede vragen en vraagt ook naar het waarom.",
                "Ik stel goede vragen, ook over het waarom.",
            ),
        ],
    ),
    (
        "Omgaan met feedback",
        "Luistert naar aanwijzingen en doet er iets mee.",
        [
            ("Wordt boos of doet niets met aanwijzingen.", "Ik vind tips lastig en doe er weinig mee."),
            ("Luistert naar aanwijzingen en past ze toe.", "Ik luister naar tips en probeer ze."),
            (
                "Vraagt zelf om feedback en laat zien wat hij of zij ermee deed.",
                "Ik vraag zelf om tips en laat zien wat ik ermee doe.",
            ),
        ],
    ),
    (
        "Werktempo",
        "Werkt in een tempo dat bij het werk past.",
        [
            ("Werkt te langzaam of te slordig snel.", "Ik werk te langzaam of te snel en slordig."),
            ("Werkt in een redelijk tempo.", "Ik werk in een goed tempo."),
            ("Werkt vlot en netjes, ook als het druk is.", "Ik werk snel en netjes, ook als het druk is."),
        ],
    ),
    (
        "Zelfstandigheid",
        "Kan na uitleg zelf aan het werk.",
        [
            ("Heeft bij elke stap hulp nodig.", "Ik heb bij elke stap hulp nodig."),
            ("Kan na uitleg zelf verder met bekende taken.", "Na uitleg kan ik zelf verder."),
            (
                "Werkt zelfstandig en lost kleine problemen zelf op.",
                "Ik werk zelf en los kleine problemen op.",
            ),
        ],
    ),
    (
        "Samenwerken",
        "Werkt prettig samen met collega's.",
        [
            ("Werkt liever alleen of houdt zich niet aan taakverdeling.", "Ik werk liever alleen."),
            (
                "Werkt mee met collega's en helpt als het gevraagd wordt.",
                "Ik help collega's als ze het vragen.",
            ),
            ("Helpt uit zichzelf en stemt af met collega's.", "Ik help uit mezelf en overleg met collega's."),
        ],
    ),
    (
        "Klantvriendelijkheid",
        "Is vriendelijk en behulpzaam naar klanten of cliënten.",
        [
            ("Negeert klanten of is onvriendelijk.", "Ik vind klanten lastig en ontloop ze."),
            (
                "Is beleefd en helpt klanten of verwijst door.",
                "Ik ben beleefd en help klanten of haal iemand.",
            ),
            (
                "Spreekt klanten uit zichzelf aan en helpt ze goed.",
                "Ik spreek klanten zelf aan en help ze goed.",
            ),
        ],
    ),
    (
        "Veilig en hygiënisch werken",
        "Houdt zich aan de regels voor veiligheid en hygiëne.",
        [
            (
                "Houdt zich niet aan veiligheids- of hygiëneregels.",
                "Ik vergeet de regels voor veilig en schoon werken.",
            ),
            (
                "Houdt zich aan de regels als eraan herinnerd wordt.",
                "Ik houd me aan de regels als iemand me eraan herinnert.",
            ),
            ("Werkt altijd veilig en schoon en spreekt anderen aan.", "Ik werk altijd veilig en schoon."),
        ],
    ),
    (
        "Verzorging",
        "Ziet er verzorgd uit en draagt de juiste kleding.",
        [
            ("Komt niet verzorgd of zonder de juiste kleding.", "Ik let niet op mijn kleding en verzorging."),
            ("Ziet er meestal verzorgd uit in passende kleding.", "Ik zie er meestal verzorgd uit."),
            ("Is steeds verzorgd en passend gekleed.", "Ik ben altijd verzorgd en goed gekleed."),
        ],
    ),
]

MBO = [
    ("B1-K1-W1 Stelt de zorgbehoefte vast", "Verzamelt gegevens en bespreekt de zorgvraag met de cliënt."),
    ("B1-K1-W2 Plant de ondersteuning", "Stelt samen met de cliënt en het team een plan op."),
    ("B1-K1-W3 Voert zorgtaken uit", "Voert verpleeg- en verzorgingstaken uit volgens protocol."),
    (
        "B1-K1-W4 Ondersteunt bij dagelijkse activiteiten",
        "Helpt de cliënt zo zelfstandig mogelijk te blijven.",
    ),
    ("B1-K1-W5 Signaleert veranderingen", "Merkt veranderingen op en rapporteert ze tijdig."),
    (
        "B1-K2-W1 Werkt samen met collega's en naasten",
        "Stemt af met het team, mantelzorgers en andere disciplines.",
    ),
    ("B1-K2-W2 Rapporteert en draagt over", "Legt vast in het dossier en draagt mondeling over."),
    ("B1-K2-W3 Werkt aan de eigen deskundigheid", "Reflecteert op het eigen handelen en vraagt om feedback."),
]
MBO_LEVELS = [
    (
        "Voert het werkproces uit met veel sturing van de praktijkopleider.",
        "Ik doe dit werk nog met veel hulp van mijn praktijkopleider.",
    ),
    ("Voert het werkproces in bekende situaties zelfstandig uit.", "In bekende situaties doe ik dit zelf."),
    (
        "Voert het werkproces zelfstandig uit, ook in nieuwe situaties, en kan het verantwoorden.",
        "Ik doe dit zelf, ook in nieuwe situaties, en kan uitleggen waarom.",
    ),
]

TEACHER = [
    ("Pedagogisch bekwaam", "Zorgt voor een veilig, ordelijk en stimulerend leerklimaat."),
    ("Vakinhoudelijk bekwaam", "Beheerst de inhoud van het vak en maakt de samenhang zichtbaar."),
    ("Vakdidactisch bekwaam", "Ontwerpt en geeft lessen die leerlingen laten leren."),
    ("Professionele houding", "Handelt integer, neemt verantwoordelijkheid en reflecteert."),
    ("Samenwerken in de school", "Werkt samen met collega's, ouders en de werkplekbegeleider."),
    ("Ontwikkelen als leraar", "Stelt leerdoelen, vraagt om feedback en onderbouwt keuzes."),
]
TEACHER_LEVELS = [
    (
        "Laat dit met begeleiding zien in voorbereide lessen.",
        "Ik laat dit zien met hulp van mijn werkplekbegeleider.",
    ),
    ("Laat dit zelfstandig zien in de eigen lessen.", "Ik laat dit zelf zien in mijn lessen."),
    (
        "Laat dit zelfstandig en onderbouwd zien, ook in lastige situaties.",
        "Ik laat dit zelf zien, ook als het lastig is, en kan uitleggen waarom.",
    ),
]

FRAMEWORKS = [
    (
        "Werknemersvaardigheden vmbo/pro",
        "Arbeidscompetenties voor de beroepsoriënterende stage en de pro-stage.",
        THREE,
        VMBO,
    ),
    (
        "Werkprocessen mbo (zorg en welzijn)",
        "Beoordeling per werkproces van het kwalificatiedossier, in de stijl van de SBB-dossiers.",
        GROWTH,
        [(name, desc, MBO_LEVELS) for name, desc in MBO],
    ),
    (
        "Bekwaamheden lerarenopleiding",
        "De bekwaamheidseisen (pedagogisch, vakinhoudelijk, vakdidactisch) plus professionele houding.",
        GROWTH,
        [(name, desc, TEACHER_LEVELS) for name, desc in TEACHER],
    ),
]


def install(get_model):
    """Create what is missing. ``get_model(name)`` gives the model class, so a
    migration can pass its historical models (``apps.get_model``)."""
    scale_model, level_model = get_model("Scale"), get_model("ScaleLevel")
    framework_model, competency_model = get_model("CompetencyFramework"), get_model("Competency")
    indicator_model = get_model("LevelIndicator")
    scales = {}
    for name, levels in SCALES.items():
        scale, created = scale_model.objects.get_or_create(department=None, name=name)
        if created:
            level_model.objects.bulk_create(
                level_model(scale=scale, order=i, label=label, number=number, passing=passing)
                for i, (label, number, passing) in enumerate(levels)
            )
        scales[name] = scale
    for name, description, scale_name, competencies in FRAMEWORKS:
        if framework_model.objects.filter(department=None, name=name).exists():
            continue
        scale = scales[scale_name]
        levels = list(level_model.objects.filter(scale=scale).order_by("order"))
        framework = framework_model.objects.create(
            department=None, name=name, description=description, scale=scale
        )
        for i, (cname, cdesc, indicators) in enumerate(competencies):
            competency = competency_model.objects.create(
                framework=framework, order=i, name=cname, description=cdesc
            )
            indicator_model.objects.bulk_create(
                indicator_model(competency=competency, level=level, text=text, student_text=student)
                for level, (text, student) in zip(levels, indicators, strict=True)
            )
