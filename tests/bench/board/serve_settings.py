"""Settings for the throughput benchmark's gunicorn: the test settings (no
two-factor for the personas, fast hasher) with the floor page's URLs, DEBUG off."""

from tests.settings import *  # noqa: F403

ROOT_URLCONF = "tests.bench.board.urls"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
SESSION_COOKIE_SECURE = False  # plain HTTP on the loopback
