from django.contrib.contenttypes.models import ContentType

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
