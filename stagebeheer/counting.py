"""Counts as scalar subqueries, so a panel's several counts cost one query."""

from django.db.models import F, Func, IntegerField, Subquery


def count_of(queryset):
    """``queryset.count()`` as a subquery expression (0 for no rows): put several
    in one ``values()`` of a one-row queryset instead of a query each."""
    counted = queryset.order_by().annotate(_n=Func(F("pk"), function="COUNT")).values("_n")
    return Subquery(counted, output_field=IntegerField())
