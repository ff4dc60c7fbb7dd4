"""Two widgets on one page keep their answers apart: separate keys, separate summaries, and a
reset of one leaves the other alone."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .browser_support import *

PAGE, FIRST, SECOND = "prepare/interview-day/", "prepare-day-before", "prepare-on-the-day"


def boxes(page: Page, widget_id: str):
    return widget(page, widget_id).locator("input[type=checkbox][data-item]")


def test_two_checklists_on_one_page_keep_separate_storage(page: Page, site_url: str) -> None:
    open_page(page, site_url + PAGE)
    first_total, second_total = boxes(page, FIRST).count(), boxes(page, SECOND).count()
    first_ids = set(boxes(page, FIRST).evaluate_all("(l) => l.map((b) => b.dataset.item)"))
    assert first_total >= 2 and second_total >= 2

    boxes(page, FIRST).nth(0).check()
    boxes(page, FIRST).nth(1).check()
    expect(progress(page, FIRST)).to_have_text(f"2 of {first_total} done.")
    expect(progress(page, SECOND)).to_have_text(f"0 of {second_total} done.")
    expect(saved(page, FIRST)).to_have_text(SAVED)
    expect(saved(page, SECOND)).to_have_text("")
    assert stored_widgets(page) == [FIRST]

    boxes(page, SECOND).nth(0).check()
    expect(progress(page, SECOND)).to_have_text(f"1 of {second_total} done.")
    expect(progress(page, FIRST)).to_have_text(f"2 of {first_total} done.")
    assert stored_widgets(page) == sorted([FIRST, SECOND])
    second_item = boxes(page, SECOND).nth(0).get_attribute("data-item")
    assert stored(page, SECOND)["items"] == {second_item: True}
    assert set(stored(page, FIRST)["items"]) <= first_ids
    assert len(stored(page, FIRST)["items"]) == 2

    # Reset one: the other keeps its ticks, on screen and in storage.
    widget(page, FIRST).locator("[data-act=reset]").click()
    widget(page, FIRST).locator("[data-act=confirm]").click()
    expect(progress(page, FIRST)).to_have_text(f"0 of {first_total} done.")
    expect(progress(page, SECOND)).to_have_text(f"1 of {second_total} done.")
    expect(widget(page, SECOND).locator(".debrief-confirm")).to_be_hidden()
    assert stored(page, SECOND)["items"] == {second_item: True}

    page.reload()
    wait_ready(page)
    expect(boxes(page, SECOND).nth(0)).to_be_checked()
    expect(boxes(page, FIRST).nth(0)).not_to_be_checked()


def test_worksheet_and_checklist_on_one_page(page: Page, site_url: str) -> None:
    open_page(page, site_url + "employers/structured-interviews/")
    sheet, checklist = "employers-interview-scorecard", "employers-structured-interview"
    groups = widget(page, sheet).locator("fieldset[data-item]")
    criterion = groups.first.get_attribute("data-item")
    groups.first.locator("input[value='3']").check()
    boxes(page, checklist).first.check()
    # The scorecard keeps its ratings for the tab only (keep: session); the checklist on the
    # device: each in its own storage, neither in the other's.
    assert stored_widgets(page) == [checklist]
    in_tab = page.evaluate("(k) => JSON.parse(sessionStorage.getItem(k))", DOC_KEY)
    assert list(in_tab["widgets"]) == [sheet]
    assert in_tab["widgets"][sheet]["ratings"] == {criterion: 3}
    assert "ratings" not in stored(page, checklist) or stored(page, checklist)["ratings"] == {}
    # The reset bar of one widget moves the focus within that widget only.
    widget(page, checklist).locator("[data-act=reset]").click()
    expect(widget(page, checklist).locator("[data-act=confirm]")).to_be_focused()
    expect(widget(page, sheet).locator(".debrief-confirm")).to_be_hidden()
