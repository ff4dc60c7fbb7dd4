"""Offline once visited: the service worker keeps the pages a reader opened, and what they load,
so that with no network they reload with the reader's answers and saving still works; the
interview-day page opens offline without a visit; a new build at the same address replaces the
old one at once online and in the cache, never a mix of the two; nothing is fetched from another
origin; a browser that blocks workers saves as ever; Chromium takes the web app manifest as
valid and the site as installable; axe finds nothing new.

The handbook has Material's instant navigation on; the second site, a fixture built twice,
has it off. Contexts here allow service workers (the others block them: see conftest.py), and
"offline" is both Playwright's (for the page) and a server that stops answering (for the
worker, which `set_offline` does not reach)."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Request, expect

from tests.conftest import ROOT, mkdocs_build

from .browser_support import *
from .conftest import Switch, serve_switched

EMPLOYER = "Northwind Trading"
KIND_SITE = ROOT / "tests" / "fixtures" / "kind-site"


def worker_build(site: Path) -> dict:
    """What the build wrote into its worker: its version, the assets' version, what it keeps."""
    found = re.search(r"self\.debriefBuild = (\{.*?\});\n", (site / "sw.js").read_text())
    assert found, "no build data in sw.js"
    return json.loads(found[1])


@pytest.fixture(scope="module")
def handbook(built_site: Path) -> Iterator[tuple[str, Switch]]:
    with serve_switched(built_site) as served:
        yield served


@pytest.fixture
def reader(new_page: Callable[..., Page],
           handbook: tuple[str, Switch]) -> Iterator[tuple[Page, list[str]]]:
    """A page whose context allows service workers, and every address its pages and workers
    asked for; at the end, none of another origin. The site is back online for the next test."""
    url, switch = handbook
    page = new_page(service_workers="allow")
    asked: list[str] = []
    page.context.on("request", lambda request: asked.append(request.url))
    yield page, asked
    switch.online = True
    elsewhere = [a for a in asked if not a.startswith((url, "data:", "blob:"))]
    assert elsewhere == [], "requests left the site's origin:\n" + "\n".join(elsewhere)


def go_offline(page: Page, switch: Switch) -> None:
    page.context.set_offline(True)
    switch.online = False


def test_a_page_opened_once_reloads_offline_with_the_readers_answers_and_saves(
        reader: tuple[Page, list[str]], handbook: tuple[str, Switch]) -> None:
    page, _ = reader
    url, switch = handbook
    errors = script_errors(page)
    open_page(page, url + INTERVIEW_DAY_PAGE)
    wait_controlled(page)
    item_label(page, DAY_BEFORE, "confirm-details").click()
    expect(saved(page, DAY_BEFORE)).to_have_text(SAVED)
    open_page(page, url + FIELDS_PAGE)  # served by the worker, which keeps it
    field_control(page, "employer").fill(EMPLOYER)
    expect(saved(page, FIELDS)).to_have_text(SAVED)
    wait_kept(page, url + FIELDS_PAGE)

    go_offline(page, switch)
    page.reload()
    wait_ready(page)
    expect(field_control(page, "employer")).to_have_value(EMPLOYER)
    field_control(page, "role").fill("Data analyst")
    expect(saved(page, FIELDS)).to_have_text(SAVED)
    assert saved_doc(page)["fields"]["role"]["value"] == "Data analyst"

    # Instant navigation, offline: the page comes from the worker's cache, with the tick.
    page.evaluate("window.__marker = 1")
    page.locator('.md-sidebar--primary a.md-nav__link[href$="/interview-day/"]').first.click()
    page.wait_for_url(url + INTERVIEW_DAY_PAGE)
    expect(widget(page, DAY_BEFORE)).to_have_attribute("data-ready", "1")
    assert page.evaluate("window.__marker") == 1, "instant navigation did not happen"
    expect(box(page, DAY_BEFORE, "confirm-details")).to_be_checked()
    item_label(page, DAY_BEFORE, "pack-items").click()
    expect(saved(page, DAY_BEFORE)).to_have_text(SAVED)
    assert errors == []


