"""Export, delete and import on the progress page: a round trip brings back every answer and log
entry; a bad file is refused with an error summary and runs nothing; merge and replace do what
they say, and a replace keeps a backup."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .browser_support import *

DAY_PAGE, DAY = "prepare/interview-day/", "prepare-day-before"
DAY_ITEMS = ("confirm-details", "pack-items", "contact-number", "plan-journey", "test-video",
             "light-review", "questions-ready", "rest")

EXPORTED_EARLIER = "2020-01-01T00:00:00.000Z"
IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=1</script>"


def debrief_keys(page: Page) -> list[str]:
    return page.evaluate(
        "() => Object.keys(localStorage).filter((k) => k.startsWith('debrief')).sort()")


def save_to_log(page: Page, label: str, date: str) -> None:
    page.locator(f"#{WORKSHEET}--log-label").fill(label)
    page.locator(f"#{WORKSHEET}--log-date").fill(date)
    widget(page, WORKSHEET).get_by_role("button", name="Save to log").click()
    expect(widget(page, WORKSHEET).locator(".debrief-saved")).to_have_text(
        " Saved to your feedback log.")


def watch_for_attacks(page: Page) -> list[str]:
    """Dialogs the page opens, recorded (and dismissed) so a test can assert there were none."""
    dialogs: list[str] = []

    def record(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    return dialogs


def pwned(page: Page) -> Any:
    return page.evaluate("() => window.__pwned")


# ---- 1. Round trip ----------------------------------------------------------------------------


def test_export_delete_import_round_trip(page: Page, site_url: str, built_site: Path,
                                         page_errors: list) -> None:
    open_page(page, site_url + CHECKLIST_PAGE)
    for item in ("thank-you-sent", "two-questions", "listen-mindset"):
        item_label(page, CHECKLIST, item).click()
    open_page(page, site_url + DAY_PAGE)
    for item in ("pack-items", "rest"):
        item_label(page, DAY, item).click()
    open_page(page, site_url + WORKSHEET_PAGE)
    rate(page, WORKSHEET, "communication", 4)
    rate(page, WORKSHEET, "examples", 2)
    notes(page, WORKSHEET).fill("Rushed the first answer.\nGood story about the migration.")
    save_to_log(page, "Acme, analyst", "2024-03-01")
    rate(page, WORKSHEET, "communication", 3)
    rate(page, WORKSHEET, "closing", 5)
    save_to_log(page, "Beta Ltd, data lead", "2024-04-02")
    before = saved_doc(page)
    assert before is not None and len(before["log"]) == 2
    assert set(before["widgets"]) == {CHECKLIST, DAY, WORKSHEET}

    open_app(page, site_url + PROGRESS_PAGE)
    name, content = download(page, "Export all my answers")
    assert name.endswith(".json") and NAMESPACE in name
    exported = json.loads(content)
    assert {k: exported[k] for k in ("format", "version", "site")} == {
        "format": "debrief", "version": 2, "site": NAMESPACE}
    assert exported["exported"] >= before["t"]
    assert exported["widgets"] == before["widgets"]
    assert exported["log"] == before["log"]

    app(page, PROGRESS_APP).get_by_role("button", name="Delete all my data").click()
    app(page, PROGRESS_APP).get_by_role("button", name="Yes, delete everything").click()
    expect(app_status(page, PROGRESS_APP)).to_have_text(
        "Deleted every answer and log entry on this device.")
    assert debrief_keys(page) == []
    badges = app(page, PROGRESS_APP).locator("li[data-widget] .debrief-badge")
    assert badges.count() > 0
    assert set(badges.all_text_contents()) == {"Not started"}
    manifest = site_manifest(built_site)
    # An entries tool counts its records out of its aim (`total`), the others their items.
    total = sum(w.get("total", len(w["items"])) for w in manifest["widgets"])
    nothing = f"0 of {total} items done or rated, in 0 of {len(manifest['widgets'])} tools."
    expect(app(page, PROGRESS_APP).locator(".debrief-overall p")).to_have_text(nothing)
    expect(app(page, PROGRESS_APP).locator(".debrief-picks")).to_contain_text("Nothing started yet")
    open_app(page, site_url + PROGRESS_PAGE)  # and so it stays after a reload
    expect(app(page, PROGRESS_APP).locator(".debrief-overall p")).to_have_text(nothing)
    assert debrief_keys(page) == []

    choose_file(page, content, name)
    choice = app(page, PROGRESS_APP).locator(".debrief-import-choice")
    expect(choice).to_contain_text("3 tools and 2 log entries")
    expect(choice.get_by_role("button", name="Merge")).to_be_focused()
    choice.get_by_role("button", name="Replace (a backup is kept)").click()
    expect(app_status(page, PROGRESS_APP)).to_have_text("Imported 3 tools and 2 log entries.")
    after = saved_doc(page)
    assert after is not None
    assert after["widgets"] == before["widgets"]
    assert after["log"] == before["log"]
    for widget_id, status in ((CHECKLIST, "In progress"), (DAY, "In progress"),
                              (WORKSHEET, "In progress"), ("home-start", "Not started")):
        expect(app(page, PROGRESS_APP).locator(f"li[data-widget={widget_id}] .debrief-badge")
               ).to_have_text(status)

    # Every tick, rating, note and entry is back on its page.
    open_page(page, site_url + CHECKLIST_PAGE)
    expect_checked(page, CHECKLIST, {"thank-you-sent", "two-questions", "listen-mindset"},
                   CHECKLIST_ITEMS)
    open_page(page, site_url + DAY_PAGE)
    expect_checked(page, DAY, {"pack-items", "rest"}, DAY_ITEMS)
    open_page(page, site_url + WORKSHEET_PAGE)
    chosen = {"communication": 3, "examples": 2, "closing": 5}
    for criterion in CRITERIA:
        expect(radio(page, WORKSHEET, criterion, chosen.get(criterion, 0))).to_be_checked()
    expect(notes(page, WORKSHEET)).to_have_value(
        "Rushed the first answer.\nGood story about the migration.")
    open_app(page, site_url + LOG_PAGE)
    entries = app(page, LOG_APP).locator("ul.debrief-entries li[data-entry]")
    expect(entries).to_have_count(2)
    expect(entries.nth(0)).to_contain_text("Beta Ltd, data lead")
    expect(entries.nth(1)).to_contain_text("Acme, analyst")
    log = app(page, LOG_APP)
    first, second = (e["id"] for e in before["log"])
    expect(log.locator(f'td[data-criterion=communication][data-entry="{first}"]')).to_have_text("4")
    expect(log.locator(f'td[data-criterion=communication][data-entry="{second}"]')).to_have_text("3")
    expect(log.locator(f'td[data-criterion=closing][data-entry="{second}"]')).to_have_text("5")
    assert page_errors == []


# ---- 2. Files that must be refused, files read in part, and payloads that must stay text --------

LOCAL = make_doc({CHECKLIST: {"items": {"thank-you-sent": True}, "ratings": {}}},
                 [make_entry("elocal1", "2024-02-01", {"communication": 3}, "Local")])

BAD_TYPES = make_export(
    {IMG: {"items": {"thank-you-sent": True}},
     CHECKLIST: {"items": {"thank-you-sent": "yes"}},
     WORKSHEET: {"ratings": {"communication": "5"}, "notes": SCRIPT}},
    [make_entry("e1", "2024-03-01", {"communication": 4}, IMG, SCRIPT),
     {**make_entry("e2", "yesterday", {"communication": 2}, SCRIPT), "worksheet": IMG},
     "not an entry"])

REFUSED: dict[str, tuple[bytes, list[str]]] = {
    "malformed JSON": (b'{"format": "debrief", "version": 2,', [
        "The file is not a Debrief export: it is not valid JSON."]),
    "another site": (json.dumps(make_export({CHECKLIST: {"items": {"rest": True}}}, [],
                                            site="other")).encode(), [
        'The file comes from another site ("other"), not this one. '
        "Export from this site to move answers here."]),
    "larger than 10 MB": (json.dumps({**make_export({}, []),
                                      "padding": "x" * 10_000_001}).encode(), [
        "The file is larger than 10 MB, so it is not a Debrief export."]),
    "not an export": (json.dumps({"v": 2, "widgets": {}, "log": []}).encode(), [
        "The file is not a Debrief export: it has no Debrief format mark."]),
}


@pytest.mark.parametrize("case", REFUSED)
def test_bad_file_is_refused_with_an_error_summary(new_page: Callable[..., Page], site_url: str,
                                                   case: str) -> None:
    content, problems = REFUSED[case]
    page = returning_reader(new_page, site_url, LOCAL)
    dialogs = watch_for_attacks(page)
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, content)

    summary = app(page, PROGRESS_APP).locator(".debrief-error-summary[role=alert]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.locator("h3")).to_have_text("There is a problem")
    links = summary.locator("li a")
    expect(links).to_have_text(problems)
    for link in links.all():
        assert link.get_attribute("href") == "#debrief-import-file"
    assert summary.locator("img, script").count() == 0
    # Nothing to choose, nothing imported, nothing run.
    expect(app(page, PROGRESS_APP).locator(".debrief-import-choice button")).to_have_count(0)
    assert saved_doc(page) == LOCAL
    assert saved_json(page, BACKUP_KEY) is None
    assert pwned(page) is None and dialogs == []

    # A good file afterwards clears the summary.
    choose_file(page, make_export({}, []))
    expect(summary).to_be_hidden()
    expect(app(page, PROGRESS_APP).locator(".debrief-import-choice")).to_contain_text(
        "0 tools and 0 log entries")


def test_a_file_with_parts_that_cannot_be_read_lists_them_and_offers_the_rest(
        new_page: Callable[..., Page], site_url: str) -> None:
    """Each part that cannot be read is listed, as in the error summary; what can be read may
    still be imported, and nothing is until the reader chooses."""
    page = returning_reader(new_page, site_url, LOCAL)
    dialogs = watch_for_attacks(page)
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, json.dumps(BAD_TYPES).encode())
    summary = app(page, PROGRESS_APP).locator(".debrief-error-summary[role=alert]")
    expect(summary).to_be_focused()
    expect(summary.locator("li a")).to_have_text([
        f'The answers for "{IMG}" are not in the expected form.',
        f'The answers for "{CHECKLIST}" are not in the expected form.',
        f'The answers for "{WORKSHEET}" are not in the expected form.',
        "Log entry 2 is not in the expected form.",
        "Log entry 3 is not in the expected form."])
    assert summary.locator("img, script").count() == 0
    choice = app(page, PROGRESS_APP).locator(".debrief-import-choice")
    expect(choice).to_contain_text("The file has answers for 0 tools and 1 log entry.")
    assert saved_doc(page) == LOCAL and saved_json(page, BACKUP_KEY) is None
    choice.get_by_role("button", name="Merge").click()
    expect(app_status(page, PROGRESS_APP)).to_contain_text("Imported 0 tools and 1 log entry.")
    assert [entry["id"] for entry in saved_doc(page)["log"]] == ["elocal1", "e1"]
    assert pwned(page) is None and dialogs == []


def test_error_summary_link_moves_focus_to_the_file_input(page: Page, site_url: str) -> None:
    """As in the GOV.UK pattern: following a problem's link puts the reader in the field."""
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, b"{")
    summary = app(page, PROGRESS_APP).locator(".debrief-error-summary")
    expect(summary).to_be_focused()
    summary.get_by_role("link").first.click()
    expect(page.locator("#debrief-import-file")).to_be_focused()


