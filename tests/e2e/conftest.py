"""The browser harness: the real app on a live server, a real Celery worker on
Redis, headless Chromium from Debian, axe-core and screenshots.

A journey is a test in this folder. It gets an empty database plus the demo
seed and walks through pages only::

    def test_the_leader_reads_the_dashboard(desktop, login_as, step):
        login_as(desktop, "leader")
        desktop.get_by_role("link", name="Dashboard").click()
        step(desktop, "dashboard")          # axe at 1280 and 360 px + screenshots

Fixtures (all function-scoped unless noted):

- ``desktop`` / ``phone``: a fresh page at 1280 × 900 / 360 × 740, Dutch
  browser, ``base_url`` set to the live server, so ``page.goto("/login/")`` works.
- ``page_at(width, height=None)``: another fresh page (its own cookies), for a
  second person in the same journey.
- ``login_as(page, who, password=DEMO_PASSWORD, check=True)``: through the real
  login form; ``who`` is a key of stagebeheer.demo.USERS ("coordinator",
  "supervisor", ...), "admin" or an e-mail address. ``check=False`` skips the
  login page's own step once a journey has checked it.
- ``menu(page, label)``: follows a main-menu entry, opening the menu on a phone;
  ``open_menu(page)`` only opens it (and waits until it is shown).
- ``step(page, name)``: every page a journey visits goes through this: axe at
  both widths (a violation fails the test), a check that nothing sticks out
  of the screen (reflow, WCAG 1.4.10), and a screenshot at both widths.
- ``check_a11y(page, name)`` and ``shot(page, name)``: the two halves of ``step``.
- ``link_from_outbox(to_email, subject_contains="", url_contains="")``: waits
  until the worker has sent the newest matching message and returns the first
  (matching) link in its text, which points at the live server.
- ``live_server`` (pytest-django, session-scoped) and ``browser`` (module-scoped).

Every test here is marked ``e2e`` and runs with a transactional database, so
the live server's thread and the worker thread see the same rows. A JavaScript
error, a CSP refusal or a missing static file fails the journey; when a journey
fails, each of its pages is saved as failed-pageN.png next to its step shots.
"""

import io
import os
import re
import shutil
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect, sync_playwright

from stagebeheer.demo import DEMO_PASSWORD, USERS
from tests.sent_links import link_in_sent_mail

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
]
DESKTOP = (1280, 900)
PHONE = (360, 740)
A11Y_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ROOT = Path(__file__).resolve().parents[2]
KEEP_RUNS = 5  # screenshot folders of earlier runs beyond these are removed
MAIL_TIMEOUT = 20.0  # seconds for the worker to send a queued message
# A busy CI machine runs the suite in two processes next to everything else;
# Playwright's five seconds were too short for a redirect there now and then.
expect.set_options(timeout=10_000)
PAGE_TIMEOUT = 20_000  # ms for a click, fill or navigation


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.django_db(transaction=True))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item._e2e_failed = report.failed  # the pages' teardown saves what they showed
    return report


# --- where the screenshots go ----------------------------------------------


def _run_id(config):
    """One folder per run, shared by the xdist workers of that run."""
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None:
        return f"run-{workerinput['testrunuid'][:10]}"
    if not hasattr(config, "_e2e_run_id"):
        config._e2e_run_id = time.strftime("run-%Y%m%d-%H%M%S")
    return config._e2e_run_id


def _announce(config, text):
    """Print outside pytest's capture, once per run even with several workers."""
    capman = config.pluginmanager.getplugin("capturemanager")
    with capman.global_and_fixture_disabled():
        # An xdist worker's stdout is its channel to the controller; stderr
        # still reaches the terminal.
        os.write(2, f"\n{text}\n".encode())


@pytest.fixture(scope="session")
def screenshot_dir(request):
    folder = ROOT / "test-artifacts" / "screenshots" / _run_id(request.config)
    try:
        folder.mkdir(parents=True)
    except FileExistsError:
        pass  # another worker of this run made it and said where
    else:
        _announce(request.config, f"Browser screenshots: {folder}")
        _forget_old_runs(folder.parent, keep=KEEP_RUNS)
    return folder


