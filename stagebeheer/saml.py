"""Sign-in through Entree Federatie and SURFconext with SAML 2.0 (djangosaml2 on
pysaml2, which checks signatures with xmlsec1, the audience, the lifetime and
that each response answers a request this browser made).

Both federations are hubs: one identity provider each, whose assertion says
which institution the person belongs to. The back-end takes the federation
from the issuer and the institution from its attribute, and matches the person
by ``stagebeheer.sso``; nobody is created and no role comes from an attribute.
"""

import logging

from django.conf import settings
from djangosaml2.backends import Saml2Backend

from stagebeheer import sso
from stagebeheer.models import Federation

logger = logging.getLogger(__name__)

# The attribute that names the institution, per federation.
HOME_ORGANIZATION_ATTRIBUTE = {
    Federation.ENTREE: "nlEduPersonHomeOrganizationId",
    Federation.SURFCONEXT: "schacHomeOrganization",
}
EMAIL_ATTRIBUTE = "mail"


def attribute(ava: dict, name: str) -> str:
    """An attribute by its friendly name, whatever form the IdP named it in
    (friendly, urn:mace:dir:attribute-def:<name>, or a URI ending in it)."""
    wanted = name.lower()
    for key, value in ava.items():
        if key.lower() == wanted or key.lower().rsplit(":", 1)[-1] == wanted:
            return sso.first(value)
    return ""


class FederationSaml2Backend(Saml2Backend):
    def authenticate(
        self,
        request,
        session_info=None,
        attribute_mapping=None,
        create_unknown_user=True,
        assertion_info=None,
        **kwargs,
    ):
        if not session_info:
            return None
        federation = settings.SAML_FEDERATIONS.get(session_info.get("issuer", ""))
        if federation is None:
            logger.warning("SAML sign-in refused: unknown issuer %s", session_info.get("issuer"))
            return None
        ava = session_info.get("ava") or {}
        person = sso.person_for(
            federation=federation,
            home_organization=attribute(ava, HOME_ORGANIZATION_ATTRIBUTE[federation]),
            email=attribute(ava, EMAIL_ATTRIBUTE),
        )
        if person is None or not self.user_can_authenticate(person):
            return None
        return person


def sp_config(*, site_url, metadata, key_file="", cert_file="", xmlsec_binary="/usr/bin/xmlsec1"):
    """pysaml2's configuration of this service provider. ``metadata`` is a list
    of the federations' metadata, each a URL or a file path."""
    from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT

    remote = [{"url": m} for m in metadata if m.startswith(("https://", "http://"))]
    local = [m for m in metadata if not m.startswith(("https://", "http://"))]
    config = {
        "xmlsec_binary": xmlsec_binary,
        "entityid": f"{site_url}/saml2/metadata/",
        "allow_unknown_attributes": True,
        "service": {
            "sp": {
                "name": "Stagebeheer",
                "endpoints": {
                    "assertion_consumer_service": [(f"{site_url}/saml2/acs/", BINDING_HTTP_POST)],
                    "single_logout_service": [(f"{site_url}/saml2/ls/", BINDING_HTTP_REDIRECT)],
                },
                # Only answers to requests this browser made (no replays of old answers).
                "allow_unsolicited": False,
                "want_assertions_signed": True,
                "want_response_signed": False,
                "authn_requests_signed": bool(key_file),
                "required_attributes": ["mail"],
                "optional_attributes": [
                    "schacHomeOrganization",
                    "nlEduPersonHomeOrganizationId",
                    "displayName",
                ],
            }
        },
        "metadata": {k: v for k, v in (("remote", remote), ("local", local)) if v},
        "debug": 0,
    }
    if key_file and cert_file:
        config.update(
            key_file=key_file,
            cert_file=cert_file,
            encryption_keypairs=[{"key_file": key_file, "cert_file": cert_file}],
        )
    return config
