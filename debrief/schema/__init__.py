"""The stored document and the export file, written down as JSON Schema (draft 2020-12).

`document.schema.json` is the document a site keeps in localStorage; `export.schema.json` is the
file its progress page exports and imports. They are also where the limits of what a document
holds are set: `LIMITS` reads them from the file, the build renders them into every page
(`Settings.script_config`), and the scripts read them from the page.
Validating needs `jsonschema` (a test dependency): only `validator` imports it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

BASE = "https://debrief.example.org/schema/"
FILES = ("document.schema.json", "export.schema.json")


def load(name: str = "document.schema.json") -> dict[str, Any]:
    """One of the schema files, as data."""
    return json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Limits:
    """What a stored document may hold at most."""

    entries: int  # log entries
    label: int  # characters of an entry's label
    entry_id: int  # characters of an entry's id
    notes: int  # characters of notes: the largest notes_limit a site may set
    widgets: int  # widgets with answers
    answers: int  # answers of one part of a widget (its items, its ratings)
    fields: int  # field values (`/// fields`), site-wide by name
    field_name: int  # characters of a field name
    field_value: int  # characters of a field's value
    record_tools: int  # `/// entries` tools with records
    records: int  # records of one tool
    record_values: int  # values of one record (fields of its tool)
    record_value: int  # characters of one value of a record
    choices: int  # options chosen in one value (a choice of several)


def _limits() -> Limits:
    defs = load()["$defs"]
    return Limits(entries=defs["log"]["maxItems"], label=defs["label"]["maxLength"],
                  entry_id=defs["entry-id"]["maxLength"], notes=defs["notes"]["maxLength"],
                  widgets=defs["widgets"]["maxProperties"], answers=defs["items"]["maxProperties"],
                  fields=defs["fields"]["maxProperties"],
                  field_name=defs["field-name"]["maxLength"],
                  field_value=defs["field-value"]["maxLength"],
                  record_tools=defs["records"]["maxProperties"],
                  records=defs["record-list"]["maxProperties"],
                  record_values=defs["record-values"]["maxProperties"],
                  record_value=defs["record-value"]["maxLength"],
                  choices=defs["record-values"]["additionalProperties"]["oneOf"][1]["maxItems"])


LIMITS = _limits()


@cache
def validator(name: str = "document") -> Any:
    """A jsonschema validator for "document" or "export", checking formats (real days) too."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    schemas = {file: load(file) for file in FILES}
    registry = Registry().with_resources(
        (BASE + file, Resource.from_contents(schema)) for file, schema in schemas.items())
    return Draft202012Validator(schemas[f"{name}.schema.json"], registry=registry,
                                format_checker=Draft202012Validator.FORMAT_CHECKER)
