"""The demo school board: departments and a user for every role.

Each app extends the demo in its own ``<app>/demo.py`` with ``seed(core)``,
called in INSTALLED_APPS order with the objects made here. Everything is
created with update_or_create on natural keys, so running twice changes nothing.
"""

from dataclasses import dataclass, field

from stagebeheer.models import Department, Membership, School, SchoolType, User

DEMO_PASSWORD = "stage-demo-2026"  # noqa: S105 - printed by make demo, demo data only


@dataclass
class DemoCore:
    schools: dict = field(default_factory=dict)
    departments: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)


SCHOOLS = {
    "rijncollege": dict(
        brin="23RC",
        name="Het Rijncollege",
        board_name="Stichting Openbaar Onderwijs Rijnstad",
        address="Schoolstraat 12",
        postcode="3581KL",
        city="Utrecht",
        phone="030-2345678",
        email="info@rijncollege.example",
    ),
    "roc": dict(
        brin="25RR",
        name="ROC Rijnstad",
        board_name="Stichting Openbaar Onderwijs Rijnstad",
        address="Vaartsche Rijn 40",
        postcode="3523JB",
        city="Utrecht",
        phone="030-8765432",
        email="bpv@rocrijnstad.example",
    ),
}

DEPARTMENTS = {
    "vmbo": dict(
        school="rijncollege",
        name="Rijncollege vmbo (basis/kader)",
        location_number="01",
        school_type=SchoolType.VMBO_BK,
        city="Utrecht",
        plan_kinds=["vmbo_orientation", "lwt", "community"],
    ),
    "pro": dict(
        school="rijncollege",
        name="Rijncollege praktijkonderwijs",
        location_number="02",
        school_type=SchoolType.PRO,
        city="Utrecht",
        plan_kinds=["pro_external", "pro_placement"],
    ),
    "mbo": dict(
        school="roc",
        name="ROC Rijnstad — Zorg en Welzijn",
        location_number="01",
        school_type=SchoolType.MBO,
        city="Utrecht",
        plan_kinds=["mbo_bpv"],
    ),
    "teacher_education": dict(
        school="rijncollege",
        name="Opleidingsschool Rijnstad (Samen Opleiden)",
        location_number="01",
        school_type=SchoolType.TEACHER_EDUCATION,
        city="Utrecht",
        plan_kinds=["teacher_education"],
    ),
}

# plan_kinds: the kinds of stage (placements.PlanKind values) each department offers.

# key: (e-mail, name, [(department, role), ...])
USERS = {
    "coordinator": (
        "coordinator@rijncollege.example",
        "Petra de Vries",
        [("vmbo", "coordinator"), ("pro", "coordinator")],
    ),
    "coordinator_mbo": ("bpv@rocrijnstad.example", "Ahmed El Amrani", [("mbo", "coordinator")]),
    "coordinator_teacher": (
        "schoolopleider@rijncollege.example",
        "Ingrid Bakker",
        [("teacher_education", "coordinator")],
    ),
    "supervisor": (
        "begeleider@rijncollege.example",
        "Joost Jansen",
        [("vmbo", "supervisor"), ("pro", "supervisor")],
    ),
    "supervisor2": ("begeleider2@rijncollege.example", "Fatma Yilmaz", [("vmbo", "supervisor")]),
    "supervisor_mbo": ("docent@rocrijnstad.example", "Kees van Dijk", [("mbo", "supervisor")]),
    "supervisor_teacher": (
        "instituutsopleider@rijncollege.example",
        "Marloes Visser",
        [("teacher_education", "supervisor")],
    ),
    "leader": (
        "directie@rijncollege.example",
        "Hans Mulder",
        [("vmbo", "leader"), ("pro", "leader"), ("teacher_education", "leader")],
    ),
    "mentor": ("mentor@rijncollege.example", "Sanne de Boer", [("vmbo", "mentor")]),
}


def _demo_password(user, created) -> None:
    if created or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])


def seed_core() -> DemoCore:
    core = DemoCore()
    for key, values in SCHOOLS.items():
        values = dict(values)
        core.schools[key], _ = School.objects.update_or_create(brin=values.pop("brin"), defaults=values)
    for key, values in DEPARTMENTS.items():
        values = dict(values)
        school = core.schools[values.pop("school")]
        core.departments[key], _ = Department.objects.update_or_create(
            school=school,
            location_number=values.pop("location_number"),
            school_type=values.pop("school_type"),
            defaults=values,
        )
    for key, (email, name, roles) in USERS.items():
        user, created = User.objects.update_or_create(email=email, defaults={"full_name": name})
        _demo_password(user, created)
        for department_key, role in roles:
            Membership.objects.get_or_create(
                user=user, department=core.departments[department_key], role=role
            )
        core.users[key] = user
    admin, created = User.objects.update_or_create(
        email="beheer@stagebeheer.example",
        defaults={"full_name": "Beheerder", "is_staff": True, "is_superuser": True},
    )
    _demo_password(admin, created)
    core.users["admin"] = admin
    _seed_invitation(core)
    return core


def _seed_invitation(core) -> None:
    """An open invitation on the team page (once: a second run finds the person)."""
    from stagebeheer.team import invite

    if not User.objects.filter(email="nieuwe.collega@rijncollege.example").exists():
        invite(
            core.users["coordinator"],
            department=core.departments["vmbo"],
            email="nieuwe.collega@rijncollege.example",
            full_name="Noor de Nieuwe",
            role="supervisor",
        )
