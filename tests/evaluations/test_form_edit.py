import pytest

from evaluations import services
from evaluations.models import EvaluationForm, EvaluationInvitation, EvaluationResponse
from tests.factories.placements import PlacementPlanFactory

pytestmark = pytest.mark.django_db


def _post_data(questions, extra=()):
    rows = list(questions) + list(extra)
    data = {
        "q-TOTAL_FORMS": str(len(rows)),
        "q-INITIAL_FORMS": str(len(questions)),
        "q-MIN_NUM_FORMS": "0",
        "q-MAX_NUM_FORMS": "20",
    }
    for i, (topic, kind, text) in enumerate(rows):
        data.update({f"q-{i}-topic": topic, f"q-{i}-kind": kind, f"q-{i}-text": text})
    return data


@pytest.fixture
def plan(department):
    return PlacementPlanFactory(department=department)


def test_a_new_plan_starts_from_the_default_questions(plan):
    form = services.current_form(plan, "student")
    assert form.version == 1
    assert form.questions.count() == 9


def test_the_coordinator_saves_a_new_version_and_old_answers_keep_theirs(login, coordinator, finished):
    plan = finished.plan
    invitation = EvaluationInvitation.objects.get(placement=finished, audience="student")
    services.submit(invitation, {q.pk: 4 for q in invitation.form.questions.filter(kind="scale")})
    questions = [(q.topic, q.kind, q.text) for q in invitation.form.questions.all()]
    data = _post_data(questions, extra=[("safety", "scale", "Ik wist bij wie ik terecht kon.")])
    data["q-0-DELETE"] = "on"
    response = login(coordinator).post(f"/evaluations/plan/{plan.pk}/forms/student/", data)
    assert response.status_code == 302
    latest = services.current_form(plan, "student")
    assert latest.version == 2
    texts = list(latest.questions.values_list("text", flat=True))
    assert texts[-1] == "Ik wist bij wie ik terecht kon."
    assert questions[0][2] not in texts
    assert EvaluationResponse.objects.get().form.version == 1
    assert invitation.form.questions.count() == 9  # the old version is untouched


def test_saving_without_a_change_makes_no_version(login, coordinator, plan):
    form = services.current_form(plan, "coordinator")
    questions = [(q.topic, q.kind, q.text) for q in form.questions.all()]
    data = _post_data(questions, extra=[("general", "scale", "")])
    assert login(coordinator).post(f"/evaluations/plan/{plan.pk}/forms/coordinator/", data).status_code == 302
    assert EvaluationForm.objects.filter(plan=plan, audience="coordinator").count() == 1


@pytest.mark.parametrize(
    "row",
    [("general", "scale", "x" * 301), ("nonsense", "scale", "Vraag"), ("general", "essay", "Vraag")],
)
def test_hostile_questions_are_refused(login, coordinator, plan, row):
    assert (
        login(coordinator).post(f"/evaluations/plan/{plan.pk}/forms/student/", _post_data([row])).status_code
        == 400
    )
    assert list(EvaluationForm.objects.filter(plan=plan).values_list("version", flat=True)) == [
        1
    ]  # the defaults only


def test_too_many_questions_are_refused(login, coordinator, plan):
    data = _post_data([("general", "scale", f"Vraag {i}") for i in range(25)])
    assert login(coordinator).post(f"/evaluations/plan/{plan.pk}/forms/student/", data).status_code == 400


def test_removing_every_question_is_refused(login, coordinator, plan):
    data = _post_data([("general", "scale", "Vraag")])
    data["q-0-DELETE"] = "on"
    login(coordinator).post(f"/evaluations/plan/{plan.pk}/forms/student/", data)
    assert services.current_form(plan, "student").questions.count() == 9


def test_an_unknown_audience_is_404(login, coordinator, plan):
    assert login(coordinator).get(f"/evaluations/plan/{plan.pk}/forms/parent/").status_code == 404


def test_a_leader_and_a_supervisor_read_but_cannot_edit(login, leader, supervisor, plan):
    for user in (leader, supervisor):
        client = login(user)
        assert client.get(f"/evaluations/plan/{plan.pk}/forms/").status_code == 200
        assert client.get(f"/evaluations/plan/{plan.pk}/forms/student/").status_code == 403
        assert (
            client.post(
                f"/evaluations/plan/{plan.pk}/forms/student/", _post_data([("general", "scale", "V")])
            ).status_code
            == 403
        )


def test_an_outsider_gets_404(login, outsider, plan):
    assert login(outsider).get(f"/evaluations/plan/{plan.pk}/forms/").status_code == 404
    assert login(outsider).get(f"/evaluations/plan/{plan.pk}/forms/student/").status_code == 404


def test_the_plan_page_links_to_its_evaluation_forms(login, coordinator, plan):
    assert (
        f"/evaluations/plan/{plan.pk}/forms/" in login(coordinator).get(f"/plans/{plan.pk}/").content.decode()
    )
