"""Unit tests of the scripts' pure functions, run in Chromium on a page of the built site (the
modules as readers get them, no other toolchain): merging an import, counting what it changes,
progress arithmetic, the validator, strings and plurals, and adopting schema 1's answers."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from .browser_support import *

PAST, LATER = "2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z"
FUTURE = "2999-01-01T00:00:00.000Z"


@pytest.fixture
def run(page: Page, site_url: str) -> Any:
    """`run(module, body, *args)`: evaluates `body` (a JS function body that sees `m`, the
    module, `api`, `config` and `args`) on a widget page, and returns what it returns."""
    open_page(page, site_url + CHECKLIST_PAGE)

    def call(module: str, body: str, *args: Any) -> Any:
        return page.evaluate(
            "async ([module, body, args]) => {"
            " const m = module ? await import(window.debrief.assets + module) : null;"
            " const api = window.debrief;"
            " const config = api.settings(document.querySelector('.debrief[data-debrief]'));"
            " return new Function('m', 'api', 'config', 'args', body)(m, api, config, args); }",
            [module, body, list(args)])
    return call


def doc(widgets: dict[str, Any] | None = None, log: list[Any] | None = None) -> dict[str, Any]:
    return {"widgets": widgets or {}, "log": log or []}


# ---- Merging an import, per answer --------------------------------------------------------------

def merged(run: Any, mine: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    return run("debrief-import.js", "return m.merge(args[0], args[1]);", mine, theirs)


def test_an_empty_answer_never_replaces_a_real_one_however_new(run: Any) -> None:
    mine = doc({"w": {"items": {"a": True}, "ratings": {"c": 3}, "notes": "mine", "t": PAST}})
    theirs = doc({"w": {"items": {"a": False}, "ratings": {"c": 0}, "notes": "", "t": LATER}})
    result = merged(run, mine, theirs)["widgets"]["w"]
    assert {k: result[k] for k in ("items", "ratings", "notes")} == {
        "items": {"a": True}, "ratings": {"c": 3}, "notes": "mine"}


def test_of_two_real_answers_the_newer_side_wins_and_a_future_date_counts_as_oldest(
        run: Any) -> None:
    mine = doc({"w": {"ratings": {"c": 3}, "notes": "mine", "t": PAST}})
    newer = doc({"w": {"ratings": {"c": 5}, "notes": "theirs", "t": LATER}})
    forged = doc({"w": {"ratings": {"c": 1}, "notes": "forged", "t": FUTURE}})
    assert merged(run, mine, newer)["widgets"]["w"]["ratings"] == {"c": 5}
    assert merged(run, mine, newer)["widgets"]["w"]["notes"] == "theirs"
    assert merged(run, mine, forged)["widgets"]["w"]["notes"] == "mine"


def test_merge_keeps_every_answer_either_side_has(run: Any) -> None:
    mine = doc({"w": {"items": {"a": True}, "t": PAST}, "mine-only": {"items": {"x": True}}},
               [{"id": "e1", "label": "one", "t": PAST}])
    theirs = doc({"w": {"items": {"b": True}, "t": PAST}, "theirs-only": {"notes": "n"}},
                 [{"id": "e2", "label": "two", "t": PAST}])
    result = merged(run, mine, theirs)
    assert result["widgets"]["w"]["items"] == {"a": True, "b": True}
    assert set(result["widgets"]) == {"w", "mine-only", "theirs-only"}
    assert [e["id"] for e in result["log"]] == ["e1", "e2"]


def test_what_an_import_would_change_is_counted_per_answer(run: Any) -> None:
    before = doc({"w": {"items": {"a": True, "b": False}, "ratings": {"c": 2}, "notes": "x"}},
                 [{"id": "e1", "label": "one", "t": PAST}])
    after = doc({"w": {"items": {"a": True, "b": True}, "ratings": {"c": 4, "d": 1}, "notes": "x"}},
                [{"id": "e1", "label": "one", "t": LATER}, {"id": "e2", "label": "two"}])
    counts = run("debrief-import.js", "return m.changes(args[0], args[1]);", before, after)
    # A new time stamp alone changes nothing a reader sees.
    assert counts == {"ticks": 1, "ratings": 2, "notes": 0, "entries": 1}


# ---- Progress arithmetic ------------------------------------------------------------------------

WORKSHEET = {"id": "w", "kind": "worksheet", "scale": ["Weak", "Fair", "Strong"],
             "items": [{"id": "c1"}, {"id": "c2"}, {"id": "c3"}], "previous": {"w": ["old-w"],
                                                                          "c2": ["old-c2"]}}


def progress_of(run: Any, stored: dict[str, Any], widget: dict[str, Any]) -> dict[str, Any]:
    return run("debrief-progress.js",
               "const p = m.progressOf(args[0], args[1]);"
               " return { done: p.done, total: p.total, status: p.status, notes: p.notes,"
               " values: args[1].items.map((i) => p.value(i.id)) };", stored, widget)


def test_progress_counts_ratings_on_the_scale_under_old_ids_too(run: Any) -> None:
    stored = doc({"old-w": {"ratings": {"c1": 2, "old-c2": 3, "c3": 9}, "notes": "n"}})
    got = progress_of(run, stored, WORKSHEET)
    assert got == {"done": 2, "total": 3, "status": "in-progress", "notes": "n",
                   "values": [2, 3, 0]}  # 9 is off a three-point scale: not rated


@pytest.mark.parametrize(("items", "status"), [({}, "not-started"), ({"a": True}, "in-progress"),
                                              ({"a": True, "b": True}, "done")])
def test_a_checklists_status_follows_its_ticks(run: Any, items: dict[str, bool],
                                               status: str) -> None:
    checklist = {"id": "c", "kind": "checklist", "items": [{"id": "a"}, {"id": "b"}]}
    got = progress_of(run, doc({"c": {"items": {**items, "unknown": True}}}), checklist)
    assert (got["done"], got["status"]) == (len(items), status)


# ---- The validator ------------------------------------------------------------------------------
def checked(run: Any, document: Any, scales: dict[str, int] | None = None) -> dict[str, Any]:
    return run("debrief-store.js",
               "const { doc, dropped } = m.checkAll(api, config, args[0], args[1]);"
               " return { doc, dropped };", document, scales or {})


def test_the_validator_keeps_what_it_can_and_says_what_it_dropped(run: Any) -> None:
    entry = {"worksheet": "w", "label": "L", "date": "2026-02-30", "ratings": {}}
    got = checked(run, {"v": 2, "widgets": {"good": {"items": {"a": True}},
                                            "bad": {"items": {"a": "yes"}}},
                        "log": [{**entry, "id": "e", "date": "2026-02-28"}, entry]})
    assert set(got["doc"]["widgets"]) == {"good"}
    assert [e["id"] for e in got["doc"]["log"]] == ["e"]
    assert got["dropped"] == [["bad-widget", {"id": "bad"}], ["bad-entry", {"number": 2}]]


def test_duplicate_log_ids_are_renamed_so_delete_removes_the_one_chosen(run: Any) -> None:
    entry = {"id": "e", "worksheet": "w", "label": "L", "date": "2026-02-28", "ratings": {}}
    got = checked(run, {"v": 2, "widgets": {}, "log": [entry, entry, entry]})
    assert [e["id"] for e in got["doc"]["log"]] == ["e", "e-2", "e-3"]


def test_ratings_off_a_worksheets_scale_are_refused_on_import(run: Any) -> None:
    got = checked(run, {"v": 2, "widgets": {"w": {"ratings": {"c": 4}}}, "log": []}, {"w": 3})
    assert got["doc"]["widgets"] == {}


@pytest.mark.parametrize(("day", "real"), [("2024-02-29", True), ("2023-02-29", False),
                                           ("2024-13-01", False), ("20240-01-01", False),
                                           ("2024-1-01", False), (None, False)])
def test_is_day_takes_only_real_calendar_days(run: Any, day: Any, real: bool) -> None:
    assert run("debrief-store.js", "return m.isDay(args[0]);", day) is real


# ---- Strings ------------------------------------------------------------------------------------
def test_strings_choose_plural_forms_and_keep_unknown_placeholders(run: Any) -> None:
    got = run("", "const section = document.createElement('section');"
                  " section.lang = 'en';"
                  " section.dataset.i18n = JSON.stringify({ n: { one: '{count} tick', other:"
                  " '{count} ticks' }, hi: 'Hi {name}, {missing}' });"
                  " const t = api.strings(section);"
                  " return [t('n', { count: 1 }), t('n', { count: 3 }), t('hi', { name: 'Ana' }),"
                  " t('absent')];")
    assert got == ["1 tick", "3 ticks", "Hi Ana, {missing}", "absent"]


# ---- Adopting schema 1's answers ----------------------------------------------------------------

def test_schema_1_answers_move_into_one_document_and_their_keys_go(run: Any, page: Page) -> None:
    run("", "localStorage.clear();"
            " localStorage.setItem(args[0], JSON.stringify({ v: 1, items: { a: true } }));"
            " localStorage.setItem(args[1], JSON.stringify({ v: 1, notes: 'kept' }));",
        v1_key("one"), v1_key("two"))
    run("debrief-sync.js", "api.stores[config.key] = undefined; m.adopt(api, config);")
    stored = page.evaluate("(key) => JSON.parse(localStorage.getItem(key))", DOC_KEY)
    assert stored["widgets"]["one"]["items"] == {"a": True}
    assert stored["widgets"]["two"]["notes"] == "kept"
    assert page.evaluate("() => Object.keys(localStorage).filter((k) => k.split(':').length > 2)"
                         ) == [], "schema 1 keys left behind"
