"""Assessment by link and in the app: the workplace supervisor fills in the form
on a 360 px phone (draft, come back, submit, read-only), the student does the
self-assessment, the school supervisor compares and records the final
judgement, and the coordinator completes the placement with the checklist."""

from playwright.sync_api import expect

from assessments.models import Assessment, Party
from assessments.opening import recipient


def _open_form(party):
    """A form of the demo's coordinator's departments that is still open (the demo leaves some)."""
    assessment = (
        Assessment.objects.filter(
            party=party,
            placement__state="active",
            placement__plan__department__memberships__user__email="coordinator@rijncollege.example",
        )
        .exclude(status="submitted")
        .select_related("placement__student", "placement__host")
        .order_by("pk")
        .first()
    )
    assert assessment is not None, "the demo should leave an open form"
    return assessment


def _fill_all(page, level):
    for fieldset in page.locator("fieldset.competency").all():
        fieldset.locator("label.btn").get_by_text(level, exact=True).click()


def test_the_workplace_supervisor_and_the_student_fill_in_by_link_on_a_phone(
    desktop, page_at, login_as, step, link_from_outbox
):
    assessment = _open_form(Party.WORKPLACE)
    _name, email, _role = recipient(assessment)
    login_as(desktop, "coordinator", check=False)
    desktop.goto(f"/assessments/placement/{assessment.placement_id}/")
    step(desktop, "placement assessments")
    row = (
        desktop.locator("li")
        .filter(has_text="Praktijkbegeleider")
        .filter(has=desktop.get_by_role("button", name="Opnieuw sturen"))
        .first
    )
    row.get_by_role("button", name="Opnieuw sturen").click()
    expect(desktop.get_by_text("Een nieuwe link is verstuurd")).to_be_visible()

    phone = page_at(360)
    url = link_from_outbox(email, "Beoordeling van de stage")
    phone.goto(url)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Beoordeling van de stage")
    step(phone, "workplace form")
    first = phone.locator("fieldset.competency").first
    first.locator("label.btn").get_by_text("goed", exact=True).click()
    expect(first.locator(".level-indicator").filter(has_text="Pakt uit zichzelf werk op")).to_be_visible()
    phone.get_by_role("button", name="Concept opslaan").click()
    expect(phone.get_by_role("status")).to_contain_text("Uw concept is opgeslagen")
    step(phone, "workplace draft saved")
    # Closing the phone and coming back through the mail: the draft is there.
    phone.goto(url)
    expect(
        phone.locator("fieldset.competency").first.get_by_role("radio", name="goed", exact=True)
    ).to_be_checked()
    _fill_all(phone, "voldoende")
    phone.get_by_label("Tops: wat gaat goed?").fill("Vriendelijk tegen klanten.")
    phone.get_by_role("button", name="Beoordeling versturen").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Dank u wel")
    step(phone, "workplace thanks")
    phone.goto(url)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Dank u wel: dit formulier is verstuurd")
    expect(phone.get_by_role("button", name="Beoordeling versturen")).to_have_count(0)
    step(phone, "workplace read-only")

    # The student's self-assessment, in the student's words.
    own = _open_form(Party.STUDENT)
    _name, student_email, _role = recipient(own)
    desktop.goto(f"/assessments/placement/{own.placement_id}/")
    desktop.locator("li").filter(has_text="Zelfbeoordeling").filter(
        has=desktop.get_by_role("button", name="Opnieuw sturen")
    ).first.get_by_role("button", name="Opnieuw sturen").click()
    student = page_at(360)
    student.goto(link_from_outbox(student_email, "zelfbeoordeling"))
    expect(student.get_by_role("heading", level=1)).to_have_text("Jouw zelfbeoordeling")
    step(student, "self-assessment")
    _fill_all(student, "goed")
    student.get_by_role("button", name="Zelfbeoordeling versturen").click()
    expect(student.get_by_role("heading", level=1)).to_have_text("Dank u wel")
    step(student, "self-assessment thanks")


def test_the_supervisor_records_the_final_judgement_and_the_coordinator_completes(
    desktop, page_at, login_as, step
):
    from placements.models import Placement

    placement = (
        Placement.objects.filter(
            school_supervisor__email="begeleider@rijncollege.example",
            state="active",
            plan__assessment_setup__method="weights",
        )
        .select_related("student")
        .order_by("pk")
        .first()
    )
    assert placement is not None, "the demo should have a running placement of this supervisor"
    login_as(desktop, "supervisor", check=False)
    desktop.goto(f"/assessments/placement/{placement.pk}/compare/")
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Beoordelingen naast elkaar")
    step(desktop, "comparison")
    desktop.get_by_role("link", name="Eindoordeel vastleggen").click()
    step(desktop, "final judgement form")
    for select in desktop.locator("table select").all():
        select.select_option(label="voldoende")
    desktop.locator("select[name=overall]").select_option(label="voldoende")
    desktop.get_by_label("Onderbouwing").fill(
        "Besproken in het eindgesprek; past bij wat ik bij de bezoeken zag."
    )
    desktop.get_by_role("button", name="Eindoordeel vastleggen").click()
    expect(desktop.get_by_role("heading", name="Eindoordeel: voldoende")).to_be_visible()
    step(desktop, "comparison with judgement")

    coordinator = page_at(1280)
    login_as(coordinator, "coordinator", check=False)
    coordinator.goto(f"/assessments/placement/{placement.pk}/complete/")
    expect(coordinator.get_by_role("heading", level=1)).to_contain_text("Stage afronden")
    step(coordinator, "completion checklist")
    coordinator.get_by_role("button", name="Toch afronden").click()
    expect(
        coordinator.get_by_text("Schrijf een reden").or_(coordinator.get_by_text("Afronden kan nog niet"))
    ).to_be_visible()
    coordinator.get_by_label("Reden om toch af te ronden").fill(
        "Leerling is verhuisd; uren telefonisch bevestigd."
    )
    coordinator.get_by_role("button", name="Toch afronden").click()
    expect(coordinator.get_by_text("De stage is afgerond.")).to_be_visible()
    step(coordinator, "placement completed")
