"""The school supervisor marks a hand-in done or sends it back; the file is
downloaded only by those who may see the placement."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import FinalPresentation, HandIn
from tests.assessments.stageboek_helpers import PDF, assignment, stageboek_placement, student_link, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def placement(department, supervisor):
    return stageboek_placement(department, supervisor)


@pytest.fixture
def handin(placement):
    return HandIn.objects.create(
        assignment=assignment(placement),
        placement=placement,
        text="Mijn logboek",
        handed_in_at=timezone.now(),
    )


def _done(client, handin, **extra):
    return client.post(
        reverse("assessments:handin_done", args=[handin.pk]), {"version": handin.version, **extra}
    )


def test_the_supervisor_marks_a_hand_in_done(login, supervisor, handin):
    response = _done(login(supervisor), handin, feedback="Netjes.")
    assert response.status_code == 302
    handin.refresh_from_db()
    assert (handin.state, handin.feedback, handin.reviewed_by) == ("done", "Netjes.", supervisor)


def test_marking_done_twice_stores_once(login, supervisor, coordinator, handin):
    first = _done(login(supervisor), handin)
    second = _done(login(coordinator), handin)  # the same, older page
    assert first.status_code == second.status_code == 302
    handin.refresh_from_db()
    assert (handin.state, handin.reviewed_by, handin.version) == ("done", supervisor, 2)
    from django.contrib.messages import get_messages

    texts = [str(m) for m in get_messages(second.wsgi_request)]
    assert any("al beoordeeld" in t for t in texts)


def test_sending_back_needs_feedback(login, supervisor, handin):
    client = login(supervisor)
    client.post(reverse("assessments:handin_send_back", args=[handin.pk]), {"version": handin.version})
    handin.refresh_from_db()
    assert handin.state == "handed_in"


def test_a_stale_version_is_refused(login, supervisor, handin):
    client = login(supervisor)
    client.post(
        reverse("assessments:handin_send_back", args=[handin.pk]),
        {"version": handin.version + 5, "feedback": "x"},
    )
    handin.refresh_from_db()
    assert handin.state == "handed_in"


def test_another_supervisor_gets_404(login, other_supervisor, handin, placement):
    client = login(other_supervisor)
    assert _done(client, handin).status_code == 404
    assert client.get(reverse("assessments:stageboek", args=[placement.pk])).status_code == 404
    assert client.get(reverse("assessments:handin_file", args=[handin.pk])).status_code == 404
    handin.refresh_from_db()
    assert handin.state == "handed_in"


def test_a_leader_reads_but_cannot_mark(login, leader, handin, placement):
    client = login(leader)
    page = client.get(reverse("assessments:stageboek", args=[placement.pk]))
    assert page.status_code == 200
    assert "Mijn logboek" in page.content.decode()
    assert reverse("assessments:handin_done", args=[handin.pk]) not in page.content.decode()
    assert _done(client, handin).status_code == 403
    assert client.get(reverse("assessments:presentation", args=[placement.pk])).status_code == 403
    handin.refresh_from_db()
    assert handin.state == "handed_in"


def test_the_file_is_downloaded_through_the_view_by_readers_only(
    client, login, supervisor, leader, placement
):
    url = student_link(placement)
    client.post(url, {"assignment": assignment(placement).pk, "file": upload("logboek.pdf", PDF)})
    handin = HandIn.objects.get()
    download = reverse("assessments:handin_file", args=[handin.pk])
    client.logout()
    assert client.get(download).status_code == 302  # to sign in
    response = login(leader).get(download)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF


def test_the_supervisor_records_the_final_presentation_with_a_grade(login, supervisor, placement):
    client = login(supervisor)
    url = reverse("assessments:presentation", args=[placement.pk])
    response = client.post(
        url, {"held_on": placement.end_date.isoformat(), "grade": "7.5", "comment": "Helder"}
    )
    assert response.status_code == 302
    presentation = FinalPresentation.objects.get()
    assert (str(presentation.grade), presentation.recorded_by) == ("7.5", supervisor)
    page = client.get(reverse("assessments:stageboek", args=[placement.pk])).content.decode()
    assert "7.5" in page or "7,5" in page


@pytest.mark.parametrize("grade", ["0.9", "10.1", "7.55", "zeven"])
def test_a_grade_outside_1_to_10_with_one_decimal_is_refused(login, supervisor, placement, grade):
    response = login(supervisor).post(
        reverse("assessments:presentation", args=[placement.pk]),
        {"held_on": placement.end_date.isoformat(), "grade": grade},
    )
    assert response.status_code == 400
    assert not FinalPresentation.objects.exists()


def test_a_level_instead_of_a_grade_and_not_both(login, supervisor, placement):
    from assessments.views.stageboek import presentation_levels

    level = presentation_levels().get(label="goed")
    client = login(supervisor)
    url = reverse("assessments:presentation", args=[placement.pk])
    both = client.post(url, {"held_on": placement.end_date.isoformat(), "grade": "8", "level": level.pk})
    assert both.status_code == 400
    assert client.post(url, {"held_on": placement.end_date.isoformat(), "level": level.pk}).status_code == 302
    assert FinalPresentation.objects.get().level == level


def test_the_duo_partners_supervisor_marks_the_shared_hand_in(
    login, department, supervisor, other_supervisor
):
    from placements.models import Placement

    first = stageboek_placement(department, supervisor)
    second = stageboek_placement(department, other_supervisor, plan=first.plan)
    Placement.objects.filter(pk=first.pk).update(duo_partner=second)
    Placement.objects.filter(pk=second.pk).update(duo_partner=first)
    shared = HandIn.objects.create(
        assignment=assignment(first, "duo"),
        placement=first,
        partner=second,
        text="Poster",
        handed_in_at=timezone.now(),
    )
    client = login(other_supervisor)
    assert "Poster" in client.get(reverse("assessments:stageboek", args=[second.pk])).content.decode()
    response = client.post(
        reverse("assessments:handin_done", args=[shared.pk]),
        {"version": shared.version, "placement": second.pk},
    )
    assert response.url == reverse("assessments:stageboek", args=[second.pk])
    shared.refresh_from_db()
    assert shared.state == "done"


def test_the_supervisors_home_lists_the_hand_ins_to_review(
    login, supervisor, other_supervisor, handin, placement
):
    html = login(supervisor).get("/").content.decode()
    assert "Stageboek nakijken" in html
    assert reverse("assessments:stageboek", args=[placement.pk]) in html
    assert "Stageboek nakijken" not in login(other_supervisor).get("/").content.decode()
