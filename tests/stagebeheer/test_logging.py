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


TOKEN = "Zk3vQ9aT1bXc7LmN2pRsUw4yE6gH8jK0oIuYtRe"

LEAK_SCRIPT = f"""
import logging
logging.getLogger("django.request").warning("Not Found: %s", "/l/{TOKEN}/report-concern/")
logging.getLogger("django.server").info('"GET /password-reset/MQ/{TOKEN}/ HTTP/1.1" 302 0')
logging.getLogger("django.request").warning("Gone: /visits/calendar/{TOKEN}.ics")
"""


def test_request_warnings_never_print_a_link_token(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", LEAK_SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "DEBUG": "true", "HOME": str(tmp_path)},
        timeout=60,
        check=True,
    )
    log = result.stderr + result.stdout
    assert "Not Found: /l/…/report-concern/" in log
    assert "/password-reset/…/…/" in log
    assert TOKEN not in log


def test_the_gunicorn_access_log_masks_tokens_in_path_query_and_referrer():
    from datetime import timedelta
    from types import SimpleNamespace

    from gunicorn.config import Config

    from stagebeheer.log_masking import GunicornLogger

    logger = GunicornLogger(Config())
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/l/{TOKEN}/pdf/?x=1",
        "PATH_INFO": f"/l/{TOKEN}/pdf/",
        "QUERY_STRING": f"next=/l/{TOKEN}/",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": f"https://stage.example/l/{TOKEN}/",
        "REMOTE_ADDR": "10.0.0.1",
    }
    resp = SimpleNamespace(status="200 OK", sent=10, headers=[])
    atoms = logger.atoms(
        resp, SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])]), environ, timedelta(0)
    )
    line = logger.cfg.access_log_format % atoms
    assert "/l/…/pdf/" in line
    assert TOKEN not in line
    assert all(TOKEN not in str(value) for value in atoms.values())


def test_gunicorn_uses_the_masking_logger():
    config = (ROOT / "gunicorn.conf.py").read_text()
    assert 'logger_class = "stagebeheer.log_masking.GunicornLogger"' in config
