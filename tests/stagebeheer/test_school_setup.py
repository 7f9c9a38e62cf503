"""School set-up pages: an administrator keeps the schools (BRIN, federation)
and their departments (vestiging, school type, kinds of stage) in the app;
nobody else may, and a department with data is never deleted."""

import pytest
from django.urls import reverse

from stagebeheer.models import Department, School, User
from tests.factories.core import DepartmentFactory, SchoolFactory
from tests.factories.placements import PlacementFactory, PlacementPlanFactory
from tests.querycount import assert_fixed_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return User.objects.create_superuser(
        "beheer@bestuur.example", "x-admin-password-1", full_name="Ada Beheer"
    )


def _school_data(**changes):
    data = {"name": "Het Baken", "brin": "12AB", "board_name": "Stichting Baken", "city": "Utrecht"}
    return {**data, **changes}


def _department_data(**changes):
    data = {"name": "Baken vmbo", "location_number": "01", "school_type": "vmbo_bk"}
    return {**data, **changes}


def _pages(department):
    school = department.school
    return [
        ("GET", reverse("schools")),
        ("GET", reverse("school_create")),
        ("GET", reverse("school_edit", args=[school.pk])),
        ("GET", reverse("school_delete", args=[school.pk])),
        ("GET", reverse("department_create", args=[school.pk])),
        ("GET", reverse("department_edit", args=[school.pk, department.pk])),
        ("GET", reverse("department_delete", args=[school.pk, department.pk])),
        ("POST", reverse("school_create")),
        ("POST", reverse("school_edit", args=[school.pk])),
        ("POST", reverse("department_delete", args=[school.pk, department.pk])),
        ("POST", reverse("school_delete", args=[school.pk])),
    ]


@pytest.mark.parametrize("persona", ["coordinator", "supervisor", "leader", "mentor", "outsider"])
def test_staff_other_than_administrators_get_403_on_every_page(request, client, persona, department):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    for method, url in _pages(department):
        response = client.get(url) if method == "GET" else client.post(url, {})
        assert response.status_code == 403, f"{method} {url} as {persona}"
    assert Department.objects.filter(pk=department.pk).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, department):
    for method, url in _pages(department):
        response = client.get(url) if method == "GET" else client.post(url, {})
        assert response.status_code == 302
        assert "/login/" in response.url


def test_an_administrator_opens_every_page(login, admin, department):
    client = login(admin)
    for _method, url in _pages(department)[:7]:
        assert client.get(url).status_code == 200, url


def test_the_menu_shows_schools_to_administrators_only(login, admin, coordinator):
    url = reverse("schools")
    assert url in login(admin).get(reverse("home")).content.decode()
    assert url not in login(coordinator).get(reverse("home")).content.decode()


def test_an_administrator_creates_a_school_with_its_brin_in_capitals(login, admin):
    response = login(admin).post(reverse("school_create"), _school_data(brin="12ab"))
    assert response.status_code == 302
    assert School.objects.get(name="Het Baken").brin == "12AB"


@pytest.mark.parametrize("brin", ["1AB", "AB12", "12ABC", "12-A", "1 2A", "١٢AB"])
def test_a_brin_of_the_wrong_shape_is_refused(login, admin, brin):
    response = login(admin).post(reverse("school_create"), _school_data(brin=brin))
    assert response.status_code == 400
    assert "BRIN" in response.content.decode()
    assert not School.objects.filter(name="Het Baken").exists()


def test_a_brin_with_digits_at_the_end_is_a_brin(login, admin):
    assert login(admin).post(reverse("school_create"), _school_data(brin="00A1")).status_code == 302


def test_a_duplicate_brin_is_refused_with_a_message(login, admin):
    SchoolFactory(brin="12AB", name="Eerder")
    response = login(admin).post(reverse("school_create"), _school_data(brin="12ab"))
    assert response.status_code == 400
    assert "Er is al een school met deze BRIN." in response.content.decode()
    assert School.objects.filter(brin="12AB").count() == 1


def test_the_federation_settings_are_edited_on_the_school_page(login, admin, department):
    school = department.school
    data = _school_data(
        brin=school.brin, federation="entree", home_organization=school.brin, require_two_factor="on"
    )
    assert login(admin).post(reverse("school_edit", args=[school.pk]), data).status_code == 302
    school.refresh_from_db()
    assert (school.federation, school.home_organization, school.require_two_factor) == (
        "entree",
        school.brin,
        True,
    )


def test_a_federation_without_the_identifying_attribute_is_refused(login, admin, department):
    school = department.school
    data = _school_data(brin=school.brin, federation="surfconext")
    response = login(admin).post(reverse("school_edit", args=[school.pk]), data)
    assert response.status_code == 400
    school.refresh_from_db()
    assert school.federation == ""


