"""Headers and deployment (issue 9.10): check --deploy passes with production
settings, signed-in pages are not cached, compose is secure by default."""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION = {
    "PATH": "/usr/bin:/bin",
    "DEBUG": "false",
    "SECRET_KEY": "k3Vq9-production-like-secret-of-fifty-or-more-characters-xyz",
    "ALLOWED_HOSTS": "stage.example",
    "SITE_URL": "https://stage.example",
    "SECURE_SSL": "true",
}


def _manage(*args, env, tmp_path):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**env, "HOME": str(tmp_path)},
        timeout=120,
    )


def test_check_deploy_passes_with_production_settings(tmp_path):
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr + result.stdout


def test_the_database_password_can_come_from_a_secret_file(tmp_path):
    secret = tmp_path / "db_password"
    secret.write_text("geheim-uit-een-bestand\n")
    env = {
        **PRODUCTION,
        "DATABASE_URL": "postgres://stagebeheer@db:5432/stagebeheer",
        "DATABASE_PASSWORD_FILE": str(secret),
    }
    script = "from django.conf import settings; print(settings.DATABASES['default']['PASSWORD'])"
    result = _manage("shell", "-c", script, env=env, tmp_path=tmp_path)
    assert result.stdout.strip().splitlines()[-1] == "geheim-uit-een-bestand", result.stderr


@pytest.mark.django_db
def test_signed_in_pages_are_never_stored_and_features_are_off(login, coordinator):
    response = login(coordinator).get("/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_a_personal_data_export_is_never_stored(login, coordinator):
    response = login(coordinator).get("/hosts/export/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_compose_defaults_to_https_only_and_keeps_the_database_password_out_of_the_file():
    text = (ROOT / "docker-compose.yml").read_text()
    compose = yaml.safe_load(text)
    env = compose["services"]["web"]["environment"]
    assert env["SECURE_COOKIES"] == "${SECURE_COOKIES:-true}"
    assert env["SECURE_SSL"] == "${SECURE_SSL:-true}"
    assert env["SITE_URL"].startswith("${SITE_URL:-https://")
    assert ":stagebeheer@" not in env["DATABASE_URL"]  # no password in the URL
    assert env["DATABASE_PASSWORD_FILE"] == "/run/secrets/db_password"
    db = compose["services"]["db"]["environment"]
    assert "POSTGRES_PASSWORD" not in db
    assert db["POSTGRES_PASSWORD_FILE"] == "/run/secrets/db_password"
    assert compose["secrets"]["db_password"] == {"environment": "DB_PASSWORD"}
