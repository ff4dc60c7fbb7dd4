"""The `/// progress` and `/// feedback-log` blocks: pages the reader's browser fills in from the
answers saved on that device. The blocks give them a place, a title and a fallback text."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import ClassVar

from . import render
from .block import Widget, WidgetBlock
from .validate import type_heading_level, type_widget_id


class AppBlock(WidgetBlock):
    """
    A page built in the browser.

    Argument: the title (required).

    Options:
    - `id`: the HTML id (default: `debrief-` and the block's name).
    - `level`: the heading level of the title, 2 to 6 (default 2).

    Content: optional Markdown shown above what the browser builds.
    """

    OPTIONS: ClassVar = {
        "id": ("", type_widget_id),
        "level": (2, type_heading_level),
    }
    REQUIRED = ()

    def on_markdown(self) -> str:
        return "block"

    def on_options(self) -> None:
        # Not the block's name alone: a page titled "Feedback log" has the anchor feedback-log.
        self.options["id"] = self.options["id"] or f"{render.PREFIX}-{self.NAME}"

    def create(self, parent: etree.Element) -> etree.Element:
        section = render.widget(parent, self.NAME, self.options["id"], self.argument,
                                self.options["level"], self.page.section_attributes(self.NAME))
        section.set("data-debrief-app", self.NAME)
        del section.attrib["data-debrief"]
        self.intro = render.sub(section, "div", class_=f"{render.PREFIX}-intro")
        # Not hidden by the script once it runs: that would move the page under the reader.
        noscript = render.sub(section, "noscript")
        render.sub(noscript, "p", self.page.text["needs-script"],
                   class_=f"{render.PREFIX}-noscript")
        render.sub(section, "div", class_=f"{render.PREFIX}-app-root")
        return section

    def content(self, block: etree.Element) -> etree.Element:
        return self.intro

    def finish(self, block: etree.Element) -> Widget:
        render.drop_if_empty(block, self.intro)
        return Widget(self.NAME, self.options["id"], self.argument, self.line, ())


class Progress(AppBlock):
    NAME = "progress"


class FeedbackLog(AppBlock):
    NAME = "feedback-log"
