"""Everything works by keyboard: the login form, the skip link, the phone menu."""

import re

from playwright.sync_api import expect

from stagebeheer.demo import DEMO_PASSWORD, USERS


def test_a_keyboard_user_logs_in_and_skips_to_the_content(desktop, step):
    desktop.goto("/login/")
    # The address field has the focus as the page opens; Tab and Enter do the rest.
    expect(desktop.get_by_label("E-mailadres")).to_be_focused()
    desktop.keyboard.type(USERS["supervisor"][0])
    desktop.keyboard.press("Tab")
    expect(desktop.get_by_label("Wachtwoord")).to_be_focused()
    desktop.keyboard.type(DEMO_PASSWORD)
    desktop.keyboard.press("Enter")
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Goedendag, Joost")

    desktop.keyboard.press("Tab")
    skip = desktop.get_by_role("link", name="Naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    step(desktop, "skip link focused")
    desktop.keyboard.press("Enter")
    expect(desktop.locator("main")).to_be_focused()


def test_the_phone_menu_opens_by_keyboard(phone, login_as):
    login_as(phone, "coordinator", check=False)
    toggler = phone.get_by_role("button", name="Menu openen")
    toggler.focus()
    phone.keyboard.press("Enter")
    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(phone.locator("#main-nav")).to_have_class(re.compile(r"(^|\s)show(\s|$)"))
    phone.keyboard.press("Tab")
    expect(phone.get_by_role("link", name="Start")).to_be_focused()
