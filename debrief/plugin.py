"""The MkDocs adapter: everything Debrief needs from a whole MkDocs or ProperDocs build.

It wires the widgets extension in with the site's checked settings, ships the assets once as
files, checks ids across pages, leaves the feedback log out when a site has none, and writes
the manifest the progress and log pages read. The Markdown-to-HTML work lives in
`debrief.widgets`. Sites use it as the `debrief` plugin; the handbook's `hooks/debrief.py`
hands its events to the same class.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import re
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import app_pages, builds
from .assets import page_loads
from .collect import (
    MANIFEST_NAME,
    PageInfo,
    SiteWidgets,
    assets_version,
    log_page_of,
    site_assets,
)
from .settings import (
    DEFAULT_LOG_PAGE,
    DEFAULT_NOTES_LIMIT,
    OPTION_NAMES,
    VERSION_MODES,
    Settings,
    SettingsError,
    report_missing_strings,
    report_unnamed,
    resolve,
)
from .widgets import render

log = logging.getLogger("mkdocs.plugins.debrief")

EXTENSION = "debrief.widgets"
ASSET_DIR = "assets/debrief"


class DebriefConfig(base.Config):
    """The plugin's options; `debrief.settings.Options` says what each one means."""

    namespace = c.Type(str, default="")
    previous_namespaces = c.ListOfItems(c.Type(str), default=[])
    scale = c.Optional(c.Type((list, dict)))
    log_page = c.Optional(c.Type(str))
    notes_limit = c.Type(int, default=DEFAULT_NOTES_LIMIT)
    language = c.Type(str, default="")
    strings = c.Optional(c.Type(dict))
    versions = c.Choice(VERSION_MODES, default="shared")


