"""Working tokens exist only in the mail as sent.

A stored message holds placeholders where its links go: ``[[token:<link-id>]]``
for an emailed link (/l/<token>/) and ``[[reset:<user-id>]]`` for a password
reset. The sending task replaces them just before the SMTP exchange with a token
issued for that send; the outbox page shows the stored text with the
placeholders masked. So neither a coordinator reading /mail/ nor anyone holding
the database or a backup has a working link.

A link's token is derived from the server's secret, the link and the message's
Message-ID: the retry of a mail whose fate is unknown (same Message-ID) carries
the same token, while a resend or a retry after a failure (a new Message-ID)
issues a fresh one and so ends the earlier token of that link.
"""

import base64
import re

from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

PLACEHOLDER = re.compile(r"\[\[(token|reset):(\d+)\]\]")


def link_placeholder(link_id: int) -> str:
    return f"[[token:{link_id}]]"


def reset_placeholder(user_id: int) -> str:
    return f"[[reset:{user_id}]]"


def link_token(link_id: int, message_id: str) -> str:
    digest = salted_hmac(
        "stagebeheer.mail_tokens.link", f"{link_id}:{message_id}", algorithm="sha256"
    ).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def _issue_link_token(link_id: int, message_id: str) -> str:
    """The token for this send; the link's stored hash becomes its hash, so the
    token of an earlier send of the same link stops working."""
    from stagebeheer.models import AccessLink
    from stagebeheer.models.access_links import hash_token

    token = link_token(link_id, message_id)
    # A revoked link keeps its old hash, so its earlier mails still say "revoked".
    AccessLink.objects.filter(pk=link_id, revoked_at__isnull=True).update(token_hash=hash_token(token))
    return token


def _reset_path(user_id: int) -> str:
    from django.contrib.auth.tokens import default_token_generator
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from stagebeheer.models import User

    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return reverse("password_reset")
    return reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )


def fill_tokens(texts: list[str], message_id: str) -> list[str]:
    """The texts as they go out: each placeholder replaced by a working token
    (one token per link for all parts of one message)."""
    issued: dict[tuple[str, str], str] = {}

    def replace(match):
        key = (match.group(1), match.group(2))
        if key not in issued:
            kind, pk = key[0], int(key[1])
            issued[key] = _issue_link_token(pk, message_id) if kind == "token" else _reset_path(pk)
        return issued[key]

    return [PLACEHOLDER.sub(replace, text) for text in texts]


def mask(text: str) -> str:
    """The stored text as the outbox shows it: no token, only a note where it goes."""
    return PLACEHOLDER.sub(lambda m: _("[verborgen]") if m.group(1) == "token" else _("/[verborgen]/"), text)
