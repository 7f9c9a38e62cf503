"""The school's seal on a signed agreement: a PAdES signature made with pyHanko.

Which key seals:
- a school's own certificate, a PKCS#12 file named by ``SEAL_PKCS12_<BRIN>`` with its
  password in ``SEAL_PKCS12_PASSWORD_<BRIN>`` (either may come from ``<NAME>_FILE``);
- otherwise this installation's own key, made on first use and kept in
  InstallationSeal. The signed PDF then says plainly that it carries an internal seal
  of this installation, not a certificate of the school.

With ``SEAL_TSA_URL`` set, the seal carries an RFC 3161 timestamp from that service.
The sealed content is the whole rendered PDF, including its page that lists each
signatory's signing event (name, capacity, method, time, address).
"""

import asyncio
import urllib.request
from dataclasses import dataclass
from datetime import timedelta
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.utils import timezone

from stagebeheer.env import env_str

INSTALLATION = "installation"
FIELD_NAME = "Zegel"


@dataclass(frozen=True)
class SealKey:
    signer: object  # pyhanko SimpleSigner
    internal: bool  # True: this installation's own key, not the school's certificate
    subject: str  # the certificate's common name or organisation, for the PDF and the verification page


def _env_name(name: str, brin: str) -> str:
    return f"{name}_{''.join(c for c in brin.upper() if c.isalnum())}"


def _password() -> bytes:
    # The installation key is encrypted with a key derived from SECRET_KEY (PKCS#8, best available).
    return f"stagebeheer-seal:{settings.SECRET_KEY}".encode()


def _to_asn1(cert, key):
    from asn1crypto import keys, x509
    from cryptography.hazmat.primitives import serialization

    der_cert = cert.public_bytes(serialization.Encoding.DER)
    der_key = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return x509.Certificate.load(der_cert), keys.PrivateKeyInfo.load(der_key)


def _signer(cert, key, extra_certs=()):
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    asn1_cert, asn1_key = _to_asn1(cert, key)
    others = [_to_asn1(c, key)[0] for c in extra_certs]
    return signers.SimpleSigner(
        signing_cert=asn1_cert,
        signing_key=asn1_key,
        cert_registry=SimpleCertificateStore.from_certs([asn1_cert, *others]),
    )


def _subject(cert) -> str:
    from cryptography.x509.oid import NameOID

    for oid in (NameOID.ORGANIZATION_NAME, NameOID.COMMON_NAME):
        found = cert.subject.get_attributes_for_oid(oid)
        if found:
            return str(found[0].value)
    return cert.subject.rfc4514_string()


def school_signer(brin: str) -> SealKey | None:
    """The school's own seal certificate, when one is configured."""
    path = env_str(_env_name("SEAL_PKCS12", brin))
    if not path:
        return None
    from cryptography.hazmat.primitives.serialization import pkcs12

    password = env_str(_env_name("SEAL_PKCS12_PASSWORD", brin)) or ""
    try:
        with open(path, "rb") as handle:  # noqa: PTH123 - a path from the environment
            key, cert, extra = pkcs12.load_key_and_certificates(handle.read(), password.encode() or None)
    except (OSError, ValueError) as exc:
        raise ImproperlyConfigured(f"{_env_name('SEAL_PKCS12', brin)}: cannot read the seal: {exc}") from exc
    if key is None or cert is None:
        raise ImproperlyConfigured(f"{_env_name('SEAL_PKCS12', brin)}: the file holds no key and certificate")
    return SealKey(_signer(cert, key, extra or ()), internal=False, subject=_subject(cert))


def _make_installation_key():
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    # P-256: a seal in about a millisecond, well within the 50 ms budget.
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Stagebeheer-installatie (interne zegel)"),
            x509.NameAttribute(NameOID.COMMON_NAME, f"Interne zegel {settings.SITE_URL}"[:64]),
        ]
    )
    now = timezone.now()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365 * 30))  # agreements are kept for years
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return (
        cert.public_bytes(serialization.Encoding.PEM).decode(),
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(_password()),
        ).decode(),
    )


