"""The feedback log: per worksheet, a chart and a table that agree with each other and with the
saved entries, correct averages, recurring themes with working guide links, editing and deleting
entries, and no axe violation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from .browser_support import *

MOCK = "prepare-mock-interviewer"
DASH = "\u2013"  # what the table shows for a criterion an entry did not rate
ENTRIES = [
    make_entry("egamma", "2024-05-10", {"communication": 2, "content-knowledge": 4,
                                        "interpersonal": 2, "preparation": 5, "examples": 3,
                                        "closing": 4}, "Gamma plc"),
    make_entry("eacme", "2024-03-01", {"communication": 2, "content-knowledge": 3,
                                       "interpersonal": 4, "preparation": 4, "examples": 1,
                                       "questions-asked": 3, "closing": 5}, "Acme, analyst",
               "Rambled on the first question."),
    make_entry("ebeta", "2024-04-02", {"communication": 1, "content-knowledge": 3,
                                       "interpersonal": 1, "preparation": 4, "examples": 4,
                                       "questions-asked": 2}, "Beta Ltd"),
    make_entry("edelta", "2024-06-20", {"communication": 3, "examples": 3}, "Delta"),
    make_entry("emock", "2024-02-01", {"communication": 3, "examples": 2}, "Mock with Sam",
               worksheet=MOCK),
    make_entry("egone", "2024-02-01", {"communication": 3}, "From a removed worksheet",
               worksheet="removed-worksheet"),
]


@pytest.fixture(scope="module")
def worksheets(built_site: Path) -> dict[str, dict[str, Any]]:
    return {w["id"]: w for w in site_manifest(built_site)["widgets"] if w["kind"] == "worksheet"}


def seeded_log(new_page: Callable[..., Page], site_url: str, **options: Any) -> Page:
    page = new_page(storage_state=with_storage(site_url, {DOC_KEY: make_doc({}, ENTRIES)}),
                    **options)
    return open_app(page, site_url + LOG_PAGE)


def one_decimal(values: list[int]) -> str:
    """An average as the page writes it: one decimal, halves rounded up, a dash for none."""
    if not values:
        return DASH
    exact = Fraction(sum(values), len(values))
    return str((Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP))


def themes(sheet: dict[str, Any], entries: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """Criteria among the weakest of an entry in two entries or more, with how many."""
    weakest: Counter[str] = Counter()
    for entry in entries:
        rated = {c: v for c, v in entry["ratings"].items() if v}
        if rated:
            low = min(rated.values())
            weakest.update(c for c, v in rated.items() if v == low)
    return [(item["id"], weakest[item["id"]]) for item in sheet["items"]
            if weakest[item["id"]] >= 2]


CHART_AND_TABLE = """(section) => ({
  heads: [...section.querySelectorAll('table.debrief-ratings thead th')].map((h) => h.textContent),
  cells: [...section.querySelectorAll('td[data-criterion][data-entry]')].map((td) =>
    [td.dataset.criterion, td.dataset.entry, td.textContent]),
  averages: Object.fromEntries([...section.querySelectorAll('td[data-average]')].map((td) =>
    [td.dataset.average, td.textContent])),
  circles: [...section.querySelectorAll('figure.debrief-chart svg circle')].map((c) =>
    [c.dataset.criterion, c.dataset.entry, c.dataset.value, +c.getAttribute('cx'),
     +c.getAttribute('cy')]),
})"""


def check_worksheet_log(page: Page, site_url: str, sheet: dict[str, Any],
                        entries: list[dict[str, Any]]) -> None:
    """The section of one worksheet shows exactly `entries`, in date order, in all its parts."""
    entries = sorted(entries, key=lambda e: (e["date"], e["t"]))
    section = app(page, LOG_APP).locator(f"section[data-worksheet={sheet['id']}]")
    expect(section.locator("ul.debrief-entries > li[data-entry]")).to_have_count(len(entries))
    got = section.evaluate(CHART_AND_TABLE)
    criteria = [item["id"] for item in sheet["items"]]

    # The table: one column per entry, oldest first, one row per criterion.
    assert got["heads"] == ["Criterion",
                            *(f"{e['label']} ({shown_date(e['date'])})" for e in entries),
                            "Average"]
    assert got["cells"] == [[c, e["id"], str(e["ratings"].get(c) or DASH)]
                            for c in criteria for e in entries]
    assert got["averages"] == {c: one_decimal([e["ratings"][c] for e in entries
                                               if e["ratings"].get(c)]) for c in criteria}

    # The chart: one circle per rated cell, with the cell's value; none where the table has a dash.
    cells = {(c, e): text for c, e, text in got["cells"]}
    circles = {(c, e): value for c, e, value, _, _ in got["circles"]}
    assert len(circles) == len(got["circles"]), "two circles for one cell"
    assert circles == {key: text for key, text in cells.items() if text != DASH}
    # Later entries sit further right; higher ratings sit higher.
    order = {e["id"]: n for n, e in enumerate(entries)}
    by_x = sorted(got["circles"], key=lambda c: c[3])
    assert [order[c[1]] for c in by_x] == sorted(order[c[1]] for c in by_x)
    heights: dict[int, set[float]] = {}
    for _, _, value, _, cy in got["circles"]:
        heights.setdefault(int(value), set()).add(cy)
    assert all(len(ys) == 1 for ys in heights.values()), "one rating drawn at two heights"
    from_low = [heights[value].pop() for value in sorted(heights)]
    assert from_low == sorted(set(from_low), reverse=True)

    # Recurring themes, each with a link to its guide.
    expected = themes(sheet, entries)
    texts = {item["id"]: item for item in sheet["items"]}
    if expected:
        rows = section.locator("ul.debrief-themes > li")
        expect(rows).to_have_count(len(expected))
        for row, (criterion, count) in zip(rows.all(), expected, strict=True):
            item = texts[criterion]
            expect(row).to_contain_text(
                f"{item['text']}: among your weakest in {count} of {len(entries)} interviews.")
            link = row.get_by_role("link")
            expect(link).to_have_text(f"How to improve: {item['text']}")
            expect(link).to_have_attribute("href", site_url + item["guide"])
    else:
        expect(section.locator("ul.debrief-themes")).to_have_count(0)
        expect(section).to_contain_text(
            "No criterion has been among your weakest more than once yet.")


def test_chart_table_averages_and_themes(new_page: Callable[..., Page], site_url: str,
                                         worksheets: dict[str, dict[str, Any]]) -> None:
    page = new_page(storage_state=with_storage(site_url, {DOC_KEY: make_doc({}, ENTRIES)}))
    errors = script_errors(page)
    open_app(page, site_url + LOG_PAGE)
    sections = app(page, LOG_APP).locator("section[data-worksheet]")
    # In the manifest's order; an entry of a worksheet the site no longer has is left out.
    expect(sections).to_have_count(2)
    assert [s.get_attribute("data-worksheet") for s in sections.all()] == [
        w for w in worksheets if w in (MOCK, WORKSHEET)]
    for sheet_id in (WORKSHEET, MOCK):
        check_worksheet_log(page, site_url, worksheets[sheet_id],
                            [e for e in ENTRIES if e["worksheet"] == sheet_id])
    # The seeded data really has themes, and an entry with no rating for some criteria.
    assert [c for c, _ in themes(worksheets[WORKSHEET], ENTRIES[:4])] == [
        "communication", "interpersonal", "examples"]
    section = app(page, LOG_APP).locator(f"section[data-worksheet={WORKSHEET}]")
    expect(section.locator("td[data-criterion=closing][data-entry=ebeta]")).to_have_text(DASH)
    expect(section.locator("circle[data-criterion=closing][data-entry=ebeta]")).to_have_count(0)
    expect(section.locator("td[data-average=communication]")).to_have_text("2.0")
    expect(section.locator("td[data-average=questions-asked]")).to_have_text("2.5")
    expect(section.locator("li[data-entry=eacme] .debrief-entry-notes")).to_have_text(
        "Rambled on the first question.")
    assert errors == []


def test_theme_guide_links_work(new_page: Callable[..., Page], site_url: str) -> None:
    page = seeded_log(new_page, site_url)
    links = app(page, LOG_APP).locator(f"section[data-worksheet={WORKSHEET}] .debrief-themes a")
    expect(links).to_have_count(3)
    hrefs = [link.get_attribute("href") for link in links.all()]
    for href in hrefs:
        assert page.request.get(href).status == 200, href
    links.first.click()
    expect(page).to_have_url(hrefs[0])
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("h1")).not_to_have_text("Feedback log")


def test_edit_and_delete_entries(new_page: Callable[..., Page], site_url: str,
                                 worksheets: dict[str, dict[str, Any]]) -> None:
    page = seeded_log(new_page, site_url)
    sheet = worksheets[WORKSHEET]
    section = app(page, LOG_APP).locator(f"section[data-worksheet={WORKSHEET}]")
    before = {e["id"]: e for e in saved_doc(page)["log"]}

    row = section.locator("li[data-entry=ebeta]")
    row.get_by_role("button", name="Edit").click()
    form = row.locator("form.debrief-edit")
    expect(form.locator("input[name=label]")).to_be_focused()
    expect(form.locator("input[name=label]")).to_have_value("Beta Ltd")
    expect(form.locator("input[name=date]")).to_have_value("2024-04-02")
    expect(form.locator("select[name=communication]")).to_have_value("1")
    expect(form.locator("select[name=closing]")).to_have_value("0")
    form.locator("input[name=label]").fill("Beta Ltd, final round")
    form.get_by_label("Communication").select_option(label="Strong")
    form.locator("select[name=closing]").select_option("2")
    form.get_by_label("Notes").fill("Much calmer this time.")
    form.get_by_role("button", name="Save changes").click()
    expect(app_status(page, LOG_APP)).to_have_text("Entry saved.")

    log = {e["id"]: e for e in saved_doc(page)["log"]}
    edited = log["ebeta"]
    assert edited["label"] == "Beta Ltd, final round"
    assert edited["ratings"] == {**before["ebeta"]["ratings"], "communication": 4, "closing": 2}
    assert edited["notes"] == "Much calmer this time."
    assert edited["date"] == "2024-04-02" and edited["worksheet"] == WORKSHEET
    assert edited["t"] > before["ebeta"]["t"]
    assert {k: v for k, v in log.items() if k != "ebeta"} == {
        k: v for k, v in before.items() if k != "ebeta"}
    expect(section.locator("td[data-criterion=communication][data-entry=ebeta]")).to_have_text("4")
    expect(section.locator("circle[data-criterion=communication][data-entry=ebeta]")
           ).to_have_attribute("data-value", "4")
    expect(section.locator("li[data-entry=ebeta] strong")).to_have_text("Beta Ltd, final round")
    check_worksheet_log(page, site_url, sheet,
                        [e for e in log.values() if e["worksheet"] == WORKSHEET])

    # Cancel leaves the entry alone; "Yes, delete it" removes it.
    delta = section.locator("li[data-entry=edelta]")
    delta.get_by_role("button", name="Delete").click()
    delta.locator(".debrief-confirm").get_by_role("button", name="Cancel").click()
    expect(delta.locator(".debrief-confirm")).to_have_count(0)
    expect(delta.get_by_role("button", name="Delete")).to_be_focused()
    delta.get_by_role("button", name="Delete").click()
    expect(delta.locator(".debrief-confirm")).to_contain_text('Delete the entry "Delta"?')
    delta.get_by_role("button", name="Yes, delete it").click()
    expect(app_status(page, LOG_APP)).to_have_text("Entry deleted.")
    expect(section.locator("[data-entry=edelta]")).to_have_count(0)
    log = {e["id"]: e for e in saved_doc(page)["log"]}
    assert "edelta" not in log and len(log) == len(ENTRIES) - 1
    check_worksheet_log(page, site_url, sheet,
                        [e for e in log.values() if e["worksheet"] == WORKSHEET])

    # Both changes were saved, not just drawn.
    open_app(page, site_url + LOG_PAGE)
    check_worksheet_log(page, site_url, sheet,
                        [e for e in log.values() if e["worksheet"] == WORKSHEET])


def test_deleting_the_last_entry_leaves_the_empty_log(new_page: Callable[..., Page],
                                                      site_url: str) -> None:
    only = make_entry("eonly", "2024-03-01", {"communication": 3}, "Only one")
    page = new_page(storage_state=with_storage(site_url, {DOC_KEY: make_doc({}, [only])}))
    open_app(page, site_url + LOG_PAGE)
    section = app(page, LOG_APP)
    section.get_by_role("button", name="Delete").click()
    section.get_by_role("button", name="Yes, delete it").click()
    expect(app_status(page, LOG_APP)).to_have_text("Entry deleted.")
    expect(section.locator(".debrief-app-root")).to_contain_text("No entries yet.")
    link = section.locator(".debrief-app-root").get_by_role("link")
    expect(link).to_have_attribute("href", f"{site_url}prepare/mock-interviews/#{MOCK}")
    assert saved_doc(page)["log"] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_feedback_log(new_page: Callable[..., Page], site_url: str, scheme: str) -> None:
    page = seeded_log(new_page, site_url, color_scheme=scheme)
    expect_scheme(page, scheme)
    reports = [axe_report(page, f"{scheme}, with data")]
    section = app(page, LOG_APP).locator(f"section[data-worksheet={WORKSHEET}]")
    section.locator("li[data-entry=ebeta]").get_by_role("button", name="Edit").click()
    section.locator("li[data-entry=eacme]").get_by_role("button", name="Delete").click()
    page.mouse.move(0, 0)
    reports.append(axe_report(page, f"{scheme}, an edit form and a delete question open"))
    if any(reports):
        pytest.fail("\n\n".join(filter(None, reports)))


def test_a_long_log_shows_its_latest_entries_and_all_on_request(
        new_page: Callable[..., Page], site_url: str) -> None:
    """Chart, table and list show the latest 24 entries; averages count all 30; "Show all"
    lists every entry and takes the reader to the first one not shown before."""
    entries = [make_entry(f"n{n:02}", f"2025-01-{n + 1:02}", {"communication": 1 + n % 5})
               for n in range(30)]
    page = new_page(storage_state=with_storage(site_url, {DOC_KEY: make_doc({}, entries)}))
    open_app(page, site_url + LOG_PAGE)
    section = app(page, LOG_APP).locator(f"section[data-worksheet={WORKSHEET}]")
    latest = {e["id"] for e in entries[-24:]}
    cells = section.locator("td[data-criterion=communication][data-entry]")
    assert {c.get_attribute("data-entry") for c in cells.all()} == latest
    circles = section.locator("circle[data-criterion=communication]")
    assert {c.get_attribute("data-entry") for c in circles.all()} == latest
    expect(section.locator("td[data-average=communication]")).to_have_text(
        one_decimal([1 + n % 5 for n in range(30)]))
    expect(section.get_by_text("your latest 24 of 30 entries")).to_be_visible()
    rows = section.locator("ul.debrief-entries > li[data-entry]")
    expect(rows).to_have_count(24)
    section.get_by_role("button", name="Show all 30 entries").click()
    expect(rows).to_have_count(30)
    expect(section.get_by_role("button", name="Show all 30 entries")).to_have_count(0)
    expect(rows.nth(24).get_by_role("button", name="Edit")).to_be_focused()
    assert rows.nth(24).get_attribute("data-entry") == "n05"  # newest first: the 25th newest