PAYLOAD_ENTRY = make_entry("epayload", "2024-03-01", {"communication": 2, "closing": 4},
                           IMG, SCRIPT)
PAYLOAD_FILE = make_export(
    {WORKSHEET: {"items": {}, "ratings": {"communication": 2}, "notes": IMG + SCRIPT,
                 "t": "2024-03-01T18:00:00.000Z"}},
    [PAYLOAD_ENTRY, make_entry("eplain", "2024-04-01", {"communication": 3}, "Plain")])


def test_payloads_in_a_valid_file_stay_text(page: Page, site_url: str,
                                            page_errors: list) -> None:
    dialogs = watch_for_attacks(page)
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, PAYLOAD_FILE)
    app(page, PROGRESS_APP).get_by_role("button", name="Replace (a backup is kept)").click()
    expect(app_status(page, PROGRESS_APP)).to_have_text("Imported 1 tool and 2 log entries.")
    assert saved_doc(page)["log"] == PAYLOAD_FILE["log"]
    picks = app(page, PROGRESS_APP).locator(".debrief-picks")
    expect(picks).to_contain_text(f"Log entry: {IMG} ({shown_date('2024-03-01')})")
    assert app(page, PROGRESS_APP).locator("img, script").count() == 0

    open_app(page, site_url + LOG_PAGE)
    log = app(page, LOG_APP)
    row = log.locator('ul.debrief-entries li[data-entry="epayload"]')
    expect(row.locator("strong")).to_have_text(IMG)
    expect(row.locator(".debrief-entry-notes")).to_have_text(SCRIPT)
    assert "<img" in log.evaluate("(e) => e.textContent")
    expect(log.locator("table.debrief-ratings thead")).to_contain_text(
        f"{IMG} ({shown_date('2024-03-01')})")
    assert log.locator("img, script").count() == 0
    # The edit form and the delete question show it as text too.
    row.get_by_role("button", name="Edit").click()
    expect(row.locator("form input[name=label]")).to_have_value(IMG)
    expect(row.locator("form textarea[name=notes]")).to_have_value(SCRIPT)
    row.get_by_role("button", name="Delete").click()
    expect(row.locator(".debrief-confirm span")).to_have_text(f'Delete the entry "{IMG}"?')
    assert log.locator("img, script").count() == 0

    open_page(page, site_url + WORKSHEET_PAGE)
    expect(notes(page, WORKSHEET)).to_have_value(IMG + SCRIPT)
    assert widget(page, WORKSHEET).locator(".debrief-notes-print img, "
                                           ".debrief-notes-print script").count() == 0
    assert pwned(page) is None and dialogs == [] and page_errors == []


