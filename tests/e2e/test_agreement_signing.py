"""Journey: the coordinator sends an agreement, the host and the guardian sign
through their links, the coordinator signs for the school, the stage starts."""

import re

import pytest
from playwright.sync_api import expect

# This journey uses the browser harness in tests/e2e/conftest.py.
pytestmark = pytest.mark.e2e


def test_a_full_signing_round_through_the_links_activates_the_placement(
    desktop, page_at, step, link_from_outbox, send_demo_agreement
):
    draft = send_demo_agreement(desktop)
    student = draft.placement.student.full_name
    step(desktop, "agreement-sent")
    for party, name in (("host", "Henk Brouwer"), ("student", "Ouder van Daan")):
        request = draft.requests.get(party=party)
        url = link_from_outbox(request.email, student)
        signer = page_at(360)
        signer.goto(url)
        step(signer, f"sign-{party}")
        signer.get_by_label("Uw volledige naam").fill(name)
        signer.get_by_label("Ik heb de overeenkomst gelezen en ga ermee akkoord.").check()
        signer.get_by_role("button", name="Onderteken de overeenkomst").click()
        expect(signer.get_by_role("heading", name="Dank u wel, u heeft getekend")).to_be_visible()
        # The same link again says it was used.
        signer.goto(url)
        expect(signer.get_by_role("heading", name="U heeft al getekend")).to_be_visible()

    desktop.reload()
    desktop.get_by_label("Ik heb de overeenkomst gelezen en ga ermee akkoord.").check()
    desktop.get_by_role("button", name="Onderteken namens de school").click()
    expect(desktop.get_by_text("U heeft getekend namens de school.")).to_be_visible()
    expect(desktop.locator(".badge", has_text="ondertekend")).to_be_visible()
    desktop.goto(f"/placements/{draft.placement_id}/")
    # Signed: running, or (the demo stage starts later) signed and waiting for its start.
    expect(
        desktop.get_by_text(re.compile(r"^(lopend|getekend, start \d{2}-\d{2}-\d{4})$")).first
    ).to_be_visible()
    step(desktop, "placement-active")
