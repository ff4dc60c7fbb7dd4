"""The progress page's list and the feedback log's frame, drawn at build time.

The plugin knows every widget of the site once all pages are converted, so it writes the list
into the page: readable without a script, and in place before the script starts, which then
only fills in the reader's answers (nothing moves). The markup here and the builder in
`debrief-progress.js` / `debrief-feedback-log.js` (used when a builder runs no plugin) are the
same; `tests/browser/test_app_pages.py` compares them.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import Any

from .strings import Strings
from .widgets.render import sub

# The empty box each `/// progress` or `/// feedback-log` section leaves for its content.
_APP_ROOT = re.compile(
    r'(<section\b[^>]*\bdata-debrief-app="(?P<kind>[a-z-]+)"[^>]*>.*?'
    r'<div class="debrief-app-root">)(</div>)', re.S)

_APP_KIND = re.compile(r'<section\b[^>]*\bdata-debrief-app="([a-z-]+)"')

Link = Callable[[str], str]  # a site URL ("" for the home page) -> a link from this page


def fill(html: str, manifest: dict[str, Any], strings: Strings, link: Link) -> str:
    """The page's HTML with each progress or log section's content drawn in."""
    def drawn(match: re.Match[str]) -> str:
        draw = DRAWERS.get(match["kind"])
        if draw is None:
            return match[0]
        return match[1] + "".join(_html(node) for node in draw(manifest, strings, link)) + match[3]
    return _APP_ROOT.sub(drawn, html)


def script_json(value: Any) -> str:
    """`value` as JSON to write inside a script element: `<` escaped, so no text in it can end
    the element."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def embedded_manifest(manifest: dict[str, Any]) -> str:
    """The manifest as a script element for the page to read, where it cannot fetch the file (a
    site read from files: browsers refuse fetch() of a file:// address)."""
    return f'<script type="application/json" data-debrief-manifest>{script_json(manifest)}</script>'


def has_app(html: str) -> str:
    """The kind of app section on the page ("progress", "feedback-log"), or ""."""
    if 'data-debrief-app="' not in html:  # most pages: no need to run the pattern
        return ""
    match = _APP_KIND.search(html)
    return match[1] if match else ""


# ---- My progress: the overall figure, then each navigation section's widgets, none started ----

def progress(manifest: dict[str, Any], strings: Strings, link: Link) -> list[etree.Element]:
    widgets = manifest["widgets"]
    total = sum(_total(w) for w in widgets)
    overall = etree.Element("div", {"class": "debrief-overall"})
    sub(overall, "p", strings.plural("progress.overall", len(widgets), done=0, total=total,
                                     started=0))
    sub(overall, "progress", max=str(total), value="0",
        aria_label=strings["progress.overall-label"])
    # One group per navigation section; a page outside every section is a group of its own,
    # named by its title (progress.js groups the same way).
    sections: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for widget in widgets:
        page = widget["page"]
        key = ("section", page["section"]) if page["section"] else ("page", page["url"])
        sections.setdefault(key, []).append(widget)
    tools = etree.Element("div", {"class": "debrief-app-tools"})  # export, import...: the script's
    return [overall, *(_section(listed[0]["page"]["section"] or listed[0]["page"]["title"],
                                listed, strings, link) for listed in sections.values()),
            tools]


def _section(name: str, widgets: list[dict[str, Any]], strings: Strings,
             link: Link) -> etree.Element:
    group = etree.Element("section", {"class": "debrief-group"})
    sub(group, "h3", name)
    listed = sub(group, "ul", class_="debrief-list")
    for widget in widgets:
        total = _total(widget)
        row = sub(listed, "li", data_widget=widget["id"])
        sub(row, "a", widget["title"], href=f"{link(widget['page']['url'])}#{widget['id']}")
        sub(row, "span", strings["progress.not-started"],
            class_="debrief-badge debrief-not-started")
        sub(row, "progress", max=str(total), value="0", aria_label=strings.text(
            "progress.widget-label", title=widget["title"], done=0, total=total))
        sub(row, "span", strings.text("progress.count", done=0, total=total))
    return group


def _total(widget: dict[str, Any]) -> int:
    """What a widget counts out of with nothing saved: its items, unless its kind says (an
    entries tool counts records, out of the number a reader aims for)."""
    return widget.get("total", len(widget["items"]))


# ---- The feedback log: what it shows before the reader saved anything --------------------------

def feedback_log(manifest: dict[str, Any], strings: Strings, link: Link) -> list[etree.Element]:
    # The log holds ratings: its first worksheet is a widget with a scale.
    first = next((w for w in manifest["widgets"] if w.get("scale")), None)
    empty = etree.Element("p")
    _text_with(empty, strings["log.empty"], {"save": ("strong", strings["log.save-button"], {})})
    if first is not None:
        _append_text(empty, " ")
        _text_with(empty, strings["log.start"], {"link": (
            "a", first["title"], {"href": f"{link(first['page']['url'])}#{first['id']}"})})
    return [empty]


DRAWERS = {"progress": progress, "feedback-log": feedback_log}


# ---- Small builders ---------------------------------------------------------------------------

def _append_text(parent: etree.Element, text: str) -> None:
    children = list(parent)
    if children:
        children[-1].tail = (children[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _text_with(parent: etree.Element, text: str,
               nodes: dict[str, tuple[str, str, dict[str, str]]]) -> None:
    """`text` with its `{name}` placeholders as elements, as the script's fill() does."""
    for n, part in enumerate(re.split(r"\{(\w+)\}", text)):
        if n % 2 == 0:
            _append_text(parent, part)
        elif part in nodes:
            tag, inner, attrs = nodes[part]
            sub(parent, tag, inner, **attrs)


def _html(node: etree.Element) -> str:
    return etree.tostring(node, encoding="unicode", method="html")
