import pytest

from evaluations.host_rules import host_record
from evaluations.models import HostReview
from evaluations.services_hosts import review_host
from placements.models import HostStatus
from stagebeheer.history import history_of
from tests.evaluations.conftest import finished_placement
from tests.factories.visits import PlacementFactory

pytestmark = pytest.mark.django_db

GOOD = {
    "learning_opportunities": "4",
    "guidance": "5",
    "safety": "4",
    "would_place_again": "yes",
    "comment": "Prima",
}


def _review(placement, user, **values):
    data = {"learning_opportunities": 4, "guidance": 4, "safety": 4, "would_place_again": True, "comment": ""}
    data.update(values)
    return review_host(placement, data, user)


def test_the_supervisor_reviews_the_host_once(login, supervisor, finished):
    client = login(supervisor)
    assert client.get(f"/evaluations/placement/{finished.pk}/host-review/").status_code == 200
    assert client.post(f"/evaluations/placement/{finished.pk}/host-review/", GOOD).status_code == 302
    second = client.post(f"/evaluations/placement/{finished.pk}/host-review/", {**GOOD, "safety": "1"})
    assert second.status_code == 200
    review = HostReview.objects.get()
    assert (review.safety, review.host_id, review.reviewer) == (4, finished.host_id, supervisor)


def test_a_running_placement_cannot_be_reviewed_yet(login, supervisor, department):
    placement = PlacementFactory(plan__department=department, school_supervisor=supervisor, state="active")
    login(supervisor).post(f"/evaluations/placement/{placement.pk}/host-review/", GOOD)
    assert not HostReview.objects.exists()


@pytest.mark.parametrize(
    "bad",
    [
        {"safety": "0"},
        {"guidance": "6"},
        {"learning_opportunities": "x"},
        {"would_place_again": "maybe"},
        {"comment": "x" * 2001},
    ],
)
def test_hostile_review_values_are_refused(login, supervisor, finished, bad):
    assert (
        login(supervisor)
        .post(f"/evaluations/placement/{finished.pk}/host-review/", {**GOOD, **bad})
        .status_code
        == 400
    )
    assert not HostReview.objects.exists()


def test_readers_and_strangers_cannot_review(login, leader, mentor, other_supervisor, outsider, finished):
    url = f"/evaluations/placement/{finished.pk}/host-review/"
    assert login(leader).post(url, GOOD).status_code == 403
    assert login(other_supervisor).post(url, GOOD).status_code == 404
    assert login(outsider).post(url, GOOD).status_code == 404
    assert not HostReview.objects.exists()


def test_the_rule_suggests_on_watch_after_one_would_not_place_again(department, supervisor, finished):
    _review(finished, supervisor, would_place_again=False)
    record = host_record(finished.host)
    assert record.suggestion == HostStatus.ON_WATCH
    assert record.not_again == 1


def test_two_would_not_place_again_suggest_unsuitable_and_never_change_the_status(
    department, supervisor, finished
):
    host = finished.host
    other = finished_placement(department, supervisor, host=host, plan=finished.plan)
    _review(finished, supervisor, would_place_again=False)
    _review(other, supervisor, would_place_again=False, safety=1)
    record = host_record(host)
    assert record.suggestion == HostStatus.UNSUITABLE
    host.refresh_from_db()
    assert host.status == HostStatus.ACTIVE  # only a suggestion


def test_no_suggestion_when_the_host_already_has_that_status(department, supervisor, finished):
    host = finished.host
    host.status = HostStatus.ON_WATCH
    host.save()
    _review(finished, supervisor, would_place_again=False)
    assert host_record(host).suggestion is None


def test_the_host_page_shows_the_record_and_the_suggestion(login, coordinator, supervisor, finished):
    _review(finished, supervisor, safety=1, learning_opportunities=2)
    html = login(coordinator).get(f"/hosts/{finished.host_id}/").content.decode()
    assert "Ervaringen van de laatste jaren" in html
    assert "Voorstel: zet dit bedrijf onder toezicht." in html
    assert "2,0 / 5" in html or "2.0 / 5" in html


def test_the_coordinator_decides_through_the_placements_service(login, coordinator, supervisor, finished):
    _review(finished, supervisor, would_place_again=False)
    response = login(coordinator).post(
        f"/evaluations/host/{finished.host_id}/status/",
        {"status": "on_watch", "reason": "Slechte begeleiding"},
    )
    assert response.status_code == 302
    host = finished.host
    host.refresh_from_db()
    assert (host.status, host.status_reason) == ("on_watch", "Slechte begeleiding")
    assert history_of(host).filter(action="status").exists()


@pytest.mark.parametrize(
    "data",
    [
        {"status": "gone", "reason": "x"},
        {"status": "on_watch", "reason": "  "},
        {"status": "on_watch", "reason": "x" * 501},
    ],
)
def test_a_hostile_status_decision_changes_nothing(login, coordinator, finished, data):
    assert login(coordinator).post(f"/evaluations/host/{finished.host_id}/status/", data).status_code == 302
    finished.host.refresh_from_db()
    assert finished.host.status == "active"


def test_a_leader_cannot_decide_and_an_outsider_gets_404(login, leader, outsider, supervisor, finished):
    data = {"status": "unsuitable", "reason": "x"}
    assert login(leader).post(f"/evaluations/host/{finished.host_id}/status/", data).status_code == 403
    assert login(supervisor).post(f"/evaluations/host/{finished.host_id}/status/", data).status_code == 403
    assert login(outsider).post(f"/evaluations/host/{finished.host_id}/status/", data).status_code == 404
    finished.host.refresh_from_db()
    assert finished.host.status == "active"


def test_the_leader_sees_the_record_but_no_decision_form(login, leader, supervisor, finished):
    _review(finished, supervisor, would_place_again=False)
    html = login(leader).get(f"/hosts/{finished.host_id}/").content.decode()
    assert "Ervaringen van de laatste jaren" in html
    assert f"/evaluations/host/{finished.host_id}/status/" not in html


def test_evaluation_means_about_the_host_need_three_answers(department, supervisor, finished):
    from evaluations import services
    from evaluations.models import EvaluationInvitation

    def answer(placement):
        invitation = EvaluationInvitation.objects.get(placement=placement, audience="student")
        services.submit(invitation, {q.pk: 2 for q in invitation.form.questions.filter(kind="scale")})

    answer(finished)
    safety = [m for m in host_record(finished.host).evaluation_means if m["topic"] == "veiligheid"]
    assert safety == [{"topic": "veiligheid", "n": 1, "mean": None}]
    for _ in range(2):
        answer(finished_placement(department, supervisor, host=finished.host, plan=finished.plan))
    safety = next(m for m in host_record(finished.host).evaluation_means if m["topic"] == "veiligheid")
    assert (safety["n"], float(safety["mean"])) == (3, 2.0)


def test_the_host_page_runs_a_fixed_number_of_queries(login, coordinator, supervisor, department, finished):
    from tests.querycount import assert_fixed_queries

    _review(finished, supervisor)

    def grow():
        for _ in range(3):
            _review(
                finished_placement(department, supervisor, host=finished.host, plan=finished.plan),
                supervisor,
                safety=2,
            )

    assert_fixed_queries(login(coordinator), f"/hosts/{finished.host_id}/", grow)
