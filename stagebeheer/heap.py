"""The garbage collector in a long-running web worker.

After start-up a worker holds a few hundred thousand long-lived objects
(modules, URL patterns, templates, translations). Each full collection walks
all of them, and a big page that builds thousands of rows triggers several:
those requests are the slow tail (p95 about twice the median, issue 16).
Freezing the heap once the application is loaded moves those objects out of
the collector's reach; raising the first threshold makes a page that builds
many short-lived objects collect less often. Reference cycles are still found.
"""

import gc

# Python's default is 700 allocations; a 50-row page allocates tens of thousands.
FIRST_GENERATION_THRESHOLD = 50_000


def settle_after_startup() -> None:
    """Call once per worker, after the application is loaded (gunicorn's
    post_worker_init) and before it serves requests."""
    gc.collect()
    gc.freeze()
    _, second, third = gc.get_threshold()
    gc.set_threshold(FIRST_GENERATION_THRESHOLD, second, third)
