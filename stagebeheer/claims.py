"""Claiming a batch of due rows in a fixed number of queries.

A periodic task marks what it handles before it mails, so a second run or a
second worker sends nothing twice. Per row that was one conditional UPDATE;
these do the same for a whole batch."""

from django.db import IntegrityError, transaction


def claim_batch(queryset, limit, **changes) -> list:
    """Lock up to ``limit`` rows of ``queryset`` (rows another worker holds are
    skipped, not waited for), apply ``changes`` to them and return them (with
    whatever ``queryset`` selects related); two queries. Inside a transaction:
    the lock holds until it commits, and the changes (e.g. ``reminded_at=now``)
    take the rows out of ``queryset`` for the next run (outside one, Django
    refuses select_for_update with TransactionManagementError). PostgreSQL re-checks the
    filter on a row it locks, so one another worker claimed meanwhile is left out."""
    rows = list(queryset.select_for_update(skip_locked=True, of=("self",))[:limit])
    if rows:
        queryset.model.objects.filter(pk__in=[row.pk for row in rows]).update(**changes)
        for row in rows:
            for name, value in changes.items():
                setattr(row, name, value)
    return rows


def insert_once(objects) -> list:
    """Insert rows whose unique key says "done once" (a log, a form per party);
    the ones stored by this call are returned. One INSERT; when a concurrent run
    stored some of them first, each is tried alone and the taken ones skipped."""
    objects = list(objects)
    if not objects:
        return []
    model = type(objects[0])
    try:
        with transaction.atomic():
            return model.objects.bulk_create(objects)
    except IntegrityError:
        pass
    stored = []
    for obj in objects:
        obj.pk = None
        obj._state.adding = True
        try:
            with transaction.atomic():
                obj.save(force_insert=True)
        except IntegrityError:
            continue
        stored.append(obj)
    return stored
