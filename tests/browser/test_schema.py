"""Whatever the site writes keeps to its JSON Schema (debrief/schema): every document it saves in
localStorage, whichever action saved it, and every file it exports. And every file it exports,
its own import takes back, by Replace and by Merge, even from a log as full as it can be."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from debrief.schema import LIMITS
from debrief.settings import DEFAULT_NOTES_LIMIT as NOTES_LIMIT

from .browser_support import *

TOP = 5  # the handbook's scale has five points

OWN = make_doc(
    {CHECKLIST: {"items": {"thank-you-sent": True}, "ratings": {},
                 "t": "2024-05-01T10:00:00.000Z"},
     WORKSHEET: {"items": {}, "ratings": {"communication": 2}, "notes": "Mine.",
                 "t": "2024-05-01T10:00:00.000Z"}},
    [make_entry("efirst", "2024-02-01", {"communication": 2}, "First"),
     make_entry("esecond", "2024-03-01", {"closing": 4}, "Second", notes="Went well.")])
OWN["n"] = 7
FROM_FILE = make_export({CHECKLIST: {"items": {"easy-format": True}}},
                        [make_entry("efile", "2024-04-01", {"examples": 3}, "From a file")])


def save_to_log(page: Page, label: str, date: str) -> None:
    page.locator(f"#{WORKSHEET}--log-label").fill(label)
    page.locator(f"#{WORKSHEET}--log-date").evaluate("(input, day) => { input.value = day; }", date)
    widget(page, WORKSHEET).get_by_role("button", name="Save to log").click()


def exported(page: Page, button: str) -> bytes:
    """A file the progress page downloads, checked against the export schema."""
    _, content = download(page, button)
    assert schema_problems("export", json.loads(content)) == []
    return content


def imports_back(page: Page, content: bytes, choice: str) -> None:
    """The progress page's import takes `content` by `choice` without a problem."""
    choose_file(page, content)
    app(page, PROGRESS_APP).locator(".debrief-import-choice").get_by_role(
        "button", name=choice).click()
    expect(app_status(page, PROGRESS_APP)).to_contain_text("Imported")
    expect(app(page, PROGRESS_APP).locator(".debrief-error-summary")).to_be_hidden()


# ---- Every document the site saves ---------------------------------------------------------


def test_a_widgets_actions_save_documents_the_schema_accepts(page: Page, site_url: str) -> None:
    writes = watch_writes(page)
    open_page(page, site_url + CHECKLIST_PAGE)
    for item in ("thank-you-sent", "right-person", "right-person"):  # tick, tick, untick
        item_label(page, CHECKLIST, item).click()
    expect(saved(page, CHECKLIST)).to_have_text(" Saved on this device.")
    widget(page, CHECKLIST).locator("[data-act=reset]").click()
    widget(page, CHECKLIST).locator("[data-act=confirm]").click()
    expect(saved(page, CHECKLIST)).to_have_text(" Cleared.")

    open_page(page, site_url + WORKSHEET_PAGE)
    rate(page, WORKSHEET, "communication", 3)
    rate(page, WORKSHEET, "examples", TOP)
    notes(page, WORKSHEET).fill("What went well.")
    save_to_log(page, "Acme", "2024-03-01")
    expect(saved(page, WORKSHEET)).to_have_text(" Saved to your feedback log.")

    open_shared(page, f"{site_url}{CHECKLIST_PAGE}#share={CHECKLIST}:easy-format,two-questions")
    banner = share_banner(page, CHECKLIST)
    banner.get_by_role("button", name="Save these answers here").click()
    banner.get_by_role("button", name="Undo").click()
    expect(saved(page, CHECKLIST)).to_contain_text("back as they were")

    assert len(writes) >= 10, writes
    assert written_problems(page, writes) == []


