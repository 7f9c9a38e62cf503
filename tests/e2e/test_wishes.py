"""Wishes and the allocation as people use them: the coordinator opens a round, a
student ranks places on a phone from the mail, the chase list shrinks, the
coordinator runs the allocation, moves one student and accepts: draft placements."""

import time
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from placements.models import Placement, WishParticipant
from stagebeheer.models import OutgoingMessage


def wait_until_sent(email, subject, seconds=240):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = OutgoingMessage.objects.filter(to_email=email, subject__icontains=subject).first()
        if found is not None and found.status == OutgoingMessage.Status.SENT:
            return
        time.sleep(0.5)


def test_a_student_ranks_places_and_the_coordinator_allocates_moves_and_accepts(
    desktop, page_at, login_as, menu, link_from_outbox, step
):
    coordinator = desktop
    login_as(coordinator, "coordinator", check=False)
    menu(coordinator, "Stageplannen")
    # The plan list shows this school year first, then last year's plan of the same name.
    coordinator.get_by_role("link", name="Snuffelstage leerjaar 3").first.click()
    coordinator.get_by_role("link", name="Wensrondes").click()
    step(coordinator, "wish rounds")
    today = timezone.localdate()
    coordinator.get_by_label("Naam van de ronde").fill("Wensronde mei")
    coordinator.get_by_label("Begindatum van de stages").fill("2027-05-10")
    coordinator.get_by_label("Einddatum van de stages").fill("2027-05-21")
    coordinator.get_by_label("Wensen kunnen tot en met").fill((today + timedelta(days=7)).isoformat())
    coordinator.get_by_role("button", name="Wensronde openen en links sturen").click()
    expect(coordinator.get_by_role("status")).to_contain_text("De wensronde is geopend")
    waiting = coordinator.get_by_role("heading", name="Nog niet gekozen")
    before = int(waiting.inner_text().split(":")[1].split()[0])
    step(coordinator, "round opened")

    # Noah, on a phone, from the mail. The demo seed queues agreement PDFs first;
    # on a busy machine the worker reaches the wish mails only after those.
    wait_until_sent("noah.bakker.240121@leerling.example", "Kies je stageplaatsen")
    student = page_at(360)
    student.goto(
        link_from_outbox("noah.bakker.240121@leerling.example", subject_contains="Kies je stageplaatsen")
    )
    expect(student.get_by_role("heading", level=1)).to_have_text("Stageplaatsen kiezen")
    step(student, "wishes form")
    student.get_by_label("Keuze 1", exact=True).select_option(
        label=student.get_by_label("Keuze 1", exact=True)
        .locator("option", has_text="Restaurant Het Veerhuis")
        .inner_text()
    )
    student.get_by_label("Waarom deze plaats?").first.fill("Ik wil kok worden.")
    student.get_by_label("Keuze 2", exact=True).select_option(
        label=student.get_by_label("Keuze 2", exact=True)
        .locator("option", has_text="Bakkerij De Korenschoof")
        .inner_text()
    )
    student.get_by_role("button", name="Keuzes opslaan").click()
    expect(student.get_by_role("status")).to_contain_text("Je keuzes zijn opgeslagen")
    step(student, "wishes saved")

    coordinator.reload()
    expect(waiting).to_contain_text(f"Nog niet gekozen: {before - 1} leerlingen")
    coordinator.get_by_role("button", name="Verdeling berekenen").click()
    expect(coordinator.get_by_role("status")).to_contain_text("Voorstel berekend")
    expect(coordinator.get_by_test_id("proposal-summary")).to_contain_text("Keuze 1: 1.")
    step(coordinator, "proposal")

    round_id = int(coordinator.url.rstrip("/").split("/")[-1])
    moved = (
        WishParticipant.objects.filter(round_id=round_id, proposed_host__isnull=False)
        .exclude(student__number="240121")
        .select_related("student")
        .first()
    )
    coordinator.get_by_label("Leerling", exact=True).select_option(str(moved.pk))
    coordinator.get_by_label("Naar").select_option(
        label=coordinator.get_by_label("Naar").locator("option", has_text="Bouwbedrijf Van Dam").inner_text()
    )
    coordinator.get_by_role("button", name="Verplaatsen").click()
    expect(coordinator.get_by_role("status")).to_contain_text(f"{moved.student.full_name} is verplaatst")
    step(coordinator, "student moved")

    placed = WishParticipant.objects.filter(round_id=round_id, proposed_host__isnull=False).count()
    drafts = Placement.objects.filter(state="draft").count()
    coordinator.get_by_role("button", name="Voorstel aannemen en conceptstages maken").click()
    expect(coordinator.get_by_role("status")).to_contain_text("conceptstages aangemaakt")
    step(coordinator, "accepted")
    assert Placement.objects.filter(state="draft").count() == drafts + placed
    assert (
        Placement.objects.get(student=moved.student, start_date="2027-05-10").host.name
        == "Bouwbedrijf Van Dam"
    )
