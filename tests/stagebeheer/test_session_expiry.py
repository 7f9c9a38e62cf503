"""Staff sessions end after being idle (the cookie's age) and at the latest a
fixed time after sign-in, however busy."""

import time

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_idle_timeout_is_two_hours_renewed_by_use(settings, client, supervisor, password):
    assert settings.SESSION_COOKIE_AGE == 2 * 3600
    client.post(reverse("login"), {"username": supervisor.email, "password": password})
    session = client.session
    session["seen_at"] = int(time.time()) - 301  # the last renewal was over five minutes ago
    session.save()
    before = client.session.get_expiry_date()
    time.sleep(1)
    client.get(reverse("home"))
    assert client.session.get_expiry_date() > before


def test_an_idle_session_past_its_age_is_signed_out(client, supervisor, password):
    client.post(reverse("login"), {"username": supervisor.email, "password": password})
    session = client.session
    session.set_expiry(-1)  # as if the idle time had passed
    session.save()
    assert client.get(reverse("home")).status_code == 302


def test_a_session_ends_after_its_absolute_lifetime_however_busy(settings, client, supervisor, password):
    assert settings.SESSION_ABSOLUTE_SECONDS == 12 * 3600
    client.post(reverse("login"), {"username": supervisor.email, "password": password})
    assert client.get(reverse("home")).status_code == 200
    session = client.session
    session["signed_in_at"] = int(time.time()) - 12 * 3600 - 1
    session.save()
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert "_auth_user_id" not in client.session
