"""Importing students and hosts: map, preview, report bad rows, import the rest."""

import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from placements.models import Host, Student
from tests.factories.placements import StudentFactory

pytestmark = pytest.mark.django_db

HEADER = (
    "Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Leerjaar;Klas;E-mail;Ouder;E-mail ouder\n"
)


def csv_with_bad_rows(n=200):
    lines = [HEADER]
    for i in range(n):
        lines.append(
            f"{300000 + i};Leerling;van;Nummer{i};14-03-2011;3;3B;l{i}@school.example;Ouder {i};o{i}@thuis.example\n"
        )
    # Five bad rows, each for another reason (lines 3, 11, 21, 51, 101 in the file).
    lines[2] = "300001;Leerling;;Zonder;31-02-2011;3;3B;;;\n"  # no such date
    lines[10] = "300009;;;Geen voornaam;14-03-2011;3;3B;;;\n"  # first name missing
    lines[20] = "300019;Leerling;;Mail;14-03-2011;3;3B;geen-mail;;\n"  # bad e-mail
    lines[50] = "300049;Leerling;;Jaar;14-03-2011;twaalf;3B;;;\n"  # bad year group
    lines[100] = "300000;Leerling;;Dubbel;14-03-2011;3;3B;;;\n"  # number twice
    return "".join(lines).encode("utf-8")


def upload(client, content, name="leerlingen.csv", kind="students", department=None):
    data = {"file": io.BytesIO(content)}
    data["file"].name = name
    if department:
        data["department"] = department.pk
    return client.post(reverse("placements:import_upload", args=[kind]), data)


def test_two_hundred_students_with_five_bad_rows(login, coordinator, department):
    client = login(coordinator)
    response = upload(client, csv_with_bad_rows(), department=department)
    assert response.status_code == 302
    preview = client.get(reverse("placements:import_map", args=["students"]))
    assert preview.context["good_count"] == 195
    assert [r.line for r in preview.context["bad"]] == [3, 11, 21, 51, 101]
    assert Student.objects.count() == 0  # nothing before confirming
    mapping = {
        f"map_{c['column'].key}": "" if c["choice"] is None else c["choice"]
        for c in preview.context["columns"]
    }
    done = client.post(reverse("placements:import_map", args=["students"]), {**mapping, "confirm": "1"})
    assert done.context["created"] == 195
    text = done.content.decode()
    assert "Regel 3" in text
    assert "31-02-2011’ bestaat niet" in text
    assert "Regel 11" in text
    assert "voornaam ontbreekt" in text
    assert "geen geldig e-mailadres" in text
    assert "leerjaar" in text
    assert "twee keer" in text
    assert Student.objects.filter(department=department).count() == 195
    assert Student.objects.get(number="300005").guardians.get().email == "o5@thuis.example"


def test_an_unreadable_file_imports_nothing(login, coordinator, department):
    client = login(coordinator)
    response = upload(client, b"\x00\x01\x02 binary", name="leerlingen.csv", department=department)
    assert response.status_code == 200
    assert "Niets geïmporteerd" in response.content.decode()
    response = upload(client, b"PK\x03\x04 not really", name="leerlingen.xlsx", department=department)
    assert "Niets geïmporteerd" in response.content.decode()
    assert Student.objects.count() == 0


def test_existing_students_are_updated_by_number(login, coordinator, department):
    StudentFactory(department=department, number="300001", first_name="Oud", class_name="2A")
    client = login(coordinator)
    content = (HEADER + "300001;Nieuw;;Naam;14-03-2011;3;3C;;;\n").encode()
    upload(client, content, department=department)
    client.post(
        reverse("placements:import_map", args=["students"]),
        {
            "map_number": 0,
            "map_first_name": 1,
            "map_last_name": 3,
            "map_date_of_birth": 4,
            "map_class_name": 6,
            "confirm": "1",
        },
    )
    student = Student.objects.get(number="300001")
    assert (student.first_name, student.class_name) == ("Nieuw", "3C")
    assert Student.objects.count() == 1


def test_a_missing_required_column_blocks_the_import(login, coordinator, department):
    client = login(coordinator)
    upload(client, csv_with_bad_rows(), department=department)
    response = client.post(
        reverse("placements:import_map", args=["students"]), {"map_number": 0, "confirm": "1"}
    )
    assert "Koppel eerst de verplichte kolommen" in response.content.decode()
    assert Student.objects.count() == 0


def test_hosts_import_from_xlsx(login, coordinator, department):
    book = Workbook()
    sheet = book.active
    sheet.append(["Bedrijfsnaam", "KvK", "Plaats", "Postcode", "Sector", "Plaatsen"])
    sheet.append(["Bakkerij Bol", "12345678", "Utrecht", "3511AB", "Voeding", 2])
    sheet.append(["Garage Gat", "123", "Utrecht", "3511AB", "Auto", 1])
    buffer = io.BytesIO()
    book.save(buffer)
    client = login(coordinator)
    upload(client, buffer.getvalue(), name="bedrijven.xlsx", kind="hosts")
    preview = client.get(reverse("placements:import_map", args=["hosts"]))
    assert preview.context["good_count"] == 1
    mapping = {
        f"map_{c['column'].key}": "" if c["choice"] is None else c["choice"]
        for c in preview.context["columns"]
    }
    client.post(reverse("placements:import_map", args=["hosts"]), {**mapping, "confirm": "1"})
    host = Host.objects.get()
    assert (host.name, host.postcode, host.capacity) == ("Bakkerij Bol", "3511 AB", 2)


def test_students_and_hosts_export(login, coordinator, student, host):
    client = login(coordinator)
    response = client.get(reverse("placements:student_list") + "?export=csv")
    assert student.number in response.content.decode("utf-8-sig")
    response = client.get(reverse("placements:student_list") + "?export=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxml")
    response = client.get(reverse("placements:host_export"))
    assert host.name in response.content.decode("utf-8-sig")


def test_export_of_students_is_for_coordinators(login, leader, student):
    assert login(leader).get(reverse("placements:student_list") + "?export=csv").status_code == 403
