"""Styled Dutch pages for 400, 403, 404, 500 and a CSRF failure, and a favicon (issue 10.4)."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_leader_on_a_write_page_sees_a_dutch_403(login, leader):
    page = login(leader).get(reverse("placements:host_create"))
    assert page.status_code == 403
    html = page.content.decode()
    assert "U mag dit niet wijzigen" in html
    assert "Forbidden" not in html
    assert 'href="/static/css/app.css"' in html


def test_an_unknown_page_is_a_dutch_404_for_anyone(client, login, coordinator):
    for who in (client, login(coordinator)):
        page = who.get("/bestaat-niet/")
        assert page.status_code == 404
        assert "Deze pagina bestaat niet" in page.content.decode()


def test_a_bad_request_is_a_dutch_400(login, coordinator):
    page = login(coordinator).get(reverse("home") + "?q=%00")
    assert page.status_code == 400
    assert "Dit verzoek kunnen we niet lezen" in page.content.decode()


def test_a_server_error_shows_a_dutch_page_that_needs_no_context(rf):
    from django.views.defaults import server_error

    page = server_error(rf.get("/"))  # what Django calls for an uncaught exception
    assert page.status_code == 500
    html = page.content.decode()
    assert "Er ging iets mis" in html
    assert 'href="/static/css/app.css"' in html


def test_a_form_posted_after_the_cookie_vanished_gets_the_dutch_csrf_page(coordinator, password):
    browser = Client(enforce_csrf_checks=True)
    page = browser.post(reverse("login"), {"username": coordinator.email, "password": password})
    assert page.status_code == 403
    html = page.content.decode()
    assert "Deze pagina was te lang open" in html
    assert "Er is niets opgeslagen" in html
    assert f'href="{reverse("login")}"' in html
    assert "CSRF verification failed" not in html


def test_every_page_names_the_favicon_and_the_browsers_guess_finds_it(client):
    assert 'rel="icon" href="/static/favicon.svg"' in client.get(reverse("login")).content.decode()
    guess = client.get("/favicon.ico")
    assert guess.status_code == 301
    assert guess["Location"] == "/static/favicon.svg"
    assert client.get("/static/favicon.svg").status_code == 200
