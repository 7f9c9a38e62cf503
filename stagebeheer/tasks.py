"""Sending mail: claim the row, send once, retry transient errors with backoff."""

import logging
import smtplib
import socket
from datetime import timedelta
from urllib.parse import urlparse

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import make_msgid
from django.db.models import F
from django.utils import timezone

from stagebeheer.celery import periodic
from stagebeheer.mail_tokens import fill_tokens
from stagebeheer.models import OutgoingMessage

log = logging.getLogger(__name__)

# Errors worth another try: the server or the network had a bad moment.
TRANSIENT_ERRORS = (
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
    smtplib.SMTPHeloError,
    smtplib.SMTPDataError,
    smtplib.SMTPSenderRefused,
    socket.timeout,
    ConnectionError,
    TimeoutError,
)
MAX_ATTEMPTS = 6


def new_message_id() -> str:
    return make_msgid(domain=urlparse(settings.SITE_URL).hostname or "stagebeheer")


def backoff_seconds(attempt: int) -> float:
    base = getattr(settings, "MAIL_RETRY_BASE_SECONDS", 60)
    return min(base * 2 ** (attempt - 1), 3600)


@shared_task(bind=True, max_retries=MAX_ATTEMPTS - 1, soft_time_limit=60, time_limit=90)
def send_message(self, message_id: int) -> str:
    # Only one worker may move a queued row to sending, so a duplicated or
    # redelivered task never sends the same message twice.
    claimed = OutgoingMessage.objects.filter(pk=message_id, status=OutgoingMessage.Status.QUEUED).update(
        status=OutgoingMessage.Status.SENDING, attempts=F("attempts") + 1
    )
    if not claimed:
        return "skipped"
    message = OutgoingMessage.objects.get(pk=message_id)
    if not message.message_id:
        message.message_id = new_message_id()
        message.save(update_fields=["message_id"])
    # The working tokens exist from here on only in the mail itself.
    body_text, body_html = fill_tokens([message.body_text, message.body_html], message.message_id)
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=body_text,
        to=[f"{message.to_name} <{message.to_email}>" if message.to_name else message.to_email],
        headers={"Message-ID": message.message_id},
    )
    if body_html:
        email.attach_alternative(body_html, "text/html")
    try:
        email.send()
    except TRANSIENT_ERRORS as exc:
        message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        # Inline (no worker, no Redis) nobody could retry later without blocking
        # the request; the coordinator sends it again from the outbox instead.
        if message.attempts >= MAX_ATTEMPTS or self.request.is_eager:
            message.status = OutgoingMessage.Status.FAILED
            message.save(update_fields=["status", "last_error"])
            log.warning("Giving up on message %s after %s attempts", message_id, message.attempts)
            return "failed"
        message.status = OutgoingMessage.Status.QUEUED
        # Not delivered: the next attempt is a new mail with a fresh token.
        message.message_id = ""
        message.save(update_fields=["status", "last_error", "message_id"])
        raise self.retry(exc=exc, countdown=backoff_seconds(message.attempts)) from exc
    except Exception as exc:
        # A refused recipient or a bad address will not get better by retrying.
        message.status = OutgoingMessage.Status.FAILED
        message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        message.save(update_fields=["status", "last_error"])
        log.exception("Message %s failed permanently", message_id)
        return "failed"
    message.status = OutgoingMessage.Status.SENT
    message.sent_at = timezone.now()
    message.last_error = ""
    message.save(update_fields=["status", "sent_at", "last_error"])
    return "sent"


@periodic(600.0, name="requeue stale mail")
@shared_task(soft_time_limit=60, time_limit=90)
def requeue_stale_mail() -> int:
    """Queue again what was stored but never picked up (the broker was down at
    commit time). The claim in send_message keeps this safe to run twice."""
    cutoff = timezone.now() - timedelta(minutes=10)
    ids = list(
        OutgoingMessage.objects.filter(
            status=OutgoingMessage.Status.QUEUED, created_at__lt=cutoff, attempts=0
        ).values_list("pk", flat=True)[:500]
    )
    for pk in ids:
        send_message.delay(pk)
    return len(ids)
