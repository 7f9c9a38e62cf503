"""Withdrawing an agreement asks first: the links stop working and everyone signs anew."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_withdraw_button_asks_for_confirmation_and_changes_nothing(sent_agreement, login, coordinator):
    agreement, _links = sent_agreement
    client = login(coordinator)
    detail = client.get(f"/agreements/{agreement.pk}/")
    assert f'href="/agreements/{agreement.pk}/withdraw/"' in detail.content.decode()
    page = client.get(f"/agreements/{agreement.pk}/withdraw/")
    assert page.status_code == 200
    assert "werken de verstuurde links niet meer" in page.content.decode()
    agreement.refresh_from_db()
    assert agreement.status == "sent"


def test_confirming_withdraws(sent_agreement, login, coordinator):
    agreement, _links = sent_agreement
    response = login(coordinator).post(f"/agreements/{agreement.pk}/withdraw/")
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == "withdrawn"


@pytest.mark.parametrize(("persona", "status"), [("supervisor", 403), ("leader", 403), ("outsider", 404)])
def test_only_the_coordinator_sees_the_confirmation(request, sent_agreement, login, persona, status):
    agreement, _links = sent_agreement
    response = login(request.getfixturevalue(persona)).get(f"/agreements/{agreement.pk}/withdraw/")
    assert response.status_code == status
