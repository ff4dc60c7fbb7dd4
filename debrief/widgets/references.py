"""`<<name>>` anywhere in a page (prose, tables, link text, code blocks) refers to the field
`name` of a `/// fields` tool, on this page or any other.

The build draws each reference as `<span class="debrief-ref" data-debrief-field="name">`
holding what the page reads without a script: the field's example, or its label in brackets.
The script (`page/references.js`) puts the reader's value in instead, live as they type.

Python-Markdown would take `<name>` for an HTML tag, and a code highlighter escapes `<`, so a
preprocessor first turns every reference into a plain word that both pass through untouched, and
a postprocessor turns that word into the span once the page is HTML. `\\<<name>>` writes the
characters `<<name>>` themselves (for a page that explains the syntax).

The plugin, having seen every page, names the references to fields no page declares (see
`SiteWidgets.field_problems` in debrief/collect.py) and fills in examples declared elsewhere.
"""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING

from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

if TYPE_CHECKING:
    from markdown import Markdown

    from .block import PageState

REFERENCE = re.compile(r"(\\?)<<([a-z][a-z0-9_]*)>>")
# Upper-case marks around a lower-case name: nothing an author writes, one word to a highlighter.
_MARKED = re.compile(r"DEBRIEF(REF|LIT)([a-z][a-z0-9_]*)FERDEBRIEF")
_TAG = re.compile(r"<[^>]*>")
CLASS = "debrief-ref"
# The span as the build draws it; the plugin finds it again to put in an example declared on
# another page.
SPAN = re.compile(r'<span class="debrief-ref" data-debrief-field="([a-z0-9_]+)">[^<]*</span>')


def span(name: str, text: str) -> str:
    shown = html.escape(text, quote=False)
    return f'<span class="{CLASS}" data-debrief-field="{name}">{shown}</span>'


class ReferenceMarker(Preprocessor):
    """Turns `<<name>>` into a plain word before any other step sees it, and notes its line."""

    def __init__(self, md: Markdown, page: PageState) -> None:
        super().__init__(md)
        self.page = page

    def run(self, lines: list[str]) -> list[str]:
        self.page.references = []
        self.page.placeholders = {}
        offset = self.page.site.line_offset if self.page.site else 0
        out = []
        for index, line in enumerate(lines):
            if "<<" in line:
                line = REFERENCE.sub(lambda found, at=index + 1 + offset:
                                     self._mark(found, at), line)
            out.append(line)
        return out

    def _mark(self, found: re.Match, line: int) -> str:
        escaped, name = found.groups()
        if escaped:
            return f"DEBRIEFLIT{name}FERDEBRIEF"
        self.page.references.append((name, line))
        return f"DEBRIEFREF{name}FERDEBRIEF"


class ReferenceSpans(Postprocessor):
    """Turns the marked words into spans (inside a tag's attributes, into the placeholder text),
    tells the site where the page refers to fields, and hands the script the site's settings."""

    def __init__(self, md: Markdown, page: PageState) -> None:
        super().__init__(md)
        self.page = page

    def run(self, text: str) -> str:
        if "DEBRIEF" not in text:
            return text
        placeholders = {**self.page.site_placeholders, **self.page.placeholders}
        shown = {name: placeholders.get(name, f"[{name}]") for name, _ in self.page.references}
        shown_of = lambda name: shown.get(name, f"[{name}]")  # noqa: E731

        def plain(found: re.Match) -> str:
            kind, name = found.groups()
            return html.escape(f"<<{name}>>" if kind == "LIT" else shown_of(name))

        def drawn(found: re.Match) -> str:
            kind, name = found.groups()
            return html.escape(f"<<{name}>>") if kind == "LIT" else span(name, shown_of(name))

        text = _TAG.sub(lambda tag: _MARKED.sub(plain, tag.group()), text)
        text = _MARKED.sub(drawn, text)
        site = self.page.site
        if site is not None and hasattr(site, "add_references"):
            site.add_references(self.page.references)
        if self.page.references and self.page.settings is not None:
            config = json.dumps(self.page.settings.script_config(), separators=(",", ":"))
            text += f'\n<div hidden data-debrief-refs data-config="{html.escape(config)}"></div>'
        return text
