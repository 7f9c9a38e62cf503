from unittest import mock

import pytest
import redis
from django.db import OperationalError

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
def test_health_is_ok_when_the_database_answers(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_a_stopped_database_gives_503_with_the_reason(client):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("connection refused")
    ):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["problems"] == ["database: OperationalError"]


def test_a_stopped_redis_gives_503_when_redis_is_configured(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["problems"] == ["redis: ConnectionError"]


def test_redis_is_checked_when_configured(client, settings):
    if not settings.REDIS_URL:
        settings.REDIS_URL = "redis://127.0.0.1:6379/1"
    with mock.patch.object(redis.Redis, "ping", return_value=True) as ping:
        assert client.get("/health/").status_code == 200
    ping.assert_called_once()
