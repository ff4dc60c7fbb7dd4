"""Nothing a reader saved is ever lost (issue 8), one test or more per case of the issue, most
severe first: a write that replaces or drops answers keeps a copy first or fails loudly; what
the site cannot read is kept aside; merges and share links add instead of erasing; odd stored
values never break a page; whatever the site writes it reads back; and the coach summary keeps
the reader's words as text."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown
import pytest
from playwright.sync_api import Page, expect

from .browser_support import *

FUTURE = "2999-01-01T00:00:00.000Z"


def ticked(doc: dict[str, Any], widget_id: str) -> set[str]:
    return {k for k, v in doc["widgets"][widget_id].get("items", {}).items() if v}


def rated(doc: dict[str, Any], widget_id: str) -> dict[str, int]:
    return {k: v for k, v in doc["widgets"][widget_id].get("ratings", {}).items() if v}


MINE = make_doc(
    {CHECKLIST: {"items": {"thank-you-sent": True, "right-person": True}, "ratings": {},
                 "t": "2024-05-01T10:00:00.000Z"},
     WORKSHEET: {"items": {}, "ratings": {"communication": 2, "examples": 4},
                 "notes": "My own notes.", "t": "2024-05-01T10:00:00.000Z"}},
    [make_entry("emine", "2024-02-01", {"communication": 2}, "Mine")])


# ---- 1 and 8. A replace keeps a backup or replaces nothing; failures are told as such ------------


def test_1_replace_without_room_for_a_backup_replaces_nothing(new_page: Callable[..., Page],
                                                              site_url: str) -> None:
    page = returning_reader(new_page, site_url, MINE)
    page.add_init_script(full_for("debrief-backup:"))
    errors = script_errors(page)
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, make_export({}, []))
    app(page, PROGRESS_APP).get_by_role("button", name="Replace (a backup is kept)").click()
    status = app_status(page, PROGRESS_APP)
    expect(status).to_contain_text("Nothing was imported")
    expect(status).not_to_contain_text("Imported")
    assert saved_doc(page) == MINE
    assert saved_json(page, BACKUP_KEY) is None
    assert errors == []


def test_8_a_failed_replace_is_not_reported_as_imported(new_page: Callable[..., Page],
                                                        site_url: str) -> None:
    page = returning_reader(new_page, site_url, MINE)
    page.add_init_script(full_for(DOC_KEY))
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, make_export({}, []))
    app(page, PROGRESS_APP).get_by_role("button", name="Replace (a backup is kept)").click()
    expect(app_status(page, PROGRESS_APP)).to_contain_text("Nothing was imported")
    expect(app_status(page, PROGRESS_APP)).to_contain_text("no room")
    assert saved_doc(page) == MINE
    # What the page shows is still what is saved.
    expect(app(page, PROGRESS_APP).locator(f"li[data-widget={CHECKLIST}] .debrief-badge")
           ).to_have_text("In progress")


def test_8_full_storage_is_told_apart_and_saving_resumes(page: Page, site_url: str) -> None:
    page.add_init_script(full_for("debrief:"))
    errors = script_errors(page)
    open_page(page, site_url + CHECKLIST_PAGE)
    item_label(page, CHECKLIST, "thank-you-sent").click()
    expect(saved(page, CHECKLIST)).to_contain_text("no room")
    expect(saved(page, CHECKLIST)).not_to_contain_text("blocks storage")
    expect(widget(page, CHECKLIST).locator(".debrief-notice")).to_be_hidden()

    page.evaluate("window.__full = false")  # the reader freed some space
    item_label(page, CHECKLIST, "right-person").click()
    expect(saved(page, CHECKLIST)).to_have_text(" Saved on this device.")
    assert ticked(saved_doc(page), CHECKLIST) == {"thank-you-sent", "right-person"}
    assert errors == []


# ---- 2. What the site cannot read is kept aside, never shown as empty and then overwritten -------

NEWER = json.dumps({"v": 99, "widgets": {CHECKLIST: {"answers": ["thank-you-sent"]}},
                    "log": [], "t": "2030-01-01T00:00:00.000Z"})
TRUNCATED = json.dumps(MINE)[:-40]


@pytest.mark.parametrize("raw", [NEWER, TRUNCATED], ids=["newer-schema", "truncated-json"])
def test_2_a_document_the_site_cannot_read_is_kept_aside(new_page: Callable[..., Page],
                                                         site_url: str, raw: str) -> None:
    page = returning_reader(new_page, site_url, raw)
    errors = script_errors(page)
    open_page(page, site_url + CHECKLIST_PAGE)
    expect(saved(page, CHECKLIST)).to_contain_text("kept aside")
    item_label(page, CHECKLIST, "two-questions").click()
    expect(saved(page, CHECKLIST)).to_have_text(" Saved on this device.")
    assert page.evaluate("(k) => localStorage.getItem(k)", RECOVERY_KEY) == raw
    assert ticked(saved_doc(page), CHECKLIST) == {"two-questions"}

    # The progress page says so, and hands the document back: as an export file holding all of
    # it (which the newer version of the site it came from imports), or, when it is no JSON at
    # all, as it was.
    open_app(page, site_url + PROGRESS_PAGE)
    expect(app(page, PROGRESS_APP)).to_contain_text("kept aside")
    name, content = download(page, "Download the answers kept aside")
    assert name.endswith(".json")
    if raw == TRUNCATED:
        assert content.decode("utf-8") == raw
    else:
        file = json.loads(content)
        kept = json.loads(raw)
        assert file["format"] == "debrief" and file["site"] == NAMESPACE
        assert file["version"] == kept["v"] == 99
        assert file["widgets"] == kept["widgets"] and file["log"] == kept["log"]
        choose_file(page, content)
        expect(app(page, PROGRESS_APP).locator(".debrief-error-summary")).to_contain_text(
            "The file comes from a newer version of Debrief.")
    assert errors == []


# Found in the second round: what was kept aside must come back through an import. What can be
# read of it does; what cannot is listed, and stays in the file the reader holds.
PARTLY_READABLE = json.dumps({"v": 2, "widgets": {
    CHECKLIST: {"items": {"thank-you-sent": True, "easy-format": True}},
    WORKSHEET: {"ratings": {"communication": "four"}}}, "log": [
    make_entry("eok", "2024-02-01", {"communication": 2}, "Readable"),
    {**make_entry("ebad", "2024-02-30", {"communication": 2}, "Impossible day")}],
    "t": "2024-06-01T12:00:00.000Z", "n": 3})


def test_download_the_answers_kept_aside_gives_a_file_import_reads_back(
        new_page: Callable[..., Page], site_url: str) -> None:
    page = returning_reader(new_page, site_url, PARTLY_READABLE)
    open_page(page, site_url + CHECKLIST_PAGE)
    expect_checked(page, CHECKLIST, {"thank-you-sent", "easy-format"}, CHECKLIST_ITEMS)
    item_label(page, CHECKLIST, "two-questions").click()  # the document is kept aside, then saved
    assert page.evaluate("(k) => localStorage.getItem(k)", RECOVERY_KEY) == PARTLY_READABLE

    open_app(page, site_url + PROGRESS_PAGE)
    _, content = download(page, "Download the answers kept aside")
    app(page, PROGRESS_APP).get_by_role("button", name="Delete all my data").click()
    app(page, PROGRESS_APP).get_by_role("button", name="Yes, delete everything").click()
    expect(app_status(page, PROGRESS_APP)).to_contain_text("Deleted")

    choose_file(page, content)
    summary = app(page, PROGRESS_APP).locator(".debrief-error-summary")
    expect(summary.locator("li")).to_have_text([
        f'The answers for "{WORKSHEET}" are not in the expected form.',
        "Log entry 2 is not in the expected form."])
    expect(summary).to_contain_text("What can be read of the file can still be imported below")
    choice = app(page, PROGRESS_APP).locator(".debrief-import-choice")
    expect(choice).to_contain_text("1 tool and 1 log entry")
    choice.get_by_role("button", name="Merge").click()
    expect(app_status(page, PROGRESS_APP)).to_contain_text("Imported 1 tool and 1 log entry")
    doc = saved_doc(page)
    assert ticked(doc, CHECKLIST) == {"thank-you-sent", "easy-format"}
    assert [entry["id"] for entry in doc["log"]] == ["eok"]


def test_2_a_merge_keeps_a_document_it_cannot_read(new_page: Callable[..., Page],
                                                   site_url: str) -> None:
    page = returning_reader(new_page, site_url, NEWER)
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, make_export({CHECKLIST: {"items": {"easy-format": True}}}, []))
    app(page, PROGRESS_APP).get_by_role("button", name="Merge").click()
    expect(app_status(page, PROGRESS_APP)).to_contain_text("Imported")
    assert page.evaluate("(k) => localStorage.getItem(k)", RECOVERY_KEY) == NEWER


def test_2_a_second_unreadable_document_never_overwrites_the_first(
        new_page: Callable[..., Page], site_url: str) -> None:
    page = new_page(storage_state=with_storage(site_url, {DOC_KEY: TRUNCATED,
                                                          RECOVERY_KEY: NEWER}))
    open_page(page, site_url + CHECKLIST_PAGE)
    item_label(page, CHECKLIST, "two-questions").click()
    expect(saved(page, CHECKLIST)).to_contain_text("Not saved")
    assert page.evaluate("(k) => localStorage.getItem(k)", RECOVERY_KEY) == NEWER
    assert page.evaluate("(k) => localStorage.getItem(k)", DOC_KEY) == TRUNCATED

    # Once the reader has downloaded and discarded the first, the second is kept aside in turn.
    open_app(page, site_url + PROGRESS_PAGE)
    app(page, PROGRESS_APP).get_by_role("button", name="Discard them").click()
    app(page, PROGRESS_APP).get_by_role("button", name="Yes, discard them").click()
    expect(app_status(page, PROGRESS_APP)).to_have_text("Discarded the answers kept aside.")
    open_page(page, site_url + CHECKLIST_PAGE)
    item_label(page, CHECKLIST, "two-questions").click()
    expect(saved(page, CHECKLIST)).to_have_text(" Saved on this device.")
    assert page.evaluate("(k) => localStorage.getItem(k)", RECOVERY_KEY) == TRUNCATED


# ---- 3. Merge per item: empty or future-dated values never erase an answer -----------------------

EMPTY_AND_FUTURE = make_export(
    {CHECKLIST: {"items": {"thank-you-sent": False, "right-person": False, "easy-format": True},
                 "ratings": {}, "t": FUTURE},
     WORKSHEET: {"items": {}, "ratings": {"communication": 0, "examples": 1, "closing": 3},
                 "notes": "", "t": FUTURE}},
    [make_entry("emine", "2024-02-01", {"communication": 5}, "Rewritten", t=FUTURE),
     make_entry("enew", "2024-03-01", {"closing": 4}, "New")])


def test_3_merge_lets_no_empty_or_future_value_erase_an_answer(new_page: Callable[..., Page],
                                                               site_url: str) -> None:
    page = returning_reader(new_page, site_url, MINE)
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, EMPTY_AND_FUTURE)
    choice = app(page, PROGRESS_APP).locator(".debrief-import-choice")
    # Before choosing, the reader sees what each choice would change.
    expect(choice).to_contain_text("Merge: 1 tick, 1 rating, and 1 log entry will change.")
    expect(choice).to_contain_text("Replace:")
    choice.get_by_role("button", name="Merge").click()
    expect(app_status(page, PROGRESS_APP)).to_contain_text("Imported")
    doc = saved_doc(page)
    assert ticked(doc, CHECKLIST) == {"thank-you-sent", "right-person", "easy-format"}
    # A rating only changes to another rating; future-dated changes lose to the reader's own.
    assert rated(doc, WORKSHEET) == {"communication": 2, "examples": 4, "closing": 3}
    assert doc["widgets"][WORKSHEET]["notes"] == "My own notes."
    entries = {e["id"]: e for e in doc["log"]}
    assert entries["emine"]["label"] == "Mine" and entries["enew"]["label"] == "New"
    assert saved_json(page, BACKUP_KEY) == MINE, "no backup was kept before the merge"


# ---- 4. A share link adds, says what it changes, and can be undone -------------------------------


def test_4_a_share_link_adds_and_can_be_undone(new_page: Callable[..., Page],
                                               site_url: str) -> None:
    own = make_doc({CHECKLIST: {"items": {"right-person": True}, "ratings": {}}})
    page = returning_reader(new_page, site_url, own)
    errors = script_errors(page)
    open_shared(page, f"{site_url}{CHECKLIST_PAGE}"
                      f"#share={CHECKLIST}:thank-you-sent,right-person,easy-format")
    banner = share_banner(page, CHECKLIST)
    expect(banner).to_contain_text("Saving them here adds 2 answers to yours.")
    banner.get_by_role("button", name="Save these answers here").click()
    expect(banner.get_by_role("button", name="Undo")).to_be_visible()
    all_three = {"thank-you-sent", "right-person", "easy-format"}
    expect_checked(page, CHECKLIST, all_three, CHECKLIST_ITEMS)
    assert ticked(saved_doc(page), CHECKLIST) == all_three

    banner.get_by_role("button", name="Undo").click()
    expect_checked(page, CHECKLIST, {"right-person"}, CHECKLIST_ITEMS)
    assert saved_doc(page)["widgets"] == own["widgets"]
    assert errors == []


def test_4_a_share_link_says_which_ratings_it_changes(new_page: Callable[..., Page],
                                                      site_url: str) -> None:
    own = worksheet_doc({"communication": 2, "examples": 4}, "Kept.")
    page = returning_reader(new_page, site_url, own)
    open_shared(page, f"{site_url}{WORKSHEET_PAGE}"
                      f"#share={WORKSHEET}:communication=5,examples=4,closing=3")
    banner = share_banner(page, WORKSHEET)
    expect(banner).to_contain_text("Saving them here adds 1 answer to yours.")
    expect(banner).to_contain_text("It changes 1 rating you gave.")
    banner.get_by_role("button", name="Save these answers here").click()
    expect(banner.get_by_role("button", name="Undo")).to_be_visible()
    expect(radio(page, WORKSHEET, "closing", 3)).to_be_checked()
    doc = saved_doc(page)
    assert rated(doc, WORKSHEET) == {"communication": 5, "examples": 4, "closing": 3}
    assert doc["widgets"][WORKSHEET]["notes"] == "Kept."


# ---- 5. Odd stored values never break a page -----------------------------------------------------

ODD_DOCS = {
    "entry-time-not-text": make_doc({}, [make_entry("esame", "2024-03-01", {"closing": 2}),
                                         {**make_entry("eodd", "2024-03-01",
                                                       {"communication": 3}), "t": 5}]),
    "entry-of-a-checklist": make_doc({}, [make_entry("echeck", "2024-03-01", {"rest": 2},
                                                     worksheet=CHECKLIST)]),
    "only-a-version": {"v": 2},
    "log-null": {"v": 2, "widgets": {}, "log": None},
    "widgets-null": {"v": 2, "widgets": None, "log": []},
    "label-not-text": make_doc({}, [{**make_entry("enum", "2024-03-01", {"closing": 2}),
                                     "label": 12}]),
}


@pytest.mark.parametrize("name", ODD_DOCS)
def test_5_odd_stored_values_never_break_a_page(new_page: Callable[..., Page], site_url: str,
                                                name: str) -> None:
    page = returning_reader(new_page, site_url, ODD_DOCS[name])
    errors = script_errors(page)
    open_app(page, site_url + LOG_PAGE)
    expect(app(page, LOG_APP).locator(".debrief-app-root > *").first).to_be_visible()
    open_app(page, site_url + PROGRESS_PAGE)
    expect(app(page, PROGRESS_APP).get_by_role("button", name="Delete all my data")).to_be_visible()
    with page.expect_download():
        page.get_by_role("button", name="Download summary (Markdown)").click()
    open_page(page, site_url + CHECKLIST_PAGE)
    item_label(page, CHECKLIST, "easy-format").click()
    expect(saved(page, CHECKLIST)).to_have_text(" Saved on this device.")
    assert ticked(saved_doc(page), CHECKLIST) == {"easy-format"}
    assert errors == []


# ---- 6. Whatever the site writes, it reads back --------------------------------------------------


def save_to_log(page: Page, label: str, date: str) -> None:
    page.locator(f"#{WORKSHEET}--log-label").fill(label)
    page.locator(f"#{WORKSHEET}--log-date").evaluate("(input, day) => { input.value = day; }", date)
    widget(page, WORKSHEET).get_by_role("button", name="Save to log").click()


def test_6_the_form_refuses_a_date_the_import_would_refuse(page: Page, site_url: str) -> None:
    open_page(page, site_url + WORKSHEET_PAGE)
    rate(page, WORKSHEET, "communication", 3)
    save_to_log(page, "Acme", "20240-03-01")
    expect(saved(page, WORKSHEET)).to_contain_text("not a real day")
    assert saved_doc(page)["log"] == []
    save_to_log(page, "Acme", "2024-03-01")
    expect(saved(page, WORKSHEET)).to_have_text(" Saved to your feedback log.")
    assert [e["date"] for e in saved_doc(page)["log"]] == ["2024-03-01"]


def test_6_a_full_log_exports_and_imports_back(new_page: Callable[..., Page],
                                               site_url: str) -> None:
    entries = [make_entry(f"e{n:03d}", "2024-03-01", {"communication": n % 5 + 1}, f"Interview {n}")
               for n in range(500)]
    page = new_page(storage_state=with_storage(site_url, {DOC_KEY: make_doc({}, entries)}))
    open_page(page, site_url + WORKSHEET_PAGE)
    rate(page, WORKSHEET, "communication", 3)
    save_to_log(page, "One too many", "2024-04-01")
    expect(saved(page, WORKSHEET)).to_contain_text("500 entries")
    assert len(saved_doc(page)["log"]) == 500

    open_app(page, site_url + PROGRESS_PAGE)
    name, content = download(page, "Export all my answers")
    choose_file(page, content, name)
    app(page, PROGRESS_APP).get_by_role("button", name="Replace (a backup is kept)").click()
    expect(app_status(page, PROGRESS_APP)).to_contain_text("Imported 1 tool and 500 log entries.")


# ---- 7. Duplicate log ids ------------------------------------------------------------------------


def test_7_delete_removes_the_entry_chosen_even_with_duplicate_ids(
        new_page: Callable[..., Page], site_url: str) -> None:
    twins = [make_entry("edup", "2024-03-01", {"communication": 2}, "First"),
             make_entry("edup", "2024-04-01", {"communication": 4}, "Second")]
    page = new_page(storage_state=with_storage(site_url, {DOC_KEY: make_doc({}, twins)}))
    open_app(page, site_url + LOG_PAGE)
    second = app(page, LOG_APP).locator("ul.debrief-entries > li", has_text="Second")
    second.get_by_role("button", name="Delete").click()
    second.get_by_role("button", name="Yes, delete it").click()
    expect(app_status(page, LOG_APP)).to_have_text("Entry deleted.")
    assert [e["label"] for e in saved_doc(page)["log"]] == ["First"]


# ---- 9. Ratings off the scale and days that do not exist -----------------------------------------


def test_9_import_refuses_ratings_off_the_scale_and_impossible_dates(page: Page,
                                                                    site_url: str) -> None:
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, make_export(
        {WORKSHEET: {"items": {}, "ratings": {"communication": 10}}},
        [make_entry("ebig", "2024-03-01", {"communication": 10}),
         make_entry("eday", "2024-13-45", {"communication": 3})]))
    summary = app(page, PROGRESS_APP).locator(".debrief-error-summary")
    expect(summary).to_be_visible()
    expect(summary.locator("li")).to_have_count(3)
    expect(summary).to_contain_text(f'The answers for "{WORKSHEET}"')
    expect(summary).to_contain_text("Log entry 1")
    expect(summary).to_contain_text("Log entry 2")


def test_9_stored_ratings_off_the_scale_stay_off_the_chart(new_page: Callable[..., Page],
                                                           site_url: str) -> None:
    entries = [make_entry("eone", "2024-03-01", {"communication": 10, "closing": 2}),
               make_entry("etwo", "2024-04-01", {"communication": 4, "closing": 3})]
    page = new_page(storage_state=with_storage(site_url, {DOC_KEY: make_doc({}, entries)}))
    open_app(page, site_url + LOG_PAGE)
    section = app(page, LOG_APP).locator(f"section[data-worksheet={WORKSHEET}]")
    expect(section.locator("td[data-average=communication]")).to_have_text("4.0")
    heights = section.locator("svg circle").evaluate_all(
        "(all) => all.map((c) => +c.getAttribute('cy'))")
    assert heights and all(0 <= y <= 240 for y in heights)


# ---- 10. Other tabs ------------------------------------------------------------------------------


def other_tab_saves(page: Page, site_url: str) -> None:
    tab = page.context.new_page()
    open_page(tab, site_url + CHECKLIST_PAGE)
    item_label(tab, CHECKLIST, "easy-format").click()
    expect(saved(tab, CHECKLIST)).to_have_text(" Saved on this device.")
    tab.close()


def test_10_a_save_in_another_tab_keeps_an_open_edit_form(new_page: Callable[..., Page],
                                                          site_url: str) -> None:
    entry = make_entry("eacme", "2024-03-01", {"communication": 2}, "Acme")
    page = new_page(storage_state=with_storage(site_url, {DOC_KEY: make_doc({}, [entry])}))
    open_app(page, site_url + LOG_PAGE)
    row = app(page, LOG_APP).locator("li[data-entry=eacme]")
    row.get_by_role("button", name="Edit").click()
    row.locator("input[name=label]").fill("Acme, second round")
    other_tab_saves(page, site_url)
    page.bring_to_front()
    expect(app_status(page, LOG_APP)).to_contain_text("another tab")
    expect(row.locator("input[name=label]")).to_have_value("Acme, second round")
    row.get_by_role("button", name="Save changes").click()
    expect(app_status(page, LOG_APP)).to_have_text("Entry saved.")
    doc = saved_doc(page)
    assert doc["log"][0]["label"] == "Acme, second round"
    assert ticked(doc, CHECKLIST) == {"easy-format"}


def test_10_a_save_in_another_tab_keeps_a_pending_import_choice(new_page: Callable[..., Page],
                                                                site_url: str) -> None:
    page = returning_reader(new_page, site_url, MINE)
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, make_export({}, [make_entry("efile", "2024-03-01", {"closing": 2})]))
    other_tab_saves(page, site_url)
    page.bring_to_front()
    choice = app(page, PROGRESS_APP).locator(".debrief-import-choice")
    choice.get_by_role("button", name="Merge").click()
    expect(app_status(page, PROGRESS_APP)).to_contain_text("Imported")
    doc = saved_doc(page)
    assert "easy-format" in ticked(doc, CHECKLIST), "the other tab's tick was lost"
    assert {e["id"] for e in doc["log"]} == {"emine", "efile"}


def test_10_two_tabs_saving_at_once_keep_both_answers(page: Page, site_url: str) -> None:
    """Another tab wrote at the same moment from the same starting point, so its document
    lacks this tab's tick; this tab must put its tick back when it hears of that write."""
    open_page(page, site_url + CHECKLIST_PAGE)
    item_label(page, CHECKLIST, "thank-you-sent").click()
    expect(saved(page, CHECKLIST)).to_have_text(" Saved on this device.")
    mine = saved_doc(page)
    theirs = {**make_doc({CHECKLIST: {"items": {"easy-format": True}, "ratings": {}}}),
              "n": mine.get("n", 1)}
    page.evaluate("""([key, value]) => {
        const old = localStorage.getItem(key);
        localStorage.setItem(key, value);
        dispatchEvent(new StorageEvent("storage", { key, oldValue: old, newValue: value,
                                                     storageArea: localStorage }));
    }""", [DOC_KEY, json.dumps(theirs)])
    expect_checked(page, CHECKLIST, {"thank-you-sent", "easy-format"}, CHECKLIST_ITEMS)
    assert ticked(saved_doc(page), CHECKLIST) == {"thank-you-sent", "easy-format"}


