"""The evaluation reminders take the same queries for 3 due invitations as for 12."""

from datetime import timedelta

import pytest
from django.utils import timezone

from evaluations.models import EvaluationInvitation
from evaluations.models.questionnaire import LINK_AUDIENCES
from evaluations.tasks import send_reminders
from stagebeheer.models import AccessLink, OutgoingMessage
from tests.evaluations.conftest import finished_placement
from tests.querycount import assert_fixed_task_queries

pytestmark = pytest.mark.django_db


def test_reminders_take_the_same_queries_for_3_and_12_invitations(department, supervisor):
    def make_due(n):
        for _ in range(n):
            finished_placement(department, supervisor)
        due = EvaluationInvitation.objects.filter(audience__in=LINK_AUDIENCES, reminded_at__isnull=True)
        due.update(sent_at=timezone.now() - timedelta(days=8))
        return due.count()

    assert_fixed_task_queries(send_reminders.run, make_due)
    assert send_reminders.run() == 0
    reminded = EvaluationInvitation.objects.filter(reminded_at__isnull=False)
    assert OutgoingMessage.objects.filter(subject__startswith="Herinnering").count() == reminded.count() > 16
    # One usable link per invitation: the reminder's; the first mail's was revoked.
    for invitation in reminded:
        assert AccessLink.objects.for_target(invitation).usable().count() == 1
        assert AccessLink.objects.for_target(invitation).count() == 2
