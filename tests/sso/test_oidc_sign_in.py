"""Signing in through SURFconext with OpenID Connect, end to end against a real
provider (node-oidc-provider, OpenID Certified) run locally: a known person
gets in with the roles given in the app, anyone else is refused."""

from urllib.parse import parse_qs, urlencode, urlparse

import pytest
import requests
from django.core.exceptions import SuspiciousOperation
from django.urls import reverse

from stagebeheer.models import Federation, User
from stagebeheer.oidc import SurfconextOIDCBackend
from tests.factories.core import DepartmentFactory, MembershipFactory, SchoolFactory, UserFactory
from tests.sso import oidc_provider_fixture as op

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _configured(settings, oidc_provider):
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = op.CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = op.CLIENT_SECRET
    settings.OIDC_OP_ISSUER = oidc_provider["issuer"]
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = oidc_provider["authorization_endpoint"]
    settings.OIDC_OP_TOKEN_ENDPOINT = oidc_provider["token_endpoint"]
    settings.OIDC_OP_USER_ENDPOINT = oidc_provider["userinfo_endpoint"]
    settings.OIDC_OP_JWKS_ENDPOINT = oidc_provider["jwks_uri"]
    settings.TWO_FACTOR_REQUIRED_ROLES = ["coordinator", "administrator"]


@pytest.fixture
def school():
    return SchoolFactory(federation=Federation.SURFCONEXT, home_organization=op.HOME_ORG)


@pytest.fixture
def carla(school):
    person = UserFactory(email="carla@baken.example", full_name="Carla Coördinator")
    MembershipFactory(user=person, department=DepartmentFactory(school=school), role="coordinator")
    return person


def _start(client):
    response = client.get(reverse("oidc_authentication_init"))
    assert response.status_code == 302
    return response.url


def _come_back(client, callback_url):
    parts = urlparse(callback_url)
    return client.get(f"{parts.path}?{parts.query}")


def _sign_in(client, login):
    return _come_back(client, op.sign_in_at_provider(_start(client), login))


def _signed_in_user(client):
    return client.get(reverse("home")).wsgi_request.user


def test_a_known_person_signs_in_with_the_roles_given_in_the_app(client, carla):
    response = _sign_in(client, "carla")
    assert response.status_code == 302
    assert response.url == "/"
    user = _signed_in_user(client)
    assert user == carla
    # The provider sent a leader entitlement; the app keeps her a coordinator only.
    assert set(carla.memberships.values_list("role", flat=True)) == {"coordinator"}
    carla.refresh_from_db()
    assert carla.full_name == "Carla Coördinator"


def test_a_federated_sign_in_is_not_asked_for_the_apps_second_factor(client, carla):
    _sign_in(client, "carla")
    assert client.get(reverse("placements:overview")).status_code == 200


def test_the_login_page_offers_surfconext(client):
    assert reverse("oidc_authentication_init") in client.get(reverse("login")).content.decode()


def test_an_unknown_person_is_refused_with_a_clear_page_and_no_account(client, carla):
    users = User.objects.count()
    response = _sign_in(client, "stranger")
    assert response.url == reverse("sso_refused")
    page = client.get(response.url)
    assert page.status_code == 403
    assert "uitnodiging" in page.content.decode()
    assert not _signed_in_user(client).is_authenticated
    assert User.objects.count() == users


def test_a_person_of_another_school_is_refused(client, carla):
    response = _sign_in(client, "elsewhere")
    assert response.url == reverse("sso_refused")
    assert not _signed_in_user(client).is_authenticated


def test_a_school_that_is_not_connected_to_surfconext_is_refused(client, carla, school):
    school.federation = Federation.ENTREE
    school.save()
    assert _sign_in(client, "carla").url == reverse("sso_refused")


def test_a_deactivated_person_is_refused(client, carla):
    User.objects.filter(pk=carla.pk).update(is_active=False)
    assert _sign_in(client, "carla").url == reverse("sso_refused")
    assert not _signed_in_user(client).is_authenticated


def test_a_replayed_callback_is_refused(client, carla):
    callback = op.sign_in_at_provider(_start(client), "carla")
    assert _come_back(client, callback).url == "/"
    client.logout()
    # The same answer again: its state was used up.
    assert _come_back(client, callback).url == reverse("sso_refused")
    assert not _signed_in_user(client).is_authenticated
    # The used code with a fresh state of our own: the provider refuses the code.
    fresh_state = parse_qs(urlparse(_start(client)).query)["state"][0]
    code = parse_qs(urlparse(callback).query)["code"][0]
    response = client.get(
        f"{reverse('oidc_authentication_callback')}?{urlencode({'code': code, 'state': fresh_state})}"
    )
    assert response.url == reverse("sso_refused")
    assert not _signed_in_user(client).is_authenticated


def test_a_made_up_state_is_refused_without_a_500(client, carla):
    _start(client)
    response = client.get(f"{reverse('oidc_authentication_callback')}?code=abc&state=made-up")
    assert response.status_code == 400
    assert not _signed_in_user(client).is_authenticated


def _token_for_other_app(oidc_provider):
    """A genuine ID token of the same provider, issued to another application."""
    start = f"{oidc_provider['authorization_endpoint']}?" + urlencode(
        {
            "client_id": op.OTHER_CLIENT_ID,
            "redirect_uri": op.OTHER_REDIRECT,
            "response_type": "code",
            "scope": "openid email profile",
            "nonce": "n-1",
            "state": "s-1",
        }
    )
    callback = op.sign_in_at_provider(start, "carla", stop_at=op.OTHER_REDIRECT)
    code = parse_qs(urlparse(callback).query)["code"][0]
    tokens = requests.post(
        oidc_provider["token_endpoint"],
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": op.OTHER_REDIRECT,
            "client_id": op.OTHER_CLIENT_ID,
            "client_secret": op.OTHER_CLIENT_SECRET,
        },
        timeout=10,
    ).json()
    return tokens["id_token"]


def test_an_id_token_for_another_application_is_refused(oidc_provider, carla):
    token = _token_for_other_app(oidc_provider)
    with pytest.raises(SuspiciousOperation, match=r"(?i)audience"):
        SurfconextOIDCBackend().verify_token(token, nonce="n-1")


def test_a_tampered_id_token_is_refused(settings, oidc_provider, carla):
    settings.OIDC_RP_CLIENT_ID = op.OTHER_CLIENT_ID  # so only the signature can fail
    header, payload, signature = _token_for_other_app(oidc_provider).split(".")
    flipped = signature[:-4] + ("AAAA" if signature[-4:] != "AAAA" else "BBBB")
    with pytest.raises(SuspiciousOperation):
        SurfconextOIDCBackend().verify_token(f"{header}.{payload}.{flipped}", nonce="n-1")
    assert (
        SurfconextOIDCBackend().verify_token(f"{header}.{payload}.{signature}", nonce="n-1")["sub"] == "carla"
    )


def test_a_password_login_with_a_code_in_its_address_does_not_reach_the_provider(client, carla, password):
    response = client.post(
        f"{reverse('login')}?code=x&state=y", {"username": carla.email, "password": password}
    )
    assert response.status_code == 302  # the ordinary password login
    assert client.session["two_factor"] == "setup"  # and so the app's second factor applies
