"""Journey (issue 10: 14, 15) as the host sees it: after the last signature the host receives
the signed PDF by mail; a change to the stage warns the coordinator first, the host's mail of
version 2 says what changed, and the host's old link says it was replaced."""

import pytest
from playwright.sync_api import expect

from tests.sent_links import sent_mails

pytestmark = pytest.mark.e2e


def _sign(page_at, step, url, name, label):
    signer = page_at(360)
    signer.goto(url)
    signer.get_by_label("Uw volledige naam").fill(name)
    signer.get_by_label("Ik heb de overeenkomst gelezen en ga ermee akkoord.").check()
    signer.get_by_role("button", name="Onderteken de overeenkomst").click()
    expect(signer.get_by_role("heading", name="Dank u wel, u heeft getekend")).to_be_visible()
    step(signer, label)
    return signer


def test_the_host_receives_the_signed_pdf_and_is_told_what_a_new_version_changes(
    desktop, page_at, step, link_from_outbox, send_demo_agreement
):
    draft = send_demo_agreement(desktop)
    student = draft.placement.student.full_name
    host_email = draft.requests.get(party="host").email
    host_link = link_from_outbox(host_email, student)
    _sign(page_at, step, host_link, "Henk Brouwer", "copy-host-signed")
    _sign(
        page_at,
        step,
        link_from_outbox(draft.requests.get(party="student").email, student),
        "Ouder",
        "copy-guardian",
    )
    desktop.reload()
    desktop.get_by_label("Ik heb de overeenkomst gelezen en ga ermee akkoord.").check()
    desktop.get_by_role("button", name="Onderteken namens de school").click()
    expect(desktop.get_by_text("U heeft getekend namens de school.")).to_be_visible()

    # The host's mail with the signed copy: a page with the sealed PDF to download.
    host = page_at(360)
    host.goto(link_from_outbox(host_email, f"voor {student}"))
    download = host.get_by_role("link", name="Ondertekende overeenkomst downloaden (PDF)")
    expect(download).to_be_visible()
    expect(host.get_by_text(f"Stage van {student}")).to_be_visible()  # this stage's copy, not another
    step(host, "copy-page")
    pdf = host.request.get(download.get_attribute("href"))
    assert pdf.ok
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")

    # The coordinator changes the stage: the edit page warns before saving.
    desktop.goto(f"/placements/{draft.placement_id}/edit/")
    expect(desktop.get_by_text("Deze stage heeft een ondertekende overeenkomst (versie 1)")).to_be_visible()
    step(desktop, "copy-edit-warning")
    desktop.get_by_label("Leeractiviteiten").fill("Brood bakken en de kassa bedienen.")
    desktop.get_by_role("button", name="Opslaan").click()
    accept = desktop.get_by_label("Ik heb de waarschuwingen gelezen en plaats toch")
    if accept.count():
        accept.check()
        desktop.get_by_role("button", name="Opslaan").click()
    expect(desktop.get_by_text("De stage is opgeslagen.")).to_be_visible()

    # Version 2 reaches the host, saying what changed; the old link says it was replaced.
    new_link = link_from_outbox(host_email, "ter ondertekening")
    body = sent_mails(host_email, "ter ondertekening")[-1].body
    assert "Dit is versie 2. Versie 1 is vervallen" in body
    assert "Brood bakken en de kassa bedienen." in body
    host.goto(host_link)
    expect(host.get_by_role("heading", name="Versie 1 van deze overeenkomst is vervangen")).to_be_visible()
    step(host, "copy-old-link-replaced")
    host.goto(new_link)
    expect(host.get_by_label("Uw volledige naam")).to_be_visible()
