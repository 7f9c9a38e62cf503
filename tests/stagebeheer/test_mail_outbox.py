"""Outgoing mail: stored first, sent once, transient failures retried and recorded."""

import smtplib
from unittest import mock

import pytest
from django.core import mail

from stagebeheer.mail import queue_mail
from stagebeheer.models import OutgoingMessage
from stagebeheer.tasks import requeue_stale_mail, send_message
from tests.querycount import assert_fixed_queries

pytestmark = pytest.mark.django_db

RESET_CONTEXT = {
    "user": {"full_name": "Carla"},
    "protocol": "http",
    "domain": "testserver",
    "reset_path": "[[reset:1]]",
}


def _queue(department=None, to_name="Ouder", **kwargs):
    return queue_mail(
        to_email="ouder@thuis.example",
        to_name=to_name,
        subject="Onderwerp",
        template="mail/password_reset",
        context=RESET_CONTEXT,
        department=department,
        **kwargs,
    )


@pytest.mark.smoke
def test_a_message_is_stored_before_it_is_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message = _queue()
    assert message.status == OutgoingMessage.Status.QUEUED
    assert "Beste Carla" in message.body_text
    assert len(mail.outbox) == 0
    assert len(callbacks) == 1  # sending waits for the commit


def test_it_is_sent_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = _queue()
    message.refresh_from_db()
    assert message.status == OutgoingMessage.Status.SENT
    assert message.attempts == 1
    assert message.sent_at is not None
    assert len(mail.outbox) == 1


def test_a_sent_message_is_never_sent_again(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = _queue()
    assert send_message.apply(args=[message.pk]).result == "skipped"
    assert len(mail.outbox) == 1


def test_without_a_worker_a_transient_failure_is_recorded_as_failed():
    message = _queue()
    with mock.patch(
        "django.core.mail.EmailMultiAlternatives.send", side_effect=smtplib.SMTPConnectError(421, "busy")
    ):
        send_message.apply(args=[message.pk])
    message.refresh_from_db()
    assert message.status == OutgoingMessage.Status.FAILED
    assert message.attempts == 1
    assert "SMTPConnectError" in message.last_error


def test_a_permanent_failure_is_not_retried():
    message = _queue()
    with mock.patch(
        "django.core.mail.EmailMultiAlternatives.send",
        side_effect=smtplib.SMTPRecipientsRefused({"x": (550, b"no such user")}),
    ):
        send_message.apply(args=[message.pk])
    message.refresh_from_db()
    assert message.status == OutgoingMessage.Status.FAILED
    assert message.attempts == 1


def test_the_sweeper_requeues_only_old_untouched_messages():
    from datetime import timedelta

    from django.utils import timezone

    old = _queue()
    fresh = _queue()
    OutgoingMessage.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=1))
    assert requeue_stale_mail.apply().result == 1
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.status == OutgoingMessage.Status.SENT
    assert fresh.status == OutgoingMessage.Status.QUEUED


# --- the outbox page -----------------------------------------------------------


def test_the_coordinator_sees_the_departments_messages_with_status(login, coordinator, department):
    ours = _queue(department=department)
    response = login(coordinator).get("/mail/")
    assert response.status_code == 200
    assert ours.subject.encode() in response.content
    assert b"In wachtrij" in response.content


def test_the_outbox_hides_other_departments_mail(login, coordinator, other_department):
    theirs = _queue(department=other_department)
    response = login(coordinator).get("/mail/")
    assert ours_not_listed(response, theirs)
    assert login(coordinator).get(f"/mail/{theirs.pk}/").status_code == 404


def ours_not_listed(response, message):
    return f"/mail/{message.pk}/".encode() not in response.content


@pytest.mark.parametrize("persona", ["supervisor", "leader", "mentor"])
def test_other_roles_cannot_open_the_outbox(request, login, persona):
    user = request.getfixturevalue(persona)
    assert login(user).get("/mail/").status_code == 403


def test_the_outbox_runs_a_fixed_number_of_queries(login, coordinator, department):
    _queue(department=department)

    def grow():
        for _ in range(60):
            _queue(department=department)

    assert_fixed_queries(login(coordinator), "/mail/", grow)


