"""Journey: a parent opens the verification page on a phone, uploads the signed agreement
and reads that it is genuine (issue 17)."""

import time

import pytest
from playwright.sync_api import expect

from agreements.models import Agreement, AgreementStatus, PdfStatus

pytestmark = pytest.mark.e2e


def _signed_demo_agreement(timeout=60.0) -> Agreement:
    # The demo's signed copies render (and are sealed) by the worker after the seed commits.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        agreement = (
            Agreement.objects.filter(status=AgreementStatus.SIGNED, signed_pdf_status=PdfStatus.DONE)
            .order_by("pk")
            .first()
        )
        if agreement:
            return agreement
        time.sleep(0.5)
    raise AssertionError("no signed demo agreement was rendered")


def test_a_parent_on_a_phone_uploads_the_signed_agreement_and_reads_it_is_genuine(phone, step, tmp_path):
    agreement = _signed_demo_agreement()
    path = tmp_path / "stageovereenkomst.pdf"
    with agreement.signed_pdf.open("rb") as handle:
        path.write_bytes(handle.read())

    phone.goto("/verify/")
    step(phone, "verify-empty")
    phone.get_by_label("De PDF van de overeenkomst").set_input_files(path)
    phone.get_by_role("button", name="Controleren").click()
    expect(phone.get_by_role("heading", name="Echt", exact=True)).to_be_visible()
    expect(phone.get_by_text("Echt en ongewijzigd: dit is de ondertekende overeenkomst")).to_be_visible()
    expect(phone.get_by_text("De zegel is echt en onbeschadigd.")).to_be_visible()
    signer = agreement.signatures.order_by("pk").first()
    expect(phone.get_by_text(signer.signer_name, exact=False).first).to_be_visible()
    step(phone, "verify-genuine")

    # The code from the footer, typed by hand, finds the same agreement.
    phone.goto("/verify/")
    phone.get_by_label("Of de code onderaan elke pagina").fill(agreement.verification_code.lower())
    phone.get_by_role("button", name="Controleren").click()
    expect(
        phone.get_by_text("Deze code hoort bij een overeenkomst die Stagebeheer heeft uitgegeven.")
    ).to_be_visible()
    step(phone, "verify-code")
