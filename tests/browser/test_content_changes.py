"""When the content changes between visits: answers saved under an old id show under the new one
(`previous_ids`), answers for an item that left the page stay saved and show again when it comes
back, and answers saved by the older one-key-per-widget schema move into the one document.

Three versions of a small fixture site, built with the repository's hook, are served side by
side by one server, so they share an origin and a namespace, as one site would over time."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import HOOK, mkdocs_build, write_site

from .browser_support import *

NS = "fixture"
DOC = f"debrief:{NS}"

READY_V1 = """/// checklist | Ready
    id: ready

- [ ] Send the note {#send-note}
- [ ] Ask two questions {#questions}
- [ ] Bring a pen {#pen}
///
"""
# `questions` renamed to `two-questions`; `pen` removed.
READY_V2 = """/// checklist | Ready
    id: ready
    previous_ids:
      two-questions: [questions]

- [ ] Send the note {#send-note}
- [ ] Ask two questions {#two-questions}
///
"""
# `pen` is back.
READY_V3 = READY_V2.replace("{#two-questions}\n", "{#two-questions}\n- [ ] Bring a pen {#pen}\n")
OLD_LIST = """/// checklist | A list
    id: old-list

- [ ] First thing {#first}
- [ ] Second thing {#second}
///
"""
# The whole checklist renamed.
RENAMED_LIST = """/// checklist | A list
    id: renamed-list
    previous_ids:
      renamed-list: [old-list]

- [ ] First thing {#first}
- [ ] Second thing {#second}
///
"""
VERSIONS = {
    "site-v1": READY_V1 + "\n" + OLD_LIST,
    "site-v2": READY_V2 + "\n" + RENAMED_LIST,
    "site-v3": READY_V3 + "\n" + RENAMED_LIST,
}
PROGRESS = "/// progress | Everything\n///\n"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def build(folder: Path, index: str) -> None:
    write_site(folder, {"index.md": "# Fixture\n\n" + index,
                        "progress.md": "# Progress\n\n" + PROGRESS},
               HOOK + f"markdown_extensions:\n  - attr_list\n  - debrief.widgets:\n"
                      f"      namespace: {NS}\n")
    result = mkdocs_build(folder, folder.parent / "served" / folder.name)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def versions_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a folder holding every version of the fixture site, one per subfolder."""
    root = tmp_path_factory.mktemp("versions")
    for name, index in VERSIONS.items():
        build(root / name, index)
    handler = functools.partial(QuietHandler, directory=str(root / "served"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_the_versions_are_built_as_intended(versions_url: str, page: Page) -> None:
    items = {}
    for name in VERSIONS:
        open_page(page, versions_url + name + "/")
        items[name] = page.locator("input[type=checkbox][data-item]").evaluate_all(
            "(all) => all.map((b) => b.closest('section').id + ':' + b.dataset.item)")
    assert items == {
        "site-v1": ["ready:send-note", "ready:questions", "ready:pen",
                    "old-list:first", "old-list:second"],
        "site-v2": ["ready:send-note", "ready:two-questions",
                    "renamed-list:first", "renamed-list:second"],
        "site-v3": ["ready:send-note", "ready:two-questions", "ready:pen",
                    "renamed-list:first", "renamed-list:second"],
    }


def items_of(page: Page, widget_id: str) -> dict[str, bool]:
    return saved_json(page, DOC)["widgets"][widget_id]["items"]


def test_answers_saved_under_old_ids_show_under_the_new(new_page: Callable[..., Page],
                                                        versions_url: str) -> None:
    saved = {"v": 2, "log": [], "widgets": {
        "ready": {"items": {"send-note": False, "questions": True, "pen": True}, "ratings": {}},
        "old-list": {"items": {"first": False, "second": True}, "ratings": {}}}}
    page = new_page(storage_state=with_storage(versions_url, {DOC: saved}))
    open_page(page, versions_url + "site-v2/")
    expect_checked(page, "ready", {"two-questions"}, ("send-note", "two-questions"))
    expect(progress(page, "ready")).to_have_text("1 of 2 done.")
    expect_checked(page, "renamed-list", {"second"}, ("first", "second"))

    # The progress page counts them too.
    open_app(page, versions_url + "site-v2/progress/")
    for widget_id, status, count in (("ready", "In progress", "1 of 2"),
                                     ("renamed-list", "In progress", "1 of 2")):
        row = app(page, PROGRESS_APP).locator(f"li[data-widget={widget_id}]")
        expect(row.locator(".debrief-badge")).to_have_text(status)
        expect(row).to_contain_text(count)

    # A change saves under the new ids, one answer at a time: the answers it leaves alone stay
    # under the ids they were saved with (where the page finds them), and so does what the page
    # no longer shows.
    open_page(page, versions_url + "site-v2/")
    item_label(page, "ready", "send-note").click()
    item_label(page, "renamed-list", "first").click()
    expect_checked(page, "ready", {"send-note", "two-questions"}, ("send-note", "two-questions"))
    ready = items_of(page, "ready")
    assert ready["send-note"] is True and ready["questions"] is True
    assert ready["pen"] is True, "the answer for an item no longer on the page was lost"
    assert items_of(page, "renamed-list") == {"first": True, "second": True}
    open_page(page, versions_url + "site-v2/")
    expect_checked(page, "ready", {"send-note", "two-questions"}, ("send-note", "two-questions"))
    expect_checked(page, "renamed-list", {"first", "second"}, ("first", "second"))


def test_an_item_that_comes_back_shows_its_answer(new_page: Callable[..., Page],
                                                  versions_url: str) -> None:
    page = new_page()
    open_page(page, versions_url + "site-v1/")
    item_label(page, "ready", "pen").click()
    item_label(page, "ready", "questions").click()

    # Version 2 has no pen: ticking and unticking the rest keeps the pen's answer saved.
    open_page(page, versions_url + "site-v2/")
    expect_checked(page, "ready", {"two-questions"}, ("send-note", "two-questions"))
    item_label(page, "ready", "send-note").click()
    item_label(page, "ready", "two-questions").click()
    assert items_of(page, "ready")["pen"] is True
    assert page.locator("section#ready [data-item=pen]").count() == 0

    # Version 3 brings the pen back, ticked, with version 2's other answers.
    open_page(page, versions_url + "site-v3/")
    expect_checked(page, "ready", {"send-note", "pen"}, ("send-note", "two-questions", "pen"))
    expect(progress(page, "ready")).to_have_text("2 of 3 done.")
    open_app(page, versions_url + "site-v3/progress/")
    expect(app(page, PROGRESS_APP).locator("li[data-widget=ready]")).to_contain_text("2 of 3")


V1_KEYS = {
    f"debrief:{NS}:ready": {"v": 1, "items": {"send-note": True, "questions": False,
                                              "pen": True}, "ratings": {}},
    f"debrief:{NS}:old-list": {"v": 1, "items": {"second": True}, "ratings": {}},
}
# Left alone by the migration: another site's answers, and what cannot be read as ours.
OTHERS = {
    "debrief:elsewhere:ready": {"v": 1, "items": {"send-note": False}, "ratings": {}},
    f"debrief:{NS}:broken": "{not json",
    f"debrief:{NS}:future": {"v": 3, "items": {}},
    "unrelated": "kept",
}


def all_storage(page: Page) -> dict[str, str]:
    return page.evaluate("() => ({ ...localStorage })")


@pytest.mark.parametrize("first_visit", ["site-v1/", "site-v1/progress/"],
                         ids=["widget-page", "progress-page"])
def test_answers_of_the_older_schema_move_into_the_document(
        new_page: Callable[..., Page], versions_url: str, first_visit: str) -> None:
    page = new_page(storage_state=with_storage(versions_url, {**V1_KEYS, **OTHERS}))
    if first_visit.endswith("progress/"):
        open_app(page, versions_url + first_visit)
        expect(app(page, PROGRESS_APP).locator("li[data-widget=ready] .debrief-badge")
               ).to_have_text("In progress")
        expect(app(page, PROGRESS_APP).locator("li[data-widget=ready]")).to_contain_text("2 of 3")
        expect(app(page, PROGRESS_APP).locator("li[data-widget=old-list]")
               ).to_contain_text("1 of 2")
    else:
        open_page(page, versions_url + first_visit)
        expect_checked(page, "ready", {"send-note", "pen"}, ("send-note", "questions", "pen"))
        expect_checked(page, "old-list", {"second"}, ("first", "second"))

    doc = saved_json(page, DOC)
    assert doc is not None and doc["v"] == 2, "the answers were not moved into one document"
    assert doc["widgets"] == {
        "ready": {"items": {"send-note": True, "questions": False, "pen": True}, "ratings": {}},
        "old-list": {"items": {"second": True}, "ratings": {}}}
    assert doc["log"] == []
    storage = all_storage(page)
    for old_key in V1_KEYS:
        assert old_key not in storage, f"{old_key} was not removed after the move"
    for other, value in OTHERS.items():
        assert storage.get(other) == (value if isinstance(value, str) else
                                      json.dumps(value)), other

    # Later versions of the site find them too.
    open_page(page, versions_url + "site-v2/")
    expect_checked(page, "renamed-list", {"second"}, ("first", "second"))
    expect_checked(page, "ready", {"send-note"}, ("send-note", "two-questions"))


def test_older_schema_on_the_real_site(new_page: Callable[..., Page], site_url: str) -> None:
    v1 = {
        f"{PREVIOUS_DOC_KEY}:{CHECKLIST}": {"v": 1, "items": {"thank-you-sent": True,
                                                           "listen-mindset": True}},
        f"{PREVIOUS_DOC_KEY}:{WORKSHEET}": {"v": 1, "items": {}, "ratings": {
            "communication": 4, "closing": 2}, "notes": "Written before the update."},
    }
    page = new_page(storage_state=with_storage(site_url, v1))
    open_app(page, site_url + PROGRESS_PAGE)
    expect(app(page, PROGRESS_APP).locator(f"li[data-widget={CHECKLIST}]")).to_contain_text(
        "2 of 7")
    expect(app(page, PROGRESS_APP).locator(f"li[data-widget={WORKSHEET}]")).to_contain_text(
        "2 of 7")
    open_page(page, site_url + CHECKLIST_PAGE)
    expect_checked(page, CHECKLIST, {"thank-you-sent", "listen-mindset"}, CHECKLIST_ITEMS)
    open_page(page, site_url + WORKSHEET_PAGE)
    for criterion in CRITERIA:
        value = {"communication": 4, "closing": 2}.get(criterion, 0)
        expect(radio(page, WORKSHEET, criterion, value)).to_be_checked()
    expect(notes(page, WORKSHEET)).to_have_value("Written before the update.")

    # They were saved under the site's earlier namespace: the site saved a copy under the
    # namespace of now, and left them where they are.
    def debrief_keys() -> list[str]:
        return page.evaluate("() => Object.keys(localStorage)"
                             ".filter((k) => k.startsWith('debrief')).sort()")

    assert debrief_keys() == sorted([DOC_KEY, *v1])
    open_page(page, site_url + CHECKLIST_PAGE)
    item_label(page, CHECKLIST, "two-questions").click()
    assert debrief_keys() == sorted([DOC_KEY, *v1])
    doc = saved_json(page, DOC_KEY)
    assert {k for k, v in doc["widgets"][CHECKLIST]["items"].items() if v} == {
        "thank-you-sent", "listen-mindset", "two-questions"}
    assert doc["widgets"][WORKSHEET]["notes"] == "Written before the update."
    for key, value in v1.items():
        assert saved_json(page, key) == value