def test_coach_summary_after_importing_entry_ids_with_quotes(page: Page, site_url: str) -> None:
    """Import accepts any short string as a log entry's id; the summary must still work."""
    odd = make_entry(IMG, "2024-03-01", {"communication": 2}, "Odd id")
    dialogs = watch_for_attacks(page)
    errors = script_errors(page)
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, make_export({}, [odd]))
    app(page, PROGRESS_APP).get_by_role("button", name="Merge").click()
    expect(app_status(page, PROGRESS_APP)).to_have_text("Imported 0 tools and 1 log entry.")
    try:
        with page.expect_download(timeout=3000) as info:
            page.get_by_role("button", name="Download summary (Markdown)").click()
    except PlaywrightTimeoutError:
        pytest.fail(f"no summary was downloaded; the page threw: {errors}")
    with open(info.value.path(), encoding="utf-8") as file:
        assert f"## Log entry: Odd id ({shown_date('2024-03-01')})" in file.read()
    assert errors == [] and pwned(page) is None and dialogs == []


def test_imported_entries_without_a_time_show_in_the_log(page: Page, site_url: str) -> None:
    """An entry's `t` is not required by the import, so the log must draw without it (here two
    entries of one worksheet on one day, which the log orders by `t`)."""
    errors = script_errors(page)
    first, second = (make_entry(entry_id, "2024-03-01", {"communication": value}, label)
                     for entry_id, value, label in (("emorning", 2, "Morning"),
                                                    ("eafternoon", 4, "Afternoon")))
    del first["t"], second["t"]
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, make_export({}, [first, second]))
    app(page, PROGRESS_APP).get_by_role("button", name="Merge").click()
    expect(app_status(page, PROGRESS_APP)).to_have_text("Imported 0 tools and 2 log entries.")
    page.goto(site_url + LOG_PAGE)
    entries = app(page, LOG_APP).locator("ul.debrief-entries li[data-entry]")
    try:
        expect(entries).to_have_count(2, timeout=3000)
    except AssertionError:
        pytest.fail(f"the log shows no entries; the page threw: {errors}")
    assert errors == []


