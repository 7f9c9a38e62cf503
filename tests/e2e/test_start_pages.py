"""Staff log in through the real form and land on the start page of their role,
on a desktop and on a phone."""

import pytest
from playwright.sync_api import expect

from stagebeheer.demo import DEMO_PASSWORD, USERS

# role key → whether the menu offers the mail outbox (coordinators only)
ROLES = {"coordinator": True, "supervisor": False, "leader": False, "mentor": False}


@pytest.mark.parametrize("who", ROLES)
def test_staff_land_on_the_start_page_of_their_role(who, desktop, phone, login_as, step):
    first_name = USERS[who][1].split()[0]
    menu = desktop.get_by_role("navigation", name="Hoofdmenu")

    login_as(desktop, who)
    expect(desktop.get_by_role("heading", level=1)).to_have_text(f"Goedendag, {first_name}")
    expect(menu.get_by_role("link", name="Start")).to_have_attribute("aria-current", "page")
    expect(menu.get_by_role("link", name="Verzonden mail")).to_have_count(1 if ROLES[who] else 0)
    step(desktop, f"start {who}")

    # On a phone the menu folds behind a button that says what it does.
    login_as(phone, who, check=False)
    toggler = phone.get_by_role("button", name="Menu openen")
    expect(phone.get_by_role("link", name="Start")).to_be_hidden()
    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(phone.get_by_role("link", name="Start")).to_be_visible()
    step(phone, f"start {who} menu open")


def test_a_wrong_password_is_refused_with_a_message_and_no_session(desktop, step):
    desktop.goto("/login/")
    desktop.get_by_label("E-mailadres").fill(USERS["coordinator"][0])
    desktop.get_by_label("Wachtwoord").fill("niet-het-wachtwoord")
    desktop.get_by_role("button", name="Inloggen").click()

    expect(desktop.get_by_role("alert")).to_contain_text("wachtwoord")
    assert desktop.url.endswith("/login/")
    step(desktop, "login refused")

    desktop.goto("/")
    assert "/login/" in desktop.url, "the start page must still ask for a login"


def test_someone_not_logged_in_is_sent_to_the_login_page_and_back(desktop, step):
    desktop.goto("/mail/")
    assert "/login/?next=/mail/" in desktop.url
    desktop.get_by_label("E-mailadres").fill(USERS["coordinator"][0])
    desktop.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    desktop.get_by_role("button", name="Inloggen").click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Verzonden mail")
    step(desktop, "outbox after login")
