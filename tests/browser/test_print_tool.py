""""Print this tool": one tool alone on paper, with the reader's answers. The self-rating
worksheet, fully rated with short notes, prints as one A4 table (the whole page takes several);
the research brief as one A4 sheet of labels and values; a kind with no layout of its own prints
as it is shown. After the print the page is as it was, and printing the whole page still prints
everything."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .browser_support import *

# Every criterion rated (levels 1 to 5, so each level's words show up), with short notes.
RATINGS = dict(zip(CRITERIA, (4, 3, 5, 2, 4, 1, 3), strict=True))
LEVELS = {  # the level chosen, and what it means on this worksheet (its anchor)
    "communication": ("Strong", "Clear and concise"),
    "content-knowledge": ("Adequate", "Covered the basics"),
    "interpersonal": ("Outstanding", "Real two-way conversation"),
    "preparation": ("Weak", "Generic knowledge only"),
    "examples": ("Strong", "Specific with results"),
    "questions-asked": ("Not shown", "None asked"),
    "closing": ("Adequate", "Polite close"),
}
NOTES = "Good story about the data migration.\nForgot to ask about the team; chase on Friday."
PROSE = "Why rate yourself"  # a heading of the page's guidance, left out of the tool's print

# A typical brief, as a candidate fills it in the night before.
BRIEF = {
    "employer": "Northwind Trading",
    "role": "Senior data analyst",
    "interviewer": "Ana Müller",
    "interview_date": "2026-03-12T14:30",
    "panel": "Ana Müller (head of analytics), Tom Reyes (HR partner)",
    "criteria": "Stakeholder communication\nSQL and modelling\nOwnership\nPrioritising\n"
                "Curiosity",
    "evidence": "Migration story\nChurn model story\nOn-call incident\nQuarterly planning\n"
                "Pricing experiment",
    "organisation": "Wholesale food distributor, 2,000 staff, moving its reporting to the "
                    "cloud; values: reliability, openness, care for customers.",
    "pressures": "Margins under pressure; a new warehouse system late by six months.",
    "interest": "Real decisions made on the data; a team that teaches each other.",
    "my_questions": "What would success look like after six months?\nHow does the team review "
                    "its work?\nWhat is the hardest part of the role?",
    "feedback_culture": "Reviews say they reply to every candidate within a week.",
}


def rated_worksheet(page: Page, site_url: str) -> None:
    open_page(page, site_url + WORKSHEET_PAGE)
    for criterion, value in RATINGS.items():
        rate(page, WORKSHEET, criterion, value)
    notes(page, WORKSHEET).fill(NOTES)
    expect(saved(page, WORKSHEET)).to_have_text(f" {SAVED}")


# The page's content as markup, less what Material's focus-visible polyfill marks on the control
# that has the focus (the button that printed, once clicked).
MARKUP = """(e) => {
  const copy = e.cloneNode(true);
  for (const node of copy.querySelectorAll("*")) {
    node.removeAttribute("data-focus-visible-added");
    node.classList.remove("focus-visible");
    if (!node.classList.length) node.removeAttribute("class");
  }
  return copy.outerHTML;
}"""


def single_line(text: str) -> str:
    """PDF text with its line breaks (where the table wrapped a cell) as spaces."""
    return " ".join(text.split())


def test_the_rated_worksheet_prints_alone_on_one_a4_page(page: Page, site_url: str) -> None:
    rated_worksheet(page, site_url)
    whole = pdf_pages(page.pdf(**A4))
    assert len(whole) > 1, "the whole page, guidance included, takes several pages"

    (sheet,) = pdf_pages(print_tool(page, WORKSHEET))
    text = single_line(sheet)
    assert "Rate your last interview" in text  # the tool's title heads its table
    for header in ("Criterion", "Level", "What it means", "Notes"):
        assert header in text
    for label in ("Communication", "Preparation and research about the employer", "Closing"):
        assert label in text
    for level, meaning in LEVELS.values():
        assert f"{level} {meaning}" in text, f"{level} / {meaning} not in {text!r}"
    assert single_line(NOTES) in text
    assert PROSE not in text and "Rate yourself when no feedback comes" not in text
    assert "Print this tool" not in text and "Copy link" not in text


def test_after_the_print_the_page_is_as_it_was(page: Page, site_url: str) -> None:
    rated_worksheet(page, site_url)
    button = widget(page, WORKSHEET).get_by_role("button", name="Print this tool")
    button.scroll_into_view_if_needed()
    content = page.locator(".md-content")
    before = content.evaluate(MARKUP)
    pages_before = len(pdf_pages(page.pdf(**A4)))

    (sheet,) = pdf_pages(print_tool(page, WORKSHEET))
    assert PROSE not in sheet
    # Chromium says `afterprint` once the PDF is made, as a browser does when its dialog closes.
    expect(page.locator(".debrief-print-sheet")).to_have_count(0)
    expect(page.locator("[data-debrief-print-off]")).to_have_count(0)
    assert content.evaluate(MARKUP) == before

    ask_print(page, WORKSHEET)
    ask_print(page, WORKSHEET)  # asked twice before the dialog closed: still one print state
    expect(page.locator(".debrief-print-sheet")).to_have_count(1)
    after_print(page)
    expect(page.locator(".debrief-print-sheet")).to_have_count(0)
    expect(page.locator("[data-debrief-print-off]")).to_have_count(0)
    assert content.evaluate(MARKUP) == before
    expect(page.get_by_role("heading", name="Why rate yourself")).to_be_visible()
    whole = pdf_pages(page.pdf(**A4))
    assert len(whole) == pages_before
    assert PROSE in " ".join(whole), "printing the whole page prints the guidance again"
    for criterion, value in RATINGS.items():  # the answers on screen are untouched too
        expect(radio(page, WORKSHEET, criterion, value)).to_be_checked()
    expect(notes(page, WORKSHEET)).to_have_value(NOTES)


def test_the_brief_prints_as_one_page_of_labels_and_values(page: Page, site_url: str) -> None:
    open_page(page, site_url + FIELDS_PAGE)
    for name, value in BRIEF.items():
        field_control(page, name).fill(value)
    field_control(page, "interview_format").select_option("Video")
    expect(widget(page, FIELDS).locator(".debrief-saved")).to_have_text(f" {SAVED}")

    (sheet,) = pdf_pages(print_tool(page, FIELDS))
    text = single_line(sheet)
    assert "Your one-page brief" in text
    for name, value in BRIEF.items():
        if name != "interview_date":
            assert single_line(value) in text, name
    assert "Video" in text
    assert "March 12, 2026" in text and "2026-03-12T14:30" not in text  # as a reader reads it
    for label in ("Employer", "Interviewer's name", "My questions"):
        assert label in text
    assert "Research before your interview" not in text, "the page's checklist is left out"


def test_a_kind_without_a_layout_of_its_own_prints_as_it_is_shown(page: Page,
                                                                   site_url: str) -> None:
    open_page(page, site_url + CHECKLIST_PAGE)
    box(page, CHECKLIST, "right-person").check()
    (sheet,) = pdf_pages(print_tool(page, CHECKLIST))
    assert item_label(page, CHECKLIST, "right-person").inner_text() in single_line(sheet)
    page_title = page.locator("h1").first.inner_text()
    assert page_title not in sheet
    expect(page.locator(".debrief-print-sheet")).to_have_count(0)  # the tool itself printed
    expect(page.locator("[data-debrief-print-off]")).to_have_count(0)


@pytest.mark.a11y
def test_the_tool_with_its_print_button_and_its_printed_table_are_accessible(
        page: Page, site_url: str) -> None:
    rated_worksheet(page, site_url)
    within = f"section#{WORKSHEET}"
    expect(widget(page, WORKSHEET).get_by_role("button", name="Print this tool")).to_be_visible()
    assert axe_report(page, "with the print button", within) == ""
    ask_print(page, WORKSHEET)
    page.emulate_media(media="print")
    expect(page.locator(".debrief-print-sheet table")).to_be_visible()
    assert axe_report(page, "the printed table", ".debrief-print-sheet") == ""


# Five typical stories, as a candidate writes them in the story bank.
STORIES = [(f"Story {n}: {title}", criteria) for n, (title, criteria) in enumerate((
    ("Rota rescue", "Communication"), ("Data migration", "Content knowledge"),
    ("Angry customer", "Interpersonal skills"), ("Late supplier", "Examples and evidence"),
    ("Missed deadline", "Closing and follow-up")), 1)]
STAR = {
    "situation": "Our weekly sales report took two days to build by hand and often had errors.",
    "task": "Make the report reliable and ready on Monday morning.",
    "action": "I mapped every source, wrote the SQL to join them, agreed the definitions with "
              "the sales leads, and moved the report to a scheduled job with checks.",
    "result": "Ready every Monday at 9; no errors in six months; two colleagues trained.",
    "shows": "I fix the cause, not the symptom, and bring people with me.",
}


def test_five_stories_print_on_one_a4_page_with_their_text(page: Page, site_url: str) -> None:
    open_page(page, site_url + STORIES_PAGE)
    for number, (title, criterion) in enumerate(STORIES, 1):
        add_record(page)
        record_control(page, number, "title").fill(title)
        record_control(page, number, "criteria").and_(
            page.locator(f'[value="{criterion}"]')).check()
        for name, value in STAR.items():
            record_control(page, number, name).fill(value)
    expect(saved(page, STORY_BANK)).to_have_text(f" {SAVED}")

    (sheet,) = pdf_pages(print_tool(page, STORY_BANK))
    text = single_line(sheet)
    assert "Your story bank" in text
    for title, criterion in STORIES:
        assert title in text and f"Criteria it proves: {criterion}" in text, title
    assert text.count(f"Action: {STAR['action']}") == 5
    assert text.count(f"What it shows: {STAR['shows']}") == 5
    assert "Step 4: make the story yours" not in text, "the page's guidance is left out"
