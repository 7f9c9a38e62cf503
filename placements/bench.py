"""Students, hosts, plans, placements and hours of the benchmark board."""

from datetime import timedelta
from decimal import Decimal

from placements.models import (
    Guardian,
    Host,
    HoursEntry,
    Placement,
    PlacementPlan,
    PlacementWorkplaceSupervisor,
    Student,
    WorkplaceSupervisor,
)
from placements.search import search_key
from stagebeheer.bench import BATCH, year_start

ORDER = 10
ONE_YEAR_DEPARTMENT = 3  # "Benchcollege locatie 4", the same kind as "locatie 1"
FIRST = [
    "Sanne",
    "Daan",
    "Noor",
    "Mohammed",
    "Lotte",
    "Sem",
    "Emma",
    "Milan",
    "Yara",
    "Luuk",
    "Fenna",
    "Özkan",
]
LAST = [("", "Jansen"), ("de", "Vries"), ("van", "Dijk"), ("", "Bakker"), ("", "Yılmaz"), ("van der", "Berg")]
KIND = {
    "vmbo_bk": "vmbo_orientation",
    "vmbo_gt": "vmbo_orientation",
    "pro": "pro_external",
    "mbo": "mbo_bpv",
    "teacher_education": "teacher_education",
}
SECTORS = ["zorg", "detailhandel", "horeca", "techniek", "logistiek", "onderwijs", "groen"]
WORKWEEK = [{"weekday": d, "start": "09:00", "end": "15:30", "break_minutes": 30} for d in range(5)]
PAST_STATES = ["completed"] * 9 + ["terminated"]
CURRENT_STATES = (
    ["draft"] * 3 + ["agreement_pending"] * 5 + ["active"] * 8 + ["completed"] * 3 + ["terminated"]
)


def seed(board):
    rng = board.rng
    students_per_department = board.n(12_000) // len(board.departments) or 1
    hosts_per_school = board.n(3_000) // len(board.schools) or 1
    hosts = {}
    for school in board.schools:
        hosts[school.pk] = Host.objects.bulk_create(
            (
                Host(
                    school=school,
                    name=f"{rng.choice(SECTORS).title()}bedrijf {i:04d}",
                    city=rng.choice(["Utrecht", "Houten", "Zeist", "Nieuwegein"]),
                    postcode=f"35{rng.randint(10, 99)} AB",
                    sector=rng.choice(SECTORS),
                    capacity=rng.randint(1, 4),
                    sbb_number=f"{100000 + i}" if i % 3 else "",
                    sbb_valid_until=board.today + timedelta(days=400) if i % 3 else None,
                )
                for i in range(hosts_per_school)
            ),
            batch_size=BATCH,
        )
    all_hosts = [h for hs in hosts.values() for h in hs]
    supervisors = WorkplaceSupervisor.objects.bulk_create(
        (
            WorkplaceSupervisor(
                host=h, name=f"Begeleider {k} van {h.name}", email=f"wp{h.pk}-{k}@bedrijf.example"
            )
            for h in all_hosts
            for k in range(1 + (h.pk % 3 == 0))  # 4,000 for 3,000 hosts
        ),
        batch_size=BATCH,
    )
    per_host = {}
    for wps in supervisors:
        per_host.setdefault(wps.host_id, wps)
    students = []
    for department in board.departments:
        mentors = board.users[department.pk]["mentor"]
        for i in range(students_per_department):
            prefix, last = LAST[i % len(LAST)]
            first = FIRST[(i // len(LAST)) % len(FIRST)]
            student = Student(
                department=department,
                number=f"{department.pk:02d}{i:05d}",
                first_name=first,
                last_name_prefix=prefix,
                last_name=f"{last}{i}",
                date_of_birth=board.today.replace(year=board.today.year - 15 - i % 4, day=1),
                year_group=3 + i % 2,
                class_name=f"{3 + i % 2}{'ABCD'[i % 4]}",
                mentor=mentors[i % len(mentors)],
            )
            student.search_name = search_key(student.full_name)
            students.append(student)
    students = Student.objects.bulk_create(students, batch_size=BATCH)
    Guardian.objects.bulk_create(
        (
            Guardian(student=s, name=f"Ouder van {s.first_name}", email=f"ouder{s.pk}@thuis.example")
            for s in students
        ),
        batch_size=BATCH,
    )
    by_department = {}
    for s in students:
        by_department.setdefault(s.department_id, []).append(s)
    placements_per_department_year = board.n(30_000) // (len(board.departments) * 3) or 1
    rows = []
    for index, department in enumerate(board.departments):
        staff = board.users[department.pk]["supervisor"]
        school_hosts = hosts[department.school_id]
        # The fourth department has only this school year, the others three:
        # the benchmark compares them (cost must follow this year's work).
        for year in board.years[-1:] if index == ONE_YEAR_DEPARTMENT else board.years:
            plan = PlacementPlan.objects.create(
                department=department,
                school_year=year,
                kind=KIND[department.school_type],
                title=f"Stage {year}",
                goal="Kennismaken met werk.",
                content="Meelopen en zelf taken doen.",
                scope="Tien dagen.",
                structure="Voorbereiding, stage, terugblik.",
                organisation="De stagecoördinator regelt de plaatsing.",
                min_hours=40,
                max_hours=1280,
            )
            states = PAST_STATES if year != board.years[-1] else CURRENT_STATES
            start0 = year_start(year)
            pool = by_department[department.pk]
            for i in range(min(placements_per_department_year, len(pool))):
                state = states[(i * 7) % len(states)]  # spread, also on small scales
                if state == "active":
                    start = board.today - timedelta(days=7 + i % 50)
                elif state in ("draft", "agreement_pending"):
                    start = board.today + timedelta(days=14 + i % 120)
                else:
                    start = start0 + timedelta(days=(i * 3) % 200)
                    if year == board.years[-1]:
                        start = min(start, board.today - timedelta(days=90))
                end = start + timedelta(days=60 + i % 60)
                host = school_hosts[(i * 7 + department.pk) % len(school_hosts)]
                rows.append(
                    Placement(
                        student=pool[i],
                        plan=plan,
                        host=host,
                        school_supervisor=staff[i % len(staff)],
                        start_date=start,
                        end_date=end,
                        schedule=WORKWEEK,
                        planned_hours=Decimal(6 * 5 * ((end - start).days // 7)),
                        activities="Klanten helpen en de winkel inrichten.",
                        state=state,
                        terminated_on=end - timedelta(days=20) if state == "terminated" else None,
                        termination_reason="Niet passend." if state == "terminated" else "",
                    )
                )
    placements = Placement.objects.bulk_create(rows, batch_size=BATCH)
    PlacementWorkplaceSupervisor.objects.bulk_create(
        (
            PlacementWorkplaceSupervisor(
                placement=p, workplace_supervisor=per_host[p.host_id], is_primary=True
            )
            for p in placements
        ),
        batch_size=BATCH,
    )
    HoursEntry.objects.bulk_create(
        (
            HoursEntry(placement=p, date=p.start_date + timedelta(days=d), hours=Decimal(6), source="student")
            for p in placements
            if p.state == "active"
            for d in range(0, 7, 1)
            if (p.start_date + timedelta(days=d)).weekday() < 5
        ),
        batch_size=BATCH,
    )
    board.placements = placements
    board.counts.update(students=len(students), hosts=len(all_hosts), placements=len(placements))
