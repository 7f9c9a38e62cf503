"""The signed agreement is sealed with a PAdES signature that pyHanko validates (issue 17, point 2)."""

import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from io import BytesIO

import pytest
from asn1crypto import keys, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from agreements import seal
from tests.agreements.conftest import pdf_text, read

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_pdf")]


def make_certificate(name: str, *, time_stamping: bool = False):
    # pyHanko's DummyTimeStamper signs with RSA only.
    key = rsa.generate_private_key(65537, 2048) if time_stamping else ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [x509.NameAttribute(NameOID.ORGANIZATION_NAME, name), x509.NameAttribute(NameOID.COMMON_NAME, name)]
    )
    now = datetime.now(UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
    )
    if time_stamping:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
        )
    return builder.sign(key, hashes.SHA256()), key


def asn1(cert):
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def validate(data: bytes, *roots):
    signature = PdfFileReader(BytesIO(data)).embedded_signatures[-1]
    return validate_pdf_signature(signature, ValidationContext(trust_roots=list(roots)))


def installation_root():
    cert, _row = seal.installation_certificate()
    return asn1(cert)


def test_the_signed_agreement_is_sealed_intact_and_trusted_by_the_installation_key(signed_agreement):
    data = read(signed_agreement.signed_pdf)
    status = validate(data, installation_root())
    assert status.intact
    assert status.valid
    assert status.trusted
    assert status.bottom_line
    text = pdf_text(data)
    assert "interne zegel van deze Stagebeheer-installatie" in text
    # The sealed content lists every signatory's signing event.
    for name in ("Henk de Bakker", "Marieke Verhoeven", "Carla Coördinator"):
        assert name in text


def test_changing_one_byte_of_the_sealed_pdf_breaks_the_seal(signed_agreement):
    data = bytearray(read(signed_agreement.signed_pdf))
    # A byte of the binary comment on the second line: still a readable PDF, but not the one sealed.
    data[10] = (data[10] + 1) % 256
    status = validate(bytes(data), installation_root())
    assert not status.intact
    assert not status.bottom_line


def test_a_seal_made_by_another_key_is_not_trusted(signed_agreement):
    stranger, _key = make_certificate("Iemand anders")
    status = validate(read(signed_agreement.signed_pdf), asn1(stranger))
    assert status.intact
    assert not status.trusted


def test_the_installation_key_is_made_once_and_reused(db):
    first, _ = seal.installation_certificate()
    second, _ = seal.installation_certificate()
    assert first == second


@pytest.fixture
def school_seal(tmp_path, monkeypatch, department):
    cert, key = make_certificate("Stichting Baken zegel")
    blob = pkcs12.serialize_key_and_certificates(
        b"zegel", key, cert, None, serialization.BestAvailableEncryption(b"geheim")
    )
    path = tmp_path / "zegel.p12"
    path.write_bytes(blob)
    brin = department.school.brin
    monkeypatch.setenv(f"SEAL_PKCS12_{brin}", str(path))
    password_file = tmp_path / "password"
    password_file.write_text("geheim\n")
    monkeypatch.setenv(f"SEAL_PKCS12_PASSWORD_{brin}_FILE", str(password_file))
    return cert


def test_a_school_with_its_own_certificate_seals_with_it(school_seal, signed_agreement):
    data = read(signed_agreement.signed_pdf)
    status = validate(data, asn1(school_seal))
    assert status.bottom_line
    text = pdf_text(data)
    assert "verzegeld door Stichting Baken zegel met het zegelcertificaat van de school" in text
    assert "interne zegel" not in text


@pytest.fixture
def time_stamping_service(monkeypatch):
    """An RFC 3161 responder of the test on a local port, answering with pyHanko's DummyTimeStamper."""
    cert, key = make_certificate("Test TSA", time_stamping=True)
    stamper = DummyTimeStamper(
        tsa_cert=asn1(cert),
        tsa_key=keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        ),
    )
    requests = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            requests.append(self.headers["Content-Type"])
            answer = stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("SEAL_TSA_URL", f"http://127.0.0.1:{server.server_address[1]}/tsa")
    yield asn1(cert), requests
    server.shutdown()
    server.server_close()


def test_a_configured_time_stamping_service_stamps_the_seal(time_stamping_service, signed_agreement):
    tsa_root, requests = time_stamping_service
    assert requests  # the seal asked the service (pyHanko may also ask once for the size)
    assert set(requests) == {"application/timestamp-query"}
    status = validate(read(signed_agreement.signed_pdf), installation_root(), tsa_root)
    assert status.bottom_line
    assert status.timestamp_validity is not None
    assert status.timestamp_validity.intact
    assert status.timestamp_validity.valid
    assert status.timestamp_validity.trusted


def test_sealing_and_checking_work_inside_a_running_event_loop(signed_agreement, monkeypatch):
    # pyHanko's synchronous API starts its own loop; a caller that already runs one (Playwright's
    # sync API seeding the demo inline in the browser journeys) got "asyncio.run() cannot be called
    # from a running event loop" and no signed PDF at all.
    import asyncio

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # as the browser journeys run Django

    from agreements.verification import _seal_status

    key = seal.installation_signer()
    original = read(signed_agreement.pdf)
    roots = [installation_root()]
    # Inside a loop Django opens another connection, which does not see this test's transaction.
    monkeypatch.setattr(seal, "trust_roots", lambda: roots)

    async def inside_a_loop():
        sealed = seal.seal_pdf(original, key, reason="test")
        return sealed, _seal_status(sealed)

    sealed, status = asyncio.run(inside_a_loop())
    assert validate(sealed, *roots).bottom_line
    assert status[0] == "sealed"
