"""Login, logout, password reset through the outbox, language switch."""

import pytest
from django.core import mail

from stagebeheer.models import OutgoingMessage
from tests.sent_links import link_in_sent_mail

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
def test_the_login_page_speaks_dutch(client):
    response = client.get("/login/")
    assert response.status_code == 200
    assert b"Inloggen" in response.content
    assert b"E-mailadres" in response.content


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_login_is_by_e_mail_and_case_insensitive(client, coordinator, password):
    response = client.post("/login/", {"username": coordinator.email.upper(), "password": password})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_a_wrong_password_gets_a_clear_message(client, coordinator):
    response = client.post("/login/", {"username": coordinator.email, "password": "wrong"})
    assert response.status_code == 200
    assert b"horen niet bij elkaar" in response.content
    assert "_auth_user_id" not in client.session


def test_logout_is_a_post(login, coordinator):
    client = login(coordinator)
    assert client.get("/logout/").status_code == 405
    assert client.post("/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_mail_goes_through_the_outbox_and_works(
    client, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/password-reset/", {"email": coordinator.email})
    assert response.status_code == 302
    message = OutgoingMessage.objects.get()
    assert message.to_email == coordinator.email
    assert message.status == OutgoingMessage.Status.SENT
    assert len(mail.outbox) == 1
    assert "/password-reset/" not in message.body_text  # only a placeholder is stored
    path = link_in_sent_mail(coordinator.email, url_contains="/password-reset/")
    form_url = client.get(path)["Location"]  # Django swaps the token for a session value
    response = client.post(
        form_url, {"new_password1": "Fietsbel-Paraplu-42", "new_password2": "Fietsbel-Paraplu-42"}
    )
    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.check_password("Fietsbel-Paraplu-42")


def test_an_unknown_address_sends_nothing_and_reveals_nothing(client):
    response = client.post("/password-reset/", {"email": "nobody@nowhere.example"}, follow=True)
    assert response.status_code == 200
    assert not OutgoingMessage.objects.exists()
    assert b"Kijk in uw mailbox" in response.content


def test_the_language_switches_to_english_and_back(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/login/"}, follow=True)
    assert b"Log in" in response.content
    assert b"Wachtwoord vergeten" not in response.content
    response = client.post("/i18n/setlang/", {"language": "nl", "next": "/login/"}, follow=True)
    assert b"Wachtwoord vergeten" in response.content


def test_pages_send_a_content_security_policy(client):
    policy = client.get("/login/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy


def test_an_english_browser_still_gets_dutch_until_the_user_switches(client):
    response = client.get("/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert b"Wachtwoord vergeten" in response.content
    assert response["Content-Language"] == "nl"
