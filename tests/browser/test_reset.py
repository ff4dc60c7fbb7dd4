"""Reset asks first: Cancel keeps every answer, "Yes, clear it" clears them and their storage."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .browser_support import *


def test_checklist_cancel_keeps_and_confirm_clears(page: Page, site_url: str) -> None:
    open_page(page, site_url + CHECKLIST_PAGE)
    tools = widget(page, CHECKLIST)
    box(page, CHECKLIST, "thank-you-sent").check()
    box(page, CHECKLIST, "listen-mindset").check()
    before = stored(page, CHECKLIST)

    tools.get_by_role("button", name="Reset").click()
    bar = tools.locator(".debrief-confirm")
    expect(bar).to_be_visible()
    expect(bar).to_contain_text("Untick every item in this checklist?")
    tools.get_by_role("button", name="Cancel").click()

    expect(bar).to_be_hidden()
    expect(tools.locator("[data-act=reset]")).to_be_focused()
    expect_checked(page, CHECKLIST, {"thank-you-sent", "listen-mindset"}, CHECKLIST_ITEMS)
    expect(progress(page, CHECKLIST)).to_have_text("2 of 7 done.")
    assert stored(page, CHECKLIST) == before

    tools.get_by_role("button", name="Reset").click()
    tools.get_by_role("button", name="Yes, clear it").click()

    expect(bar).to_be_hidden()
    expect_checked(page, CHECKLIST, set(), CHECKLIST_ITEMS)
    expect(progress(page, CHECKLIST)).to_have_text("0 of 7 done.")
    expect(saved(page, CHECKLIST)).to_have_text("Cleared.")
    data = stored(page, CHECKLIST)
    assert data["v"] == 2 and not data.get("items")

    page.reload()
    wait_ready(page)
    expect_checked(page, CHECKLIST, set(), CHECKLIST_ITEMS)

    # Still works after a reset.
    box(page, CHECKLIST, "two-questions").check()
    expect(saved(page, CHECKLIST)).to_have_text(SAVED)
    assert stored(page, CHECKLIST)["items"] == {"two-questions": True}


def test_worksheet_cancel_keeps_and_confirm_clears_ratings_and_notes(page: Page,
                                                                     site_url: str) -> None:
    open_page(page, site_url + WORKSHEET_PAGE)
    sheet = widget(page, WORKSHEET)
    rate(page, WORKSHEET, "communication", 2)
    rate(page, WORKSHEET, "closing", 5)
    notes(page, WORKSHEET).fill("Too long on the first answer")
    expect(sheet.locator(".debrief-weakest")).to_be_visible()

    sheet.get_by_role("button", name="Reset").click()
    expect(sheet.locator(".debrief-confirm")).to_contain_text(
        "Clear every rating and the notes in this worksheet?")
    sheet.get_by_role("button", name="Cancel").click()
    expect(radio(page, WORKSHEET, "communication", 2)).to_be_checked()
    expect(notes(page, WORKSHEET)).to_have_value("Too long on the first answer")
    assert stored(page, WORKSHEET)["ratings"] == {"communication": 2, "closing": 5}

    sheet.get_by_role("button", name="Reset").click()
    sheet.get_by_role("button", name="Yes, clear it").click()

    for criterion in CRITERIA:
        expect(radio(page, WORKSHEET, criterion, 0)).to_be_checked()
    expect(notes(page, WORKSHEET)).to_have_value("")
    expect(sheet.locator(".debrief-notes-print")).to_have_text("")
    expect(sheet.locator(".debrief-weakest")).to_be_hidden()
    expect(progress(page, WORKSHEET)).to_have_text("0 of 7 rated.")
    expect(saved(page, WORKSHEET)).to_have_text("Cleared.")
    data = stored(page, WORKSHEET)
    assert data["v"] == 2 and not data.get("ratings") and not data.get("notes")

    page.reload()
    wait_ready(page)
    expect(notes(page, WORKSHEET)).to_have_value("")
    expect(radio(page, WORKSHEET, "closing", 0)).to_be_checked()
