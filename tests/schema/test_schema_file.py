"""The schema of the stored document and the export file (debrief/schema): valid JSON Schema,
in step with the rules Python keeps (ids, version, scale, namespace), the one source of the
limits every page hands its scripts, and shipped in the wheel. That the site writes what it
says is tested in the browser (tests/browser/test_schema.py)."""

from __future__ import annotations

import copy
import html
import json
import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from debrief import schema
from debrief.settings import (
    DEFAULT_NOTES_LIMIT,
    NAMESPACE_RULE,
    NOTES_LIMITS,
    SCHEMA_VERSION,
    Options,
    resolve,
)
from debrief.widgets.ids import ID_RULE, MAX_ID_LENGTH
from debrief.widgets.validate import MAX_SCALE

ROOT = Path(__file__).resolve().parents[2]
DEFS = schema.load()["$defs"]

TIME = "2024-06-01T12:00:00.000Z"
ENTRY = {"id": "e1", "worksheet": "learn-self-rating", "label": "Acme", "date": "2024-02-29",
         "ratings": {"communication": 3}, "notes": "", "t": TIME}
DOC = {"v": 2, "t": TIME, "n": 3, "log": [ENTRY],
       "widgets": {"after-ask-ready": {"items": {"thank-you-sent": True, "right-person": False},
                                       "ratings": {}, "t": TIME},
                   "learn-self-rating": {"items": {}, "ratings": {"communication": 0},
                                         "notes": "Mine.", "t": TIME},
                   "imported-without-parts": {}},
       "records": {"prepare-story-bank": {
           "r1": {"values": {"title": "Rota rescue", "criteria": ["Communication"]}, "rank": 1,
                  "t": TIME},
           "r2": {"values": {}, "rank": 2}}}}
EXPORT = {"format": "debrief", "version": 2, "site": "debrief.example.org", "exported": TIME,
          "widgets": DOC["widgets"], "log": DOC["log"], "records": DOC["records"]}


@pytest.mark.parametrize("name", schema.FILES)
def test_each_file_is_valid_json_schema(name: str) -> None:
    loaded = schema.load(name)
    Draft202012Validator.check_schema(loaded)
    assert loaded["$id"] == schema.BASE + name


def test_the_schema_keeps_to_the_rules_python_keeps() -> None:
    assert DEFS["id"]["pattern"] == f"^{ID_RULE.pattern}$"
    assert DEFS["id"]["maxLength"] == MAX_ID_LENGTH
    assert DEFS["ratings"]["additionalProperties"]["maximum"] == MAX_SCALE
    assert DEFS["document"]["properties"]["v"]["const"] == SCHEMA_VERSION
    exported = schema.load("export.schema.json")["properties"]
    assert exported["version"]["const"] == SCHEMA_VERSION
    assert exported["site"]["pattern"] == f"^{NAMESPACE_RULE.pattern}$"
    low, high = NOTES_LIMITS
    assert DEFS["notes"]["maxLength"] == high, "the schema keeps notes of any limit a site sets"
    assert low <= Options().notes_limit <= high


def test_every_page_hands_its_scripts_the_schema_limits(built_site: Path) -> None:
    """The golden files hide data-config; here it is. The forms carry no maxlength: it counts
    UTF-16 units where the schema counts characters, so the script checks."""
    page = (built_site / "learn" / "self-rating" / "index.html").read_text(encoding="utf-8")
    configs = {html.unescape(c) for c in re.findall(r'data-config="([^"]*)"', page)}
    assert configs, "no section with data-config"
    for config in map(json.loads, configs):
        assert config["notes"] == DEFAULT_NOTES_LIMIT
        assert config["limits"] == {
            "entries": schema.LIMITS.entries, "label": schema.LIMITS.label,
            "id": schema.LIMITS.entry_id, "notes": schema.LIMITS.notes,
            "widgets": schema.LIMITS.widgets, "answers": schema.LIMITS.answers,
            "file": 10_000_000, "fields": schema.LIMITS.fields,
            "field": schema.LIMITS.field_value, "fieldName": schema.LIMITS.field_name,
            "recordTools": schema.LIMITS.record_tools, "records": schema.LIMITS.records,
            "recordValues": schema.LIMITS.record_values, "record": schema.LIMITS.record_value,
            "choices": schema.LIMITS.choices}
    assert "maxlength" not in page