def test_an_administrator_adds_a_department_with_its_kinds_of_stage(login, admin, department):
    school = department.school
    data = _department_data(location_number="07", plan_kinds=["vmbo_orientation", "lwt"])
    response = login(admin).post(reverse("department_create", args=[school.pk]), data)
    assert response.status_code == 302
    created = Department.objects.get(school=school, location_number="07")
    assert created.plan_kinds == ["vmbo_orientation", "lwt"]
    assert created.brin_location == f"{school.brin}07"


@pytest.mark.parametrize("number", ["1", "ab", "123", "0A"])
def test_a_location_number_is_two_digits(login, admin, department, number):
    school = department.school
    response = login(admin).post(
        reverse("department_create", args=[school.pk]), _department_data(location_number=number)
    )
    assert response.status_code == 400
    assert not Department.objects.filter(school=school, name="Baken vmbo").exists()


def test_the_same_location_and_school_type_twice_is_refused_not_a_500(login, admin, department):
    school = department.school
    data = _department_data(location_number=department.location_number, school_type=department.school_type)
    response = login(admin).post(reverse("department_create", args=[school.pk]), data)
    assert response.status_code == 400
    assert "al een afdeling met dit vestigingsnummer" in response.content.decode()


def test_an_unknown_kind_of_stage_is_refused(login, admin, department):
    school = department.school
    data = _department_data(location_number="08", plan_kinds=["bogus"])
    assert login(admin).post(reverse("department_create", args=[school.pk]), data).status_code == 400


def test_another_schools_department_under_this_school_is_404(login, admin, department, other_department):
    client = login(admin)
    school = department.school
    for name in ("department_edit", "department_delete"):
        assert client.get(reverse(name, args=[school.pk, other_department.pk])).status_code == 404
    response = client.post(reverse("department_delete", args=[school.pk, other_department.pk]))
    assert response.status_code == 404
    assert Department.objects.filter(pk=other_department.pk).exists()


def test_an_unknown_school_id_is_404(login, admin):
    client = login(admin)
    for name in ("school_edit", "school_delete", "department_create"):
        assert client.get(reverse(name, args=[987654])).status_code == 404


def test_a_department_with_plans_or_placements_is_not_deleted(login, admin, department):
    placement = PlacementFactory(plan=PlacementPlanFactory(department=department))
    client = login(admin)
    url = reverse("department_delete", args=[department.school.pk, department.pk])
    page = client.get(url).content.decode()
    assert "kan niet" in page.lower()
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert "kan niet worden verwijderd" in response.content.decode()
    assert Department.objects.filter(pk=department.pk).exists()
    placement.refresh_from_db()


def test_a_department_with_only_roles_is_not_deleted_either(login, admin, coordinator, department):
    client = login(admin)
    client.post(reverse("department_delete", args=[department.school.pk, department.pk]))
    assert Department.objects.filter(pk=department.pk).exists()
    assert coordinator.memberships.filter(department=department).exists()


def test_an_empty_department_is_deleted(login, admin, department):
    empty = DepartmentFactory(school=department.school, location_number="09")
    response = login(admin).post(reverse("department_delete", args=[department.school.pk, empty.pk]))
    assert response.status_code == 302
    assert not Department.objects.filter(pk=empty.pk).exists()


def test_a_school_with_departments_is_not_deleted(login, admin, department):
    login(admin).post(reverse("school_delete", args=[department.school.pk]))
    assert School.objects.filter(pk=department.school.pk).exists()


def test_the_school_list_has_a_fixed_number_of_queries(login, admin, department):
    def grow():
        for n in range(3):
            school = SchoolFactory()
            for m in range(2):
                plan_department = DepartmentFactory(school=school, location_number=f"{n}{m}")
                PlacementPlanFactory(department=plan_department)

    assert_fixed_queries(login(admin), reverse("schools"), grow)


def _plan_post(client, department, kind):
    url = reverse("placements:plan_create") + f"?department={department.pk}&kind={kind}"
    return client.post(
        url,
        {
            "title": "Nieuw plan",
            "school_year": "2026-2027",
            "kind": kind,
            "schedule_type": "block",
            "forbidden_host_kinds": ["family"],
        },
    )


def test_a_department_gets_plans_only_of_the_kinds_it_offers(login, coordinator, department):
    from placements.models import PlacementPlan

    department.plan_kinds = ["vmbo_orientation"]
    department.save()
    client = login(coordinator)
    refused = _plan_post(client, department, "mbo_bpv")
    assert refused.status_code == 200
    assert "biedt deze soort stage niet aan" in refused.content.decode()
    assert not PlacementPlan.objects.exists()
    assert _plan_post(client, department, "vmbo_orientation").status_code == 302


def test_two_schools_cannot_share_an_organisation_id_at_one_federation(login, admin, department):
    SchoolFactory(brin="34CD", federation="surfconext", home_organization="rocrijnstad.nl")
    school = department.school
    data = _school_data(brin=school.brin, federation="surfconext", home_organization="rocrijnstad.nl")
    response = login(admin).post(reverse("school_edit", args=[school.pk]), data)
    assert response.status_code == 400
    assert "gebruikt dit organisatie-id al" in response.content.decode()
    assert "Constraint" not in response.content.decode()
