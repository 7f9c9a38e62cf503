"""A coordinator invites a colleague, who accepts on a phone and lands on the
start page; a coordinator turns on two-factor login."""

import base64
import re

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

NEW_PASSWORD = "Herfst-stage-2027!"


def test_a_coordinator_invites_a_colleague_who_accepts_on_a_phone(
    desktop, phone, login_as, menu, link_from_outbox, step
):
    login_as(desktop, "coordinator")
    menu(desktop, "Team")
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Team")
    step(desktop, "team list")
    desktop.get_by_role("link", name="Collega uitnodigen").click()
    step(desktop, "invite form")
    desktop.get_by_label("Naam").fill("Pien Postma")
    desktop.get_by_label("E-mailadres").fill("pien.postma@rijncollege.example")
    desktop.get_by_label("Afdeling").select_option(label="Rijncollege vmbo (basis/kader)")
    desktop.get_by_label("Rol").select_option("supervisor")
    desktop.get_by_role("button", name="Uitnodiging versturen").click()
    expect(desktop.get_by_text("Uitnodiging verstuurd naar pien.postma@rijncollege.example")).to_be_visible()
    expect(desktop.get_by_role("heading", name=re.compile("Pien Postma"))).to_be_visible()
    step(desktop, "team list with invitation")

    phone.goto(link_from_outbox("pien.postma@rijncollege.example", subject_contains="Uitnodiging"))
    expect(phone.get_by_role("heading", level=1)).to_have_text("Welkom bij Stagebeheer")
    step(phone, "invitation accept")
    phone.get_by_label("Nieuw wachtwoord*", exact=True).fill(NEW_PASSWORD)
    phone.get_by_label("Nieuw wachtwoord bevestigen").fill(NEW_PASSWORD)
    phone.get_by_role("button", name="Wachtwoord opslaan en inloggen").click()
    expect(phone).to_have_url(re.compile(r"/$"))
    step(phone, "start page after invitation")


def test_a_coordinator_turns_on_two_factor_login(desktop, login_as, step):
    login_as(desktop, "coordinator")
    desktop.get_by_role("link", name="Petra de Vries").click()  # her name in the menu leads to her account
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie")
    step(desktop, "two factor overview")
    desktop.get_by_role("link", name="Tweestapsverificatie aanzetten").click()
    step(desktop, "two factor setup")
    secret = desktop.locator("code").inner_text()
    key = base64.b32decode(secret).hex()
    code = f"{totp(TOTPDevice(key=key).bin_key, step=30, t0=0, digits=6):06d}"
    desktop.get_by_label("Code").fill(code)
    desktop.get_by_role("button", name="Koppelen").click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Herstelcodes")
    expect(desktop.locator(".recovery-codes li")).to_have_count(10)
    step(desktop, "recovery codes")
