"""A site built with Material's offline plugin, opened from its files (file://) as staff open a
handbook shipped to them as a zip: the widgets run from the classic script (browsers run no ES
module from file://), ticks and ratings are kept across reloads and reach the progress page and
the feedback log, export and import work, a kind of widget from outside the package works too,
and no request leaves file://. A site built with modules and opened from files says it cannot
work there."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from debrief.assets.bundle import BUNDLE
from tests.conftest import ROOT, mkdocs_build, write_site

from .browser_support import *
from .conftest import serve_folder

PAGES = {
    "index.md": "# Home\n\n/// checklist | Before the call\n    id: alpha\n\n"
                "- [ ] Send a thank-you note {#a1}\n- [ ] Ask for feedback {#a2}\n///\n",
    "rate.md": "# Rate\n\n/// worksheet | Rate the interview\n    id: beta\n    criteria:\n"
               "      - id: b1\n        label: Communication\n"
               "      - id: b2\n        label: Examples\n///\n",
    "progress.md": "# Progress\n\n/// progress | My progress\n///\n",
    "log.md": "# Log\n\n/// feedback-log | Feedback log\n///\n",
}
# Material's offline plugin adds a search polyfill from unpkg.com unless the site lists its own
# copy; a site meant to be read without a network does (see README, "Shipping the site as files").
SHIM = "assets/iframe-worker-shim.js"
# Instant navigation, as the handbook has it: Material turns it off on file://, and its
# document$ then ends without announcing the page.
CONFIG = ("site_url: https://offline.example.net/\nplugins:\n  - search\n  - offline\n"
          f"  - debrief\nextra:\n  polyfills:\n    - {SHIM}\n")
INSTANT = "  features: [navigation.instant]\n"


def build(project: Path) -> Path:
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("offline")
    write_site(project, PAGES, CONFIG)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  font: false\n", "  font: false\n" + INSTANT))
    (project / "docs" / SHIM).parent.mkdir(parents=True)
    (project / "docs" / SHIM).write_text("// a stand-in for iframe-worker's shim\n")
    return build(project)


@pytest.fixture
def reader(page: Page) -> Iterator[Page]:
    """A page that records every request it makes; at the end of the test, none went anywhere
    but file:// (and one that tried is stopped, so nothing leaves the machine either way)."""
    elsewhere: list[str] = []
    errors = script_errors(page)
    page.on("request", lambda request: None if request.url.startswith("file://")
            else elsewhere.append(request.url))
    page.route("http*://**", lambda route: route.abort())
    yield page
    assert elsewhere == []
    assert errors == []


def file_url(site: Path, name: str) -> str:
    return (site / name).as_uri()


def test_the_pages_load_one_classic_script_and_no_module(site: Path) -> None:
    html = (site / "index.html").read_text()
    assert "navigation.instant" in html
    assert f'<script src="assets/debrief/{BUNDLE}" defer></script>' in html
    assert 'type="module"' not in html and "modulepreload" not in html
    assert not (site / "assets" / "debrief" / "debrief.js").exists()


def test_a_tick_survives_a_reload(reader: Page, site: Path) -> None:
    open_page(reader, file_url(site, "index.html"))
    item_label(reader, "alpha", "a1").click()
    expect(saved(reader, "alpha")).not_to_be_empty()
    reader.reload()
    wait_ready(reader)
    expect(box(reader, "alpha", "a1")).to_be_checked()
    expect(box(reader, "alpha", "a2")).not_to_be_checked()


