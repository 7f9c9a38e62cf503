"""Links from mail that cannot be used get a clear page with the right status,
never a 500: unknown, expired, revoked, already used, and too many guesses."""

from datetime import timedelta

import pytest
from django.http import HttpResponse
from django.utils import timezone
from playwright.sync_api import expect

from stagebeheer import links
from stagebeheer.models import AccessLink, Department


class _NoteHandler(links.LinkHandler):
    """A stand-in purpose: the refusal pages are the core's, whatever the purpose."""

    purpose = "e2e_note"

    def get(self, request, link):
        return HttpResponse("ok")


@pytest.fixture
def issue_link():
    links.discover()  # the apps' own purposes first, as the live site has them
    links.register(_NoteHandler)

    def _issue(**changes):
        link, token = AccessLink.issue(
            purpose=_NoteHandler.purpose,
            target=Department.objects.first(),
            recipient_name="Pim Praktijk",
            recipient_email="pim@bedrijf.example",
        )
        if changes:
            AccessLink.objects.filter(pk=link.pk).update(**changes)
        return AccessLink.url_for(token)

    yield _issue
    links._handlers.pop(_NoteHandler.purpose, None)


def test_an_unknown_link_shows_a_clear_page_with_status_404(phone, step):
    response = phone.goto("/l/dit-is-geen-echte-link/")
    assert response.status == 404
    expect(phone.get_by_role("heading", level=1)).to_have_text("Deze link bestaat niet")
    expect(phone.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Start")).to_have_count(
        0
    )
    step(phone, "link unknown")


@pytest.mark.parametrize(
    ("state", "heading"),
    [
        ("expired", "Deze link is verlopen"),
        ("revoked", "Deze link is ingetrokken"),
        ("completed", "Dit is al afgerond"),
    ],
)
def test_an_unusable_link_says_why_with_status_410(state, heading, phone, issue_link, step):
    now = timezone.now()
    changes = {
        "expired": {"expires_at": now - timedelta(days=1)},
        "revoked": {"revoked_at": now},
        "completed": {"completed_at": now},
    }[state]
    response = phone.goto(issue_link(**changes))
    assert response.status == 410
    expect(phone.get_by_role("heading", level=1)).to_have_text(heading)
    step(phone, f"link {state}")


def test_guessing_links_is_stopped_with_a_clear_page(desktop, settings, step):
    settings.ACCESS_LINK_GUESSES = 2
    for guess in ("a1", "b2"):
        assert desktop.goto(f"/l/{guess}/").status == 404
    response = desktop.goto("/l/c3/")
    assert response.status == 429
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Even geduld")
    step(desktop, "link too many guesses")
