"""Printing a filled-in widget: answers stay marked, the notes print in full from their mirror,
and the screen-only controls are left out."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .browser_support import *

NOTES = "First answer ran long.\nGood example about the data migration.\n" + "More. " * 60


def test_print_media_shows_answers_and_hides_controls(page: Page, site_url: str) -> None:
    open_page(page, site_url + WORKSHEET_PAGE)
    rate(page, WORKSHEET, "communication", 4)
    rate(page, WORKSHEET, "examples", 2)
    notes(page, WORKSHEET).fill(NOTES)
    sheet = widget(page, WORKSHEET)
    mirror = sheet.locator(".debrief-notes-print")
    expect(mirror).to_be_hidden()  # on screen, the textarea is the notes

    page.emulate_media(media="print")

    expect(sheet.locator(".debrief-tools")).to_be_hidden()
    expect(notes(page, WORKSHEET)).to_be_hidden()
    expect(sheet.locator(".debrief-guide").first).to_be_hidden()
    expect(mirror).to_be_visible()
    assert mirror.inner_text() == NOTES
    # The mirror grows with the notes instead of clipping them as a textarea would.
    assert mirror.evaluate("(e) => e.scrollHeight <= e.clientHeight + 1")
    assert mirror.evaluate("(e) => getComputedStyle(e).whiteSpace") == "pre-wrap"
    expect(radio(page, WORKSHEET, "communication", 4)).to_be_checked()
    expect(radio(page, WORKSHEET, "examples", 2)).to_be_checked()
    expect(radio(page, WORKSHEET, "closing", 0)).to_be_checked()
    expect(sheet.locator("fieldset[data-item=communication] legend")).to_be_visible()
    # The chosen level stands out from the others on paper.
    chosen = radio(page, WORKSHEET, "communication", 4).locator("xpath=..")
    other = radio(page, WORKSHEET, "communication", 3).locator("xpath=..")
    expect(chosen).to_have_css("opacity", "1")
    expect(other).to_have_css("opacity", "0.6")
    expect(sheet.locator(".debrief-weakest")).to_be_visible()

    page.emulate_media(media="screen")
    expect(notes(page, WORKSHEET)).to_be_visible()
    expect(mirror).to_be_hidden()


def test_print_media_keeps_ticks(page: Page, site_url: str) -> None:
    open_page(page, site_url + CHECKLIST_PAGE)
    box(page, CHECKLIST, "right-person").check()
    page.emulate_media(media="print")
    expect(box(page, CHECKLIST, "right-person")).to_be_checked()
    expect(box(page, CHECKLIST, "right-person")).to_be_visible()
    expect(box(page, CHECKLIST, "thank-you-sent")).not_to_be_checked()
    expect(widget(page, CHECKLIST).locator(".debrief-tools")).to_be_hidden()
    expect(widget(page, CHECKLIST).locator(".debrief-progress")).to_have_text("1 of 7 done.")


def test_pdf_of_a_rated_worksheet(page: Page, site_url: str) -> None:
    open_page(page, site_url + WORKSHEET_PAGE)
    rate(page, WORKSHEET, "communication", 3)
    rate(page, WORKSHEET, "closing", 5)
    notes(page, WORKSHEET).fill("Printed notes")
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF-")
    assert len(pdf) > 10_000
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 1