# ---- 3. Merge and replace ---------------------------------------------------------------------

MINE = make_doc(
    {CHECKLIST: {"items": {"thank-you-sent": True, "right-person": False}, "ratings": {},
                 "t": "2024-05-01T10:00:00.000Z"},
     WORKSHEET: {"items": {}, "ratings": {"communication": 2}, "notes": "Mine, older",
                 "t": "2024-01-01T10:00:00.000Z"},
     DAY: {"items": {"rest": True}, "ratings": {}, "t": "2024-01-01T10:00:00.000Z"}},
    [make_entry("emine", "2024-02-01", {"communication": 2}, "Only here"),
     make_entry("eboth", "2024-03-01", {"communication": 3}, "Old label",
                t="2024-03-01T18:00:00.000Z")])
THEIRS = make_export(
    {CHECKLIST: {"items": {"thank-you-sent": False, "right-person": True}, "ratings": {},
                 "t": "2024-04-01T10:00:00.000Z"},
     WORKSHEET: {"items": {}, "ratings": {"communication": 4, "closing": 5},
                 "notes": "Theirs, newer", "t": "2024-06-01T10:00:00.000Z"},
     "home-start": {"items": {"choose-path": True}, "ratings": {},
                    "t": "2024-02-01T10:00:00.000Z"}},
    [make_entry("etheirs", "2024-04-01", {"closing": 4}, "Only in the file"),
     make_entry("eboth", "2024-03-01", {"communication": 4}, "New label",
                t="2024-05-01T18:00:00.000Z")])