def _forget_old_runs(parent, keep):
    runs = sorted((p for p in parent.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime)
    for old in runs[:-keep]:
        shutil.rmtree(old, ignore_errors=True)


# --- the browser ------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    """Chromium for one module's journeys.

    Playwright's sync API runs its asyncio loop in this thread (in a greenlet),
    so while it lives Django sees a "running event loop" and refuses ORM calls
    from the test, the seed and the worker's setup with SynchronousOnlyOperation.
    No coroutine ever runs at the same time as that code (the loop only turns
    while a Playwright call waits), so the check's concern, one connection
    shared by concurrent coroutines, cannot happen here and we switch it off.
    Module scope keeps both the loop and the switch away from the other tests
    an xdist process runs after these.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        # Debian's Chromium: Playwright's own browser download is not available here.
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()


@pytest.fixture(autouse=True)
def _live_app(live_server, celery_worker_on_redis, settings):
    """The app as production runs it: links in mail point at the live server,
    mail is sent by a real worker, the demo school is seeded through its command."""
    settings.SITE_URL = live_server.url
    # Production cookies are Secure; the live server speaks plain http.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    # The seed's own work (about a hundred agreement PDFs, its mails) runs inline,
    # so the worker is free for the journey's mail instead of rendering the demo.
    from stagebeheer.celery import app as celery_app

    celery_app.conf.task_always_eager = True
    try:
        call_command("seed_demo", stdout=io.StringIO())
    finally:
        celery_app.conf.task_always_eager = False
    return live_server


class _PageProblems:
    """JavaScript errors, CSP refusals and missing static files fail a journey."""

    def __init__(self, page):
        self.problems = []
        page.on("pageerror", lambda error: self.problems.append(f"JavaScript error: {error}"))
        page.on("console", self._console)
        page.on("response", self._response)

    def _console(self, message):
        # "Failed to load resource" repeats a response we judge in _response.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.problems.append(f"console: {message.text}")

    def _response(self, response):
        if response.url.endswith("/favicon.ico"):
            return  # the browser asks on its own; the app declares none
        if response.request.resource_type != "document" and response.status >= 400:
            self.problems.append(f"{response.status} for {response.url}")


@pytest.fixture
def page_at(browser, live_server, screenshot_dir, request):
    contexts = []

    def _open(width, height=None):
        height = height or (PHONE[1] if width < 768 else DESKTOP[1])
        context = browser.new_context(
            viewport={"width": width, "height": height},
            base_url=live_server.url,
            locale="nl-NL",
            timezone_id="Europe/Amsterdam",
            # Bootstrap skips its transitions then, so no click lands mid-animation.
            reduced_motion="reduce",
        )
        context.set_default_timeout(PAGE_TIMEOUT)
        page = context.new_page()
        contexts.append((page, _PageProblems(page)))
        return page

    yield _open
    if getattr(request.node, "_e2e_failed", False):
        # What each page showed when the test failed, next to the step shots.
        folder = screenshot_dir / _safe(request.node.name)
        folder.mkdir(parents=True, exist_ok=True)
        for number, (page, _) in enumerate(contexts, start=1):
            page.screenshot(path=folder / f"failed-page{number}.png", full_page=True)
        _announce(request.config, f"Screenshot of the failure: {folder}")
    problems = [p for _, watcher in contexts for p in watcher.problems]
    for page, _ in contexts:
        page.context.close()
    assert not problems, "The browser reported problems:\n" + "\n".join(problems)


@pytest.fixture
def desktop(page_at):
    return page_at(*DESKTOP)


@pytest.fixture
def phone(page_at):
    return page_at(*PHONE)


# --- signing in -------------------------------------------------------------


ADMIN_EMAIL = "beheer@stagebeheer.example"  # the demo's superuser (stagebeheer.demo.seed_core)


def demo_email(who):
    """A key of stagebeheer.demo.USERS, "admin", or an e-mail address."""
    if who == "admin":
        return ADMIN_EMAIL
    return USERS[who][0] if who in USERS else who


@pytest.fixture
def login_as(step):
    def _login(page, who, password=DEMO_PASSWORD, check=True):
        page.goto("/login/")
        if check:
            step(page, "login")
        page.locator("input[name=username]").fill(demo_email(who))
        page.locator("input[name=password]").fill(password)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        assert "/login/" not in page.url, f"Logging in as {who} failed: {page.url}"
        return page

    return _login


def _open_menu(page):
    """Open the folded phone menu and wait until it is fully shown: a click
    while Bootstrap's collapse still animates can miss its target."""
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible() and toggler.get_attribute("aria-expanded") != "true":
        toggler.click()
        expect(page.locator("#main-nav")).to_have_class(re.compile(r"(^|\s)show(\s|$)"))
    return page


@pytest.fixture
def open_menu():
    return _open_menu


@pytest.fixture
def menu():
    """Follow a main-menu entry; on a phone the menu is opened first."""

    def _follow(page, label):
        _open_menu(page)
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name=label, exact=True).click()
        page.wait_for_load_state()
        return page

    return _follow


# --- accessibility and screenshots -------------------------------------------

AXE_SCRIPT = Axe().axe_script  # the axe-core build that axe-playwright-python ships
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": A11Y_TAGS}, "resultTypes": ["violations"]}


# Elements sticking out of the screen, ignoring those inside a scrolling box
# (a wide table in .table-responsive is fine: it scrolls on its own).
OVERFLOW_SCRIPT = r"""() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible") return true;
    }
    return false;
  };
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const beyond = (e) => e.getBoundingClientRect().right > width + 1;
    if (beyond(el) && ![...el.children].some(beyond) && !clipped(el)) {
      out.push({target: [el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")], html: el.outerHTML,
                failureSummary: "Fix this:\n  It ends at " + Math.round(el.getBoundingClientRect().right) + " px"});
      if (out.length === 5) break;
    }
  }
  return [{id: "reflow", impact: "serious", nodes: out,
           help: "Content must fit the screen width without scrolling sideways (WCAG 1.4.10)",
           helpUrl: "https://www.w3.org/WAI/WCAG21/Understanding/reflow.html"}];
}"""


