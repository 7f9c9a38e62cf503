"""Logs never hold a working token.

Paths with a token (/l/<token>/, a password reset, a calendar feed) reach the
log in Django's request warnings ("Not Found: /l/…/"), in runserver's lines and
in gunicorn's access log (request line, path, query, referrer). Both the
logging filter on our handler and gunicorn's logger class mask them.
"""

import logging
import re

from gunicorn.glogging import Logger as GunicornBaseLogger

MASK = "…"
_PATTERNS = [
    # An emailed link, with or without an action after the token.
    (re.compile(r"/l/[^/\s?#\"']+"), f"/l/{MASK}"),
    (re.compile(r"/password-reset/[^/\s?#\"']+/[^/\s?#\"']+"), f"/password-reset/{MASK}/{MASK}"),
    (re.compile(r"/visits/calendar/[^/\s?#\"']+\.ics"), f"/visits/calendar/{MASK}.ics"),
    # Any other token-like segment: 20 or more URL-safe characters.
    (re.compile(r"(?<=/)[A-Za-z0-9_-]{20,}(?=[/?#\s\"']|$)"), MASK),
]


def mask_tokens(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class MaskTokensFilter(logging.Filter):
    """Rewrites each record's message with its tokens masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is logged as it is
            return True
        masked = mask_tokens(message)
        if masked != message:
            record.msg, record.args = masked, ()
        return True


class GunicornLogger(GunicornBaseLogger):
    """Gunicorn's logger with every access-log atom masked."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: mask_tokens(value) if isinstance(value, str) else value for key, value in atoms.items()}
