"""On MkDocs' own themes (`readthedocs`, `mkdocs`), which define none of Material's variables and
keep the browser's 16 px root font, the widgets look as they do on Material: text controls and
buttons with borders a reader can see, no text under 12 px, 24 px targets, checklists without
bullets; they still save, and axe finds nothing inside them. Material is built too, as the
control: the same checks hold there."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from debrief.settings import default_namespace
from tests.conftest import mkdocs_build, write_site

from .browser_support import *
from .conftest import serve_folder

SITE_URL = "https://themes.example.net/"
KEY = f"debrief:{default_namespace('Fixture', SITE_URL)}"
SCALE = "[Rambled, Vague, Mostly clear, Clear, Sharp]"
PAGES = {
    "index.md": "# Alpha page\n\nSome text.\n\n- a bullet of the theme's own\n\n"
                "/// checklist | Before the call\n    id: alpha\n\n"
                "- [ ] Send a thank-you note {#a1}\n- [ ] Ask for feedback {#a2}\n///\n",
    "rate.md": "# Beta page\n\n/// worksheet | Rate the interview\n    id: beta\n    criteria:\n"
               "      - id: b1\n        label: Communication\n"
               "        hint: Clear answers to the question asked\n        guide: index.md\n"
               f"        anchors: {SCALE}\n"
               "      - id: b2\n        label: Examples\n///\n",
    "progress.md": "# Gamma\n\n/// progress | My progress\n///\n",
    "log.md": "# Delta\n\n/// feedback-log | Feedback log\n///\n",
}
ENTRIES = [make_entry("e1", "2024-04-02", {"b1": 2, "b2": 4}, "Acme", worksheet="beta"),
           make_entry("e2", "2024-04-09", {"b1": 3, "b2": 3}, "Beta Ltd", worksheet="beta")]
STORED = make_doc({"alpha": {"items": {"a1": True}}, "beta": {"ratings": {"b1": 2}}}, ENTRIES)
# The widest layout, where a worksheet's criteria take one row each and its text is smallest.
WIDE = {"width": 1280, "height": 800}
TEXT_CONTROLS = "textarea, input:not([type=checkbox], [type=radio], [type=file]), select"


@pytest.fixture(scope="module", params=["readthedocs", "mkdocs", "material"])
def site(request: pytest.FixtureRequest,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp(request.param)
    write_site(project, PAGES, f"site_url: {SITE_URL}\nplugins:\n  - debrief\n",
               theme=request.param)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_folder(project / "site") as url:
        yield url


def reader(new_page: Any, site: str, path: str, stored: dict[str, Any] | None = None) -> Page:
    """A wide page at `path`, its widgets or its log started, with `stored` answers."""
    page = new_page(viewport=WIDE,
                    storage_state=with_storage(site, {KEY: stored}) if stored else None)
    page.goto(site + path)
    if path in ("progress/", "log/"):
        wait_app(page)
    else:
        wait_ready(page)
    return page


def open_edit_form(page: Page) -> None:
    page.locator("li[data-entry=e1]").get_by_role("button", name="Edit").click()
    expect(page.locator("form.debrief-edit")).to_be_visible()


def test_text_controls_have_visible_borders(new_page, site: str) -> None:
    """The notes, the Save-to-log form and the log's edit form: every side of every field is
    drawn at 3:1 or more against the page and the field's own background."""
    found = {}
    page = reader(new_page, site, "rate/")
    controls = page.locator(f".debrief :is({TEXT_CONTROLS})")
    expect(controls).to_have_count(3)  # notes, interview, date
    found.update({f"rate/ {c.get_attribute('id') or c.get_attribute('name')}": faint_borders(c)
                  for c in controls.all()})
    page = reader(new_page, site, "log/", STORED)
    open_edit_form(page)
    controls = page.locator(f"form.debrief-edit :is({TEXT_CONTROLS})")
    expect(controls).to_have_count(5)  # interview, date, two ratings, notes
    found.update({f"log/ edit {c.get_attribute('name')}": faint_borders(c)
                  for c in controls.all()})
    assert not {name: sides for name, sides in found.items() if sides}


def test_text_is_at_least_12px(new_page, site: str) -> None:
    """Labels, hints, anchors, buttons, badges, legends, tables: nothing Debrief writes is
    smaller than 12 px, at the width where a worksheet's rows make it smallest."""
    small = []
    for path in ("", "rate/", "progress/", "log/"):
        page = reader(new_page, site, path, STORED)
        sizes = text_sizes(page)
        assert len(sizes) > 5, f"{path}: no text found, so nothing was measured"
        small.extend(f"{path} {what}: {size}px" for size, what in sizes if size < 12)
    assert not small, "\n".join(small)


