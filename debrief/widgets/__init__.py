"""Python-Markdown extension: `/// checklist` and `/// worksheet` blocks become interactive,
accessible widgets whose state the reader's browser keeps.

Use it from any Python-Markdown host (`markdown_extensions: [debrief.widgets]`). An MkDocs hook
may pass a `site` object to check links and ids across the whole site.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension, BlocksProcessor

from .app import FeedbackLog, Progress
from .block import Item, PageState, Site, Widget
from .checklist import Checklist
from .problems import WidgetProblem, report
from .source import HeaderTracker
from .validate import type_scale
from .worksheet import Worksheet

__all__ = ["Item", "Site", "Widget", "WidgetsExtension", "makeExtension"]

DEFAULT_SCALE = ["Not shown", "Weak", "Adequate", "Strong", "Outstanding"]
BLOCKS = (Checklist, Worksheet, Progress, FeedbackLog)


class UnreadBlocks(Treeprocessor):
    """Reports widget headers that no block consumed, mostly because of unreadable options."""

    def __init__(self, md: Markdown, page: PageState) -> None:
        super().__init__(md)
        self.page = page

    def run(self, root: etree.Element) -> None:
        for header in self.page.headers.unclaimed():
            where, why = header.error or (header.line, "it could not be read as a block")
            report(self.page.source, where, f'{header.name} "{header.title}"', WidgetProblem(
                why, "indent each option line under the header by 4 spaces, write `key: value`, "
                "quote values that contain `: `, and leave no blank line inside the options"))


class WidgetsExtension(BlocksExtension):
    def __init__(self, **kwargs) -> None:
        self.config = {
            "namespace": ["debrief", "Prefix of the browser storage keys; one per site."],
            "scale": [DEFAULT_SCALE, "Default rating scale for worksheets, lowest first."],
            "notes_limit": [2000, "Most characters a worksheet's notes may hold."],
            # Not None: Python-Markdown would read a None default as a yes/no setting.
            "site": ["", "Optional object giving whole-site services (see `Site`)."],
        }
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        md.registerExtension(self)
        site: Site | None = self.getConfig("site") or None
        headers = HeaderTracker(md, tuple(block.NAME for block in BLOCKS))
        headers.line_offset = site.line_offset if site else 0
        # Before superfences and whitespace normalising, so lines are the author's lines.
        md.preprocessors.register(headers, "debrief_headers", 32)
        self.page = PageState(
            headers=headers,
            namespace=self.getConfig("namespace"),
            scale=type_scale(list(self.getConfig("scale"))),
            notes_limit=int(self.getConfig("notes_limit")),
            site=site,
        )
        md.treeprocessors.register(UnreadBlocks(md, self.page), "debrief_unread", 1)
        for block in BLOCKS:
            block_mgr.register(block, {"page": self.page})

    def reset(self) -> None:
        self.page.ids.clear()


def makeExtension(**kwargs) -> WidgetsExtension:
    return WidgetsExtension(**kwargs)