def test_a_site_notes_limit_is_for_typing_and_the_schema_keeps_longer_notes() -> None:
    config = resolve({"notes_limit": 500}, "test").script_config()
    assert config["notes"] == 500 and config["limits"]["notes"] == schema.LIMITS.notes
    long_notes = {**DOC, "widgets": {"w": {"notes": "x" * 600}}}
    assert schema.validator("document").is_valid(long_notes)
    too_long = {**DOC, "widgets": {"w": {"notes": "x" * (schema.LIMITS.notes + 1)}}}
    assert not schema.validator("document").is_valid(too_long)


def test_the_schema_accepts_a_document_and_an_export() -> None:
    schema.validator("document").validate(DOC)
    schema.validator("export").validate(EXPORT)


def changed(value: dict[str, Any], path: tuple[Any, ...], new: Any) -> dict[str, Any]:
    """A deep copy of `value` with the part at `path` replaced (or removed, if `new` is ...)."""
    result = copy.deepcopy(value)
    parent = result
    for step in path[:-1]:
        parent = parent[step]
    if new is ...:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return result


@pytest.mark.parametrize(("path", "new"), [
    (("v",), 1),
    (("n",), ...),
    (("t",), "yesterday"),
    (("extra",), True),
    (("widgets", "Not-An-Id"), {}),
    (("widgets", "x" * (MAX_ID_LENGTH + 1)), {}),
    (("widgets", "after-ask-ready", "items", "thank-you-sent"), "yes"),
    (("widgets", "learn-self-rating", "ratings", "communication"), MAX_SCALE + 1),
    (("widgets", "learn-self-rating", "ratings", "communication"), 2.5),
    (("widgets", "learn-self-rating", "notes"), "x" * (schema.LIMITS.notes + 1)),
    (("widgets", "learn-self-rating", "notes"), None),
    (("log",), [ENTRY] * (schema.LIMITS.entries + 1)),
    (("log", 0, "label"), "x" * (schema.LIMITS.label + 1)),
    (("log", 0, "id"), ""),
    (("log", 0, "id"), "e" * (schema.LIMITS.entry_id + 1)),
    (("log", 0, "date"), "2023-02-29"),
    (("log", 0, "date"), "2024-3-01"),
    (("log", 0, "worksheet"), ...),
    (("log", 0, "ratings"), ...),
    (("records", "Not-An-Id"), {}),
    (("records", "prepare-story-bank", "R-1"), {"values": {}, "rank": 1}),
    (("records", "prepare-story-bank", "r1", "rank"), ...),
    (("records", "prepare-story-bank", "r1", "rank"), -1),
    (("records", "prepare-story-bank", "r1", "extra"), 1),
    (("records", "prepare-story-bank", "r1", "values", "Title"), "x"),
    (("records", "prepare-story-bank", "r1", "values", "title"),
     "x" * (schema.LIMITS.record_value + 1)),
    (("records", "prepare-story-bank", "r1", "values", "title"), 3),
    (("records", "prepare-story-bank", "r1", "values", "criteria"), ["a", "a"]),
    (("records", "prepare-story-bank", "r1", "values", "criteria"),
     [str(n) for n in range(schema.LIMITS.choices + 1)]),
    (("records", "prepare-story-bank"),
     {f"r{n}": {"values": {}, "rank": n} for n in range(schema.LIMITS.records + 1)}),
])
def test_the_schema_refuses_what_the_site_would_not_write(path: tuple[Any, ...], new: Any) -> None:
    assert not schema.validator("document").is_valid(changed(DOC, path, new))


@pytest.mark.parametrize(("path", "new"), [
    (("format",), "other"), (("site",), "a site"), (("exported",), ...), (("v",), 2)])
def test_the_export_schema_refuses_what_no_export_holds(path: tuple[Any, ...], new: Any) -> None:
    assert not schema.validator("export").is_valid(changed(EXPORT, path, new))


def test_the_schema_files_ship_in_the_wheel() -> None:
    """setuptools packs only the data files pyproject.toml lists."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = pyproject["tool"]["setuptools"]["package-data"]["debrief"]
    for name in schema.FILES:
        assert any(fnmatch(f"schema/{name}", glob) for glob in globs), name


def test_the_schema_and_the_fields_block_agree_on_field_names() -> None:
    from debrief.widgets.fields import FIELD_NAME

    assert DEFS["field-name"]["pattern"] == f"^{FIELD_NAME.pattern}$"
    assert DEFS["field-name"]["maxLength"] == schema.LIMITS.field_name
