"""Signing in through Entree Federatie with SAML 2.0, end to end against
pysaml2's own identity provider: our service provider's real request goes to
it, its signed answer comes back to our assertion consumer service."""

import pytest
from django.urls import reverse

from stagebeheer.models import Federation, User
from stagebeheer.saml import sp_config
from tests.factories.core import DepartmentFactory, MembershipFactory, SchoolFactory, UserFactory
from tests.sso import saml_idp

pytestmark = pytest.mark.django_db

BRIN = "31BK"


@pytest.fixture(scope="module")
def saml_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("saml")
    sp_key, sp_cert = saml_idp.key_and_certificate(folder, "sp")
    return {
        "folder": folder,
        "idp_metadata": saml_idp.write_idp_metadata(folder),
        "sp_key": sp_key,
        "sp_cert": sp_cert,
    }


@pytest.fixture
def idp(settings, client, saml_files):
    settings.SAML_ENABLED = True
    settings.SAML_FEDERATIONS = {saml_idp.IDP_ENTITY_ID: Federation.ENTREE}
    settings.SAML_CONFIG = sp_config(
        site_url="http://testserver",
        metadata=[saml_files["idp_metadata"]],
        key_file=saml_files["sp_key"],
        cert_file=saml_files["sp_cert"],
        xmlsec_binary=saml_idp.XMLSEC,
    )
    settings.TWO_FACTOR_REQUIRED_ROLES = ["coordinator", "administrator"]
    # The federation registers us by the metadata at this stable address.
    metadata = client.get(reverse("saml2_metadata"))
    assert metadata.status_code == 200
    assert "http://testserver/saml2/acs/" in metadata.content.decode()
    return saml_idp.TestIdP(
        saml_files["folder"], metadata.content.decode(), "http://testserver/saml2/metadata/"
    )


@pytest.fixture
def school():
    return SchoolFactory(brin=BRIN, federation=Federation.ENTREE, home_organization=BRIN)


@pytest.fixture
def bram(school):
    person = UserFactory(email="bram@baken.example", full_name="Bram Begeleider")
    MembershipFactory(user=person, department=DepartmentFactory(school=school), role="supervisor")
    return person


def identity(email="bram@baken.example", brin=BRIN, **extra):
    return {
        "mail": [email],
        "nlEduPersonHomeOrganizationId": [brin],
        "displayName": ["Iemand Anders"],
        **extra,
    }


def _start(client):
    response = client.get(reverse("saml_start", args=["entree"]))
    assert response.status_code == 302
    response = client.get(response.url)
    assert response.status_code == 302
    assert response.url.startswith(saml_idp.IDP_SSO_URL)
    return response.url


def _come_back(client, answer):
    return client.post(reverse("saml2_acs"), answer)


def _signed_in_user(client):
    return client.get(reverse("home")).wsgi_request.user


def test_a_known_person_signs_in_with_the_roles_given_in_the_app(client, idp, bram):
    answer = idp.answer(_start(client), identity(eduPersonEntitlement=["coordinator"]))
    response = _come_back(client, answer)
    assert response.status_code == 302
    assert _signed_in_user(client) == bram
    assert set(bram.memberships.values_list("role", flat=True)) == {"supervisor"}
    bram.refresh_from_db()
    assert bram.full_name == "Bram Begeleider"


def test_a_federated_coordinator_is_not_asked_for_the_apps_second_factor(client, idp, bram):
    bram.memberships.update(role="coordinator")
    _come_back(client, idp.answer(_start(client), identity()))
    assert client.get(reverse("placements:overview")).status_code == 200


def test_an_unknown_person_is_refused_with_a_clear_page_and_no_account(client, idp, bram):
    users = User.objects.count()
    response = _come_back(client, idp.answer(_start(client), identity(email="nieuw@baken.example")))
    assert response.status_code == 403
    assert "uitnodiging" in response.content.decode()
    assert not _signed_in_user(client).is_authenticated
    assert User.objects.count() == users


def test_a_person_of_another_school_is_refused(client, idp, bram):
    response = _come_back(client, idp.answer(_start(client), identity(brin="99ZZ")))
    assert response.status_code == 403
    assert not _signed_in_user(client).is_authenticated


def test_a_deactivated_person_is_refused(client, idp, bram):
    User.objects.filter(pk=bram.pk).update(is_active=False)
    assert _come_back(client, idp.answer(_start(client), identity())).status_code == 403
    assert not _signed_in_user(client).is_authenticated


def test_a_tampered_assertion_is_refused(client, idp, bram, school):
    other = UserFactory(email="other@baken.example")
    MembershipFactory(user=other, department=bram.memberships.get().department, role="coordinator")
    answer = idp.answer(_start(client), identity())
    answer["SAMLResponse"] = saml_idp.tamper(
        answer["SAMLResponse"], "bram@baken.example", "other@baken.example"
    )
    assert _come_back(client, answer).status_code == 403
    assert not _signed_in_user(client).is_authenticated


def test_an_unsigned_assertion_is_refused(client, idp, bram):
    answer = idp.answer(_start(client), identity(), sign=False)
    assert _come_back(client, answer).status_code == 403
    assert not _signed_in_user(client).is_authenticated


def test_an_assertion_for_another_service_is_refused(client, idp, bram):
    answer = idp.answer(_start(client), identity(), audience=saml_idp.OTHER_SP)
    assert _come_back(client, answer).status_code == 403
    assert not _signed_in_user(client).is_authenticated


def test_a_replayed_assertion_is_refused(client, idp, bram):
    answer = idp.answer(_start(client), identity())
    assert _come_back(client, answer).status_code == 302
    client.logout()
    assert _come_back(client, answer).status_code == 403
    assert not _signed_in_user(client).is_authenticated


def test_an_answer_nobody_asked_for_is_refused(client, idp, bram):
    answer = idp.answer(_start(client), identity())
    client.cookies.clear()  # another browser, which never made the request
    assert _come_back(client, answer).status_code == 403
    assert not _signed_in_user(client).is_authenticated


@pytest.mark.parametrize(
    "data", [{}, {"SAMLResponse": ""}, {"SAMLResponse": "not base64 !"}, {"SAMLResponse": "PHg+"}]
)
def test_garbage_at_the_consumer_service_is_refused_without_a_500(client, idp, data):
    assert _come_back(client, data).status_code in (400, 403)
