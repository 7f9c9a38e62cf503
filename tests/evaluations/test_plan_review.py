import pytest

from evaluations.models import PlanReview, PlanReviewAction
from placements.models import PlacementPlan
from tests.factories.placements import PlacementPlanFactory
from tests.factories.visits import PlacementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(department):
    plan = PlacementPlanFactory(department=department, school_year="2026-2027", title="Blokstage 3")
    PlacementFactory.create_batch(2, plan=plan, state="completed")
    return plan


def _data(**extra):
    data = {
        "findings": "Te weinig plekken in de zorg.",
        "decisions": "Meer zorgbedrijven werven.",
        "copy_to": "2027-2028",
        "a-TOTAL_FORMS": "2",
        "a-INITIAL_FORMS": "0",
        "a-MIN_NUM_FORMS": "0",
        "a-MAX_NUM_FORMS": "20",
        "a-0-description": "Vijf zorgbedrijven benaderen",
        "a-0-owner": "Carla",
        "a-0-due_on": "2027-03-01",
        "a-1-description": "",
        "a-1-owner": "",
        "a-1-due_on": "",
    }
    data.update(extra)
    return data


def test_the_coordinator_records_a_review_and_copies_the_plan_to_next_year(login, coordinator, plan):
    client = login(coordinator)
    assert client.get(f"/evaluations/plan/{plan.pk}/review/").status_code == 200
    response = client.post(f"/evaluations/plan/{plan.pk}/review/", _data())
    review = PlanReview.objects.get()
    assert response.url == f"/evaluations/reviews/{review.pk}/"
    assert review.next_plan.school_year == "2027-2028"
    assert review.next_plan.copied_from == plan
    assert list(PlanReviewAction.objects.values_list("description", "owner")) == [
        ("Vijf zorgbedrijven benaderen", "Carla")
    ]
    placing = next(s for s in review.figures if s["key"] == "placing")
    assert {f["label"]: f["value"] for f in placing["figures"]}["Stages (niet concept)"] == 2


def test_the_frozen_figures_do_not_move_afterwards(login, coordinator, plan):
    client = login(coordinator)
    client.post(f"/evaluations/plan/{plan.pk}/review/", _data())
    PlacementFactory.create_batch(3, plan=plan, state="active")
    review = PlanReview.objects.get()
    html = client.get(f"/evaluations/reviews/{review.pk}/").content.decode()
    placing = next(s for s in review.figures if s["key"] == "placing")
    assert {f["label"]: f["value"] for f in placing["figures"]}["Stages (niet concept)"] == 2
    assert "Te weinig plekken in de zorg." in html


def test_a_double_submit_stores_one_review_and_one_copy(login, coordinator, plan):
    client = login(coordinator)
    client.post(f"/evaluations/plan/{plan.pk}/review/", _data())
    client.post(f"/evaluations/plan/{plan.pk}/review/", _data(findings="Tweede keer"))
    assert PlanReview.objects.count() == 1
    assert PlacementPlan.objects.filter(school_year="2027-2028").count() == 1


def test_an_existing_next_year_plan_is_linked_not_duplicated(login, coordinator, plan, department):
    existing = PlacementPlanFactory(department=department, school_year="2027-2028", title="Blokstage 3")
    login(coordinator).post(f"/evaluations/plan/{plan.pk}/review/", _data())
    assert PlanReview.objects.get().next_plan == existing


def test_the_plan_page_shows_the_review_history(login, coordinator, leader, plan):
    login(coordinator).post(f"/evaluations/plan/{plan.pk}/review/", _data())
    review = PlanReview.objects.get()
    for page in (plan, review.next_plan):
        html = login(leader).get(f"/plans/{page.pk}/").content.decode()
        assert f"/evaluations/reviews/{review.pk}/" in html


def test_the_leader_records_a_review_but_cannot_copy_the_plan(login, leader, plan):
    client = login(leader)
    assert client.post(f"/evaluations/plan/{plan.pk}/review/", _data()).status_code == 403
    assert not PlanReview.objects.exists()
    assert client.post(f"/evaluations/plan/{plan.pk}/review/", _data(copy_to="")).status_code == 302
    assert PlanReview.objects.get().next_plan is None


@pytest.mark.parametrize(
    "bad",
    [
        {"findings": ""},
        {"findings": "x" * 5001},
        {"copy_to": "2025-2026"},
        {"copy_to": "2027-2029"},
        {"copy_to": "volgend jaar"},
        {"a-0-owner": ""},
        {"a-0-due_on": "31-02-2027"},
        {"a-0-description": "x" * 301},
        {"a-TOTAL_FORMS": "500"},
    ],
)
def test_hostile_review_values_are_refused_and_change_nothing(login, coordinator, plan, bad):
    assert login(coordinator).post(f"/evaluations/plan/{plan.pk}/review/", _data(**bad)).status_code == 400
    assert not PlanReview.objects.exists()
    assert not PlacementPlan.objects.filter(school_year="2027-2028").exists()


def test_supervisors_and_mentors_cannot_review_and_outsiders_get_404(
    login, supervisor, mentor, outsider, plan
):
    assert login(supervisor).post(f"/evaluations/plan/{plan.pk}/review/", _data()).status_code == 403
    assert login(mentor).get(f"/evaluations/plan/{plan.pk}/review/").status_code == 403
    assert login(outsider).post(f"/evaluations/plan/{plan.pk}/review/", _data()).status_code == 404
    assert not PlanReview.objects.exists()


def test_an_outsider_cannot_read_a_review(login, coordinator, outsider, plan):
    login(coordinator).post(f"/evaluations/plan/{plan.pk}/review/", _data())
    review = PlanReview.objects.get()
    assert login(outsider).get(f"/evaluations/reviews/{review.pk}/").status_code == 404
