"""Storage that fails or holds something unexpected: the widgets keep working for the visit,
say that nothing is saved, and never throw."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Error, Page, expect

from .browser_support import *

THROW_ON_READ = "Storage.prototype.getItem = function () { throw new Error('storage blocked'); };"
THROW_ON_WRITE = "Storage.prototype.setItem = function () { throw new Error('storage blocked'); };"
# Chromium with site data blocked: touching `localStorage` at all throws. (An Error rather than
# the browser's DOMException, so that a page error's stack tells who touched it.)
NO_STORAGE = """Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { const e = new Error('The operation is insecure.'); e.name = 'SecurityError'; throw e; },
});"""
QUOTA_FULL = """Storage.prototype.setItem = function () {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};"""


def debrief_errors(errors: list[Error]) -> list[str]:
    """Uncaught errors other than Material's own.

    Material's inline palette script and its bundle read storage through `__md_get` without a
    try/catch, so blocked storage makes the theme throw; that is the theme's bug, not Debrief's.
    Anything else, and anything raised from debrief.js, counts.
    """
    return [f"{e.message}\n{e.stack}" for e in errors
            if "debrief" in (e.stack or "") or "__md_get" not in (e.stack or "")]


@pytest.mark.parametrize("blocked", [THROW_ON_READ + THROW_ON_WRITE, NO_STORAGE],
                         ids=["getItem-setItem-throw", "localStorage-throws"])
def test_blocked_storage_checklist_works_for_the_visit(page: Page, site_url: str,
                                                       page_errors: list, blocked: str) -> None:
    page.add_init_script(blocked)
    open_page(page, site_url + CHECKLIST_PAGE)
    notice = widget(page, CHECKLIST).locator(".debrief-notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("not letting the site store anything")

    item_label(page, CHECKLIST, "thank-you-sent").click()
    item_label(page, CHECKLIST, "notes-ready").click()

    expect(progress(page, CHECKLIST)).to_have_text("2 of 7 done.")
    expect(saved(page, CHECKLIST)).to_have_text(NOT_SAVED)
    expect_checked(page, CHECKLIST, {"thank-you-sent", "notes-ready"}, CHECKLIST_ITEMS)
    widget(page, CHECKLIST).locator("[data-act=reset]").click()
    widget(page, CHECKLIST).locator("[data-act=confirm]").click()
    expect(progress(page, CHECKLIST)).to_have_text("0 of 7 done.")
    assert debrief_errors(page_errors) == []


def test_blocked_storage_worksheet_works_for_the_visit(page: Page, site_url: str,
                                                       page_errors: list) -> None:
    page.add_init_script(THROW_ON_READ + THROW_ON_WRITE)
    open_page(page, site_url + WORKSHEET_PAGE)
    expect(widget(page, WORKSHEET).locator(".debrief-notice")).to_be_visible()
    rate(page, WORKSHEET, "communication", 3)
    rate(page, WORKSHEET, "examples", 5)
    notes(page, WORKSHEET).fill("Kept for this visit only")
    expect(progress(page, WORKSHEET)).to_have_text("2 of 7 rated, average 4.0 of 5.")
    expect(saved(page, WORKSHEET)).to_have_text(NOT_SAVED)
    expect(widget(page, WORKSHEET).locator(".debrief-notes-print")).to_have_text(
        "Kept for this visit only")
    assert debrief_errors(page_errors) == []


def test_blocked_storage_answers_last_across_instant_navigation(page: Page, site_url: str,
                                                                page_errors: list) -> None:
    page.add_init_script(THROW_ON_READ + THROW_ON_WRITE)
    open_page(page, site_url + CHECKLIST_PAGE)
    box(page, CHECKLIST, "right-person").check()
    page.evaluate("window.__marker = 1")
    page.locator("a.md-footer__link--next").click()
    wait_ready(page)
    expect(page.locator(".debrief-notice").first).to_be_visible()
    page.go_back()
    page.wait_for_url(site_url + CHECKLIST_PAGE)
    expect(widget(page, CHECKLIST)).to_have_attribute("data-ready", "1")
    assert page.evaluate("window.__marker") == 1, "the page was reloaded, not swapped"
    expect_checked(page, CHECKLIST, {"right-person"}, CHECKLIST_ITEMS)
    expect(progress(page, CHECKLIST)).to_have_text("1 of 7 done.")
    expect(widget(page, CHECKLIST).locator(".debrief-notice")).to_be_visible()
    assert debrief_errors(page_errors) == []


def test_full_storage_says_not_saved_and_keeps_the_visit_answers(
    page: Page, site_url: str, page_errors: list
) -> None:
    """Reading works but writing fails (storage full): answers saved on an earlier visit show,
    the change made now is kept for the visit, and the reader is told it is not saved for lack
    of room (not that the browser blocks storage)."""
    open_page(page, site_url + CHECKLIST_PAGE)
    put_state(page, CHECKLIST, {"items": {"thank-you-sent": True}})
    page.add_init_script(QUOTA_FULL)
    page.reload()
    wait_ready(page)
    expect_checked(page, CHECKLIST, {"thank-you-sent"}, CHECKLIST_ITEMS)
    expect(widget(page, CHECKLIST).locator(".debrief-notice")).to_be_hidden()

    item_label(page, CHECKLIST, "decision-received").click()
    expect(saved(page, CHECKLIST)).to_contain_text("Not saved: this browser has no room left")
    expect(widget(page, CHECKLIST).locator(".debrief-notice")).to_be_hidden()
    expect(progress(page, CHECKLIST)).to_have_text("2 of 7 done.")

    # Away and back by instant navigation: this visit's answers, not the stale saved ones.
    page.evaluate("window.__marker = 1")
    page.locator("a.md-footer__link--next").click()
    wait_ready(page)
    page.locator("a.md-footer__link--prev").click()
    page.wait_for_url(site_url + CHECKLIST_PAGE)
    expect(widget(page, CHECKLIST)).to_have_attribute("data-ready", "1")
    assert page.evaluate("window.__marker") == 1, "the page was reloaded, not swapped"
    expect_checked(page, CHECKLIST, {"thank-you-sent", "decision-received"}, CHECKLIST_ITEMS)
    expect(progress(page, CHECKLIST)).to_have_text("2 of 7 done.")
    assert debrief_errors(page_errors) == []


@pytest.mark.parametrize("raw", [
    "{not json",
    json.dumps({"v": 3, "widgets": {CHECKLIST: {"items": {"thank-you-sent": True}}}}),
    json.dumps({"items": {"thank-you-sent": True}}),
    "null",
    "42",
], ids=["broken-json", "other-version", "no-version", "null", "number"])
def test_unreadable_saved_answers_start_afresh(page: Page, site_url: str, page_errors: list,
                                               raw: str) -> None:
    """What the site cannot read is kept aside as it was (see test_keeping_answers) and the
    widgets start afresh."""
    open_page(page, site_url + CHECKLIST_PAGE)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [DOC_KEY, raw])
    page.reload()
    wait_ready(page)
    expect_checked(page, CHECKLIST, set(), CHECKLIST_ITEMS)
    expect(progress(page, CHECKLIST)).to_have_text("0 of 7 done.")
    expect(saved(page, CHECKLIST)).to_contain_text("kept aside")

    box(page, CHECKLIST, "right-person").check()
    expect(saved(page, CHECKLIST)).to_have_text(SAVED)
    data = stored(page, CHECKLIST)
    assert data["v"] == 2 and data["items"] == {"right-person": True}
    assert page.evaluate("(k) => localStorage.getItem(k)", RECOVERY_KEY) == raw
    assert page_errors == []


def test_saved_answers_for_unknown_items_are_ignored(page: Page, site_url: str,
                                                     page_errors: list) -> None:
    """An item removed from the page since the answers were saved does not count as done."""
    open_page(page, site_url + CHECKLIST_PAGE)
    put_state(page, CHECKLIST, {"items": {"gone-item": True, "right-person": True}})
    page.reload()
    wait_ready(page)
    expect_checked(page, CHECKLIST, {"right-person"}, CHECKLIST_ITEMS)
    expect(progress(page, CHECKLIST)).to_have_text("1 of 7 done.")
    assert page_errors == []
