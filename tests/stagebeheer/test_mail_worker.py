import time

import pytest
from django.core import mail

from stagebeheer.mail import queue_mail
from stagebeheer.models import OutgoingMessage

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
            "uid": "MQ",
            "token": "abc",
        },
    )
    assert _wait_for(lambda: OutgoingMessage.objects.get(pk=message.pk).status == "sent")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["Ouder <ouder@thuis.example>"]
