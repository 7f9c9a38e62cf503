"""Links as the recipient gets them: read from the mail as sent.

The stored outbox row holds placeholders, never a working token (see
stagebeheer/mail_tokens.py), so tests take their links from
``django.core.mail.outbox`` (the locmem backend's list of sent mails).
"""

import re
import time

from django.core import mail

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
