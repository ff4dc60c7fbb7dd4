"""Forced colours (Windows high contrast) and reduced motion."""

from __future__ import annotations

from playwright.sync_api import expect

from .browser_support import *

BORDER = """(e) => { const s = getComputedStyle(e);
  return ['Top', 'Right', 'Bottom', 'Left'].map((side) =>
    [s[`border${side}Style`], parseFloat(s[`border${side}Width`])]); }"""


def test_forced_colours_keep_widgets_and_button_borders(new_page, site_url: str) -> None:
    page = new_page(forced_colors="active")
    open_page(page, site_url + WORKSHEET_PAGE)
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    sheet = widget(page, WORKSHEET)
    expect(sheet.locator("fieldset[data-item]")).to_have_count(7)
    expect(sheet.locator("fieldset[data-item] legend").first).to_be_visible()
    expect(sheet.locator("input[type=radio]").first).to_be_visible()
    sheet.locator("[data-act=reset]").click()
    for act in ("copy", "reset", "confirm", "cancel"):
        button = sheet.locator(f".debrief-button[data-act={act}]")
        expect(button).to_be_visible()
        for style, width in button.evaluate(BORDER):
            assert style not in ("none", "hidden") and width > 0, button.inner_text()
    open_page(page, site_url + CHECKLIST_PAGE)
    expect(widget(page, CHECKLIST).locator("li[data-item]").first).to_be_visible()
    expect(widget(page, CHECKLIST).locator("[data-act=copy]")).to_be_visible()


def test_reduced_motion_turns_off_button_transitions(new_page, site_url: str) -> None:
    page = new_page(reduced_motion="reduce")
    open_page(page, site_url + CHECKLIST_PAGE)
    assert page.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches")
    for button in widget(page, CHECKLIST).locator(".debrief-button").all():
        assert button.evaluate("(e) => getComputedStyle(e).transitionDuration") == "0s"


def test_buttons_animate_without_the_preference(new_page, site_url: str) -> None:
    """The control case: without reduced motion the transition is there, so the test above
    measures the preference and not a button that never moves."""
    page = new_page(reduced_motion="no-preference")
    open_page(page, site_url + CHECKLIST_PAGE)
    duration = widget(page, CHECKLIST).locator("[data-act=copy]").evaluate(
        "(e) => getComputedStyle(e).transitionDuration")
    assert duration != "0s"
