"""The agreement's sections on the placement and plan pages of the placements app."""

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import CooperationAgreement

pytestmark = pytest.mark.django_db


def _url(name, pk):
    return reverse(name, args=[pk])


def test_the_placement_page_offers_to_draw_up_the_agreement(placement, login, coordinator):
    page = login(coordinator).get(_url("placements:placement_detail", placement.pk)).content.decode()
    assert "Overeenkomst opstellen" in page


def test_the_placement_page_shows_who_has_not_signed(sent_agreement, login, coordinator):
    agreement, _urls = sent_agreement
    page = (
        login(coordinator).get(_url("placements:placement_detail", agreement.placement_id)).content.decode()
    )
    assert "ter ondertekening" in page
    assert "Marieke Verhoeven" in page


def test_a_supervisor_sees_the_section_without_the_button(placement, login, supervisor, coordinator, commit):
    with commit():
        services.generate(placement, actor=coordinator)
    page = login(supervisor).get(_url("placements:placement_detail", placement.pk)).content.decode()
    assert "versie 1" in page
    assert "Overeenkomst opstellen" not in page


def test_the_lwt_plan_page_warns_about_a_missing_mbo_cooperation_agreement(
    make_placement, login, coordinator
):
    placement = make_placement("lwt")
    url = _url("placements:plan_detail", placement.plan_id)
    client = login(coordinator)
    assert "geen geldige samenwerkingsovereenkomst met een mbo-instelling" in client.get(url).content.decode()
    CooperationAgreement.objects.create(
        kind="lwt_mbo", plan=placement.plan, partner_name="ROC Midden", valid_from="2025-08-01"
    )
    assert "ROC Midden" in client.get(url).content.decode()
