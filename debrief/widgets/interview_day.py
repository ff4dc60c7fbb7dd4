"""The `/// interview-day` block: one sheet for the day of an interview, drawn in the reader's
browser from what they wrote in other tools: the brief (a fields tool), the stories whose
criteria the brief's top criteria name (an entries tool), the questions they chose to ask, and
the day's checklist, ticked there or here.

Like My progress, it is a page part and no kind of widget: it keeps no answers of its own, so
every fact it shows has one source, the tool the reader wrote it in (read through the keeper,
with the labels the manifest holds). The build draws what each part will show, with a link to
where to write it: what a reader without a script reads, and what the script keeps for a part
the reader has not written yet (`pages/interview-day.js`).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree
from typing import Any, ClassVar

from . import render
from .block import Widget
from .problems import WidgetProblem
from .progress_log import AppBlock
from .validate import type_stories, type_text_list

# The handbook's field names (docs/prepare/research.md, docs/prepare/stories.md).
SHOWN = ("your_name", "employer", "role", "interviewer", "panel", "interview_date",
         "interview_format", "place")
PARTS = ("situation", "action", "result")
_NAME = re.compile(r"[a-z][a-z0-9_]*")
# Each link option, and the kind of tool it must name (checked across the site: collect.py).
TOOLS = {"brief": "fields", "stories": "entries", "checklist": "checklist"}


def _type_link(option: str) -> Any:
    def checked(value: Any) -> str:
        try:
            return type_stories(value)
        except WidgetProblem as problem:
            raise WidgetProblem(problem.message.replace("stories", option, 1),
                                problem.fix.replace("stories:", f"{option}:")) from None
    return checked


def _type_name(value: Any) -> str:
    if not isinstance(value, str) or not _NAME.fullmatch(value):
        raise WidgetProblem(f"'{value}' is not a field name",
                            "write the name of a field of the tool, e.g. `criteria`")
    return value


def _type_names(what: str) -> Any:
    def checked(value: Any) -> tuple[str, ...]:
        return tuple(_type_name(name) for name in type_text_list(value, what))
    return checked


class InterviewDay(AppBlock):
    """
    One sheet for the interview day, drawn from the reader's other tools.

    Argument: the title (required).

    Options:
    - `brief`: a link to the fields tool of the brief, `page.md#tool-id` (required).
    - `show`: the brief's fields the sheet lists, in order (default: the handbook's).
    - `criteria`: the brief's field of top criteria, one a line (default `criteria`).
    - `questions`: the brief's field of questions to ask, one a line (default `my_questions`).
    - `stories`: a link to the entries tool of the stories (required); a story's criteria are its
      choices of several.
    - `parts`: the stories' fields the sheet shows under each title (default situation, action,
      result).
    - `checklist`: a link to the day's checklist (required).
    - `id`, `level`: as for My progress.

    Content: optional Markdown shown above the sheet.
    """

    NAME = "interview-day"
    OPTIONS: ClassVar = {
        **AppBlock.OPTIONS,
        "brief": ("", _type_link("brief")),
        "show": (SHOWN, _type_names("show")),
        "criteria": ("criteria", _type_name),
        "questions": ("my_questions", _type_name),
        "stories": ("", _type_link("stories")),
        "parts": (PARTS, _type_names("parts")),
        "checklist": ("", _type_link("checklist")),
    }
    REQUIRED = tuple(TOOLS)

    def on_options(self) -> None:
        super().on_options()
        site = self.page.site
        for option in TOOLS:
            link = self.options[option]
            if link and site and not site.page_exists(link):
                self.problem(WidgetProblem(
                    f"{option} '{link}' links to no page of this site",
                    "link to the page that holds the tool, relative to this page, then # and "
                    "the tool's id", near=f"{option}:"))

    def create(self, parent: etree.Element) -> etree.Element:
        section = super().create(parent)
        # What the script reads: each tool's id, and the fields it shows.
        section.set("data-day", json.dumps({
            **{option: self.options[option].partition("#")[2] for option in TOOLS},
            **{name: self.options[name] for name in ("show", "criteria", "questions", "parts")},
        }, separators=(",", ":")))
        noscript = section.find("noscript")
        section.remove(noscript)  # each part says what it will show, script or none
        root = section.find(f"div[@class='{render.PREFIX}-app-root']")
        text = self.page.text
        heading = f"h{min(self.options['level'] + 1, 6)}"
        brief, stories = self.options["brief"], self.options["stories"]
        for part, link, words in (
                ("brief", brief, "brief-link"),
                ("stories", stories, "stories-link"),
                ("questions", brief, "brief-link"),
                ("checklist", self.options["checklist"], "checklist-link")):
            box = render.sub(root, "section", class_=f"{render.PREFIX}-day-part", data_part=part,
                             aria_labelledby=f"{self.options['id']}--{part}")
            render.sub(box, heading, text[f"day.{part}"], id=f"{self.options['id']}--{part}")
            if part == "stories":
                render.sub(box, "p", text["day.stories-rule"], class_=f"{render.PREFIX}-hint")
            body = render.sub(box, "div", class_=f"{render.PREFIX}-day-body")
            empty = render.sub(body, "p", class_=f"{render.PREFIX}-day-empty")
            _with_link(empty, text[f"day.{part}-empty"], text[f"day.{words}"], link)
        return section

    def finish(self, block: etree.Element) -> Widget:
        widget = super().finish(block)
        # The site checks that each link names a tool of its kind, with the fields named here.
        details = {option: self.options[option].partition("#")[2] for option in TOOLS}
        details["fields"] = {"brief": [*self.options["show"], self.options["criteria"],
                                       self.options["questions"]],
                             "stories": list(self.options["parts"])}
        return Widget(widget.kind, widget.id, widget.title, widget.line, (),
                      details={"day": details})


def _with_link(parent: etree.Element, words: str, link_text: str, href: str) -> None:
    """`words` with its `{link}` as a link to `href`."""
    before, _, after = words.partition("{link}")
    parent.text = before
    render.sub(parent, "a", link_text, href=href).tail = after
