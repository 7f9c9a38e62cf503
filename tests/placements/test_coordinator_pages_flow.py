"""The coordinator's whole job through the pages: a plan, students, a host,
placing, and the chase list shrinking."""

import pytest
from django.urls import reverse

from placements.models import PlacementPlan, Student
from tests.factories.placements import StudentFactory, WorkplaceSupervisorFactory

pytestmark = pytest.mark.django_db


def test_write_a_plan_with_lwt_defaults(login, coordinator, department):
    client = login(coordinator)
    url = reverse("placements:plan_create") + f"?department={department.pk}&kind=lwt"
    form = client.get(url).context["form"]
    assert form.initial["min_hours"] == 640
    assert form.initial["max_hours"] == 1280
    assert form.initial["requires_sbb"] is True
    response = client.post(
        url,
        {
            "title": "Leerwerktraject",
            "school_year": "2026-2027",
            "kind": "lwt",
            "goal": "Doel",
            "content": "Inhoud",
            "scope": "Omvang",
            "structure": "",
            "organisation": "Organisatie",
            "min_hours": 640,
            "max_hours": 1280,
            "requires_sbb": "on",
            "forbidden_host_kinds": ["family", "delivery"],
            "schedule_type": "ribbon",
            "day0_start": "08:00",
            "day0_end": "16:30",
            "day0_break": "30",
        },
    )
    plan = PlacementPlan.objects.get()
    assert response.status_code == 302
    assert plan.default_schedule == [{"weekday": 0, "start": "08:00", "end": "16:30", "break_minutes": 30}]
    page = client.get(reverse("placements:plan_detail", args=[plan.pk])).content.decode()
    assert "nog niet compleet" in page
    assert "opbouw" in page


def test_a_plan_with_min_above_max_is_refused(login, coordinator, department):
    client = login(coordinator)
    url = reverse("placements:plan_create") + f"?department={department.pk}&kind=lwt"
    response = client.post(
        url,
        {
            "title": "X",
            "school_year": "2026-2027",
            "kind": "lwt",
            "min_hours": 900,
            "max_hours": 100,
            "schedule_type": "block",
        },
    )
    assert "onder het minimum" in response.content.decode()
    assert not PlacementPlan.objects.exists()


def test_a_complete_plan_says_so_and_copies_to_next_year(login, coordinator, plan):
    client = login(coordinator)
    assert (
        "Alle vijf onderdelen"
        in client.get(reverse("placements:plan_detail", args=[plan.pk])).content.decode()
    )
    response = client.post(reverse("placements:plan_copy", args=[plan.pk]), {"school_year": "2027-2028"})
    copy = PlacementPlan.objects.get(school_year="2027-2028")
    assert response.url == reverse("placements:plan_detail", args=[copy.pk])
    response = client.post(reverse("placements:plan_copy", args=[plan.pk]), {"school_year": "2027-2028"})
    assert PlacementPlan.objects.count() == 2


def test_add_a_host_with_a_supervisor(login, coordinator):
    client = login(coordinator)
    response = client.post(
        reverse("placements:host_create"),
        {
            "name": "Garage Van Dijk",
            "postcode": "3511ab",
            "city": "Utrecht",
            "sector": "Auto",
            "capacity": 2,
            "status": "active",
        },
    )
    assert response.status_code == 302
    host = coordinator.memberships.get().department.school.hosts.get()
    assert host.postcode == "3511 AB"
    client.post(
        reverse("placements:supervisor_create", args=[host.pk]),
        {"name": "Jan Dijk", "email": "jan@garage.example", "is_active": "on"},
    )
    assert host.workplace_supervisors.count() == 1


def test_an_unsuitable_host_needs_a_reason(login, coordinator):
    response = login(coordinator).post(
        reverse("placements:host_create"),
        {
            "name": "Flits",
            "capacity": 1,
            "status": "unsuitable",
            "status_reason": "",
        },
    )
    assert "waarom dit bedrijf ongeschikt" in response.content.decode()


def test_the_chase_list_shrinks_as_students_are_placed(login, coordinator, plan, department, host):
    students = StudentFactory.create_batch(3, department=department)
    wps = WorkplaceSupervisorFactory(host=host)
    client = login(coordinator)
    url = reverse("placements:overview") + f"?plan={plan.pk}&state=none"
    assert client.get(url).context["counts"]["without"] == 3
    data = {
        "student": students[0].pk,
        "host": host.pk,
        "start_date": "2027-02-01",
        "end_date": "2027-02-12",
        "workplace_supervisors": [wps.pk],
    }
    for d in range(5):
        data.update({f"day{d}_start": "09:00", f"day{d}_end": "15:30", f"day{d}_break": "30"})
    client.post(reverse("placements:placement_create", args=[plan.pk]), data)
    response = client.get(url)
    assert response.context["counts"]["without"] == 2
    assert students[0].full_name not in response.content.decode()
    home = client.get(reverse("home")).content.decode()
    assert "Wat aandacht vraagt" in home


def test_a_student_is_added_with_a_guardian(login, coordinator, department):
    client = login(coordinator)
    response = client.post(
        reverse("placements:student_create"),
        {
            "number": "123",
            "first_name": "Bo",
            "last_name": "Berg",
            "date_of_birth": "2011-05-01",
            "guardians-TOTAL_FORMS": "1",
            "guardians-INITIAL_FORMS": "0",
            "guardians-MIN_NUM_FORMS": "0",
            "guardians-MAX_NUM_FORMS": "3",
            "guardians-0-name": "Ans Berg",
            "guardians-0-email": "ans@thuis.example",
        },
    )
    assert response.status_code == 302
    assert Student.objects.get().guardians.get().name == "Ans Berg"


def test_matching_suggests_fitting_hosts_best_first(login, coordinator, plan, department, host):
    from tests.factories.placements import HostFactory

    student = StudentFactory(department=department, programme="Zorg en welzijn", postcode="3523 AB")
    care = HostFactory(
        school=department.school, name="Zorgcentrum De Linde", sector="Zorg en welzijn", postcode="3523 EF"
    )
    HostFactory(school=department.school, name="Flits", status="unsuitable", status_reason="bezorgwerk")
    response = login(coordinator).get(reverse("placements:match", args=[plan.pk]) + f"?student={student.pk}")
    names = [s["host"].name for s in response.context["suggestions"]]
    assert names[0] == care.name
    assert "Flits" not in names
    assert "indicatie" in response.content.decode()


def test_matching_leaves_out_what_the_placement_checks_would_refuse(
    login, coordinator, plan, department, host
):
    from datetime import date

    from tests.factories.placements import HostFactory

    plan.forbidden_host_kinds = ["delivery"]
    plan.requires_sbb = True
    plan.save()
    student = StudentFactory(department=department, programme="Zorg en welzijn", postcode="3523 AB")
    HostFactory(
        school=department.school,
        name="Bezorgers",
        kinds=["delivery"],
        sbb_number="100200300",
        sbb_valid_until=date(2030, 1, 1),
    )
    HostFactory(school=department.school, name="Zonder erkenning")
    HostFactory(
        school=department.school, name="Erkend", sbb_number="100200301", sbb_valid_until=date(2030, 1, 1)
    )
    response = login(coordinator).get(reverse("placements:match", args=[plan.pk]) + f"?student={student.pk}")
    names = [s["host"].name for s in response.context["suggestions"]]
    assert "Erkend" in names
    assert "Bezorgers" not in names
    assert "Zonder erkenning" not in names
