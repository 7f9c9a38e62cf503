"""Open linked forms are reminded after 5 and after 10 days, one mail each, safe to run twice."""

from datetime import timedelta

import pytest
from django.utils import timezone

from assessments.models import Assessment
from assessments.opening import open_round
from assessments.presets import apply_default
from assessments.tasks import send_reminders
from stagebeheer.models import AccessLink, OutgoingMessage
from tests.assessments.conftest import running_placement

pytestmark = pytest.mark.django_db


@pytest.fixture
def forms(department, supervisor):
    placement = running_placement(department, supervisor)
    setup = apply_default(placement.plan)
    open_round(placement, setup.rounds.get(kind="final"))
    OutgoingMessage.objects.all().delete()
    return placement


def _age(days):
    Assessment.objects.update(opened_at=timezone.now() - timedelta(days=days))


def test_nothing_is_sent_in_the_first_five_days(forms):
    _age(4)
    assert send_reminders() == {5: 0, 10: 0}
    assert not OutgoingMessage.objects.exists()


def test_after_five_days_each_open_linked_form_gets_one_reminder_with_a_working_link(forms):
    _age(6)
    assert send_reminders() == {5: 2, 10: 0}
    assert send_reminders() == {5: 0, 10: 0}
    subjects = list(OutgoingMessage.objects.values_list("subject", flat=True))
    assert len(subjects) == 2
    assert all(s.startswith("Herinnering") for s in subjects), subjects
    # The school supervisor's own form is not mailed.
    assert not Assessment.objects.get(party="school").reminded_first_at
    for assessment in Assessment.objects.exclude(party="school"):
        assert AccessLink.objects.for_target(assessment).usable().count() == 1


def test_after_ten_days_the_second_reminder_goes_once(forms):
    _age(11)
    Assessment.objects.update(reminded_first_at=timezone.now() - timedelta(days=5))
    assert send_reminders() == {5: 0, 10: 2}
    assert send_reminders() == {5: 0, 10: 0}


def test_a_form_opened_long_ago_gets_only_the_first_reminder_on_the_first_morning(forms):
    _age(12)
    assert send_reminders() == {5: 2, 10: 0}


def test_submitted_forms_and_stopped_placements_get_no_reminder(forms):
    _age(6)
    Assessment.objects.filter(party="workplace").update(status="submitted", submitted_at=timezone.now())
    Assessment.objects.filter(party="student").update(placement=forms)
    forms.__class__.objects.filter(pk=forms.pk).update(state="completed")
    assert send_reminders() == {5: 0, 10: 0}
