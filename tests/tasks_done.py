"""Wait for named Celery tasks to finish on the test worker, instead of sleeping.

The test worker runs as a thread of the test process, so Celery's
``task_postrun`` signal fires here: a test that asserts "sent once" after a
duplicated task waits until the duplicate has really run."""

import time
from contextlib import contextmanager

from celery.signals import task_postrun


@contextmanager
def finished_tasks():
    done: set[str] = set()

    def _record(task_id=None, **_kwargs):
        done.add(task_id)

    task_postrun.connect(_record, weak=False)
    try:
        yield done
    finally:
        task_postrun.disconnect(_record)


def wait_until_finished(done, results, timeout=30.0) -> bool:
    ids = {r.id for r in results}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ids <= done:
            return True
        time.sleep(0.05)
    return False