# ---- 11. The coach summary keeps the reader's words as text --------------------------------------

HOSTILE_LABEL = "[Click](javascript:alert(1)) <img src=x onerror=alert(1)> `tick`"
HOSTILE_NOTES = ("## 9 of 9 done\n<iframe src=\"https://example.org\"></iframe>\n"
                 "![track](https://example.org/pixel.png)\n- [x] forged tick\n```\n# Not mine")


def test_11_the_coach_summary_keeps_notes_and_labels_as_text(new_page: Callable[..., Page],
                                                            site_url: str) -> None:
    doc = make_doc({WORKSHEET: {"items": {}, "ratings": {"communication": 3},
                                "notes": HOSTILE_NOTES}},
                   [make_entry("ehostile", "2024-03-01", {"communication": 2}, HOSTILE_LABEL,
                               HOSTILE_NOTES)])
    page = returning_reader(new_page, site_url, doc)
    open_app(page, site_url + PROGRESS_PAGE)
    _, content = download(page, "Download summary (Markdown)")
    text = content.decode("utf-8")
    html = markdown.markdown(text)
    for live in ("<img", "<iframe", 'href="javascript', "<h2>9 of 9", "<h1>Not mine", "<a "):
        assert live not in html, f"{live} became live in the summary:\n{html}"
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert all(not line.startswith(("## 9 of 9", "# Not mine")) for line in headings)
    assert "9 of 9 done" in html and "forged tick" in html  # kept, as text

    page.evaluate("() => { window.print = () => {}; }")
    page.get_by_role("button", name="Print summary").click()
    area = app(page, PROGRESS_APP).locator(".debrief-print-area")
    expect(area).to_contain_text("## 9 of 9 done")
    assert area.locator("h2, h3, h4").evaluate_all("(all) => all.map((h) => h.textContent)"
                                                    ).count("9 of 9 done") == 0
    assert area.locator("img, iframe, a").count() == 0


