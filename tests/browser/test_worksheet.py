"""Worksheets: ratings give a running summary and the two weakest criteria with their guides;
notes are saved, restored, printed from a mirror and limited in length."""

from __future__ import annotations

from urllib.parse import urljoin

from playwright.sync_api import Page, expect

from .browser_support import *

# What a weak criterion says while the story bank holds no story tagged with it
# (tests/browser/test_entries.py has the stories that are).
NO_STORY = " No story in your story bank shows it yet."


def test_ratings_summary_and_weakest(page: Page, site_url: str, page_errors: list) -> None:
    open_page(page, site_url + WORKSHEET_PAGE)
    sheet = widget(page, WORKSHEET)
    weakest = sheet.locator(".debrief-weakest")
    expect(progress(page, WORKSHEET)).to_have_text("0 of 7 rated.")
    expect(weakest).to_be_hidden()

    rate(page, WORKSHEET, "communication", 4)
    expect(progress(page, WORKSHEET)).to_have_text("1 of 7 rated, average 4.0 of 5.")
    expect(weakest).to_be_visible()
    expect(weakest.locator("li")).to_have_count(1)

    rate(page, WORKSHEET, "content-knowledge", 2)
    rate(page, WORKSHEET, "interpersonal", 5)
    expect(progress(page, WORKSHEET)).to_have_text("3 of 7 rated, average 3.7 of 5.")
    expect(saved(page, WORKSHEET)).to_have_text(SAVED)
    expect(weakest.locator("p")).to_have_text("Weakest so far")
    expect(weakest.locator("li")).to_have_text([
        "Content knowledge: Weak. How to improve: Content knowledge" + NO_STORY,
        "Communication: Strong. How to improve: Communication" + NO_STORY,
    ])
    data = stored(page, WORKSHEET)
    assert data["v"] == 2
    assert data["ratings"] == {"communication": 4, "content-knowledge": 2, "interpersonal": 5}

    # Each link is the criterion's own guide, and leads to a real page.
    for link, criterion in zip(weakest.locator("li a").all(), ("content-knowledge",
                                                               "communication"), strict=True):
        guide = sheet.locator(f'fieldset[data-item="{criterion}"] .debrief-guide a')
        assert link.get_attribute("href") == guide.get_attribute("href")
        target = urljoin(page.url, link.get_attribute("href"))
        assert target.startswith(site_url) and target != page.url
        response = page.request.get(target)
        assert response.status == 200, target
        assert "<article" in response.text()

    # A rating changed to "Not rated" leaves the summary and the weakest list.
    rate(page, WORKSHEET, "content-knowledge", 0)
    expect(radio(page, WORKSHEET, "content-knowledge", 0)).to_be_checked()
    expect(progress(page, WORKSHEET)).to_have_text("2 of 7 rated, average 4.5 of 5.")
    expect(weakest.locator("li")).to_have_text([
        "Communication: Strong. How to improve: Communication" + NO_STORY,
        "Interpersonal skills: Outstanding. How to improve: Interpersonal skills" + NO_STORY,
    ])
    assert stored(page, WORKSHEET)["ratings"] == {"communication": 4, "interpersonal": 5}

    rate(page, WORKSHEET, "communication", 0)
    rate(page, WORKSHEET, "interpersonal", 0)
    expect(progress(page, WORKSHEET)).to_have_text("0 of 7 rated.")
    expect(weakest).to_be_hidden()
    assert stored(page, WORKSHEET)["ratings"] == {}
    assert page_errors == []


def test_weakest_link_follows_to_its_guide(page: Page, site_url: str) -> None:
    open_page(page, site_url + WORKSHEET_PAGE)
    rate(page, WORKSHEET, "closing", 1)
    link = widget(page, WORKSHEET).locator(".debrief-weakest").get_by_role("link")
    expect(link).to_have_text("How to improve: Closing and follow-up")  # and no story link yet
    link.click()
    page.wait_for_url(site_url + "after/thank-you/")
    expect(page.locator("article h1")).to_be_visible()


def test_ratings_restored_after_reload(page: Page, site_url: str) -> None:
    open_page(page, site_url + WORKSHEET_PAGE)
    ratings = dict(zip(CRITERIA, (1, 2, 3, 4, 5, 1, 2), strict=True))
    for criterion, value in ratings.items():
        rate(page, WORKSHEET, criterion, value)
    expect(progress(page, WORKSHEET)).to_have_text("7 of 7 rated, average 2.6 of 5.")
    page.reload()
    wait_ready(page)
    for criterion, value in ratings.items():
        expect(radio(page, WORKSHEET, criterion, value)).to_be_checked()
    expect(progress(page, WORKSHEET)).to_have_text("7 of 7 rated, average 2.6 of 5.")
    expect(widget(page, WORKSHEET).locator(".debrief-weakest li")).to_have_text([
        "Communication: Not shown. How to improve: Communication" + NO_STORY,
        "Questions you asked: Not shown. How to improve: Questions you asked" + NO_STORY,
    ])


