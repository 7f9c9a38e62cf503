"""Exports of the school administrations map themselves, and the mapping stays."""

import io

import pytest
from django.urls import reverse

from placements.importing import guess_mapping, parse_date
from placements.models import ImportMapping, Student
from tests.factories.core import DepartmentFactory, MembershipFactory

pytestmark = pytest.mark.django_db

MAGISTER = "Stamnr;Roepnaam;Tussenv;Achternaam;Geb.datum;Klas;Studie\n401;Sanne;de;Vries;14-03-2011;3B;KB\n"


def _upload(client, content, department=None, name="export.csv"):
    data = {"file": io.BytesIO(content.encode())}
    data["file"].name = name
    if department:
        data["department"] = department.pk
    return client.post(reverse("placements:import_upload", args=["students"]), data)


@pytest.mark.parametrize(
    "header",
    [
        ["Stamnr", "Roepnaam", "Tussenv", "Achternaam", "Geb.datum", "Klas", "Studie"],  # Magister
        [
            "Leerlingnummer",
            "Roepnaam",
            "Voorvoegsel",
            "Achternaam",
            "Geboortedatum",
            "Stamgroep",
            "Opleiding",
        ],
        [
            "Deelnemernummer",
            "Roepnaam",
            "Voorvoegsel",
            "Achternaam",
            "Geboortedatum",
            "Groepscode",
            "Opleiding",
        ],
        ["Leerlingnummer", "Roepnaam", "Voorvoegsels", "Achternaam", "Geboortedatum", "Groep", "Leerweg"],
    ],
)
def test_the_columns_of_each_administration_system_are_recognised(header):
    mapping = guess_mapping("students", header)
    for key, index in zip(
        ["number", "first_name", "last_name_prefix", "last_name", "date_of_birth", "class_name", "programme"],
        range(7),
        strict=True,
    ):
        assert mapping[key] == index, key


def test_a_class_tells_the_year_when_there_is_no_year_column(login, coordinator, department):
    client = login(coordinator)
    _upload(client, MAGISTER, department)
    preview = client.get(reverse("placements:import_map", args=["students"]))
    assert preview.context["missing"] == []
    assert preview.context["preview"][0].values["year_group"] == 3


def test_a_mapping_chosen_on_screen_survives_a_reload(login, coordinator, department):
    client = login(coordinator)
    _upload(client, "Nr;Voor;Achter;Geboren op;Klas\n1;Jan;Jansen;01-01-2011;2A\n", department)
    url = reverse("placements:import_map", args=["students"])
    client.post(url, {"map_number": 0, "map_first_name": 1, "map_last_name": 2, "map_date_of_birth": 3})
    again = client.get(url)
    choices = {c["column"].key: c["choice"] for c in again.context["columns"]}
    assert (choices["number"], choices["first_name"], choices["date_of_birth"]) == (0, 1, 3)
    assert again.context["missing"] == []


def test_the_last_mapping_is_remembered_for_the_school(login, coordinator, department):
    client = login(coordinator)
    header = "Nr;Voor;Achter;Geboren op\n"
    _upload(client, header + "1;Jan;Jansen;01-01-2011\n", department)
    url = reverse("placements:import_map", args=["students"])
    chosen = {"map_number": 0, "map_first_name": 1, "map_last_name": 2, "map_date_of_birth": 3}
    client.post(url, {**chosen, "confirm": "1"})
    assert Student.objects.count() == 1
    assert ImportMapping.objects.get(school=department.school, kind="students").columns["number"] == "Nr"
    # Next year's export has the columns in another order.
    _upload(client, "Geboren op;Achter;Voor;Nr\n01-01-2011;Pietersen;Piet;2\n", department)
    preview = client.get(url)
    choices = {c["column"].key: c["choice"] for c in preview.context["columns"]}
    assert (choices["number"], choices["first_name"], choices["last_name"], choices["date_of_birth"]) == (
        3,
        2,
        1,
        0,
    )


def test_the_upload_page_preselects_the_department_imported_into_last(login, coordinator, department):
    second = DepartmentFactory(school=department.school, name="Praktijkonderwijs")
    MembershipFactory(user=coordinator, department=second, role="coordinator")
    client = login(coordinator)
    _upload(client, MAGISTER, second)
    page = client.get(reverse("placements:import_upload", args=["students"]))
    assert f'<option value="{second.pk}" selected>' in page.content.decode()
    asked = client.get(
        reverse("placements:import_upload", args=["students"]) + f"?department={department.pk}"
    )
    assert f'<option value="{department.pk}" selected>' in asked.content.decode()


@pytest.mark.parametrize("value", ["29-02-2010", "31-04-2010", "2010-02-30"])
def test_a_day_that_is_not_in_the_calendar_is_named_as_such(value):
    with pytest.raises(ValueError, match="bestaat niet"):
        parse_date(value)


def test_a_value_that_is_no_date_at_all_gets_the_format_hint():
    with pytest.raises(ValueError, match="geen datum"):
        parse_date("morgen")
