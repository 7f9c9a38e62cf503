"""The visits' periodic tasks take the same queries for 3 due items as for 12."""

from datetime import timedelta

import pytest
from django.utils import timezone

from stagebeheer.models import AccessLink, OutgoingMessage
from tests.factories.visits import VisitFactory
from tests.querycount import assert_fixed_task_queries
from tests.visits.conftest import running_placement
from visits import reminders
from visits.tasks import send_input_requests

pytestmark = pytest.mark.django_db


def test_input_requests_take_the_same_queries_for_3_and_12_moments(department, supervisor):
    def make_due(n):
        for _ in range(n):
            VisitFactory(
                placement=running_placement(department, supervisor),
                planned_on=timezone.localdate() + timedelta(days=3),
            )
        return n

    assert_fixed_task_queries(send_input_requests.run, make_due)
    assert send_input_requests.run() == 0
    assert AccessLink.objects.filter(purpose="visit_input").count() == OutgoingMessage.objects.count() == 16


def test_daily_reminders_take_the_same_queries_for_3_and_12_supervisors(department):
    from tests.factories.core import UserFactory

    day = {"today": timezone.localdate()}

    def make_due(n):
        for _ in range(n):
            supervisor = UserFactory()
            VisitFactory(placement=running_placement(department, supervisor), planned_on=day["today"])
        day["today"] += timedelta(days=1)  # the next morning: everyone hears again
        return

    def run():
        return reminders.send_supervisor_reminders(day["today"])

    sent = []
    assert_fixed_task_queries(run, make_due, handled=lambda count: sent.append(count))
    assert sent == [4, 16]  # each morning every supervisor with moments due or overdue
    assert run() == 0  # twice the same morning is once
