import pytest

from evaluations.models import EvaluationInvitation, EvaluationResponse
from tests.evaluations.helpers import answers_for

pytestmark = pytest.mark.django_db


def _invitation(placement, audience):
    return EvaluationInvitation.objects.get(placement=placement, audience=audience)


def test_the_supervisor_answers_the_own_evaluation_in_the_app(login, supervisor, finished):
    invitation = _invitation(finished, "school_supervisor")
    client = login(supervisor)
    assert client.get(f"/evaluations/answer/{invitation.pk}/").status_code == 200
    response = client.post(f"/evaluations/answer/{invitation.pk}/", answers_for(invitation.form))
    assert response.status_code == 302
    assert EvaluationResponse.objects.get(audience="school_supervisor").respondent == supervisor


def test_a_double_submit_by_staff_stores_one_answer(login, supervisor, finished):
    invitation = _invitation(finished, "school_supervisor")
    client = login(supervisor)
    data = answers_for(invitation.form)
    client.post(f"/evaluations/answer/{invitation.pk}/", data)
    second = client.post(
        f"/evaluations/answer/{invitation.pk}/", {**data, f"q{invitation.form.questions.first().pk}": "1"}
    )
    assert second.status_code == 302
    assert EvaluationResponse.objects.count() == 1
    assert not EvaluationResponse.objects.filter(answers__score=1).exists()


def test_the_coordinator_answers_the_coordinator_evaluation(login, coordinator, finished):
    invitation = _invitation(finished, "coordinator")
    assert (
        login(coordinator)
        .post(f"/evaluations/answer/{invitation.pk}/", answers_for(invitation.form))
        .status_code
        == 302
    )
    assert EvaluationResponse.objects.filter(audience="coordinator", respondent=coordinator).exists()


def test_another_supervisor_gets_404_for_a_placement_not_theirs(login, other_supervisor, finished):
    invitation = _invitation(finished, "school_supervisor")
    assert login(other_supervisor).get(f"/evaluations/answer/{invitation.pk}/").status_code == 404


def test_an_outsider_gets_404(login, outsider, finished):
    invitation = _invitation(finished, "coordinator")
    assert login(outsider).get(f"/evaluations/answer/{invitation.pk}/").status_code == 404
    assert login(outsider).get(f"/evaluations/placement/{finished.pk}/").status_code == 404


@pytest.mark.parametrize("audience", ["school_supervisor", "coordinator", "student"])
def test_a_leader_reads_but_cannot_answer(login, leader, finished, audience):
    invitation = _invitation(finished, audience)
    client = login(leader)
    assert client.get(f"/evaluations/answer/{invitation.pk}/").status_code == 403
    assert (
        client.post(f"/evaluations/answer/{invitation.pk}/", answers_for(invitation.form)).status_code == 403
    )
    assert EvaluationResponse.objects.count() == 0


def test_the_supervisor_cannot_answer_for_the_coordinator_or_the_student(login, supervisor, finished):
    client = login(supervisor)
    for audience in ("coordinator", "student", "workplace_supervisor"):
        invitation = _invitation(finished, audience)
        assert (
            client.post(f"/evaluations/answer/{invitation.pk}/", answers_for(invitation.form)).status_code
            == 403
        )
    assert EvaluationResponse.objects.count() == 0


def test_a_hostile_staff_answer_is_refused_with_a_message(login, supervisor, finished):
    invitation = _invitation(finished, "school_supervisor")
    data = answers_for(invitation.form)
    data[f"q{invitation.form.questions.first().pk}"] = "7"
    assert login(supervisor).post(f"/evaluations/answer/{invitation.pk}/", data).status_code == 400
    assert EvaluationResponse.objects.count() == 0


def test_the_start_page_lists_the_evaluations_to_fill_in(login, supervisor, coordinator, finished):
    assert "Evaluaties in te vullen" in login(supervisor).get("/").content.decode()
    assert "Evaluaties in te vullen" in login(coordinator).get("/").content.decode()


def test_the_supervisor_start_page_lists_hosts_to_review(login, supervisor, other_supervisor, finished):
    assert f"/evaluations/placement/{finished.pk}/host-review/" in login(supervisor).get("/").content.decode()
    assert (
        f"/evaluations/placement/{finished.pk}/host-review/"
        not in login(other_supervisor).get("/").content.decode()
    )
