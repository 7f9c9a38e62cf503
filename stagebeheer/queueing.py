"""Queue a task after commit without ever failing the request.

When the broker (Redis) is away at that moment, the data is committed already:
the row stays queued and the sweepers (requeue_stale_mail, requeue_stale_pdfs)
queue it once the broker is back. The user gets their page, not a 500.
"""

import logging

from django.db import transaction
from kombu.exceptions import OperationalError
from redis.exceptions import RedisError

log = logging.getLogger(__name__)


def delay_safely(task, *args) -> bool:
    try:
        task.delay(*args)
    except (OperationalError, RedisError, OSError):  # the broker is away or does not answer
        log.warning("Could not queue %s%r; the sweeper will pick it up", task.name, args, exc_info=True)
        return False
    return True


def delay_on_commit(task, *args) -> None:
    transaction.on_commit(lambda: delay_safely(task, *args))


def delay_many(task, arguments) -> int:
    """Queue ``task(argument)`` for each; stops at the first refusal (the broker
    is away, the rest would fail too and the sweeper picks them up). Returns how many went."""
    queued = 0
    for argument in arguments:
        if not delay_safely(task, argument):
            break
        queued += 1
    return queued


def delay_many_on_commit(task, arguments) -> None:
    """One on-commit callback for a batch, whatever its size."""
    arguments = list(arguments)
    if arguments:
        transaction.on_commit(lambda: delay_many(task, arguments))
