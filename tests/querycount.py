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
