"""Demo data: plans, hosts, students and placements in every state.

Idempotent: everything is looked up by a natural key (plan title per year,
host name, student number, placement student+plan+start). States are written
directly here because the demo shows a school mid-year; real changes go
through placements.services. Today in the demo is around 24-11-2026.
"""

import zlib
from datetime import date, timedelta

from placements.models import (
    Guardian,
    Host,
    HostKind,
    HostStatus,
    Placement,
    PlacementPlan,
    PlacementWorkplaceSupervisor,
    PlanKind,
    Student,
    WorkplaceSupervisor,
)
from placements.services import planned_hours

YEAR = "2026-2027"


def day(start, end, weekdays, brk=30):
    return [{"weekday": d, "start": start, "end": end, "break_minutes": brk} for d in weekdays]


PLANS = {
    "vmbo": dict(
        department="vmbo",
        kind=PlanKind.VMBO_ORIENTATION,
        title="Snuffelstage leerjaar 3",
        year_group=3,
        goal="Leerlingen oriënteren zich op een beroep binnen hun profiel (LOB).",
        content="Meewerken op de werkvloer, opdrachten uit het stageboek, een verslag.",
        scope="Twee weken blokstage van vijf dagen, ongeveer 60 uur.",
        structure="Leerjaar 3 snuffelstage, leerjaar 4 verdiepende stage.",
        organisation="De coördinator plaatst; de stagebegeleider bezoekt eenmaal; de mentor volgt.",
        min_hours=50,
        max_hours=80,
        supervisor_norm=12,
        default_schedule=day("09:00", "15:30", range(5)),
    ),
    "lwt": dict(
        department="vmbo",
        kind=PlanKind.LWT,
        title="Leerwerktraject basisberoepsgericht",
        year_group=4,
        goal="Een startkwalificatie via een leerwerktraject bij een erkend leerbedrijf.",
        content="Werken bij het leerbedrijf volgens de leer-werkovereenkomst.",
        scope="640 tot 1280 uur over het schooljaar.",
        structure="Drie dagen werken, twee dagen school.",
        organisation="Samenwerking met ROC Rijnstad; de praktijkopleider begeleidt dagelijks.",
        min_hours=640,
        max_hours=1280,
        requires_sbb=True,
        schedule_type="ribbon",
        in_pta=True,
        default_schedule=day("08:00", "16:30", [0, 1, 2]),
    ),
    "pro": dict(
        department="pro",
        kind=PlanKind.PRO_EXTERNAL,
        title="Externe stage praktijkonderwijs",
        goal="Werknemersvaardigheden leren in een echte werkomgeving.",
        content="Eenvoudig werk onder begeleiding; leerdoelen uit het IOP.",
        scope="Eén dag per week, het hele schooljaar.",
        structure="Groepsstage in jaar 3, individuele stage in jaar 4 en 5.",
        organisation="De stagebegeleider bezoekt elke zes weken.",
        schedule_type="ribbon",
        default_schedule=day("09:00", "15:00", [3]),
    ),
    "mbo": dict(
        department="mbo",
        kind=PlanKind.MBO_BPV,
        title="BPV Verzorgende IG niveau 3",
        goal="Beroepspraktijkvorming voor de kwalificatie Verzorgende IG.",
        content="Werkprocessen van het kwalificatiedossier in de zorgpraktijk.",
        scope="Minstens 900 uur bpv over de opleiding.",
        structure="Leerjaar 1 oriënterend, leerjaar 2 en 3 lange bpv.",
        organisation="Drie contactmomenten per bpv: begin, midden, eind (Stagepact mbo).",
        min_hours=300,
        requires_sbb=True,
        schedule_type="ribbon",
        default_schedule=day("07:30", "16:00", [0, 1, 2, 3]),
    ),
    "teacher_education": dict(
        department="teacher_education",
        kind=PlanKind.TEACHER_EDUCATION,
        title="Leren op de werkplek jaar 2",
        goal="Studenten leren lesgeven onder begeleiding van een werkplekbegeleider.",
        content="Lessen voorbereiden, geven en nabespreken; driehoeksgesprekken.",
        scope="Twee dagen per week gedurende een semester.",
        structure="Jaar 1 kijkstage, jaar 2 zelfstandig lesgeven, jaar 4 LIO.",
        organisation="Opleidingsschool Rijnstad; schoolopleider koppelt, instituutsopleider bezoekt.",
        guidance_hours_per_student=40,
        supervisor_norm=6,
        schedule_type="ribbon",
        default_schedule=day("08:15", "16:00", [1, 3]),
    ),
}

