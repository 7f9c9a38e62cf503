"""A Redis or database outage never answers 500 after data was committed (issue 9.4)."""

import logging

import pytest
from django.db import OperationalError, connections
from django.test import Client
from django.urls import reverse
from kombu.exceptions import OperationalError as BrokerError

from stagebeheer.mail import queue_mail
from stagebeheer.models import AccessLink, OutgoingMessage
from stagebeheer.tasks import requeue_stale_mail, send_message

pytestmark = pytest.mark.django_db


@pytest.fixture
def placement(department, supervisor):
    from tests.factories.placements import PlacementFactory, PlacementPlanFactory

    return PlacementFactory(plan=PlacementPlanFactory(department=department), school_supervisor=supervisor)


@pytest.fixture
def redis_away(monkeypatch):
    """Publishing a task fails as it does when Redis refuses the connection."""

    def refuse(*args, **kwargs):
        raise BrokerError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(send_message, "delay", refuse)
    from agreements import tasks as agreement_tasks

    monkeypatch.setattr(agreement_tasks.render_agreement_pdf, "delay", refuse)


@pytest.fixture
def database_away(monkeypatch):
    """Every query fails as it does when PostgreSQL has gone away."""

    def away(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")

    def _away():
        monkeypatch.setattr(connections["default"], "_cursor", away)

    return _away


def test_when_redis_is_away_the_mail_stays_queued_for_the_sweeper(
    redis_away, django_capture_on_commit_callbacks, caplog
):
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        message = queue_mail(
            to_email="ouder@thuis.example",
            subject="Stage",
            template="mail/password_reset",
            context={
                "user": {"full_name": "X"},
                "protocol": "http",
                "domain": "testserver",
                "reset_path": "/",
            },
        )
    message.refresh_from_db()
    assert message.status == OutgoingMessage.Status.QUEUED
    assert "the sweeper will pick it up" in caplog.text


def test_a_page_that_queues_mail_while_redis_is_away_answers_normally(
    redis_away, login, coordinator, placement, django_capture_on_commit_callbacks
):
    client = login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("placements:placement_hours_link", args=[placement.pk, "student"]))
    assert response.status_code == 302
    assert OutgoingMessage.objects.get().status == OutgoingMessage.Status.QUEUED
    assert AccessLink.objects.count() == 1  # the committed work is kept


def test_the_sweeper_sends_what_was_queued_while_redis_was_away(monkeypatch):
    from datetime import timedelta

    from django.core import mail
    from django.utils import timezone

    message = OutgoingMessage.objects.create(
        to_email="ouder@thuis.example", subject="Stage", body_text="Hallo"
    )
    OutgoingMessage.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(minutes=11))
    assert requeue_stale_mail.apply().result == 1
    assert len(mail.outbox) == 1


def test_signed_in_pages_answer_a_styled_503_while_the_database_is_away(login, coordinator, database_away):
    client = login(coordinator)
    client.raise_request_exception = False
    database_away()
    response = client.get("/")
    assert response.status_code == 503
    html = response.content.decode()
    assert "Probeer het over een paar minuten opnieuw" in html
    assert "bootstrap" in html  # styled, with the site's own CSS
    assert response["Retry-After"] == "60"
    assert "no-store" in response["Cache-Control"]
    assert "sessionid" not in response.cookies  # nobody is logged out by the outage


def test_link_pages_answer_a_styled_503_while_the_database_is_away(database_away):
    client = Client(raise_request_exception=False)
    database_away()
    response = client.get("/l/some-token-of-a-guardian/")
    assert response.status_code == 503
    assert "Even niet bereikbaar" in response.content.decode()
