"""No working token is readable anywhere but in the mail as sent (issue 9.1, 10.20).

A coordinator once signed as a guardian with a token read from /mail/. These
tests try exactly that, and read every stored text after a full signing round.
"""

import re

import pytest

from agreements.models import AgreementStatus
from stagebeheer.models import AccessLink, OutgoingMessage
from stagebeheer.models.access_links import hash_token
from tests.sent_links import every_stored_text, link_in_sent_mail, tokens_sent

pytestmark = pytest.mark.django_db

TOKEN_SHAPED = re.compile(r"[A-Za-z0-9_-]{20,}")


def _sign(client, url, name):
    page = client.get(url)
    assert page.status_code == 200
    return client.post(url, {"name": name, "confirm": "on", "document": page.context["agreement"].pdf_sha256})


def test_after_a_full_signing_round_no_stored_text_holds_a_working_token(
    sent_agreement, client, login, coordinator, commit
):
    agreement, urls = sent_agreement
    with commit():
        assert _sign(client, urls["host"], "Henk de Bakker").status_code == 200
        assert _sign(client, urls["student"], "Marieke Verhoeven").status_code == 200
    coordinator_client = login(coordinator)
    with commit():
        coordinator_client.post(
            f"/agreements/{agreement.pk}/sign/",
            {"name": "Carla Coördinator", "confirm": "on", "document": agreement.pdf_sha256},
        )
        coordinator_client.post("/password-reset/", {"email": coordinator.email})
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.SIGNED
    sent = tokens_sent()
    assert len(sent) >= 3  # host, guardian, password reset

    hashes = set(AccessLink.objects.values_list("token_hash", flat=True))
    for table, text in every_stored_text():
        for token in sent:
            assert token not in text, f"a sent token is stored in {table}"
        for candidate in TOKEN_SHAPED.findall(text):
            assert hash_token(candidate) not in hashes, f"a working link token is stored in {table}"


def test_the_outbox_shows_coordinators_masked_links_that_do_not_work(
    sent_agreement, client, login, coordinator
):
    _agreement, urls = sent_agreement
    message = OutgoingMessage.objects.filter(to_email="ouder@thuis.example").get()
    staff = login(coordinator)
    page = staff.get(f"/mail/{message.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert urls["student"] not in html
    assert "[verborgen]" in html
    # The coordinator's attempt: whatever looks like a link on the page leads nowhere.
    staff.logout()
    for path in re.findall(r"/l/[^\s<\"]+", html):
        assert client.get(path).status_code == 404
    assert client.get(urls["student"]).status_code == 200  # the guardian's own link works


def test_a_retry_after_a_failure_issues_a_fresh_token_and_ends_the_earlier_one(
    sent_agreement, client, login, coordinator, commit
):
    _agreement, urls = sent_agreement
    message = OutgoingMessage.objects.filter(to_email="ouder@thuis.example").get()
    OutgoingMessage.objects.filter(pk=message.pk).update(status=OutgoingMessage.Status.FAILED)
    staff = login(coordinator)
    with commit():
        assert staff.post(f"/mail/{message.pk}/retry/").status_code == 302
    staff.logout()
    fresh = link_in_sent_mail("ouder@thuis.example", url_contains="/l/")
    assert fresh != urls["student"]
    assert client.get(urls["student"]).status_code == 404
    assert client.get(fresh).status_code == 200


def test_the_stored_reset_mail_holds_no_reset_link(client, coordinator, commit):
    with commit():
        client.post("/password-reset/", {"email": coordinator.email})
    stored = OutgoingMessage.objects.get()
    assert "[[reset:" in stored.body_text
    assert re.search(r"/password-reset/[^/\s]+/[^/\s]+/", stored.body_text) is None
    assert "/password-reset/" in link_in_sent_mail(coordinator.email, url_contains="/password-reset/")
