"""The student hands in the stageboek's assignments through the link only."""

from datetime import timedelta
from pathlib import PurePosixPath

import pytest
from django.core.files.storage import default_storage
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from assessments import stageboek
from assessments.models import HandIn
from stagebeheer.models import AccessLink
from tests.assessments.stageboek_helpers import (
    PDF,
    PNG,
    assignment,
    docx_bytes,
    stageboek_placement,
    student_link,
    upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def placement(department, supervisor):
    return stageboek_placement(department, supervisor)


def test_the_link_page_lists_the_assignments_with_their_state(client, placement):
    url = student_link(placement)
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    for title in ("Logboek", "Interview met een collega", "Presentatie over het bedrijf", "Duo-opdracht"):
        assert title in html
    assert html.count('type="file"') == 5  # every assignment still open


def test_the_student_hands_in_text_through_the_link(client, placement):
    url = student_link(placement)
    logbook = assignment(placement)
    response = client.post(url, {"assignment": logbook.pk, "text": "Week 1: vakken gevuld."})
    assert response.status_code == 302
    handin = HandIn.objects.get()
    assert (handin.placement, handin.assignment, handin.state) == (placement, logbook, "handed_in")
    assert handin.text == "Week 1: vakken gevuld."
    assert handin.handed_in_by_label == placement.student.full_name
    page = client.get(url).content.decode()
    assert "ingeleverd" in page


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [("verslag.pdf", PDF, "pdf"), ("foto.png", PNG, "png"), ("interview.docx", docx_bytes(), "docx")],
)
def test_the_student_hands_in_a_file_recognised_by_its_content(client, placement, name, content, kind):
    url = student_link(placement)
    response = client.post(
        url, {"assignment": assignment(placement, "interview").pk, "file": upload(name, content)}
    )
    assert response.status_code == 302
    handin = HandIn.objects.get()
    assert handin.file_kind == kind
    assert handin.file_name == name
    assert default_storage.exists(handin.file.name)
    assert not handin.file.url.startswith("/static")  # stored, served only through the view


def test_a_pdf_name_on_something_else_is_refused_and_nothing_stored(client, placement):
    url = student_link(placement)
    response = client.post(
        url, {"assignment": assignment(placement).pk, "file": upload("verslag.pdf", b"MZ\x90\x00 not a pdf")}
    )
    assert response.status_code == 400
    assert "geen PDF" in response.content.decode()
    assert not HandIn.objects.exists()


def test_a_word_file_named_pdf_is_refused(client, placement):
    url = student_link(placement)
    response = client.post(
        url, {"assignment": assignment(placement).pk, "file": upload("verslag.pdf", docx_bytes())}
    )
    assert response.status_code == 400
    assert "past niet bij" in response.content.decode()
    assert not HandIn.objects.exists()


def test_an_oversized_file_is_refused_and_nothing_stored(client, placement, monkeypatch, tmp_path):
    from assessments import uploads

    monkeypatch.setattr(uploads, "MAX_HANDIN_BYTES", 1024)
    url = student_link(placement)
    response = client.post(
        url, {"assignment": assignment(placement).pk, "file": upload("groot.pdf", PDF + b"0" * 2000)}
    )
    assert response.status_code == 400
    assert "groter dan 10 MB" in response.content.decode()
    assert not HandIn.objects.exists()
    assert not list((tmp_path / "media").rglob("*.pdf"))


def test_an_empty_hand_in_is_refused(client, placement):
    url = student_link(placement)
    response = client.post(url, {"assignment": assignment(placement).pk, "text": "   "})
    assert response.status_code == 400
    assert not HandIn.objects.exists()


def test_handing_in_twice_stores_once(client, placement):
    url = student_link(placement)
    data = {"assignment": assignment(placement).pk, "text": "Mijn logboek"}
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert again.status_code == 409
    assert "al ingeleverd" in again.content.decode()
    assert HandIn.objects.get().version == 1


