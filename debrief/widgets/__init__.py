"""Python-Markdown extension: `/// checklist` and `/// worksheet` blocks become interactive,
accessible widgets whose state the reader's browser keeps.

Use it from any Python-Markdown host (`markdown_extensions: [debrief.widgets]`). The MkDocs
plugin (`debrief.plugin`) and `debrief check` pass the checked settings and a `site` object to
check links and ids across the whole site; elsewhere it finds them itself (`debrief.standalone`).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING, Any

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension, BlocksProcessor

from .block import Item, PageState, Site, Widget
from .interview_day import InterviewDay
from .kinds import KINDS, register
from .problems import WidgetProblem, report, warn
from .progress_log import FeedbackLog, Progress
from .references import ReferenceMarker, ReferenceSpans
from .source import HeaderTracker

if TYPE_CHECKING:
    from ..settings import Settings

__all__ = ["KINDS", "Item", "Site", "Widget", "WidgetsExtension", "makeExtension", "register"]

# The pages built from every widget's answers: blocks too, but no kind of widget.
APP_BLOCKS = (Progress, FeedbackLog, InterviewDay)


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
            renames = "previous_ids" in getattr(KINDS.get(kind), "OPTIONS", {})
            rename = (f"give the {kind} another id and list the old one under `previous_ids`"
                      if renames else "give the block another `id:`")
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


class OwnWiring(Preprocessor):
    """Before each page, when no host handed settings over: the settings of the build the page
    belongs to, checked once per build (see `debrief.standalone`)."""

    def __init__(self, md: Markdown, extension: WidgetsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        from ..standalone import wire  # the wiring of hosts without plugins, only for them

        wiring = wire(self.extension.options, self.md, lines)
        page = self.extension.page
        page.settings, page.site, page.error = wiring.settings, wiring.site, wiring.error
        page.site_placeholders = wiring.placeholders
        page.headers.site = wiring.site
        return lines


class WidgetsExtension(BlocksExtension):
    """Takes the site's settings (see `debrief.settings.Options`) as its own options, as
    Zensical and other Python-Markdown hosts pass them, and checks them when it converts a page
    (MkDocs makes the extension once to validate mkdocs.yml, before any plugin has run: checked
    then, they would be checked against the wrong site). The MkDocs plugin and `debrief check`
    hand over `settings` already checked, with a `site` object for whole-site checks."""

    def __init__(self, **options: Any) -> None:
        self.site: Site | None = options.pop("site", None) or None
        self.settings: Settings | None = options.pop("settings", None)
        self.options = options  # as written
        self.config = {}
        super().__init__()

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        md.registerExtension(self)
        headers = HeaderTracker(md, tuple(block.NAME for block in blocks()), self.site)
        # Before superfences and whitespace normalising, so lines are the author's lines.
        md.preprocessors.register(headers, "debrief_headers", 32)
        self.page = PageState(headers=headers, settings=self.settings, site=self.site)
        md.preprocessors.register(ReferenceMarker(md, self.page), "debrief_references", 31)
        # Last: code blocks are back in the page (from the stash, at 30) by then.
        md.postprocessors.register(ReferenceSpans(md, self.page), "debrief_references", 5)
        if self.settings is None:
            md.preprocessors.register(OwnWiring(md, self), "debrief_wiring", 33)
        md.treeprocessors.register(UnreadBlocks(md, self.page), "debrief_unread", 1)
        # Just after the toc extension's (5), which gives headings their anchors.
        md.treeprocessors.register(DisplacedAnchors(md, self.page), "debrief_anchors", 4)
        for block in blocks():
            block_mgr.register(block, {"page": self.page})

    def reset(self) -> None:
        self.page.ids.clear()


def makeExtension(**kwargs: Any) -> WidgetsExtension:
    return WidgetsExtension(**kwargs)
