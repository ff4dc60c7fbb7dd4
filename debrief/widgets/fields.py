"""The `/// fields` block: values a reader writes once (the employer, the role, the interviewer's
name) and every page reuses, wherever its text says `<<employer>>` (see references.py).

A field's name is shared by the whole site: two tools that declare `employer` show and change
the one value, kept in the document's `fields` map (debrief/assets/store/document.js).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from typing import Any, ClassVar

from ..schema import LIMITS
from . import render
from .block import Item, Widget, WidgetBlock
from .ids import plain_text
from .problems import WidgetProblem, raise_all
from .validate import type_heading_level, type_widget_id

FIELD_NAME = re.compile(r"[a-z][a-z0-9_]*")
FIELD_KEYS = ("name", "label", "example", "type", "options", "several", "calendar")
# What "Add to calendar" on a date of an entries tool's record can add (calendar/events.js says
# when each falls): the interview itself, a thank-you note after it, rating yourself that
# evening, chasing a decision on the day, and a next step on its day.
CALENDAR_EVENTS = ("interview", "thank-you", "rate-yourself", "chase", "next-step")
FIELD_TYPES = ("text", "notes", "date", "datetime", "number", "choice")


@dataclass(frozen=True)
class Field:
    """One value a reader writes: its name (site-wide), how the form labels it, and an example
    that a page shows where it refers to the field before the reader has written anything."""

    name: str
    label: str
    type: str = "text"
    example: str = ""
    options: tuple[str, ...] = ()
    several: bool = False  # a choice of several options (entries tools only)
    calendar: tuple[str, ...] = ()  # events "Add to calendar" makes of a date (entries tools only)

    @property
    def placeholder(self) -> str:
        """What `<<name>>` shows without the reader's value: the example, or the label in
        brackets."""
        return self.example or f"[{self.label}]"


def type_fields(value: Any, several: bool = False) -> tuple[Field, ...]:
    """The `fields:` option: a list of `{name, label, example?, type?, options?}`; with
    `several`, a choice may take `several: true` (an entries tool's record holds a list)."""
    if not isinstance(value, list) or not value:
        raise WidgetProblem("fields must be a non-empty list",
                            "list them under `fields:`, each as "
                            "`- {name: employer, label: Employer}`")
    fields, problems, seen = [], [], set()
    for number, entry in enumerate(value, 1):
        try:
            field = _field(entry, number, several)
        except WidgetProblem as problem:  # every field's mistake is worth knowing
            problems.append(problem)
            continue
        if field.name in seen:
            problems.append(WidgetProblem(f"two fields are named '{field.name}'",
                                          "give each field of the block its own `name:`",
                                          near=f"name: {field.name}", nth=2))
        seen.add(field.name)
        fields.append(field)
    raise_all(problems)
    return tuple(fields)


def _text(entry: dict, key: str, number: int, near: str) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise WidgetProblem(f"field {number}: `{key}` must be text",
                            f"write `{key}:` followed by a few words", near=near)
    return str(value).strip()


def _field(entry: Any, number: int, several_allowed: bool = False) -> Field:
    if not isinstance(entry, dict):
        raise WidgetProblem(f"field {number} is not a set of keys",
                            "write it as `- {name: employer, label: Employer}`")
    name = entry.get("name")
    near = f"name: {name}" if name else ""
    unknown = sorted(set(map(str, entry)) - set(FIELD_KEYS))
    if unknown:
        raise WidgetProblem(f"field {number} has an unknown key '{unknown[0]}'",
                            f"use only {', '.join(FIELD_KEYS)}", near=near or f"{unknown[0]}:")
    if not isinstance(name, str) or not FIELD_NAME.fullmatch(name) \
            or len(name) > LIMITS.field_name:
        raise WidgetProblem(
            f"field {number} has no usable name ('{name}')" if name else
            f"field {number} has no name",
            f"write `name:` in lower-case Latin letters, digits and underscores, starting with a "
            f"letter, at most {LIMITS.field_name} characters, e.g. `name: employer`; pages refer "
            "to it as `<<employer>>`", near=near)
    label = _text(entry, "label", number, near)
    if not label:
        raise WidgetProblem(f"field '{name}' has no label",
                            "add `label:` with what the reader is asked for", near=near)
    kind = entry.get("type", "text")
    if kind not in FIELD_TYPES:
        raise WidgetProblem(f"field '{name}' has the unknown type '{kind}'",
                            f"use one of: {', '.join(FIELD_TYPES)}", near=f"type: {kind}")
    options: tuple[str, ...] = ()
    if kind == "choice":
        raw = entry.get("options")
        if not isinstance(raw, list) or not raw or not all(
                isinstance(o, str | int | float) and str(o).strip() for o in raw):
            raise WidgetProblem(f"the choice '{name}' has no options",
                                "list what the reader chooses from: `options: [Phone, Video, "
                                "On site]`", near=near)
        options = tuple(str(o).strip() for o in raw)
    elif "options" in entry:
        raise WidgetProblem(f"field '{name}' has options but is not a choice",
                            "add `type: choice`, or remove `options:`", near=near)
    several = entry.get("several", False)
    if several not in (True, False):
        raise WidgetProblem(f"field '{name}': `several` must be true or false",
                            "write `several: true` for a choice of several options, without "
                            "quotes", near=near)
    if several and not several_allowed:
        raise WidgetProblem(f"field '{name}' is a choice of several, which a fields tool cannot "
                            "hold: its value is one text that pages show",
                            "remove `several:`, or declare the field in a `/// entries` tool",
                            near=near)
    if several and kind != "choice":
        raise WidgetProblem(f"field '{name}' has `several` but is not a choice",
                            "add `type: choice` with `options:`, or remove `several:`", near=near)
    calendar = entry.get("calendar", [])
    if calendar and not several_allowed:
        raise WidgetProblem(f"field '{name}' has `calendar`, which only an entries tool's dates "
                            "take", "remove `calendar:`, or declare the field in a `/// entries` "
                            "tool", near=near)
    if calendar and kind not in ("date", "datetime"):
        raise WidgetProblem(f"field '{name}' has `calendar` but is no date",
                            "give it `type: date` or `type: datetime`, or remove `calendar:`",
                            near=near)
    if not isinstance(calendar, list) or not all(event in CALENDAR_EVENTS for event in calendar):
        raise WidgetProblem(f"field '{name}': `calendar` lists an event this site cannot add",
                            f"list some of: {', '.join(CALENDAR_EVENTS)}", near=near)
    if len(set(options)) != len(options):
        raise WidgetProblem(f"the choice '{name}' lists an option twice",
                            "list each option once", near=near)
    return Field(name, label, kind, _text(entry, "example", number, near), options, several,
                 tuple(dict.fromkeys(calendar)))


class Fields(WidgetBlock):
    """
    Fields.

    Argument: the title (required).

    Options:
    - `id` (required): the tool's id, unique across the site.
    - `fields` (required): a list; each has `name` (required: lower-case letters, digits and
      underscores, shared by the whole site), `label` (required), `example` (what a page shows
      for `<<name>>` before the reader writes anything; else the label in brackets), `type`
      (`text`, the default; `notes`, several lines; `date`; `datetime`; `number`; `choice`,
      with `options:`, a list).
    - `level`: the heading level of the title, 2 to 6 (default 2).

    Content: optional Markdown shown above the fields.

    The values never go into a share link: the tool has no share button.
    """

    NAME = "fields"
    OPTIONS: ClassVar = {
        "id": ("", type_widget_id),
        "fields": ((), type_fields),
        "level": (2, type_heading_level),
    }
    REQUIRED = ("id", "fields")

    def on_markdown(self) -> str:
        return "block"

    def on_options(self) -> None:
        for field in self.options["fields"]:
            self.page.placeholders.setdefault(field.name, field.placeholder)

    def create(self, parent: etree.Element) -> etree.Element:
        widget_id = self.options["id"]
        text = self.page.text
        section = render.widget(parent, self.NAME, widget_id, self.argument,
                                self.options["level"], self.page.section_attributes(self.NAME))
        self.intro = render.sub(section, "div", class_=f"{render.PREFIX}-intro")
        box = render.controls(section, "fields")
        for field in self.options["fields"]:
            render.field(box, widget_id, field, text)
        footer = render.controls(section, "footer")
        render.status(footer, text.plural("script.filled", 0,
                                          total=len(self.options["fields"])))
        render.tools(footer, self.NAME, text, shareable=False, session_hint=False)
        return section

    def content(self, block: etree.Element) -> etree.Element:
        return self.intro

    def finish(self, block: etree.Element) -> Widget:
        render.drop_if_empty(block, self.intro)
        fields = self.options["fields"]
        return Widget(self.NAME, self.options["id"], plain_text(self.argument), self.line,
                      tuple(Item(f.name, f.label) for f in fields),
                      details={"fields": [_described(f) for f in fields]})


def _described(field: Field) -> dict[str, Any]:
    """A field as the manifest lists it, for the script and the whole-site checks."""
    described: dict[str, Any] = {"name": field.name, "type": field.type,
                                 "placeholder": field.placeholder}
    if field.options:
        described["options"] = list(field.options)
    return described