# ---- 12. Small things ----------------------------------------------------------------------------


def test_12_the_summary_keeps_the_space_after_the_section(new_page: Callable[..., Page],
                                                         site_url: str, built_site: Path) -> None:
    doc = make_doc({WORKSHEET: {"items": {}, "ratings": {"communication": 3}}})
    page = returning_reader(new_page, site_url, doc)
    open_app(page, site_url + PROGRESS_PAGE)
    _, content = download(page, "Download summary (Markdown)")
    sheet = next(w for w in site_manifest(built_site)["widgets"] if w["id"] == WORKSHEET)
    place = f"{sheet['page']['section']}: {sheet['page']['title']}. 1 of {len(sheet['items'])}."
    assert place in content.decode("utf-8").splitlines()


def test_12_reset_is_off_during_a_share_preview(page: Page, site_url: str) -> None:
    open_shared(page, f"{site_url}{CHECKLIST_PAGE}#share={CHECKLIST}:easy-format")
    expect(share_banner(page, CHECKLIST)).to_be_visible()
    expect(widget(page, CHECKLIST).get_by_role("button", name="Reset")).to_be_disabled()


def test_12_a_second_click_on_delete_all_adds_no_second_question(page: Page,
                                                                 site_url: str) -> None:
    open_app(page, site_url + PROGRESS_PAGE)
    button = app(page, PROGRESS_APP).get_by_role("button", name="Delete all my data")
    button.click()
    button.click()
    expect(app(page, PROGRESS_APP).locator(".debrief-confirm")).to_have_count(1)


