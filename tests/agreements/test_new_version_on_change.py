"""Changing a contract field after sending makes a new version to sign again."""

from datetime import date

import pytest

from agreements import services
from agreements.models import Agreement, AgreementStatus
from placements import services as placement_services
from placements.models import PlacementState
from stagebeheer.models import AccessLink
from tests.agreements.conftest import links_by_party, pdf_text, read

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_pdf")]


def _sign_all(agreement, coordinator, client, commit):
    urls = links_by_party(agreement)
    agreement.refresh_from_db()
    shown = agreement.pdf_sha256
    with commit():
        for party, url in urls.items():
            client.post(url, {"name": f"Tekenaar {party}", "confirm": "on", "document": shown})
        services.sign_in_app(agreement, coordinator, "Carla Coördinator", shown_sha256=shown)


def test_a_changed_end_date_outdates_the_sent_version_and_sends_a_new_one(
    sent_agreement, coordinator, commit, client
):
    first, urls = sent_agreement
    placement = first.placement
    with commit():
        placement_services.update_contract(placement, {"end_date": date(2027, 2, 19)}, actor=coordinator)
    first.refresh_from_db()
    assert first.status == AgreementStatus.OUTDATED
    assert (
        AccessLink.objects.filter(object_id__in=first.requests.values("pk"), revoked_at__isnull=True).count()
        == 0
    )
    second = Agreement.objects.live().get(placement=placement)
    assert second.version == 2
    assert second.status == AgreementStatus.SENT
    assert "19-02-2027" in pdf_text(read(second.pdf))
    # The old link says the version can no longer be signed.
    assert client.post(urls["host"], {"name": "Henk", "confirm": "on"}).status_code == 410
    # The old version stays readable.
    assert "12-02-2027" in pdf_text(read(first.pdf))
    assert set(links_by_party(second)) == {"host", "student"}


def test_a_change_to_an_active_placement_puts_it_back_to_pending_until_signed_again(
    sent_agreement, coordinator, commit, client
):
    agreement, _urls = sent_agreement
    _sign_all(agreement, coordinator, client, commit)
    placement = agreement.placement
    placement.refresh_from_db()
    assert placement.state == PlacementState.ACTIVE
    with commit():
        placement_services.update_contract(placement, {"activities": "Taarten versieren."}, actor=coordinator)
    placement.refresh_from_db()
    assert placement.state == PlacementState.AGREEMENT_PENDING
    second = Agreement.objects.live().get(placement=placement)
    assert second.version == 2
    _sign_all(second, coordinator, client, commit)
    placement.refresh_from_db()
    assert placement.state == PlacementState.ACTIVE
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.OUTDATED


def test_a_change_that_leaves_data_missing_makes_a_draft_and_tells_the_coordinator(
    sent_agreement, coordinator, commit
):
    from stagebeheer.models import OutgoingMessage

    agreement, _urls = sent_agreement
    with commit():
        placement_services.update_contract(agreement.placement, {"activities": ""}, actor=coordinator)
    second = Agreement.objects.live().get(placement=agreement.placement)
    assert second.status == AgreementStatus.DRAFT
    assert any("leeractiviteiten" in p for p in second.problems)
    assert OutgoingMessage.objects.filter(
        to_email=coordinator.email, subject__contains="niet compleet"
    ).exists()


def test_a_change_before_sending_refreshes_the_draft(placement, coordinator, commit):
    with commit():
        draft = services.generate(placement, actor=coordinator)
        placement_services.send_for_agreement(placement)
        placement_services.update_contract(placement, {"activities": "Kassa bedienen."}, actor=coordinator)
    draft.refresh_from_db()
    assert draft.version == 1
    assert draft.status == AgreementStatus.DRAFT
    assert "Kassa bedienen." in pdf_text(read(draft.pdf))
