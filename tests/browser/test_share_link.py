"""Share links: "Copy share link" copies ticks and ratings (never notes) into the URL; opening it
shows a preview that writes nothing until the reader saves it, and Dismiss brings back the
reader's own answers."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect

from .browser_support import *

CLIPBOARD = ["clipboard-read", "clipboard-write"]
SECRET = "Private: the panel chair seemed bored."


def copied_share_link(page: Page, widget_id: str) -> str:
    widget(page, widget_id).locator("[data-act=share]").click()
    expect(widget(page, widget_id).locator(".debrief-saved")).to_have_text(" Share link copied.")
    return page.evaluate("navigator.clipboard.readText()")


def all_storage(page: Page) -> dict[str, str]:
    """Everything Debrief keeps in localStorage (the theme keeps its palette there too)."""
    return page.evaluate("() => Object.fromEntries(Object.entries(localStorage)"
                         ".filter(([k]) => k.startsWith('debrief')))")


def test_worksheet_link_previews_then_saves(new_page: Callable[..., Page],
                                            site_url: str) -> None:
    sender = new_page(permissions=CLIPBOARD)
    open_page(sender, site_url + WORKSHEET_PAGE)
    rate(sender, WORKSHEET, "communication", 4)
    rate(sender, WORKSHEET, "examples", 2)
    rate(sender, WORKSHEET, "closing", 5)
    notes(sender, WORKSHEET).fill(SECRET)
    url = copied_share_link(sender, WORKSHEET)
    assert url == (f"{site_url}{WORKSHEET_PAGE}"
                   f"#share={WORKSHEET}:communication=4,examples=2,closing=5")
    assert "Private" not in url and "panel" not in url

    # A reader with nothing saved: the preview shows the ratings and writes nothing.
    reader = new_page()
    errors = script_errors(reader)
    open_shared(reader, url)
    shown = share_banner(reader, WORKSHEET)
    expect(shown).to_be_visible()
    expect(shown).to_be_focused()
    expect(shown).to_contain_text(
        "This is a shared copy: 3 of 7 rated, average 3.7 of 5. "
        "Nothing is saved on this device unless you choose to.")
    for criterion in CRITERIA:
        value = {"communication": 4, "examples": 2, "closing": 5}.get(criterion, 0)
        expect(radio(reader, WORKSHEET, criterion, value)).to_be_checked()
        expect(radio(reader, WORKSHEET, criterion, value)).to_be_disabled()
    expect(notes(reader, WORKSHEET)).to_have_value("")
    expect(notes(reader, WORKSHEET)).to_be_disabled()
    assert all_storage(reader) == {}

    # Trying to change anything while previewing writes nothing either.
    radio(reader, WORKSHEET, "communication", 1).locator("xpath=..").click(force=True)
    expect(radio(reader, WORKSHEET, "communication", 4)).to_be_checked()
    assert all_storage(reader) == {}

    shown.get_by_role("button", name="Save these answers here").click()
    expect(shown.get_by_role("button", name="Undo")).to_be_focused()
    expect(shown.get_by_role("button", name="Save these answers here")).to_be_hidden()
    expect(reader).to_have_url(f"{site_url}{WORKSHEET_PAGE}#{WORKSHEET}")
    saved = saved_doc(reader)["widgets"][WORKSHEET]
    assert {k: v for k, v in saved["ratings"].items() if v} == {
        "communication": 4, "examples": 2, "closing": 5}
    expect(radio(reader, WORKSHEET, "communication", 4)).to_be_enabled()
    # Saved for good: a reload shows them, with no preview.
    reader.reload()
    wait_ready(reader)
    expect(share_banner(reader, WORKSHEET)).to_be_hidden()
    expect(radio(reader, WORKSHEET, "examples", 2)).to_be_checked()
    assert errors == []


def test_dismiss_brings_back_the_readers_own_answers(new_page: Callable[..., Page],
                                                     site_url: str) -> None:
    own = worksheet_doc({"communication": 1, "preparation": 3}, "My own notes.")
    reader = returning_reader(new_page, site_url, own)
    open_shared(reader, f"{site_url}{WORKSHEET_PAGE}#share={WORKSHEET}:communication=5,closing=2")
    expect(share_banner(reader, WORKSHEET)).to_be_focused()
    expect(radio(reader, WORKSHEET, "communication", 5)).to_be_checked()
    expect(radio(reader, WORKSHEET, "preparation", 0)).to_be_checked()
    expect(notes(reader, WORKSHEET)).to_have_value("")  # notes are never shared
    assert saved_doc(reader) == own

    share_banner(reader, WORKSHEET).get_by_role("button", name="Dismiss").click()
    expect(share_banner(reader, WORKSHEET)).to_be_hidden()
    expect(reader).to_have_url(f"{site_url}{WORKSHEET_PAGE}#{WORKSHEET}")
    expect(radio(reader, WORKSHEET, "communication", 1)).to_be_checked()
    expect(radio(reader, WORKSHEET, "preparation", 3)).to_be_checked()
    expect(radio(reader, WORKSHEET, "closing", 0)).to_be_checked()
    expect(notes(reader, WORKSHEET)).to_have_value("My own notes.")
    expect(notes(reader, WORKSHEET)).to_be_enabled()
    assert saved_doc(reader) == own
    # The reader's own controls work again.
    rate(reader, WORKSHEET, "closing", 4)
    assert saved_doc(reader)["widgets"][WORKSHEET]["ratings"]["closing"] == 4


def test_saving_a_shared_copy_keeps_the_readers_notes(new_page: Callable[..., Page],
                                                      site_url: str) -> None:
    """A link carries no notes, so saving its ratings must not wipe the notes the reader
    already wrote on this device."""
    own = worksheet_doc({"communication": 1}, "My own notes.")
    reader = returning_reader(new_page, site_url, own)
    errors = script_errors(reader)
    open_shared(reader, f"{site_url}{WORKSHEET_PAGE}#share={WORKSHEET}:communication=5")
    share_banner(reader, WORKSHEET).get_by_role("button", name="Save these answers here").click()
    expect(share_banner(reader, WORKSHEET).get_by_role("button", name="Undo")).to_be_visible()
    expect(radio(reader, WORKSHEET, "communication", 5)).to_be_checked()
    assert saved_doc(reader)["widgets"][WORKSHEET]["ratings"]["communication"] == 5
    expect(notes(reader, WORKSHEET)).to_have_value("My own notes.")
    assert saved_doc(reader)["widgets"][WORKSHEET]["notes"] == "My own notes."
    assert errors == []


def test_saving_to_the_log_is_off_while_previewing(new_page: Callable[..., Page],
                                                   site_url: str) -> None:
    """The preview writes nothing: not even a log entry of the shared ratings."""
    reader = new_page()
    open_shared(reader, f"{site_url}{WORKSHEET_PAGE}#share={WORKSHEET}:communication=5")
    expect(share_banner(reader, WORKSHEET)).to_be_visible()
    form = widget(reader, WORKSHEET).locator(".debrief-log-form")
    if form.get_by_role("button", name="Save to log").is_enabled():
        form.get_by_role("button", name="Save to log").click()
    expect(share_banner(reader, WORKSHEET)).to_be_visible()
    assert all_storage(reader) == {}, "the preview saved: " + str(all_storage(reader))


def test_checklist_link_previews_then_saves(new_page: Callable[..., Page],
                                            site_url: str) -> None:
    sender = new_page(permissions=CLIPBOARD)
    open_page(sender, site_url + CHECKLIST_PAGE)
    for item in ("thank-you-sent", "two-questions", "listen-mindset"):
        item_label(sender, CHECKLIST, item).click()
    url = copied_share_link(sender, CHECKLIST)
    assert url == (f"{site_url}{CHECKLIST_PAGE}"
                   f"#share={CHECKLIST}:thank-you-sent,two-questions,listen-mindset")

    own = make_doc({CHECKLIST: {"items": {"right-person": True}, "ratings": {}}})
    reader = returning_reader(new_page, site_url, own)
    open_shared(reader, url)
    shown = share_banner(reader, CHECKLIST)
    expect(shown).to_be_focused()
    expect(shown).to_contain_text("This is a shared copy: 3 of 7 done.")
    expect_checked(reader, CHECKLIST, {"thank-you-sent", "two-questions", "listen-mindset"},
                   CHECKLIST_ITEMS)
    item_label(reader, CHECKLIST, "easy-format").click(force=True)
    assert saved_doc(reader) == own

    shown.get_by_role("button", name="Save these answers here").click()
    expect(shown.get_by_role("button", name="Undo")).to_be_visible()
    # Added to the reader's own tick, which stays.
    expect_checked(reader, CHECKLIST, {"thank-you-sent", "two-questions", "listen-mindset",
                                       "right-person"}, CHECKLIST_ITEMS)
    items = saved_doc(reader)["widgets"][CHECKLIST]["items"]
    assert {item for item, ticked in items.items() if ticked} == {
        "thank-you-sent", "two-questions", "listen-mindset", "right-person"}
    shown.get_by_role("button", name="Dismiss").click()
    expect(shown).to_be_hidden()


def test_unknown_parts_of_a_link_are_ignored(new_page: Callable[..., Page],
                                             site_url: str) -> None:
    """Ids the widget does not have, and ratings off the scale, are left out of the preview."""
    reader = new_page()
    open_shared(reader, f"{site_url}{WORKSHEET_PAGE}"
                        f"#share={WORKSHEET}:communication=9,examples=0,closing=3,made-up=2")
    expect(share_banner(reader, WORKSHEET)).to_contain_text("This is a shared copy: 1 of 7 rated")
    expect(radio(reader, WORKSHEET, "closing", 3)).to_be_checked()
    expect(radio(reader, WORKSHEET, "communication", 0)).to_be_checked()
    # A link to another widget of the page is not a preview of this one.
    other = new_page()
    open_shared(other, f"{site_url}{WORKSHEET_PAGE}#share=after-ask-ready:thank-you-sent")
    expect(share_banner(other, WORKSHEET)).to_be_hidden()
    expect(radio(other, WORKSHEET, "closing", 0)).to_be_enabled()
    assert all_storage(reader) == {} and all_storage(other) == {}


# Each time a share preview or a reset question is shown: is its style sheet
# (debrief-actions.css, added by the module that shows both) already applied? Read at the
# moment `hidden` is removed, before the page paints.
WATCH_SHOWN = """{
  window.__shown = [];
  new MutationObserver((changes) => changes.forEach(({ target }) => {
    if (!target.matches('.debrief-share, .debrief-confirm') || target.hidden) return;
    const style = getComputedStyle(target);
    const what = target.matches('.debrief-share') ? 'preview' : 'question';
    window.__shown.push(`${what} ${style.display} ${style.marginTop}`);
  })).observe(document, { attributes: true, attributeFilter: ['hidden'], subtree: true });
}"""
STYLED_PREVIEW, STYLED_QUESTION = "preview flex 6.4px", "question flex 6.4px"


def test_the_preview_and_reset_question_are_styled_as_they_show(page: Page,
                                                                 site_url: str) -> None:
    page.add_init_script(WATCH_SHOWN)
    open_shared(page, f"{site_url}{WORKSHEET_PAGE}#share={WORKSHEET}:communication=4")
    expect(share_banner(page, WORKSHEET)).to_be_visible()
    assert page.evaluate("window.__shown") == [STYLED_PREVIEW]
    share_banner(page, WORKSHEET).get_by_role("button", name="Dismiss").click()

    # Instant navigation drops what scripts added to the head, the sheet with it; the module,
    # already loaded, adds it again before it next shows something.
    page.wait_for_function("() => performance.getEntriesByType('resource')"
                           ".some((e) => e.name.endsWith('/sitemap.xml') && e.responseEnd > 0)")
    page.evaluate("window.__marker = 1")
    page.locator(f'.md-sidebar--primary a.md-nav__link[href$="{CHECKLIST_PAGE.split("/")[1]}/"]'
                 ).first.click()
    page.wait_for_url(site_url + CHECKLIST_PAGE)
    wait_ready(page)
    expect(page.locator("link[href$='debrief-actions.css']")).to_have_count(0)
    widget(page, CHECKLIST).locator("[data-act=reset]").click()
    expect(widget(page, CHECKLIST).locator(".debrief-confirm")).to_be_visible()
    page.evaluate("""(href) => {
        const link = Object.assign(document.createElement('a'), { href, textContent: 'Shared' });
        document.querySelector('.md-content__inner').append(link);
    }""", f"{site_url}{WORKSHEET_PAGE}#share={WORKSHEET}:closing=2")
    page.get_by_role("link", name="Shared", exact=True).click()
    expect(share_banner(page, WORKSHEET)).to_be_visible()
    assert page.evaluate("window.__marker") == 1, "the page was fully reloaded, not swapped"
    assert page.evaluate("window.__shown") == [STYLED_PREVIEW, STYLED_QUESTION, STYLED_PREVIEW]