def test_the_interview_day_page_opens_offline_without_a_visit(
        reader: tuple[Page, list[str]], handbook: tuple[str, Switch]) -> None:
    page, _ = reader
    url, switch = handbook
    page.goto(url)
    wait_controlled(page)  # installed, with what it keeps from the first visit
    go_offline(page, switch)
    open_page(page, url + INTERVIEW_DAY_PAGE)
    expect(page.locator("h1")).to_contain_text("The day before and the day itself")
    item_label(page, DAY_BEFORE, "contact-number").click()
    expect(saved(page, DAY_BEFORE)).to_have_text(SAVED)
    # Material's own styles and script came from the cache as well.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") \
        == "sticky"


def test_a_browser_that_blocks_workers_saves_as_ever(new_page: Callable[..., Page],
                                                     handbook: tuple[str, Switch]) -> None:
    url, _ = handbook
    page = new_page(service_workers="block")
    errors = script_errors(page)
    open_page(page, url + INTERVIEW_DAY_PAGE)
    item_label(page, DAY_BEFORE, "confirm-details").click()
    expect(saved(page, DAY_BEFORE)).to_have_text(SAVED)
    page.reload()
    wait_ready(page)
    expect(box(page, DAY_BEFORE, "confirm-details")).to_be_checked()
    assert page.evaluate("navigator.serviceWorker?.controller ?? null") is None
    assert errors == []


def on_the_day_page(reader: tuple[Page, list[str]],
                    handbook: tuple[str, Switch]) -> tuple[Page, str]:
    """The reader on the interview-day page, once the worker serves it; and the site's address."""
    page, _ = reader
    url, _ = handbook
    open_page(page, url + INTERVIEW_DAY_PAGE)
    wait_controlled(page)
    return page, url


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_chromium_takes_the_manifest_and_the_site_is_installable(
        reader: tuple[Page, list[str]], handbook: tuple[str, Switch]) -> None:
    page, url = on_the_day_page(reader, handbook)
    session = page.context.new_cdp_session(page)
    manifest = session.send("Page.getAppManifest")
    assert manifest["url"] == url + "manifest.webmanifest"
    assert manifest["errors"] == []
    app = json.loads(manifest["data"])
    assert app["name"] == "Debrief" and app["start_url"] == "./" and app["scope"] == "./"
    # Every context Playwright makes is a private one, which alone is never installable.
    errors = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert [e["errorId"] for e in errors if e["errorId"] != "in-incognito"] == []
    for icon in app["icons"]:
        reply = page.request.get(url + icon["src"])
        assert reply.ok, icon
        width, height = png_size(reply.body())
        assert f"{width}x{height}" == icon["sizes"], icon
    assert {icon["purpose"] for icon in app["icons"]} == {"any", "maskable"}


def test_axe_finds_nothing_with_the_worker_serving_the_page(
        reader: tuple[Page, list[str]], handbook: tuple[str, Switch]) -> None:
    page, _ = on_the_day_page(reader, handbook)
    page.reload()
    wait_ready(page)
    assert axe_report(page, "served by the service worker") == ""


# A second site, built twice: the second build changes a page and a script (the site's own kind
# of widget), so its assets have another version.


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    project = tmp_path_factory.mktemp("two-builds")
    shutil.copytree(KIND_SITE, project, dirs_exist_ok=True)
    first = mkdocs_build(project, project / "first")
    assert first.returncode == 0, first.stdout + first.stderr
    index = project / "docs" / "index.md"
    index.write_text(index.read_text().replace("# Before the interview", "# Second edition"))
    script = project / "poll.js"
    script.write_text(script.read_text() + "\nexport const edition = 2;\n")
    second = mkdocs_build(project, project / "second")
    assert second.returncode == 0, second.stdout + second.stderr
    # Deployed later, as a new build is: the test server's Last-Modified has whole seconds, so
    # two builds made within one second would answer a reload's If-Modified-Since with 304 and
    # the browser would keep the first build's page (this test failed so on a fast run).
    later = time.time() + 5
    for path in (project / "second").rglob("*"):
        os.utime(path, (later, later))
    return project / "first", project / "second"


