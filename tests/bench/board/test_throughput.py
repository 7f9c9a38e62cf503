"""Throughput: gunicorn (2 sync workers) on a free loopback port against the
bench database, driven by locust headless with 20 clients for 30 s per page
(the floor, the plan overview, a dashboard). Prints requests per second, p95
and errors; fails with a printed reason when gunicorn or locust is missing or the server does not start.

The signed-in sessions are made in a separate process, so they are committed
where gunicorn can read them (this test's own connection is in a transaction
that is rolled back)."""

import csv
import os
import shutil
import socket
import subprocess  # nosec B404 - starts gunicorn and locust, fixed arguments
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from django.urls import reverse

from tests.bench.board import pages as page_table
from tests.bench.board.test_board import RESULTS, _report

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "20"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "30"))
SESSION_SCRIPT = """
import sys, django
django.setup()
from django.test import Client
from stagebeheer.models import User
for email in sys.argv[1:]:
    client = Client()
    client.force_login(User.objects.get(email=email))
    print(client.cookies["sessionid"].value)
"""

pytestmark = pytest.mark.django_db


def _tool(name):
    """The project's venv first, then LOCUST / GUNICORN in the environment, then PATH."""
    for candidate in (
        os.environ.get(name.upper()),
        str(Path(sys.executable).parent / name),
        shutil.which(name),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env():
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.bench.board.serve_settings",
        "PYTHONPATH": str(ROOT),
    }


def _sessions(emails):
    out = subprocess.run(  # nosec B603
        [sys.executable, "-c", SESSION_SCRIPT, *emails],
        env=_env(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.split()


def _wait_up(port, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2)  # nosec B310
            return True
        except OSError:
            time.sleep(0.5)
    return False


def _drive(locust, port, path, session, workdir):
    prefix = Path(workdir) / "run"
    subprocess.run(  # nosec B603
        [
            locust,
            "-f",
            str(HERE / "locustfile.py"),
            "--headless",
            "-u",
            str(CLIENTS),
            "-r",
            str(CLIENTS),
            "-t",
            f"{SECONDS}s",
            "--host",
            f"http://127.0.0.1:{port}",
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "ERROR",
        ],
        env={**os.environ, "BENCH_PATH": path, "BENCH_SESSION": session},
        capture_output=True,
        timeout=SECONDS + 60,
        check=False,
    )
    with Path(f"{prefix}_stats.csv").open(newline="") as f:
        row = next(r for r in csv.DictReader(f) if r["Name"] == "Aggregated")
    return {
        "requests": int(row["Request Count"]),
        "errors": int(row["Failure Count"]),
        "rps": round(float(row["Requests/s"]), 1),
        "median_ms": float(row["50%"]),
        "p95_ms": float(row["95%"]),
    }


def test_throughput_under_20_clients():
    gunicorn, locust = _tool("gunicorn"), _tool("locust")
    if not gunicorn or not locust:
        reason = f"throughput not measured: {'gunicorn' if not gunicorn else 'locust'} is not installed"
        RESULTS["throughput"] = {"failed": reason}
        _report("Throughput", [reason])
        # Both come with the project's test extras: missing means a broken install, not a reason to skip.
        pytest.fail(reason)
    board = page_table.Context.load()
    coordinator = board.user(board.three, "coordinator")
    leader = board.user(board.three, "leader")
    plan = board.current_plan(board.three)
    coordinator_session, leader_session = _sessions([coordinator.email, leader.email])
    targets = [
        ("floor", "/bench/floor/", coordinator_session),
        ("overview page 1", f"{reverse('placements:overview')}?plan={plan.pk}", coordinator_session),
        (
            "department dashboard",
            f"{reverse('evaluations:dashboard')}?department={board.three.pk}",
            leader_session,
        ),
    ]
    port = _free_port()
    server = subprocess.Popen(  # nosec B603
        [gunicorn, "tests.bench.board.wsgi:application", "-w", "2", "-k", "sync", "-b", f"127.0.0.1:{port}"],
        env=_env(),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    lines = [f"{'page':<24}{'req/s':>8}{'median':>10}{'p95':>10}{'requests':>10}{'errors':>8}"]
    try:
        if not _wait_up(port):
            reason = "throughput not measured: gunicorn did not answer within 60 s"
            RESULTS["throughput"] = {"failed": reason}
            _report("Throughput", [reason])
            pytest.fail(reason)  # a server that does not come up is an error, not a skip
        figures = {}
        with tempfile.TemporaryDirectory() as workdir:
            for name, path, session in targets:
                f = figures[name] = _drive(locust, port, path, session, workdir)
                lines.append(
                    f"{name:<24}{f['rps']:>8.1f}{f['median_ms']:>8.0f}ms{f['p95_ms']:>8.0f}ms"
                    f"{f['requests']:>10}{f['errors']:>8}"
                )
        share = figures["overview page 1"]["rps"] / figures["floor"]["rps"] if figures["floor"]["rps"] else 0
        errors = sum(f["errors"] for f in figures.values())
        lines.append(
            f"overview / floor: {share:.2f} (budget at least 0.25, 0 errors): "
            f"{'OK' if share >= 0.25 and errors == 0 else 'MISS'}"
        )
        RESULTS["throughput"] = {
            "clients": CLIENTS,
            "seconds": SECONDS,
            "pages": figures,
            "overview_share_of_floor": round(share, 2),
        }
        _report(f"Throughput: gunicorn 2 sync workers, {CLIENTS} clients, {SECONDS} s per page", lines)
    finally:
        server.terminate()
        server.wait(timeout=30)
