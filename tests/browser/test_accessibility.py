"""axe-core finds no WCAG 2.2 AA violation on the pages with widgets, in the light and the dark
palette, before and after the reader interacts (ticked, rated, weakest list shown, reset bar
open, a button under the pointer)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from .browser_support import *

AXE = Axe()
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]},
    "rules": {"target-size": {"enabled": True}},
    "resultTypes": ["violations"],  # passes are not needed, and slow to hand back
}

# For each violating node: is it inside a widget? One call for all nodes. Nothing is excused:
# the theme's own issues are fixed by docs/stylesheets/site.css.
PLACES = """(selectors) => selectors.map((selector) => {
  let e = typeof selector === 'string' ? document.querySelector(selector) : null;
  if (e === document.documentElement) e = null;  // axe could not name the node precisely
  const owner = e && e.closest('.debrief');
  return owner ? `in widget #${owner.id}` : e ? 'outside the widgets' : 'not located';
})"""


def violations(page: Page, state: str, widgets_only: bool = False) -> str:
    """Run axe on the whole page, or only its widgets (quicker, once the page as a whole has
    been checked); report every violation."""
    scope = {"include": [[".debrief"]]} if widgets_only else None
    results = AXE.run(page, context=scope, options=AXE_OPTIONS).response
    found = [(violation, node) for violation in results["violations"]
             for node in violation["nodes"]]
    places = page.evaluate(PLACES, [
        node["target"][0] if len(node["target"]) == 1 else None for _, node in found])
    report: dict[str, list[str]] = {}
    for (violation, node), place in zip(found, places, strict=True):
        title = f"{violation['id']} ({violation['impact']}): {violation['help']}"
        summary = (node.get("failureSummary") or "").replace("\n", "\n      ")
        report.setdefault(title, []).append(
            f"    {' '.join(map(str, node['target']))} ({place})\n"
            f"      {node.get('html', '')[:160]}"
            f"\n      {summary}")
    if not report:
        return ""
    return f"axe violations on {page.url} ({state}):\n" + "\n".join(
        title + "\n" + "\n".join(nodes) for title, nodes in report.items())


def check_axe(page: Page, state: str, widgets_only: bool = False) -> None:
    report = violations(page, state, widgets_only)
    if report:
        pytest.fail(report)


def interact(page: Page) -> None:
    """Bring out every dynamic state of the page's widgets."""
    for section in page.locator(".debrief[data-debrief]").all():
        widget_id = section.get_attribute("id")
        boxes = section.locator("input[type=checkbox][data-item]")
        if boxes.count():
            boxes.first.check()
        add = section.locator("[data-record-act=add]")  # an entries tool: a record first
        if add.count():
            add.click()
        fields = section.locator("[data-field]")  # a fields or entries tool: its first value
        if fields.count():
            fields.first.fill("A value")
        groups = section.locator("fieldset[data-item]")
        if groups.count():
            points = groups.first.locator("input[type=radio]").count() - 1
            for number, value in ((0, 1), (1, points)):
                rate(page, widget_id, groups.nth(number).get_attribute("data-item"), value)
            section.locator("textarea").fill("A note")
            expect(section.locator(".debrief-weakest li")).to_have_count(2)
        expect(section.locator(".debrief-saved")).not_to_have_text("")
        section.locator("[data-act=reset]").click()
        expect(section.locator(".debrief-confirm")).to_be_visible()
    page.mouse.move(0, 0)  # hover colours have a test of their own, below


PAGES = list(WIDGET_PAGES)
PAGE_IDS = [path.strip("/") or "home" for path in PAGES]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES, ids=PAGE_IDS)
def test_palette_from_system_preference(new_page, site_url: str, path: str, scheme: str) -> None:
    page = new_page(color_scheme=scheme)
    open_page(page, site_url + path)
    expect_scheme(page, scheme)
    check_axe(page, f"{scheme}, as loaded")
    interact(page)
    check_axe(page, f"{scheme}, after interacting", widgets_only=True)


