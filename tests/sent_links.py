"""Links as the recipient gets them: read from the mail as sent.

The stored outbox row holds placeholders, never a working token (see
stagebeheer/mail_tokens.py), so tests take their links from
``django.core.mail.outbox`` (the locmem backend's list of sent mails).
"""

import re
import time

from django.apps import apps
from django.core import mail
from django.db import models

URL = re.compile(r"https?://[^\s<>\"']+")


def _parts(message):
    yield message.body
    for content, _mimetype in getattr(message, "alternatives", []):
        yield content


def sent_mails(to_email=None, subject_contains=""):
    """The sent mails to ``to_email`` (any when None) whose subject holds the text, oldest first."""
    return [
        m
        for m in getattr(mail, "outbox", [])
        if (to_email is None or any(to_email.lower() in r.lower() for r in m.to))
        and subject_contains.lower() in m.subject.lower()
    ]


def link_in_sent_mail(to_email=None, subject_contains="", url_contains="", *, path=True, timeout=0.0):
    """The first link holding ``url_contains`` in the newest sent mail to
    ``to_email`` about ``subject_contains``; its path (``/l/<token>/``) unless
    ``path=False``. With ``timeout`` it waits that long for a worker to send it."""
    deadline = time.monotonic() + timeout
    while True:
        for message in reversed(sent_mails(to_email, subject_contains)):
            found = [u for u in URL.findall(message.body) if url_contains in u]
            if found:
                url = found[0]
                return re.sub(r"^https?://[^/]+", "", url) if path else url
        if time.monotonic() >= deadline:
            raise AssertionError(
                f"No sent mail to {to_email} about {subject_contains!r} with a link holding {url_contains!r}"
            )
        time.sleep(0.1)


def tokens_sent():
    """Every link token and password-reset token that went out in a mail."""
    found = set()
    for message in getattr(mail, "outbox", []):
        for part in _parts(message):
            for url in URL.findall(part):
                match = re.search(r"/l/([^/]+)/", url)
                if match:
                    found.add(match.group(1))
                match = re.search(r"/password-reset/([^/]+/[^/]+)/", url)
                if match:
                    found.add(match.group(1).split("/")[1])
    return found


def every_stored_text():
    """(table, value) for all values of all text-like columns of all tables of the project."""
    for model in apps.get_models():
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField | models.URLField)
        ]
        if not fields:
            continue
        for row in model._default_manager.values_list(*fields):
            for value in row:
                if value:
                    yield model._meta.label, str(value)


def send_queued():
    """Send every mail still queued, as the worker would. A test's transaction
    never commits, so the sends queued on commit do not run by themselves."""
    from stagebeheer.models import OutgoingMessage
    from stagebeheer.tasks import send_message

    queued = OutgoingMessage.objects.filter(status=OutgoingMessage.Status.QUEUED).order_by("pk")
    for pk in queued.values_list("pk", flat=True):
        send_message.apply(args=[pk])


def link_sent_to(to_email, subject_contains=""):
    """The path (/l/<token>/) in the newest mail to ``to_email`` once the queued mails went out."""
    send_queued()
    return link_in_sent_mail(to_email, subject_contains, "/l/")


def token_sent_to(to_email, subject_contains=""):
    """The token of ``link_sent_to``."""
    return link_sent_to(to_email, subject_contains).split("/")[2]
