from django.contrib.contenttypes.models import ContentType
from django.dispatch import Signal

from stagebeheer.models.history import HistoryEntry


def record(subject, *, action, summary, actor=None, actor_label="", changes=None) -> HistoryEntry:
    """Store one history line. ``actor`` is a User; ``actor_label`` names someone
    without an account (a workplace supervisor signing through a link)."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return HistoryEntry.objects.create(
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        actor=actor,
        actor_label=actor_label[:150],
        action=action,
        summary=str(summary)[:300],
        changes=changes or {},
    )


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
