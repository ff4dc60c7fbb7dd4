"""The entries tools of the handbook: the story bank and the applications list. A reader adds,
edits, moves (with the keyboard) and deletes records, with Undo for a delete, and adds an
application's dates to a calendar (the file read back by the icalendar library); what they wrote is
read back after a reload, in a second tab, and after export → delete all → import; two tabs each
keep their own changes, and a record deleted in one does not come back from the other; without a
script the tool says what it would hold; the self-rating worksheet's weakest criteria link to
the stories tagged with them; a coach gets the stories only when the reader ticks them; axe
finds nothing on a tool with records."""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from .browser_support import *

STORY = "Rota rescue"


def stored_records(page: Page, widget_id: str = STORY_BANK) -> list[dict[str, Any]]:
    """The tool's records as stored, in their order."""
    doc = saved_doc(page) or {}
    kept = doc.get("records", {}).get(widget_id, {})
    return [{"id": key, **value} for key, value in sorted(
        kept.items(), key=lambda pair: (pair[1]["rank"], pair[0]))]


def headings(page: Page, widget_id: str = STORY_BANK) -> Any:
    """Each record's heading: its name, or "Entry N"."""
    return records(page, widget_id).locator("legend.debrief-record-title")


def write_story(page: Page, title: str, criteria: tuple[str, ...] = ()) -> None:
    add_record(page)
    number = records(page).count()
    record_control(page, number, "title").fill(title)
    for criterion in criteria:
        record_control(page, number, "criteria").and_(
            page.locator(f'[value="{criterion}"]')).check()
    expect(widget(page, STORY_BANK).locator(".debrief-saved")).to_have_text(SAVED)


def test_add_edit_move_delete_and_undo(page: Page, site_url: str, page_errors: list) -> None:
    open_page(page, site_url + STORIES_PAGE)
    bank = widget(page, STORY_BANK)
    expect(bank.locator("[data-records-none]")).to_be_visible()
    expect(bank.locator(".debrief-progress")).to_have_text("0 of 8 entries.")

    add_record(page)
    expect(record_control(page, 1, "title")).to_be_focused()  # ready to type in
    expect(headings(page)).to_have_text(["Entry 1"])
    page.keyboard.type(STORY)
    record_control(page, 1, "criteria").and_(page.locator('[value="Communication"]')).check()
    record_control(page, 1, "action").fill("Mapped every session\nSwapped duties")
    expect(headings(page)).to_have_text([STORY])
    write_story(page, "Late supplier")
    expect(bank.locator(".debrief-progress")).to_have_text("2 of 8 entries.")
    first = stored_records(page)[0]
    assert first["values"] == {"title": STORY, "criteria": ["Communication"],
                               "action": "Mapped every session\nSwapped duties"}

    # Move the second story up with the keyboard alone; the focus stays on its button.
    up = records(page).nth(1).get_by_role("button", name="Move up")
    up.focus()
    page.keyboard.press("Enter")
    expect(headings(page)).to_have_text(["Late supplier", STORY])
    expect(records(page).nth(0).get_by_role("button", name="Move up")).to_be_focused()
    expect(records(page).nth(0).get_by_role("button", name="Move up")).to_have_attribute(
        "aria-disabled", "true")
    assert [r["values"]["title"] for r in stored_records(page)] == ["Late supplier", STORY]

    # Delete, then Undo: the story comes back where it was, with what it held.
    records(page).nth(1).get_by_role("button", name="Delete").click()
    expect(records(page)).to_have_count(1)
    undo = bank.locator(".debrief-record-undo")
    expect(undo).to_contain_text(f"Deleted: {STORY}.")
    expect(undo.get_by_role("button", name="Undo")).to_be_focused()
    assert [r["values"]["title"] for r in stored_records(page)] == ["Late supplier"]
    page.keyboard.press("Enter")
    expect(headings(page)).to_have_text(["Late supplier", STORY])
    expect(undo).to_be_hidden()
    expect(record_control(page, 2, "title")).to_be_focused()
    assert stored_records(page)[1]["values"] == first["values"]

    page.reload()
    wait_ready(page)
    expect(headings(page)).to_have_text(["Late supplier", STORY])
    expect(record_control(page, 2, "action")).to_have_value("Mapped every session\nSwapped duties")
    communication = record_control(page, 2, "criteria").and_(
        page.locator('[value="Communication"]'))
    expect(communication).to_be_checked()
    assert page_errors == []


