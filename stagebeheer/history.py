"""History lines of objects: what happened, by whom, when.

A line is stored untranslated — the Dutch message as written in the code (marked
with ``gettext_noop``) and its parameters — and rendered in the reader's language
(``HistoryEntry.text``), so a coordinator working in English does not leave English
lines for her Dutch colleagues. A parameter that is itself a translatable label (a
lazy string, such as a choice's label) is kept in every language of the site.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.dispatch import Signal
from django.utils import translation
from django.utils.functional import Promise

from stagebeheer.models.history import HistoryEntry


@dataclass(frozen=True)
class Line:
    message: str  # the Dutch msgid, marked with gettext_noop where it is written
    params: dict = field(default_factory=dict)


def line(message: str, **params) -> Line:
    """``line(gettext_noop("Versie %(v)s opgesteld"), v=2)``: a history line to store."""
    return Line(message, params)


def _stored_param(value):
    """A parameter as stored: labels in every language, numbers to format for the reader."""
    if isinstance(value, Promise) or (
        isinstance(value, list | tuple) and any(isinstance(v, Promise) for v in value)
    ):
        # A label (or a list of them): kept in each language, its msgid is not at hand.
        return {"i18n": {code: _in(code, value) for code, _name in settings.LANGUAGES}}
    if isinstance(value, Decimal | float):
        return {"number": str(value)}  # 12.50 reads 12,50 in Dutch
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return value if isinstance(value, int) else str(value)


def _in(code, value) -> str:
    with translation.override(code):
        if isinstance(value, list | tuple):
            return ", ".join(str(v) for v in value)
        return str(value)


def record(subject, *, action, summary, actor=None, actor_label="", changes=None) -> HistoryEntry:
    """Store one history line. ``summary`` is a ``line(...)``, or a plain text that is
    stored as given (a name, a text without words to translate). ``actor`` is a User;
    ``actor_label`` names someone without an account (a workplace supervisor signing
    through a link)."""
    entry = entry_for(
        subject, action=action, summary=summary, actor=actor, actor_label=actor_label, changes=changes
    )
    entry.save()
    return entry


def record_many(entries) -> list[HistoryEntry]:
    """Store lines made by ``entry_for`` in one INSERT (a periodic task's batch)."""
    return HistoryEntry.objects.bulk_create(list(entries))


def entry_for(subject, *, action, summary, actor=None, actor_label="", changes=None) -> HistoryEntry:
    """The line ``record`` stores, not yet saved."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    message, params = "", {}
    if isinstance(summary, Line):
        message = summary.message
        params = {key: _stored_param(value) for key, value in summary.params.items()}
    entry = HistoryEntry(
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        actor=actor,
        actor_label=actor_label[:150],
        action=action,
        message=message[:300],
        params=params,
        changes=changes or {},
    )
    # The Dutch text too: for search, exports and readers of the raw table.
    with translation.override("nl"):
        entry.summary = (entry.text if message else str(summary))[:300]
    return entry


def history_of(subject):
    return HistoryEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk
    ).select_related("actor")


# Reading sensitive data is recorded by the audit app, which the core and
# placements do not import: a view calls ``note_read`` and the audit app stores it.
record_was_read = Signal()


def note_read(request, subject, kind: str) -> None:
    """Say that ``request``'s user (or link holder) read ``subject``: kinds are
    "concern", "support_needs", "agreement_pdf" (see audit.models.ReadKind)."""
    record_was_read.send(sender=type(subject), request=request, subject=subject, kind=kind)
