import smtplib
import time
from unittest import mock

import pytest
from django.core import mail

from stagebeheer.mail import queue_mail
from stagebeheer.models import OutgoingMessage
from stagebeheer.tasks import MAX_ATTEMPTS
from tests.tasks_done import finished_tasks, wait_until_finished

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def _wait_for(predicate, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_a_real_worker_on_redis_sends_a_queued_message(celery_worker_on_redis):
    message = queue_mail(
        to_email="ouder@thuis.example",
        to_name="Ouder",
        subject="Welkom",
        template="mail/password_reset",
        context={
            "user": {"full_name": "X"},
            "protocol": "http",
            "domain": "testserver",
            "reset_path": "/password-reset/",
        },
    )
    assert _wait_for(lambda: OutgoingMessage.objects.get(pk=message.pk).status == "sent")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["Ouder <ouder@thuis.example>"]


def _queue_reset_mail():
    return queue_mail(
        to_email="ouder@thuis.example",
        to_name="Ouder",
        subject="Herstel",
        template="mail/password_reset",
        context={
            "user": {"full_name": "X"},
            "protocol": "http",
            "domain": "testserver",
            "reset_path": "/password-reset/",
        },
    )


def test_the_worker_retries_a_transient_failure_with_backoff_and_records_it(celery_worker_on_redis, settings):
    settings.MAIL_RETRY_BASE_SECONDS = 0.05
    calls = []
    real_send = mail.EmailMultiAlternatives.send

    def flaky_send(self, fail_silently=False):
        calls.append(1)
        if len(calls) == 1:
            raise smtplib.SMTPServerDisconnected("server hung up")
        return real_send(self, fail_silently)

    with mock.patch("django.core.mail.EmailMultiAlternatives.send", flaky_send):
        message = _queue_reset_mail()
        assert _wait_for(lambda: OutgoingMessage.objects.get(pk=message.pk).status == "sent")
    message.refresh_from_db()
    assert message.attempts == 2
    assert len(calls) == 2
    assert len(mail.outbox) == 1


def test_the_worker_gives_up_after_the_last_attempt(celery_worker_on_redis, settings):
    settings.MAIL_RETRY_BASE_SECONDS = 0.01
    with mock.patch(
        "django.core.mail.EmailMultiAlternatives.send", side_effect=smtplib.SMTPConnectError(421, "busy")
    ):
        message = _queue_reset_mail()
        assert _wait_for(lambda: OutgoingMessage.objects.get(pk=message.pk).status == "failed", timeout=30)
    message.refresh_from_db()
    assert message.attempts == MAX_ATTEMPTS
    assert "SMTPConnectError" in message.last_error
    assert len(mail.outbox) == 0


def test_a_duplicated_task_sends_once(celery_worker_on_redis):
    from stagebeheer.tasks import send_message

    message = _queue_reset_mail()
    assert _wait_for(lambda: OutgoingMessage.objects.get(pk=message.pk).status == "sent")
    with finished_tasks() as done:
        duplicates = [send_message.delay(message.pk), send_message.delay(message.pk)]  # redelivered
        assert wait_until_finished(done, duplicates)
    assert len(mail.outbox) == 1
