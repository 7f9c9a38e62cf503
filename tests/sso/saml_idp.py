"""pysaml2's own identity provider, run in the test process: it reads the
authentication request our service provider sends, and answers with a signed
assertion as Entree Federatie would."""

import base64
import datetime
import re
import shutil
from urllib.parse import parse_qs, urlparse

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.metadata import entity_descriptor
from saml2.saml import AUTHN_PASSWORD_PROTECTED, NAME_FORMAT_URI, NAMEID_FORMAT_TRANSIENT
from saml2.server import Server

IDP_ENTITY_ID = "https://idp.entree.test/metadata"
IDP_SSO_URL = "https://idp.entree.test/sso/redirect"
XMLSEC = shutil.which("xmlsec1") or "/usr/bin/xmlsec1"


def key_and_certificate(folder, name):
    """A fresh RSA key and self-signed certificate, as files."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_file, cert_file = folder / f"{name}.key", folder / f"{name}.crt"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return str(key_file), str(cert_file)


OTHER_SP = "https://other-sp.test/saml2/metadata/"


def idp_config(folder, sp_metadata_files=()):
    key_file, cert_file = (str(folder / "idp.key"), str(folder / "idp.crt"))
    config = {
        "entityid": IDP_ENTITY_ID,
        "xmlsec_binary": XMLSEC,
        "service": {
            "idp": {
                "name": "Test Entree",
                "endpoints": {"single_sign_on_service": [(IDP_SSO_URL, BINDING_HTTP_REDIRECT)]},
                "policy": {"default": {"lifetime": {"minutes": 15}, "name_form": NAME_FORMAT_URI}},
                "name_id_format": [NAMEID_FORMAT_TRANSIENT],
            }
        },
        "key_file": key_file,
        "cert_file": cert_file,
        "metadata": {"local": list(sp_metadata_files)} if sp_metadata_files else {},
    }
    loaded = IdPConfig()
    loaded.load(config)
    return loaded


def write_idp_metadata(folder):
    key_and_certificate(folder, "idp")
    path = folder / "idp-metadata.xml"
    path.write_text(str(entity_descriptor(idp_config(folder))))
    return str(path)


class TestIdP:
    def __init__(self, folder, sp_metadata_xml: str, sp_entity_id: str):
        sp_metadata = folder / "sp-metadata.xml"
        sp_metadata.write_text(sp_metadata_xml)
        # Another service provider of the federation, to address an assertion to.
        other = folder / "other-sp-metadata.xml"
        other.write_text(sp_metadata_xml.replace(sp_entity_id, OTHER_SP))
        self.server = Server(config=idp_config(folder, [str(sp_metadata), str(other)]))

    def answer(self, redirect_url, identity, *, audience=None, sign=True):
        """Read the SP's request from its redirect and return the POST data
        (SAMLResponse, RelayState) the browser would carry back."""
        query = parse_qs(urlparse(redirect_url).query)
        request = self.server.parse_authn_request(query["SAMLRequest"][0], BINDING_HTTP_REDIRECT)
        message = request.message
        sp_entity_id = audience or message.issuer.text
        response = self.server.create_authn_response(
            identity,
            in_response_to=message.id,
            destination=message.assertion_consumer_service_url,
            sp_entity_id=sp_entity_id,
            name_id_policy=message.name_id_policy,
            userid=identity["mail"][0],
            authn={"class_ref": AUTHN_PASSWORD_PROTECTED, "authn_auth": IDP_ENTITY_ID},
            sign_assertion=sign,
            sign_response=sign,
        )
        http = self.server.apply_binding(
            BINDING_HTTP_POST,
            str(response),
            message.assertion_consumer_service_url,
            query.get("RelayState", [""])[0],
            response=True,
        )
        form = http["data"]
        saml_response = re.search(r'name="SAMLResponse" value="([^"]+)"', form).group(1)
        relay = re.search(r'name="RelayState" value="([^"]*)"', form)
        return {"SAMLResponse": saml_response, "RelayState": relay.group(1) if relay else ""}


def tamper(saml_response: str, old: str, new: str) -> str:
    xml = base64.b64decode(saml_response).decode()
    assert old in xml
    return base64.b64encode(xml.replace(old, new).encode()).decode()
