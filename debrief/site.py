"""Whole-site services for the widgets extension when it runs inside MkDocs: where each page's
source is, whether a linked page exists, and which widget ids are taken across the site."""

from __future__ import annotations

import logging
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .widgets import Widget
from .widgets.problems import WidgetProblem
from .widgets.render import CONTROLS_END, CONTROLS_START
from .widgets.validate import type_scale

log = logging.getLogger("mkdocs.hooks.debrief")
DEFAULT_LOG_PAGE = "log.md"


@dataclass(frozen=True)
class PlacedWidget:
    """A widget and the page it is on."""

    widget: Widget
    source_path: str
    page: Page

    @property
    def page_uri(self) -> str:
        return self.page.file.src_uri


class SiteWidgets:
    """Implements `debrief.widgets.Site` for one MkDocs build."""

    def __init__(self, project_dir: Path, log_page: str = "") -> None:
        self.project_dir = project_dir
        self.log_page = log_page  # docs-relative path of the page with the feedback log
        self.log_link = ""
        self.files: Files | None = None
        self.page: Page | None = None
        self.source_path = ""
        self.line_offset = 0
        self.placed: list[PlacedWidget] = []
        self.nav_order: dict[str, int] = {}

    def start_page(self, page: Page, markdown: str) -> None:
        """Called before a page is converted: later reports and widgets belong to it."""
        self.page = page
        self.placed = [p for p in self.placed if p.page_uri != page.file.src_uri]  # serve rebuilds
        source = Path(page.file.abs_src_path or "")
        try:
            self.source_path = source.relative_to(self.project_dir).as_posix()
        except ValueError:
            self.source_path = page.file.src_uri
        # MkDocs strips front matter before conversion; count it so lines match the file.
        raw = (page.file.content_string or "").replace("\r\n", "\n")
        self.line_offset = max(len(raw.split("\n")) - len(markdown.split("\n")), 0)
        here = posixpath.dirname(page.file.src_uri) or "."
        self.log_link = posixpath.relpath(self.log_page, here) if self.log_page else ""

    def check_log_page(self, required: bool) -> None:
        """A log page named in mkdocs.yml must exist; the default one may be absent."""
        if self.log_page and self.files and not self.files.get_file_from_path(self.log_page):
            if not required:
                self.log_page = ""
                return
            raise PluginError(
                f"mkdocs.yml: extra.debrief.log_page '{self.log_page}' is not a page of this site. "
                "Fix: name the page that holds the `/// feedback-log` block, relative to docs/, "
                "or set it to '' to leave the feedback log out.")

    def page_exists(self, target: str) -> bool:
        return self.files is None or self.page is None or self.linked_url(self.page, target) != ""

    def linked_url(self, page: Page, target: str) -> str:
        """The site URL of the page that `target`, a link written on `page`, points to; or ""."""
        path, _, anchor = target.partition("#")
        if self.files is None or re.match(r"[a-z][a-z0-9+.-]*:", path) or path.startswith("/"):
            return ""
        here = posixpath.dirname(page.file.src_uri)
        file = self.files.get_file_from_path(posixpath.normpath(posixpath.join(here, path)))
        if file is None or file.page is None:
            return ""
        return file.url + (f"#{anchor}" if anchor else "")

    def add_widget(self, widget: Widget) -> None:
        assert self.page is not None
        self.placed.append(PlacedWidget(widget, self.source_path, self.page))

    def manifest(self, namespace: str) -> dict:
        """Every widget of the site, for pages that show progress without visiting each page."""
        apps = {p.widget.kind: p.page.url + "#" + p.widget.id
                for p in self.placed if not p.widget.items}
        placed = [p for p in self.placed if p.widget.items]
        return {"version": 1, "site": namespace, "pages": apps, "widgets": [
            {
                "id": p.widget.id,
                "kind": p.widget.kind,
                "title": p.widget.title,
                "page": {"url": p.page.url, "title": p.page.title or "",
                         # a page outside every section stands for itself
                         "section": p.page.parent.title if p.page.parent else p.page.title},
                "items": [{"id": i.id, "text": i.text,
                           **({"guide": self.linked_url(p.page, i.guide)} if i.guide else {})}
                          for i in p.widget.items],
                **({"scale": list(p.widget.scale)} if p.widget.scale else {}),
                **({"previous": {k: list(v) for k, v in p.widget.previous.items()}}
                   if p.widget.previous else {}),
            }
            for p in sorted(placed, key=lambda p: self.nav_order.get(p.page_uri, 1 << 30))
        ]}

    def check_unique_ids(self) -> None:
        """Log an error for each widget whose id another page already uses."""
        first: dict[str, PlacedWidget] = {}
        for placed in self.placed:
            earlier = first.setdefault(placed.widget.id, placed)
            if earlier is placed or earlier.page_uri == placed.page_uri:
                continue  # same page: the extension has said so already
            log.error(
                f"{placed.source_path}:{placed.widget.line}: {placed.widget.kind} "
                f"'{placed.widget.id}': this id is already used by {earlier.source_path}:"
                f"{earlier.widget.line}. Fix: ids are unique across the site, since readers' "
                "saved answers and links are keyed by them; rename one of the two."
            )


CONTROLS = re.compile(f"{re.escape(CONTROLS_START)}.*?{re.escape(CONTROLS_END)}", re.S)
MARKERS = re.compile(f"{re.escape(CONTROLS_START)}|{re.escape(CONTROLS_END)}")


def without_controls(html: str) -> str:
    """A page's HTML without the widgets' controls: what a search index should see."""
    return CONTROLS.sub("", html)


def without_markers(html: str) -> str:
    """A page's HTML as readers get it: the controls, but not the comments that mark them."""
    return MARKERS.sub("", html)


def site_settings(config: MkDocsConfig) -> dict:
    """The `extra.debrief` settings a fork may change, checked, with defaults filled in."""
    settings = dict(config.extra.get("debrief") or {})
    namespace = settings.get("namespace") or _default_namespace(config)
    if not re.fullmatch(r"[A-Za-z0-9._-]+", str(namespace)):
        raise PluginError(f"mkdocs.yml: extra.debrief.namespace '{namespace}' is not valid. "
                          "Fix: use letters, digits, dots, hyphens and underscores only.")
    log_page = settings.get("log_page", DEFAULT_LOG_PAGE)
    if not isinstance(log_page, str):
        raise PluginError("mkdocs.yml: extra.debrief.log_page must be a page path such as log.md")
    result = {"namespace": str(namespace), "log_page": log_page,
              "log_page_required": "log_page" in settings}
    if "scale" in settings:
        try:
            result["scale"] = list(type_scale(settings["scale"]))
        except WidgetProblem as problem:
            raise PluginError(f"mkdocs.yml: extra.debrief.scale: {problem.message}. "
                              f"Fix: {problem.fix}.") from None
    return result


def _default_namespace(config: MkDocsConfig) -> str:
    """Two forks on one origin differ in site name or in path, so both go into the name."""
    parts = [config.site_name]
    if config.site_url:
        parts.append(posixpath.dirname(config.site_url.split("://", 1)[-1].split("/", 1)[-1] + "/"))
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(parts).lower()).strip("-")
    return slug or "debrief"