@pytest.mark.parametrize("path", ["learn/self-rating/", "prepare/interview-day/"],
                         ids=["self-rating", "interview-day"])
def test_dark_palette_from_the_toggle(page: Page, site_url: str, path: str) -> None:
    page.emulate_media(color_scheme="light")
    open_page(page, site_url + path)
    expect_scheme(page, "light")
    page.locator("label[title='Switch to dark mode']").click()
    expect_scheme(page, "dark")
    page.mouse.move(0, 0)
    check_axe(page, "dark by the palette toggle, as loaded")
    interact(page)
    check_axe(page, "dark by the palette toggle, after interacting", widgets_only=True)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_buttons_under_the_pointer(new_page, site_url: str, scheme: str) -> None:
    """A hovered button changes its background: its text must still meet 4.5:1."""
    page = new_page(color_scheme=scheme)
    open_page(page, site_url + "learn/self-rating/")
    expect_scheme(page, scheme)
    sheet = widget(page, "learn-self-rating")
    sheet.locator("[data-act=reset]").click()
    for act in ("copy", "reset", "confirm", "cancel"):
        sheet.locator(f"[data-act={act}]").hover()
        check_axe(page, f"{scheme}, pointer on the {act} button", widgets_only=True)


def widget_pages(site: Path) -> list[str]:
    """Every page of the built site with a checklist or worksheet, as a path under the root."""
    found = []
    for html in sorted(site.rglob("index.html")):
        if re.search(r'data-debrief="(checklist|worksheet)"', html.read_text(encoding="utf-8")):
            found.append(html.parent.relative_to(site).as_posix() + "/")
    return [path.removeprefix("./") for path in found]


def test_the_pages_checked_in_depth_have_widgets(built_site: Path) -> None:
    assert set(PAGES) <= set(widget_pages(built_site))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_other_widget_page(new_page, site_url: str, built_site: Path, scheme: str) -> None:
    """The rest of the pages with widgets, after interacting (the widgets' static content is
    all still there, so this covers the page as loaded too)."""
    others = [path for path in widget_pages(built_site) if path not in WIDGET_PAGES]
    assert others, "no other pages with widgets: the discovery is broken"
    page = new_page(color_scheme=scheme)
    reports = []
    for path in others:
        open_page(page, site_url + path)
        expect_scheme(page, scheme)
        interact(page)
        reports.append(violations(page, f"{scheme}, after interacting", widgets_only=True))
    if any(reports):
        pytest.fail("\n\n".join(filter(None, reports)))


def test_storage_notice(new_page, site_url: str) -> None:
    for scheme in ("light", "dark"):
        page = new_page(color_scheme=scheme)
        page.add_init_script(
            "Storage.prototype.setItem = function () { throw new Error('blocked'); };")
        open_page(page, site_url + "after/asking-for-feedback/")
        expect_scheme(page, scheme)
        widget(page, "after-ask-ready").locator("input[type=checkbox]").first.check()
        expect(widget(page, "after-ask-ready").locator(".debrief-notice")).to_be_visible()
        check_axe(page, f"{scheme}, storage refused, notice shown")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_of_the_site(new_page, site_url: str, built_site: Path, scheme: str) -> None:
    """Every page of the built site as loaded, widgets or not: 0 violations."""
    paths = sorted(html.parent.relative_to(built_site).as_posix() + "/"
                   for html in built_site.rglob("index.html"))
    paths = ["" if path == "./" else path for path in paths]
    assert len(paths) >= 30, paths
    page = new_page(color_scheme=scheme)
    reports = []
    for path in paths:
        page.goto(site_url + path)
        page.wait_for_load_state()
        expect_scheme(page, scheme)
        reports.append(violations(page, f"{scheme}, as loaded"))
    if any(reports):
        pytest.fail("\n\n".join(filter(None, reports)))
