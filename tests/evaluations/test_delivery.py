from datetime import timedelta

import pytest
from django.utils import timezone

from evaluations import services
from evaluations.models import EvaluationInvitation
from evaluations.tasks import send_reminders
from stagebeheer.models import AccessLink, OutgoingMessage
from tests.evaluations.conftest import finished_placement
from tests.factories.placements import StudentFactory

pytestmark = pytest.mark.django_db


def test_completing_a_placement_asks_every_party_once(finished):
    parties = set(EvaluationInvitation.objects.filter(placement=finished).values_list("audience", flat=True))
    assert parties == {"student", "workplace_supervisor", "school_supervisor", "coordinator"}
    # Link holders get a mail with their own link; staff answer in the app.
    assert OutgoingMessage.objects.filter(to_email=finished.student.email).count() == 1
    workplace = finished.primary_workplace_supervisor
    assert OutgoingMessage.objects.filter(to_email=workplace.email).count() == 1
    assert AccessLink.objects.filter(purpose="evaluation").count() == 2


def test_delivering_again_sends_nothing_twice(finished):
    assert services.deliver(finished) == 0
    assert EvaluationInvitation.objects.filter(placement=finished).count() == 4
    assert OutgoingMessage.objects.filter(to_email=finished.student.email).count() == 1


def test_a_terminated_placement_is_evaluated_too(department, supervisor):
    from placements import services as placement_services
    from tests.factories.visits import PlacementFactory

    placement = PlacementFactory(plan__department=department, school_supervisor=supervisor, state="active")
    placement_services.terminate(placement, on=placement.start_date, reason="Bedrijf gesloten")
    assert EvaluationInvitation.objects.filter(placement=placement).count() == 4


def test_a_student_without_an_address_is_not_asked_by_mail(department, supervisor):
    placement = finished_placement(
        department, supervisor, student=StudentFactory(department=department, email="")
    )
    assert not EvaluationInvitation.objects.filter(placement=placement, audience="student").exists()


def test_the_invitation_keeps_the_form_version_current_when_sent(finished):
    invitation = EvaluationInvitation.objects.get(placement=finished, audience="student")
    services.save_form_version(finished.plan, "student", [("general", "open", "Nieuw?")])
    invitation.refresh_from_db()
    assert invitation.form.version == 1


def test_a_reminder_goes_once_after_seven_days_with_a_fresh_link(finished):
    assert send_reminders() == 0  # not yet a week
    EvaluationInvitation.objects.update(sent_at=timezone.now() - timedelta(days=8))
    assert send_reminders() == 2  # student and workplace supervisor; staff see their start page
    assert send_reminders() == 0
    assert OutgoingMessage.objects.filter(to_email=finished.student.email).count() == 2
    student_links = AccessLink.objects.filter(purpose="evaluation", recipient_email=finished.student.email)
    assert [link.revoked_at is not None for link in student_links.order_by("pk")] == [True, False]


def test_no_reminder_for_an_answered_evaluation(finished):
    EvaluationInvitation.objects.update(sent_at=timezone.now() - timedelta(days=8))
    EvaluationInvitation.objects.filter(audience="student").update(completed_at=timezone.now())
    assert send_reminders() == 1
