"""One way to pin a page's queries: measure it at two data sizes, assert equal.

A single measurement proves nothing (a page with one row cannot show an N+1),
so every pin grows the data between two measurements of the same URL."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url, status=200) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == status, f"{url} answered {response.status_code}, not {status}"
    return len(ctx.captured_queries)


def assert_fixed_queries(client, url, grow, status=200) -> int:
    """Request ``url``, call ``grow()`` to add rows, request again: same count."""
    client.get(url)  # warm caches (content types, translations) outside the measurement
    small = count_queries(client, url, status)
    grow()
    large = count_queries(client, url, status)
    assert small == large, f"{url}: {small} queries with few rows, {large} with many"
    return large


def count_calls(fn) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def assert_fixed_calls(fn, grow) -> int:
    """The same two-size measurement for a function (a panel, a service)."""
    fn()
    small = count_calls(fn)
    grow()
    large = count_calls(fn)
    assert small == large, f"{fn}: {small} queries with few rows, {large} with many"
    return large


def assert_fixed_task_queries(run, make_due, handled=lambda result: result, sizes=(3, 12)) -> int:
    """A periodic task pinned at two backlog sizes: ``make_due(n)`` makes n items
    due and returns how many the task should then report (``handled(result)``);
    ``run()`` handles them. Both runs take the same queries, and each handled
    its whole backlog (so a run that sent nothing cannot pass for a cheap one)."""
    make_due(1)
    run()  # warm caches (content types, templates, translations) outside the measurement
    counts = []
    for size in sizes:
        expected = make_due(size)
        with CaptureQueriesContext(connection) as ctx:
            result = run()
        assert handled(result) == expected, f"{size} due: handled {handled(result)}, expected {expected}"
        counts.append(len(ctx.captured_queries))
    assert len(set(counts)) == 1, f"{run}: {counts} queries for backlogs of {sizes}"
    return counts[0]
