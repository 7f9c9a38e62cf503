"""The list of forms not yet submitted, per plan, with resend; the start-page panels."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assessment, FinalJudgement
from assessments.opening import open_round
from assessments.presets import apply_default
from tests.assessments.conftest import running_placement
from tests.assessments.growth import grow_assessments
from tests.querycount import assert_fixed_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def placement(department, supervisor):
    placement = running_placement(department, supervisor)
    setup = apply_default(placement.plan)
    open_round(placement, setup.rounds.get(kind="final"))
    return placement


def test_the_coordinator_sees_the_open_forms_with_resend(login, coordinator, placement):
    html = login(coordinator).get(reverse("assessments:open_forms")).content.decode()
    assert placement.student.full_name in html
    assert html.count("Opnieuw sturen") == 2


def test_filtering_by_plan_and_a_bad_plan_value_do_not_fail(
    login, coordinator, placement, department, supervisor
):
    other = running_placement(department, supervisor)
    open_round(other, apply_default(other.plan).rounds.get(kind="final"))
    client = login(coordinator)
    html = client.get(reverse("assessments:open_forms"), {"plan": placement.plan_id}).content.decode()
    assert placement.student.full_name in html
    assert other.student.full_name not in html
    for bad in ("abc", "-1", "9" * 30):
        assert client.get(reverse("assessments:open_forms"), {"plan": bad, "page": bad}).status_code == 200


def test_a_leader_reads_without_resend_and_another_supervisor_sees_none_of_it(
    login, leader, other_supervisor, outsider, placement
):
    html = login(leader).get(reverse("assessments:open_forms")).content.decode()
    assert placement.student.full_name in html
    assert "Opnieuw sturen" not in html
    for user in (other_supervisor, outsider):
        assert (
            placement.student.full_name
            not in login(user).get(reverse("assessments:open_forms")).content.decode()
        )


def test_the_open_forms_list_is_pinned_for_10_and_1000_assessments(login, coordinator, supervisor, placement):
    setup = placement.plan.assessment_setup
    rnd = setup.rounds.get(kind="interim")
    grow_assessments(placement.plan, supervisor, placement.host, 10, rnd, setup.framework, submitted=False)

    def grow():
        grow_assessments(
            placement.plan, supervisor, placement.host, 1000, rnd, setup.framework, submitted=False
        )

    assert_fixed_queries(login(coordinator), reverse("assessments:open_forms"), grow)


def test_the_start_pages_show_open_forms_and_judgements_to_record(login, coordinator, supervisor, placement):
    html = login(coordinator).get("/").content.decode()
    assert "formulieren open" in html
    Assessment.objects.filter(placement=placement, party="workplace").update(
        status="submitted", submitted_at=timezone.now()
    )
    html = login(supervisor).get("/").content.decode()
    assert reverse("assessments:compare", args=[placement.pk]) in html
    level = Assessment.objects.first().framework.scale.levels.first()
    FinalJudgement.objects.create(placement=placement, method="weights", overall=level, decided_by=supervisor)
    html = login(supervisor).get("/").content.decode()
    assert reverse("assessments:compare", args=[placement.pk]) not in html