BLOCKED = """Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { const e = new Error('The operation is insecure.'); e.name = 'SecurityError'; throw e; },
});"""


@pytest.mark.parametrize("path", [PROGRESS_PAGE, LOG_PAGE, CHECKLIST_PAGE])
def test_12_blocked_storage_leaves_no_debrief_error(page: Page, site_url: str,
                                                    path: str) -> None:
    page.add_init_script(BLOCKED)
    errors = script_errors(page)
    page.goto(site_url + path)
    page.wait_for_function("() => document.querySelector('[data-ready], [data-ready-ms]')")
    if path == PROGRESS_PAGE:
        # Nothing can be deleted where the site cannot reach storage: it says so, no "Deleted".
        app(page, PROGRESS_APP).get_by_role("button", name="Delete all my data").click()
        app(page, PROGRESS_APP).get_by_role("button", name="Yes, delete everything").click()
        expect(app_status(page, PROGRESS_APP)).to_contain_text("Nothing was deleted")
    ours = [e for e in errors if "debrief" in e or "__md_get" not in e]
    assert ours == []


def test_notes_stay_text_on_the_worksheet(new_page: Callable[..., Page], site_url: str) -> None:
    """A guard for the other cases: notes typed on the worksheet are kept exactly."""
    page = new_page()
    open_page(page, site_url + WORKSHEET_PAGE)
    notes(page, WORKSHEET).fill(HOSTILE_NOTES)
    assert saved_doc(page)["widgets"][WORKSHEET]["notes"] == HOSTILE_NOTES
