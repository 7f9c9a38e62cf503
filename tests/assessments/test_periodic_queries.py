"""The assessments' periodic tasks take the same queries for 3 due items as for 12,
and a batch claimed by one run is not sent by a concurrent one."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from assessments import reminders
from assessments.models import Assessment
from assessments.opening import open_round
from assessments.presets import apply_default
from assessments.tasks import open_due_rounds, send_reminders
from stagebeheer.claims import claim_batch
from stagebeheer.models import AccessLink, OutgoingMessage
from tests.assessments.conftest import running_placement
from tests.querycount import assert_fixed_task_queries

pytestmark = pytest.mark.django_db


def test_opening_rounds_takes_the_same_queries_for_3_and_12_placements(
    plan_with_rounds, department, supervisor
):
    today = timezone.localdate()

    def make_due(n):
        for _ in range(n):
            running_placement(
                department,
                supervisor,
                plan=plan_with_rounds,
                start_date=today - timedelta(days=20),
                end_date=today + timedelta(days=18),
            )
        return 2 * n  # the workplace supervisor's form and the student's

    assert_fixed_task_queries(open_due_rounds.run, make_due)
    # One mail per form, a history line per placement, each link's token only hashed.
    assert OutgoingMessage.objects.count() == 2 * 16
    placements = Assessment.objects.values("placement_id").distinct().count()
    from stagebeheer.models import HistoryEntry

    assert HistoryEntry.objects.filter(action="assessments:open").count() == placements == 16
    assert AccessLink.objects.count() == 32
    assert open_due_rounds.run() == 0


def _open_forms(department, supervisor, n):
    for _ in range(n):
        placement = running_placement(department, supervisor)
        open_round(placement, apply_default(placement.plan).rounds.get(kind="final"))
    Assessment.objects.filter(reminded_first_at__isnull=True).update(
        opened_at=timezone.now() - timedelta(days=6)
    )


def test_reminders_take_the_same_queries_for_3_and_12_forms(department, supervisor):
    def make_due(n):
        _open_forms(department, supervisor, n)
        return 2 * n

    assert_fixed_task_queries(send_reminders.run, make_due, handled=lambda sent: sent[5])
    assert send_reminders.run() == {5: 0, 10: 0}
    # Each reminded form has one usable link: the reminder's, the opening one revoked.
    for assessment in Assessment.objects.exclude(party="school"):
        assert AccessLink.objects.for_target(assessment).usable().count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_batch_claimed_by_one_worker_is_not_sent_by_another(department, supervisor):
    _open_forms(department, supervisor, 3)
    other = {}

    def second_worker():
        try:
            other["sent"] = reminders.send_reminders()
        finally:
            connection.close()

    with transaction.atomic():
        mine = claim_batch(reminders.due(5), 500, reminded_first_at=timezone.now())
        assert len(mine) == 6
        # While the first claim is not committed, its rows are skipped, not waited for.
        worker = threading.Thread(target=second_worker)
        worker.start()
        worker.join(timeout=20)
        assert not worker.is_alive(), "the second worker waited for the first one's lock"
    assert other["sent"] == {5: 0, 10: 0}
    # Committed, they are claimed: the next run finds nothing either.
    assert reminders.send_reminders() == {5: 0, 10: 0}
    assert not OutgoingMessage.objects.filter(subject__startswith="Herinnering").exists()
