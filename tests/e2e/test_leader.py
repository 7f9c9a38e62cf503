"""The school leader reads the figures, follows one to its list of students
and takes that list along as CSV."""

import csv
import io

from playwright.sync_api import expect


def test_the_leader_follows_a_figure_to_its_list_and_exports_it(desktop, login_as, menu, step):
    login_as(desktop, "leader")
    expect(desktop.get_by_role("heading", name="Stages per afdeling")).to_be_visible()
    step(desktop, "start leader")

    menu(desktop, "Overzicht")
    plans = desktop.get_by_label("Stageplan")
    # This school year's plan comes first; last year's has the same name.
    plans.select_option(
        plans.locator("option", has_text="Snuffelstage leerjaar 3").first.get_attribute("value")
    )
    desktop.get_by_role("button", name="Filteren").click()
    step(desktop, "overview")
    figure = desktop.get_by_role("link", name="nog geen stage")
    count = int(figure.locator(".stat").inner_text())
    assert count > 0, "the demo has students still without a placement"
    figure.click()
    expect(desktop.get_by_label("Status")).to_have_value("none")
    rows = desktop.locator("tbody tr")
    expect(rows).to_have_count(count)
    step(desktop, "overview without placement")

    with desktop.expect_download() as download:
        desktop.get_by_role("link", name="Exporteren (CSV)").click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    header, *lines = csv.reader(io.StringIO(text), delimiter=";")
    exported = sorted(line[header.index("naam")] for line in lines)
    shown = rows.locator("td:first-child").all_inner_texts()
    assert len(exported) == count, exported
    assert all(any(name in cell for cell in shown) for name in exported), (exported, shown)
