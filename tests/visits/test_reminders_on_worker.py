"""The daily reminder task on a real worker: queued twice, each mail sent once."""

import time

import pytest
from django.core import mail
from django.utils import timezone

from stagebeheer.models import OutgoingMessage
from tests.factories.visits import VisitFactory
from tests.tasks_done import finished_tasks, wait_until_finished
from tests.visits.conftest import running_placement
from visits.models import ReminderLog
from visits.tasks import daily_reminders


def _wait_for(condition, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_the_daily_task_run_twice_sends_each_mail_once(celery_worker_on_redis, department, supervisor):
    VisitFactory(placement=running_placement(department, supervisor), planned_on=timezone.localdate())
    with finished_tasks() as done:
        runs = [daily_reminders.delay(), daily_reminders.delay()]
        # Both runs finish; the second must have found the day already claimed.
        assert wait_until_finished(done, runs)
    assert _wait_for(lambda: OutgoingMessage.objects.filter(status="sent").exists())
    assert ReminderLog.objects.count() == 1
    assert OutgoingMessage.objects.filter(to_email=supervisor.email).count() == 1
    assert sum(supervisor.email in m.to[0] for m in mail.outbox) == 1
