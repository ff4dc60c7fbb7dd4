"""The `/// worksheet` block: criteria a reader rates on a scale, with notes and a summary."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import ClassVar

from . import render
from .block import Item, Widget, WidgetBlock
from .ids import plain_text
from .problems import WidgetProblem
from .validate import (
    type_criteria,
    type_heading_level,
    type_keep,
    type_previous_ids,
    type_scale,
    type_stories,
    type_widget_id,
)


class Worksheet(WidgetBlock):
    """
    Worksheet.

    Argument: the title (required).

    Options:
    - `id` (required): the widget's id, unique across the site; also its HTML id and storage key.
    - `scale`: 2 to 10 point names, lowest first (default: the site's scale).
    - `criteria` (required): a list; each has `label` (required), `id` (derived from the label
      when missing), `hint`, `guide` (a link to the page that helps improve it) and `anchors`
      (one short description per scale point).
    - `level`: the heading level of the title, 2 to 6 (default 2).
    - `previous_ids`: `current-id: [old-id]` for the block or its items, so answers saved under
      an old id carry over after a rename.
    - `stories`: a link to an entries tool, `page.md#tool-id`, whose records tag the criteria
      they show (a choice of several whose options are the criteria's labels): the weakest
      criteria link to the records tagged with them, or say that none are.
    - `keep`: `device` (the default) keeps the reader's ratings and notes on their device;
      `session` keeps them in the browser tab only, forgotten when it closes, with no share link
      and no "Save to log" (an interviewer's scorecard, say).

    Content: optional Markdown shown above the criteria.
    """

    NAME = "worksheet"
    OPTIONS: ClassVar = {
        "id": ("", type_widget_id),
        "scale": ((), type_scale),
        "criteria": ((), type_criteria),
        "level": (2, type_heading_level),
        "previous_ids": ({}, type_previous_ids),
        "keep": ("device", type_keep),
        "stories": ("", type_stories),
    }
    REQUIRED = ("id", "criteria")

    def on_markdown(self) -> str:
        return "block"

    def on_options(self) -> None:
        self.options["scale"] = self.options["scale"] or self.page.settings.scale
        with_anchors = [c for c in self.options["criteria"] if c.anchors]
        for nth, criterion in enumerate(with_anchors, 1):
            if len(criterion.anchors) != len(self.options["scale"]):
                # Point at this criterion's own `anchors:` line, not the first one.
                self.problem(WidgetProblem(
                    f"criterion '{criterion.id}' has {len(criterion.anchors)} anchors for a "
                    f"{len(self.options['scale'])}-point scale",
                    "give exactly one anchor per scale point, lowest first", near="anchors:",
                    nth=nth))
        for criterion in self.options["criteria"]:
            site = self.page.site
            if criterion.guide and site and not site.page_exists(criterion.guide):
                self.problem(WidgetProblem(
                    f"the guide '{criterion.guide}' of criterion '{criterion.id}' is not a page "
                    "of this site",
                    "link to an existing .md file, relative to this page, "
                    "e.g. `../prepare/stories.md`",
                    near=f"guide: {criterion.guide}"))
        stories = self.options["stories"]
        if stories and self.page.site and not self.page.site.page_exists(stories):
            self.problem(WidgetProblem(
                f"stories '{stories}' links to no page of this site",
                "link to the page that holds the entries tool, relative to this page, then # "
                "and the tool's id", near="stories:"))

    def create(self, parent: etree.Element) -> etree.Element:
        widget_id = self.options["id"]
        text = self.page.text
        section = render.widget(parent, self.NAME, widget_id, self.argument,
                                self.options["level"], self.page.section_attributes(self.NAME),
                                self.options["keep"])
        render.share_preview(section, text)
        self.intro = render.sub(section, "div", class_=f"{render.PREFIX}-intro")
        for criterion in self.options["criteria"]:
            render.criterion(section, widget_id, self.options["scale"], criterion, text)
        render.notes(section, widget_id, self.page.settings.notes_limit, text)
        summary = render.controls(section, "footer")
        render.status(summary, text.plural("script.rated", 0, total=len(self.options["criteria"])))
        render.weakest(summary, text, self.options["stories"])
        if self.page.log_link and not self.kept_for_session:
            render.log_form(summary, widget_id, self.page.log_link, text)
        render.tools(summary, self.NAME, text, shareable=not self.kept_for_session)
        return section

    def content(self, block: etree.Element) -> etree.Element:
        return self.intro

    def finish(self, block: etree.Element) -> Widget:
        render.drop_if_empty(block, self.intro)
        return Widget(self.NAME, self.options["id"], plain_text(self.argument), self.line,
                      tuple(Item(c.id, plain_text(c.label), c.guide)
                            for c in self.options["criteria"]),
                      self.options["scale"],
                      details={"stories": self.options["stories"].partition("#")[2]}
                      if self.options["stories"] else {})
