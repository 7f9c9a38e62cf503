"""The board benchmark runs on its own persistent database, seeded once.

``make bench`` points DATABASE_URL at ``stagebeheer_bench``; this conftest
replaces pytest-django's throw-away test database by that one, migrates it and
runs ``seed_bench`` (which does nothing when the board is already there), so a
second run measures at once."""

import os

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command

SCALE = float(os.environ.get("BENCH_SCALE", "1"))


def _ensure_database():
    db = settings.DATABASES["default"]
    params = {"host": db["HOST"], "port": db["PORT"] or 5432, "user": db["USER"], "password": db["PASSWORD"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone():
            conn.execute(f'CREATE DATABASE "{db["NAME"]}"')


@pytest.fixture(scope="session")
def django_db_setup(django_db_blocker):
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.fail("The board benchmark needs PostgreSQL (make bench sets DATABASE_URL).")
    _ensure_database()
    with django_db_blocker.unblock():
        call_command("migrate", verbosity=0)
        call_command("seed_bench", scale=SCALE)
