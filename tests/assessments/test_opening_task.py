"""Rounds open by themselves on their date, once, for running placements only."""

from datetime import timedelta

import pytest
from django.utils import timezone

from assessments.models import Assessment
from assessments.opening import due_pairs
from assessments.tasks import open_due_rounds
from stagebeheer.models import OutgoingMessage
from tests.assessments.conftest import running_placement

pytestmark = pytest.mark.django_db


def test_the_task_opens_the_interim_round_halfway_and_is_safe_to_run_twice(
    plan_with_rounds, department, supervisor
):
    today = timezone.localdate()
    halfway = running_placement(
        department,
        supervisor,
        plan=plan_with_rounds,
        start_date=today - timedelta(days=20),
        end_date=today + timedelta(days=18),
    )
    running_placement(  # not halfway yet
        department,
        supervisor,
        plan=plan_with_rounds,
        start_date=today - timedelta(days=5),
        end_date=today + timedelta(days=30),
    )
    assert open_due_rounds() == 2  # workplace supervisor and student
    assert open_due_rounds() == 0
    assert set(Assessment.objects.values_list("placement_id", "round__kind", "party")) == {
        (halfway.pk, "interim", "workplace"),
        (halfway.pk, "interim", "student"),
    }
    assert OutgoingMessage.objects.count() == 2


def test_a_placement_that_is_not_running_gets_no_forms(plan_with_rounds, department, supervisor):
    today = timezone.localdate()
    for state in ("draft", "agreement_pending", "completed"):
        running_placement(
            department,
            supervisor,
            plan=plan_with_rounds,
            state=state,
            start_date=today - timedelta(days=60),
            end_date=today - timedelta(days=1),
        )
    assert open_due_rounds() == 0


def test_finding_due_rounds_takes_the_same_queries_for_few_and_many_placements(
    plan_with_rounds, department, supervisor, django_assert_num_queries
):
    today = timezone.localdate()
    start = today - timedelta(days=40)
    running_placement(department, supervisor, plan=plan_with_rounds, start_date=start)
    with django_assert_num_queries(4):
        assert len(due_pairs()) == 1
    for _ in range(10):
        running_placement(department, supervisor, plan=plan_with_rounds, start_date=start)
    with django_assert_num_queries(4):
        assert len(due_pairs()) == 11