HOSTS = [
    # name, city, postcode, sector, capacity, sbb (valid until or None), status, kinds, supervisor
    (
        "Bakkerij De Korenschoof",
        "Utrecht",
        "3511 AB",
        "Voeding",
        2,
        date(2028, 6, 1),
        "active",
        [],
        ("Henk Brouwer", "henk@korenschoof.example"),
    ),
    (
        "Garage Van Leeuwen",
        "Nieuwegein",
        "3431 CD",
        "Techniek, auto",
        2,
        date(2027, 12, 31),
        "active",
        [],
        ("Ria van Leeuwen", "ria@garagevanleeuwen.example"),
    ),
    (
        "Zorgcentrum De Linde",
        "Utrecht",
        "3523 EF",
        "Zorg en welzijn",
        4,
        date(2029, 3, 1),
        "active",
        [],
        ("Marieke Smit", "m.smit@delinde.example"),
    ),
    (
        "Supermarkt Dekker",
        "Houten",
        "3992 GH",
        "Retail, handel",
        3,
        None,
        "active",
        [],
        ("Sandra Dekker", "sandra@dekkersuper.example"),
    ),
    (
        "Basisschool De Regenboog",
        "Utrecht",
        "3582 JK",
        "Onderwijs",
        3,
        None,
        "active",
        [],
        ("Anouk Kramer", "a.kramer@regenboog.example"),
    ),
    (
        "Hovenier Groen & Zo",
        "Zeist",
        "3701 LM",
        "Groen",
        2,
        date(2025, 5, 1),
        "on_watch",
        [],
        ("Bart Groen", "bart@groenenzo.example"),
    ),
    (
        "Flitsbezorgd",
        "Utrecht",
        "3514 NP",
        "Bezorging",
        5,
        None,
        "unsuitable",
        [HostKind.DELIVERY],
        ("Tim Snel", "tim@flitsbezorgd.example"),
    ),
]

STUDENTS = [
    # key, number, first, prefix, last, born, department, year, class, programme, postcode, plan key
    (
        "vmbo1",
        "240101",
        "Daan",
        "",
        "Visser",
        date(2011, 4, 2),
        "vmbo",
        3,
        "3B",
        "Horeca, bakkerij",
        "3512 AA",
    ),
    (
        "vmbo2",
        "240102",
        "Sara",
        "el",
        "Idrissi",
        date(2011, 9, 15),
        "vmbo",
        3,
        "3B",
        "Zorg en welzijn",
        "3523 BB",
    ),
    (
        "vmbo3",
        "240103",
        "Milan",
        "de",
        "Groot",
        date(2011, 1, 20),
        "vmbo",
        3,
        "3A",
        "Mobiliteit en transport",
        "3431 CC",
    ),
    (
        "vmbo4",
        "240104",
        "Emma",
        "",
        "Jansen",
        date(2011, 6, 8),
        "vmbo",
        3,
        "3A",
        "Economie en ondernemen",
        "3992 DD",
    ),
    ("vmbo5", "240105", "Noah", "van", "Dam", date(2011, 11, 30), "vmbo", 3, "3B", "Groen", "3701 EE"),
    (
        "vmbo6",
        "240106",
        "Lotte",
        "",
        "Bosman",
        date(2011, 2, 14),
        "vmbo",
        3,
        "3A",
        "Horeca, bakkerij",
        "3511 FF",
    ),
    (
        "lwt1",
        "230201",
        "Kevin",
        "",
        "Hendriks",
        date(2009, 5, 5),
        "vmbo",
        4,
        "4L",
        "Mobiliteit en transport",
        "3432 GG",
    ),
    (
        "lwt2",
        "230202",
        "Yara",
        "",
        "Bakker",
        date(2009, 8, 21),
        "vmbo",
        4,
        "4L",
        "Horeca, bakkerij",
        "3511 HH",
    ),
    ("pro1", "250301", "Jesse", "", "Mulder", date(2010, 3, 3), "pro", 4, "P4", "Retail", "3992 JJ"),
    ("pro2", "250302", "Fleur", "", "de Wit", date(2009, 12, 12), "pro", 5, "P5", "Zorg", "3523 KK"),
    ("pro3", "250303", "Kim", "", "Verbeek", date(2010, 7, 21), "pro", 4, "P4", "Groen", "3701 AF"),
    ("pro4", "250304", "Dylan", "", "Smits", date(2009, 4, 30), "pro", 5, "P5", "Techniek", "3431 AG"),
    (
        "mbo4",
        "500404",
        "Sanne",
        "",
        "Claassen",
        date(2005, 1, 11),
        "mbo",
        3,
        "VIG3A",
        "Verzorgende IG",
        "3526 AH",
    ),
    (
        "mbo5",
        "500405",
        "Rachid",
        "",
        "Bouzid",
        date(2006, 8, 19),
        "mbo",
        2,
        "VIG2B",
        "Verzorgende IG",
        "3527 AJ",
    ),
    (
        "pabo3",
        "600503",
        "Eva",
        "",
        "Hoekstra",
        date(2004, 11, 2),
        "teacher_education",
        2,
        "PABO2",
        "Pabo (leraar basisonderwijs)",
        "3581 AK",
    ),
    (
        "pabo4",
        "600504",
        "Bram",
        "",
        "Kok",
        date(2003, 2, 8),
        "teacher_education",
        3,
        "PABO3",
        "Pabo (leraar basisonderwijs)",
        "3584 AL",
    ),
    ("mbo1", "500401", "Aylin", "", "Kaya", date(2006, 7, 7), "mbo", 2, "VIG2A", "Verzorgende IG", "3524 LL"),
    (
        "mbo2",
        "500402",
        "Thomas",
        "",
        "Vermeulen",
        date(2005, 10, 1),
        "mbo",
        2,
        "VIG2A",
        "Verzorgende IG",
        "3523 MM",
    ),
    (
        "mbo3",
        "500403",
        "Priya",
        "",
        "Ramdin",
        date(2006, 2, 28),
        "mbo",
        2,
        "VIG2B",
        "Verzorgende IG",
        "3525 NN",
    ),
    (
        "pabo1",
        "600501",
        "Lisa",
        "van der",
        "Berg",
        date(2004, 5, 19),
        "teacher_education",
        2,
        "PABO2",
        "Pabo (leraar basisonderwijs)",
        "3582 PP",
    ),
    (
        "pabo2",
        "600502",
        "Mehmet",
        "",
        "Demir",
        date(2003, 9, 9),
        "teacher_education",
        2,
        "PABO2",
        "Pabo (leraar basisonderwijs)",
        "3583 RR",
    ),
]

