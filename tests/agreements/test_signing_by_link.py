"""A full signing round through the links activates the placement."""

from datetime import timedelta

import pytest
from django.utils import timezone

from agreements import services
from agreements.models import AgreementStatus, PdfStatus, Signature
from placements import services as placement_services
from placements.models import PlacementState
from stagebeheer.models import AccessLink
from tests.agreements.conftest import pdf_text, read

pytestmark = pytest.mark.django_db


def _sign(client, url, name):
    page = client.get(url)
    assert page.status_code == 200
    return client.post(url, {"name": name, "confirm": "on", "document": page.context["agreement"].pdf_sha256})


def test_sending_moves_a_draft_placement_to_agreement_pending_and_mails_host_and_guardian(sent_agreement):
    agreement, urls = sent_agreement
    assert agreement.status == AgreementStatus.SENT
    assert agreement.placement.state == PlacementState.AGREEMENT_PENDING
    assert set(urls) == {"host", "student"}
    assert agreement.requests.get(party="student").email == "ouder@thuis.example"


@pytest.mark.smoke
def test_a_full_round_activates_the_placement_and_makes_a_signed_pdf(
    sent_agreement, client, login, coordinator, commit, real_pdf
):
    agreement, urls = sent_agreement
    with commit():
        assert _sign(client, urls["host"], "Henk de Bakker").status_code == 200
        assert _sign(client, urls["student"], "Marieke Verhoeven").status_code == 200
    agreement.placement.refresh_from_db()
    assert agreement.placement.state == PlacementState.AGREEMENT_PENDING  # the school has not signed

    login(coordinator)
    with commit():
        response = client.post(
            f"/agreements/{agreement.pk}/sign/",
            {"name": "Carla Coördinator", "confirm": "on", "document": agreement.pdf_sha256},
        )
    assert response.status_code == 302
    agreement.refresh_from_db()
    agreement.placement.refresh_from_db()
    assert agreement.status == AgreementStatus.SIGNED
    assert agreement.placement.state == PlacementState.ACTIVE
    assert agreement.signed_pdf_status == PdfStatus.DONE
    text = pdf_text(read(agreement.signed_pdf))
    assert "Henk de Bakker" in text
    assert "Marieke Verhoeven" in text
    assert "Carla Coördinator" in text
    assert agreement.pdf_sha256 in text.replace(" ", "")


def test_the_signature_stores_name_time_address_browser_and_the_pdf_hash(sent_agreement, client):
    agreement, urls = sent_agreement
    client.get(urls["host"])
    client.post(
        urls["host"],
        {"name": "Henk de Bakker", "confirm": "on", "document": agreement.pdf_sha256},
        HTTP_USER_AGENT="Firefox/140",
        REMOTE_ADDR="192.0.2.7",
    )
    signature = Signature.objects.get(agreement=agreement, party="host")
    assert signature.signer_name == "Henk de Bakker"
    assert signature.ip_address == "192.0.2.7"
    assert signature.user_agent == "Firefox/140"
    assert signature.pdf_sha256 == agreement.pdf_sha256
    assert signature.signed_at is not None


