"""Journey: a supervisor logs a visit on a 360 px phone, with one thumb.

Self-contained (its own fixtures) so it can later fold into the shared e2e
harness. Screenshots go to test-artifacts/screenshots/ (git-ignored).
"""

import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connections
from django.utils import timezone

from tests.factories.core import PASSWORD, DepartmentFactory, MembershipFactory, UserFactory
from tests.factories.placements import StudentFactory
from tests.factories.visits import PlacementFactory, VisitFactory, WorkplaceInputFactory
from visits.models import Visit

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
]


@pytest.fixture
def thumb_phone(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test still
    # reads the database in between, which Django would otherwise refuse.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
        yield context.new_page()
        context.close()
        browser.close()
    # The live server closes its request threads' connections once the
    # browser's keep-alive sockets are gone; give it a moment.
    time.sleep(0.3)
    connections.close_all()


@pytest.fixture
def overdue_visit():
    department = DepartmentFactory(name="Vmbo De Brug")
    supervisor = UserFactory(full_name="Sam Begeleider", email="sam@school.example")
    MembershipFactory(user=supervisor, department=department, role="supervisor")
    today = timezone.localdate()
    placement = PlacementFactory(
        plan__department=department,
        student=StudentFactory(department=department, first_name="Noor", last_name="Jansen"),
        school_supervisor=supervisor,
        state="active",
        start_date=today - timedelta(days=20),
        end_date=today + timedelta(days=40),
    )
    visit = VisitFactory(placement=placement, planned_on=today - timedelta(days=1))
    WorkplaceInputFactory(visit=visit, judgement="Noor is betrokken en leert snel.")
    return visit


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_a_supervisor_logs_a_visit_on_a_phone(live_server, thumb_phone, overdue_visit):
    try:
        _log_a_visit(live_server, thumb_phone, overdue_visit)
    finally:
        # The test body runs in Playwright's greenlet context, with a database
        # connection of its own that the fixtures' teardown cannot see.
        connections.close_all()


def _log_a_visit(live_server, thumb_phone, overdue_visit):
    SHOTS.mkdir(parents=True, exist_ok=True)
    print(f"screenshots in {SHOTS}")
    page = thumb_phone
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "sam@school.example")
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/visits/agenda/")
    assert page.get_by_role("heading", name="Te laat").is_visible()
    page.screenshot(path=SHOTS / "visits-agenda-360.png", full_page=True)

    # One tap on the thumb-sized button opens the log.
    page.get_by_role("link", name="Verslag van Noor Jansen").tap()
    page.wait_for_url("**/log/")
    # The input the workplace supervisor sent beforehand is on the form.
    assert page.get_by_role("region", name="Inbreng van Piet Praktijk").is_visible()
    assert (
        page.get_by_label("Oordeel van de praktijkbegeleider").input_value()
        == "Noor is betrokken en leert snel."
    )
    page.get_by_label("Wat de leerling leerde").fill("Hielp zelf een klant aan de kassa.")
    page.get_by_label("Voordoen").check()
    page.get_by_label("Werk toevertrouwen").check()
    # Nothing is wider than the phone: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=SHOTS / "visits-log-360.png", full_page=True)
    save = page.get_by_role("button", name="Verslag opslaan")
    assert save.bounding_box()["height"] >= 44
    save.tap()
    page.wait_for_url(f"**/visits/{overdue_visit.pk}/")

    assert page.get_by_text("Het verslag is opgeslagen.").is_visible()
    page.screenshot(path=SHOTS / "visits-logged-360.png", full_page=True)
    visit = Visit.objects.get(pk=overdue_visit.pk)
    assert visit.status == "done"
    assert visit.held_on == timezone.localdate()
    assert visit.guidance_choices == ["voordoen", "werk toevertrouwen"]
