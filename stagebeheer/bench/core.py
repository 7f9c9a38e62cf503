"""Schools, departments and staff of the benchmark board."""

from stagebeheer.bench import BATCH
from stagebeheer.models import Department, Membership, School, User

SCHOOLS = [
    ("Benchcollege", ["vmbo_bk", "vmbo_gt", "pro", "vmbo_bk"]),
    ("Bench ROC", ["mbo", "mbo", "mbo", "mbo"]),
    ("Bench Opleidingsschool", ["teacher_education", "vmbo_gt", "pro", "teacher_education"]),
]
STAFF = {"coordinator": 2, "supervisor": 25, "leader": 1, "mentor": 10}


def seed(board):
    from stagebeheer.bench import BENCH_BOARD

    for number, (name, types) in enumerate(SCHOOLS):
        school = School.objects.create(name=name, brin=f"99B{number}", board_name=BENCH_BOARD, city="Utrecht")
        board.schools.append(school)
        for location, school_type in enumerate(types, start=1):
            board.departments.append(
                Department.objects.create(
                    school=school,
                    name=f"{name} locatie {location}",
                    location_number=f"{location:02d}",
                    school_type=school_type,
                    city="Utrecht",
                )
            )
    # One password hash for all: hashing 450 passwords would take most of a minute.
    template = User(email="x@x.example")
    template.set_password("bench-wachtwoord")
    users, memberships = [], []
    for department in board.departments:
        for role, count in STAFF.items():
            for i in range(count):
                users.append(
                    User(
                        email=f"{role}{i}.d{department.pk}@bench.example",
                        full_name=f"{role.title()} {i} van {department.name}",
                        password=template.password,
                    )
                )
                memberships.append((department, role))
    created = User.objects.bulk_create(users, batch_size=BATCH)
    Membership.objects.bulk_create(
        (Membership(user=u, department=d, role=r) for u, (d, r) in zip(created, memberships, strict=True)),
        batch_size=BATCH,
    )
    for user, (department, role) in zip(created, memberships, strict=True):
        board.users.setdefault(department.pk, {}).setdefault(role, []).append(user)
    board.counts["users"] = len(created)
