"""Hours through mailed links: the coordinator sends the student a link, the
student enters hours on a phone, the workplace supervisor confirms the week,
and the coordinator's outbox shows both mails as sent."""

from datetime import datetime, timedelta

from playwright.sync_api import expect


def test_the_student_enters_hours_and_the_workplace_supervisor_confirms_them(
    desktop, page_at, login_as, menu, link_from_outbox, step
):
    coordinator = desktop
    login_as(coordinator, "coordinator", check=False)
    menu(coordinator, "Stageplannen")
    # The plan list shows this school year first, then last year's plan of the same name.
    coordinator.get_by_role("link", name="Snuffelstage leerjaar 3").first.click()
    coordinator.get_by_role("link", name="Overzicht leerlingen").click()
    coordinator.get_by_role("row").filter(has_text="lopend").first.get_by_role(
        "link", name="Bekijken"
    ).click()
    period = coordinator.locator("dt:has-text('Periode') + dd").inner_text()
    first_day = datetime.strptime(period.split("–")[0].strip(), "%d-%m-%Y").date()
    monday = first_day - timedelta(days=first_day.weekday())
    step(coordinator, "placement detail")

    coordinator.get_by_role("button", name="Link voor uren naar leerling sturen").click()
    expect(coordinator.get_by_role("status")).to_contain_text("De link is verstuurd naar")
    student_email = coordinator.get_by_role("status").inner_text().split("naar")[-1].strip(" .")

    # The student, on a phone, from the mail.
    student = page_at(360)
    student.goto(link_from_outbox(student_email, subject_contains="Urenregistratie"))
    expect(student.get_by_role("heading", level=1)).to_have_text("Uren invullen")
    step(student, "hours form")
    student.get_by_label("Datum").fill(first_day.isoformat())
    student.get_by_label("Van").fill("09:00")
    student.get_by_label("Tot").fill("08:00")
    student.get_by_role("button", name="Opslaan").click()
    expect(student.get_by_role("alert")).to_contain_text("De eindtijd ligt vóór de begintijd")
    step(student, "hours refused")
    student.get_by_label("Tot").fill("15:00")
    student.get_by_label("Wat heb je gedaan?").fill("Brood gebakken en de winkel ingericht.")
    student.get_by_role("button", name="Opslaan").click()
    expect(student.get_by_role("status")).to_contain_text("Je uren zijn opgeslagen")
    expect(student.get_by_role("listitem").filter(has_text="Brood gebakken")).to_contain_text("6,00 uur")
    step(student, "hours saved")

    # The workplace supervisor confirms the week, also on a phone.
    coordinator.reload()
    coordinator.get_by_role(
        "button", name="Link om uren te bevestigen naar praktijkbegeleider sturen"
    ).click()
    host_email = coordinator.get_by_role("status").inner_text().split("naar")[-1].strip(" .")
    host = page_at(360)
    host.goto(link_from_outbox(host_email, subject_contains="Urenregistratie"))
    expect(host.get_by_role("heading", level=1)).to_have_text("Uren bevestigen")
    step(host, "hours confirm")
    week = host.locator(".card").filter(has_text=f"Week van {monday:%d-%m-%Y}")
    week.get_by_role("button", name="Deze week bevestigen").click()
    expect(week.get_by_text("Bevestigd", exact=True)).to_be_visible()
    step(host, "hours confirmed")

    # The coordinator sees both mails sent by the worker.
    menu(coordinator, "Verzonden mail")
    for email in (student_email, host_email):
        # The demo also mailed the student an evaluation: the hours mail is the one about uren.
        row = coordinator.get_by_role("row").filter(has_text=email).filter(has_text="uren").first
        expect(row).to_contain_text("verzonden")
    step(coordinator, "outbox with hours mails")