def test_two_tabs_keep_each_others_records(page: Page, site_url: str) -> None:
    """A record edited in one tab and another added in a second both survive; a record deleted
    in one tab does not come back from the other, even typed into there."""
    open_page(page, site_url + STORIES_PAGE)
    write_story(page, "First")
    write_story(page, "Second")
    other = page.context.new_page()
    open_page(other, site_url + STORIES_PAGE)
    expect(headings(other)).to_have_text(["First", "Second"])

    record_control(page, 1, "result").fill("Every exam ran on time")
    add_record(other)
    record_control(other, 3, "title").fill("Third")
    expect(headings(page)).to_have_text(["First", "Second", "Third"])
    expect(record_control(other, 1, "result")).to_have_value("Every exam ran on time")
    stored = stored_records(page)
    assert [r["values"].get("title") for r in stored] == ["First", "Second", "Third"]
    assert stored[0]["values"]["result"] == "Every exam ran on time"

    # Deleted here; the other tab, typing into it, does not bring it back.
    records(page).nth(1).get_by_role("button", name="Delete").click()
    expect(records(page)).to_have_count(2)
    stale = record_control(other, 2, "task")
    stale.evaluate("(control) => { control.value = 'too late';"
                   " control.dispatchEvent(new Event('input', { bubbles: true })); }")
    expect(headings(other)).to_have_text(["First", "Third"])
    assert [r["values"].get("title") for r in stored_records(page)] == ["First", "Third"]
    page.reload()
    wait_ready(page)
    expect(headings(page)).to_have_text(["First", "Third"])


def test_the_applications_list_keeps_its_dates(page: Page, site_url: str) -> None:
    open_page(page, site_url + APPLICATIONS_PAGE)
    add_record(page, APPLICATIONS)
    record_control(page, 1, "employer", APPLICATIONS).fill("Northwind Trading")
    record_control(page, 1, "stage", APPLICATIONS).select_option("Interviewed")
    record_control(page, 1, "interview_on", APPLICATIONS).fill("2026-03-12T10:30")
    record_control(page, 1, "decision_by", APPLICATIONS).fill("2026-03-19")
    expect(widget(page, APPLICATIONS).locator(".debrief-saved")).to_have_text(SAVED)
    expect(headings(page, APPLICATIONS)).to_have_text(["Northwind Trading"])
    page.reload()
    wait_ready(page)
    expect(record_control(page, 1, "stage", APPLICATIONS)).to_have_value("Interviewed")
    expect(record_control(page, 1, "interview_on", APPLICATIONS)).to_have_value(
        "2026-03-12T10:30")
    assert stored_records(page, APPLICATIONS)[0]["values"] == {
        "employer": "Northwind Trading", "stage": "Interviewed",
        "interview_on": "2026-03-12T10:30", "decision_by": "2026-03-19"}


def calendar_of(page: Page, number: int, name: str) -> Any:
    """The calendar file "Add to calendar" under the date `name` of application `number`
    downloads, as the icalendar library reads it."""
    from icalendar import Calendar

    button = records(page, APPLICATIONS).nth(number - 1).locator(
        f'[data-record-act=calendar][data-for="{name}"]')
    with page.expect_download() as info:
        button.click()
    got = info.value
    assert got.suggested_filename.endswith(".ics")
    with open(got.path(), "rb") as file:
        return Calendar.from_ical(file.read())


