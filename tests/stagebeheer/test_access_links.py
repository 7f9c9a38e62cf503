"""Emailed links: refused when unknown, expired, revoked or used; GET changes
nothing; POST works once; guessing is rate-limited."""

from datetime import timedelta

import pytest
from django.http import HttpResponse
from django.utils import timezone

from stagebeheer import links
from stagebeheer.history import record
from stagebeheer.models import AccessLink, HistoryEntry

pytestmark = pytest.mark.django_db


class EchoHandler(links.LinkHandler):
    """A minimal purpose for these tests: POST stores one history line."""

    purpose = "test_echo"

    def get(self, request, link):
        return HttpResponse(f"Formulier voor {link.recipient_name}")

    def post(self, request, link):
        if not link.claim_completion():
            return HttpResponse("al verstuurd", status=409)
        record(link.target, action="echo", summary=request.POST.get("answer", ""))
        return HttpResponse("Dank u")


@pytest.fixture(autouse=True)
def echo_handler():
    links.register(EchoHandler)
    yield
    links._handlers.pop("test_echo", None)


@pytest.fixture
def issued(department):
    link, token = AccessLink.issue(
        purpose="test_echo",
        target=department,
        recipient_name="Pim Praktijk",
        recipient_email="pim@bedrijf.example",
        department=department,
    )
    return link, token


def url(token):
    return f"/l/{token}/"


@pytest.mark.smoke
def test_it_stores_only_a_hash_of_the_token(issued):
    link, token = issued
    assert token not in link.token_hash
    assert not AccessLink.objects.filter(token_hash=token).exists()


@pytest.mark.smoke
def test_opening_by_get_shows_the_form_and_changes_nothing(client, issued):
    link, token = issued
    response = client.get(url(token))
    assert response.status_code == 200
    assert b"Pim Praktijk" in response.content
    link.refresh_from_db()
    assert link.completed_at is None
    assert not HistoryEntry.objects.exists()
    assert "no-store" in response["Cache-Control"]


def test_it_works_once_by_post(client, issued):
    link, token = issued
    assert client.post(url(token), {"answer": "goed bezig"}).status_code == 200
    assert HistoryEntry.objects.get().summary == "goed bezig"
    link.refresh_from_db()
    assert link.completed_at is not None


def test_a_second_submit_is_refused_and_stores_nothing(client, issued):
    _, token = issued
    client.post(url(token), {"answer": "eerste"})
    response = client.post(url(token), {"answer": "tweede"})
    assert response.status_code == 410
    assert b"Dit is al afgerond" in response.content
    assert HistoryEntry.objects.count() == 1


def test_two_racing_submits_store_once(issued):
    link, _ = issued
    other_copy = AccessLink.objects.get(pk=link.pk)
    assert link.claim_completion() is True
    assert other_copy.claim_completion() is False


def test_an_unknown_token_gets_a_clear_404(client, issued):
    response = client.get(url("not-a-real-token"))
    assert response.status_code == 404
    assert b"Deze link bestaat niet" in response.content


def test_an_expired_link_is_refused_with_410(client, issued):
    link, token = issued
    AccessLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.post(url(token), {"answer": "te laat"})
    assert response.status_code == 410
    assert b"verlopen" in response.content
    assert not HistoryEntry.objects.exists()


def test_a_revoked_link_is_refused_with_410(client, issued):
    link, token = issued
    link.revoke()
    response = client.get(url(token))
    assert response.status_code == 410
    assert b"ingetrokken" in response.content
    assert client.post(url(token), {"answer": "x"}).status_code == 410
    assert not HistoryEntry.objects.exists()


def test_an_unknown_action_on_a_valid_link_shows_the_link_does_not_exist_page(client, issued):
    _, token = issued
    for response in (client.get(f"/l/{token}/nonsense/"), client.post(f"/l/{token}/nonsense/")):
        assert response.status_code == 404
        assert "Deze link bestaat niet" in response.content.decode()


def test_a_known_page_asked_with_another_method_is_not_allowed(client, issued):
    _, token = issued
    assert client.put(url(token)).status_code == 405


def test_guessing_tokens_is_rate_limited(client, issued, settings):
    settings.ACCESS_LINK_GUESSES = 3
    _, token = issued
    for n in range(3):
        assert client.get(url(f"guess-{n}")).status_code == 404
    assert client.get(url("guess-4")).status_code == 429
    # A real token still works from that address: a guesser behind the same
    # proxy cannot lock out the link holders (issue 13.5).
    assert client.get(url(token)).status_code == 200


def test_an_unknown_purpose_cannot_be_issued(department):
    with pytest.raises(LookupError):
        AccessLink.issue(
            purpose="nope",
            target=department,
            recipient_name="x",
            recipient_email="x@example.org",
        )


def test_coordinators_see_only_their_departments_links(coordinator, outsider, issued):
    link, _ = issued
    assert list(AccessLink.objects.visible_to(coordinator)) == [link]
    assert not AccessLink.objects.visible_to(outsider).exists()
