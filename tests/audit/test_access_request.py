"""The access request: one student's data in one download, nobody else's, and the download is recorded."""

import io
import json
import zipfile

import pytest

from audit.models import ReadEvent, ReadKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def ours(make_case, department):
    return make_case(department, "Fleur", "fleur@thuis.example")


@pytest.fixture
def theirs(make_case, department):
    return make_case(department, "Bram", "bram@thuis.example")


def download(client, student):
    response = client.post(f"/audit/access-request/student/{student.pk}/download/")
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_the_download_holds_every_kind_of_data_of_exactly_this_student(login, coordinator, ours, theirs):
    archive = download(login(coordinator), ours)
    data = json.loads(archive.read("gegevens.json"))
    sections = data["sections"]
    assert [r["id"] for r in sections["student"]["rows"]] == [ours.pk]
    assert [r["name"] for r in sections["guardians"]["rows"]] == ["Ouder van Fleur"]
    assert [r["goal"] for r in sections["learning_goals"]["rows"]] == ["doel van Fleur"]
    assert {r["student_id"] for r in sections["placements"]["rows"]} == {ours.pk}
    assert [r["description"] for r in sections["hours"]["rows"]] == ["uren van Fleur"]
    assert [r["notes"] for r in sections["visits"]["rows"]] == ["bezoek bij Fleur"]
    assert [r["description"] for r in sections["concerns"]["rows"]] == ["zorg over Fleur"]
    assert [r["subject"] for r in sections["mail"]["rows"]] == ["Bericht voor Fleur"]
    assert len(sections["agreements"]["rows"]) == 1
    everything = json.dumps(data) + archive.read("overzicht.html").decode()
    assert "Bram" not in everything
    assert "Fleur" in archive.read("overzicht.html").decode()


def test_the_agreement_pdfs_of_this_student_are_in_the_download(login, coordinator, ours, theirs):
    archive = download(login(coordinator), ours)
    pdfs = [name for name in archive.namelist() if name.startswith("overeenkomsten/")]
    agreement = ours.placements.get().agreements.get()
    assert pdfs == [f"overeenkomsten/{agreement.pk}-pdf.pdf"]
    assert archive.read(pdfs[0]).startswith(b"%PDF")


def test_who_reported_a_concern_is_left_out(login, coordinator, ours):
    archive = download(login(coordinator), ours)
    assert "Geheime Melder" not in archive.read("gegevens.json").decode()


def test_the_download_is_recorded(login, coordinator, ours):
    download(login(coordinator), ours)
    [read] = ReadEvent.objects.filter(kind=ReadKind.ACCESS_REQUEST)
    assert (read.user, read.object_id) == (coordinator, ours.pk)
    page = login(coordinator).get(f"/audit/access-request/student/{ours.pk}/")
    assert "Carla Coördinator" in page.content.decode()


def test_a_download_by_get_is_refused(login, coordinator, ours):
    assert login(coordinator).get(f"/audit/access-request/student/{ours.pk}/download/").status_code == 405


@pytest.mark.parametrize(("persona", "status"), [("supervisor", 403), ("leader", 403), ("mentor", 404)])
def test_other_roles_may_not_export_a_student(request, login, ours, persona, status):
    client = login(request.getfixturevalue(persona))
    assert client.get(f"/audit/access-request/student/{ours.pk}/").status_code == status
    assert client.post(f"/audit/access-request/student/{ours.pk}/download/").status_code == status
    assert not ReadEvent.objects.filter(kind=ReadKind.ACCESS_REQUEST).exists()


def test_a_coordinator_cannot_export_a_foreign_student(login, outsider, ours):
    client = login(outsider)
    assert client.get(f"/audit/access-request/student/{ours.pk}/").status_code == 404
    assert client.post(f"/audit/access-request/student/{ours.pk}/download/").status_code == 404
    assert (
        client.post(f"/audit/access-request/student/{ours.pk}/erase/", {"confirm": "on"}).status_code == 404
    )


def test_the_administrator_exports_any_student(login, admin_user, ours):
    archive = download(login(admin_user), ours)
    assert "gegevens.json" in archive.namelist()


def test_an_erasure_request_needs_the_confirmation(login, coordinator, ours):
    client = login(coordinator)
    client.post(f"/audit/access-request/student/{ours.pk}/erase/")
    ours.refresh_from_db()
    assert ours.anonymised_at is None
    client.post(f"/audit/access-request/student/{ours.pk}/erase/", {"confirm": "on"})
    ours.refresh_from_db()
    assert ours.anonymised_at is not None
    assert ours.first_name == "Leerling"
    response = client.post(f"/audit/access-request/student/{ours.pk}/download/")
    assert response.status_code == 302
