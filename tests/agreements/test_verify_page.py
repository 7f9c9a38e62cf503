"""Anyone can check an agreement on the public verification page (issue 17, points 3 and 4)."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from agreements import services
from agreements.models import Agreement
from tests.agreements.conftest import read

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_pdf")]

URL = "/verify/"


def upload(client, data: bytes, name="overeenkomst.pdf", **extra):
    return client.post(URL, {"document": SimpleUploadedFile(name, data, "application/pdf")}, **extra)


def test_the_page_opens_without_an_account(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Overeenkomst controleren" in response.text


def test_the_signed_agreement_is_genuine_and_names_who_signed_when(client, signed_agreement):
    response = upload(client, read(signed_agreement.signed_pdf))
    assert response.status_code == 200
    answer = response.context["answer"]
    assert answer.verdict == "genuine"
    assert answer.signed_copy
    assert "Echt en ongewijzigd" in response.text
    assert "Henk de Bakker" in response.text
    assert "Door alle partijen ondertekend; dit is de geldende versie." in response.text
    assert f"VO-{signed_agreement.placement_id}-1" in response.text


def test_the_footer_carries_the_code_and_the_pages_address(signed_agreement):
    from tests.agreements.conftest import pdf_text

    text = pdf_text(read(signed_agreement.signed_pdf))
    assert f"code {signed_agreement.verification_code}" in text
    assert "Echtheid controleren: http://testserver/verify/" in text or "/verify/" in text


def test_the_code_from_the_footer_finds_the_agreement(client, signed_agreement):
    code = signed_agreement.verification_code.lower().replace("-", " ")
    response = client.post(URL, {"code": code})
    assert response.status_code == 200
    assert response.context["answer"].agreement == signed_agreement
    assert "Henk de Bakker" in response.text


def test_an_unknown_code_learns_nothing(client, signed_agreement):
    response = client.post(URL, {"code": "AAAA-BBBB-CCCC"})
    assert response.context["answer"].verdict == "unknown"
    assert "Henk de Bakker" not in response.text
    assert signed_agreement.content["student_name"] not in response.text


def test_a_changed_copy_is_not_genuine(client, signed_agreement):
    data = bytearray(read(signed_agreement.signed_pdf))
    data[10] = (data[10] + 1) % 256
    response = upload(client, bytes(data))
    answer = response.context["answer"]
    assert answer.verdict == "forged"
    assert answer.agreement is None
    assert "Henk de Bakker" not in response.text


def test_text_added_after_the_seal_is_named(client, signed_agreement):
    import pikepdf

    original = read(signed_agreement.signed_pdf)
    pdf = pikepdf.open(BytesIO(original))
    pdf.docinfo["/Title"] = "Vervalst"
    out = BytesIO()
    pdf.save(out)  # a rewrite, not an incremental update: the seal no longer matches
    response = upload(client, out.getvalue())
    assert response.context["answer"].verdict in ("forged", "unknown")
    assert response.context["answer"].agreement is None


def test_an_older_version_says_it_was_replaced(client, signed_agreement, coordinator, commit):
    older = read(signed_agreement.pdf)
    placement = signed_agreement.placement
    with commit():
        services.renew_after_change(placement, ["end_date"], actor=coordinator)
    assert Agreement.objects.filter(placement=placement, version=2).exists()
    response = upload(client, older)
    answer = response.context["answer"]
    assert answer.verdict == "genuine"
    assert answer.newer_version == 2
    assert "Vervangen door versie 2; deze versie geldt niet meer." in response.text


def test_an_unknown_pdf_is_not_issued_by_stagebeheer(client):
    from stagebeheer.pdf import render_pdf

    data = render_pdf(
        '<html lang="nl"><head><title>x</title></head><body><p>Een andere brief</p></body></html>'
    )
    response = upload(client, data)
    assert response.context["answer"].verdict == "unknown"
    assert "niet door Stagebeheer uitgegeven" in response.text


@pytest.mark.parametrize(
    ("data", "verdict"),
    [
        (b"GIF89a not a pdf at all", "not_pdf"),
        (b"", None),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\nthis is no pdf structure\n%%EOF", "broken"),
    ],
)
def test_bad_files_get_a_clear_answer_and_no_500(client, data, verdict):
    response = upload(client, data)
    assert response.status_code in (200, 400)
    if verdict:
        assert response.context["answer"].verdict == verdict


def test_an_encrypted_pdf_cannot_be_checked(client, signed_agreement):
    import pikepdf

    pdf = pikepdf.open(BytesIO(read(signed_agreement.signed_pdf)))
    out = BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(owner="o", user="u"))
    response = upload(client, out.getvalue())
    assert response.status_code == 400
    assert response.context["answer"].verdict == "encrypted"


def test_a_huge_file_is_refused_unread(client, settings):
    from agreements import verification

    data = b"%PDF-1.7\n" + b"0" * (verification.MAX_UPLOAD_BYTES + 10)
    response = upload(client, data)
    assert response.status_code == 400
    assert response.context["answer"].verdict == "too_big"


def test_a_pdf_sealed_by_a_stranger_is_forged(client, signed_agreement):
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    from agreements import seal
    from tests.agreements.test_seal import make_certificate

    cert, key = make_certificate("Vervalser")
    stranger = seal.SealKey(seal._signer(cert, key), internal=False, subject="Vervalser")
    # The genuine text, re-sealed by someone else's key (as a new revision on top of ours).
    data = read(signed_agreement.signed_pdf)
    writer = IncrementalPdfFileWriter(BytesIO(data))
    forged = signers.sign_pdf(
        writer, signers.PdfSignatureMetadata(field_name="Zegel2"), signer=stranger.signer
    ).getvalue()
    response = upload(client, forged)
    assert response.context["answer"].verdict == "forged"


def test_empty_form_says_what_to_do(client):
    response = client.post(URL, {})
    assert response.status_code == 400
    assert "Kies een PDF of typ de code." in response.text


def test_guessing_is_rate_limited_like_the_links(client, settings):
    settings.ACCESS_LINK_GUESSES = 3
    for _ in range(3):
        client.post(URL, {"code": "AAAA-BBBB-CCCC"})
    response = client.post(URL, {"code": "AAAA-BBBB-CCCC"})
    assert response.status_code == 429
    assert "te veel" in response.text


def test_nothing_uploaded_is_stored(client, signed_agreement, settings, tmp_path):
    before = sorted(p.name for p in (tmp_path / "media").rglob("*"))
    upload(client, read(signed_agreement.signed_pdf))
    upload(client, b"%PDF-1.7 broken")
    assert sorted(p.name for p in (tmp_path / "media").rglob("*")) == before
