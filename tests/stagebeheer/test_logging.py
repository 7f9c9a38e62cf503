"""A log line is written once, and PDF rendering does not flood the log."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import logging
logging.getLogger("django.request").warning("request-line-marker")
logging.getLogger("weasyprint.progress").info("weasy-progress-marker")
logging.getLogger("fontTools.subset").info("fonttools-marker")
logging.getLogger("stagebeheer").info("own-info-marker")
"""


def test_each_line_is_logged_once_and_pdf_progress_is_quiet(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "DEBUG": "true", "HOME": str(tmp_path)},
        timeout=60,
        check=True,
    )
    log = result.stderr + result.stdout
    assert log.count("request-line-marker") == 1
    assert "weasy-progress-marker" not in log
    assert "fonttools-marker" not in log
    assert log.count("own-info-marker") == 1
