"""The signer reminders and the coordinator's 10-day note take the same queries
for 3 sent agreements as for 12."""

from datetime import timedelta

import pytest
from django.utils import timezone

from agreements import services
from agreements.models import Agreement, SignatureRequest
from agreements.reminders import send_reminders
from stagebeheer.models import AccessLink, OutgoingMessage
from tests.querycount import assert_fixed_task_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def send_agreements(make_placement, coordinator, commit):
    def _send(n, days):
        for _ in range(n):
            placement = make_placement("vo")
            with commit():
                agreement = services.generate(placement, actor=coordinator)
            with commit():
                services.send(agreement, actor=coordinator)
        sent = timezone.now() - timedelta(days=days, minutes=1)
        fresh = Agreement.objects.filter(requests__reminders_sent=0, requests__coordinator_told_at=None)
        SignatureRequest.objects.filter(agreement__in=fresh, reminders_sent=0).update(sent_at=sent)
        Agreement.objects.filter(pk__in=fresh.values("pk")).update(sent_at=sent)

    return _send


def test_signer_reminders_take_the_same_queries_for_3_and_12_agreements(send_agreements):
    def make_due(n):
        send_agreements(n, days=3)
        return 2 * n  # the host and the guardian sign by link

    assert_fixed_task_queries(send_reminders, make_due, handled=lambda counts: counts["reminders"])
    assert send_reminders()["reminders"] == 0
    reminders = OutgoingMessage.objects.filter(subject__startswith="Herinnering")
    assert reminders.count() == 32
    # One working link per signer: the reminder ended the first one.
    for req in SignatureRequest.objects.exclude(party="school"):
        assert AccessLink.objects.for_target(req).usable().count() == 1


def test_the_coordinator_note_takes_the_same_queries_for_3_and_12_agreements(send_agreements, coordinator):
    def make_due(n):
        send_agreements(n, days=10)
        # The signers were reminded already; only the coordinator's note is due.
        SignatureRequest.objects.exclude(party="school").update(reminders_sent=2)
        return n

    assert_fixed_task_queries(send_reminders, make_due, handled=lambda counts: counts["coordinators"])
    assert send_reminders()["coordinators"] == 0
    notes = OutgoingMessage.objects.filter(
        to_email=coordinator.email, subject__startswith="Overeenkomst nog niet"
    )
    assert notes.count() == 16
