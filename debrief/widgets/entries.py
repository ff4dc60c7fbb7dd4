"""The `/// entries` block: a list of records with the same fields, such as a story bank (title,
the criteria it proves, situation, task, action, result) or a list of applications (employer,
role, stage, dates). A reader adds, edits, reorders and deletes records; their script,
debrief/assets/kinds/entries.js, keeps them in the document's `records` (store/document.js).

Fields are written as in `/// fields` (fields.py), and a choice may take `several: true`. Their
names are the tool's own: unlike a fields tool's, they are not shared with the site, and no
`<<name>>` refers to them.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any, ClassVar

from ..schema import LIMITS
from . import render
from .block import Item, Widget, WidgetBlock
from .fields import Field, type_fields
from .ids import plain_text
from .problems import WidgetProblem
from .validate import type_heading_level, type_widget_id


def type_record_fields(value: Any) -> tuple[Field, ...]:
    """The `fields:` of an entries tool: as a fields tool's, with choices of several, within
    what a stored record may hold."""
    fields = type_fields(value, several=True)
    if len(fields) > LIMITS.record_values:
        raise WidgetProblem(f"the tool has {len(fields)} fields, more than a record can hold",
                            f"keep to {LIMITS.record_values} fields")
    for field in fields:
        if len(field.options) > LIMITS.choices:
            raise WidgetProblem(f"the choice '{field.name}' has {len(field.options)} options",
                                f"keep to {LIMITS.choices}", near=f"name: {field.name}")
    return fields


def type_aim(value: Any) -> int:
    """`aim`: how many records the reader aims to write."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= LIMITS.records:
        raise WidgetProblem(f"aim must be a whole number from 1 to {LIMITS.records}",
                            "write how many records a reader should aim for, e.g. `aim: 8`")
    return value


class Entries(WidgetBlock):
    """
    Entries.

    Argument: the title (required).

    Options:
    - `id` (required): the tool's id, unique across the site; the reader's records are saved
      under it.
    - `fields` (required): each record's fields, as in `/// fields` (`name`, `label`,
      `example`, `type`, `options`), and `several: true` on a choice whose reader may tick more
      than one option. A record is headed by its `title` field, or else by its first field.
    - `aim`: how many records a reader should aim for (default 1): My progress counts the tool
      done from there.
    - `level`: the heading level of the title, 2 to 6 (default 2).

    Content: optional Markdown shown above the records.

    What a reader writes never goes into a share link: the tool has no share button.
    """

    NAME = "entries"
    OPTIONS: ClassVar = {
        "id": ("", type_widget_id),
        "fields": ((), type_record_fields),
        "aim": (1, type_aim),
        "level": (2, type_heading_level),
    }
    REQUIRED = ("id", "fields")

    def on_markdown(self) -> str:
        return "block"

    def create(self, parent: etree.Element) -> etree.Element:
        widget_id = self.options["id"]
        text = self.page.text
        fields = self.options["fields"]
        section = render.widget(parent, self.NAME, widget_id, self.argument,
                                self.options["level"], self.page.section_attributes(self.NAME))
        section.set("data-aim", str(self.options["aim"]))
        self.intro = render.sub(section, "div", class_=f"{render.PREFIX}-intro")
        box = render.controls(section, "records")
        # Without a script, the reader learns what the list would hold and why it is empty.
        noscript = render.sub(box, "noscript")
        render.sub(noscript, "p", text["needs-script"], class_=f"{render.PREFIX}-noscript")
        render.sub(noscript, "p", text.text("record-holds", fields=", ".join(
            plain_text(field.label) for field in fields)))
        render.sub(box, "ol", class_=f"{render.PREFIX}-record-list",
                   aria_labelledby=f"{widget_id}--title")
        render.sub(box, "p", text["script.records-none"], class_=f"{render.PREFIX}-hint",
                   data_records_none="", hidden="hidden")
        render.record_template(box, widget_id, fields, text)
        undo = render.sub(box, "p", class_=f"{render.PREFIX}-record-undo", hidden="hidden")
        render.sub(undo, "span")
        render.sub(undo, "button", text["script.undo"], type="button",
                   class_=f"{render.PREFIX}-button", data_record_act="undo")
        add = render.sub(box, "p", hidden="hidden", data_records_add="")
        render.sub(add, "button", text["script.record-add"], type="button",
                   class_=f"{render.PREFIX}-button", data_record_act="add")
        footer = render.controls(section, "footer")
        aim = self.options["aim"]
        render.status(footer, text.plural("script.written-aim", 0, aim=aim) if aim > 1
                      else text.plural("script.written", 0))
        render.tools(footer, self.NAME, text, shareable=False, session_hint=False)
        return section

    def content(self, block: etree.Element) -> etree.Element:
        return self.intro

    def finish(self, block: etree.Element) -> Widget:
        render.drop_if_empty(block, self.intro)
        fields = self.options["fields"]
        return Widget(self.NAME, self.options["id"], plain_text(self.argument), self.line,
                      tuple(Item(f.name, plain_text(f.label)) for f in fields),
                      # What My progress counts the tool out of before any record is written.
                      details={"total": self.options["aim"]})
