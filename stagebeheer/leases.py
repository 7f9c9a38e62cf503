"""Claims with a lease: a row is worked on by one worker at a time, and a
worker killed mid-task does not keep it forever.

A task claims its row with a conditional UPDATE that also stamps when and by
whom. A redelivered task (Celery requeues the task of a killed pool child) that
finds the row still claimed retries once the lease has run out, and then takes
the claim over; the sweepers do the same for rows whose task is gone.
"""

import os
import socket
from datetime import timedelta

from django.utils import timezone


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


def expired_before(seconds: float):
    """Claims made before this moment have run out."""
    return timezone.now() - timedelta(seconds=seconds)


def seconds_left(claimed_at, seconds: float) -> float:
    if claimed_at is None:
        return 0.0
    return max((claimed_at + timedelta(seconds=seconds) - timezone.now()).total_seconds(), 0.0)
