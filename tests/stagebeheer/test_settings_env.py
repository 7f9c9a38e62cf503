"""Bad environment values stop start-up with a message naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _start(env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DEBUG"}}
    env.update({"SECRET_KEY": "x" * 50, "DJANGO_SETTINGS_MODULE": "stagebeheer.settings"})
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DEBUG", "maybe", "DEBUG must be true or false"),
        ("SECURE_COOKIES", "yes please", "SECURE_COOKIES must be true or false"),
        ("DATABASE_URL", "nonsense://x", "DATABASE_URL"),
        ("REDIS_URL", "http://127.0.0.1:6379", "REDIS_URL must start with redis://"),
        ("TIME_ZONE", "Mars/Olympus", "TIME_ZONE is not a known time zone"),
        ("EMAIL_HOST", "smtp.example", None),  # with a bad port below
        ("SITE_URL", "ftp://school.example", "SITE_URL must start with http"),
        ("ACCESS_LINK_DAYS", "thirty", "ACCESS_LINK_DAYS must be a whole number"),
    ],
)
def test_a_bad_value_stops_start_up_naming_the_variable(name, value, message):
    overrides = {name: value}
    if name == "EMAIL_HOST":
        overrides["EMAIL_PORT"] = "-5"
        message = "EMAIL_PORT must be at least 1"
    result = _start(overrides)
    assert result.returncode != 0
    assert message in result.stderr


def test_a_missing_secret_key_stops_production_start_up():
    result = _start({"SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_secret_can_come_from_a_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("from-a-file-" + "y" * 40)
    env = {"SECRET_KEY": "", "SECRET_KEY_FILE": str(secret)}
    result = _start(env)
    assert result.returncode == 0, result.stderr


def test_without_configuration_it_uses_sqlite_inline_tasks_and_the_console():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, s.EMAIL_BACKEND)"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "EMAIL_HOST"}}
    env.update({"DEBUG": "true", "DJANGO_SETTINGS_MODULE": "stagebeheer.settings", "SECRET_KEY": ""})
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "True",
        "django.core.mail.backends.console.EmailBackend",
    ]
