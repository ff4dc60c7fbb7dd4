"""The second round's defects (issue 15), one test or more each, in a real browser: security
holes first, then answers lost, then crashes and wrong messages. Each failed on the scripts
before the keeper (debrief/assets/store/keeper.js) owned the document."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown
import pytest
from playwright.sync_api import Page, expect

from tests.conftest import ROOT

from .browser_support import *


def second_tab(page: Page) -> Page:
    return page.context.new_page()


def summary_of(page: Page) -> str:
    _, content = download(page, "Download summary (Markdown)")
    return content.decode("utf-8")


def render_with_node(markdown_text: str) -> dict[str, str]:
    """The summary as markdown-it (with linkify) and marked render it: what mail clients and
    GitHub-style renderers do with Markdown."""
    script = """
      import MarkdownIt from "markdown-it";
      import { marked } from "marked";
      let text = "";
      for await (const chunk of process.stdin) text += chunk;
      console.log(JSON.stringify({
        "markdown-it": new MarkdownIt({ linkify: true }).render(text),
        marked: marked.parse(text, { gfm: true }),
      }));
    """
    done = subprocess.run(["node", "--input-type=module", "-e", script], input=markdown_text,
                          capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(done.stdout)


# ---- Security ---------------------------------------------------------------------------------

CR_NOTES = "fine\r# 10 of 10\r<img src=x onerror=\"window.__pwned=1\">\r[prize](https://evil.example)"


def test_lone_cr_in_imported_notes_stays_inside_the_summary_code_block(
        page: Page, site_url: str) -> None:
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, make_export({WORKSHEET: {"ratings": {"communication": 3},
                                               "notes": CR_NOTES}}, []))
    app(page, PROGRESS_APP).get_by_role("button", name="Merge").click()
    expect(app_status(page, PROGRESS_APP)).to_contain_text("Imported")
    assert "\r" not in saved_doc(page)["widgets"][WORKSHEET]["notes"]
    text = summary_of(page)
    rendered = {"python-markdown": markdown.markdown(text), **render_with_node(text)}
    for name, html in rendered.items():
        assert "<img" not in html and "<a " not in html, name
        assert "<h1>10 of 10" not in html, name


def test_a_proto_key_in_an_import_file_is_left_out_and_merges_nothing(
        page: Page, site_url: str) -> None:
    open_page(page, site_url + WORKSHEET_PAGE)
    rate(page, WORKSHEET, "communication", 2)
    notes(page, WORKSHEET).fill("My own words.")
    open_app(page, site_url + PROGRESS_PAGE)
    forged = ('{"format":"debrief","version":2,"site":"' + NAMESPACE + '","exported":"'
              + EXPORTED + '","widgets":{"__proto__":{"ratings":{"communication":9,'
              '"closing":10},"notes":"' + "x" * 5000 + '"}},"log":[]}')
    choose_file(page, forged.encode())
    summary = app(page, PROGRESS_APP).locator(".debrief-error-summary")
    expect(summary).to_contain_text('The answers for "__proto__" are not in the expected form.')
    expect(app(page, PROGRESS_APP).locator(".debrief-import-choice button")).to_have_count(0)
    state = saved_doc(page)["widgets"][WORKSHEET]
    assert state["ratings"]["communication"] == 2 and state["notes"] == "My own words."


def test_labels_with_addresses_are_not_autolinked_in_the_summary(
        new_page: Callable[..., Page], site_url: str) -> None:
    label = "Acme https://evil.example www.evil.example me@evil.example"
    doc = make_doc({}, [make_entry("e1", "2026-03-01", {"communication": 2}, label)])
    page = returning_reader(new_page, site_url, doc)
    open_app(page, site_url + PROGRESS_PAGE)
    text = summary_of(page)
    for name, html in render_with_node(text).items():
        assert "<a " not in html, f"{name} made a link:\n{html}"
    assert "evil" in text


def test_unknown_fields_are_dropped_so_what_is_stored_keeps_to_the_schema(
        new_page: Callable[..., Page], site_url: str) -> None:
    stored = make_doc({CHECKLIST: {"items": {"thank-you-sent": True}, "huge": "x" * 2_000_000}})
    page = returning_reader(new_page, site_url, stored)
    writes = watch_writes(page)
    open_page(page, site_url + CHECKLIST_PAGE)
    item_label(page, CHECKLIST, "right-person").click()
    expect(saved(page, CHECKLIST)).to_have_text(SAVED)
    assert "huge" not in saved_doc(page)["widgets"][CHECKLIST]
    assert schema_problems("document", saved_doc(page)) == []
    assert written_problems(page, writes) == []
    # What was left out is kept aside, as it was, until the reader discards it.
    assert "huge" in saved_json(page, RECOVERY_KEY)["widgets"][CHECKLIST]


# ---- Answers lost -------------------------------------------------------------------------------


def test_undo_of_a_share_link_keeps_notes_ratings_and_other_tabs_ticks_written_after(
        page: Page, site_url: str) -> None:
    open_shared(page, f"{site_url}{WORKSHEET_PAGE}#share={WORKSHEET}:communication=4,closing=2")
    share_banner(page, WORKSHEET).get_by_role("button", name="Save these answers here").click()
    expect(share_banner(page, WORKSHEET).get_by_role("button", name="Undo")).to_be_visible()
    rate(page, WORKSHEET, "examples", 5)
    notes(page, WORKSHEET).fill("Written after the link.")
    rate(page, WORKSHEET, "closing", 3)  # changed since the link: stays
    other = open_page(second_tab(page), site_url + CHECKLIST_PAGE)
    item_label(other, CHECKLIST, "thank-you-sent").click()
    expect(saved(other, CHECKLIST)).to_have_text(SAVED)

    page.bring_to_front()
    share_banner(page, WORKSHEET).get_by_role("button", name="Undo").click()
    expect(saved(page, WORKSHEET)).to_have_text(" Your answers are back as they were.")
    doc = saved_doc(page)
    ratings = {k: v for k, v in doc["widgets"][WORKSHEET]["ratings"].items() if v}
    assert ratings == {"examples": 5, "closing": 3}, "undo took back more than the link's answers"
    assert doc["widgets"][WORKSHEET]["notes"] == "Written after the link."
    assert doc["widgets"][CHECKLIST]["items"]["thank-you-sent"] is True


def test_a_tab_that_hit_no_room_never_brings_back_a_deleted_log_or_undoes_delete_all(
        new_page: Callable[..., Page], site_url: str) -> None:
    doc = make_doc({}, [make_entry("e1", "2026-03-01", {"communication": 2}, "Old entry")])
    full = returning_reader(new_page, site_url, doc)
    full.add_init_script(full_for("debrief:"))
    open_page(full, site_url + CHECKLIST_PAGE)
    item_label(full, CHECKLIST, "thank-you-sent").click()
    expect(saved(full, CHECKLIST)).to_contain_text("no room")

    log = open_app(second_tab(full), site_url + LOG_PAGE)
    log.evaluate("() => { window.__full = false; }")
    entry = app(log, LOG_APP).locator('li[data-entry="e1"]')
    entry.get_by_role("button", name="Delete").click()
    app(log, LOG_APP).get_by_role("button", name="Yes, delete it").click()
    expect(app_status(log, LOG_APP)).to_have_text("Entry deleted.")

    full.bring_to_front()
    full.evaluate("() => { window.__full = false; }")  # the reader freed some space
    item_label(full, CHECKLIST, "right-person").click()
    expect(saved(full, CHECKLIST)).to_have_text(SAVED)
    after = saved_doc(full)
    assert after["log"] == [], "the deleted entry came back"
    assert {k for k, v in after["widgets"][CHECKLIST]["items"].items() if v} == {
        "thank-you-sent", "right-person"}

    # And "Delete all my data" in another tab stays done.
    progress = open_app(second_tab(full), site_url + PROGRESS_PAGE)
    progress.evaluate("() => { window.__full = false; }")
    app(progress, PROGRESS_APP).get_by_role("button", name="Delete all my data").click()
    app(progress, PROGRESS_APP).get_by_role("button", name="Yes, delete everything").click()
    expect(app_status(progress, PROGRESS_APP)).to_contain_text("Deleted")
    full.bring_to_front()
    item_label(full, CHECKLIST, "easy-format").click()
    expect(saved(full, CHECKLIST)).to_have_text(SAVED)
    assert {k for k, v in saved_doc(full)["widgets"][CHECKLIST]["items"].items() if v} == {
        "easy-format"}


def test_an_import_refused_for_lack_of_room_is_never_applied_later(
        page: Page, site_url: str) -> None:
    page.add_init_script(full_for("debrief:"))
    open_app(page, site_url + PROGRESS_PAGE)
    page.evaluate("() => { window.__full = false; }")
    open_app(page, site_url + PROGRESS_PAGE)  # a first document, so the backup can be kept
    page.evaluate("() => { window.__full = true; }")
    choose_file(page, make_export({CHECKLIST: {"items": {"easy-format": True}}}, []))
    app(page, PROGRESS_APP).get_by_role("button", name="Merge").click()
    expect(app_status(page, PROGRESS_APP)).to_contain_text("Nothing was imported")

    other = open_page(second_tab(page), site_url + CHECKLIST_PAGE)
    other.evaluate("() => { window.__full = false; }")
    item_label(other, CHECKLIST, "thank-you-sent").click()
    expect(saved(other, CHECKLIST)).to_have_text(SAVED)
    page.bring_to_front()
    page.evaluate("() => { window.__full = false; }")
    page.wait_for_timeout(200)  # the storage event reaches the progress page
    items = saved_doc(page)["widgets"][CHECKLIST]["items"]
    assert items.get("easy-format") is not True, "the refused import was applied later"


def test_a_deeply_nested_unknown_field_does_not_break_two_tabs(page: Page,
                                                               site_url: str) -> None:
    """Another tab wrote at the same moment (so this tab must put its tick back), and what it
    wrote holds a field nested 20,000 levels deep: sync goes on, for this write and the next."""
    errors = script_errors(page)
    open_page(page, site_url + CHECKLIST_PAGE)
    item_label(page, CHECKLIST, "thank-you-sent").click()
    expect(saved(page, CHECKLIST)).to_have_text(SAVED)
    deep = "[" * 20_000 + "]" * 20_000
    theirs = ('{"v":2,"widgets":{"' + CHECKLIST + '":{"items":{"easy-format":true},"deep":'
              + deep + '}},"log":[],"t":"' + EXPORTED + '","n":' + str(saved_doc(page)["n"]) + "}")
    write_as_another_tab = """([key, value]) => {
        const old = localStorage.getItem(key);
        localStorage.setItem(key, value);
        dispatchEvent(new StorageEvent("storage", { key, oldValue: old, newValue: value,
                                                     storageArea: localStorage }));
    }"""
    page.evaluate(write_as_another_tab, [DOC_KEY, theirs])
    expect_checked(page, CHECKLIST, {"thank-you-sent", "easy-format"}, CHECKLIST_ITEMS)
    # Then another tab, having seen all that (its document holds this tab's writes), unticks.
    now = saved_doc(page)
    later = {**now, "widgets": {CHECKLIST: {"items": {"rest": True}}}, "n": now["n"] + 1,
             "w": [*now["w"], "other1"]}
    page.evaluate(write_as_another_tab, [DOC_KEY, json.dumps(later)])
    expect_checked(page, CHECKLIST, {"rest"}, CHECKLIST_ITEMS)
    assert errors == []


def test_offline_after_load_save_to_log_reset_delete_all_and_import_still_work(
        page: Page, site_url: str) -> None:
    open_page(page, site_url + WORKSHEET_PAGE)
    page.context.set_offline(True)
    page.context.route("**/*", lambda route: route.abort())  # nothing more comes from the site
    rate(page, WORKSHEET, "communication", 3)
    page.locator(f"#{WORKSHEET}--log-label").fill("Offline interview")
    widget(page, WORKSHEET).get_by_role("button", name="Save to log").click()
    expect(saved(page, WORKSHEET)).to_have_text(" Saved to your feedback log.")
    widget(page, WORKSHEET).locator("[data-act=reset]").click()
    widget(page, WORKSHEET).locator("[data-act=confirm]").click()
    expect(saved(page, WORKSHEET)).to_have_text(" Cleared.")
    assert saved_doc(page)["log"][0]["label"] == "Offline interview"


def test_offline_after_load_delete_all_and_import_still_work(page: Page, site_url: str) -> None:
    open_page(page, site_url + CHECKLIST_PAGE)
    item_label(page, CHECKLIST, "thank-you-sent").click()
    open_app(page, site_url + PROGRESS_PAGE)
    page.context.set_offline(True)
    page.context.route("**/*", lambda route: route.abort())
    choose_file(page, make_export({CHECKLIST: {"items": {"easy-format": True}}}, []))
    app(page, PROGRESS_APP).get_by_role("button", name="Merge").click()
    expect(app_status(page, PROGRESS_APP)).to_contain_text("Imported")
    app(page, PROGRESS_APP).get_by_role("button", name="Delete all my data").click()
    app(page, PROGRESS_APP).get_by_role("button", name="Yes, delete everything").click()
    expect(app_status(page, PROGRESS_APP)).to_contain_text("Deleted")
    assert saved_doc(page) is None


def test_a_tick_on_a_first_visit_keeps_earlier_answers_and_their_keys_go_once_saved(
        new_page: Callable[..., Page], site_url: str) -> None:
    earlier = {v1_key(CHECKLIST): {"v": 1, "items": {"rest": True}},
               PREVIOUS_DOC_KEY: make_doc({WORKSHEET: {"ratings": {"closing": 2}}})}
    page = new_page(storage_state=with_storage(site_url, earlier))
    # The scripts arrive slowly: the reader ticks as soon as the box works.
    page.route("**/assets/debrief/**", lambda route: (page.wait_for_timeout(300),
                                                       route.continue_()))
    open_page(page, site_url + CHECKLIST_PAGE)
    item_label(page, CHECKLIST, "thank-you-sent").click()
    expect(saved(page, CHECKLIST)).to_have_text(SAVED)
    doc = saved_doc(page)
    assert {k for k, v in doc["widgets"][CHECKLIST]["items"].items() if v} == {
        "rest", "thank-you-sent"}
    assert saved_json(page, v1_key(CHECKLIST)) is None, "schema 1's key stayed"
    assert saved_json(page, PREVIOUS_DOC_KEY) is not None, "the earlier name's copy went"


def test_changes_made_while_saving_is_held_survive_discarding_the_copy_kept_aside(
        new_page: Callable[..., Page], site_url: str) -> None:
    page = new_page(storage_state=with_storage(site_url, {DOC_KEY: "{broken",
                                                          RECOVERY_KEY: "kept before"}))
    open_page(page, site_url + CHECKLIST_PAGE)
    item_label(page, CHECKLIST, "thank-you-sent").click()
    expect(saved(page, CHECKLIST)).to_contain_text("Not saved")
    progress = open_app(second_tab(page), site_url + PROGRESS_PAGE)
    app(progress, PROGRESS_APP).get_by_role("button", name="Discard them").click()
    app(progress, PROGRESS_APP).get_by_role("button", name="Yes, discard them").click()
    # Discarded; at once the other tab saves what it held, keeping the broken document aside in
    # its turn ("Updated from another tab"), which the progress page now offers.
    expect(app_status(progress, PROGRESS_APP)).to_have_text("Updated from another tab.")
    page.bring_to_front()
    expect(saved(page, CHECKLIST)).not_to_contain_text("Not saved")
    # Both tabs wrote at once (the progress page what it could read, this tab its tick); which
    # write storage took last depends on timing, and a tab whose write was overwritten writes it
    # again when it hears of it. So the tick is stored once the tabs have heard each other.
    page.wait_for_function("""([key, widget]) => {
        try { return JSON.parse(localStorage.getItem(key)).widgets[widget].items["thank-you-sent"]
                     === true; } catch { return false; }
    }""", arg=[DOC_KEY, CHECKLIST], timeout=10_000)
    assert saved_doc(page)["widgets"][CHECKLIST]["items"]["thank-you-sent"] is True
    assert page.evaluate("(k) => localStorage.getItem(k)", RECOVERY_KEY) == "{broken"


def test_notes_longer_than_a_lowered_limit_still_show_export_and_import_back(
        new_page: Callable[..., Page], site_url: str) -> None:
    long_notes = "Written when the limit was higher. " * 100  # 3,500 characters
    page = returning_reader(new_page, site_url, worksheet_doc({"communication": 2}, long_notes))
    open_page(page, site_url + WORKSHEET_PAGE)
    expect(notes(page, WORKSHEET)).to_have_value(long_notes)
    open_app(page, site_url + PROGRESS_PAGE)
    _, content = download(page, "Export all my answers")
    assert json.loads(content)["widgets"][WORKSHEET]["notes"] == long_notes
    choose_file(page, content)
    app(page, PROGRESS_APP).get_by_role("button", name="Replace (a backup is kept)").click()
    expect(app_status(page, PROGRESS_APP)).to_contain_text("Imported")
    assert saved_doc(page)["widgets"][WORKSHEET]["notes"] == long_notes


def test_two_sites_on_one_origin_never_share_answers(new_page: Callable[..., Page],
                                                     tmp_path: Path) -> None:
    from tests.conftest import mkdocs_build, write_site

    from .conftest import serve_folder

    served = tmp_path / "origin"
    for path in ("Team", "Beam"):
        write_site(tmp_path / path, {"index.md": (
            "# Ready to go\n\n/// checklist | Ready\n    id: ready\n\n- [ ] One {#one}\n///\n")},
            f"site_url: https://you.github.io/{path}/\nplugins:\n  - debrief\n")
        result = mkdocs_build(tmp_path / path, served / path)
        assert result.returncode == 0, result.stdout + result.stderr
    with serve_folder(served) as origin:
        team = open_page(new_page(), origin + "Team/")
        team.locator('input[data-item="one"]').check()
        beam = open_page(team.context.new_page(), origin + "Beam/")
        expect(beam.locator('input[data-item="one"]')).not_to_be_checked()
        keys = beam.evaluate("() => Object.keys(localStorage).sort()")
        assert len([key for key in keys if key.startswith("debrief:")]) == 1


# ---- Crashes and wrong messages ----------------------------------------------------------------


@pytest.mark.parametrize("content", [
    {"format": "debrief", "version": 2, "site": NAMESPACE, "exported": EXPORTED, "widgets": {},
     "log": [{**make_entry("e1", "2026-01-01", {}), "deep": [[[[[[[[[[[[[[1]]]]]]]]]]]]]]}]},
    {"format": "debrief", "version": 2, "site": {"toString": 1}, "exported": EXPORTED,
     "widgets": {}, "log": []},
], ids=["nested-field-in-an-entry", "site-that-is-no-text"])
def test_an_odd_import_file_gets_a_message_not_a_crash(page: Page, site_url: str,
                                                      content: dict[str, Any]) -> None:
    errors = script_errors(page)
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, content)
    expect(app(page, PROGRESS_APP).locator(".debrief-error-summary")).to_be_visible()
    assert errors == []


def test_a_failed_share_accept_is_not_reported_as_saved(page: Page, site_url: str) -> None:
    page.add_init_script(full_for("debrief:"))
    open_shared(page, f"{site_url}{CHECKLIST_PAGE}#share={CHECKLIST}:thank-you-sent")
    banner = share_banner(page, CHECKLIST)
    banner.get_by_role("button", name="Save these answers here").click()
    expect(banner).to_contain_text("Not saved")
    expect(banner).not_to_contain_text("Saved on this device")
    expect(banner.get_by_role("button", name="Save these answers here")).to_be_visible()
    assert saved_doc(page) is None


def test_an_entry_deleted_in_another_tab_is_not_reported_as_saved(
        new_page: Callable[..., Page], site_url: str) -> None:
    doc = make_doc({}, [make_entry("e1", "2026-03-01", {"communication": 2}, "First")])
    page = returning_reader(new_page, site_url, doc)
    open_app(page, site_url + LOG_PAGE)
    entry = app(page, LOG_APP).locator('li[data-entry="e1"]')
    entry.get_by_role("button", name="Edit").click()
    entry.locator("input[name=label]").fill("Edited")
    other = open_app(second_tab(page), site_url + LOG_PAGE)
    row = app(other, LOG_APP).locator('li[data-entry="e1"]')
    row.get_by_role("button", name="Delete").click()
    app(other, LOG_APP).get_by_role("button", name="Yes, delete it").click()
    expect(app_status(other, LOG_APP)).to_have_text("Entry deleted.")
    page.bring_to_front()
    entry.get_by_role("button", name="Save changes").click()
    expect(app_status(page, LOG_APP)).to_have_text(
        "Not saved: this entry was deleted in another tab.")
    assert saved_doc(page)["log"] == []


def test_an_edit_under_a_full_quota_is_not_reported_as_saved(new_page: Callable[..., Page],
                                                            site_url: str) -> None:
    doc = make_doc({}, [make_entry("e1", "2026-03-01", {"communication": 2}, "First")])
    page = returning_reader(new_page, site_url, doc)
    page.add_init_script(full_for("debrief:"))
    open_app(page, site_url + LOG_PAGE)
    entry = app(page, LOG_APP).locator('li[data-entry="e1"]')
    entry.get_by_role("button", name="Edit").click()
    entry.locator("input[name=label]").fill("Edited")
    entry.get_by_role("button", name="Save changes").click()
    expect(app_status(page, LOG_APP)).to_contain_text("Not saved")
    # The log shows what is saved, not the edit that could not be.
    expect(app(page, LOG_APP).locator('li[data-entry="e1"] strong')).to_have_text("First")
    assert saved_doc(page)["log"][0]["label"] == "First"


@pytest.mark.parametrize(("payload", "shown"), [
    ("thank-you-sent%2Cright-person", "adds 2 answers"),  # a mail client encoded the comma
    ("Thank-You-Sent,%20Right-Person", "adds 2 answers"),  # case and spaces change nothing
    ("thank-you-sent%E0%A4%A", "This share link is damaged"),  # cut off in the middle
    ("thank-you-sent=3", "This share link is damaged"),  # a rating on a checklist
])
def test_a_damaged_share_link_says_so(page: Page, site_url: str, payload: str,
                                      shown: str) -> None:
    open_shared(page, f"{site_url}{CHECKLIST_PAGE}#share={CHECKLIST}:{payload}")
    banner = share_banner(page, CHECKLIST)
    expect(banner).to_contain_text(shown)
    expect(banner).not_to_contain_text("You have these answers already")
    if "damaged" in shown:
        expect(banner.get_by_role("button", name="Save these answers here")).to_be_hidden()
    assert saved_doc(page) is None


@pytest.mark.parametrize("version", ["2", 0, 1.5, None])
def test_a_version_mark_that_is_no_known_number_is_said_so(page: Page, site_url: str,
                                                          version: Any) -> None:
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, {**make_export({}, []), "version": version})
    expect(app(page, PROGRESS_APP).locator(".debrief-error-summary")).to_contain_text(
        "its version mark is missing or not one it knows")


def test_a_direction_mark_in_a_foreign_site_name_is_not_echoed(page: Page,
                                                              site_url: str) -> None:
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, make_export({}, [], site="evil\u202etxt.exe"))
    summary = app(page, PROGRESS_APP).locator(".debrief-error-summary")
    expect(summary).to_be_visible()
    assert "\u202e" not in summary.inner_text()


def test_another_sites_save_on_the_same_origin_is_not_announced(page: Page,
                                                               site_url: str) -> None:
    open_app(page, site_url + PROGRESS_PAGE)
    other = second_tab(page)
    other.goto(site_url + "404.html")
    other.evaluate("() => localStorage.setItem('debrief:other.example.org', '{}')")
    other.evaluate("() => localStorage.setItem('debrief:debrief.example.org-more', '{}')")
    page.bring_to_front()
    page.wait_for_timeout(300)
    expect(app_status(page, PROGRESS_APP)).not_to_contain_text("Updated from another tab")


# ---- Storage scopes ---------------------------------------------------------------------------

SCORECARD_PAGE, SCORECARD = "employers/structured-interviews/", "employers-interview-scorecard"


def test_a_scorecard_kept_for_the_session_never_reaches_local_storage(
        page: Page, site_url: str) -> None:
    open_page(page, site_url + SCORECARD_PAGE)
    first = widget(page, SCORECARD).locator("fieldset[data-item]").first.get_attribute(
        "data-item")
    rate(page, SCORECARD, first, 4)
    expect(saved(page, SCORECARD)).to_have_text(SAVED)
    assert SCORECARD not in (saved_doc(page) or {"widgets": {}})["widgets"]
    session = page.evaluate("(k) => JSON.parse(sessionStorage.getItem(k))", DOC_KEY)
    assert session["widgets"][SCORECARD]["ratings"][first] == 4
    expect(widget(page, SCORECARD).get_by_role("button", name="Copy share link")).to_have_count(0)
    expect(widget(page, SCORECARD).locator(".debrief-log-form")).to_have_count(0)
    # Reloaded in the same tab, it is there; in a new tab, it is not.
    page.reload()
    wait_ready(page)
    expect(radio(page, SCORECARD, first, 4)).to_be_checked()
    other = open_page(second_tab(page), site_url + SCORECARD_PAGE)
    expect(radio(other, SCORECARD, first, 0)).to_be_checked()
