"""Everything a widget does can be done with the keyboard alone."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .browser_support import *


def start_at_title(page: Page, widget_id: str) -> None:
    """Put the focus on the widget title's permalink, the last stop before the controls."""
    page.locator(f"#{widget_id}--title a.headerlink").focus()


def test_checklist_with_tab_and_space(page: Page, site_url: str) -> None:
    open_page(page, site_url + CHECKLIST_PAGE)
    start_at_title(page, CHECKLIST)

    for done, item in enumerate(CHECKLIST_ITEMS, 1):
        page.keyboard.press("Tab")
        expect(box(page, CHECKLIST, item)).to_be_focused()
        page.keyboard.press("Space")
        expect(box(page, CHECKLIST, item)).to_be_checked()
        expect(progress(page, CHECKLIST)).to_have_text(f"{done} of 7 done.")

    # Space again unticks.
    page.keyboard.press("Space")
    expect(box(page, CHECKLIST, CHECKLIST_ITEMS[-1])).not_to_be_checked()
    page.keyboard.press("Space")

    # On to the tools: Copy link first, then Reset.
    page.keyboard.press("Tab")
    expect(widget(page, CHECKLIST).locator("[data-act=copy]")).to_be_focused()
    tab_to(page, widget(page, CHECKLIST).locator("[data-act=reset]"), widget(page, CHECKLIST))
    expect(saved(page, CHECKLIST)).to_have_text(SAVED)
    assert stored(page, CHECKLIST)["items"] == dict.fromkeys(CHECKLIST_ITEMS, True)


# Ratings to give with the arrow keys, from "Not rated" (0).
RATINGS = {"communication": 4, "content-knowledge": 2, "interpersonal": 5, "preparation": 1,
           "examples": 3, "questions-asked": 3, "closing": 2}


def test_worksheet_with_tab_and_arrows_then_reset_with_enter(page: Page, site_url: str) -> None:
    open_page(page, site_url + WORKSHEET_PAGE)
    start_at_title(page, WORKSHEET)

    for number, criterion in enumerate(CRITERIA):
        page.keyboard.press("Tab")
        # Tab enters a radio group on its chosen radio: "Not rated".
        expect(radio(page, WORKSHEET, criterion, 0)).to_be_focused()
        keys = ["ArrowRight", "ArrowDown"]
        for step in range(RATINGS[criterion]):
            page.keyboard.press(keys[(number + step) % 2])
        expect(radio(page, WORKSHEET, criterion, RATINGS[criterion])).to_be_checked()
        expect(radio(page, WORKSHEET, criterion, RATINGS[criterion])).to_be_focused()
        expect(progress(page, WORKSHEET)).to_contain_text(f"{number + 1} of 7 rated")
        page.keyboard.press("Tab")  # past the group's "How to improve" link
        expect(widget(page, WORKSHEET).locator(
            f'fieldset[data-item="{criterion}"] .debrief-guide a')).to_be_focused()

    # Arrows go back down too: Left from 2 is 1, Up from 1 is "Not rated".
    page.keyboard.press("Shift+Tab")
    expect(radio(page, WORKSHEET, "closing", 2)).to_be_focused()
    page.keyboard.press("ArrowLeft")
    expect(radio(page, WORKSHEET, "closing", 1)).to_be_checked()
    page.keyboard.press("ArrowUp")
    expect(radio(page, WORKSHEET, "closing", 0)).to_be_checked()
    expect(progress(page, WORKSHEET)).to_have_text("6 of 7 rated, average 3.0 of 5.")

    page.keyboard.press("Tab")  # the guide link of the last criterion
    tab_to(page, notes(page, WORKSHEET), widget(page, WORKSHEET))
    page.keyboard.type("Rambled on the first question.")
    page.keyboard.press("Enter")
    page.keyboard.type("Good close.")

    data = stored(page, WORKSHEET)
    expected = {k: v for k, v in RATINGS.items() if k != "closing"}
    assert data["ratings"] == expected
    assert data["notes"] == "Rambled on the first question.\nGood close."
    assert data["v"] == 2

    # The two weakest criteria's links are on the way to the tools.
    weakest = widget(page, WORKSHEET).locator(".debrief-weakest").get_by_role("link")
    expect(weakest).to_have_count(2)
    tab_to(page, weakest.nth(0), widget(page, WORKSHEET))
    page.keyboard.press("Tab")
    expect(weakest.nth(1)).to_be_focused()

    # Reset: Enter on Reset, the focus moves to "Yes, clear it", Enter clears, focus returns.
    reset = widget(page, WORKSHEET).locator("[data-act=reset]")
    # Past the log form (its date is three stops) and Copy link, Copy share link, Print.
    tab_to(page, reset, widget(page, WORKSHEET), limit=12)
    page.keyboard.press("Enter")
    confirm = widget(page, WORKSHEET).locator("[data-act=confirm]")
    expect(confirm).to_be_visible()
    expect(confirm).to_be_focused()
    expect(confirm).to_have_text("Yes, clear it")
    page.keyboard.press("Enter")

    expect(reset).to_be_focused()
    expect(widget(page, WORKSHEET).locator(".debrief-confirm")).to_be_hidden()
    expect(progress(page, WORKSHEET)).to_have_text("0 of 7 rated.")
    expect(saved(page, WORKSHEET)).to_have_text("Cleared.")
    expect(notes(page, WORKSHEET)).to_have_value("")
    for criterion in CRITERIA:
        expect(radio(page, WORKSHEET, criterion, 0)).to_be_checked()
    data = stored(page, WORKSHEET)
    assert not data.get("ratings") and not data.get("notes") and data["v"] == 2


def test_cancel_with_keyboard_keeps_answers(page: Page, site_url: str) -> None:
    open_page(page, site_url + CHECKLIST_PAGE)
    box(page, CHECKLIST, "right-person").check()
    reset = widget(page, CHECKLIST).locator("[data-act=reset]")
    reset.focus()
    page.keyboard.press("Enter")
    expect(widget(page, CHECKLIST).locator("[data-act=confirm]")).to_be_focused()
    page.keyboard.press("Tab")
    cancel = widget(page, CHECKLIST).locator("[data-act=cancel]")
    expect(cancel).to_be_focused()
    page.keyboard.press("Space")
    expect(reset).to_be_focused()
    expect(widget(page, CHECKLIST).locator(".debrief-confirm")).to_be_hidden()
    expect(box(page, CHECKLIST, "right-person")).to_be_checked()
    assert stored(page, CHECKLIST)["items"] == {"right-person": True}
