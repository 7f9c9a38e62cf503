"""Anyone can check an agreement PDF: did Stagebeheer issue it, is it unchanged, which
version is it, who signed when, and was it replaced?

Two ways in: the PDF itself, or the code printed in its footer. Both answer only
about the one document that the person holds (a file whose fingerprint matches,
or a 60-bit code printed only in it); an unknown file or code learns nothing.
Nothing uploaded is stored.
"""

import hashlib
import logging
from dataclasses import dataclass, field
from io import BytesIO

from django.utils.translation import gettext as _

from agreements.models import Agreement, AgreementStatus

log = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # an agreement is ~100 KiB; a scan stays far below this


@dataclass
class Answer:
    verdict: (
        str  # "genuine", "sealed_changed", "forged", "unknown", "not_pdf", "too_big", "encrypted", "broken"
    )
    message: str
    agreement: Agreement | None = None
    signed_copy: bool = False
    seal: str = ""  # what the seal check found, in words
    signatures: list = field(default_factory=list)
    newer_version: int | None = None

    @property
    def good(self) -> bool:
        return self.verdict == "genuine"


def _agreement_qs():
    return Agreement.objects.select_related("placement__plan__department__school").prefetch_related(
        "signatures"
    )


def _describe(agreement: Agreement, answer: Answer) -> Answer:
    from agreements.models import Party

    order = {party: n for n, party in enumerate(Party.values)}
    answer.agreement = agreement
    answer.signatures = sorted(agreement.signatures.all(), key=lambda s: order.get(s.party, 9))
    newer = (
        Agreement.objects.filter(placement_id=agreement.placement_id, version__gt=agreement.version)
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
    )
    answer.newer_version = newer
    return answer


def by_code(code: str) -> Answer | None:
    code = "".join(c for c in (code or "").upper() if c.isalnum())
    if len(code) != 12:
        return None
    pretty = f"{code[:4]}-{code[4:8]}-{code[8:]}".replace("O", "0").replace("I", "1").replace("L", "1")
    agreement = _agreement_qs().filter(verification_code=pretty).first()
    if agreement is None:
        return None
    return _describe(
        agreement,
        Answer(
            "genuine",
            _(
                "Deze code hoort bij een overeenkomst die Stagebeheer heeft uitgegeven. Vergelijk de "
                "gegevens hieronder met uw document, of upload de PDF om te zien of die ongewijzigd is."
            ),
        ),
    )


def _seal_status(data: bytes):
    """(verdict, words, sealed revision bytes) from pyHanko's validation of the seal, or None."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        if reader.encrypted:
            return "encrypted", "", None
        signatures = reader.embedded_signatures
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, AttributeError, OSError):
        return "broken", "", None
    if not signatures:
        return None
    from agreements.seal import outside_event_loop, trust_roots

    seal = signatures[-1]
    context = ValidationContext(trust_roots=trust_roots())  # read here: a pool thread has no test transaction
    try:
        status = outside_event_loop(lambda: validate_pdf_signature(seal, context))
    except Exception:  # a malformed signature dictionary: pyHanko raises many kinds
        log.info("seal validation failed", exc_info=True)
        return "forged", _("De zegel in dit bestand is onleesbaar of vervalst."), None
    if not status.intact or not status.valid:
        return (
            "forged",
            _("De zegel klopt niet: het document is na het verzegelen veranderd of de zegel is vervalst."),
            None,
        )
    if not status.trusted:
        return "forged", _("De zegel is niet van Stagebeheer of van een school die het gebruikt."), None
    start, length = seal.byte_range[2], seal.byte_range[3]
    return "sealed", _("De zegel is echt en onbeschadigd."), data[: start + length]


def by_pdf(upload) -> Answer:
    size = getattr(upload, "size", None) or 0
    if size > MAX_UPLOAD_BYTES:
        return Answer("too_big", _("Dit bestand is te groot. Een overeenkomst is kleiner dan 10 MB."))
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        return Answer("too_big", _("Dit bestand is te groot. Een overeenkomst is kleiner dan 10 MB."))
    if not data.startswith(b"%PDF-"):
        return Answer("not_pdf", _("Dit is geen PDF-bestand. Upload de overeenkomst als PDF."))
    digest = hashlib.sha256(data).hexdigest()
    match = _agreement_qs().filter(signed_pdf_sha256=digest).first()
    if match:
        return _describe(match, _genuine(signed=True, seal=_("De zegel is echt en onbeschadigd.")))
    match = _agreement_qs().filter(pdf_sha256=digest).first()
    if match:
        return _describe(match, _genuine(signed=False))
    found = _seal_status(data)
    if found is None:
        return Answer(
            "unknown",
            _(
                "Dit document is niet door Stagebeheer uitgegeven, of het is veranderd: het komt met geen "
                "enkele uitgegeven overeenkomst overeen."
            ),
        )
    verdict, words, revision = found
    if verdict == "encrypted":
        return Answer("encrypted", _("Dit bestand is versleuteld; het kan niet worden gecontroleerd."))
    if verdict == "broken":
        return Answer("broken", _("Dit bestand is beschadigd en kan niet worden gelezen als PDF."))
    if verdict == "forged":
        return Answer("forged", words)
    match = _agreement_qs().filter(signed_pdf_sha256=hashlib.sha256(revision).hexdigest()).first()
    if match is None:
        return Answer(
            "forged", _("De zegel hoort bij geen enkele overeenkomst die Stagebeheer heeft uitgegeven.")
        )
    return _describe(
        match,
        Answer(
            "sealed_changed",
            _(
                "Het verzegelde deel is echt, maar er is na het verzegelen iets aan het bestand toegevoegd. "
                "Vraag de school om een nieuw exemplaar."
            ),
            signed_copy=True,
            seal=words,
        ),
    )


def _genuine(*, signed: bool, seal: str = "") -> Answer:
    if signed:
        text = _(
            "Echt en ongewijzigd: dit is de ondertekende overeenkomst zoals Stagebeheer die heeft uitgegeven."
        )
    else:
        text = _(
            "Echt en ongewijzigd: dit is een overeenkomst zoals Stagebeheer die heeft uitgegeven, "
            "nog zonder de pagina met handtekeningen."
        )
    return Answer("genuine", text, signed_copy=signed, seal=seal)


def status_words(agreement: Agreement, newer_version: int | None) -> str:
    if newer_version:
        return _("Vervangen door versie %(v)s; deze versie geldt niet meer.") % {"v": newer_version}
    if agreement.status == AgreementStatus.SIGNED:
        return _("Door alle partijen ondertekend; dit is de geldende versie.")
    if agreement.status == AgreementStatus.WITHDRAWN:
        return _("Ingetrokken; deze overeenkomst geldt niet.")
    if agreement.status == AgreementStatus.OUTDATED:
        return _("Vervallen; deze overeenkomst geldt niet meer.")
    return _("Nog niet door alle partijen ondertekend.")
