"""A mail survives a worker killed in the middle of sending it (issue 9.3).

Real processes: a Celery worker on Redis, its pool child killed with SIGKILL
while a local SMTP server of the test stalls; the pool starts a new child, the
redelivered task takes the claim over once its lease has run out.
"""

import re

import pytest

from stagebeheer.models import OutgoingMessage
from stagebeheer.tasks import send_message
from tests.conftest import celery_app
from tests.killable_worker import KillableWorker, StallingSmtpServer, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def smtp(request):
    server = StallingSmtpServer(request.param)
    yield server
    server.close()


@pytest.fixture
def worker(tmp_path, smtp):
    celery_app.control.purge()
    worker = KillableWorker(
        tmp_path, EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(smtp.port), EMAIL_USE_TLS="false", EMAIL_TIMEOUT="60"
    ).start()
    yield worker
    worker.stop()
    celery_app.control.purge()


def _queue():
    message = OutgoingMessage.objects.create(
        to_email="ouder@thuis.example", subject="Stage", body_text="Hallo"
    )
    send_message.delay(message.pk)
    return message


def _kill_the_sender(worker, smtp):
    assert smtp.stalled.wait(60), worker.log.read_text()[-3000:]
    [child] = worker.pool_children()
    worker.kill_child(child)
    return child


@pytest.mark.parametrize("smtp", ["greeting"], indirect=True)
def test_a_worker_killed_before_the_exchange_leaves_a_mail_that_is_delivered_once(worker, smtp):
    message = _queue()
    killed = _kill_the_sender(worker, smtp)
    assert OutgoingMessage.objects.get(pk=message.pk).status == OutgoingMessage.Status.SENDING
    assert wait_for(lambda: OutgoingMessage.objects.get(pk=message.pk).status == OutgoingMessage.Status.SENT)
    message.refresh_from_db()
    assert len(smtp.messages) == 1
    assert not message.fate_unknown
    assert str(killed) not in message.claimed_by  # a new pool child took over


@pytest.mark.parametrize("smtp", ["data"], indirect=True)
def test_a_worker_killed_inside_the_exchange_retries_once_with_the_same_message_id(worker, smtp):
    message = _queue()
    _kill_the_sender(worker, smtp)
    assert wait_for(lambda: OutgoingMessage.objects.get(pk=message.pk).status == OutgoingMessage.Status.SENT)
    message.refresh_from_db()
    assert message.fate_unknown  # marked: the recipient may have it twice
    assert "Afloop onbekend" in message.last_error
    assert len(smtp.messages) == 2
    ids = {re.search(r"^Message-ID: (.+)$", m, re.M | re.I).group(1).strip() for m in smtp.messages}
    assert ids == {message.message_id}
