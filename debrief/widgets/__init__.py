"""Python-Markdown extension: `/// checklist` and `/// worksheet` blocks become interactive,
accessible widgets whose state the reader's browser keeps.

Use it from any Python-Markdown host (`markdown_extensions: [debrief.widgets]`). The MkDocs
plugin (`debrief.plugin`) passes a `site` object to check links and ids across the whole site.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import Any

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension, BlocksProcessor

from .block import Item, PageState, Site, Widget
from .kinds import KINDS, register
from .problems import WidgetProblem, report
from .progress_log import FeedbackLog, Progress
from .source import HeaderTracker

__all__ = ["KINDS", "Item", "Site", "Widget", "WidgetsExtension", "makeExtension", "register"]

# The pages built from every widget's answers: blocks too, but no kind of widget.
APP_BLOCKS = (Progress, FeedbackLog)


def blocks() -> tuple:
    """Every block this extension reads: each kind of widget registered, then the app pages."""
    return (*KINDS.values(), *APP_BLOCKS)


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


class StringsWarning(Preprocessor):
    """Warns, at the first page converted, that the site's language falls back to English.

    Not when the extension is made: MkDocs makes it once to check the config, before it counts
    warnings (so `--strict` would pass), and on a hook site before the plugin takes over."""

    def __init__(self, md: Markdown, warn: Callable[[], None]) -> None:
        super().__init__(md)
        self.warn = warn

    def run(self, lines: list[str]) -> list[str]:
        self.warn()
        return lines


class WidgetsExtension(BlocksExtension):
    """Takes the site's settings (see `debrief.settings.Options`) as its own options, as
    Zensical and other Python-Markdown hosts pass them; the MkDocs plugin hands over `settings`
    already checked, with a `site` object for whole-site checks."""

    def __init__(self, **options: Any) -> None:
        # Imported here: both use this package's checks.
        from ..cli import site_context
        from ..settings import report_missing_strings, resolve

        self.site: Site | None = options.pop("site", None) or None
        settings = options.pop("settings", None)
        self.warn_strings: Callable[[], None] | None = None
        # A builder that runs no plugin passes only these options: the site's name, address and
        # language come from the mkdocs.yml it builds from, so answers are keyed the same.
        if settings is None:
            where = "markdown_extensions: debrief.widgets"
            settings = resolve(options, where, **site_context())
            # Such a host makes the extension for every page: one warning is enough.
            self.warn_strings = lambda: report_missing_strings(settings, where, once=True)
        self.settings = settings
        self.config = {}
        super().__init__()

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        md.registerExtension(self)
        headers = HeaderTracker(md, tuple(block.NAME for block in blocks()), self.site)
        # Before superfences and whitespace normalising, so lines are the author's lines.
        md.preprocessors.register(headers, "debrief_headers", 32)
        if self.warn_strings and self.settings.strings.missing:
            md.preprocessors.register(StringsWarning(md, self.warn_strings), "debrief_strings", 33)
        self.page = PageState(headers=headers, settings=self.settings, site=self.site)
        md.treeprocessors.register(UnreadBlocks(md, self.page), "debrief_unread", 1)
        for block in blocks():
            block_mgr.register(block, {"page": self.page})

    def reset(self) -> None:
        self.page.ids.clear()


def makeExtension(**kwargs: Any) -> WidgetsExtension:
    return WidgetsExtension(**kwargs)