def test_a_failed_message_can_be_sent_again_once(
    login, coordinator, department, django_capture_on_commit_callbacks
):
    message = _queue(department=department)
    OutgoingMessage.objects.filter(pk=message.pk).update(status="failed", attempts=6, last_error="x")
    client = login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/mail/{message.pk}/retry/")
    message.refresh_from_db()
    assert message.status == OutgoingMessage.Status.SENT
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/mail/{message.pk}/retry/", follow=True)
    assert b"niet mislukt" in response.content
    assert len(mail.outbox) == 1


def _stuck(message, seconds_ago, **extra):
    from datetime import timedelta

    from django.utils import timezone

    OutgoingMessage.objects.filter(pk=message.pk).update(
        status="sending",
        claimed_at=timezone.now() - timedelta(seconds=seconds_ago),
        claimed_by="dead:1",
        **extra,
    )


def test_the_sweeper_takes_over_a_send_whose_lease_ran_out_but_not_a_live_one(settings):
    live, dead = _queue(), _queue()
    _stuck(live, settings.MAIL_LEASE_SECONDS / 2, attempts=1)
    _stuck(dead, settings.MAIL_LEASE_SECONDS * 2, attempts=1)
    assert requeue_stale_mail.apply().result == 1
    dead.refresh_from_db()
    live.refresh_from_db()
    assert dead.status == OutgoingMessage.Status.SENT
    assert live.status == OutgoingMessage.Status.SENDING
    assert len(mail.outbox) == 1


def test_a_taken_over_send_that_had_started_the_exchange_goes_once_more_with_the_same_message_id(settings):
    from django.utils import timezone

    message = _queue()
    _stuck(
        message,
        settings.MAIL_LEASE_SECONDS * 2,
        message_id="<same@testserver>",
        exchange_started_at=timezone.now(),
    )
    assert send_message.apply(args=[message.pk]).result == "sent"
    message.refresh_from_db()
    assert message.fate_unknown
    assert mail.outbox[0].extra_headers["Message-ID"] == "<same@testserver>"


def test_the_coordinator_can_send_a_stuck_message_again(
    login, coordinator, department, settings, django_capture_on_commit_callbacks
):
    message = _queue(department=department)
    _stuck(message, settings.MAIL_LEASE_SECONDS * 2, attempts=1)
    client = login(coordinator)
    page = client.get(f"/mail/{message.pk}/")
    assert b"Opnieuw versturen" in page.content
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/mail/{message.pk}/retry/")
    message.refresh_from_db()
    assert message.status == OutgoingMessage.Status.SENT
    assert len(mail.outbox) == 1


def test_leases_outlast_a_live_task_and_the_broker_redelivers_before_a_lost_task_is_forgotten(settings):
    from agreements.tasks import render_agreement_pdf
    from stagebeheer.tasks import backoff_seconds

    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    # A live worker is stopped by its hard time limit before its lease runs out.
    assert send_message.time_limit < settings.MAIL_LEASE_SECONDS
    assert render_agreement_pdf.time_limit < settings.PDF_LEASE_SECONDS
    # The longest task and the longest retry countdown end within the visibility timeout,
    # so Redis does not hand out a task that is still running or waiting.
    assert visibility > settings.CELERY_TASK_TIME_LIMIT
    assert max(backoff_seconds(n) for n in range(1, 10)) < visibility
    assert visibility <= 600


@pytest.mark.parametrize(
    "name",
    [
        "Hof, Jan van 't",
        'Jan "JJ" Jansen',
        "Laurens (ouder)",
        "Özlem Çelik",
        "a@b <c@d>",
        "Verhoeven; Marieke",
    ],
)
def test_a_name_with_commas_quotes_or_brackets_reaches_its_address(name, django_capture_on_commit_callbacks):
    from email.utils import getaddresses

    with django_capture_on_commit_callbacks(execute=True):
        message = _queue(to_name=name)
    message.refresh_from_db()
    assert message.status == OutgoingMessage.Status.SENT, message.last_error
    [sent] = mail.outbox
    assert [address for _name, address in getaddresses(sent.message().get_all("To"))] == [
        "ouder@thuis.example"
    ]
