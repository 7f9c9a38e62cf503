"""Demo: an open wish round for the vmbo snuffelstage with wishes, a duo wish,
students still to choose, an own find awaiting approval at a new host "te
controleren", and a computed proposal (issue 15: 1, 5). Safe to run twice."""

from datetime import date, timedelta

from django.utils import timezone

from placements import own_finds, wish_rounds
from placements.models import (
    Host,
    OwnFind,
    Student,
    WishParticipant,
    WishRound,
    WishRoundState,
    WorkplaceSupervisor,
)

EXTRA_HOSTS = [
    # name, city, postcode, sector, capacity, supervisor
    (
        "Kapsalon Knip & Go",
        "Houten",
        "3991 AB",
        "Uiterlijke verzorging",
        2,
        ("Nadia Bos", "nadia@knipengo.example"),
    ),
    (
        "Fietsenmaker De Spaak",
        "Utrecht",
        "3581 KL",
        "Techniek, fiets",
        2,
        ("Joost Spaak", "joost@despaak.example"),
    ),
    ("Restaurant Het Veerhuis", "Nieuwegein", "3433 AA", "Horeca", 2, ("Eva Veer", "eva@veerhuis.example")),
    (
        "Dierenkliniek Zeist",
        "Zeist",
        "3705 BC",
        "Dierverzorging",
        1,
        ("Mark Dekker", "mark@dierenkliniekzeist.example"),
    ),
    ("Bouwbedrijf Van Dam", "IJsselstein", "3401 DE", "Bouw", 3, ("Kees van Dam", "kees@vandambouw.example")),
]

STUDENTS = [
    # number, first, prefix, last, born, class, programme, postcode
    ("240121", "Noah", "", "Bakker", date(2011, 2, 11), "3C", "Horeca, bakkerij", "3991 CD"),
    ("240122", "Lotte", "van", "Dijk", date(2011, 5, 3), "3C", "Zorg en welzijn", "3992 EF"),
    ("240123", "Yusuf", "", "Kaya", date(2011, 7, 19), "3C", "Mobiliteit en transport", "3432 GH"),
    ("240124", "Fenna", "de", "Wit", date(2011, 3, 30), "3C", "Economie en ondernemen", "3512 JK"),
    ("240125", "Bram", "", "Mulder", date(2011, 10, 2), "3C", "Bouwen, wonen en interieur", "3402 LM"),
    ("240126", "Lina", "", "Haddou", date(2011, 12, 14), "3C", "Dienstverlening en producten", "3704 NP"),
    ("240127", "Thijs", "", "Vos", date(2011, 8, 8), "3C", "Produceren, installeren en energie", "3583 RS"),
    ("240128", "Zoë", "", "Peters", date(2011, 4, 21), "3C", "Zorg en welzijn", "3995 TV"),
    ("240129", "Sanne", "", "Jansen", date(2011, 6, 9), "3C", "Groen", "3994 AB"),
]

# 240129 found a place herself: a riding school the directory does not know yet.
OWN_FIND = (
    "240129",
    {
        "host": None,
        "name": "Manege De Hoefslag",
        "address": "Hoefweg 12",
        "postcode": "3994 KL",
        "city": "Houten",
        "sector": "Dierverzorging, paarden",
        "kinds": [],
        "contact_name": "Ria de Hoef",
        "contact_email": "ria@dehoefslag.example",
        "contact_phone": "030-6371234",
    },
)

# number -> wished host names, best first, and a duo partner's number
WISHES = {
    "240121": (["Restaurant Het Veerhuis", "Bakkerij De Korenschoof", "Supermarkt Dekker"], "240128"),
    "240128": (["Zorgcentrum De Linde", "Restaurant Het Veerhuis", "Kapsalon Knip & Go"], "240121"),
    "240122": (["Zorgcentrum De Linde", "Dierenkliniek Zeist", "Basisschool De Regenboog"], None),
    "240123": (["Garage Van Leeuwen", "Fietsenmaker De Spaak"], None),
    "240124": (["Supermarkt Dekker", "Kapsalon Knip & Go", "Bakkerij De Korenschoof"], None),
    "240125": (["Bouwbedrijf Van Dam", "Garage Van Leeuwen"], None),
    "240126": (["Dierenkliniek Zeist", "Zorgcentrum De Linde"], None),
    # 240127 and the older demo students have not chosen yet: the chase list.
}

MOTIVATION = "Dit past bij mijn profiel en ik kan er met de fiets komen."


def seed(core, plan):
    school = plan.department.school
    for name, city, postcode, sector, capacity, (sup_name, sup_email) in EXTRA_HOSTS:
        host, _ = Host.objects.update_or_create(
            school=school,
            name=name,
            defaults=dict(
                city=city, postcode=postcode, address="Dorpsstraat 2", sector=sector, capacity=capacity
            ),
        )
        WorkplaceSupervisor.objects.update_or_create(
            host=host, email=sup_email, defaults={"name": sup_name, "position": "praktijkbegeleider"}
        )
    by_number = {}
    for number, first, prefix, last, born, klas, programme, postcode in STUDENTS:
        student, _ = Student.objects.update_or_create(
            department=plan.department,
            number=number,
            defaults=dict(
                first_name=first,
                last_name_prefix=prefix,
                last_name=last,
                date_of_birth=born,
                year_group=plan.year_group or 3,
                class_name=klas,
                programme=programme,
                postcode=postcode,
                email=f"{first.lower()}.{last.lower()}.{number}@leerling.example",
                mentor=core.users["mentor"],
            ),
        )
        by_number[number] = student

    start = date(2027, 4, 12)
    closes = min(timezone.localdate() + timedelta(days=21), start)
    round_, _created = WishRound.objects.get_or_create(
        plan=plan,
        title="Wensronde snuffelstage april",
        defaults=dict(start_date=start, end_date=date(2027, 4, 23), closes_on=closes),
    )
    if round_.state == WishRoundState.ACCEPTED:
        return round_
    # Keep the demo round open whenever the demo is refreshed.
    WishRound.objects.filter(pk=round_.pk).update(closes_on=closes, state=WishRoundState.OPEN)
    round_.refresh_from_db()
    for student in wish_rounds.cohort(plan).order_by("pk"):
        WishParticipant.objects.get_or_create(round=round_, student=student)
    offered = {h.name: h for h in wish_rounds.offered_hosts(round_)}
    for number, (names, partner) in WISHES.items():
        participant = round_.participants.get(student=by_number[number])
        if participant.submitted_at:
            continue
        wishes = [(offered[n], MOTIVATION if i == 0 else "") for i, n in enumerate(names) if n in offered]
        wish_rounds.save_wishes(
            participant,
            wishes,
            duo_with=by_number.get(partner) if partner else None,
            by=by_number[number].full_name,
        )
    _seed_own_find(round_, by_number)
    if round_.proposal_run_at is None:
        wish_rounds.run_allocation(round_)
    return round_


def _seed_own_find(round_, by_number):
    """One own find awaiting the coordinator's approval (the round page lists it)."""
    number, data = OWN_FIND
    participant = round_.participants.filter(student=by_number[number]).first()
    if participant is None or OwnFind.objects.filter(participant=participant).exists():
        return
    values = data | {"start_date": round_.start_date, "end_date": round_.end_date}
    own_finds.submit(participant, values, by=by_number[number].full_name)
