"""The same reader's journey on the handbook as MkDocs, ProperDocs and Zensical build it, and on
a site that only lists the plugin: tick, reload, still ticked; the progress page lists it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Browser, expect

from debrief.collect import assets_version

# Where each output has a checklist, and its progress page.
JOURNEYS = {
    "mkdocs": ("after/asking-for-feedback/", "after-ask-ready", "progress/"),
    "properdocs": ("after/asking-for-feedback/", "after-ask-ready", "progress/"),
    "zensical": ("after/asking-for-feedback/", "after-ask-ready", "progress/"),
    "plugin-site": ("", "session-prep", "progress/"),
}


def test_ticks_last_and_reach_the_progress_page(built: tuple[str, Path, str],
                                                browser: Browser) -> None:
    builder, site, url = built
    page_path, widget_id, progress_path = JOURNEYS[builder]
    manifest = json.loads((site / "assets" / "debrief" / "manifest.json").read_text())
    entry = next(w for w in manifest["widgets"] if w["id"] == widget_id)
    first = entry["items"][0]["id"]

    context = browser.new_context()
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url + page_path)
    box = page.locator(f'section.debrief#{widget_id} input[type=checkbox][data-item="{first}"]')
    expect(page.locator(f"section.debrief#{widget_id}")).to_have_attribute("data-ready", "1")
    box.check()
    page.reload()
    expect(page.locator(f"section.debrief#{widget_id}")).to_have_attribute("data-ready", "1")
    expect(box).to_be_checked()

    page.goto(url + progress_path)
    row = page.locator(f"li[data-widget={widget_id}]")
    expect(row).to_contain_text(f"1 of {len(entry['items'])}")
    # The page's styles at the assets' version: linked by the build, or by the script where the
    # builder runs no plugin (Zensical), from the version its modules were imported at.
    expect(page.locator("link[data-debrief-styles]")).to_have_attribute(
        "href", re.compile(rf"pages/app\.css\?v={assets_version()}$"))
    context.close()
    assert not errors, errors


NO_STORAGE = """Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { const e = new Error('The operation is insecure.'); e.name = 'SecurityError'; throw e; },
});"""


def test_no_uncaught_error_when_the_browser_blocks_storage(built: tuple[str, Path, str],
                                                           browser: Browser) -> None:
    """The theme's inline scripts read storage too: the handbook's override keeps them quiet."""
    builder, _, url = built
    page_path, _, progress_path = JOURNEYS[builder]
    context = browser.new_context()
    context.set_default_timeout(10_000)
    context.add_init_script(NO_STORAGE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{error.message}\n{error.stack}"))
    for path in (page_path, progress_path):
        page.goto(url + path)
        ready = "section.debrief[data-ready='1'], section[data-debrief-app][data-ready-ms]"
        expect(page.locator(ready).first).to_be_attached()
    context.close()
    if builder != "plugin-site":  # a plugin site keeps the theme as it is
        assert not errors, errors


def test_the_search_dialog_has_a_name(built: tuple[str, Path, str]) -> None:
    builder, site, _ = built
    html = (site / "index.html").read_text()
    if builder in ("mkdocs", "properdocs"):
        assert '<div class="md-search" data-md-component="search" role="dialog" ' \
               'aria-label="Search">' in html