def test_a_rating_shows_on_the_progress_page(reader: Page, site: Path) -> None:
    open_page(reader, file_url(site, "rate.html"))
    rate(reader, "beta", "b1", 3)
    expect(radio(reader, "beta", "b1", 3)).to_be_checked()
    open_app(reader, file_url(site, "progress.html"))
    row = app(reader, "debrief-progress").locator('li[data-widget="beta"]')
    expect(row.locator("progress")).to_have_attribute("value", "1")
    expect(row).to_contain_text("1 of 2")
    # Exported, deleted and imported back, all from the file.
    name, content = download(reader, "Export all my answers")
    assert json.loads(content)["widgets"]["beta"]["ratings"]["b1"] == 3
    progress = app(reader, "debrief-progress")
    progress.get_by_role("button", name="Delete all my data").click()
    progress.get_by_role("button", name="Yes, delete everything").click()
    expect(row).to_contain_text("0 of 2")
    choose_file(reader, content, name)
    progress.locator(".debrief-import-choice").get_by_role("button", name="Merge").click()
    expect(app_status(reader, "debrief-progress")).to_contain_text("Imported 1 tool")
    expect(row).to_contain_text("1 of 2")
    # Its link leads back to the worksheet's page, as a file.
    row.get_by_role("link").click()
    wait_ready(reader)
    assert reader.url == file_url(site, "rate.html") + "#beta"
    expect(radio(reader, "beta", "b1", 3)).to_be_checked()


def test_an_entry_saved_to_the_log_shows_on_the_log_page(reader: Page, site: Path) -> None:
    open_page(reader, file_url(site, "rate.html"))
    rate(reader, "beta", "b1", 4)
    reader.locator("#beta--log-label").fill("Acme")
    reader.locator("#beta--log-date").fill("2024-04-02")
    widget(reader, "beta").get_by_role("button", name="Save to log").click()
    expect(saved(reader, "beta")).to_have_text(" Saved to your feedback log.")
    open_app(reader, file_url(site, "log.html"))
    expect(app(reader, "debrief-feedback-log")).to_contain_text("Acme")


@pytest.fixture(scope="module")
def kind_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/kind-site (a kind of widget from outside the package), with the offline
    plugin."""
    project = tmp_path_factory.mktemp("kind-offline")
    shutil.copytree(ROOT / "tests" / "fixtures" / "kind-site", project, dirs_exist_ok=True)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - debrief\n", "  - offline\n  - debrief\n")
                      .replace("  font: false\n", "  font: false\n" + INSTANT)
                      + f"extra:\n  polyfills:\n    - {SHIM}\n")
    (project / "docs" / SHIM).parent.mkdir(parents=True)
    (project / "docs" / SHIM).write_text("// a stand-in for iframe-worker's shim\n")
    return build(project)


def test_a_kind_from_outside_loads_by_name(reader: Page, kind_site: Path) -> None:
    open_page(reader, file_url(kind_site, "index.html"))
    reader.locator('input[name="ready-poll--answer"][value="2"]').check()
    reader.reload()
    wait_ready(reader)
    expect(reader.locator('input[name="ready-poll--answer"][value="2"]')).to_be_checked()
    open_app(reader, file_url(kind_site, "progress.html"))
    expect(reader.locator('li[data-widget="ready-poll"] progress')).to_have_attribute("value", "1")


NOTICE = "This page was opened from a file, where the browser does not run this tool"


@pytest.fixture(scope="module")
def module_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same site without the offline plugin: ES modules, as for a site served over HTTP."""
    project = tmp_path_factory.mktemp("modules")
    write_site(project, PAGES, "site_url: https://offline.example.net/\nplugins:\n  - debrief\n"
               "use_directory_urls: false\n")
    return build(project)


def test_a_module_build_opened_from_files_says_it_cannot_work(reader: Page,
                                                              module_site: Path) -> None:
    reader.goto(file_url(module_site, "index.html"))
    expect(widget(reader, "alpha").locator(".debrief-notice")).to_contain_text(NOTICE)
    expect(widget(reader, "alpha").locator(".debrief-notice")).to_be_visible()
    reader.goto(file_url(module_site, "progress.html"))
    expect(app(reader, "debrief-progress").locator(".debrief-notice")).to_contain_text(NOTICE)


def test_served_over_http_it_says_nothing(page: Page, module_site: Path) -> None:
    with serve_folder(module_site) as url:
        open_page(page, url + "index.html")
        expect(widget(page, "alpha").locator(".debrief-notice")).to_be_hidden()
        item_label(page, "alpha", "a1").click()
        expect(box(page, "alpha", "a1")).to_be_checked()
