"""docker-compose.yml and the Dockerfile only run commands the project has."""

import importlib
import re
import shlex
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]


def _compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _commands(text):
    """Split 'sh -c "a && b"' into the commands it runs."""
    words = shlex.split(text) if isinstance(text, str) else list(text)
    if words[:2] == ["sh", "-c"]:
        return [shlex.split(part) for part in words[2].split("&&")]
    return [words]


def _check(words):
    program = words[0]
    if program == "python":
        assert words[1] == "manage.py"
        assert words[2] in get_commands(), f"manage.py has no command {words[2]!r}"
    elif program == "gunicorn":
        module, attr = words[1].split(":")
        assert callable(getattr(importlib.import_module(module), attr))
    elif program == "celery":
        app_module = words[words.index("-A") + 1]
        app = importlib.import_module(f"{app_module}.celery").app
        assert words[words.index("-A") + 2] in {"worker", "beat"}
        assert app.main == "stagebeheer"
    else:
        pytest.fail(f"unexpected program {program!r} in {' '.join(words)}")


def test_compose_has_web_worker_beat_database_redis_and_an_object_store():
    assert set(_compose()["services"]) == {"web", "worker", "beat", "db", "redis", "minio", "minio-bucket"}


def test_every_app_container_stores_files_in_the_shared_object_store():
    services = _compose()["services"]
    for name in ("web", "worker", "beat"):
        env = services[name]["environment"]
        assert env["S3_ENDPOINT_URL"].endswith("minio:9000}")
        assert "MEDIA_ROOT" not in env  # no container-local file store to drift apart


@pytest.mark.parametrize("service", ["web", "worker", "beat"])
def test_every_command_compose_runs_exists_in_the_project(service):
    spec = _compose()["services"][service]
    assert spec["build"] == "."
    for words in _commands(spec["command"]):
        _check(words)


def test_compose_configures_the_app_through_the_environment_the_settings_read():
    env = _compose()["services"]["web"]["environment"]
    settings_text = (ROOT / "stagebeheer/settings.py").read_text()
    for name in env:
        assert f'"{name}"' in settings_text, f"settings.py does not read {name}"
    assert env["DEBUG"] == "false"


def test_the_dockerfile_command_exists():
    text = (ROOT / "Dockerfile").read_text()
    cmd = re.search(r"^CMD (\[.*\])$", text, re.MULTILINE).group(1)
    _check(yaml.safe_load(cmd))
    for line in re.findall(r"python manage\.py (\w+)", text):
        assert line in get_commands()