def import_with(page: Page, site_url: str, how: str) -> None:
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, THEIRS)
    app(page, PROGRESS_APP).get_by_role("button", name=how).click()
    expect(app_status(page, PROGRESS_APP)).to_have_text("Imported 3 tools and 2 log entries.")


def test_merge_keeps_both_and_the_newer_state_wins(new_page: Callable[..., Page],
                                                     site_url: str) -> None:
    """Per answer: a tick or a rating on either side is kept (an empty answer never erases
    one); of two different ratings or notes, the newer side's; a copy is kept first."""
    page = returning_reader(new_page, site_url, MINE)
    import_with(page, site_url, "Merge")
    doc = saved_doc(page)
    assert doc["widgets"] == {
        CHECKLIST: {**MINE["widgets"][CHECKLIST],  # mine is newer, and the file adds a tick
                    "items": {"thank-you-sent": True, "right-person": True}},
        WORKSHEET: THEIRS["widgets"][WORKSHEET],  # theirs is newer
        DAY: MINE["widgets"][DAY],  # only mine
        "home-start": THEIRS["widgets"]["home-start"],  # only theirs
    }
    by_id = {entry["id"]: entry for entry in doc["log"]}
    assert len(doc["log"]) == 3
    assert by_id == {"emine": MINE["log"][0], "etheirs": THEIRS["log"][0],
                     "eboth": THEIRS["log"][1]}
    assert saved_json(page, BACKUP_KEY) == MINE
    for widget_id in (CHECKLIST, WORKSHEET, DAY, "home-start"):
        expect(app(page, PROGRESS_APP).locator(f"li[data-widget={widget_id}] .debrief-badge")
               ).to_have_text("In progress")

    open_page(page, site_url + CHECKLIST_PAGE)
    expect_checked(page, CHECKLIST, {"thank-you-sent", "right-person"}, CHECKLIST_ITEMS)
    open_page(page, site_url + WORKSHEET_PAGE)
    expect(radio(page, WORKSHEET, "communication", 4)).to_be_checked()
    expect(radio(page, WORKSHEET, "closing", 5)).to_be_checked()
    expect(notes(page, WORKSHEET)).to_have_value("Theirs, newer")
    open_app(page, site_url + LOG_PAGE)
    entries = app(page, LOG_APP).locator("ul.debrief-entries li[data-entry]")
    expect(entries).to_have_count(3)
    expect(app(page, LOG_APP).locator('li[data-entry="eboth"] strong')).to_have_text("New label")


