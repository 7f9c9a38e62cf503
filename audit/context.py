"""Who is acting: the request's user or link holder, attached to every event.

On PostgreSQL this is pghistory's context (a transaction-local setting the
triggers read). SQLite has no such settings and pghistory's statement prefix
would break its SQL, so there the same metadata is kept in a context variable
that the signal fallback (audit.fallback) reads.
"""

import contextlib
from contextvars import ContextVar

import pghistory
from django.db import connection

_current: ContextVar[dict | None] = ContextVar("audit_context", default=None)


def uses_triggers() -> bool:
    return connection.vendor == "postgresql"


def _masked(metadata: dict) -> dict:
    """A link's path holds its working token: the audit keeps the path masked,
    as the logs do, so a reader of the history cannot open the link."""
    from stagebeheer.log_masking import mask_tokens

    return {k: mask_tokens(v) if isinstance(v, str) else v for k, v in metadata.items()}


@contextlib.contextmanager
def acting(**metadata):
    """Everything written inside is attributed to ``metadata`` (user, url, link)."""
    metadata = _masked(metadata)
    token = _current.set({**(_current.get() or {}), **metadata})
    try:
        if uses_triggers():
            with pghistory.context(**metadata):
                yield
        else:
            yield
    finally:
        _current.reset(token)


def annotate(**metadata) -> None:
    """Add to the current context, if there is one (e.g. the link holder once the link is known)."""
    current = _current.get()
    if current is None:
        return
    metadata = _masked(metadata)
    current.update(metadata)
    if uses_triggers():
        pghistory.context(**metadata)


def current() -> dict:
    return dict(_current.get() or {})
