"""The focused control is never hidden under Material's sticky header (WCAG 2.4.11)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .browser_support import *

FOCUSED = """(root) => {
  const e = document.activeElement;
  const box = e.getBoundingClientRect();
  return {inside: root.contains(e), top: box.top, bottom: box.bottom,
          text: e.matches('textarea'), what: e.outerHTML.slice(0, 120)};
}"""


def tab_through(page: Page, widget_id: str, key: str) -> list[dict]:
    """Press `key` until the focus leaves the widget; where each focused control was."""
    root = page.locator(f"#{widget_id}")
    seen = []
    for _ in range(60):
        page.keyboard.press(key)
        where = root.evaluate(FOCUSED)
        if not where["inside"]:
            return seen
        seen.append(where)
    raise AssertionError("the focus never left the widget")


@pytest.mark.parametrize(("path", "widget_id"), [(CHECKLIST_PAGE, CHECKLIST),
                                                 (WORKSHEET_PAGE, WORKSHEET)])
def test_focus_stays_below_the_sticky_header(page: Page, site_url: str, path: str,
                                             widget_id: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 600})
    open_page(page, site_url + path)
    if widget_id == WORKSHEET:  # so the weakest list's links are tab stops too
        rate(page, widget_id, "communication", 2)
        rate(page, widget_id, "closing", 4)
    limit = header_bottom(page)
    assert limit > 0, "the header is not at the top of the viewport"

    page.locator(f"#{widget_id}--title a.headerlink").focus()
    forward = tab_through(page, widget_id, "Tab")
    # Backwards, each control comes in from above: the header's side.
    page.keyboard.press("Shift+Tab")
    backward = tab_through(page, widget_id, "Shift+Tab")

    assert len(forward) >= 8 and len(backward) >= 8
    hidden = [w for w in forward + backward if w["top"] < limit]
    assert not hidden, f"focused controls under the header (bottom {limit}px): " + "\n".join(
        f"top {w['top']:.0f}px: {w['what']}" for w in hidden)
    # Below the fold: a control is scrolled wholly into view; the notes' textarea is not (for
    # a text field, Chromium brings its caret into view: the first line) and may end below
    # the fold, on the stacked layout too, depending on where the page happened to scroll.
    page_height = page.viewport_size["height"]
    below = [w for w in forward + backward
             if (w["top"] + 40 if w["text"] else w["bottom"]) > page_height]
    assert not below, "focus below the fold: " + "\n".join(w["what"] for w in below)