def test_add_to_calendar_downloads_events_with_reminders(page: Page, site_url: str) -> None:
    from datetime import date, datetime, timedelta

    open_page(page, site_url + APPLICATIONS_PAGE)
    add_record(page, APPLICATIONS)
    record_control(page, 1, "employer", APPLICATIONS).fill("Northwind Trading")
    button = records(page, APPLICATIONS).nth(0).get_by_role(
        "button", name="Add to calendar: Interview on")
    button.click()  # no date yet: nothing to add, and the status says why
    expect(widget(page, APPLICATIONS).locator(".debrief-saved")).to_have_text(
        "Not added: “Interview on” has no date yet.")
    record_control(page, 1, "interview_on", APPLICATIONS).fill("2026-03-12T10:30")
    record_control(page, 1, "decision_by", APPLICATIONS).fill("2026-03-19")
    record_control(page, 1, "next_step", APPLICATIONS).fill("Send the portfolio")
    record_control(page, 1, "next_step_on", APPLICATIONS).fill("2026-03-13")
    expect(widget(page, APPLICATIONS).locator(".debrief-saved")).to_have_text(SAVED)

    events = calendar_of(page, 1, "interview_on").walk("VEVENT")
    summaries = [str(event["SUMMARY"]) for event in events]
    assert summaries == ["Interview: Northwind Trading",
                         "Send a thank-you note: Northwind Trading",
                         "Rate yourself on the interview: Northwind Trading"]
    interview, thanks, rating = events
    assert interview.decoded("DTSTART") == datetime(2026, 3, 12, 10, 30)  # floating local time
    assert interview.decoded("DTEND") == datetime(2026, 3, 12, 11, 30)
    assert thanks.decoded("DTSTART") == datetime(2026, 3, 12, 12, 30)
    assert rating.decoded("DTSTART") == datetime(2026, 3, 12, 19, 0)
    alarm = interview.walk("VALARM")[0]
    assert alarm.decoded("TRIGGER") == -timedelta(hours=1)
    assert "Next step: Send the portfolio" in str(interview["DESCRIPTION"])
    assert str(interview["UID"]) != str(thanks["UID"])

    (chase,) = calendar_of(page, 1, "decision_by").walk("VEVENT")
    assert str(chase["SUMMARY"]) == "Chase a decision: Northwind Trading"
    assert chase.decoded("DTSTART") == datetime(2026, 3, 19, 9, 0)
    assert chase.walk("VALARM")[0].decoded("TRIGGER") == timedelta(0)
    (step,) = calendar_of(page, 1, "next_step_on").walk("VEVENT")
    assert str(step["SUMMARY"]) == "Next step: Northwind Trading"
    assert step.decoded("DTSTART").date() == date(2026, 3, 13)


def test_export_delete_import_keeps_the_records(page: Page, site_url: str) -> None:
    open_page(page, site_url + STORIES_PAGE)
    write_story(page, STORY, ("Examples and evidence",))
    open_app(page, site_url + PROGRESS_PAGE)
    row = app(page, PROGRESS_APP).locator(f'li[data-widget="{STORY_BANK}"]')
    expect(row).to_contain_text("1 of 8")
    name, content = download(page, "Export all my answers")
    exported = json.loads(content)["records"][STORY_BANK]
    assert [r["values"]["title"] for r in exported.values()] == [STORY]

    app(page, PROGRESS_APP).get_by_role("button", name="Delete all my data").click()
    app(page, PROGRESS_APP).get_by_role("button", name="Yes, delete everything").click()
    expect(app_status(page, PROGRESS_APP)).to_have_text(
        "Deleted every answer and log entry on this device.")
    open_page(page, site_url + STORIES_PAGE)
    expect(records(page)).to_have_count(0)

    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, content, name)
    choice = app(page, PROGRESS_APP).locator(".debrief-import-choice")
    expect(choice).to_contain_text("1 entry in a list")
    choice.get_by_role("button", name="Merge").click()
    expect(app_status(page, PROGRESS_APP)).to_contain_text("Imported")
    open_page(page, site_url + STORIES_PAGE)
    expect(headings(page)).to_have_text([STORY])
    evidence = record_control(page, 1, "criteria").and_(
        page.locator('[value="Examples and evidence"]'))
    expect(evidence).to_be_checked()


