"""Who may open which agreement page: a stranger's id is 404, a read-only role 403."""

import pytest

from agreements import services
from agreements.models import Agreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(placement, supervisor, coordinator, commit):
    placement.school_supervisor = supervisor
    placement.save()
    with commit():
        return services.generate(placement, actor=coordinator)


READ = ["/agreements/{pk}/", "/agreements/{pk}/pdf/"]


@pytest.mark.parametrize("url", READ)
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("coordinator", 200),
        ("supervisor", 200),
        ("leader", 200),
        ("other_supervisor", 404),
        ("outsider", 404),
    ],
)
def test_reading_an_agreement(request, agreement, login, url, persona, status):
    client = login(request.getfixturevalue(persona))
    assert client.get(url.format(pk=agreement.pk)).status_code == status


@pytest.mark.parametrize(
    ("persona", "status"),
    [("supervisor", 403), ("leader", 403), ("other_supervisor", 404), ("outsider", 404)],
)
@pytest.mark.parametrize("action", ["send", "withdraw", "sign"])
def test_only_the_coordinator_may_act_on_an_agreement(request, agreement, login, persona, status, action):
    client = login(request.getfixturevalue(persona))
    response = client.post(f"/agreements/{agreement.pk}/{action}/", {"name": "X Y", "confirm": "on"})
    assert response.status_code == status
    agreement.refresh_from_db()
    assert agreement.status == "draft"


def test_an_anonymous_visitor_is_sent_to_the_login(client, agreement):
    response = client.get(f"/agreements/{agreement.pk}/pdf/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_generating_for_a_strangers_placement_is_404(login, outsider, placement):
    assert login(outsider).post(f"/agreements/placement/{placement.pk}/generate/").status_code == 404
    assert not Agreement.objects.exists()


def test_a_supervisor_cannot_generate(login, supervisor, placement):
    placement.school_supervisor = supervisor
    placement.save()
    assert login(supervisor).post(f"/agreements/placement/{placement.pk}/generate/").status_code == 403


def test_the_coordinator_generates_and_sends_from_the_pages(login, coordinator, placement, commit):
    client = login(coordinator)
    with commit():
        response = client.post(f"/agreements/placement/{placement.pk}/generate/")
    agreement = Agreement.objects.get()
    assert response["Location"] == f"/agreements/{agreement.pk}/"
    page = client.get(response["Location"])
    assert "Versturen" in page.content.decode()
    with commit():
        assert client.post(f"/agreements/{agreement.pk}/send/", {}).status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == "sent"


def test_a_half_filled_host_signatory_is_refused(login, coordinator, agreement):
    response = login(coordinator).post(f"/agreements/{agreement.pk}/send/", {"host_name": "Iemand"})
    assert response.status_code == 400
    assert "naam én e-mailadres" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.status == "draft"


def test_sending_an_incomplete_agreement_from_the_page_shows_why(login, coordinator, placement, commit):
    placement.activities = ""
    placement.save()
    with commit():
        agreement = services.generate(placement, actor=coordinator)
    client = login(coordinator)
    page = client.get(f"/agreements/{agreement.pk}/")
    assert "leeractiviteiten: de leeractiviteiten zijn niet beschreven" in page.content.decode()
    response = client.post(f"/agreements/{agreement.pk}/send/", {}, follow=True)
    assert "niet compleet" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.status == "draft"


@pytest.mark.parametrize(
    ("persona", "status"), [("coordinator", 200), ("leader", 200), ("supervisor", 403), ("mentor", 403)]
)
def test_the_overview_is_for_coordinators_and_leaders(request, login, persona, status):
    assert login(request.getfixturevalue(persona)).get("/agreements/").status_code == status
