"""Loaded into the killable worker (``celery worker --include tests.kill_hooks``):
each pool child records the renders it starts, and the first one stalls when
asked, so a test can kill it in the middle of a render."""

import os
import time
from pathlib import Path

from celery.signals import worker_process_init


@worker_process_init.connect
def _stall_the_first_render(**_kwargs):
    folder = os.environ.get("KILL_HOOK_DIR")
    if not folder:
        return
    from agreements import pdf

    real = pdf.render_pdf

    def render(agreement, signatures=None):
        (Path(folder) / f"render-{os.getpid()}").write_text(str(os.getpid()))
        stall = Path(folder) / "stall-render"
        if stall.exists():
            stall.unlink()
            time.sleep(120)  # the test kills this process meanwhile
        return real(agreement, signatures)

    pdf.render_pdf = render