def a11y_violations(page):
    # Load axe once per document, not once per run: parsing it is most of the cost.
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    violations = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)["violations"]
    # axe does not test reflow (WCAG 1.4.10, AA): a page wider than the screen.
    return violations + page.evaluate(OVERFLOW_SCRIPT)


def describe_violations(name, found):
    """``found``: (width, violation) pairs. One entry per rule and elements,
    naming the widths where it happened."""
    grouped = {}
    for width, violation in found:
        key = (violation["id"], tuple(" ".join(map(str, n["target"])) for n in violation["nodes"]))
        grouped.setdefault(key, (violation, []))[1].append(f"{width}px")
    lines = []
    for violation, widths in grouped.values():
        lines.append(
            f"  [{name} @ {' + '.join(widths)}] {violation['id']} ({violation['impact']}): {violation['help']}"
            f"\n      {violation['helpUrl']}"
        )
        for node in violation["nodes"][:5]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"      - {target}  {node['html'][:140]}")
            # "Fix any of the following:" / "Fix all of the following:" and the reasons.
            for reason in node["failureSummary"].splitlines():
                lines.append(f"          {reason.strip()}")
        if len(violation["nodes"]) > 5:
            lines.append(f"      ... and {len(violation['nodes']) - 5} more")
    return lines


def _safe(name):
    return re.sub(r"[^\w.-]+", "_", name)


class _Shots:
    def __init__(self, folder, test_name):
        self.folder = folder / _safe(test_name)
        self.count = 0

    def path(self, name, width):
        return self.folder / f"{self.count:02d}-{_safe(name)}-{width}.png"


def _at_each_width(page, action):
    """Run ``action(width)`` at desktop and phone width, then restore the size."""
    original = page.viewport_size
    try:
        for width, height in (DESKTOP, PHONE):
            page.set_viewport_size({"width": width, "height": height})
            # Let the page's resize observers run and the layout settle first.
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            action(width)
    finally:
        page.set_viewport_size(original)


@pytest.fixture
def shot(screenshot_dir, request):
    shots = _Shots(screenshot_dir, request.node.name)

    def _shot(page, name):
        shots.count += 1
        shots.folder.mkdir(parents=True, exist_ok=True)
        _at_each_width(page, lambda width: page.screenshot(path=shots.path(name, width), full_page=True))

    return _shot


@pytest.fixture
def check_a11y():
    def _check(page, name):
        found = []
        _at_each_width(page, lambda width: found.extend((width, v) for v in a11y_violations(page)))
        if found:
            report = "\n".join(describe_violations(name, found))
            pytest.fail(f"Accessibility violations on page '{name}' ({page.url}):\n{report}", pytrace=False)

    return _check


@pytest.fixture
def step(shot, check_a11y):
    """One visited page: screenshots first, so a failing page can be looked at."""

    def _step(page, name):
        page.wait_for_load_state()
        shot(page, name)
        check_a11y(page, name)
        return page

    return _step


# --- mail ---------------------------------------------------------------------


@pytest.fixture
def link_from_outbox(live_server):
    from stagebeheer.models import OutgoingMessage

    def _link(to_email, subject_contains="", url_contains=""):
        """The newest mail to ``to_email`` whose subject holds ``subject_contains``,
        once the worker has sent it; its first link holding ``url_contains``."""
        to_email = demo_email(to_email)
        deadline = time.monotonic() + MAIL_TIMEOUT
        message = None
        while time.monotonic() < deadline:
            message = (
                OutgoingMessage.objects.filter(to_email=to_email, subject__icontains=subject_contains)
                .order_by("-created_at", "-pk")
                .first()
            )
            if message is not None and message.status == OutgoingMessage.Status.SENT:
                break
            time.sleep(0.1)
        else:
            state = message.status if message else "no message at all"
            pytest.fail(f"No sent mail to {to_email} about {subject_contains!r} ({state})")
        # The stored row holds placeholders; the working link is only in the mail as sent.
        url = link_in_sent_mail(to_email, subject_contains, url_contains, path=False, timeout=MAIL_TIMEOUT)
        # Links point at SITE_URL (set to the live server); a password reset
        # takes the host of the request, which is the live server too.
        assert urlsplit(url).netloc == urlsplit(live_server.url).netloc, f"{url} leaves the site"
        return url

    return _link


@pytest.fixture
def send_demo_agreement(login_as, step):
    """The coordinator sends a complete demo vo draft from its page; returns the agreement."""
    from agreements.models import Agreement, AgreementStatus

    def _send(page):
        draft = next(
            a
            for a in Agreement.objects.filter(status=AgreementStatus.DRAFT, kind="vo").select_related(
                "placement__student"
            )
            if not a.problems
        )
        login_as(page, "coordinator", check=False)
        page.goto(f"/agreements/{draft.pk}/")
        step(page, "agreement-draft")
        page.get_by_role("button", name="Versturen").click()
        expect(page.get_by_text("De overeenkomst is verstuurd ter ondertekening.")).to_be_visible()
        draft.refresh_from_db()
        return draft

    return _send
