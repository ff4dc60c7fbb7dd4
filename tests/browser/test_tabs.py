"""Two tabs of one browser: what one saves, the other shows at once, whether both show the same
widget or one shows the progress page or the feedback log."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .browser_support import *


def second_tab(page: Page, errors: list[str]) -> Page:
    """Another tab of the same browser profile: same origin, same storage."""
    tab = page.context.new_page()
    tab.on("pageerror", lambda error: errors.append(f"{error.message}\n{error.stack}"))
    return tab


def use(tab: Page) -> Page:
    """Switch to `tab`, as a reader would before clicking in it; the other tab goes to the
    background (where Chromium also slows down clicks made by the test)."""
    tab.bring_to_front()
    return tab


def test_a_checklist_in_two_tabs(page: Page, site_url: str, page_errors: list) -> None:
    first = open_page(page, site_url + CHECKLIST_PAGE)
    second = open_page(second_tab(page, page_errors), site_url + CHECKLIST_PAGE)
    item_label(use(first), CHECKLIST, "thank-you-sent").click()
    item_label(first, CHECKLIST, "right-person").click()
    expect_checked(second, CHECKLIST, {"thank-you-sent", "right-person"}, CHECKLIST_ITEMS)
    expect(progress(second, CHECKLIST)).to_have_text("2 of 7 done.")

    # And back: the second tab's change reaches the first, without undoing its ticks.
    item_label(use(second), CHECKLIST, "thank-you-sent").click()
    item_label(second, CHECKLIST, "listen-mindset").click()
    expect_checked(first, CHECKLIST, {"right-person", "listen-mindset"}, CHECKLIST_ITEMS)
    expect(progress(first, CHECKLIST)).to_have_text("2 of 7 done.")
    assert page_errors == []



def test_a_worksheet_in_two_tabs(page: Page, site_url: str, page_errors: list) -> None:
    first = open_page(page, site_url + WORKSHEET_PAGE)
    second = open_page(second_tab(page, page_errors), site_url + WORKSHEET_PAGE)
    rate(use(first), WORKSHEET, "communication", 4)
    notes(first, WORKSHEET).fill("Typed in the first tab.")
    expect(radio(second, WORKSHEET, "communication", 4)).to_be_checked()
    expect(notes(second, WORKSHEET)).to_have_value("Typed in the first tab.")
    expect(progress(second, WORKSHEET)).to_have_text("1 of 7 rated, average 4.0 of 5.")
    expect(widget(second, WORKSHEET).locator(".debrief-weakest li")).to_have_count(1)

    # A reset in the second tab clears the first.
    widget(use(second), WORKSHEET).locator("[data-act=reset]").click()
    widget(second, WORKSHEET).locator("[data-act=confirm]").click()
    expect(radio(first, WORKSHEET, "communication", 0)).to_be_checked()
    expect(notes(first, WORKSHEET)).to_have_value("")
    assert page_errors == []



def test_progress_page_follows_a_widget_tab(page: Page, site_url: str, page_errors: list) -> None:
    widgets = open_page(page, site_url + CHECKLIST_PAGE)
    overview = open_app(second_tab(page, page_errors), site_url + PROGRESS_PAGE)
    line = app(overview, PROGRESS_APP).locator(f"li[data-widget={CHECKLIST}]")
    expect(line.locator(".debrief-badge")).to_have_text("Not started")

    item_label(use(widgets), CHECKLIST, "two-questions").click()
    expect(line.locator(".debrief-badge")).to_have_text("In progress")
    expect(line.locator("progress")).to_have_attribute("value", "1")
    expect(app_status(overview, PROGRESS_APP)).to_have_text("Updated from another tab.")
    for item in CHECKLIST_ITEMS:
        if item != "two-questions":
            item_label(widgets, CHECKLIST, item).click()
    expect(line.locator(".debrief-badge")).to_have_text("Done")
    expect(app(overview, PROGRESS_APP).locator(".debrief-picks")).to_contain_text(
        "Before you ask for feedback")

    # Deleting everything on the progress page empties the widget in the other tab.
    app(use(overview), PROGRESS_APP).get_by_role("button", name="Delete all my data").click()
    app(overview, PROGRESS_APP).get_by_role("button", name="Yes, delete everything").click()
    expect(line.locator(".debrief-badge")).to_have_text("Not started")
    expect_checked(widgets, CHECKLIST, set(), CHECKLIST_ITEMS)
    expect(progress(widgets, CHECKLIST)).to_have_text("0 of 7 done.")
    assert page_errors == []



def test_feedback_log_follows_a_worksheet_tab(page: Page, site_url: str, page_errors: list) -> None:
    sheet = open_page(page, site_url + WORKSHEET_PAGE)
    log = open_app(second_tab(page, page_errors), site_url + LOG_PAGE)
    expect(app(log, LOG_APP).locator(".debrief-app-root")).to_contain_text("No entries yet.")

    rate(use(sheet), WORKSHEET, "communication", 2)
    rate(sheet, WORKSHEET, "closing", 5)
    sheet.locator(f"#{WORKSHEET}--log-label").fill("Acme, analyst")
    sheet.locator(f"#{WORKSHEET}--log-date").fill("2024-03-01")
    widget(sheet, WORKSHEET).get_by_role("button", name="Save to log").click()

    entry = app(log, LOG_APP).locator("ul.debrief-entries li[data-entry]")
    expect(entry).to_have_count(1)
    expect(entry.locator("strong")).to_have_text("Acme, analyst")
    expect(app_status(log, LOG_APP)).to_have_text("Updated from another tab.")
    entry_id = entry.get_attribute("data-entry")
    expect(app(log, LOG_APP).locator(
        f'td[data-criterion=closing][data-entry="{entry_id}"]')).to_have_text("5")

    # Deleting it in the log tab: the worksheet tab's answers stay, the log empties.
    use(log)
    entry.get_by_role("button", name="Delete").click()
    entry.get_by_role("button", name="Yes, delete it").click()
    expect(app(log, LOG_APP).locator(".debrief-app-root")).to_contain_text("No entries yet.")
    expect(radio(sheet, WORKSHEET, "closing", 5)).to_be_checked()
    assert page_errors == []
