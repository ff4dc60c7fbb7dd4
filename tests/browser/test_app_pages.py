"""My progress and the feedback log arrive drawn by the build (debrief/app_pages.py): the script
fills in the reader's answers without moving anything, draws the very same markup itself when a
builder ran no plugin, and the lists are there to read without a script."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from .browser_support import *

# The app's content as markup, with every link as the URL it resolves to (the build writes
# relative links, the script absolute ones) and without the script's own tools.
CONTENT = """(app) => {
  const root = app.querySelector('.debrief-app-root').cloneNode(true);
  root.querySelector('.debrief-app-tools')?.replaceChildren();
  const live = app.querySelectorAll('.debrief-app-root a');
  root.querySelectorAll('a').forEach((a, n) => a.setAttribute('href', live[n].href));
  root.querySelectorAll('progress').forEach((p) => p.setAttribute('value', p.value));
  return root.innerHTML;
}"""

# The script draws again after the build's markup is taken away, as on a builder without plugins.
# The module is imported at the address (with the assets' `?v=`) the page's own modules use, so
# this is the same module, not a second copy of it.
REDRAW_WITHOUT_BUILD = """async (app) => {
  const root = app.querySelector('.debrief-app-root');
  root.replaceChildren();
  const script = document.querySelector('script[src*="assets/debrief/debrief.js"]');
  const version = new URL(script.src).search;
  const { redraw } = await import(new URL(`pages/frame.js${version}`, script.src).href);
  redraw();
}"""

# Every layout shift of the page so far (no input came first, so Lighthouse counts them all),
# each with the elements that moved, to say what moved when a test fails.
SHIFTS = """() => new Promise((done) => {
  const moved = (s) => [(s.node?.outerHTML || '?').slice(0, 60), s.previousRect.y, s.currentRect.y];
  const entries = (list) => list.getEntries().map((e) => [e.value, e.sources.map(moved)]);
  new PerformanceObserver((list) => done(entries(list)))
    .observe({ type: 'layout-shift', buffered: true });
  setTimeout(() => done([]), 500);
})"""

ANSWERS = make_doc(
    {CHECKLIST: {"items": {"thank-you-sent": True}},
     WORKSHEET: {"ratings": {"communication": 2, "closing": 4}}},
    [make_entry("a1", "2026-10-01", {"communication": 2, "closing": 4}),
     make_entry("a2", "2026-10-20", {"communication": 3, "closing": 2})])


def built_markup(new_page: Callable[..., Page], url: str, app_id: str) -> str:
    """The app's content as the build wrote it: a page whose script never runs."""
    page = new_page(java_script_enabled=False)
    page.goto(url)
    return app(page, app_id).evaluate(CONTENT)


@pytest.mark.parametrize(("path", "app_id"), [(PROGRESS_PAGE, PROGRESS_APP),
                                              (LOG_PAGE, LOG_APP)])
def test_with_nothing_saved_the_script_leaves_the_built_markup_as_it_is(
        new_page: Callable[..., Page], page: Page, site_url: str, path: str, app_id: str) -> None:
    built = built_markup(new_page, site_url + path, app_id)
    assert 'data-widget="' in built or "<strong>" in built  # the list, or the log's first words
    open_app(page, site_url + path)
    assert app(page, app_id).evaluate(CONTENT) == built


@pytest.mark.parametrize(("path", "app_id"), [(PROGRESS_PAGE, PROGRESS_APP),
                                              (LOG_PAGE, LOG_APP)])
def test_without_the_build_markup_the_script_draws_the_same(
        new_page: Callable[..., Page], site_url: str, path: str, app_id: str) -> None:
    page = returning_reader(new_page, site_url, ANSWERS)
    open_app(page, site_url + path)
    section = app(page, app_id)
    filled_in = section.evaluate(CONTENT)
    section.evaluate(REDRAW_WITHOUT_BUILD)
    assert section.evaluate(CONTENT) == filled_in


def test_answers_are_filled_into_the_built_list(
        new_page: Callable[..., Page], site_url: str) -> None:
    page = returning_reader(new_page, site_url, ANSWERS)
    open_app(page, site_url + PROGRESS_PAGE)
    row = app(page, PROGRESS_APP).locator(f'li[data-widget="{CHECKLIST}"]')
    assert row.locator(".debrief-badge").inner_text() == "In progress"
    assert row.locator("progress").evaluate("(p) => p.value") == 1
    rated = app(page, PROGRESS_APP).locator(f'li[data-widget="{WORKSHEET}"] .debrief-badge')
    assert rated.inner_text() == "In progress"


@pytest.mark.parametrize(("path", "stored"), [
    (PROGRESS_PAGE, {}), (PROGRESS_PAGE, {DOC_KEY: ANSWERS}), (LOG_PAGE, {})])
def test_the_page_does_not_move_while_the_script_draws(
        new_page: Callable[..., Page], site_url: str, path: str, stored: dict[str, Any]) -> None:
    page = new_page(storage_state=with_storage(site_url, stored))
    page.set_viewport_size({"width": 1350, "height": 940})  # Lighthouse's desktop screen
    page.goto(site_url + path)
    wait_app(page)
    page.wait_for_timeout(300)  # the coach's and data sections, and fonts, settle
    shifts = page.evaluate(SHIFTS)
    # Every frame counts, the first included: a short page once pulled Material's footer up into
    # view when the theme's script sized the sidebars (pages/app.css keeps such a page a screen
    # tall).
    assert sum(value for value, _ in shifts) < 0.02, shifts


def test_the_progress_list_is_there_to_read_without_a_script(new_page: Callable[..., Page],
                                                             site_url: str) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(site_url + PROGRESS_PAGE)
    row = app(page, PROGRESS_APP).locator(f'li[data-widget="{CHECKLIST}"]')
    assert row.locator(".debrief-badge").inner_text() == "Not started"
    assert row.get_by_role("link").get_attribute("href").endswith(f"#{CHECKLIST}")
    expect(app(page, PROGRESS_APP).locator("p.debrief-noscript")).to_be_visible()
