"""Links to a widget: they land with the widget below the sticky header, and "Copy link" gives
the reader exactly such a link."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .browser_support import *

DEEP_LINKS = [(path, widget_id) for path, ids in WIDGET_PAGES.items() for widget_id in ids]


@pytest.mark.parametrize(("path", "widget_id"), DEEP_LINKS,
                         ids=[widget_id for _, widget_id in DEEP_LINKS])
def test_deep_link_lands_below_the_header(page: Page, site_url: str, path: str,
                                          widget_id: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    open_page(page, f"{site_url}{path}#{widget_id}")
    section = widget(page, widget_id)
    limit = header_bottom(page)
    top = top_of(section)
    assert top >= limit, f"the widget starts at {top}px, under the header ending at {limit}px"
    # And it is the widget the page scrolled to: at the top of what is visible, unless the page
    # ends before it could scroll that far.
    at_end = page.evaluate(
        "() => Math.ceil(window.scrollY + innerHeight) >= document.documentElement.scrollHeight")
    assert top <= limit + 40 or at_end, f"the widget is at {top}px, not near the top"
    expect(section.locator(".debrief-title")).to_be_in_viewport()


def test_copy_link_copies_the_widget_url(new_page, site_url: str) -> None:
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    # Arrive with some other fragment: the copied link must name the widget, not keep it.
    open_page(page, f"{site_url}{WORKSHEET_PAGE}#{WORKSHEET}--title")
    widget(page, WORKSHEET).get_by_role("button", name="Copy link").click()
    expect(saved(page, WORKSHEET)).to_have_text("Link copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{site_url}{WORKSHEET_PAGE}#{WORKSHEET}"

    # The copied link works: it opens the page scrolled to the widget.
    other = new_page()
    open_page(other, copied)
    assert top_of(widget(other, WORKSHEET)) >= header_bottom(other)
    expect(widget(other, WORKSHEET).locator(".debrief-title")).to_be_in_viewport()


def test_copy_link_after_instant_navigation_names_the_new_page(new_page, site_url: str) -> None:
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    open_page(page, site_url + "after/waiting/")  # the page before it in the navigation
    page.evaluate("window.__marker = 1")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(site_url + CHECKLIST_PAGE)
    expect(widget(page, CHECKLIST)).to_have_attribute("data-ready", "1")
    assert page.evaluate("window.__marker") == 1
    widget(page, CHECKLIST).get_by_role("button", name="Copy link").click()
    expect(saved(page, CHECKLIST)).to_have_text("Link copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{site_url}{CHECKLIST_PAGE}#{CHECKLIST}"


def test_copy_link_falls_back_to_showing_the_link(page: Page, site_url: str) -> None:
    """Where the clipboard refuses, the reader is shown the link to copy by hand."""
    page.add_init_script(
        "navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));")
    open_page(page, site_url + CHECKLIST_PAGE)
    widget(page, CHECKLIST).get_by_role("button", name="Copy link").click()
    expect(saved(page, CHECKLIST)).to_have_text(
        f"Copy this link: {site_url}{CHECKLIST_PAGE}#{CHECKLIST}")