class DebriefPlugin(BasePlugin[DebriefConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.given: dict[str, Any] = {}  # the options as written, before defaults
        self.where = "mkdocs.yml: plugins: debrief"
        self.settings: Settings | None = None
        self.site = SiteWidgets(lambda _uri: None)
        self.pages: dict[str, Page] = {}
        self.nav_order: dict[str, int] = {}
        self.left_out: set[str] = set()  # pages with a feedback log, on a site without one
        self.manifest: dict = {}  # every widget of the site, once every page is converted
        self.hidden: dict[str, str] = {}  # page -> its HTML with controls, while search reads it
        self.file_names = FileNames(Path("."), ".")
        self.version = ""  # of the assets, which every address of one carries (`?v=`)

    @classmethod
    def for_hook(cls) -> DebriefPlugin:
        """The plugin for a site that loads it as a hook and keeps its settings under
        `markdown_extensions: debrief.widgets`, where Zensical also finds them."""
        plugin = cls()
        plugin.where = f"mkdocs.yml: markdown_extensions: {EXTENSION}"
        plugin.load_config({})
        return plugin

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None):
        self.given = dict(options)
        errors, warnings = super().load_config(options, config_file_path)
        # A misspelt option would silently do nothing: make it an error that lists the names.
        for name, _ in [w for w in warnings if w[0] not in OPTION_NAMES]:
            errors.append((name, c.ValidationError(
                f"unknown option. Fix: use one of: {', '.join(OPTION_NAMES)}.")))
        return errors, [w for w in warnings if w[0] in OPTION_NAMES]

    # Hooks

    # After every plugin that sets up a build of its own, such as mkdocs-static-i18n's (-100),
    # which sets the theme's language of each build.
    @event_priority(-110)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        written = config.mdx_configs.get(EXTENSION, {})
        options = {k: v for k, v in written.items() if k not in ("site", "settings")}
        options.update(self.given)
        site_url = builds.configured_site_url(config)  # not serve's address nor mike's version
        try:
            settings = resolve(options, self.where, site_name=config.site_name,
                               site_url=site_url, theme_language=_theme_language(config))
            self.settings = builds.for_build(settings, options, config, site_url)
            docs = Path(config.docs_dir)
            log_page, self.left_out = log_page_of(self.settings, docs, self.where)
        except SettingsError as error:
            raise PluginError(str(error)) from None
        report_missing_strings(self.settings, self.where)
        report_unnamed(self.settings, self.where)
        self.file_names = FileNames(Path(config.config_file_path or ".").resolve().parent,
                                    config.docs_dir)
        config.nav = _without(config.nav, self.left_out)
        self.site = SiteWidgets(lambda _uri: None, log_page)
        if EXTENSION not in config.markdown_extensions:
            config.markdown_extensions.append(EXTENSION)
        config.mdx_configs[EXTENSION] = {"settings": self.settings, "site": self.site}
        # A site that also builds with Zensical lists them already (see README), without the
        # version: in their place, the versioned addresses.
        self.version = assets_version()
        styles = f"{ASSET_DIR}/debrief.css"
        config.extra_css = [*(s for s in config.extra_css if _unversioned(s) != styles),
                            f"{styles}?v={self.version}"]
        config.extra_javascript = [*_without_script(config.extra_javascript),
                                   _module_script(self.version)]
        return config

    # After mkdocs-static-i18n has chosen each language's files (-100): it reads the source of
    # every file, and the assets made here have none.
    @event_priority(-110)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for uri in self.left_out:
            found = files.get_file_from_path(uri)
            if found is not None:
                files.remove(found)
                log.info(f"{uri} holds the feedback log, which this site leaves out "
                         "(log_page: ''), so it is not built.")
        for name, content in site_assets().items():
            stale = files.get_file_from_path(f"{ASSET_DIR}/{name}")  # from `debrief assets`
            if stale is not None:
                files.remove(stale)
            files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=content))

        def page_url(uri: str) -> str | None:
            found = files.get_file_from_path(uri)
            return found.url if found is not None and found.is_documentation_page() else None

        self.site.page_urls = page_url
        self.site.log_page = _log_page_in(files, self.settings.log_page, self.site.log_page)
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav_order = {page.file.src_uri: n for n, page in enumerate(nav.pages)}
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        self.pages[page.file.src_uri] = page
        self.site.start_page(page.file.src_uri, self.file_names.of(page.file),
                             _front_matter_lines(page, markdown))
        return markdown

    # The theme's search plugin parses every page's HTML at priority 0: hand it the page
    # without the widgets' controls (less to parse, nothing to index), then put them back.
    @event_priority(100)
    def _hide_controls(self, context: dict, page: Page, config: MkDocsConfig,
                       nav: Navigation) -> dict:
        self.hidden[page.file.src_uri] = page.content or ""
        page.content = render.without_controls(page.content or "")
        return context

    @event_priority(-100)
    def _show_controls(self, context: dict, page: Page, config: MkDocsConfig,
                       nav: Navigation) -> dict:
        page.content = render.without_markers(self.hidden.pop(page.file.src_uri,
                                                              page.content or ""))
        if app_pages.has_app(page.content):  # after search read it: the list is not advice
            page.content = app_pages.fill(page.content, self.manifest, self.settings.strings,
                                          lambda url: _page_link(url, page.url))
        return context

    on_page_context = CombinedEvent(_hide_controls, _show_controls)

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        for message in self.site.duplicate_ids():
            log.error(message)
        # Every page is converted by now: the manifest, for the progress page, the log and the file.
        self.manifest = self.site.manifest(self._page_info,
                                           lambda uri: self.nav_order.get(uri, 1 << 30))
        return env

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """A page with widgets names every module it will load from the start, so the browser
        fetches them side by side instead of one import after another; the progress and log
        pages get their styles too, so what the build drew is laid out before the script runs."""
        kinds = tuple(sorted(set(_WIDGET_KIND.findall(output))))
        app = app_pages.has_app(output)
        if not kinds and not app:
            return output

        def link(name: str) -> str:
            # The address the modules import each other at, else the preload is wasted.
            href = get_relative_url(f"{ASSET_DIR}/{name}?v={self.version}", page.url)
            if name.endswith(".css"):
                return f'<link rel="stylesheet" href="{href}" data-debrief-styles>'
            return f'<link rel="modulepreload" href="{href}">'
        wanted = [name for name in page_loads(kinds, app)
                  if name.endswith(".js") or (app and name.endswith("app.css"))]
        return output.replace("</head>", "".join(map(link, wanted)) + "</head>", 1)

    def on_post_build(self, config: MkDocsConfig) -> None:
        path = Path(config.site_dir) / ASSET_DIR / (self.settings.manifest or MANIFEST_NAME)
        path.write_text(json.dumps(self.manifest, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")

    # Helper functions

    def _page_info(self, uri: str) -> PageInfo:
        page = self.pages[uri]
        title = page.title or ""
        return PageInfo(uri, page.url, title, page.parent.title if page.parent else "")


_WIDGET_KIND = re.compile(r'<section\b[^>]*\bdata-debrief="([a-z][a-z-]*)"')


def _module_script(version: str) -> c.ExtraScriptValue:
    """The widgets' script, which is an ES module: it imports the rest as readers need it."""
    script = c.ExtraScriptValue(f"{ASSET_DIR}/debrief.js?v={version}")
    script.type = "module"
    return script


def _without_script(scripts: list) -> list:
    """The site's scripts, less any listing of ours (perhaps without `type: module`, perhaps
    versioned by a plugin listed twice)."""
    return [s for s in scripts if _unversioned(s) != f"{ASSET_DIR}/debrief.js"]


def _unversioned(listed: Any) -> str:
    """A listed script or style sheet's path, without a `?v=` version."""
    return str(listed).split("?v=", 1)[0]


def _page_link(url: str, here: str) -> str:
    """A link from the page at `here` to the page at site URL `url` ("" for the home page)."""
    link = get_relative_url(url, here)
    return f"{link}/" if (url == "" or url.endswith("/")) and not link.endswith("/") else link


def _log_page_in(files: Files, wanted: str | None, found: str) -> str:
    """The docs path of the log page among this build's files. A plugin that builds a site once
    per language (mkdocs-static-i18n) keeps one log page per language, as `fr/log.md` or
    `log.fr.md`, and its `files` answer a lookup of `log.md` with the language being built."""
    name = DEFAULT_LOG_PAGE if wanted is None else wanted
    file = files.get_file_from_path(name) if name else None
    return file.src_uri if file is not None and file.is_documentation_page() else found


def _theme_language(config: MkDocsConfig) -> str:
    theme = config.theme
    return str(theme.get("language") or theme.get("locale") or "") if theme else ""


class FileNames:
    """How messages name a page's file: relative to `project`, the folder of mkdocs.yml.

    The docs folder is resolved once: resolving every page's own path cost more than the
    checks of its widgets. A file from elsewhere (another plugin's) is resolved as it comes."""

    def __init__(self, project: Path, docs_dir: str) -> None:
        self.project = project
        self.docs_dir = os.path.normpath(docs_dir)
        try:
            self.docs: str | None = Path(docs_dir).resolve().relative_to(project).as_posix()
        except ValueError:
            self.docs = None  # outside the project: name each file as MkDocs does

    def of(self, file: File) -> str:
        path = file.abs_src_path or ""
        if self.docs is not None and path == os.path.join(self.docs_dir, file.src_path):
            return posixpath.normpath(posixpath.join(self.docs, file.src_uri))
        try:
            return Path(path).resolve().relative_to(self.project).as_posix()
        except ValueError:
            return file.src_uri


def _front_matter_lines(page: Page, markdown: str) -> int:
    """MkDocs strips front matter before conversion; count it so lines match the file."""
    raw = page.file.content_string or ""
    return max(raw.count("\n") - markdown.count("\n"), 0)  # a "\r\n" holds one "\n" too


def _without(nav: Any, uris: set[str]) -> Any:
    """The nav configuration with every entry for one of `uris` taken out."""
    if not uris or nav is None:
        return nav
    if isinstance(nav, list):
        kept = [_without(entry, uris) for entry in nav]
        return [entry for entry in kept if entry not in (None, {}, [])]
    if isinstance(nav, dict):
        return {title: kept for title, entry in nav.items()
                if (kept := _without(entry, uris)) not in (None, {}, [])}
    return None if nav in uris else nav
