"""Material's instant navigation swaps pages without reloading: the widgets must set up again on
each page it brings in, show what was saved, and keep saving."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .browser_support import *

NEXT_PAGE, NEXT_WIDGET = "after/refusal-or-silence/", "after-no-feedback"


def mark_document(page: Page) -> None:
    """Leave a mark on this document: a full reload would wipe it. First wait until the theme
    has fetched the sitemap: its instant navigation intercepts only links listed there, so a
    click before that (likely on a busy machine) would be a full load."""
    page.wait_for_function("() => performance.getEntriesByType('resource')"
                           ".some((e) => e.name.endsWith('/sitemap.xml') && e.responseEnd > 0)")
    page.evaluate("window.__marker = 1")


def assert_same_document(page: Page) -> None:
    assert page.evaluate("window.__marker") == 1, "the page was fully reloaded, not swapped"


def test_instant_navigation_away_and_back_keeps_state_and_saving(
    page: Page, site_url: str, page_errors: list
) -> None:
    open_page(page, site_url + CHECKLIST_PAGE)
    item_label(page, CHECKLIST, "thank-you-sent").click()
    expect(saved(page, CHECKLIST)).to_have_text(SAVED)
    mark_document(page)

    # A link in the navigation sidebar, clicked as a reader would.
    page.locator(f'.md-sidebar--primary a.md-nav__link[href$="{NEXT_PAGE.split("/")[1]}/"]'
                 ).first.click()
    page.wait_for_url(site_url + NEXT_PAGE)
    expect(widget(page, NEXT_WIDGET)).to_have_attribute("data-ready", "1")
    assert_same_document(page)
    expect(widget(page, CHECKLIST)).to_have_count(0)

    # The page brought in is live too: its checklist saves.
    first = widget(page, NEXT_WIDGET).locator("input[type=checkbox][data-item]").first
    first.check()
    expect(saved(page, NEXT_WIDGET)).to_have_text(SAVED)
    assert stored(page, NEXT_WIDGET)["items"] == {first.get_attribute("data-item"): True}

    page.go_back()
    page.wait_for_url(site_url + CHECKLIST_PAGE)
    expect(widget(page, CHECKLIST)).to_have_attribute("data-ready", "1")
    assert_same_document(page)
    expect_checked(page, CHECKLIST, {"thank-you-sent"}, CHECKLIST_ITEMS)
    expect(progress(page, CHECKLIST)).to_have_text("1 of 7 done.")

    item_label(page, CHECKLIST, "two-questions").click()
    expect(progress(page, CHECKLIST)).to_have_text("2 of 7 done.")
    expect(saved(page, CHECKLIST)).to_have_text(SAVED)
    assert stored(page, CHECKLIST)["items"] == {"thank-you-sent": True, "two-questions": True}
    assert page_errors == []


def away_and_back(page: Page, site_url: str, meanwhile=lambda: None) -> None:
    """To the next page and back by the footer links (instant navigation)."""
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(site_url + NEXT_PAGE)
    wait_ready(page)
    meanwhile()
    page.locator("a.md-footer__link--prev").click()
    page.wait_for_url(site_url + CHECKLIST_PAGE)
    expect(widget(page, CHECKLIST)).to_have_attribute("data-ready", "1")


def test_round_trip_by_footer_links_keeps_state(page: Page, site_url: str,
                                               page_errors: list) -> None:
    open_page(page, site_url + CHECKLIST_PAGE)
    box(page, CHECKLIST, "easy-format").check()
    mark_document(page)

    away_and_back(page, site_url)

    assert_same_document(page)
    expect_checked(page, CHECKLIST, {"easy-format"}, CHECKLIST_ITEMS)
    box(page, CHECKLIST, "notes-ready").check()
    expect(saved(page, CHECKLIST)).to_have_text(SAVED)
    assert stored(page, CHECKLIST)["items"] == {"easy-format": True, "notes-ready": True}
    assert page_errors == []


def test_state_changed_on_another_page_shows_on_return(page: Page, site_url: str) -> None:
    """Two visits of one page in one document: the second shows the answers saved in between,
    not a copy kept from the first."""
    open_page(page, site_url + CHECKLIST_PAGE)
    box(page, CHECKLIST, "thank-you-sent").check()
    mark_document(page)
    # Meanwhile another tab of the same site changes the answers.
    away_and_back(page, site_url,
                  meanwhile=lambda: put_state(page, CHECKLIST, {"items": {"right-person": True}}))
    assert_same_document(page)
    expect_checked(page, CHECKLIST, {"right-person"}, CHECKLIST_ITEMS)


def test_full_back_navigation_shows_what_is_saved(page: Page, site_url: str) -> None:
    """Back to a widget page by a full load (the reader had left the site, or followed a link
    instant navigation does not handle): the boxes show the saved answers, and agree with the
    progress line. The browser's own form-state restoration must not re-tick boxes that were
    cleared meanwhile, here from a second tab."""
    open_page(page, site_url + CHECKLIST_PAGE)
    item_label(page, CHECKLIST, "thank-you-sent").click()
    expect(saved(page, CHECKLIST)).to_have_text(SAVED)
    page.goto(site_url + "references/")  # a full load, as when following an outside link

    other_tab = page.context.new_page()
    open_page(other_tab, site_url + CHECKLIST_PAGE)
    expect(box(other_tab, CHECKLIST, "thank-you-sent")).to_be_checked()
    widget(other_tab, CHECKLIST).locator("[data-act=reset]").click()
    widget(other_tab, CHECKLIST).locator("[data-act=confirm]").click()
    expect(progress(other_tab, CHECKLIST)).to_have_text("0 of 7 done.")
    other_tab.close()

    page.go_back()
    page.wait_for_url(site_url + CHECKLIST_PAGE)
    wait_ready(page)
    expect(progress(page, CHECKLIST)).to_have_text("0 of 7 done.")
    expect_checked(page, CHECKLIST, set(), CHECKLIST_ITEMS)