def test_merge_keeps_answers_changed_here_after_the_export(new_page: Callable[..., Page],
                                                            site_url: str) -> None:
    """A tick made on this device after the file was exported is newer than the file's state of
    that checklist, so a merge keeps it."""
    page = new_page()
    open_page(page, site_url + CHECKLIST_PAGE)
    item_label(page, CHECKLIST, "two-questions").click()
    older = make_export({CHECKLIST: {"items": {"two-questions": False, "thank-you-sent": True},
                                     "ratings": {}, "t": EXPORTED_EARLIER}}, [])
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, older)
    app(page, PROGRESS_APP).get_by_role("button", name="Merge").click()
    expect(app_status(page, PROGRESS_APP)).to_have_text("Imported 1 tool and 0 log entries.")
    assert saved_doc(page)["widgets"][CHECKLIST]["items"]["two-questions"] is True
    open_page(page, site_url + CHECKLIST_PAGE)
    expect_checked(page, CHECKLIST, {"two-questions", "thank-you-sent"}, CHECKLIST_ITEMS)


def test_replace_takes_the_file_and_keeps_a_backup(new_page: Callable[..., Page],
                                                    site_url: str) -> None:
    page = returning_reader(new_page, site_url, MINE)
    import_with(page, site_url, "Replace (a backup is kept)")
    doc = saved_doc(page)
    assert doc["v"] == 2
    assert doc["widgets"] == THEIRS["widgets"]
    assert doc["log"] == THEIRS["log"]
    assert saved_json(page, BACKUP_KEY) == MINE
    expect(app(page, PROGRESS_APP).locator(f"li[data-widget={DAY}] .debrief-badge")
           ).to_have_text("Not started")

    # The backup can be downloaded as an export file, and imported back.
    name, content = download(page, "Download the backup made before your last import")
    backup = json.loads(content)
    assert (backup["format"], backup["site"]) == ("debrief", NAMESPACE)
    assert backup["widgets"] == MINE["widgets"] and backup["log"] == MINE["log"]
    choose_file(page, content, name)
    app(page, PROGRESS_APP).get_by_role("button", name="Replace (a backup is kept)").click()
    expect(app_status(page, PROGRESS_APP)).to_have_text("Imported 3 tools and 2 log entries.")
    assert saved_doc(page)["widgets"] == MINE["widgets"]
    assert saved_json(page, BACKUP_KEY)["widgets"] == THEIRS["widgets"]

    open_page(page, site_url + DAY_PAGE)
    expect(box(page, DAY, "rest")).to_be_checked()


def test_cancel_imports_nothing(new_page: Callable[..., Page], site_url: str) -> None:
    page = returning_reader(new_page, site_url, MINE)
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, THEIRS)
    choice = app(page, PROGRESS_APP).locator(".debrief-import-choice")
    choice.get_by_role("button", name="Cancel").click()
    expect(choice.locator("button")).to_have_count(0)
    assert saved_doc(page) == MINE
    assert saved_json(page, BACKUP_KEY) is None
