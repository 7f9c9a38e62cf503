"""Two-factor login: a coordinator must set up an authenticator app, signs in
with a code after the password, and a recovery code works once. Guessing and
replaying codes are refused."""

import re
import time

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from stagebeheer import two_factor

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _required_for_coordinators(settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = ["coordinator", "administrator"]


def _password_login(client, user, password):
    response = client.post(reverse("login"), {"username": user.email, "password": password})
    assert response.status_code == 302, "the password step succeeds"
    return response


def _code_for(key, offset=0):
    device = TOTPDevice(key=key)
    return f"{totp(device.bin_key, step=30, t0=0, digits=6, drift=offset):06d}"


def _enable(client):
    page = client.get(reverse("two_factor_setup"))
    key = client.session["two_factor_setup_key"]
    assert "<svg" in page.content.decode()
    response = client.post(reverse("two_factor_setup"), {"code": _code_for(key)})
    assert response.status_code == 200
    codes = re.findall(r"<li>([a-z0-9]{8})</li>", response.content.decode())
    return key, codes


def test_a_coordinator_is_sent_to_the_setup_page_until_she_enables_it(client, coordinator, password):
    _password_login(client, coordinator, password)
    response = client.get(reverse("placements:overview"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("two_factor_setup"))
    _key, codes = _enable(client)
    assert len(codes) == 10
    assert client.get(reverse("home")).status_code == 200


def test_a_supervisor_is_not_forced_but_may_enable_it(client, supervisor, password):
    _password_login(client, supervisor, password)
    assert client.get(reverse("home")).status_code == 200
    _key, codes = _enable(client)
    assert codes


def test_an_administrator_can_require_it_for_a_whole_school(client, supervisor, department, password):
    department.school.require_two_factor = True
    department.school.save()
    _password_login(client, supervisor, password)
    assert client.get(reverse("home")).url.startswith(reverse("two_factor_setup"))


def test_after_the_password_the_code_is_asked_and_a_right_code_lets_her_in(client, coordinator, password):
    _password_login(client, coordinator, password)
    key, _codes = _enable(client)
    client.logout()
    _password_login(client, coordinator, password)
    response = client.get(reverse("placements:overview"))
    assert response.url.startswith(reverse("two_factor_code"))
    assert client.get(reverse("admin:index")).url.startswith(reverse("two_factor_code"))
    wrong = client.post(
        reverse("two_factor_code"), {"code": "000000" if _code_for(key) != "000000" else "111111"}
    )
    assert wrong.status_code == 400
    # django-otp throttles after a wrong code; wait out the first delay (1 s).
    time.sleep(1.1)
    response = client.post(
        reverse("two_factor_code"), {"code": _code_for(key, offset=1), "next": reverse("placements:overview")}
    )
    assert response.status_code == 302
    assert response.url == reverse("placements:overview")
    assert client.get(reverse("placements:overview")).status_code == 200


def test_a_used_code_cannot_be_replayed(client, coordinator, password):
    _password_login(client, coordinator, password)
    key, _codes = _enable(client)  # the setup used the current code
    client.logout()
    _password_login(client, coordinator, password)
    response = client.post(reverse("two_factor_code"), {"code": _code_for(key)})
    assert response.status_code == 400
    assert client.get(reverse("home")).status_code == 302


def test_guessing_codes_is_throttled_so_even_the_right_code_waits(client, coordinator, password):
    _password_login(client, coordinator, password)
    key, _codes = _enable(client)
    client.logout()
    _password_login(client, coordinator, password)
    right = _code_for(key, offset=1)
    for guess in ("123456", "654321", "111111", "222222", "333333"):
        if guess != right:
            client.post(reverse("two_factor_code"), {"code": guess})
    response = client.post(reverse("two_factor_code"), {"code": right})
    assert response.status_code == 400, "the throttle holds even for the right code"
    assert client.get(reverse("home")).status_code == 302


def test_a_recovery_code_works_once(client, coordinator, password):
    _password_login(client, coordinator, password)
    _key, codes = _enable(client)
    client.logout()
    _password_login(client, coordinator, password)
    assert client.post(reverse("two_factor_code"), {"code": codes[0].upper()}).status_code == 302
    assert two_factor.recovery_codes_left(coordinator) == 9
    client.logout()
    _password_login(client, coordinator, password)
    assert client.post(reverse("two_factor_code"), {"code": codes[0]}).status_code == 400
    assert client.get(reverse("home")).status_code == 302


def test_a_wrong_first_code_enables_nothing(client, coordinator, password):
    _password_login(client, coordinator, password)
    client.get(reverse("two_factor_setup"))
    response = client.post(reverse("two_factor_setup"), {"code": "12"})
    assert response.status_code == 400
    assert not two_factor.has_device(coordinator)


@pytest.mark.parametrize("code", ["", " ", "x" * 17, "<script>"])
def test_bad_input_on_the_code_page_is_a_clear_400(client, coordinator, password, code):
    _password_login(client, coordinator, password)
    _enable(client)
    client.logout()
    _password_login(client, coordinator, password)
    assert client.post(reverse("two_factor_code"), {"code": code}).status_code == 400


def test_the_code_page_does_not_redirect_to_another_site(client, coordinator, password):
    _password_login(client, coordinator, password)
    _key, codes = _enable(client)
    client.logout()
    _password_login(client, coordinator, password)
    response = client.post(reverse("two_factor_code"), {"code": codes[1], "next": "https://evil.example/"})
    assert response.url == reverse("home")


def test_guessing_the_first_code_at_setup_is_throttled_too(client, coordinator, password):
    _password_login(client, coordinator, password)
    client.get(reverse("two_factor_setup"))
    key = client.session["two_factor_setup_key"]
    right = _code_for(key)
    for guess in ("123456", "654321", "111111"):
        if guess != right:
            client.post(reverse("two_factor_setup"), {"code": guess})
    assert client.post(reverse("two_factor_setup"), {"code": right}).status_code == 400
    assert not two_factor.has_device(coordinator)
