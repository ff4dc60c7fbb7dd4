"""What the widgets of a whole site add up to, whichever tool walks its pages: the MkDocs plugin
during a build, or `debrief check` / `debrief assets` for builders that run no plugins.

It gives the extension the whole-site services of `debrief.widgets.Site` (links between pages,
the log page), finds ids used twice, and writes the manifest the progress and log pages read.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .assets import (
    ENTRY,
    MINIFIERS,
    REGISTER,
    kind_script,
    minified,
    shipped_assets,
    sources,
    version_of,
    with_version,
)
from .assets.bundle import BUNDLE, classic_bundle
from .settings import DEFAULT_LOG_PAGE, Settings, SettingsError, log, page_link
from .widgets import KINDS, Widget
from .widgets.interview_day import TOOLS as DAY_TOOLS

MANIFEST_VERSION = 1
MANIFEST_NAME = "manifest.json"
_LOG_BLOCK = re.compile(r"^\s*/{3,}\s*feedback-log\b", re.M | re.I)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def log_page_of(settings: Settings, docs: Path, where: str,
                languages: tuple[str, ...] = ()) -> tuple[str, set[str]]:
    """The docs path of the feedback log page ("" for none), and the pages to leave out of a
    site that has no log (`log_page: ''`): those that hold a `/// feedback-log` block.

    Unset, `log_page` is log.md when that page holds the block: a log.md without it is some
    other page, such as a change log. A setting that leaves the log where no one meant it is
    warned about, so --strict stops: a block on another page with no `log_page`, or a
    `log_page` without the block. `languages`: those mkdocs-static-i18n builds, each with its
    own log.md (`fr/log.md` or `log.fr.md`), which is the log page of its language."""
    log_page = settings.log_page
    if log_page and not (docs / log_page).is_file():
        raise SettingsError(
            f"{where}: log_page '{log_page}' is not a page of this site. Fix: name the page "
            "that holds the `/// feedback-log` block, relative to docs/, or set it to '' to "
            "leave the feedback log out.")
    if log_page == "":
        return "", set(_pages_with_log(docs))
    wanted = log_page or DEFAULT_LOG_PAGE
    if holds_log(docs / wanted):
        return wanted, set()
    holding = _pages_with_log(docs)
    per_language = {name for language in languages
                    for name in (f"{language}/{DEFAULT_LOG_PAGE}", f"log.{language}.md")}
    if log_page is None and (own := [page for page in holding if page in per_language]):
        return own[0], set()
    folder = docs.name
    if log_page is None:
        if holding:  # used, so the site works; named, so it keeps working
            log.warning(f"{where}: log_page is not set, and {folder}/{holding[0]} holds the "
                        f"`/// feedback-log` block. Fix: set `log_page: {holding[0]}`.")
        elif (docs / DEFAULT_LOG_PAGE).is_file():  # a change log, say: not the feedback log
            log.warning(f"{where}: {folder}/{DEFAULT_LOG_PAGE} has no `/// feedback-log` block, "
                        "so it is not taken for the feedback log and worksheets offer no \"Save "
                        "to log\" form. Fix: set `log_page: ''` if the site keeps no feedback "
                        f"log, or add the block to {folder}/{DEFAULT_LOG_PAGE}.")
        return (holding[0] if holding else ""), set()
    elsewhere = f" ({folder}/{holding[0]} has one)" if holding else ""
    log.warning(f"{where}: log_page '{log_page}' names a page without a `/// feedback-log` "
                "block, so every \"Save to log\" form leads to a page with no log. Fix: add "
                f"the block to {folder}/{log_page}, or set log_page to the page that holds it"
                f"{elsewhere}, or to '' for no feedback log.")
    return log_page, set()


def _pages_with_log(docs: Path) -> list[str]:
    return sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*.md")
                  if holds_log(path))


def holds_log(path: Path) -> bool:
    """Whether the page has a `/// feedback-log` block outside code fences (where the
    authoring guide shows one)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if not _LOG_BLOCK.search(text):
        return False
    fence = ""
    for line in text.splitlines():
        opening = _FENCE.match(line)
        if fence:
            if opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence):
                fence = ""
        elif opening:
            fence = opening[1]
        elif _LOG_BLOCK.match(line):
            return True
    return False


@dataclass(frozen=True)
class PageInfo:
    """A page as readers find it: where it is built, its title and its navigation section."""

    src_uri: str  # relative to docs/, with forward slashes
    url: str  # relative to the site root
    title: str
    section: str  # "" for a page outside every section: its title alone names it


@dataclass(frozen=True)
class PlacedWidget:
    """A widget and the page it is on."""

    widget: Widget
    source_path: str  # as messages name it: relative to the project folder
    src_uri: str


