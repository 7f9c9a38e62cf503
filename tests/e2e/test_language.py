"""The interface is Dutch by default; anyone can switch to English and back."""

from playwright.sync_api import expect


def test_a_visitor_switches_the_login_page_to_english_and_back(desktop, step):
    desktop.goto("/login/")
    expect(desktop.locator("html")).to_have_attribute("lang", "nl")
    expect(desktop.get_by_label("Wachtwoord")).to_be_visible()

    desktop.get_by_role("button", name="English").click()
    expect(desktop.locator("html")).to_have_attribute("lang", "en")
    expect(desktop.get_by_label("Password")).to_be_visible()
    assert desktop.url.endswith("/login/"), "the switch returns to the same page"
    step(desktop, "login in english")

    desktop.get_by_role("button", name="Nederlands").click()
    expect(desktop.locator("html")).to_have_attribute("lang", "nl")
    expect(desktop.get_by_label("Wachtwoord")).to_be_visible()


def test_a_logged_in_user_keeps_the_chosen_language_across_pages(phone, login_as, open_menu, step):
    login_as(phone, "coordinator", check=False)
    open_menu(phone)
    phone.get_by_role("button", name="English").click()
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Hello, Petra")
    step(phone, "start in english")

    expect(phone.get_by_role("button", name="Open menu")).to_be_visible()
    open_menu(phone)
    phone.get_by_role("link", name="Sent mail").click()
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    step(phone, "outbox in english")

    open_menu(phone)
    phone.get_by_role("button", name="Nederlands").click()
    expect(phone.locator("html")).to_have_attribute("lang", "nl")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Verzonden mail")