def test_the_signer_sees_the_pdf_under_the_link(sent_agreement, client):
    agreement, urls = sent_agreement
    response = client.get(urls["host"] + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    body = b"".join(response.streaming_content)
    assert services.sha256_of(body) == agreement.pdf_sha256


def test_a_double_submit_stores_one_signature(sent_agreement, client):
    agreement, urls = sent_agreement
    first = _sign(client, urls["host"], "Henk de Bakker")
    second = client.post(urls["host"], {"name": "Henk de Bakker", "confirm": "on"})
    assert first.status_code == 200
    assert second.status_code == 200
    assert "al getekend" in second.content.decode()
    assert Signature.objects.filter(agreement=agreement, party="host").count() == 1


def test_a_used_link_is_refused_for_signing_again(sent_agreement, client):
    agreement, urls = sent_agreement
    _sign(client, urls["student"], "Marieke Verhoeven")
    again = client.get(urls["student"])
    assert "al getekend" in again.content.decode()
    assert Signature.objects.filter(agreement=agreement).count() == 1


def test_an_expired_link_is_refused(sent_agreement, client):
    _agreement, urls = sent_agreement
    AccessLink.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.post(urls["host"], {"name": "Henk", "confirm": "on"})
    assert response.status_code == 410
    assert not Signature.objects.exists()


def test_a_withdrawn_agreements_links_are_revoked(sent_agreement, client, coordinator):
    agreement, urls = sent_agreement
    services.withdraw(agreement, actor=coordinator)
    response = client.post(urls["host"], {"name": "Henk", "confirm": "on"})
    assert response.status_code == 410
    assert "ingetrokken" in response.content.decode()
    assert not Signature.objects.exists()


def test_signing_without_a_name_or_the_tick_changes_nothing(sent_agreement, client):
    _agreement, urls = sent_agreement
    response = client.post(urls["host"], {"name": "", "confirm": ""})
    assert response.status_code == 400
    assert "akkoord" in response.content.decode()
    assert not Signature.objects.exists()
    assert AccessLink.objects.filter(completed_at__isnull=False).count() == 0


def test_a_placement_cannot_become_active_without_a_signed_agreement(placement, coordinator, commit):
    with pytest.raises(placement_services.TransitionError):
        placement_services.activate(placement)
    with commit():
        agreement = services.generate(placement, actor=coordinator)
        services.send(agreement, actor=coordinator)
    placement.refresh_from_db()
    with pytest.raises(placement_services.TransitionError, match="nog niet door alle partijen"):
        placement_services.activate(placement)
    placement.refresh_from_db()
    assert placement.state == PlacementState.AGREEMENT_PENDING


@pytest.mark.smoke
def test_an_incomplete_agreement_cannot_be_sent(placement, coordinator, commit):
    plan = placement.plan
    plan.insurance_premium_payer = ""
    plan.save()
    with commit():
        agreement = services.generate(placement, actor=coordinator)
    assert "verzekering: wie de premie betaalt is niet ingevuld" in agreement.problems
    with pytest.raises(services.AgreementError, match="niet compleet"):
        services.send(agreement, actor=coordinator)
    agreement.refresh_from_db()
    placement.refresh_from_db()
    assert agreement.status == AgreementStatus.DRAFT
    assert placement.state == PlacementState.DRAFT
    assert not AccessLink.objects.exists()


def test_an_adult_student_signs_personally(make_placement, coordinator, commit):
    placement = make_placement("mbo", minor=False)
    with commit():
        agreement = services.generate(placement, actor=coordinator)
        services.send(agreement, actor=coordinator)
    assert agreement.requests.get(party="student").email == placement.student.email


def test_terminating_the_placement_withdraws_the_unsigned_agreement_and_its_links(
    sent_agreement, client, coordinator
):
    from datetime import date

    agreement, urls = sent_agreement
    placement_services.terminate(
        agreement.placement, on=date(2027, 2, 2), reason="Verhuisd", actor=coordinator
    )
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.WITHDRAWN
    assert client.post(urls["host"], {"name": "Henk", "confirm": "on"}).status_code == 410


def test_no_new_agreement_is_made_for_a_completed_placement(placement):
    type(placement).objects.filter(pk=placement.pk).update(state=PlacementState.COMPLETED)
    with pytest.raises(services.AgreementError):
        services.generate(placement)


def test_the_link_page_says_so_while_the_pdf_is_still_being_made(placement, coordinator, client, commit):
    # Without running the on-commit task the PDF stays queued.
    agreement = services.generate(placement, actor=coordinator)
    from agreements.models import Agreement

    Agreement.objects.filter(pk=agreement.pk).update(pdf_status=PdfStatus.DONE, pdf_sha256="a" * 64)
    with commit():  # the mails go out
        services.send(agreement, actor=coordinator)
    Agreement.objects.filter(pk=agreement.pk).update(pdf_status=PdfStatus.QUEUED)
    from tests.agreements.conftest import links_by_party

    url = links_by_party(agreement)["host"]
    assert "wordt nog gemaakt" in client.get(url).content.decode()
    assert client.get(url + "pdf/").status_code == 404
    response = client.post(url, {"name": "Henk de Bakker", "confirm": "on", "document": "a" * 64})
    assert response.status_code == 409
    assert not Signature.objects.exists()
    assert AccessLink.objects.filter(completed_at__isnull=False).count() == 0


def test_a_named_school_signatory_signs_by_link(placement, coordinator, commit, client):
    from tests.agreements.conftest import links_by_party

    with commit():
        agreement = services.generate(placement, actor=coordinator)
        services.send(
            agreement,
            actor=coordinator,
            school_signatory={"name": "Dirk Directeur", "email": "dirk@school.example"},
        )
    urls = links_by_party(agreement)
    assert set(urls) == {"school", "host", "student"}
    agreement.refresh_from_db()
    with commit():
        for party, url in urls.items():
            client.post(url, {"name": f"Tekenaar {party}", "confirm": "on", "document": agreement.pdf_sha256})
    agreement.refresh_from_db()
    agreement.placement.refresh_from_db()
    assert agreement.status == AgreementStatus.SIGNED
    assert agreement.placement.state == PlacementState.ACTIVE
    assert Signature.objects.get(agreement=agreement, party="school").signer_name == "Tekenaar school"


def test_a_draft_made_before_the_data_changed_is_not_sent(placement, coordinator, commit):
    with commit():
        agreement = services.generate(placement, actor=coordinator)
    plan = placement.plan
    plan.guidance_split = "Alles doet de school."
    plan.save()
    with pytest.raises(services.AgreementError, match="opnieuw op"):
        services.send(agreement, actor=coordinator)
    with commit():
        agreement = services.generate(placement, actor=coordinator)
        services.send(agreement, actor=coordinator)
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.SENT


@pytest.mark.parametrize("shown", ["", "0" * 64, "not-a-hash"])
def test_a_signature_without_the_hash_of_the_document_shown_is_refused(sent_agreement, client, shown):
    """A forged POST (no hash, a stale or a made-up one) signs nothing."""
    _agreement, urls = sent_agreement
    response = client.post(urls["host"], {"name": "Henk de Bakker", "confirm": "on", "document": shown})
    assert response.status_code in (400, 409)
    assert "Open de" in response.content.decode()  # told to open the page again
    assert not Signature.objects.exists()
    assert AccessLink.objects.filter(completed_at__isnull=False).count() == 0


def test_a_signature_for_an_older_version_of_the_pdf_is_refused(sent_agreement, client):
    agreement, urls = sent_agreement
    shown = client.get(urls["host"]).context["agreement"].pdf_sha256
    from agreements.models import Agreement

    Agreement.objects.filter(pk=agreement.pk).update(pdf_sha256="b" * 64)  # the document changed meanwhile
    response = client.post(urls["host"], {"name": "Henk de Bakker", "confirm": "on", "document": shown})
    assert response.status_code == 409
    assert not Signature.objects.exists()


def test_the_coordinator_signs_only_the_document_shown(sent_agreement, login, coordinator):
    agreement, _urls = sent_agreement
    staff = login(coordinator)
    page = staff.get(f"/agreements/{agreement.pk}/")
    assert agreement.pdf_sha256 in page.content.decode()  # the form carries it
    response = staff.post(f"/agreements/{agreement.pk}/sign/", {"name": "Carla Coördinator", "confirm": "on"})
    assert response.status_code == 400
    assert not Signature.objects.filter(party="school").exists()


def test_a_link_form_refuses_an_essay(placement):
    from visits.forms import WorkplaceInputForm

    form = WorkplaceInputForm(data={"judgement": "x" * 20000})
    assert not form.is_valid()
    assert "judgement" in form.errors
