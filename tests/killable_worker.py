"""Real processes for the kill tests: a Celery worker (prefork, one pool child)
on Redis in a subprocess, and a local SMTP server that can stall.

The worker reads the test database and Redis of the test process, and leases of
a few seconds so a takeover happens within the test.
"""

import os
import signal
import socketserver
import subprocess
import threading
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

from tests.conftest import TEST_QUEUE

ROOT = Path(__file__).resolve().parents[1]
LEASE_SECONDS = 3


def wait_for(predicate, timeout=60.0, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


class KillableWorker:
    def __init__(self, folder: Path, **env):
        self.folder = folder
        self.log = folder / "worker.log"
        db = connection.settings_dict
        auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(folder),
            "DJANGO_SETTINGS_MODULE": "stagebeheer.settings",
            "DEBUG": "true",  # static files from the app folders, as the tests use them
            "SECRET_KEY": settings.SECRET_KEY,
            "SITE_URL": settings.SITE_URL,
            "DATABASE_URL": f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
            "REDIS_URL": settings.REDIS_URL,
            "CELERY_QUEUE": TEST_QUEUE,
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "PDF_LEASE_SECONDS": str(LEASE_SECONDS),
            "MAIL_LEASE_SECONDS": str(LEASE_SECONDS),
            "KILL_HOOK_DIR": str(folder),
            **env,
        }
        self.process = None

    def start(self):
        log = self.log.open("a")
        self.process = subprocess.Popen(
            [
                str(ROOT / ".venv/bin/celery"),
                "-A", "stagebeheer", "worker",
                "--pool", "prefork", "--concurrency", "1",
                "-Q", TEST_QUEUE, "-n", f"kill-{os.getpid()}@%h",
                "--include", "tests.kill_hooks",
                "--without-gossip", "--without-mingle", "--without-heartbeat",
                "--loglevel", "INFO",
            ],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        assert wait_for(lambda: "ready." in self.log.read_text(), timeout=60), self.log.read_text()[-3000:]
        return self

    def pool_children(self) -> list[int]:
        pid = self.process.pid
        try:
            return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except FileNotFoundError:
            return []

    def kill_child(self, pid: int):
        os.kill(pid, signal.SIGKILL)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


class _SmtpHandler(socketserver.StreamRequestHandler):
    def handle(self):
        server = self.server
        with server.lock:
            number = server.connections
            server.connections += 1
        stall = server.stall if number == 0 else None
        if stall == "greeting":
            server.stalled.set()
            self.rfile.read()  # until the client's process dies
            return
        self.wfile.write(b"220 test ESMTP\r\n")
        while line := self.rfile.readline():
            command = line.strip().upper()
            if command == b"DATA":
                self.wfile.write(b"354 go ahead\r\n")
                data = []
                while (part := self.rfile.readline()) not in (b".\r\n", b""):
                    data.append(part)
                server.messages.append(b"".join(data).decode("utf-8", "replace"))
                if stall == "data":
                    server.stalled.set()  # received in full, but never acknowledged
                    self.rfile.read()
                    return
                self.wfile.write(b"250 queued\r\n")
            elif command == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:  # EHLO, MAIL, RCPT, RSET, NOOP
                self.wfile.write(b"250 ok\r\n")


class StallingSmtpServer(socketserver.ThreadingTCPServer):
    """Stalls on its first connection: at the greeting (nothing of the mail has
    gone: 'before the exchange') or after the data without the final reply
    (the mail arrived, the sender cannot know: 'inside the exchange')."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, stall):
        super().__init__(("127.0.0.1", 0), _SmtpHandler)
        self.stall, self.connections, self.messages = stall, 0, []
        self.stalled, self.lock = threading.Event(), threading.Lock()
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def port(self):
        return self.server_address[1]

    def close(self):
        self.shutdown()
        self.server_close()
