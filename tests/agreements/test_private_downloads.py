"""Downloads of personal data are never cached; only the signing page may frame the PDF (issue 9.10)."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_coordinators_pdf_download_is_never_stored(sent_agreement, login, coordinator):
    agreement, _urls = sent_agreement
    response = login(coordinator).get(f"/agreements/{agreement.pk}/pdf/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_the_signers_pdf_may_be_framed_by_our_own_signing_page_only(sent_agreement, client):
    _agreement, urls = sent_agreement
    page = client.get(urls["host"])
    assert page["X-Frame-Options"] == "DENY"
    pdf = client.get(urls["host"] + "pdf/")
    assert pdf.status_code == 200
    assert "no-store" in pdf["Cache-Control"]
    assert pdf["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in pdf["Content-Security-Policy"]