def test_stories_go_to_a_coach_only_when_ticked(page: Page, site_url: str) -> None:
    open_page(page, site_url + STORIES_PAGE)
    write_story(page, STORY)
    record_control(page, 1, "action").fill("Mapped every session\n# not a heading")
    expect(widget(page, STORY_BANK).locator(".debrief-saved")).to_have_text(SAVED)
    open_app(page, site_url + PROGRESS_PAGE)
    choice = app(page, PROGRESS_APP).locator(".debrief-picks label").filter(
        has_text="Your story bank")
    expect(choice.locator("input")).not_to_be_checked()
    _, content = download(page, "Download summary (Markdown)")
    assert STORY not in content.decode("utf-8")
    choice.locator("input").check()
    _, content = download(page, "Download summary (Markdown)")
    text = content.decode("utf-8")
    assert f"### 1\\. {STORY}" in text
    assert "    # not a heading" in text  # several lines go in as notes, never as Markdown


def test_the_weakest_criteria_link_to_the_stories_tagged_with_them(page: Page,
                                                                   site_url: str) -> None:
    open_page(page, site_url + STORIES_PAGE)
    write_story(page, STORY, ("Examples and evidence", "Communication"))
    write_story(page, "Late supplier", ("Examples and evidence",))
    open_page(page, site_url + WORKSHEET_PAGE)
    rate(page, WORKSHEET, "examples", 1)
    rate(page, WORKSHEET, "closing", 2)
    rate(page, WORKSHEET, "communication", 5)
    weakest = widget(page, WORKSHEET).locator(".debrief-weakest li")
    expect(weakest).to_have_count(2)
    expect(weakest.nth(0)).to_contain_text(f"Your stories that show it: {STORY}, Late supplier")
    expect(weakest.nth(1)).to_contain_text("No story in your story bank shows it yet.")
    weakest.nth(0).get_by_role("link", name="Late supplier").click()
    wait_ready(page)
    assert page.url.startswith(site_url + STORIES_PAGE)
    late = records(page).nth(1)
    expect(late.locator("legend.debrief-record-title")).to_have_text("Late supplier")
    assert "#" + (late.get_attribute("id") or "?") == page.evaluate("location.hash")
    expect(late).to_be_in_viewport()


def test_without_a_script_the_tool_says_what_it_would_hold(new_page: Any, site_url: str) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(site_url + STORIES_PAGE)
    bank = widget(page, STORY_BANK)
    said = bank.locator("noscript p")  # Playwright's text matching leaves noscript out
    expect(said.first).to_be_visible()
    assert "Turn on JavaScript to see it." in said.nth(0).inner_text()
    assert said.nth(1).inner_text().startswith(
        "Each entry holds: Story name, Criteria it proves, Situation")
    expect(bank.get_by_role("button", name="Add an entry")).to_be_hidden()
    expect(bank.locator("input, textarea, select")).to_have_count(0)  # all in the template


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_a_tool_with_records(new_page: Any, site_url: str,
                                                  scheme: str) -> None:
    page = new_page(color_scheme=scheme)
    open_page(page, site_url + STORIES_PAGE)
    expect_scheme(page, scheme)
    within = f"section#{STORY_BANK}"
    assert axe_report(page, f"{scheme}, empty", within) == ""
    write_story(page, STORY, ("Communication",))
    write_story(page, "Late supplier")
    records(page).nth(0).get_by_role("button", name="Delete").click()
    expect(widget(page, STORY_BANK).locator(".debrief-record-undo")).to_be_visible()
    assert axe_report(page, f"{scheme}, with records", within) == ""


def test_a_value_over_the_limit_stays_typed_and_unsaved(page: Page, site_url: str) -> None:
    open_page(page, site_url + STORIES_PAGE)
    config = widget(page, STORY_BANK).get_attribute("data-config") or "{}"
    limit = json.loads(config)["limits"]["record"]  # the schema's, handed over by the page
    add_record(page)
    control = record_control(page, 1, "action")
    control.fill("x" * (limit + 1))
    expect(widget(page, STORY_BANK).locator(".debrief-saved")).to_have_text(
        f"Not saved: “Action” is longer than the limit ({limit} characters).")
    assert "action" not in stored_records(page)[0]["values"]
    write_story(page, "Another")  # a refresh elsewhere keeps what was typed
    expect(control).to_have_value("x" * (limit + 1))
    control.press("End")
    control.press("Backspace")
    expect(widget(page, STORY_BANK).locator(".debrief-saved")).to_have_text(SAVED)
    assert stored_records(page)[0]["values"]["action"] == "x" * limit
