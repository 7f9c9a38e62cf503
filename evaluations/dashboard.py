"""Figures for the school leader's start page, aggregated in SQL."""

from django.db.models import Count

from placements.models import Placement, PlacementState
from stagebeheer.permissions import department_ids


def placement_counts(user):
    """{department name: {state: count}} for the departments the user leads,
    in one grouped query whatever the number of placements."""
    departments = department_ids(user, ["leader"]) if not user.is_superuser else None
    queryset = Placement.objects.all()
    if departments is not None:
        queryset = queryset.filter(plan__department_id__in=departments)
    rows = (
        queryset.values("plan__department_id", "plan__department__name", "state")
        .annotate(n=Count("pk"))
        .order_by("plan__department__name")
    )
    table: dict[str, dict[str, int]] = {}
    for row in rows:
        counts = table.setdefault(row["plan__department__name"], dict.fromkeys(PlacementState.values, 0))
        counts[row["state"]] = row["n"]
    return table