def installation_certificate():
    """This installation's seal certificate (cryptography object); made on first use."""
    from cryptography import x509

    from agreements.models import InstallationSeal

    row = InstallationSeal.objects.filter(name=INSTALLATION).first()
    if row is None:
        cert_pem, key_pem = _make_installation_key()
        try:
            with transaction.atomic():
                row = InstallationSeal.objects.create(
                    name=INSTALLATION, certificate_pem=cert_pem, key_pem=key_pem
                )
        except IntegrityError:
            # Two workers made one at once: the unique name keeps the first, both use it.
            row = InstallationSeal.objects.get(name=INSTALLATION)
    return x509.load_pem_x509_certificate(row.certificate_pem.encode()), row


def installation_signer() -> SealKey:
    from cryptography.hazmat.primitives import serialization

    cert, row = installation_certificate()
    key = serialization.load_pem_private_key(row.key_pem.encode(), password=_password())
    return SealKey(_signer(cert, key), internal=True, subject=_subject(cert))


def seal_key_for(brin: str) -> SealKey:
    return school_signer(brin) or installation_signer()


def _http_timestamper(url: str, timeout: float = 10.0):
    """RFC 3161 over HTTP POST with the standard library (pyHanko's own clients need
    requests or an aiohttp session)."""
    from asn1crypto import tsp
    from pyhanko.sign.timestamps.api import TimeStamper

    class HttpTimeStamper(TimeStamper):
        async def async_request_tsa_response(self, req):
            def post():
                if not url.lower().startswith(("https://", "http://")):
                    raise ValueError("SEAL_TSA_URL must be an http(s) URL")
                request = urllib.request.Request(  # noqa: S310 - the school configures an http(s) TSA
                    url, data=req.dump(), headers={"Content-Type": "application/timestamp-query"}
                )
                with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310  # nosec B310
                    return response.read()

            return tsp.TimeStampResp.load(await asyncio.to_thread(post))

    return HttpTimeStamper()


def timestamper():
    url = env_str("SEAL_TSA_URL")
    if not url:
        return None
    if not url.startswith(("http://", "https://")):
        raise ImproperlyConfigured(f"SEAL_TSA_URL must start with http:// or https://, not {url!r}")
    return _http_timestamper(url)


def seal_pdf(data: bytes, key: SealKey, *, reason: str, location: str = "") -> bytes:
    """Seal ``data`` with ``key`` as an incremental update (PAdES B-B, or B-T with a timestamp)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(BytesIO(data))
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason[:200],
        location=location[:200],
        name=key.subject[:200],
    )
    stamper = timestamper()
    # Reserving room for the signature up front spares pyHanko a trial signature to measure it
    # (half the cost of a seal). An EC seal with its certificate fits in 8 KiB; a timestamp token
    # brings the TSA's certificate chain, so it gets more room.
    reserved = 32768 if stamper else 8192
    out = outside_event_loop(
        lambda: signers.sign_pdf(
            writer, meta, signer=key.signer, timestamper=stamper, bytes_reserved=reserved
        )
    )
    return out.getvalue()


def outside_event_loop(work):
    """Run ``work`` where pyHanko may start its own event loop.

    pyHanko's synchronous API calls asyncio.run(), which refuses inside a running loop (a
    Playwright or ASGI thread rendering inline); such a caller gets the work on a fresh thread.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return work()
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()


def trust_roots() -> list:
    """The certificates a genuine seal of this installation was made with (asn1crypto)."""
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    from agreements.models import InstallationSeal
    from stagebeheer.models import School

    roots = [
        asn1_x509.Certificate.load(
            x509.load_pem_x509_certificate(pem.encode()).public_bytes(serialization.Encoding.DER)
        )
        for pem in InstallationSeal.objects.values_list("certificate_pem", flat=True)
    ]
    for brin in School.objects.values_list("brin", flat=True):
        key = school_signer(brin)
        if key is not None:
            roots.append(key.signer.signing_cert)
    return roots
