"""Nothing leaves the reader's machine for another origin: not on load, not on instant
navigation, not while searching, not while using the widgets."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Request, expect

from debrief.collect import assets_version

from .browser_support import *


def test_every_request_stays_on_the_site_origin(page: Page, site_url: str) -> None:
    origin = site_url.rstrip("/")
    requests: list[str] = []

    def record(request: Request) -> None:
        requests.append(request.url)

    # On the context, so requests of workers (Material's search) are seen too.
    page.context.on("request", record)

    open_page(page, site_url)
    open_page(page, site_url + WORKSHEET_PAGE)
    rate(page, "learn-self-rating", "communication", 3)
    page.goto(site_url + "references/")  # the page that cites outside sources

    # Instant navigation, by the sidebar and the footer.
    page.evaluate("window.__marker = 1")
    page.locator(f'.md-sidebar--primary a.md-nav__link[href$="{CHECKLIST_PAGE}"]').first.click()
    page.wait_for_url(site_url + CHECKLIST_PAGE)
    expect(widget(page, CHECKLIST)).to_have_attribute("data-ready", "1")
    widget(page, CHECKLIST).locator("input[type=checkbox]").first.check()
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(site_url + "after/refusal-or-silence/")
    assert page.evaluate("window.__marker") == 1, "instant navigation did not happen"

    # Search: the index is fetched and queried in a worker. Material closes the search 125ms
    # after every change of location, so let that pass first, as any reader's would.
    wait_ready(page)
    page.wait_for_timeout(250)
    page.locator("input.md-search__input").click()
    page.keyboard.type("feedback")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state()

    assert any(url.endswith("search/search_index.json") for url in requests), (
        "the search index was never fetched: the search was not exercised")
    assert len(requests) > 10
    elsewhere = [url for url in requests if not (
        url == origin or url.startswith(origin + "/") or url.startswith(("data:", "blob:")))]
    assert elsewhere == [], "requests left the site's origin:\n" + "\n".join(elsewhere)


@pytest.mark.parametrize("path", [WORKSHEET_PAGE, PROGRESS_PAGE])
def test_each_script_and_style_sheet_is_fetched_once_at_its_versioned_address(
        page: Page, site_url: str, path: str) -> None:
    """The preload links name the addresses the modules import each other at (else the browser
    fetches a module twice), and every one carries the assets' version, so after an upgrade no
    cache hands the page an old module (see tests/build/test_asset_versions.py)."""
    version = assets_version()
    fetched: list[str] = []

    def record(request: Request) -> None:
        address = urlsplit(request.url)
        if "/assets/debrief/" in address.path and address.path.endswith((".js", ".css")):
            fetched.append(request.url)

    page.on("request", record)
    if path == PROGRESS_PAGE:
        open_app(page, site_url + path)
        # Everything the page has is loaded, the summary's module included.
        expect(app(page, PROGRESS_APP).locator(".debrief-picks")).to_be_attached()
    else:
        open_page(page, site_url + path)
    names = [urlsplit(url).path.split("/assets/debrief/", 1)[1] for url in fetched]
    assert "debrief.js" in names and "store/keeper.js" in names, fetched
    assert len(names) == len(set(names)), "fetched more than once:\n" + "\n".join(sorted(fetched))
    assert all(urlsplit(url).query == f"v={version}" for url in fetched), fetched
    preloaded = page.locator('link[rel="modulepreload"]').evaluate_all(
        "(links) => links.map((link) => link.href)")
    assert preloaded and set(preloaded) <= set(fetched), (preloaded, fetched)
