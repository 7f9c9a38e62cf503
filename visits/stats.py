"""Counts for dashboards. Concerns are counted, never shown, outside the
coordinator's and the supervisor's own pages; one aggregate query each."""

from django.db.models import Count, Q
from django.utils import timezone

from visits.models import Concern, ConcernStatus, Visit, VisitStatus


def concern_counts(department_ids) -> dict:
    """{"total", "open", "by_kind": {kind: n}} for the given departments."""
    rows = (
        Concern.objects.filter(department_id__in=department_ids)
        .values("kind")
        .annotate(total=Count("pk"), open=Count("pk", filter=~Q(status=ConcernStatus.CLOSED)))
        .order_by("kind")
    )
    by_kind = {row["kind"]: row["total"] for row in rows}
    return {
        "total": sum(by_kind.values()),
        "open": sum(row["open"] for row in rows),
        "by_kind": by_kind,
    }


def moment_counts(department_ids) -> dict:
    """Held, planned and overdue contact moments of running placements."""
    today = timezone.localdate()
    return Visit.objects.filter(placement__plan__department_id__in=department_ids).aggregate(
        done=Count("pk", filter=Q(status=VisitStatus.DONE)),
        planned=Count("pk", filter=Q(status=VisitStatus.PLANNED, planned_on__gte=today)),
        overdue=Count(
            "pk", filter=Q(status=VisitStatus.PLANNED, planned_on__lt=today, placement__state="active")
        ),
    )
