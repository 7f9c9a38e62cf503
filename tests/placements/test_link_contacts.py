"""Every link page says whom to call: the school supervisor and the coordinator."""

import pytest

from stagebeheer.models import AccessLink

pytestmark = pytest.mark.django_db


def _hours_link(placement):
    return AccessLink.issue(
        purpose="placements-hours",
        target=placement,
        recipient_name="Sanne",
        recipient_email="sanne@leerling.example",
        department=placement.plan.department,
    )


def test_a_link_page_names_the_supervisor_and_the_coordinator(client, placement, supervisor, coordinator):
    supervisor.phone = "06 1234 5678"
    supervisor.save()
    _link, token = _hours_link(placement)
    html = client.get(f"/l/{token}/").content.decode()
    assert "Vragen? Neem contact op met" in html
    assert supervisor.full_name in html
    assert 'href="tel:0612345678"' in html
    assert f'href="mailto:{supervisor.email}"' in html
    assert coordinator.full_name in html


def test_an_expired_link_still_says_whom_to_call(client, placement, coordinator):
    from django.utils import timezone

    link, token = _hours_link(placement)
    AccessLink.objects.filter(pk=link.pk).update(expires_at=timezone.now())
    response = client.get(f"/l/{token}/")
    assert response.status_code == 410
    assert coordinator.full_name in response.content.decode()


def test_an_unknown_link_names_nobody(client, placement, coordinator):
    response = client.get("/l/not-a-real-token-at-all/")
    assert response.status_code == 404
    assert coordinator.full_name not in response.content.decode()
