"""Issue 12 journeys: a student evaluates on a phone, the leader reads the
dashboard, follows a figure and exports it, the coordinator reviews a plan and
copies it to next year."""

from playwright.sync_api import expect

from stagebeheer.demo import USERS


def test_a_student_answers_the_evaluation_on_a_phone(phone, live_server, step):
    from evaluations import services
    from evaluations.models import EvaluationInvitation
    from stagebeheer.models import AccessLink

    invitation = (
        EvaluationInvitation.objects.open()
        .filter(audience="student")
        .select_related("placement__host")
        .first()
    )
    assert invitation is not None, "the demo leaves a student evaluation open"
    # The link as the mail carries it (the mail itself is covered by tests/evaluations).
    _link, token = AccessLink.issue(
        purpose=services.PURPOSE,
        target=invitation,
        recipient_name=invitation.recipient_name,
        recipient_email=invitation.recipient_email,
    )
    url = f"{live_server.url}/l/{token}/"
    phone.goto(url)
    expect(phone.get_by_role("heading", name="Evaluatie van de stage")).to_be_visible()
    step(phone, "evaluation student")
    for group in phone.locator("fieldset.evaluation-question").all():
        buttons = group.locator("label.btn")
        if buttons.count():
            buttons.nth(3).click()
        else:
            group.locator("textarea").fill("Leuke stage, meer uitleg vooraf graag.")
    phone.get_by_role("button", name="Versturen").click()
    expect(phone.get_by_role("heading", name="Dank u wel")).to_be_visible()
    step(phone, "evaluation thanks")
    invitation.refresh_from_db()
    assert invitation.completed_at is not None
    phone.goto(url)
    expect(phone.get_by_role("heading", name="Dit is al afgerond")).to_be_visible()


def test_the_leader_reads_the_dashboard_follows_a_figure_and_exports_it(desktop, login_as, menu, step):
    login_as(desktop, "leader")
    menu(desktop, "Dashboard")
    expect(desktop.get_by_role("heading", name="Plaatsen")).to_be_visible()
    step(desktop, "dashboard leader")
    for key in (
        "placing",
        "agreements",
        "guidance",
        "assessments",
        "evaluations",
        "concerns",
        "capacity",
        "allowances",
        "hours",
    ):
        section = desktop.locator(f"#section-{key}")
        section.scroll_into_view_if_needed()
        section.screenshot(path=str(_shots() / f"dashboard-{key}-1280.png"))
    with desktop.expect_download() as download:
        desktop.get_by_role("link", name="CSV").click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    assert "Stages (niet concept)" in text
    with desktop.expect_download() as download:
        desktop.get_by_role("link", name="XLSX").click()
    assert download.value.path().read_bytes()[:2] == b"PK"
    desktop.locator("#section-placing").get_by_role("link").first.click()
    desktop.wait_for_load_state()
    assert "/overview/" in desktop.url
    step(desktop, "dashboard figure list")


def test_the_dashboard_on_a_phone(phone, login_as, step):
    login_as(phone, "leader", check=False)
    phone.goto("/evaluations/dashboard/")
    expect(phone.get_by_role("heading", name="Plaatsen")).to_be_visible()
    step(phone, "dashboard phone")
    for key in ("placing", "evaluations", "concerns"):
        phone.locator(f"#section-{key}").screenshot(path=str(_shots() / f"dashboard-{key}-360.png"))


def test_the_coordinator_records_a_plan_review_and_copies_the_plan(desktop, login_as, step):
    from placements.models import PlacementPlan
    from stagebeheer.models import User

    coordinator = User.objects.get(email=USERS["coordinator"][0])
    plan = (
        PlacementPlan.objects.filter(department__memberships__user=coordinator, school_year="2026-2027")
        .order_by("pk")
        .first()
    )
    login_as(desktop, "coordinator")
    desktop.goto(f"/plans/{plan.pk}/")
    desktop.get_by_role("link", name="Plan evalueren").click()
    step(desktop, "plan review form")
    desktop.get_by_label("Bevindingen").fill("Meer plekken nodig in de zorg.")
    desktop.get_by_label("Besluiten").fill("Drie zorgbedrijven werven.")
    desktop.locator("#id_a-0-description").fill("Zorgbedrijven bellen")
    desktop.locator("#id_a-0-owner").fill("Stagecoördinator")
    desktop.get_by_role("button", name="Evaluatie vastleggen").click()
    expect(desktop.get_by_role("heading", name="Evaluatie van het stageplan")).to_be_visible()
    step(desktop, "plan review")
    desktop.get_by_role("link", name=f"{plan.title} (2027-2028)").click()
    expect(desktop.get_by_role("heading", name=plan.title)).to_be_visible()
    assert PlacementPlan.objects.filter(copied_from=plan, school_year="2027-2028").exists()


def _shots():
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "test-artifacts" / "evaluations"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
