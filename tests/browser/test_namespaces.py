"""Where answers are kept: under the site's namespace (derived from site_url), adopting a copy
of what an earlier namespace kept, and under one key per deployed version when a versioned site
asks for that (`versions: separate`)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import HOOK, mkdocs_build, write_site

from .browser_support import *

EARLIER = make_doc({CHECKLIST: {"items": {"thank-you-sent": True, "rest": False}, "ratings": {}}},
                   [make_entry("eearlier", "2024-02-01", {"communication": 3}, "Kept before")])


def test_answers_of_the_earlier_namespace_are_adopted(new_page: Callable[..., Page],
                                                      site_url: str) -> None:
    page = new_page(storage_state=with_storage(site_url, {PREVIOUS_DOC_KEY: EARLIER}))
    open_page(page, site_url + CHECKLIST_PAGE)
    expect_checked(page, CHECKLIST, {"thank-you-sent"}, CHECKLIST_ITEMS)
    adopted = saved_json(page, DOC_KEY)
    assert adopted["widgets"] == EARLIER["widgets"] and adopted["log"] == EARLIER["log"]

    item_label(page, CHECKLIST, "right-person").click()
    doc = saved_json(page, DOC_KEY)
    assert {k for k, v in doc["widgets"][CHECKLIST]["items"].items() if v} == {
        "thank-you-sent", "right-person"}
    assert doc["log"] == EARLIER["log"]
    assert saved_json(page, PREVIOUS_DOC_KEY) == EARLIER, "the earlier document was changed"

    # From now on the site's own document is the one read.
    open_app(page, site_url + PROGRESS_PAGE)
    expect(app(page, PROGRESS_APP).locator(f"li[data-widget={CHECKLIST}]")).to_contain_text(
        "2 of 7")


def test_the_sites_own_document_wins_over_an_earlier_one(new_page: Callable[..., Page],
                                                         site_url: str) -> None:
    own = make_doc({CHECKLIST: {"items": {"listen-mindset": True}, "ratings": {}}})
    page = new_page(storage_state=with_storage(site_url, {PREVIOUS_DOC_KEY: EARLIER,
                                                          DOC_KEY: own}))
    open_page(page, site_url + CHECKLIST_PAGE)
    expect_checked(page, CHECKLIST, {"listen-mindset"}, CHECKLIST_ITEMS)


def test_import_accepts_an_export_of_the_earlier_namespace(page: Page, site_url: str) -> None:
    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, make_export(EARLIER["widgets"], EARLIER["log"], site=PREVIOUS_NAMESPACE))
    app(page, PROGRESS_APP).get_by_role("button", name="Merge").click()
    expect(app_status(page, PROGRESS_APP)).to_have_text("Imported 1 tool and 1 log entry.")
    assert saved_json(page, DOC_KEY)["log"] == EARLIER["log"]


# ---- Versioned sites: one document per deployed version ---------------------------------------

NS = "versioned"
LIST = """/// checklist | Ready
    id: ready

- [ ] Send the note {#send-note}
- [ ] Bring a pen {#pen}
///
"""
VERSIONS = ("1.0", "2.0")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def versioned_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One site built with `versions: separate`, deployed twice as mike does: /1.0/ and /2.0/."""
    root = tmp_path_factory.mktemp("versioned")
    write_site(root, {"index.md": "# Versioned\n\n" + LIST},
               HOOK + f"markdown_extensions:\n  - attr_list\n  - debrief.widgets:\n"
                      f"      namespace: {NS}\n      versions: separate\n      log_page: ''\n")
    for version in VERSIONS:
        result = mkdocs_build(root, root / "served" / version)
        assert result.returncode == 0, result.stdout + result.stderr
    handler = functools.partial(QuietHandler, directory=str(root / "served"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_each_version_keeps_its_own_answers(new_page: Callable[..., Page],
                                            versioned_url: str) -> None:
    shared = make_doc({"ready": {"items": {"pen": True}, "ratings": {}}})
    page = new_page(storage_state=with_storage(versioned_url, {f"debrief:{NS}": shared}))
    # Each version starts from the answers the site kept before it was versioned.
    open_page(page, versioned_url + "1.0/")
    expect_checked(page, "ready", {"pen"}, ("send-note", "pen"))
    item_label(page, "ready", "send-note").click()
    open_page(page, versioned_url + "2.0/")
    expect_checked(page, "ready", {"pen"}, ("send-note", "pen"))
    item_label(page, "ready", "pen").click()
    expect_checked(page, "ready", set(), ("send-note", "pen"))

    open_page(page, versioned_url + "1.0/")
    expect_checked(page, "ready", {"send-note", "pen"}, ("send-note", "pen"))
    first = saved_json(page, f"debrief:{NS}@/1.0/")["widgets"]["ready"]["items"]
    second = saved_json(page, f"debrief:{NS}@/2.0/")["widgets"]["ready"]["items"]
    assert (first["send-note"], first["pen"]) == (True, True)
    assert second["pen"] is False and not second.get("send-note")
    assert saved_json(page, f"debrief:{NS}") == shared

