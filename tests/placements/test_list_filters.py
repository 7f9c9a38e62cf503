"""The host directory and student list filter through django-filter FilterSets (issue 10: 33)."""

import pytest

from tests.factories.placements import HostFactory, StudentFactory

pytestmark = pytest.mark.django_db


def _hosts(client, **params):
    response = client.get("/hosts/", params)
    assert response.status_code == 200
    return {h.name for h in response.context["page"].object_list}


def test_the_host_directory_filters_by_status_city_and_text(login, coordinator, department):
    school = department.school
    HostFactory(school=school, name="Garage Noord", city="Zwolle", sector="Techniek")
    HostFactory(
        school=school, name="Kapsalon Zuid", city="Utrecht", status="on_watch", status_reason="klacht"
    )
    client = login(coordinator)
    assert _hosts(client, status="on_watch") == {"Kapsalon Zuid"}
    assert _hosts(client, city="zwolle") == {"Garage Noord"}
    assert _hosts(client, q="kapsalon") == {"Kapsalon Zuid"}
    # An unknown status or a long text filters nothing away and breaks nothing.
    assert _hosts(client, status="<script>") == {"Garage Noord", "Kapsalon Zuid"}
    assert _hosts(client, q="x" * 5000) == set()


def test_the_student_list_filters_by_class_and_department(login, coordinator, department, other_department):
    StudentFactory(department=department, class_name="3B", first_name="Anna")
    StudentFactory(department=department, class_name="4A", first_name="Bram")
    client = login(coordinator)
    page = client.get("/students/", {"class": "3b", "department": department.pk})
    assert page.status_code == 200
    assert [s.first_name for s in page.context["page"].object_list] == ["Anna"]
    assert client.get("/students/", {"department": "abc"}).status_code == 404
    # Another department's id filters to nothing this coordinator may see.
    assert not client.get("/students/", {"department": other_department.pk}).context["page"].object_list
