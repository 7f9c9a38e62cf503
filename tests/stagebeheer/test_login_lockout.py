"""Login abuse: after the configured number of failed logins an account is
locked, and separately an address; the address is read through the
trusted-proxy setting, as the link-guess limit and signatures read it."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from stagebeheer.client_address import client_address

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _limit(settings):
    settings.AXES_FAILURE_LIMIT = 3


def _login(client, email, password, address="203.0.113.5", **headers):
    return client.post(
        reverse("login"), {"username": email, "password": password}, REMOTE_ADDR=address, **headers
    )


def test_an_account_is_locked_after_the_configured_failures_from_any_address(client, supervisor, password):
    for n in range(2):
        assert (
            _login(client, supervisor.email, "wrong-password", address=f"198.51.100.{n}").status_code == 200
        )
    # The failure that reaches the limit already shows the lockout page.
    assert _login(client, supervisor.email, "wrong-password", address="198.51.100.3").status_code == 429
    locked = _login(client, supervisor.email, password, address="198.51.100.99")
    assert locked.status_code == 429
    assert "geblokkeerd" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_account_counts_in_any_letter_case(client, supervisor, password):
    for _ in range(3):
        _login(client, supervisor.email.upper(), "wrong-password", address="198.51.100.7")
    assert _login(client, supervisor.email, password, address="198.51.100.8").status_code == 429


def test_an_address_is_locked_after_the_configured_failures_on_any_account(client, supervisor, password):
    for n in range(3):
        _login(client, f"guess{n}@school.example", "wrong-password")
    assert _login(client, supervisor.email, password).status_code == 429
    # Another address signs in as usual.
    assert _login(client, supervisor.email, password, address="192.0.2.44").status_code == 302


def test_behind_a_proxy_the_address_is_read_from_the_trusted_header(settings, client, supervisor, password):
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.TRUSTED_PROXY_COUNT = 1
    balancer = "10.0.0.1"
    for n in range(3):
        _login(client, f"guess{n}@school.example", "x", address=balancer, HTTP_X_FORWARDED_FOR="203.0.113.66")
    # The guesser is locked out; a colleague behind the same balancer is not.
    assert (
        _login(
            client, supervisor.email, password, address=balancer, HTTP_X_FORWARDED_FOR="203.0.113.66"
        ).status_code
        == 429
    )
    assert (
        _login(
            client, supervisor.email, password, address=balancer, HTTP_X_FORWARDED_FOR="198.51.100.20"
        ).status_code
        == 302
    )


def test_a_success_resets_the_count(client, supervisor, password):
    _login(client, supervisor.email, "wrong-password")
    _login(client, supervisor.email, "wrong-password")
    assert _login(client, supervisor.email, password).status_code == 302
    client.logout()
    _login(client, supervisor.email, "wrong-password")
    assert _login(client, supervisor.email, password).status_code == 302


@pytest.mark.parametrize(
    ("header", "count", "forwarded", "expected"),
    [
        ("", 1, "203.0.113.9", "10.0.0.1"),  # no proxy named: the header is ignored
        ("X-Forwarded-For", 1, "203.0.113.9", "203.0.113.9"),
        (
            "X-Forwarded-For",
            1,
            "6.6.6.6, 203.0.113.9",
            "203.0.113.9",
        ),  # the client's own entry is not trusted
        ("X-Forwarded-For", 2, "203.0.113.9, 10.0.0.2", "203.0.113.9"),
        ("X-Forwarded-For", 1, "not-an-address", "10.0.0.1"),
        ("X-Forwarded-For", 2, "203.0.113.9", "10.0.0.1"),  # fewer hops than proxies
    ],
)
def test_the_client_address_follows_the_trusted_proxy_setting(settings, header, count, forwarded, expected):
    settings.TRUSTED_PROXY_HEADER = header
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_link_guesses_are_counted_per_client_behind_the_proxy(settings, client, department):
    from stagebeheer.models import AccessLink

    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.ACCESS_LINK_GUESSES = 2
    _, token = AccessLink.issue(
        purpose="staff_invitation",
        target=department.memberships.model.objects.create(
            user=department.memberships.model._meta.get_field("user").related_model.objects.create(
                email="n@school.example", full_name="N"
            ),
            department=department,
            role="mentor",
        ),
        recipient_name="N",
        recipient_email="n@school.example",
    )
    guesser = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    holder = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    for guess in ("a", "b"):
        assert client.get(f"/l/{guess}/", **guesser).status_code == 404
    assert client.get("/l/c/", **guesser).status_code == 429
    assert client.get("/l/d/", **holder).status_code == 404
    assert client.get(f"/l/{token}/", **guesser).status_code == 200


def test_the_link_guess_limit_is_kept_in_the_database_for_every_worker(settings, client):
    from stagebeheer.models import GuessCounter

    settings.ACCESS_LINK_GUESSES = 2
    client.get("/l/a/", REMOTE_ADDR="203.0.113.1")
    client.get("/l/b/", REMOTE_ADDR="203.0.113.1")
    assert GuessCounter.objects.get(key="link-guesses:203.0.113.1").count == 2
    from django.core.cache import cache

    cache.clear()  # another process has another cache: the count does not live there
    assert client.get("/l/c/", REMOTE_ADDR="203.0.113.1").status_code == 429


def test_password_reset_requests_are_throttled_per_address(settings, client, supervisor):
    from stagebeheer.models import OutgoingMessage

    settings.PASSWORD_RESETS_PER_ADDRESS = 2
    for _ in range(2):
        response = client.post(
            reverse("password_reset"), {"email": supervisor.email}, REMOTE_ADDR="203.0.113.8"
        )
        assert response.status_code == 302
    refused = client.post(reverse("password_reset"), {"email": supervisor.email}, REMOTE_ADDR="203.0.113.8")
    assert refused.status_code == 429
    assert OutgoingMessage.objects.filter(to_email=supervisor.email).count() == 2
    other = client.post(reverse("password_reset"), {"email": supervisor.email}, REMOTE_ADDR="198.51.100.8")
    assert other.status_code == 302