def test_notes_saved_restored_and_mirrored_for_print(page: Page, site_url: str) -> None:
    open_page(page, site_url + WORKSHEET_PAGE)
    text = "Asked about team size.\nForgot to mention the migration project."
    notes(page, WORKSHEET).fill(text)
    mirror = widget(page, WORKSHEET).locator(".debrief-notes-print")
    expect(mirror).to_have_text(text)
    expect(saved(page, WORKSHEET)).to_have_text(SAVED)
    assert stored(page, WORKSHEET)["notes"] == text

    page.reload()
    wait_ready(page)
    expect(notes(page, WORKSHEET)).to_have_value(text)
    assert mirror.text_content() == text


def test_notes_over_the_limit_are_not_saved_and_say_so(page: Page, site_url: str) -> None:
    """The limit counts characters, as the schema does; over it, nothing is cut and nothing is
    saved, and the status line says by how much until the notes fit again."""
    open_page(page, site_url + WORKSHEET_PAGE)
    area = notes(page, WORKSHEET)
    expect(widget(page, WORKSHEET).locator(f"#{WORKSHEET}--notes-limit")).to_have_text(
        "Up to 2000 characters. Stays on this device.")
    area.focus()
    page.keyboard.insert_text("a" * 1995)
    expect(saved(page, WORKSHEET)).to_have_text(SAVED)
    page.keyboard.type("bcdefghij")
    expect(saved(page, WORKSHEET)).to_have_text(
        " Not saved: the notes are 4 characters over the limit of 2000.")
    assert stored(page, WORKSHEET)["notes"] == "a" * 1995 + "bcdef"
    rate(page, WORKSHEET, CRITERIA[0], 3)  # another answer saved meanwhile keeps what is typed
    expect(area).to_have_value("a" * 1995 + "bcdefghij")
    expect(saved(page, WORKSHEET)).to_contain_text("4 characters over the limit")
    area.focus()
    page.keyboard.press("ControlOrMeta+End")
    for _ in range(4):
        page.keyboard.press("Backspace")
    expect(saved(page, WORKSHEET)).to_have_text(SAVED)
    assert stored(page, WORKSHEET)["notes"] == "a" * 1995 + "bcdef"


def test_notes_limits_count_characters_not_utf16_units(page: Page, site_url: str) -> None:
    """2,000 emoji are 2,000 characters (4,000 UTF-16 units): they are saved, read back, and can
    be edited."""
    open_page(page, site_url + WORKSHEET_PAGE)
    area = notes(page, WORKSHEET)
    area.focus()
    page.keyboard.insert_text("\U0001F642" * 1999)
    page.keyboard.insert_text("!")
    expect(saved(page, WORKSHEET)).to_have_text(SAVED)
    assert stored(page, WORKSHEET)["notes"] == "\U0001F642" * 1999 + "!"
    page.reload()
    wait_ready(page)
    expect(notes(page, WORKSHEET)).to_have_value("\U0001F642" * 1999 + "!")


def test_other_worksheets_on_the_site_summarise(page: Page, site_url: str) -> None:
    for path, widget_id in (("prepare/mock-interviews/", "prepare-mock-interviewer"),
                            ("employers/structured-interviews/",
                             "employers-interview-scorecard")):
        open_page(page, site_url + path)
        sheet = widget(page, widget_id)
        groups = sheet.locator("fieldset[data-item]")
        total = groups.count()
        first, second = (groups.nth(i).get_attribute("data-item") for i in (0, 1))
        rate(page, widget_id, first, 3)
        rate(page, widget_id, second, 4)
        expect(progress(page, widget_id)).to_have_text(f"2 of {total} rated, average 3.5 of 5.")
        expect(sheet.locator(".debrief-weakest li")).to_have_count(2)
        storage = "sessionStorage" if sheet.get_attribute("data-keep") == "session" else \
            "localStorage"
        kept = page.evaluate(f"(k) => JSON.parse({storage}.getItem(k))", DOC_KEY)
        ratings = kept["widgets"][widget_id]["ratings"]
        assert {k: v for k, v in ratings.items() if v} == {first: 3, second: 4}