class SiteWidgets:
    """Implements `debrief.widgets.Site` for one walk over a site's pages."""

    def __init__(self, page_urls: Callable[[str], str | None], log_page: str = "") -> None:
        self.page_urls = page_urls  # docs path -> site URL of that page, None if it is none
        self.log_page = log_page  # docs path of the page with the feedback log; "" for none
        self.log_link = ""
        self.src_uri = ""
        self.source_path = ""
        self.line_offset = 0
        self.placed: list[PlacedWidget] = []
        # `<<name>>` references to fields: (name, line, source path, docs path), for every page.
        self.references: list[tuple[str, int, str, str]] = []

    def start_page(self, src_uri: str, source_path: str, line_offset: int) -> None:
        """Called before a page is converted: later reports and widgets belong to it."""
        self.src_uri = src_uri
        self.source_path = source_path
        self.line_offset = line_offset  # front matter lines the converter does not see
        self.placed = [p for p in self.placed if p.src_uri != src_uri]  # serve rebuilds
        self.references = [r for r in self.references if r[3] != src_uri]
        self.log_link = page_link(self.log_page, src_uri) if self.log_page else ""

    def page_exists(self, target: str) -> bool:
        return not self.src_uri or self.linked_url(self.src_uri, target) is not None

    def linked_url(self, src_uri: str, target: str) -> str | None:
        """The site URL ("" for the home page) of the page that `target`, a link written on
        `src_uri`, points to; None when it is not a page of this site."""
        path, _, anchor = target.partition("#")
        if re.match(r"[a-z][a-z0-9+.-]*:", path) or path.startswith("/"):
            return None
        here = posixpath.dirname(src_uri)
        url = self.page_urls(posixpath.normpath(posixpath.join(here, path)))
        if url is None:
            return None
        return url + (f"#{anchor}" if anchor else "")

    def add_widget(self, widget: Widget) -> None:
        self.placed.append(PlacedWidget(widget, self.source_path, self.src_uri))

    def add_references(self, references: list[tuple[str, int]]) -> None:
        """The `<<name>>`s of the page being converted, each with its line."""
        self.references.extend((name, line, self.source_path, self.src_uri)
                               for name, line in references)

    def _declared_fields(self) -> dict[str, tuple[dict, PlacedWidget]]:
        """Each field name the site declares, with its first declaration."""
        declared: dict[str, tuple[dict, PlacedWidget]] = {}
        for placed in self.placed:
            for field in placed.widget.details.get("fields", ()):
                declared.setdefault(field["name"], (field, placed))
        return declared

    def placeholders(self) -> dict[str, str]:
        """What `<<name>>` shows without the reader's value, by field name, across the site."""
        return {name: field["placeholder"] for name, (field, _) in
                self._declared_fields().items()}

    def field_problems(self) -> list[str]:
        """A message for each field declared again with another type, for each `<<name>>`
        that no page declares, and for each worksheet whose `stories` names no entries tool."""
        declared = self._declared_fields()
        messages = []
        for placed in self.placed:
            for field in placed.widget.details.get("fields", ()):
                first, where = declared[field["name"]]
                if first["type"] != field["type"]:
                    messages.append(
                        f"{placed.source_path}:{placed.widget.line}: fields "
                        f"'{placed.widget.id}': the field '{field['name']}' is a "
                        f"{field['type']} here and a {first['type']} in {where.source_path}:"
                        f"{where.widget.line}. Fix: a field name is shared by the whole site, "
                        "so give it one type everywhere, or give one of them another name.")
        tools = {placed.widget.id: placed.widget.kind for placed in self.placed}
        for placed in self.placed:
            stories = placed.widget.details.get("stories")
            if stories and tools.get(stories) != "entries":
                messages.append(
                    f"{placed.source_path}:{placed.widget.line}: {placed.widget.kind} "
                    f"'{placed.widget.id}': stories links to '{stories}', which is no "
                    "`/// entries` tool of this site. Fix: give the id of the entries tool "
                    "whose records tag the criteria, after the # of the link.")
        messages += self._day_problems(tools)
        for name, line, source_path, _ in self.references:
            if name not in declared:
                known = ", ".join(sorted(declared)) or "none yet"
                messages.append(
                    f"{source_path}:{line}: <<{name}>>: no `/// fields` tool of this site "
                    f"declares a field named '{name}' (declared: {known}). Fix: correct the "
                    f"name, add `- {{name: {name}, label: ...}}` to a fields tool, or write "
                    f"`\\<<{name}>>` for the characters themselves.")
        return messages

    def _day_problems(self, tools: dict[str, str]) -> list[str]:
        """A message for each `/// interview-day` link that names no tool of its kind, and each
        field it shows that the tool lacks."""
        items = {placed.widget.id: {item.id for item in placed.widget.items}
                 for placed in self.placed}
        messages = []
        for placed in self.placed:
            day = placed.widget.details.get("day")
            if not day:
                continue
            where = f"{placed.source_path}:{placed.widget.line}: interview-day '{placed.widget.id}'"
            for option, kind in DAY_TOOLS.items():
                if tools.get(day[option]) != kind:
                    messages.append(
                        f"{where}: {option} links to '{day[option]}', which is no `/// {kind}` "
                        f"tool of this site. Fix: give the id of the {kind} tool after the # of "
                        "the link.")
                    continue
                missing = [n for n in day["fields"].get(option, ()) if n not in items[day[option]]]
                if missing:
                    known = ", ".join(sorted(items[day[option]]))
                    messages.append(
                        f"{where}: the {kind} tool '{day[option]}' has no field named "
                        f"'{missing[0]}' (its fields: {known}). Fix: name one of its fields, or "
                        "add the field to the tool.")
        return messages

    def duplicate_ids(self) -> list[str]:
        """A message for each widget whose id another page already uses."""
        first: dict[str, PlacedWidget] = {}
        messages = []
        for placed in self.placed:
            earlier = first.setdefault(placed.widget.id, placed)
            if earlier is placed or earlier.src_uri == placed.src_uri:
                continue  # same page: the extension has said so already
            messages.append(
                f"{placed.source_path}:{placed.widget.line}: {placed.widget.kind} "
                f"'{placed.widget.id}': this id is already used by {earlier.source_path}:"
                f"{earlier.widget.line}. Fix: ids are unique across the site, since readers' "
                "saved answers and links are keyed by them; rename one of the two.")
        return messages

    def manifest(self, pages: Callable[[str], PageInfo], order: Callable[[str], int]) -> dict:
        """Every widget of the site in navigation order, for the pages that show progress
        without visiting each page."""
        placed = sorted((p for p in self.placed if p.widget.items), key=lambda p: order(p.src_uri))
        return {"version": MANIFEST_VERSION, "widgets": [self._entry(p, pages(p.src_uri))
                                                          for p in placed]}

    def _entry(self, placed: PlacedWidget, page: PageInfo) -> dict:
        widget = placed.widget
        entry = {
            "id": widget.id,
            "kind": widget.kind,
            "title": widget.title,
            "page": {"url": page.url, "title": page.title, "section": page.section},
            "items": [{"id": i.id, "text": i.text,
                       **({"guide": self.linked_url(placed.src_uri, i.guide) or ""}
                          if i.guide else {})}
                      for i in widget.items],
        }
        if widget.scale:
            entry["scale"] = list(widget.scale)
        if widget.previous:
            entry["previous"] = {k: list(v) for k, v in widget.previous.items()}
        if widget.keep != "device":
            entry["keep"] = widget.keep
        return {**entry, **widget.details}