TODAY = date(2026, 11, 24)

# student, plan, host, school supervisor key, start, end, state, extras
PLACEMENTS = [
    (
        "vmbo1",
        "vmbo",
        "Bakkerij De Korenschoof",
        "supervisor",
        date(2027, 2, 1),
        date(2027, 2, 12),
        "draft",
        {},
    ),
    (
        "vmbo2",
        "vmbo",
        "Zorgcentrum De Linde",
        "supervisor",
        date(2027, 2, 1),
        date(2027, 2, 12),
        "agreement_pending",
        {},
    ),
    (
        "vmbo3",
        "vmbo",
        "Garage Van Leeuwen",
        "supervisor2",
        date(2026, 11, 16),
        date(2026, 11, 27),
        "active",
        {},
    ),
    (
        "vmbo4",
        "vmbo",
        "Supermarkt Dekker",
        "supervisor2",
        date(2026, 10, 5),
        date(2026, 10, 16),
        "completed",
        {},
    ),
    ("vmbo6", "vmbo", "Bakkerij De Korenschoof", None, date(2027, 2, 1), date(2027, 2, 12), "draft", {}),
    ("lwt1", "lwt", "Garage Van Leeuwen", "supervisor", date(2026, 9, 1), date(2027, 6, 30), "active", {}),
    (
        "lwt2",
        "lwt",
        "Hovenier Groen & Zo",
        "supervisor",
        date(2026, 9, 1),
        date(2027, 6, 30),
        "terminated",
        {
            "terminated_on": date(2026, 10, 30),
            "termination_reason": "De SBB-erkenning verliep en er was te weinig begeleiding.",
        },
    ),
    ("pro1", "pro", "Supermarkt Dekker", "supervisor", date(2026, 9, 3), date(2027, 6, 24), "active", {}),
    (
        "pro2",
        "pro",
        "Zorgcentrum De Linde",
        "supervisor",
        date(2026, 9, 3),
        date(2027, 6, 24),
        "agreement_pending",
        {},
    ),
    (
        "mbo1",
        "mbo",
        "Zorgcentrum De Linde",
        "supervisor_mbo",
        date(2026, 9, 7),
        date(2027, 1, 29),
        "active",
        {},
    ),
    (
        "mbo2",
        "mbo",
        "Zorgcentrum De Linde",
        "supervisor_mbo",
        date(2027, 2, 8),
        date(2027, 6, 25),
        "draft",
        {},
    ),
    (
        "mbo3",
        "mbo",
        "Zorgcentrum De Linde",
        "supervisor_mbo",
        date(2026, 9, 7),
        date(2027, 1, 29),
        "agreement_pending",
        {},
    ),
    (
        "pabo1",
        "teacher_education",
        "Basisschool De Regenboog",
        "supervisor_teacher",
        date(2026, 9, 1),
        date(2027, 1, 31),
        "active",
        {},
    ),
    (
        "pabo2",
        "teacher_education",
        "Basisschool De Regenboog",
        "supervisor_teacher",
        date(2026, 9, 1),
        date(2027, 1, 31),
        "active",
        {},
    ),
    ("pro3", "pro", "Hovenier Groen & Zo", "supervisor", date(2027, 1, 7), date(2027, 6, 24), "draft", {}),
    (
        "pro4",
        "pro",
        "Garage Van Leeuwen",
        "supervisor",
        date(2026, 9, 3),
        date(2026, 11, 12),
        "completed",
        {},
    ),
    (
        "mbo4",
        "mbo",
        "Zorgcentrum De Linde",
        "supervisor_mbo",
        date(2026, 8, 31),
        date(2026, 11, 13),
        "completed",
        {},
    ),
    (
        "mbo5",
        "mbo",
        "Zorgcentrum De Linde",
        "supervisor_mbo",
        date(2026, 9, 7),
        date(2027, 1, 29),
        "terminated",
        {
            "terminated_on": date(2026, 11, 6),
            "termination_reason": "Stagediscriminatie gemeld; de student is elders geplaatst.",
        },
    ),
    (
        "pabo3",
        "teacher_education",
        "Basisschool De Regenboog",
        "supervisor_teacher",
        date(2027, 2, 1),
        date(2027, 6, 30),
        "agreement_pending",
        {},
    ),
    (
        "pabo4",
        "teacher_education",
        "Basisschool De Regenboog",
        None,
        date(2027, 2, 1),
        date(2027, 6, 30),
        "draft",
        {},
    ),
]


