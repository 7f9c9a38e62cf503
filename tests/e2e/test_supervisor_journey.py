"""Journey: the school supervisor on a phone opens the agenda, logs an overdue
conversation in the four parts and raises a concern from it."""

from playwright.sync_api import expect

from visits.models import Concern, Visit


def test_the_supervisor_logs_a_visit_and_raises_a_concern_on_a_phone(phone, login_as, menu, step):
    login_as(phone, "supervisor")
    menu(phone, "Agenda")
    expect(phone.get_by_role("heading", name="Te laat")).to_be_visible()
    step(phone, "agenda")

    phone.get_by_role("link", name="Verslag van").first.click()
    phone.wait_for_url("**/log/")
    step(phone, "visit log form")

    phone.get_by_label("Wat de leerling leerde").fill("Zette zelfstandig een klant te woord.")
    phone.get_by_label("Leerpotentieel van de werkplek").fill("Meer verantwoordelijkheid in de werkplaats.")
    phone.get_by_label("Oordeel van de praktijkbegeleider").fill("Betrokken en leergierig.")
    phone.get_by_label("Voordoen").check()
    phone.get_by_label("Erbij betrekken").check()
    save = phone.get_by_role("button", name="Verslag opslaan")
    assert save.bounding_box()["height"] >= 44  # a thumb-sized target (WCAG 2.5.5)
    save.click()
    expect(phone.get_by_text("Het verslag is opgeslagen.")).to_be_visible()
    step(phone, "visit logged")

    visit = Visit.objects.filter(status="done", learning_potential__startswith="Meer verant").get()
    assert visit.guidance_showing
    assert visit.guidance_drawing_in
    assert not visit.guidance_entrusting

    phone.get_by_role("link", name="Zorg melden naar aanleiding van dit gesprek").click()
    step(phone, "concern form")
    phone.get_by_label("Soort").select_option(label="stagemisbruik: te veel uren")
    phone.get_by_label("Wat is er gebeurd?").fill("Werkt structureel tot 19.00 uur, ook op schooldagen.")
    phone.get_by_role("button", name="Melding vastleggen").click()
    expect(phone.get_by_text("De zorgmelding is vastgelegd.")).to_be_visible()
    step(phone, "concern recorded")

    concern = Concern.objects.get(placement=visit.placement)
    assert concern.kind == "misuse_hours"
    assert concern.visit_id == visit.pk
