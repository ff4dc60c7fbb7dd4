"""Your interview day: one sheet drawn from what the reader wrote. The brief's values (a date as
a reader reads it), the stories whose criteria a line of the brief's top criteria names, in
that order, or the first stories when none does, the questions, and the day's checklist with
the reader's ticks, which ticking on the sheet saves as on its own page. Visited once, it
reloads offline with all of it; printed, it is one A4 page; without a script, and before the
reader wrote anything, each part says what it will show and links to where to write it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .browser_support import *
from .conftest import Switch, serve_switched

BRIEF = {
    "your_name": "Sam Taylor",
    "employer": "Northwind Trading",
    "role": "Senior data analyst",
    "interviewer": "Ana Müller",
    "interview_date": "2026-03-12T14:30",
    "place": "12 Harbour Street, Leeds, third floor",
    "panel": "Ana Müller (head of analytics), Tom Reyes (HR partner)",
    # The job's criteria, most important first, each naming one of the worksheet's criteria.
    "criteria": "1. Communication with non-technical colleagues\n2. Content knowledge: SQL and "
                "modelling\n3. Interpersonal skills in a small team\n4. Examples and evidence "
                "of ownership\n5. Curiosity",
    "my_questions": "What would success look like after six months?\nHow does the team review "
                    "its work?\nWhat is the hardest part of the role?",
}
SITUATION = "Our weekly sales report took two days to build by hand and often had errors."
ACTION = ("I mapped every source, wrote the SQL to join them, agreed the definitions with the "
          "sales leads, and moved the report to a scheduled job with checks on each load.")
RESULT = ("The report was ready on Monday at 9, errors fell to none in six months, and I "
          "trained two colleagues to run it.")
# The story bank in its order: title, the criteria it proves.
STORIES = (
    ("Pricing experiment", ["Content knowledge"]),
    ("Migration story", ["Communication"]),
    ("On-call incident", ["Interpersonal skills"]),
    ("Quarterly planning", ["Examples and evidence"]),
    ("Churn model", ["Content knowledge", "Communication"]),
)
# In the order of the criteria that name them, then of the bank.
MATCHED = ("Migration story", "Churn model", "Pricing experiment", "On-call incident",
           "Quarterly planning")
TICKED = ("basics", "arrive-early")


def fill_brief(page: Page, site_url: str, criteria: str = BRIEF["criteria"]) -> None:
    open_page(page, site_url + FIELDS_PAGE)
    for name, value in {**BRIEF, "criteria": criteria}.items():
        field_control(page, name).fill(value)
    field_control(page, "interview_format").select_option("In person")
    expect(saved(page, FIELDS)).to_have_text(f" {SAVED}")


def fill_stories(page: Page, site_url: str) -> None:
    open_page(page, site_url + STORIES_PAGE)
    for number, (title, criteria) in enumerate(STORIES, 1):
        add_record(page)
        record_control(page, number, "title").fill(title)
        for criterion in criteria:
            record_control(page, number, "criteria").and_(
                page.locator(f'[value="{criterion}"]')).check()
        record_control(page, number, "situation").fill(SITUATION)
        record_control(page, number, "task").fill("Make the report reliable and fast.")
        record_control(page, number, "action").fill(ACTION)
        record_control(page, number, "result").fill(RESULT)
    expect(saved(page, STORY_BANK)).to_have_text(f" {SAVED}")


def tick_the_day(page: Page, site_url: str) -> None:
    open_page(page, site_url + INTERVIEW_DAY_PAGE)
    for item in TICKED:
        item_label(page, ON_THE_DAY, item).click()
    expect(saved(page, ON_THE_DAY)).to_have_text(SAVED)


def expect_the_sheet(page: Page) -> None:
    brief = day_part(page, "brief")
    # In the order the block shows them; the date as a reader reads it.
    expect(brief.locator("dd")).to_have_text([
        *(BRIEF[name] for name in ("your_name", "employer", "role", "interviewer", "panel")),
        re.compile(r"^March 12, 2026\D+2:30"), "In person", BRIEF["place"]])
    expect(brief.locator("dt").nth(7)).to_have_text("Place or video link")
    stories = day_part(page, "stories").locator("li.debrief-day-story > strong")
    expect(stories).to_have_text(list(MATCHED))
    expect(day_part(page, "stories")).to_contain_text(f"Action: {ACTION}")
    expect(day_part(page, "questions").locator("li")).to_have_text(
        BRIEF["my_questions"].split("\n"))
    checklist = day_part(page, "checklist")
    for item in ("basics", "arrive-early", "thank-you-note"):
        box = checklist.locator(f"#{YOUR_DAY}--{item}")
        (expect(box).to_be_checked if item in TICKED else expect(box).not_to_be_checked)()


@pytest.fixture
def written(page: Page, site_url: str) -> Page:
    """A reader who filled in the brief and five stories, and ticked two items of the day."""
    fill_brief(page, site_url)
    fill_stories(page, site_url)
    tick_the_day(page, site_url)
    return page


def test_the_sheet_shows_what_the_reader_wrote(written: Page, site_url: str) -> None:
    page = written
    errors = script_errors(page)
    open_app(page, site_url + YOUR_DAY_PAGE)
    expect_the_sheet(page)
    expect(day_part(page, "stories")).not_to_contain_text("None of your stories")

    # A tick here is the checklist's, saved through the keeper as on its own page.
    day_part(page, "checklist").get_by_label("Send your thank-you note").check()
    expect(app_status(page, YOUR_DAY)).to_have_text(SAVED)
    assert saved_doc(page)["widgets"][ON_THE_DAY]["items"]["thank-you-note"] is True
    open_page(page, site_url + INTERVIEW_DAY_PAGE)
    expect(box(page, ON_THE_DAY, "thank-you-note")).to_be_checked()
    assert errors == []


def test_the_sheet_prints_on_one_a4_page(written: Page, site_url: str) -> None:
    page = written
    open_app(page, site_url + YOUR_DAY_PAGE)
    (sheet,) = pdf_pages(page.pdf(**A4))
    text = " ".join(sheet.split())
    for value in ("Northwind Trading", "Ana Müller", "March 12, 2026", *MATCHED,
                  "What is the hardest part of the role?", "Send your thank-you note"):
        assert value in text, value
    assert text.count(" ".join(RESULT.split())) == 5


def test_with_no_story_the_criteria_name_it_says_so_and_shows_the_first(
        page: Page, site_url: str) -> None:
    fill_brief(page, site_url, criteria="Curiosity\nResilience")
    fill_stories(page, site_url)
    open_app(page, site_url + YOUR_DAY_PAGE)
    expect(day_part(page, "stories")).to_contain_text("None of your stories proves a criterion")
    expect(day_part(page, "stories").locator("li.debrief-day-story > strong")).to_have_text(
        [title for title, _ in STORIES])


def test_before_anything_is_written_each_part_says_where_to_write_it(
        page: Page, site_url: str) -> None:
    open_app(page, site_url + YOUR_DAY_PAGE)
    link = day_part(page, "brief").get_by_role("link", name="your one-page brief")
    assert link.get_attribute("href").endswith("research/#prepare-brief")
    expect(day_part(page, "stories").get_by_role("link", name="your story bank")).to_be_visible()
    expect(day_part(page, "questions").locator(".debrief-day-empty")).to_be_visible()
    # The checklist is there to tick, none ticked.
    expect(day_part(page, "checklist").locator("input[type=checkbox]")).to_have_count(7)
    assert axe_report(page, "nothing written") == ""


def test_without_a_script_the_page_says_what_it_will_show(new_page: Callable[..., Page],
                                                          site_url: str) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(site_url + YOUR_DAY_PAGE)
    for part, words, link in (("brief", "Your name, the employer", "your one-page brief"),
                              ("stories", "Up to five stories", "your story bank"),
                              ("questions", "The questions you chose", "your one-page brief"),
                              ("checklist", "The day's checklist", "tick it on its page")):
        expect(day_part(page, part)).to_contain_text(words)
        expect(day_part(page, part).get_by_role("link", name=link)).to_be_visible()
    expect(day_part(page, "stories")).to_contain_text("A story is shown when a line")
    href = day_part(page, "checklist").get_by_role("link", name="tick it on its page") \
        .get_attribute("href")
    assert href == "../interview-day/#prepare-on-the-day"


def test_axe_finds_nothing_on_the_filled_sheet(written: Page, site_url: str) -> None:
    open_app(written, site_url + YOUR_DAY_PAGE)
    expect_the_sheet(written)
    assert axe_report(written, "filled in") == ""


# ---- Offline, once visited: served by the service worker ---------------------------------------

@pytest.fixture(scope="module")
def handbook(built_site: Path) -> Iterator[tuple[str, Switch]]:
    with serve_switched(built_site) as served:
        yield served


def test_visited_once_it_reloads_offline_with_the_readers_values(
        new_page: Callable[..., Page], handbook: tuple[str, Switch]) -> None:
    url, switch = handbook
    page = new_page(service_workers="allow")
    try:
        fill_brief(page, url)
        fill_stories(page, url)
        tick_the_day(page, url)
        open_app(page, url + YOUR_DAY_PAGE)
        wait_controlled(page)
        # The worker keeps what the page loaded after it took over (the page's own script, the
        # manifest, the kinds loaded by name) as it is fetched: reload once online to be sure.
        page.reload()
        wait_app(page)
        expect_the_sheet(page)

        page.context.set_offline(True)
        switch.online = False
        page.reload()
        wait_app(page)
        expect_the_sheet(page)
    finally:
        switch.online = True
