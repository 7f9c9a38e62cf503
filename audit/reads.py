"""Record a read: ``record_read(request, obj, ReadKind.CONCERN)`` in the view that shows it."""

from django.contrib.contenttypes.models import ContentType

from audit.context import current
from audit.models.reads import ReadEvent


def _department_id(obj):
    for path in (
        "department_id",
        "plan.department_id",
        "placement.plan.department_id",
        "student.department_id",
    ):
        value = obj
        for part in path.split("."):
            value = getattr(value, part, None)
            if value is None:
                break
        if value is not None:
            return value
    return None


def record_read(request, obj, kind, *, label="", department_id=None) -> ReadEvent:
    user = getattr(request, "user", None) if request is not None else None
    link = current().get("link", "") if user is None or not user.is_authenticated else ""
    return ReadEvent.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        link_holder=link,
        kind=kind,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=obj.pk if obj is not None else None,
        department_id=department_id if department_id is not None else (_department_id(obj) if obj else None),
        label=str(label or obj or "")[:200],
    )