def seed(core):
    plans = {}
    for key, values in PLANS.items():
        values = dict(values)
        department = core.departments[values.pop("department")]
        plans[key], _ = PlacementPlan.objects.update_or_create(
            department=department, school_year=YEAR, title=values.pop("title"), defaults=values
        )
    hosts, supervisors = {}, {}
    for school_key in ("rijncollege", "roc"):
        school = core.schools[school_key]
        for name, city, postcode, sector, cap, sbb, status, kinds, (sup_name, sup_email) in HOSTS:
            host, _ = Host.objects.update_or_create(
                school=school,
                name=name,
                defaults=dict(
                    city=city,
                    postcode=postcode,
                    address="Hoofdstraat 1",
                    sector=sector,
                    capacity=cap,
                    sbb_number=f"{zlib.crc32(name.encode()) % 900000 + 100000}" if sbb else "",
                    sbb_valid_until=sbb,
                    status=status,
                    status_reason={
                        "unsuitable": "Alleen bezorgwerk; geen leerzame werkplek.",
                        "on_watch": "SBB-erkenning verlopen; begeleiding was onvoldoende.",
                    }.get(status, ""),
                    status_changed_on=date(2026, 10, 30) if status != HostStatus.ACTIVE else None,
                    kinds=kinds,
                    email=sup_email,
                ),
            )
            supervisor, _ = WorkplaceSupervisor.objects.update_or_create(
                host=host, email=sup_email, defaults={"name": sup_name, "position": "praktijkbegeleider"}
            )
            hosts[(school_key, name)] = host
            supervisors[(school_key, name)] = supervisor
    # A team at the school: a second werkplekbegeleider for the duo.
    team_member, _ = WorkplaceSupervisor.objects.update_or_create(
        host=hosts[("rijncollege", "Basisschool De Regenboog")],
        email="p.dejong@regenboog.example",
        defaults={"name": "Pieter de Jong", "position": "werkplekbegeleider groep 5"},
    )
    students = {}
    for key, number, first, prefix, last, born, dep, year, klas, programme, postcode in STUDENTS:
        department = core.departments[dep]
        student, _ = Student.objects.update_or_create(
            department=department,
            number=number,
            defaults=dict(
                first_name=first,
                last_name_prefix=prefix,
                last_name=last,
                date_of_birth=born,
                year_group=year,
                class_name=klas,
                programme=programme,
                postcode=postcode,
                email=f"{first.lower()}.{last.lower().replace(' ', '')}@leerling.example",
                mentor=core.users["mentor"] if dep == "vmbo" else None,
            ),
        )
        if born > date(2008, 11, 24):
            Guardian.objects.get_or_create(
                student=student,
                name=f"Ouder van {first}",
                defaults={"email": f"ouder.{number}@thuis.example", "phone": "06-12345678"},
            )
        students[key] = student
    placements = {}
    for skey, pkey, host_name, sup_key, start, end, state, extra in PLACEMENTS:
        plan = plans[pkey]
        school_key = "roc" if pkey == "mbo" else "rijncollege"
        host = hosts[(school_key, host_name)]
        schedule = plan.default_schedule
        placement, _ = Placement.objects.update_or_create(
            student=students[skey],
            plan=plan,
            start_date=start,
            defaults=dict(
                host=host,
                end_date=end,
                schedule=schedule,
                planned_hours=planned_hours(schedule, start, end),
                school_supervisor=core.users[sup_key] if sup_key else None,
                state=state,
                activities="Meewerken in het bedrijf volgens het stageboek.",
                allowance_per_month=150 if pkey in ("mbo", "lwt") else None,
                **extra,
            ),
        )
        PlacementWorkplaceSupervisor.objects.get_or_create(
            placement=placement,
            workplace_supervisor=supervisors[(school_key, host_name)],
            defaults={"is_primary": True},
        )
        placements[skey] = placement
    # Guidance by a team on the duo-stage of the two pabo students.
    for key in ("pabo1", "pabo2"):
        PlacementWorkplaceSupervisor.objects.get_or_create(
            placement=placements[key], workplace_supervisor=team_member, defaults={"is_primary": False}
        )
    # The school-side team of teacher education: the opleidingsschool's schoolopleider
    # coordinates its werkplekbegeleiders, next to the instituutsopleider (school_supervisor).
    trainer, _ = WorkplaceSupervisor.objects.update_or_create(
        host=hosts[("rijncollege", "Basisschool De Regenboog")],
        email="m.visser@regenboog.example",
        defaults={"name": "Marloes Visser", "position": "schoolopleider"},
    )
    Placement.objects.filter(
        pk__in=[p.pk for p in placements.values() if p.plan.kind == PlanKind.TEACHER_EDUCATION]
    ).update(school_trainer=trainer)
    Placement.objects.filter(pk=placements["pabo1"].pk).update(duo_partner=placements["pabo2"])
    Placement.objects.filter(pk=placements["pabo2"].pk).update(duo_partner=placements["pabo1"])
    # The terminated lwt placement is replaced, with the missed hours carried over (UB art. 2.65).
    old = placements["lwt2"]
    schedule = plans["lwt"].default_schedule
    missed = planned_hours(schedule, old.terminated_on + timedelta(days=1), old.end_date)
    replacement, _ = Placement.objects.update_or_create(
        student=students["lwt2"],
        plan=plans["lwt"],
        start_date=date(2026, 11, 16),
        defaults=dict(
            host=hosts[("rijncollege", "Bakkerij De Korenschoof")],
            end_date=date(2027, 7, 9),
            schedule=schedule,
            planned_hours=planned_hours(schedule, date(2026, 11, 16), date(2027, 7, 9)),
            school_supervisor=core.users["supervisor"],
            state="agreement_pending",
            replaces=old,
            carried_over_hours=missed,
            activities="Brood en banket bakken; de winkel helpen.",
        ),
    )
    PlacementWorkplaceSupervisor.objects.get_or_create(
        placement=replacement,
        workplace_supervisor=supervisors[("rijncollege", "Bakkerij De Korenschoof")],
        defaults={"is_primary": True},
    )
    _seed_hours(placements["vmbo3"])
    from placements import demo_wishes

    demo_wishes.seed(core, plans["vmbo"])


def _seed_hours(placement):
    """A week of hours confirmed by the host and a few days still open."""
    from django.utils import timezone

    from placements.models import HoursEntry

    for offset, text in enumerate(
        [
            "Banden gewisseld",
            "Olie ververst",
            "Werkplaats opgeruimd",
            "APK meegekeken",
            "Onderdelen besteld",
            "Remmen bekeken",
            "Klant geholpen",
        ]
    ):
        day = placement.start_date + timedelta(days=offset + (2 if offset >= 5 else 0))
        HoursEntry.objects.get_or_create(
            placement=placement,
            date=day,
            defaults=dict(
                hours=6,
                description=text,
                source="student",
                confirmed_at=timezone.now() if offset < 5 else None,
                confirmed_by="Ria van Leeuwen" if offset < 5 else "",
            ),
        )