def test_the_log_and_the_progress_page_save_and_export_what_the_schema_says(
        new_page: Callable[..., Page], site_url: str) -> None:
    page = returning_reader(new_page, site_url, OWN)
    writes = watch_writes(page)
    open_app(page, site_url + LOG_PAGE)
    row = app(page, LOG_APP).locator("li[data-entry=efirst]")
    row.get_by_role("button", name="Edit").click()
    row.locator("input[name=label]").fill("First, edited")
    row.locator("select[name=communication]").select_option("4")
    row.locator("textarea[name=notes]").fill("Better than I thought.")
    row.get_by_role("button", name="Save changes").click()
    expect(app_status(page, LOG_APP)).to_have_text("Entry saved.")
    second = app(page, LOG_APP).locator("li[data-entry=esecond]")
    second.get_by_role("button", name="Delete").click()
    second.get_by_role("button", name="Yes, delete it").click()
    expect(app_status(page, LOG_APP)).to_have_text("Entry deleted.")

    open_app(page, site_url + PROGRESS_PAGE)
    mine = exported(page, "Export all my answers")
    imports_back(page, json.dumps(FROM_FILE).encode(), "Merge")
    backup = exported(page, "Download the backup made before your last import")
    imports_back(page, json.dumps(FROM_FILE).encode(), "Replace (a backup is kept)")
    for content in (mine, backup, exported(page, "Export all my answers")):
        for choice in ("Replace (a backup is kept)", "Merge"):
            imports_back(page, content, choice)

    keys = {key for key, _ in writes}
    assert {DOC_KEY, BACKUP_KEY} <= keys, keys
    assert written_problems(page, writes) == []


@pytest.mark.parametrize("kept", ["previous-namespace", "schema-1"])
def test_answers_from_before_are_saved_as_the_schema_says(new_page: Callable[..., Page],
                                                         site_url: str, kept: str) -> None:
    before = ({PREVIOUS_DOC_KEY: OWN} if kept == "previous-namespace" else
              {v1_key(CHECKLIST): {"v": 1, "items": {"right-person": True}, "ratings": {}}})
    page = new_page(storage_state=with_storage(site_url, before))
    writes = watch_writes(page)
    open_page(page, site_url + CHECKLIST_PAGE)
    ticked = "thank-you-sent" if kept == "previous-namespace" else "right-person"
    expect(widget(page, CHECKLIST).locator(f"input[data-item={ticked}]")).to_be_checked()
    assert saved_doc(page) is not None
    assert [key for key, _ in writes] == [DOC_KEY]
    assert written_problems(page, writes) == []


# ---- A log as full as it can be, exported and imported back ------------------------------------


def test_a_full_log_with_the_longest_label_exports_and_imports_back(
        new_page: Callable[..., Page], site_url: str) -> None:
    entries = [make_entry(f"e{n:03d}", "2024-03-01", {"communication": n % TOP + 1},
                          f"Interview {n}") for n in range(LIMITS.entries - 1)]
    page = new_page(storage_state=with_storage(site_url, {DOC_KEY: make_doc({}, entries)}))
    writes = watch_writes(page)
    open_page(page, site_url + WORKSHEET_PAGE)
    for criterion in CRITERIA:
        rate(page, WORKSHEET, criterion, TOP)
    # The longest of each, in characters that take two UTF-16 units each.
    notes(page, WORKSHEET).fill("\U0001F642" * NOTES_LIMIT)
    save_to_log(page, "\U0001F642" * (LIMITS.label + 1), "2024-04-01")
    expect(saved(page, WORKSHEET)).to_have_text(
        f" Not saved to the log: the name of the interview is longer than {LIMITS.label} "
        "characters.")
    save_to_log(page, "\U0001F642" * LIMITS.label, "2024-04-01")
    expect(saved(page, WORKSHEET)).to_have_text(" Saved to your feedback log.")
    doc = saved_doc(page)
    assert len(doc["log"]) == LIMITS.entries
    last = doc["log"][-1]
    assert len(last["label"]) == LIMITS.label and len(last["notes"]) == NOTES_LIMIT
    assert last["ratings"] == dict.fromkeys(CRITERIA, TOP)

    open_app(page, site_url + PROGRESS_PAGE)
    full = exported(page, "Export all my answers")
    for choice in ("Replace (a backup is kept)", "Merge"):
        imports_back(page, full, choice)
        expect(app_status(page, PROGRESS_APP)).to_contain_text(f"{LIMITS.entries} log entries")
    backup = exported(page, "Download the backup made before your last import")
    for choice in ("Replace (a backup is kept)", "Merge"):
        imports_back(page, backup, choice)
    assert len(saved_doc(page)["log"]) == LIMITS.entries
    assert written_problems(page, writes) == []
