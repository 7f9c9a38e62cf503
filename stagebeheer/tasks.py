"""Sending mail: claim the row, send once, retry transient errors with backoff."""

import logging
import smtplib
import socket
from datetime import timedelta
from email.utils import formataddr
from urllib.parse import urlparse

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.message import make_msgid
from django.db.models import F, Q
from django.utils import timezone

from stagebeheer.celery import periodic
from stagebeheer.leases import expired_before, seconds_left, worker_name
from stagebeheer.mail_tokens import fill_tokens
from stagebeheer.models import OutgoingMessage
from stagebeheer.queueing import delay_many

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


_FATE_UNKNOWN = "Afloop onbekend: de verzender stopte tijdens de SMTP-uitwisseling; opnieuw verstuurd met dezelfde Message-ID."
_FATE_UNKNOWN_TWICE = (
    "Afloop twee keer onbekend; controleer of de ontvanger de mail kreeg en verstuur hem zo nodig opnieuw."
)


def backoff_seconds(attempt: int) -> float:
    # At most 480 s: a countdown beyond the broker's visibility timeout (600 s)
    # would be redelivered before it is due.
    base = getattr(settings, "MAIL_RETRY_BASE_SECONDS", 60)
    return min(base * 2 ** (attempt - 1), 480)


def _failed(message, error: str) -> str:
    message.status = OutgoingMessage.Status.FAILED
    message.last_error = error[:2000]
    message.save(update_fields=["status", "last_error"])
    return "failed"


@shared_task(bind=True, max_retries=MAX_ATTEMPTS - 1, soft_time_limit=60, time_limit=90)
def send_message(self, message_id: int) -> str:
    # Only one worker may move a row to sending, so a duplicated or redelivered
    # task never sends the same message twice; a claim whose lease ran out (the
    # worker was killed) is taken over.
    lease = settings.MAIL_LEASE_SECONDS
    me = worker_name()
    claimed = (
        OutgoingMessage.objects.filter(pk=message_id)
        .filter(
            Q(status=OutgoingMessage.Status.QUEUED)
            | Q(status=OutgoingMessage.Status.SENDING, claimed_at__lt=expired_before(lease))
            | Q(status=OutgoingMessage.Status.SENDING, claimed_at__isnull=True)
        )
        .update(
            status=OutgoingMessage.Status.SENDING,
            attempts=F("attempts") + 1,
            claimed_at=timezone.now(),
            claimed_by=me,
        )
    )
    if not claimed:
        row = OutgoingMessage.objects.filter(pk=message_id).values("status", "claimed_at").first()
        held = row and row["status"] == OutgoingMessage.Status.SENDING
        if held and not self.request.called_directly and not self.request.is_eager:
            # Another worker holds it, alive or killed: look again when its lease ends.
            raise self.retry(countdown=seconds_left(row["claimed_at"], lease) + 1, max_retries=MAX_ATTEMPTS)
        return "skipped"
    message = OutgoingMessage.objects.get(pk=message_id)
    if message.exchange_started_at is not None:
        # The previous holder died inside the SMTP exchange: the mail may have
        # arrived. Send it once more with the same Message-ID (and so the same
        # token), and say so; a second unknown end is left to the coordinator.
        if message.fate_unknown:
            return _failed(message, _FATE_UNKNOWN_TWICE)
        message.fate_unknown = True
        message.last_error = _FATE_UNKNOWN
        message.save(update_fields=["fate_unknown", "last_error"])
    if not message.message_id:
        message.message_id = new_message_id()
        message.save(update_fields=["message_id"])
    # The working tokens exist from here on only in the mail itself.
    body_text, body_html = fill_tokens([message.body_text, message.body_html], message.message_id)
    connection = get_connection()
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=body_text,
        # formataddr quotes a name such as "Hof, Jan van 't (ouder)"; pasted into "<…>" by
        # hand, its comma or brackets made the address invalid and the mail never went out.
        to=[formataddr((message.to_name, message.to_email)) if message.to_name else message.to_email],
        headers={"Message-ID": message.message_id},
        connection=connection,
    )
    if body_html:
        email.attach_alternative(body_html, "text/html")
    try:
        # Connecting, greeting and logging in send nothing of the message; a kill
        # up to here is a plain retry. From the exchange on, the fate is unknown.
        connection.open()
        OutgoingMessage.objects.filter(pk=message.pk, claimed_by=me).update(
            exchange_started_at=timezone.now()
        )
        try:
            email.send()  # on the open connection, which it leaves open
        finally:
            connection.close()
    except TRANSIENT_ERRORS as exc:
        error = f"{type(exc).__name__}: {exc}"
        # Inline (no worker, no Redis) nobody could retry later without blocking
        # the request; the coordinator sends it again from the outbox instead.
        if message.attempts >= MAX_ATTEMPTS or self.request.is_eager:
            log.warning("Giving up on message %s after %s attempts", message_id, message.attempts)
            return _failed(message, error)
        # Not delivered: the next attempt is a new mail with a fresh token.
        OutgoingMessage.objects.filter(pk=message.pk).update(
            status=OutgoingMessage.Status.QUEUED,
            last_error=error[:2000],
            message_id="",
            exchange_started_at=None,
            fate_unknown=False,
        )
        raise self.retry(exc=exc, countdown=backoff_seconds(message.attempts)) from exc
    except Exception as exc:
        # A refused recipient or a bad address will not get better by retrying.
        log.exception("Message %s failed permanently", message_id)
        return _failed(message, f"{type(exc).__name__}: {exc}")
    message.status = OutgoingMessage.Status.SENT
    message.sent_at = timezone.now()
    if not message.fate_unknown:
        message.last_error = ""
    message.save(update_fields=["status", "sent_at", "last_error"])
    return "sent"


@periodic(300.0, name="requeue stale mail")
@shared_task(soft_time_limit=60, time_limit=90)
def requeue_stale_mail() -> int:
    """Queue again what was stored but never picked up (the broker was down at
    commit time) and what a killed worker held (lease run out). The claim in
    send_message keeps this safe to run twice. One query whatever the number:
    on a worker each id is only pushed to the broker (inline, under eager
    Celery, each is sent at once)."""
    cutoff = timezone.now() - timedelta(minutes=10)
    ids = list(
        OutgoingMessage.objects.filter(
            Q(status=OutgoingMessage.Status.QUEUED, created_at__lt=cutoff, attempts=0)
            | Q(
                status=OutgoingMessage.Status.SENDING,
                claimed_at__lt=expired_before(settings.MAIL_LEASE_SECONDS),
            )
        ).values_list("pk", flat=True)[:500]
    )
    delay_many(send_message, ids)
    return len(ids)
