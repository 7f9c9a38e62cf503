import pytest

from evaluations.models import EvaluationAnswer, EvaluationInvitation, EvaluationResponse
from stagebeheer.models import AccessLink
from tests.evaluations.helpers import answers_for, link_path_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def student_link(finished):
    return link_path_for(finished.student.email)


@pytest.fixture
def invitation(finished):
    return EvaluationInvitation.objects.get(placement=finished, audience="student")


def test_opening_the_link_shows_the_form_and_changes_nothing(client, student_link, invitation):
    response = client.get(student_link)
    assert response.status_code == 200
    assert "Ik voelde me veilig op mijn stageplek." in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.completed_at is None
    assert AccessLink.objects.filter(completed_at__isnull=False).count() == 0


def test_the_student_answers_once_and_the_answers_keep_their_version(client, student_link, invitation):
    response = client.post(student_link, answers_for(invitation.form, score="5", text="Leuk!"))
    assert response.status_code == 200
    stored = EvaluationResponse.objects.get(placement=invitation.placement, audience="student")
    assert stored.form == invitation.form
    assert stored.respondent is None
    assert (
        sorted(EvaluationAnswer.objects.filter(response=stored).values_list("score", flat=True), key=str)[0]
        == 5
    )
    assert EvaluationAnswer.objects.filter(response=stored, text="Leuk!").count() == 1


def test_a_second_submit_of_the_same_link_is_refused_and_stores_nothing(client, student_link, invitation):
    data = answers_for(invitation.form)
    client.post(student_link, data)
    replay = client.post(student_link, {**data, f"q{invitation.form.questions.first().pk}": "1"})
    assert replay.status_code == 410
    assert EvaluationResponse.objects.count() == 1
    assert not EvaluationAnswer.objects.filter(score=1).exists()


def test_an_answered_invitation_refuses_even_a_fresh_link(client, finished, invitation):
    """A second link for the same party (a resend) cannot store a second answer."""
    from evaluations import services

    first = link_path_for(finished.student.email)
    client.post(first, answers_for(invitation.form))
    services._send_link(invitation, reminder=True)
    second = link_path_for(finished.student.email)
    assert second != first
    assert client.get(second).status_code == 410
    assert client.post(second, answers_for(invitation.form)).status_code == 410
    assert EvaluationResponse.objects.count() == 1


@pytest.mark.parametrize("bad", ["0", "6", "abc", "", "4; DROP TABLE x", "9" * 400])
def test_hostile_scores_are_refused_with_a_message_and_nothing_stored(client, student_link, invitation, bad):
    data = answers_for(invitation.form)
    data[f"q{invitation.form.questions.first().pk}"] = bad
    response = client.post(student_link, data)
    assert response.status_code == 400
    assert EvaluationResponse.objects.count() == 0
    invitation.refresh_from_db()
    assert invitation.completed_at is None


def test_an_overlong_open_answer_is_refused(client, student_link, invitation):
    data = answers_for(invitation.form, text="x" * 2001)
    assert client.post(student_link, data).status_code == 400
    assert EvaluationResponse.objects.count() == 0


def test_answers_for_another_placement_question_are_ignored(client, student_link, invitation, other_finished):
    other_question = EvaluationInvitation.objects.get(
        placement=other_finished, audience="student"
    ).form.questions.first()
    data = {**answers_for(invitation.form), f"q{other_question.pk}": "1"}
    assert client.post(student_link, data).status_code == 200
    assert not EvaluationAnswer.objects.filter(question=other_question).exists()


def test_the_workplace_supervisor_answers_by_link(client, finished):
    workplace = finished.primary_workplace_supervisor
    invitation = EvaluationInvitation.objects.get(placement=finished, audience="workplace_supervisor")
    path = link_path_for(workplace.email)
    assert "Wij willen graag weer een stagiair ontvangen." in client.get(path).content.decode()
    assert client.post(path, answers_for(invitation.form)).status_code == 200
    assert EvaluationResponse.objects.filter(audience="workplace_supervisor").count() == 1


def test_the_form_is_usable_on_a_phone_page_with_buttons_for_each_score(client, student_link):
    html = client.get(student_link).content.decode()
    assert 'name="viewport"' in html
    assert html.count('class="btn-check"') == 8 * 5