def site_assets() -> dict[str, str]:
    """What the site ships under assets/debrief/: every script and style sheet of the package,
    and the script of each kind of widget registered from outside it, each module importing the
    others at their versioned address (see `debrief.assets.with_version`)."""
    return with_version(_unversioned_assets())


def assets_version() -> str:
    """The version every address of a script or style sheet of the site carries (`?v=`)."""
    return version_of(_unversioned_assets())


def _unversioned_assets() -> dict[str, str]:
    assets = dict(shipped_assets())
    for name, block in KINDS.items():
        assets.setdefault(kind_script(name), minified(block.script()))
    return assets


def outside_scripts() -> dict[str, Path]:
    """The script of each kind of widget registered from outside the package, by its path under
    assets/debrief/."""
    return {kind_script(name): block.script() for name, block in KINDS.items()
            if kind_script(name) not in sources()}


def site_scripts() -> dict[str, str]:
    """Every script the widgets' entry may load, as written, by its path under assets/debrief/:
    the package's and the script of each kind of widget registered from outside it. Not the
    service worker's registration, which a page loads on its own, and which the one build that
    takes these (the classic script, for file://, where no worker runs) does without."""
    own = {name: text for name, text in sources().items() if name != REGISTER}
    return {**own, **{name: path.read_text(encoding="utf-8")
                            for name, path in outside_scripts().items()}}


def classic_assets() -> dict[str, str]:
    """What a site read from files (file://) ships under assets/debrief/: the style sheets, and
    every script as one classic script (see debrief/assets/bundle.py), minified as the modules
    are."""
    styles = {name: text for name, text in shipped_assets().items() if name.endswith(".css")}
    names = {name: _shown(path) for name, path in outside_scripts().items()}
    return {**styles, BUNDLE: MINIFIERS[".js"](classic_bundle(site_scripts(), ENTRY, names))}


def _shown(path: Path) -> str:
    """A file as messages name it: relative to the working folder when it is under it."""
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()
