"""Who reads whose answers: coordinators all, staff their own, leaders and mentors none."""

import pytest

from evaluations import services
from evaluations.models import EvaluationInvitation
from tests.querycount import assert_fixed_queries

pytestmark = pytest.mark.django_db

SECRET = "Mijn begeleider kwam nooit langs."


@pytest.fixture
def answered(finished, supervisor):
    student = EvaluationInvitation.objects.get(placement=finished, audience="student")
    services.submit(
        student, {q.pk: (4 if q.kind == "scale" else SECRET) for q in student.form.questions.all()}
    )
    own = EvaluationInvitation.objects.get(placement=finished, audience="school_supervisor")
    services.submit(
        own,
        {q.pk: (3 if q.kind == "scale" else "Eigen opmerking") for q in own.form.questions.all()},
        user=supervisor,
    )
    return finished


def test_the_coordinator_reads_every_answer(login, coordinator, answered):
    html = login(coordinator).get(f"/evaluations/placement/{answered.pk}/").content.decode()
    assert SECRET in html
    assert "Eigen opmerking" in html


def test_the_supervisor_reads_only_the_own_answer(login, supervisor, answered):
    html = login(supervisor).get(f"/evaluations/placement/{answered.pk}/").content.decode()
    assert "Eigen opmerking" in html
    assert SECRET not in html
    assert "ingevuld op" in html  # who answered is no secret


def test_the_leader_sees_who_answered_but_no_answer(login, leader, answered):
    html = login(leader).get(f"/evaluations/placement/{answered.pk}/").content.decode()
    assert "ingevuld op" in html
    assert SECRET not in html
    assert "Eigen opmerking" not in html


def test_the_placement_page_shows_the_evaluation_status_not_the_answers(login, leader, answered):
    response = login(leader).get(f"/placements/{answered.pk}/")
    html = response.content.decode()
    assert "partijen hebben de evaluatie ingevuld" in html
    assert SECRET not in html


def test_the_evaluation_page_runs_a_fixed_number_of_queries(login, coordinator, finished):
    client = login(coordinator)

    def answer(audience, score):
        invitation = EvaluationInvitation.objects.get(placement=finished, audience=audience)
        services.submit(
            invitation, {q.pk: (score if q.kind == "scale" else "x") for q in invitation.form.questions.all()}
        )

    # One answer first: with none the answers query is skipped altogether.
    answer("student", 2)

    def grow():
        answer("workplace_supervisor", 5)
        answer("coordinator", 4)

    assert_fixed_queries(client, f"/evaluations/placement/{finished.pk}/", grow)