def test_checklists_and_lists_have_no_bullets(new_page, site: str) -> None:
    page = reader(new_page, site, "", STORED)
    items = widget(page, "alpha").locator("li")
    expect(items).to_have_count(2)
    styles = {f"checklist {n}": item.evaluate("(e) => getComputedStyle(e).listStyleType")
              for n, item in enumerate(items.all())}
    page = reader(new_page, site, "progress/", STORED)
    rows = page.locator("ul.debrief-list > li")
    expect(rows).to_have_count(2)
    styles.update({f"progress {n}": row.evaluate("(e) => getComputedStyle(e).listStyleType")
                   for n, row in enumerate(rows.all())})
    assert set(styles.values()) == {"none"}, styles
    # The control: the theme's own lists outside the widgets keep their bullets.
    assert reader(new_page, site, "").locator("li", has_text="a bullet of the theme's own") \
        .evaluate("(e) => getComputedStyle(e).listStyleType") != "none"


def test_buttons_and_boxes_are_visible_24px_targets(new_page, site: str) -> None:
    """Every button is drawn with a border at 3:1, its text at 4.5:1, and at least 24 px tall;
    checkboxes and radios are 24 px squares."""
    problems = []
    for path in ("", "rate/", "progress/"):
        page = reader(new_page, site, path, STORED)
        buttons = page.locator(".debrief button")
        assert buttons.count() >= 3, path
        for button in buttons.all():
            if not button.is_visible():
                continue
            name = f"{path} {button.inner_text()!r}"
            seen = looks(button)
            if faint := faint_borders(button):
                problems.append(f"{name}: faint border {faint}")
            if (ratio := contrast(seen["text"], seen["own"])) < 4.5:
                problems.append(f"{name}: text at {ratio:.2f}:1")
            if seen["box"]["height"] < 24:
                problems.append(f"{name}: {seen['box']['height']:.1f}px tall")
        for box_ in page.locator(".debrief :is(input[type=checkbox], input[type=radio])").all():
            size = box_.bounding_box()
            if size["width"] < 24 or size["height"] < 24:
                problems.append(f"{path} {box_.get_attribute('name') or box_.get_attribute('id')}"
                                f": {size['width']:.1f}x{size['height']:.1f}px")
    assert not problems, "\n".join(problems)


def test_ticking_and_rating_still_save(new_page, site: str) -> None:
    page = reader(new_page, site, "")
    box_ = widget(page, "alpha").locator("input[data-item=a1]")
    box_.check()
    expect(widget(page, "alpha").locator(".debrief-saved")).to_have_text(SAVED)
    page = reader(new_page, site, "rate/")
    radio(page, "beta", "b1", 4).locator("xpath=..").click()
    expect(widget(page, "beta").locator(".debrief-saved")).to_have_text(SAVED)
    page.reload()
    wait_ready(page)
    expect(radio(page, "beta", "b1", 4)).to_be_checked()


def test_axe_finds_nothing_in_the_widgets(new_page, site: str) -> None:
    """Scoped to Debrief's sections: the theme's own pages are its business."""
    reports = []
    for path in ("", "rate/", "progress/", "log/"):
        page = reader(new_page, site, path, STORED)
        if path == "rate/":
            radio(page, "beta", "b2", 1).locator("xpath=..").click()
            widget(page, "beta").locator("[data-act=reset]").click()
        if path == "log/":
            open_edit_form(page)
        page.mouse.move(0, 0)
        reports.append(axe_report(page, f"{path or 'index'}, with answers", ".debrief"))
    assert not any(reports), "\n\n".join(filter(None, reports))


def test_keyboard_focus_is_drawn(new_page, site: str) -> None:
    """The theme's own `:focus` rules (Read the Docs takes the outline off text inputs) do not
    hide where the keyboard is."""
    page = reader(new_page, site, "rate/")
    fields = widget(page, "beta").locator(f":is({TEXT_CONTROLS}), input[type=checkbox], button")
    hidden = []
    for field in fields.all():
        if not field.is_visible():
            continue
        field.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # the keyboard's focus, so :focus-visible applies
        style, width = field.evaluate("(e) => [getComputedStyle(e).outlineStyle,"
                                      " parseFloat(getComputedStyle(e).outlineWidth)]")
        if style == "none" or width < 2:
            hidden.append(f"{field.evaluate('(e) => e.outerHTML')[:80]}: {style} {width}px")
    assert fields.count() >= 6 and not hidden, "\n".join(hidden)


def test_buttons_keep_still_for_reduced_motion(new_page, site: str) -> None:
    page = new_page(reduced_motion="reduce")
    page.goto(site)
    wait_ready(page)
    for button in widget(page, "alpha").locator(".debrief-button").all():
        assert button.evaluate("(e) => getComputedStyle(e).transitionDuration") == "0s"
