"""The `/// checklist` block: a list of items a reader ticks, saved in their browser."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import ClassVar

from . import render
from .block import Item, Widget, WidgetBlock
from .ids import check_id, derive_id, plain_text
from .problems import WidgetProblem, WidgetProblems, raise_all
from .validate import type_heading_level, type_keep, type_previous_ids, type_widget_id

_ITEM = re.compile(r"[-*+][ \t]+\[ \][ \t]+(?P<text>.*?)(?:[ \t]*\{#(?P<id>[^}]*)\})?[ \t]*")
_TICKED = re.compile(r"[-*+][ \t]+\[[xX]\]")
_CONTINUATION = re.compile(r"[ \t]+\S")


def parse_items(text: str) -> list[tuple[str, str]]:
    """Read `- [ ] text {#id}` lines into (id, text) pairs; ids come from the text if not given.
    Every bad line is reported, not only the first, each at its own line."""
    items: list[list[str]] = []
    problems: list[WidgetProblem] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if items and _CONTINUATION.match(line):
            items[-1][1] += " " + line.strip()
            continue
        found = _ITEM.fullmatch(line.strip())
        if found is None:
            fix = ("items start unticked: write `- [ ]`" if _TICKED.match(line.strip())
                   else "write each item as `- [ ] What to do`, one per line")
            problems.append(WidgetProblem(f"'{line.strip()}' is not a checklist item", fix,
                                          near=line.strip()))
            continue
        items.append([found.group("id") or "", found.group("text"), line.strip()])
    if not items and not problems:
        raise WidgetProblem("the checklist has no items", "add lines like `- [ ] What to do`")
    given = {entry[0] for entry in items}
    parsed: list[tuple[str, str]] = []
    first: dict[str, str] = {}  # id -> the text of the first item with it
    for position, (given_id, item_text, line) in enumerate(items, 1):
        try:
            item_id, item_text = _item(given_id, item_text, line, _free_id(position, given))
        except WidgetProblem as problem:
            problems.append(problem)
            continue
        if item_id in first:
            # At the second item's own line: count the earlier lines its text would match too.
            earlier = sum(line in entry[2] for entry in items[:position - 1])
            problems.append(WidgetProblem(
                f"two items have the id '{item_id}'" + (
                    f": this one and '{first[item_id]}'" if first[item_id] != item_text else ""),
                "give this one its own id: `{#another-id}` at the end of its line",
                near=line, nth=earlier + 1))
            continue
        first[item_id] = item_text
        parsed.append((item_id, item_text))
    raise_all(problems)
    return parsed


def _free_id(position: int, taken: set[str]) -> str:
    """An id to suggest for the item at `position` (from 1) that no item of the list has."""
    return next(f"item-{n}" for n in range(position, position + len(taken) + 1)
                if f"item-{n}" not in taken)


def _item(given_id: str, text: str, line: str, suggestion: str) -> tuple[str, str]:
    if not text.strip():
        raise WidgetProblem("an item has no text", "write what to do after `- [ ]`", near=line)
    if given_id:
        try:
            return check_id(given_id, "item id"), text
        except WidgetProblem as problem:
            problem.near = line
            raise
    derived = derive_id(text)
    if not derived:
        raise WidgetProblem(
            f"no id can be made from the item '{text}': ids use the Latin letters a-z, digits "
            "and hyphens, and this text has none",
            f"end its line with an id in those letters, e.g. `{line} {{#{suggestion}}}`; keep "
            "the id when you reword the item, since readers' ticks are saved under it",
            near=line)
    return derived, text


class Checklist(WidgetBlock):
    """
    Checklist.

    Argument: the title (required).

    Options:
    - `id` (required): the widget's id, unique across the site; also its HTML id and storage key.
    - `level`: the heading level of the title, 2 to 6 (default 2).
    - `previous_ids`: `current-id: [old-id]` for the block or its items, so answers saved under
      an old id carry over after a rename.
    - `keep`: `device` (the default) keeps the reader's ticks on their device; `session` keeps
      them in the browser tab only, forgotten when it closes.

    Content: one `- [ ] item text {#item-id}` per line; the id is optional and derived from the
    text when missing. Items keep inline Markdown.
    """

    NAME = "checklist"
    OPTIONS: ClassVar = {
        "id": ("", type_widget_id),
        "level": (2, type_heading_level),
        "previous_ids": ({}, type_previous_ids),
        "keep": ("device", type_keep),
    }

    def on_markdown(self) -> str:
        return "raw"

    def create(self, parent: etree.Element) -> etree.Element:
        section = render.widget(parent, self.NAME, self.options["id"], self.argument,
                                self.options["level"], self.page.section_attributes(self.NAME),
                                self.options["keep"])
        render.share_preview(section, self.page.text)
        return section

    def content(self, block: etree.Element) -> etree.Element:
        if not hasattr(self, "raw"):
            self.raw = render.sub(block, "ul", class_=f"{render.PREFIX}-items")
        return self.raw

    def finish(self, block: etree.Element) -> Widget | None:
        items_list = self.content(block)
        source, items_list.text = items_list.text or "", None
        try:
            items = parse_items(source)
        except WidgetProblem as problem:
            self.fail_at_end(block, problem)
            return None
        except WidgetProblems as many:
            self.fail_at_end(block, *many.problems)
            return None
        for item_id, text in items:
            render.checklist_item(items_list, item_id, text)
        footer = render.controls(block, "footer")
        render.status(footer, self.page.text.plural("script.done", 0, total=len(items)))
        render.tools(footer, self.NAME, self.page.text, shareable=not self.kept_for_session)
        return Widget(self.NAME, self.options["id"], plain_text(self.argument), self.line,
                      tuple(Item(item_id, plain_text(text)) for item_id, text in items))
