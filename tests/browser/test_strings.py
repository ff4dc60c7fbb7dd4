"""Every string the scripts show comes from the page (`data-i18n`), plural forms are chosen by
the page's language, the layout mirrors for right-to-left languages, and the log's chart keeps
its date labels apart."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, Route, expect

from .browser_support import *

I18N = re.compile(r'data-i18n="([^"]*)"')


def rewrite_pages(page: Page, change: Callable[[str], str]) -> None:
    """Serve every HTML page through `change` (the page as built, as text)."""
    def handle(route: Route) -> None:
        response = route.fetch()
        if "text/html" not in response.headers.get("content-type", ""):
            route.fulfill(response=response)
            return
        route.fulfill(response=response, body=change(response.text()))

    page.route("**/*", handle)


def pseudo(value: Any) -> Any:
    """A stand-in translation: every text wrapped in ⟦ ⟧, placeholders kept."""
    if isinstance(value, dict):
        return {form: pseudo(text) for form, text in value.items()}
    return f"⟦{value}⟧"


def translated(text: str) -> str:
    def swap(found: re.Match[str]) -> str:
        table = json.loads(html.unescape(found.group(1)))
        return 'data-i18n="' + html.escape(json.dumps({k: pseudo(v) for k, v in table.items()}),
                                           quote=True) + '"'
    return I18N.sub(swap, text)


def test_widget_strings_come_from_the_page(page: Page, site_url: str) -> None:
    rewrite_pages(page, translated)
    open_page(page, site_url + CHECKLIST_PAGE)
    item_label(page, CHECKLIST, "thank-you-sent").click()
    expect(progress(page, CHECKLIST)).to_have_text("⟦1 of 7 done.⟧")
    expect(saved(page, CHECKLIST)).to_have_text(" ⟦Saved on this device.⟧")
    open_page(page, site_url + WORKSHEET_PAGE)
    rate(page, WORKSHEET, "communication", 4)
    expect(progress(page, WORKSHEET)).to_have_text("⟦1 of 7 rated, average 4.0 of 5.⟧")
    expect(widget(page, WORKSHEET).locator(".debrief-weakest li")).to_contain_text("⟦")


def test_progress_and_log_strings_come_from_the_page(new_page: Callable[..., Page],
                                                     site_url: str) -> None:
    entry = make_entry("eacme", "2024-03-01", {"communication": 2}, "Acme")
    page = new_page(storage_state=with_storage(site_url, {DOC_KEY: make_doc({}, [entry])}))
    rewrite_pages(page, translated)
    open_app(page, site_url + PROGRESS_PAGE)
    root = app(page, PROGRESS_APP).locator(".debrief-app-root")
    expect(root.locator(".debrief-overall p")).to_have_text(re.compile(r"^⟦.*⟧$"))
    for heading in root.locator("h3").all()[-2:]:  # "Your data" and the coach's summary
        expect(heading).to_have_text(re.compile(r"^⟦.*⟧$"))
    for button in root.locator("button").all():
        expect(button).to_have_text(re.compile(r"^⟦.*⟧$"))
    open_app(page, site_url + LOG_PAGE)
    section = app(page, LOG_APP).locator(f"section[data-worksheet={WORKSHEET}]")
    for heading in section.locator("h4").all():
        expect(heading).to_have_text(re.compile(r"^⟦.*⟧$"))
    expect(section.locator("caption")).to_have_text(re.compile(r"^⟦.*⟧$"))


def test_plural_forms_follow_the_pages_language(page: Page, site_url: str) -> None:
    """Welsh has six plural categories: 1 is "one", 2 is "two", 3 is "few"."""
    def welsh(text: str) -> str:
        def swap(found: re.Match[str]) -> str:
            table = json.loads(html.unescape(found.group(1)))
            if "done" in table:
                table["done"] = {"one": "un {count}", "two": "dau {count}", "few": "tri {count}",
                                 "other": "eraill {count}"}
            return 'data-i18n="' + html.escape(json.dumps(table), quote=True) + '"'
        return I18N.sub(swap, text.replace(' lang="en"', ' lang="cy"'))

    rewrite_pages(page, welsh)
    open_page(page, site_url + CHECKLIST_PAGE)
    for item, shown in (("thank-you-sent", "un 1"), ("right-person", "dau 2"),
                        ("two-questions", "tri 3"), ("easy-format", "eraill 4")):
        item_label(page, CHECKLIST, item).click()
        expect(progress(page, CHECKLIST)).to_have_text(shown)


def test_right_to_left_pages_mirror_the_layout(page: Page, site_url: str) -> None:
    rewrite_pages(page, lambda text: text.replace(' dir="ltr"', ' dir="rtl"'))
    page.add_init_script("Storage.prototype.setItem = function () { throw new Error('no'); };")
    open_page(page, site_url + CHECKLIST_PAGE)
    item_label(page, CHECKLIST, "thank-you-sent").click()
    notice = widget(page, CHECKLIST).locator(".debrief-notice")
    expect(notice).to_be_visible()
    sides = notice.evaluate("(e) => [getComputedStyle(e).borderRightWidth,"
                            " getComputedStyle(e).borderLeftWidth]")
    assert sides[0] != "0px" and sides[1] == "0px", sides


def test_the_charts_date_labels_never_overlap(new_page: Callable[..., Page],
                                               site_url: str) -> None:
    entries = [make_entry(f"e{n:02d}", f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                          {"communication": n % 5 + 1}, f"Interview {n}") for n in range(24)]
    page = new_page(storage_state=with_storage(site_url, {DOC_KEY: make_doc({}, entries)}))
    open_app(page, site_url + LOG_PAGE)
    chart = app(page, LOG_APP).locator(f"section[data-worksheet={WORKSHEET}] svg")
    assert chart.get_attribute("direction") == "ltr"  # numbers and dates read left to right
    boxes = chart.locator("text[text-anchor=middle]").evaluate_all(
        "(all) => all.map((t) => { const b = t.getBBox(); return [b.x, b.x + b.width]; })")
    assert len(boxes) >= 2
    for (_, right), (left, _) in zip(sorted(boxes), sorted(boxes)[1:], strict=False):
        assert right <= left, f"date labels overlap: {sorted(boxes)}"


@pytest.mark.parametrize("direction", ["ltr", "rtl"])
def test_the_chart_runs_through_time_as_the_table_does(new_page: Callable[..., Page],
                                                       site_url: str, direction: str) -> None:
    """The chart and the table beside it show the same entries: on a right-to-left page both
    put the first entry on the right, where the reader starts; the scale stands on that side."""
    entries = [make_entry(f"e{n}", f"2024-0{n}-01", {"communication": n}, f"Interview {n}")
               for n in (1, 2, 3)]
    page = new_page(storage_state=with_storage(site_url, {DOC_KEY: make_doc({}, entries)}))
    rewrite_pages(page, lambda text: text.replace(' dir="ltr"', f' dir="{direction}"'))
    open_app(page, site_url + LOG_PAGE)
    section = app(page, LOG_APP).locator(f"section[data-worksheet={WORKSHEET}]")

    def across(locator: Any) -> list[float]:
        return locator.evaluate_all(
            "(all) => all.map((e) => { const b = e.getBoundingClientRect();"
            " return b.left + b.width / 2; })")

    columns = across(section.locator("table thead th").filter(has_text="Interview"))
    dots = across(section.locator('svg circle[data-criterion="communication"]'))
    scale = across(section.locator("svg text:not([text-anchor=middle])"))
    expected = sorted(dots, reverse=direction == "rtl")
    assert dots == expected and len(dots) == 3, dots  # entries come oldest first
    assert columns == sorted(columns, reverse=direction == "rtl"), columns
    start = min(dots) if direction == "ltr" else max(dots)
    assert all((x < start) if direction == "ltr" else (x > start) for x in scale), (scale, dots)