def debrief_assets(requests: list[Request]) -> list[str]:
    return [r.url for r in requests if "/assets/debrief/" in r.url
            and urlsplit(r.url).path.endswith((".js", ".css"))]


def test_a_new_build_replaces_the_old_one_without_a_mix(
        new_page: Callable[..., Page], two_builds: tuple[Path, Path]) -> None:
    first, second = two_builds
    old, new = worker_build(first), worker_build(second)
    assert old["assets"] != new["assets"] and old["version"] != new["version"]
    assert "navigation.instant" not in (first / "index.html").read_text()
    with serve_switched(first) as (url, switch):
        page = new_page(service_workers="allow")
        errors = script_errors(page)
        open_page(page, url)
        wait_controlled(page)
        page.locator('input[data-item="one"]').check()
        expect(saved(page, "beside")).to_have_text(SAVED)
        assert cache_names(page) == [f"debrief:{url}:{old['version']}"]

        switch.folder = second  # deployed at the same address
        requests: list[Request] = []
        page.on("request", lambda request: requests.append(request))
        page.reload()
        wait_ready(page)
        expect(page.locator("h1")).to_contain_text("Second edition")
        loaded = debrief_assets(requests)
        assert loaded and all(urlsplit(a).query == f"v={new['assets']}" for a in loaded), loaded
        expect(page.locator('input[data-item="one"]')).to_be_checked()

        # The new worker takes over, its cache filled from the new build; the old one is gone.
        page.wait_for_function("(name) => caches.keys().then((names) => names.join() === name)",
                               arg=f"debrief:{url}:{new['version']}")
        page.context.set_offline(True)
        switch.online = False
        requests.clear()
        page.reload()
        wait_ready(page)
        expect(page.locator("h1")).to_contain_text("Second edition")
        loaded = debrief_assets(requests)
        assert loaded and all(urlsplit(a).query == f"v={new['assets']}" for a in loaded), loaded
        assert all(r.response() and r.response().from_service_worker for r in requests
                   if r.url.startswith(url)), "something came from elsewhere than the cache"
        expect(page.locator('input[data-item="one"]')).to_be_checked()
        page.locator('input[name="ready-poll--answer"][value="2"]').check()
        expect(saved(page, "ready-poll")).to_have_text(SAVED)
        assert errors == []


def test_two_sites_on_one_origin_keep_to_their_own_folders(
        new_page: Callable[..., Page], tmp_path: Path) -> None:
    """Each under a sub-path (as `you.github.io/a/` and `/b/`, or two of mike's versions): each
    worker serves its own folder only, and neither deletes the other's cache."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "tests" / "fixtures" / "plugin-site", project)
    result = mkdocs_build(project, tmp_path / "origin" / "a")
    assert result.returncode == 0, result.stdout + result.stderr
    shutil.copytree(tmp_path / "origin" / "a", tmp_path / "origin" / "b")
    with serve_switched(tmp_path / "origin") as (url, _):
        page = new_page(service_workers="allow")
        for folder in ("a/", "b/"):
            open_page(page, url + folder)
            wait_controlled(page)
            scope = page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)")
            assert scope == url + folder
        version = worker_build(tmp_path / "origin" / "a")["version"]
        assert sorted(cache_names(page)) == [f"debrief:{url}a/:{version}",
                                             f"debrief:{url}b/:{version}"]
        # The manifest's addresses are relative to it: the app opens its own folder.
        session = page.context.new_cdp_session(page)
        assert session.send("Page.getAppManifest")["url"] == url + "b/manifest.webmanifest"
