"""Benchmarks: large seeded data, printed figures, no time assertions.

Run with `make bench`. Each benchmark calls ``bench(label, fn)`` which runs
``fn`` a few times and prints median and worst wall time plus query count.
"""

import statistics
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.fixture
def bench():

    def run(label, fn, repeat=7):
        fn()  # warm caches and connections
        timings = []
        with CaptureQueriesContext(connection) as queries:
            fn()
        # Read now: each later request resets the connection's query log.
        query_count = len(queries.captured_queries)
        for _ in range(repeat):
            start = time.perf_counter()
            fn()
            timings.append((time.perf_counter() - start) * 1000)
        line = (
            f"{label:<58} median {statistics.median(timings):8.1f} ms"
            f"   worst {max(timings):8.1f} ms   queries {query_count:3d}"
        )

        print(line)
        return statistics.median(timings)

    return run
