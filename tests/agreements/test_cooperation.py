"""Standing cooperation agreements (art. 2.37) and the lwt agreement with an mbo institution."""

from datetime import date

import pytest

from agreements.cooperation import warnings_for
from agreements.models import CooperationAgreement, CooperationKind

pytestmark = pytest.mark.django_db


def test_an_lwt_placement_without_an_mbo_cooperation_agreement_is_warned_about(make_placement):
    placement = make_placement("lwt")
    messages = [w["message"] for w in warnings_for(placement)]
    assert any("mbo-instelling" in m for m in messages)


def test_an_expired_lwt_cooperation_agreement_is_warned_about(make_placement):
    placement = make_placement("lwt")
    CooperationAgreement.objects.create(
        kind=CooperationKind.LWT_MBO,
        plan=placement.plan,
        partner_name="ROC Midden",
        valid_from=date(2022, 8, 1),
        valid_until=date(2026, 7, 31),
    )
    messages = [w["message"] for w in warnings_for(placement)]
    assert any("ROC Midden" in m and "31-07-2026" in m for m in messages)


def test_a_valid_lwt_cooperation_agreement_gives_no_warning(make_placement):
    placement = make_placement("lwt")
    CooperationAgreement.objects.create(
        kind=CooperationKind.LWT_MBO,
        plan=placement.plan,
        partner_name="ROC Midden",
        valid_from=date(2026, 8, 1),
    )
    assert warnings_for(placement) == []


def test_an_expired_standing_agreement_with_the_host_is_warned_about(placement):
    CooperationAgreement.objects.create(
        kind=CooperationKind.STANDING_HOST,
        host=placement.host,
        valid_from=date(2024, 1, 1),
        valid_until=date(2026, 12, 31),
    )
    messages = [w["message"] for w in warnings_for(placement)]
    assert any("art. 2.37" in m for m in messages)


def test_a_vo_placement_without_a_standing_agreement_is_fine(placement):
    assert warnings_for(placement) == []


def test_the_coordinator_records_an_lwt_agreement_for_a_plan(make_placement, login, coordinator):
    placement = make_placement("lwt")
    client = login(coordinator)
    response = client.post(
        "/agreements/cooperation/new/",
        {
            "kind": "lwt_mbo",
            "plan": placement.plan.pk,
            "partner_name": "ROC Midden",
            "valid_from": "2026-08-01",
        },
    )
    assert response.status_code == 302
    assert CooperationAgreement.objects.get().partner_name == "ROC Midden"


def test_wrong_date_order_is_refused(placement, login, coordinator):
    response = login(coordinator).post(
        "/agreements/cooperation/new/",
        {
            "kind": "standing_host",
            "host": placement.host.pk,
            "valid_from": "2027-08-01",
            "valid_until": "2026-08-01",
        },
    )
    assert response.status_code == 400
    assert "vóór de begindatum" in response.content.decode()
    assert not CooperationAgreement.objects.exists()


def test_someone_elses_host_cannot_be_chosen(placement, login, outsider):
    response = login(outsider).post(
        "/agreements/cooperation/new/",
        {"kind": "standing_host", "host": placement.host.pk, "valid_from": "2026-08-01"},
    )
    assert response.status_code == 400
    assert not CooperationAgreement.objects.exists()


def test_a_supervisor_may_not_record_one(login, supervisor):
    assert login(supervisor).get("/agreements/cooperation/new/").status_code == 403
