"""Without JavaScript the widgets are still readable lists and questions; only the controls that
need the script (copy, reset) stay out of sight."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .browser_support import *


@pytest.fixture
def static_page(new_page):
    return new_page(java_script_enabled=False)


def test_checklist_without_javascript(static_page, site_url: str) -> None:
    page = static_page
    page.goto(site_url + CHECKLIST_PAGE)
    section = page.locator(f"#{CHECKLIST}")
    assert section.get_attribute("data-ready") is None, "the script ran"
    expect(section.get_by_role("heading", name="Before you ask for feedback")).to_be_visible()
    items = section.locator("li[data-item]")
    expect(items).to_have_count(7)
    for item in items.all():
        expect(item).to_be_visible()
        expect(item.locator("input[type=checkbox]")).to_be_visible()
        assert len(item.inner_text().strip()) > 10
    expect(section.get_by_role("checkbox", name="Send your thank-you note first")).to_be_visible()
    expect(section.locator(".debrief-tools")).to_be_hidden()
    expect(section.get_by_role("button")).to_have_count(0)  # none reachable: all hidden
    expect(section.locator(".debrief-notice")).to_be_hidden()
    expect(section.locator(".debrief-progress")).to_have_text("0 of 7 done.")


def test_worksheet_without_javascript(static_page, site_url: str) -> None:
    page = static_page
    page.goto(site_url + WORKSHEET_PAGE)
    section = page.locator(f"#{WORKSHEET}")
    criteria = section.locator("fieldset[data-item]")
    expect(criteria).to_have_count(7)
    for criterion in criteria.all():
        expect(criterion.locator("legend")).to_be_visible()
        expect(criterion.locator(".debrief-hint")).to_be_visible()
        expect(criterion.locator("input[type=radio]")).to_have_count(6)
        for label in criterion.locator(".debrief-scale label").all():
            expect(label).to_be_visible()
        expect(criterion.locator("input[value='0']")).to_be_checked()
    expect(section.get_by_role("group", name="Communication").get_by_role(
        "radio", name="Strong Clear and concise")).to_be_visible()
    expect(section.get_by_label("Notes")).to_be_visible()
    expect(section.locator(".debrief-tools")).to_be_hidden()
    expect(section.locator(".debrief-weakest")).to_be_hidden()
    expect(section.locator(".debrief-notice")).to_be_hidden()


def test_tools_hidden_on_every_widget_without_javascript(static_page, site_url: str) -> None:
    page = static_page
    for path, ids in WIDGET_PAGES.items():
        page.goto(site_url + path)
        for widget_id in ids:
            section = page.locator(f"#{widget_id}")
            expect(section).to_be_visible()
            expect(section.locator(".debrief-tools")).to_be_hidden()
            expect(section.get_by_role("button")).to_have_count(0)
            assert section.locator("[data-act]").count() >= 4  # copy, reset, confirm, cancel
            for button in section.locator("[data-act]").all():
                expect(button).to_be_hidden()
