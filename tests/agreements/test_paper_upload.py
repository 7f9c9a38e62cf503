"""A scanned signed agreement counts for the parties the coordinator ticks."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from agreements.models import AgreementStatus, Signature, SignatureMethod
from placements.models import PlacementState

pytestmark = pytest.mark.django_db

SCAN = b"%PDF-1.4\n% scanned\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _upload(client, agreement, parties, content=SCAN, name="scan.pdf"):
    return client.post(
        f"/agreements/{agreement.pk}/paper/",
        {"scan": SimpleUploadedFile(name, content, content_type="application/pdf"), "parties": parties},
    )


def test_a_scan_signed_by_all_parties_activates_the_placement(sent_agreement, login, coordinator, commit):
    agreement, _urls = sent_agreement
    client = login(coordinator)
    with commit():
        response = _upload(client, agreement, ["school", "host", "student"])
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.SIGNED
    agreement.placement.refresh_from_db()
    assert agreement.placement.state == PlacementState.ACTIVE
    signatures = Signature.objects.filter(agreement=agreement)
    assert {s.method for s in signatures} == {SignatureMethod.PAPER}
    assert all(s.user == coordinator for s in signatures)
    assert all(s.pdf_sha256 == agreement.scan_sha256 for s in signatures)
    assert client.get(f"/agreements/{agreement.pk}/scan/").status_code == 200


def test_a_scan_for_some_parties_leaves_the_others_to_sign_by_link(
    sent_agreement, login, coordinator, client
):
    agreement, urls = sent_agreement
    login(coordinator)
    _upload(client, agreement, ["host"])
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.SENT
    assert agreement.unsigned_parties() == ["school", "student"]
    # The host's link is revoked: the paper signature stands.
    assert client.post(urls["host"], {"name": "Henk", "confirm": "on"}).status_code == 410


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"GIF89a not a pdf", "scan.pdf", "geen PDF"),
        (SCAN, "scan.jpg", "Alleen PDF"),
        (b"%PDF-" + b"0" * (10 * 1024 * 1024 + 1), "scan.pdf", "groter dan 10 MB"),
    ],
)
def test_anything_but_a_small_pdf_is_refused(sent_agreement, login, coordinator, content, name, message):
    agreement, _urls = sent_agreement
    client = login(coordinator)
    response = _upload(client, agreement, ["host"], content=content, name=name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Signature.objects.exists()


def test_no_ticked_party_is_refused(sent_agreement, login, coordinator):
    agreement, _urls = sent_agreement
    response = _upload(login(coordinator), agreement, [])
    assert response.status_code == 400
    assert not Signature.objects.exists()


def test_a_supervisor_may_not_upload(sent_agreement, login, supervisor):
    agreement, _urls = sent_agreement
    assert _upload(login(supervisor), agreement, ["host"]).status_code == 403
