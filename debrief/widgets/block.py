"""What checklists and worksheets share: reading options into problems instead of silence,
locating problems in the source, reporting them, and telling the site about each widget."""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from pymdownx.blocks.block import Block

if TYPE_CHECKING:
    from ..settings import Settings

from ..strings import Strings
from . import render
from .problems import WidgetProblem, WidgetProblems, report
from .source import HeaderTracker


@dataclass(frozen=True)
class Item:
    """A checklist item or worksheet criterion, as a summary or dashboard shows it."""

    id: str
    text: str  # plain text, without Markdown
    guide: str = ""  # criteria: link to the page that helps improve it, as the author wrote it


@dataclass(frozen=True)
class Widget:
    """What the site needs to know about one widget: to check ids, and to list it elsewhere."""

    kind: str
    id: str
    title: str
    line: int | None
    items: tuple[Item, ...]
    scale: tuple[str, ...] = ()
    previous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    keep: str = "device"  # where the reader's answers are kept: "device" or "session"
    details: dict[str, Any] = field(default_factory=dict)  # what else its kind's script reads


class Site(Protocol):
    """The whole-site services a host (the MkDocs plugin, `debrief check`) can offer."""

    source_path: str
    line_offset: int
    log_link: str  # where this page links to the feedback log; "" for no log

    def page_exists(self, target: str) -> bool: ...

    def add_widget(self, widget: Widget) -> None: ...


@dataclass
class PageState:
    """Per-conversion state shared by all widget blocks of one page."""

    headers: HeaderTracker
    settings: Settings | None  # None until the page's conversion starts, without a plugin
    site: Site | None
    ids: dict[str, int | None] = field(default_factory=dict)
    error: str = ""  # a mistake in the site's settings, which each widget shows in its place
    references: list[tuple[str, int]] = field(default_factory=list)  # `<<name>>`s, with lines
    placeholders: dict[str, str] = field(default_factory=dict)  # fields declared on this page
    # ... and on the whole site, where a builder without plugins found them before converting
    site_placeholders: dict[str, str] = field(default_factory=dict)

    @property
    def source(self) -> str:
        return self.site.source_path if self.site else ""

    @property
    def text(self) -> Strings:
        return self.settings.strings

    @property
    def log_link(self) -> str:
        return self.site.log_link if self.site else ""

    def section_attributes(self, kind: str) -> dict[str, str]:
        """What a widget's section tells its script: the site's settings and, as GOV.UK
        Frontend does, the strings the script shows, so translating never touches a script."""
        return _section_attributes(self.settings, kind)


# The same for every section of a kind across the site: made once per settings, not per widget.
# Shared between sections, so callers must not change it.
@lru_cache(maxsize=16)
def _section_attributes(settings: Settings, kind: str) -> dict[str, str]:
    strings_kind = kind if kind in ("progress", "feedback-log", "interview-day") else "widget"
    return {
        "data-config": _json(settings.script_config()),
        "data-i18n": _json(settings.strings.for_script(strings_kind)),
        "lang": settings.strings.language,
        "dir": settings.strings.direction,
    }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# Where the scripts of the built-in kinds are (`kinds/<name>.js`).
ASSETS = Path(__file__).parent.parent / "assets"