def test_sent_back_with_feedback_the_student_hands_in_again(client, login, supervisor, placement):
    url = student_link(placement)
    logbook = assignment(placement)
    client.post(url, {"assignment": logbook.pk, "file": upload("logboek.pdf", PDF)})
    handin = HandIn.objects.get()
    first_file = handin.file.name
    login(supervisor).post(
        reverse("assessments:handin_send_back", args=[handin.pk]),
        {"version": handin.version, "feedback": "Schrijf ook wat je leerde."},
    )
    handin.refresh_from_db()
    assert (handin.state, handin.feedback) == ("sent_back", "Schrijf ook wat je leerde.")
    page = Client().get(url).content.decode()
    assert "Schrijf ook wat je leerde." in page
    assert "Opnieuw inleveren" in page
    with TestCase.captureOnCommitCallbacks(execute=True):  # the replaced file goes on commit
        response = Client().post(url, {"assignment": logbook.pk, "text": "Nu met wat ik leerde."})
    assert response.status_code == 302
    handin.refresh_from_db()
    assert (handin.state, handin.text, handin.file.name) == ("handed_in", "Nu met wat ik leerde.", "")
    assert not default_storage.exists(first_file)  # the replaced file is gone


def test_the_link_of_another_placement_cannot_touch_this_one(client, department, supervisor, placement):
    other = stageboek_placement(department, supervisor)  # another plan, its own assignments
    url = student_link(other)
    response = client.post(url, {"assignment": assignment(placement).pk, "text": "Niet van mij"})
    assert response.status_code == 400
    assert "hoort niet bij jouw stage" in response.content.decode()
    assert not HandIn.objects.exists()


def test_a_link_of_the_same_plan_hands_in_for_its_own_placement_only(
    client, department, supervisor, placement
):
    classmate = stageboek_placement(department, supervisor, plan=placement.plan)
    url = student_link(classmate)
    client.post(
        url, {"assignment": assignment(placement).pk, "text": "Mijn logboek", "placement": placement.pk}
    )
    assert HandIn.objects.get().placement == classmate


@pytest.mark.parametrize("how", ["used", "revoked", "expired"])
def test_a_used_revoked_or_expired_link_is_refused(client, placement, how):
    url = student_link(placement)
    link = AccessLink.objects.get(purpose=stageboek.PURPOSE)
    if how == "used":
        link.claim_completion()
    elif how == "revoked":
        link.revoke()
    else:
        AccessLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(url).status_code == 410
    response = client.post(url, {"assignment": assignment(placement).pk, "text": "Te laat"})
    assert response.status_code == 410
    assert not HandIn.objects.exists()


def test_a_new_link_replaces_the_old_one(client, placement):
    old = student_link(placement)
    new = student_link(placement)
    assert client.get(old).status_code == 410
    assert client.get(new).status_code == 200


def test_a_duo_assignment_is_handed_in_once_for_both(client, department, supervisor, placement):
    from placements.models import Placement

    partner = stageboek_placement(department, supervisor, plan=placement.plan)
    Placement.objects.filter(pk=placement.pk).update(duo_partner=partner)
    Placement.objects.filter(pk=partner.pk).update(duo_partner=placement)
    placement.refresh_from_db()
    partner.refresh_from_db()
    duo = assignment(placement, "duo")
    client.post(student_link(partner), {"assignment": duo.pk, "text": "Onze poster"})
    handin = HandIn.objects.get()
    assert {handin.placement_id, handin.partner_id} == {placement.pk, partner.pk}
    # The other student sees it handed in and cannot hand in a second one.
    url = student_link(placement)
    assert client.post(url, {"assignment": duo.pk, "text": "Ook onze poster"}).status_code == 409
    assert HandIn.objects.count() == 1
    assert [h for a, h in stageboek.rows(placement) if a == duo] == [handin]


def test_a_refused_second_file_leaves_no_file_behind(client, placement, tmp_path):
    url = student_link(placement)
    logbook = assignment(placement)
    client.post(url, {"assignment": logbook.pk, "file": upload("logboek.pdf", PDF)})
    again = client.post(url, {"assignment": logbook.pk, "file": upload("nog-een.pdf", PDF)})
    assert again.status_code == 409
    assert [p.name for p in (tmp_path / "media").rglob("*.pdf")] == [
        PurePosixPath(HandIn.objects.get().file.name).name
    ]


def test_a_placement_that_no_longer_runs_takes_no_hand_ins(client, placement):
    url = student_link(placement)
    type(placement).objects.filter(pk=placement.pk).update(state="completed")
    response = client.post(url, {"assignment": assignment(placement).pk, "text": "Te laat"})
    assert response.status_code == 400
    assert not HandIn.objects.exists()


def test_the_student_is_told_the_hand_in_arrived(client, placement):
    url = student_link(placement)
    response = client.post(url, {"assignment": assignment(placement).pk, "text": "Klaar"}, follow=True)
    assert "Ingeleverd: Logboek" in response.content.decode()
