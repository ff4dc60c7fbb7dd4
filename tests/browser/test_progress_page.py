"""The progress page: one status per widget of the site, the overall figures, links to each
widget, a summary for a coach to download or print, no axe violation, and a quick draw."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from .browser_support import *

HOME = "home-start"
DAY = "prepare-day-before"
SEEDED = make_doc(
    {CHECKLIST: {"items": dict.fromkeys(CHECKLIST_ITEMS, True), "ratings": {}},  # done
     WORKSHEET: {"items": {}, "ratings": {"communication": 4, "examples": 2, "closing": 1,
                                          "preparation": 0},
                 "notes": "Ask about the team next time."},  # 3 of 7 rated: in progress
     HOME: {"items": {"choose-path": True, "try-a-tick": False}, "ratings": {}},  # in progress
     DAY: {"items": {"rest": False}, "ratings": {}}},  # saved, but nothing ticked: not started
    [make_entry("eacme", "2024-03-01", {"communication": 2, "closing": 4}, "Acme, analyst",
                "Too fast at the start."),
     make_entry("ebeta", "2024-04-02", {"communication": 3}, "Beta Ltd, data lead")])


BETA_ENTRY = f"Log entry: Beta Ltd, data lead ({shown_date('2024-04-02')})"
ACME_ENTRY = f"Log entry: Acme, analyst ({shown_date('2024-03-01')})"


@pytest.fixture(scope="module")
def manifest(built_site: Path) -> dict[str, Any]:
    return site_manifest(built_site)


def seeded_page(new_page: Callable[..., Page], site_url: str, **options: Any) -> Page:
    page = new_page(storage_state=with_storage(site_url, {DOC_KEY: SEEDED}), **options)
    return open_app(page, site_url + PROGRESS_PAGE)


def row(page: Page, widget_id: str):
    return app(page, PROGRESS_APP).locator(f"li[data-widget={widget_id}]")


def test_status_of_every_widget(new_page: Callable[..., Page], site_url: str,
                                manifest: dict[str, Any]) -> None:
    page = returning_reader(new_page, site_url, SEEDED)
    errors = script_errors(page)
    open_app(page, site_url + PROGRESS_PAGE)
    rows = app(page, PROGRESS_APP).locator("li[data-widget]")
    expect(rows).to_have_count(len(manifest["widgets"]))
    assert [r.get_attribute("data-widget") for r in rows.all()] == [
        w["id"] for w in manifest["widgets"]]
    # An entries tool counts its records out of the number it aims for (`total`).
    sizes = {w["id"]: w.get("total", len(w["items"])) for w in manifest["widgets"]}
    done = {CHECKLIST: 7, WORKSHEET: 3, HOME: 1}
    status = {CHECKLIST: "Done", WORKSHEET: "In progress", HOME: "In progress"}
    for widget_id, size in sizes.items():
        line = row(page, widget_id)
        count = done.get(widget_id, 0)
        expect(line.locator(".debrief-badge")).to_have_text(status.get(widget_id, "Not started"))
        bar = line.locator("progress")
        expect(bar).to_have_attribute("max", str(size))
        expect(bar).to_have_attribute("value", str(count))
        expect(line).to_contain_text(f"{count} of {size}")

    total = sum(sizes.values())
    overall = app(page, PROGRESS_APP).locator(".debrief-overall")
    expect(overall.locator("p")).to_have_text(
        f"11 of {total} items done or rated, in 3 of {len(sizes)} tools.")
    expect(overall.locator("progress")).to_have_attribute("value", "11")
    expect(overall.locator("progress")).to_have_attribute("max", str(total))
    # Grouped under the section each page is in.
    group = app(page, PROGRESS_APP).locator(
        "section.debrief-group", has=page.locator(f"li[data-widget={CHECKLIST}]"))
    expect(group.locator("h3")).to_have_text("After the interview")
    # A page outside every section is a group of its own, named once by its title.
    home = app(page, PROGRESS_APP).locator(
        "section.debrief-group", has=page.locator(f"li[data-widget={HOME}]"))
    expect(home.locator("h3")).to_have_text("Home")
    assert errors == []


def test_the_summary_names_where_each_tool_is_once(new_page: Callable[..., Page], site_url: str,
                                                    manifest: dict[str, Any]) -> None:
    """A tool in a section says "Section: Page."; one on a page outside every section says
    "Page." alone, never "Home: Home"."""
    page = seeded_page(new_page, site_url)
    _, content = download(page, "Download summary (Markdown)")
    lines = content.decode("utf-8").splitlines()
    widgets = {w["id"]: w for w in manifest["widgets"]}
    home, checklist = widgets[HOME], widgets[CHECKLIST]
    where = lines[lines.index(f"## {home['title']}") + 2]
    assert where == f"Home. 1 of {len(home['items'])}.", lines
    where = lines[lines.index(f"## {checklist['title']}") + 2]
    assert where == (f"After the interview: {checklist['page']['title']}. "
                     f"7 of {len(checklist['items'])}."), lines
    assert "Home: Home" not in lines


def test_widget_link_opens_it(new_page: Callable[..., Page], site_url: str,
                              manifest: dict[str, Any]) -> None:
    page = seeded_page(new_page, site_url)
    for w in manifest["widgets"]:
        link = row(page, w["id"]).get_by_role("link", name=w["title"], exact=True)
        expect(link).to_have_attribute("href", f"{site_url}{w['page']['url']}#{w['id']}")
    row(page, CHECKLIST).get_by_role("link").click()
    expect(page).to_have_url(f"{site_url}{CHECKLIST_PAGE}#{CHECKLIST}")
    wait_ready(page)
    expect(widget(page, CHECKLIST)).to_be_in_viewport()
    for item in CHECKLIST_ITEMS:
        expect(box(page, CHECKLIST, item)).to_be_checked()


def test_coach_summary_download(new_page: Callable[..., Page], site_url: str,
                                manifest: dict[str, Any]) -> None:
    page = seeded_page(new_page, site_url)
    picks = app(page, PROGRESS_APP).locator(".debrief-picks")
    # Started tools (the one with nothing ticked is not offered), then entries, newest first.
    expect(picks.locator("label")).to_have_text([
        "Set up this device", "Before you ask for feedback", "Rate your last interview",
        BETA_ENTRY, ACME_ENTRY])
    for label in picks.locator("input[type=checkbox]").all():
        expect(label).to_be_checked()
    picks.get_by_label("Set up this device").uncheck()
    picks.get_by_label(BETA_ENTRY).uncheck()

    name, content = download(page, "Download summary (Markdown)")
    assert name.startswith("debrief-summary-") and name.endswith(".md")
    text = content.decode("utf-8")
    widgets = {w["id"]: w for w in manifest["widgets"]}
    lines = text.splitlines()
    assert lines[0].startswith("# Debrief summary, ")
    assert "## Before you ask for feedback" in lines
    for item in widgets[CHECKLIST]["items"]:
        assert f"- [x] {item['text']}" in lines
    assert "## Rate your last interview" in lines
    sheet = {i["id"]: i["text"] for i in widgets[WORKSHEET]["items"]}
    for criterion, level in (("communication", "Strong"), ("examples", "Weak"),
                             ("closing", "Not shown"), ("preparation", "Not rated"),
                             ("interpersonal", "Not rated")):
        assert f"- {sheet[criterion]}: {level}" in lines
    notes_at = lines.index("Notes:")  # the reader's notes follow as an indented block
    assert lines[notes_at + 2] == "    Ask about the team next time."
    assert f"## {ACME_ENTRY}" in lines
    assert "    Too fast at the start." in lines
    acme = lines[lines.index(f"## {ACME_ENTRY}"):]
    assert f"- {sheet['communication']}: Weak" in acme
    assert f"- {sheet['closing']}: Strong" in acme
    # Nothing that was not chosen.
    assert "Set up this device" not in text
    for item in widgets[HOME]["items"]:
        assert item["text"] not in text
    assert "Beta Ltd" not in text
    assert "The day before" not in text


def test_print_summary(new_page: Callable[..., Page], site_url: str) -> None:
    page = seeded_page(new_page, site_url)
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    picks = app(page, PROGRESS_APP).locator(".debrief-picks")
    picks.get_by_label("Set up this device").uncheck()
    area = app(page, PROGRESS_APP).locator(".debrief-print-area")
    expect(area).to_be_hidden()
    app(page, PROGRESS_APP).get_by_role("button", name="Print summary").click()
    page.wait_for_function("window.printed === 1")  # the summary's module loads first
    expect(area).to_be_hidden()  # on screen, nothing changes

    page.emulate_media(media="print")
    expect(area).to_be_visible()
    expect(area.locator("h2")).to_contain_text("Debrief summary, ")
    expect(area.locator("h3")).to_have_text([
        "Before you ask for feedback", "Rate your last interview",
        BETA_ENTRY, ACME_ENTRY])
    expect(area).to_contain_text("- [x] Send your thank-you note first")
    expect(area).not_to_contain_text("Set up this device")
    # Only the summary prints: the rest of the page is hidden.
    expect(row(page, CHECKLIST)).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator("h1")).to_be_hidden()
    box = area.bounding_box()
    assert box is not None and box["height"] > 100


# ---- Accessibility ----------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_progress_page(new_page: Callable[..., Page], site_url: str, scheme: str) -> None:
    page = seeded_page(new_page, site_url, color_scheme=scheme)
    expect_scheme(page, scheme)
    reports = [axe_report(page, f"{scheme}, with data")]
    # Every other state: an import waiting for a choice, the delete question, an error summary.
    choose_file(page, {"format": "debrief", "version": 2, "site": "debrief",
                       "exported": "2024-06-01T12:00:00.000Z", "widgets": {}, "log": []})
    # The import's module loads first: axe must see the choice, not the moment before it.
    expect(app(page, PROGRESS_APP).get_by_role("button", name="Merge")).to_be_focused()
    app(page, PROGRESS_APP).get_by_role("button", name="Delete all my data").click()
    expect(app(page, PROGRESS_APP).locator(".debrief-confirm")).to_be_visible()
    page.mouse.move(0, 0)
    reports.append(axe_report(page, f"{scheme}, import choice and delete question open"))
    choose_file(page, b"not json")
    expect(app(page, PROGRESS_APP).locator(".debrief-error-summary")).to_be_focused()
    reports.append(axe_report(page, f"{scheme}, error summary shown"))
    if any(reports):
        pytest.fail("\n\n".join(filter(None, reports)))


# ---- Performance ------------------------------------------------------------------------------


def full_doc(manifest: dict[str, Any]) -> dict[str, Any]:
    """Answers for every widget of the site, and 20 log entries of the self-rating worksheet."""
    widgets, fields, records = {}, {}, {}
    for n, w in enumerate(manifest["widgets"]):
        ids = [i["id"] for i in w["items"]]
        if w["kind"] == "checklist":
            widgets[w["id"]] = {"items": {i: (k + n) % 2 == 0 for k, i in enumerate(ids)},
                                "ratings": {}}
        elif w["kind"] == "fields":  # values are the site's, by name, not the tool's
            fields.update({i: {"value": f"Value {k}", "t": "2024-01-01T00:00:00.000Z"}
                           for k, i in enumerate(ids)})
        elif w["kind"] == "entries":  # a record per field, each with a value
            records[w["id"]] = {f"r{k}": {"values": {i: f"Value {k}"}, "rank": k,
                                          "t": "2024-01-01T00:00:00.000Z"}
                                for k, i in enumerate(ids)}
        else:
            widgets[w["id"]] = {"items": {}, "ratings": {i: (k + n) % len(w["scale"]) + 1
                                                         for k, i in enumerate(ids)},
                                "notes": "Notes " * 50}
    sheet = next(w for w in manifest["widgets"] if w["id"] == WORKSHEET)
    log = [make_entry(f"e{n:02d}", f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                      {i["id"]: (n + k) % 5 + 1
                       for k, i in enumerate(sheet["items"]) if n + k != 7},
                      f"Interview {n}", "A note. " * 20)
           for n in range(20)]
    return {**make_doc(widgets, log), "fields": fields, "records": records}


def test_progress_page_and_log_restore_a_full_data_set(new_page: Callable[..., Page],
                                                      site_url: str,
                                                      manifest: dict[str, Any]) -> None:
    """With answers for every widget and 20 log entries, both pages show all of them. (How fast
    is measured by bench/bench.py, not here: timings on a shared test machine are noise.)"""
    page = new_page(storage_state=with_storage(site_url, {DOC_KEY: full_doc(manifest)}))
    open_app(page, site_url + PROGRESS_PAGE)
    # A widget kept for the session (the interviewer's scorecard) shows what this tab holds,
    # not what a device document says: it is not started here.
    for_the_session = [w for w in manifest["widgets"] if w.get("keep") == "session"]
    assert for_the_session, "the handbook's scorecard is kept for the session"
    expect(app(page, PROGRESS_APP).locator(".debrief-picks input")).to_have_count(
        len(manifest["widgets"]) - len(for_the_session) + 20)
    expect(app(page, PROGRESS_APP).locator(".debrief-badge", has_text="Not started")
           ).to_have_count(len(for_the_session))
    open_app(page, site_url + LOG_PAGE)
    expect(app(page, LOG_APP).locator(f"section[data-worksheet={WORKSHEET}] li[data-entry]")
           ).to_have_count(20)
