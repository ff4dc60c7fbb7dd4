"""Checklists: ticking updates the progress, is saved on the device and survives a reload."""

from __future__ import annotations

from datetime import datetime

from playwright.sync_api import Page, expect

from .browser_support import *


def test_script_replaces_the_static_progress_and_shows_the_tools(page: Page, site_url: str,
                                                                 page_errors: list) -> None:
    open_page(page, site_url + CHECKLIST_PAGE)
    expect(progress(page, CHECKLIST)).to_have_text("0 of 7 done.")
    expect(saved(page, CHECKLIST)).to_have_text("")
    expect(widget(page, CHECKLIST).locator(".debrief-tools")).to_be_visible()
    expect(widget(page, CHECKLIST).locator(".debrief-confirm")).to_be_hidden()
    expect(widget(page, CHECKLIST).locator(".debrief-notice")).to_be_hidden()
    assert stored(page, CHECKLIST) is None, "nothing is saved before the reader acts"
    assert page_errors == []


def test_tick_is_saved_and_survives_a_reload(page: Page, site_url: str,
                                             page_errors: list) -> None:
    open_page(page, site_url + CHECKLIST_PAGE)

    item_label(page, CHECKLIST, "right-person").click()

    expect(box(page, CHECKLIST, "right-person")).to_be_checked()
    expect(progress(page, CHECKLIST)).to_have_text("1 of 7 done.")
    expect(saved(page, CHECKLIST)).to_have_text(SAVED)
    expect(widget(page, CHECKLIST).get_by_role("status")).to_have_text(f"1 of 7 done. {SAVED}")
    data = stored(page, CHECKLIST)
    assert data is not None
    assert data["v"] == 2
    assert data["items"] == {"right-person": True}
    assert datetime.fromisoformat(data["t"].replace("Z", "+00:00")).year >= 2024

    page.reload()
    open_page(page, page.url)
    expect_checked(page, CHECKLIST, {"right-person"}, CHECKLIST_ITEMS)
    expect(progress(page, CHECKLIST)).to_have_text("1 of 7 done.")
    expect(saved(page, CHECKLIST)).to_have_text("")
    assert page_errors == []


def test_unticking_removes_the_item_from_storage(page: Page, site_url: str) -> None:
    open_page(page, site_url + CHECKLIST_PAGE)
    box(page, CHECKLIST, "thank-you-sent").check()
    box(page, CHECKLIST, "listen-mindset").check()
    expect(progress(page, CHECKLIST)).to_have_text("2 of 7 done.")

    box(page, CHECKLIST, "thank-you-sent").uncheck()

    expect(progress(page, CHECKLIST)).to_have_text("1 of 7 done.")
    assert stored(page, CHECKLIST)["items"] == {"listen-mindset": True}
    page.reload()
    open_page(page, page.url)
    expect_checked(page, CHECKLIST, {"listen-mindset"}, CHECKLIST_ITEMS)


def test_every_item_ticked_reads_all_done(page: Page, site_url: str) -> None:
    open_page(page, site_url + CHECKLIST_PAGE)
    for item in CHECKLIST_ITEMS:
        item_label(page, CHECKLIST, item).click()
    expect(progress(page, CHECKLIST)).to_have_text("7 of 7 done.")
    assert stored(page, CHECKLIST)["items"] == dict.fromkeys(CHECKLIST_ITEMS, True)


def test_home_page_checklist_saves_too(page: Page, site_url: str) -> None:
    open_page(page, site_url)
    home = widget(page, "home-start")
    total = home.locator("input[type=checkbox][data-item]").count()
    assert total >= 2
    first = home.locator("input[type=checkbox][data-item]").first
    first.check()
    expect(progress(page, "home-start")).to_have_text(f"1 of {total} done.")
    assert stored(page, "home-start")["items"] == {first.get_attribute("data-item"): True}
