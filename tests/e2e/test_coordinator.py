"""The coordinator's journey: writes a plan, imports students from a CSV file,
places a student with a host."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from placements.navigation import current_school_year

STUDENTS_CSV = (
    "Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Leerjaar;Klas;E-mail;Ouder;E-mail ouder\n"
    "310001;Noor;van;Dam;14-03-2011;3;3C;noor.vandam@leerling.example;Ria van Dam;ria@thuis.example\n"
    "310002;Milan;;Bos;02-09-2011;3;3C;milan.bos@leerling.example;Erik Bos;erik@thuis.example\n"
    "310003;Yara;;El Idrissi;31-02-2011;3;3C;;;\n"  # no such date: reported, skipped
)
DEPARTMENT = "Rijncollege vmbo (basis/kader)"


def test_the_coordinator_writes_a_plan_imports_students_and_places_one(desktop, login_as, menu, step):
    page = desktop
    login_as(page, "coordinator")
    step(page, "start coordinator")

    # A plan with the five parts the law asks for (art. 2.35 UB WVO 2020).
    menu(page, "Stageplannen")
    step(page, "plan list")
    page.get_by_role("link", name="Nieuw stageplan").click()
    page.get_by_label("Afdeling").select_option(label=DEPARTMENT)
    page.get_by_label("Soort stage").select_option("vmbo_orientation")
    step(page, "plan start")
    page.get_by_role("button", name="Verder").click()
    page.get_by_label("Titel").fill("Snuffelstage 3C")
    page.get_by_label("Schooljaar").fill(current_school_year())
    page.get_by_label("Leerjaar").fill("3")
    page.get_by_label("Doel").fill("Leerlingen oriënteren zich op een beroep.")
    page.get_by_label("Inhoud").fill("Meewerken en opdrachten uit het stageboek.")
    page.get_by_label("Omvang").fill("Twee weken, 60 uur.")
    page.get_by_label("Opbouw").fill("Leerjaar 3 snuffelen, leerjaar 4 verdiepen.")
    page.get_by_label("Organisatie").fill("De coördinator plaatst, de begeleider bezoekt.")
    step(page, "plan form")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Snuffelstage 3C")
    expect(page.get_by_text("Alle vijf onderdelen")).to_be_visible()
    step(page, "plan detail")

    # Students from the administration's export: map, preview, confirm.
    menu(page, "Leerlingen")
    step(page, "student list")
    page.get_by_role("link", name="Importeren").click()
    page.get_by_label("Afdeling").select_option(label=DEPARTMENT)
    page.get_by_label("Bestand").set_input_files(
        files=[{"name": "leerlingen.csv", "mimeType": "text/csv", "buffer": STUDENTS_CSV.encode()}]
    )
    step(page, "import upload")
    page.get_by_role("button", name="Uploaden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kolommen koppelen")
    expect(page.get_by_text("Regel 4")).to_be_visible()
    step(page, "import preview")
    page.get_by_role("button", name="2 regels importeren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import klaar")
    step(page, "import done")

    # Place Noor: the plan's overview lists who still needs a placement.
    menu(page, "Stageplannen")
    page.get_by_role("link", name="Snuffelstage 3C").click()
    page.get_by_role("link", name="Overzicht leerlingen").click()
    step(page, "plan overview")
    page.get_by_role("row").filter(has_text="Noor van Dam").get_by_role("link", name="Plaatsen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leerling plaatsen")
    page.get_by_label("Stagebedrijf").select_option(label="Bakkerij De Korenschoof")
    start = timezone.localdate() + timedelta(days=14)
    page.get_by_label("Begindatum").fill(start.isoformat())
    page.get_by_label("Einddatum").fill((start + timedelta(days=11)).isoformat())
    page.get_by_label("Praktijkbegeleider(s)").select_option(label="Henk Brouwer (Bakkerij De Korenschoof)")
    page.get_by_label("Stagebegeleider van school").select_option(label="Joost Jansen")
    for day in ("Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag"):
        page.get_by_label(f"{day}: van").fill("08:30")
        page.get_by_label(f"{day}: tot").fill("15:00")
        page.get_by_label(f"{day}: pauze in minuten").fill("30")
    step(page, "placement form")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Noor van Dam")
    expect(page.get_by_text("Bakkerij De Korenschoof").first).to_be_visible()
    step(page, "placement detail")
