"""Every signer receives the signed agreement; a used or replaced link says what became of it
(issue 10: 14, 15)."""

from datetime import date

import pytest

from agreements import services
from agreements.models import Agreement, AgreementStatus, SignatureRequest
from placements import services as placement_services
from stagebeheer.models import OutgoingMessage
from tests.agreements.conftest import read
from tests.sent_links import link_in_sent_mail, sent_mails

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_pdf")]


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_each_signer_gets_one_mail_with_a_lasting_link_to_the_signed_pdf(signed_agreement, client):
    agreement = signed_agreement
    assert agreement.signed_pdf_status == "done"
    signers = [r for r in agreement.requests.all() if r.email]
    assert len(signers) == 3  # the coordinator for the school, the host, the guardian
    for req in signers:
        assert len(sent_mails(req.email, "Ondertekend")) == 1
        assert req.copy_sent_at is not None
        url = link_in_sent_mail(req.email, "Ondertekend", url_contains="/l/")
        page = client.get(url)
        assert page.status_code == 200
        assert agreement.verification_code in page.content.decode()
        pdf = client.get(url + "pdf/")
        assert pdf.status_code == 200
        assert pdf["Content-Type"] == "application/pdf"
        assert _body(pdf) == read(agreement.signed_pdf)


def test_delivering_again_sends_nobody_a_second_mail(signed_agreement, commit):
    before = OutgoingMessage.objects.count()
    with commit():
        assert services.deliver_signed_copies(signed_agreement.pk) == 0
    assert OutgoingMessage.objects.count() == before


def test_nothing_is_sent_before_every_party_signed(sent_agreement, commit):
    agreement, _urls = sent_agreement
    with commit():
        assert services.deliver_signed_copies(agreement.pk) == 0
    assert not SignatureRequest.objects.filter(agreement=agreement, copy_sent_at__isnull=False).exists()


def test_the_hosts_used_signing_link_opens_the_signed_pdf(sent_agreement, coordinator, commit, client):
    agreement, urls = sent_agreement
    shown = agreement.pdf_sha256
    with commit():
        client.post(urls["host"], {"name": "Henk de Bakker", "confirm": "on", "document": shown})
    page = client.get(urls["host"])
    assert "U heeft al getekend" in page.content.decode()
    assert client.get(urls["host"] + "signed/").status_code == 410  # not yet signed by all
    with commit():
        client.post(urls["student"], {"name": "Marieke Verhoeven", "confirm": "on", "document": shown})
        services.sign_in_app(agreement, coordinator, "Carla Coördinator", shown_sha256=shown)
    agreement.refresh_from_db()
    page = client.get(urls["host"]).content.decode()
    assert "Ondertekende overeenkomst downloaden" in page
    pdf = client.get(urls["host"] + "signed/")
    assert pdf.status_code == 200
    assert _body(pdf) == read(agreement.signed_pdf)
    assert client.get(urls["host"] + "bogus/").status_code == 410


def test_a_change_explains_itself_and_the_old_links_say_they_were_replaced(
    sent_agreement, coordinator, commit, client
):
    first, urls = sent_agreement
    with commit():
        client.post(urls["host"], {"name": "Henk de Bakker", "confirm": "on", "document": first.pdf_sha256})
    old_end = first.placement.end_date
    with commit():
        placement_services.update_contract(
            first.placement, {"end_date": date(2027, 2, 19)}, actor=coordinator
        )
    first.refresh_from_db()
    assert first.status == AgreementStatus.OUTDATED
    # The host had signed (a used link), the guardian had not (a revoked link): both read "replaced".
    for party in ("host", "student"):
        page = client.get(urls[party])
        assert page.status_code == 410
        text = page.content.decode()
        assert "Versie 1 van deze overeenkomst is vervangen" in text
        assert "versie 2" in text
        assert "U heeft al getekend" not in text
    second = Agreement.objects.live().get(placement=first.placement)
    assert second.content["replaces_version"] == 1
    host = second.requests.get(party="host")
    mail = sent_mails(host.email, "ter ondertekening")[-1].body
    assert "Dit is versie 2. Versie 1 is vervallen" in mail
    assert "Wat er is veranderd:" in mail
    assert old_end.strftime("%d-%m-%Y") in mail
    assert "19-02-2027" in mail


def test_the_first_version_mail_names_no_change(sent_agreement):
    agreement, _urls = sent_agreement
    host = agreement.requests.get(party="host")
    body = sent_mails(host.email, "ter ondertekening")[-1].body
    assert "Wat er is veranderd" not in body
    assert "Dit is versie" not in body


def test_the_edit_page_warns_that_saving_voids_the_signed_agreement(signed_agreement, login, coordinator):
    url = f"/stages/{signed_agreement.placement_id}/wijzigen/"
    page = login(coordinator).get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Deze stage heeft een ondertekende overeenkomst (versie 1)" in text
    assert "versie 2 om opnieuw te tekenen" in text


def test_the_edit_page_of_a_draft_placement_warns_of_nothing(placement, login, coordinator):
    page = login(coordinator).get(f"/stages/{placement.pk}/wijzigen/")
    assert page.status_code == 200
    assert "om opnieuw te tekenen" not in page.content.decode()
