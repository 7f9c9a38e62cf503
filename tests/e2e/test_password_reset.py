"""A staff member who forgot the password gets a link by mail (sent by the
worker, read from the outbox) and chooses a new one."""

from playwright.sync_api import expect

from stagebeheer.demo import USERS

NEW_PASSWORD = "Zomer-stage-2027!"


def test_a_forgotten_password_is_reset_through_the_mailed_link(desktop, login_as, link_from_outbox, step):
    email = USERS["supervisor"][0]
    desktop.goto("/login/")
    desktop.get_by_role("link", name="Wachtwoord vergeten?").click()
    step(desktop, "password reset form")

    # A typing error is named next to the field, and nothing is sent.
    field = desktop.get_by_label("E-mailadres")
    field.fill("joost.rijncollege")
    desktop.get_by_role("button", name="Stuur de link").click()
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(desktop.locator(f"#{field.get_attribute('aria-describedby')}")).to_contain_text(
        "geldig e-mailadres"
    )
    step(desktop, "password reset invalid address")

    desktop.get_by_label("E-mailadres").fill(email)
    desktop.get_by_role("button", name="Stuur de link").click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Kijk in uw mailbox")
    step(desktop, "password reset sent")

    desktop.goto(link_from_outbox(email, subject_contains="wachtwoord"))
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Nieuw wachtwoord")
    step(desktop, "new password form")
    desktop.get_by_label("Nieuw wachtwoord*", exact=True).fill(NEW_PASSWORD)
    desktop.get_by_label("Nieuw wachtwoord bevestigen").fill(NEW_PASSWORD)
    desktop.get_by_role("button", name="Wachtwoord opslaan").click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Wachtwoord opgeslagen")
    step(desktop, "password saved")

    login_as(desktop, "supervisor", password=NEW_PASSWORD, check=False)
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Goedendag, Joost")


def test_a_used_reset_link_is_refused_clearly(desktop, link_from_outbox, step):
    email = USERS["mentor"][0]
    desktop.goto("/password-reset/")
    desktop.get_by_label("E-mailadres").fill(email)
    desktop.get_by_role("button", name="Stuur de link").click()
    link = link_from_outbox(email, subject_contains="wachtwoord")
    desktop.goto(link)
    desktop.get_by_label("Nieuw wachtwoord*", exact=True).fill(NEW_PASSWORD)
    desktop.get_by_label("Nieuw wachtwoord bevestigen").fill(NEW_PASSWORD)
    desktop.get_by_role("button", name="Wachtwoord opslaan").click()

    desktop.goto(link)
    expect(desktop.get_by_text("Deze link is al gebruikt of verlopen")).to_be_visible()
    step(desktop, "reset link used")


def test_reset_mail_is_in_the_admins_outbox_and_not_in_a_coordinators(
    desktop, page_at, login_as, link_from_outbox, step
):
    """The reset mail holds a link that takes over the account, so it belongs to
    no department: coordinators never see a colleague's reset link."""
    email = USERS["leader"][0]
    desktop.goto("/password-reset/")
    desktop.get_by_label("E-mailadres").fill(email)
    desktop.get_by_role("button", name="Stuur de link").click()
    link_from_outbox(email, subject_contains="wachtwoord")  # sent by the worker

    login_as(desktop, "admin", check=False)
    desktop.get_by_role("link", name="Verzonden mail").click()
    row = desktop.get_by_role("row").filter(has_text=email)
    expect(row).to_contain_text("Nieuw wachtwoord voor Stagebeheer")
    expect(row).to_contain_text("verzonden")
    step(desktop, "outbox admin")
    row.get_by_role("link").click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Nieuw wachtwoord voor Stagebeheer")
    step(desktop, "outbox message")

    coordinator = page_at(1280)
    login_as(coordinator, "coordinator", check=False)
    coordinator.get_by_role("link", name="Verzonden mail").click()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text("Verzonden mail")
    expect(coordinator.get_by_text(email)).to_have_count(0)
    step(coordinator, "outbox coordinator")
