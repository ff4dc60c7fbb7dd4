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
from .problems import WidgetProblem, report, warn
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


class DisplacedAnchors(Treeprocessor):
    """Warns of a heading whose anchor a widget's id took. The toc extension, which runs just
    before, makes every heading's anchor unique against the ids already on the page: a heading
    "Ready" above a checklist with the id `ready` gets `ready_1`, and a link to `#ready` that was
    meant for the heading reaches the checklist."""

    def __init__(self, md: Markdown, page: PageState) -> None:
        super().__init__(md)
        self.page = page

    def run(self, root: etree.Element) -> None:
        if not self.page.ids:
            return
        widgets = {el.get("id"): el for el in root.iter("section") if el.get("id") in self.page.ids}
        for heading in root.iter():
            anchor = heading.get("id") or ""
            base, _, number = anchor.rpartition("_")
            if heading.tag not in _HEADINGS or base not in widgets or not number.isdigit():
                continue
            section = widgets[base]
            kind = section.get("data-debrief") or section.get("data-debrief-app") or "widget"
            title = "".join(t for child in [heading] for t in _text_of(child)).strip()
            rename = ("give the block another `id:`" if section.get("data-debrief-app") else
                      f"give the {kind} another id and list the old one under `previous_ids`")
            warn(self.page.source, self.page.ids[base], f"{kind} '{base}'", WidgetProblem(
                f"the heading '{title}' would have the anchor '{base}' too, so it gets "
                f"'{anchor}', and links to #{base} reach the {kind}",
                f"give the heading an anchor of its own, as in `{title} {{#{base}-title}}` "
                f"(with attr_list), or {rename}"))


_HEADINGS = {f"h{n}" for n in range(1, 7)}


def _text_of(element: etree.Element) -> list[str]:
    """An element's text, without the permalink the toc extension adds to a heading."""
    if element.get("class") == "headerlink":
        return [element.tail or ""]
    return [element.text or "", *(t for child in element for t in _text_of(child)),
            element.tail or ""]


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
        # Just after the toc extension's (5), which gives headings their anchors.
        md.treeprocessors.register(DisplacedAnchors(md, self.page), "debrief_anchors", 4)
        for block in blocks():
            block_mgr.register(block, {"page": self.page})

    def reset(self) -> None:
        self.page.ids.clear()


def makeExtension(**kwargs: Any) -> WidgetsExtension:
    return WidgetsExtension(**kwargs)