class WidgetBlock(Block):
    """A widget block. Subclasses declare OPTIONS as data and build their element; a kind of
    widget (see kinds.py) also has a script, `kinds/<NAME>.js`."""

    ARGUMENT = None
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {}
    REQUIRED: ClassVar[tuple[str, ...]] = ("id",)

    @classmethod
    def script(cls) -> Path:
        """The kind's script as written; a kind from outside this package says where its own is."""
        return ASSETS / "kinds" / f"{cls.NAME}.js"

    def on_init(self) -> None:
        self.page: PageState = self.config["page"]
        self.problems: list[WidgetProblem] = []
        self.line: int | None = None
        self.discard = etree.Element("div")  # swallows the content of a block in error

    # Unlike pymdownx's own blocks, a bad option must not turn the block back into plain text
    # without a word: every mistake becomes a problem that names the line and the fix.
    def _validate(self, parent: etree.Element, arg: Any, **options: Any) -> bool:
        self.argument = (arg or "").strip()
        header = self.page.headers.claim(self.NAME, arg)
        self.line = header.line if header else None
        # The source preprocessor has read the options and taken them out of pymdownx's way.
        options = {**(header.options if header else {}), **options}
        self.options = {name: default for name, (default, _) in self.option_spec.items()}
        if self.page.error:  # already reported, once for the site
            self.problems.append(WidgetProblem(self.page.error, ""))
            self.problems[-1].text = self.page.error
            return True
        for name, value in options.items():
            if name not in self.option_spec or name == "attrs":
                known = ", ".join(k for k in self.option_spec if k != "attrs")
                self.problem(WidgetProblem(f"unknown option '{name}'",
                                           f"use one of: {known}", near=f"{name}:"))
                continue
            try:
                self.options[name] = self.option_spec[name][1](value)
            except WidgetProblem as problem:
                problem.near = problem.near or f"{name}:"
                self.problem(problem)
            except WidgetProblems as many:
                for problem in many.problems:
                    problem.near = problem.near or f"{name}:"
                    self.problem(problem)
        for name in self.REQUIRED:
            if name not in options:
                self.problem(WidgetProblem(f"option `{name}` is missing",
                                           f"add `    {name}: ...` under the block's first line"))
        if not self.argument:
            self.problem(WidgetProblem("the block has no title",
                                       f"write it after a bar: `/// {self.NAME} | A clear title`"))
        self.check_id_is_new()
        self.on_options()
        return True

    def on_options(self) -> None:
        """Cross-option checks, once all options are read."""

    def check_id_is_new(self) -> None:
        widget_id = self.options.get("id")
        if not widget_id or self.problems:
            return
        if widget_id in self.page.ids:
            self.problem(WidgetProblem(
                f"the id '{widget_id}' is already used on line {self.page.ids[widget_id]}",
                "give each checklist and worksheet its own id"))
        self.page.ids[widget_id] = self.line

    @property
    def kept_for_session(self) -> bool:
        """`keep: session`: the answers are forgotten when the reader closes the tab, so nothing
        may carry them further (no share link, no feedback log)."""
        return self.options.get("keep") == "session"

    def subject(self) -> str:
        """How messages name this block: by its id, else by its title."""
        widget_id = self.options.get("id")
        if isinstance(widget_id, str) and widget_id:
            return f"{self.NAME} '{widget_id}'"
        return f'{self.NAME} "{self.argument}"' if self.argument else self.NAME

    def problem(self, problem: WidgetProblem) -> None:
        """Record and report one problem at the closest line we can find."""
        line = self.page.headers.find_after(self.line, problem.near, problem.nth)
        self.problems.append(problem)
        problem.text = report(self.page.source, line or self.line, self.subject(), problem)

    def on_create(self, parent: etree.Element) -> etree.Element:
        if self.problems:
            return render.error_box(parent, " ".join(p.text for p in self.problems), self.page.text)
        return self.create(parent)

    def on_add(self, block: etree.Element) -> etree.Element:
        if self.problems:
            return self.discard
        return self.content(block)

    def on_end(self, block: etree.Element) -> None:
        if self.problems:
            return
        widget = self.finish(block)
        if widget is None:
            return
        previous = self.options.get("previous_ids") or {}
        unknown = set(previous) - {widget.id} - {item.id for item in widget.items}
        if unknown:
            self.fail_at_end(block, WidgetProblem(
                f"previous_ids names '{sorted(unknown)[0]}', which is neither this block's id nor "
                "one of its items", "put the id as it is now on the left: `current-id: [old-id]`",
                near=f"{sorted(unknown)[0]}:"))
            return
        if previous:
            block.set("data-previous", json.dumps(previous, separators=(",", ":")))
            widget = replace(widget, previous=previous)
        keep = self.options.get("keep", "device")
        if keep != "device":
            widget = replace(widget, keep=keep)
        if self.page.site:
            self.page.site.add_widget(widget)

    # For subclasses
    def create(self, parent: etree.Element) -> etree.Element:
        raise NotImplementedError

    def content(self, block: etree.Element) -> etree.Element:
        return block

    def finish(self, block: etree.Element) -> Widget | None:
        """Complete the widget from its content; None once `fail_at_end` has replaced it."""
        raise NotImplementedError

    def fail_at_end(self, block: etree.Element, *problems: WidgetProblem) -> None:
        """Problems found in the content: replace what was built with the errors."""
        for problem in problems:
            self.problem(problem)
        render.show_error(block, " ".join(p.text for p in problems), self.page.text)
