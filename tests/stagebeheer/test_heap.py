"""The worker's heap is frozen once the application is loaded (issue 16)."""

import gc
import runpy
from pathlib import Path

from stagebeheer.heap import FIRST_GENERATION_THRESHOLD, settle_after_startup

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def _restore(threshold):
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_settling_freezes_the_loaded_heap_and_raises_the_first_threshold():
    before = gc.get_threshold()
    try:
        gc.unfreeze()
        settle_after_startup()
        assert gc.get_freeze_count() > 10_000  # Django and the apps, out of the collector's reach
        assert gc.get_threshold() == (FIRST_GENERATION_THRESHOLD, before[1], before[2])
    finally:
        _restore(before)


def test_a_cycle_made_after_settling_is_still_collected():
    before = gc.get_threshold()
    try:
        settle_after_startup()

        class Node:
            pass

        a, b = Node(), Node()
        a.other, b.other = b, a
        del a, b
        assert gc.collect() >= 2
    finally:
        _restore(before)


def test_gunicorn_settles_each_worker_after_loading_the_application():
    before = gc.get_threshold()
    try:
        gc.unfreeze()
        hook = runpy.run_path(str(CONF))["post_worker_init"]
        hook(worker=None)
        assert gc.get_freeze_count() > 0
    finally:
        _restore(before)
