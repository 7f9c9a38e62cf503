"""Journeys on the audit trail: the coordinator reads a placement's history;
the administrator downloads one student's data for an access request."""

import io
import json
import zipfile

from playwright.sync_api import expect

from audit.demo import NOTE
from placements.models import Placement


def test_the_coordinator_opens_a_placements_history(desktop, login_as, step):
    placement = Placement.objects.get(notes=NOTE)
    login_as(desktop, "coordinator")
    desktop.goto(f"/placements/{placement.pk}/")
    desktop.get_by_role("link", name="Wie wat wijzigde en wie wat las").click()
    expect(desktop.get_by_role("heading", level=1)).to_contain_text("Geschiedenis")
    expect(desktop.get_by_text(f"Petra de Vries wijzigde notities van — in {NOTE}")).to_be_visible()
    step(desktop, "placement history")


def test_the_administrator_exports_one_students_data(desktop, login_as, step):
    student = Placement.objects.get(notes=NOTE).student
    login_as(desktop, "admin")
    desktop.goto(f"/students/{student.pk}/")
    desktop.get_by_role("link", name="Inzage-, correctie- of verwijderverzoek").click()
    expect(desktop.get_by_role("heading", level=1)).to_contain_text(student.full_name)
    step(desktop, "access request")
    with desktop.expect_download() as info:
        desktop.get_by_role("button", name="Gegevens downloaden (ZIP)").click()
    archive = zipfile.ZipFile(io.BytesIO(open(info.value.path(), "rb").read()))  # noqa: PTH123, SIM115
    data = json.loads(archive.read("gegevens.json"))
    assert [row["id"] for row in data["sections"]["student"]["rows"]] == [student.pk]
    assert "overzicht.html" in archive.namelist()
