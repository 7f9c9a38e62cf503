"""Demo data for the audit trail: a few changes by the coordinator, so a
placement's history page has something to show, and a student who left three
years ago, so the retention dry run (manage.py retention --dry-run) lists one.
Idempotent: each change is made only when the value is not already there."""

from datetime import timedelta

from django.utils import timezone

from audit.context import acting
from placements.models import Placement, Student

NOTE = "Eerste week goed verlopen; de praktijkbegeleider is tevreden."


def seed(core):
    coordinator = core.users.get("coordinator")
    if coordinator is None:
        return
    placement = (
        Placement.objects.filter(plan__department__memberships__user=coordinator)
        .order_by("pk")
        .select_related("student")
        .first()
    )
    if placement is None:
        return
    with acting(user=coordinator.pk, url="/demo/"):
        if placement.notes != NOTE:
            placement.notes = NOTE
            placement.save(update_fields=["notes", "updated_at"])
    left = timezone.localdate() - timedelta(days=3 * 365)
    leaver = (
        Student.objects.filter(department__memberships__user=coordinator, anonymised_at__isnull=True)
        .exclude(pk=placement.student_id)
        .order_by("-pk")
        .first()
    )
    if leaver is not None and leaver.left_on is None:
        Student.objects.filter(pk=leaver.pk).update(left_on=left)
