"""The MkDocs adapter: everything Debrief needs from a whole MkDocs or ProperDocs build.

It wires the widgets extension in with the site's checked settings, ships the assets once as
files, checks ids across pages, leaves the feedback log out when a site has none, writes the
manifest the progress and log pages read, and the service worker and web app manifest that let a
site work offline once visited (debrief/webapp.py). The Markdown-to-HTML work lives in
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

from . import app_pages, builds, webapp
from .assets import REGISTER, page_loads
from .assets.bundle import BUNDLE, BundleError
from .collect import (
    MANIFEST_NAME,
    PageInfo,
    SiteWidgets,
    assets_version,
    classic_assets,
    holds_log,
    log_page_of,
    site_assets,
)
from .settings import (
    DEFAULT_LOG_PAGE,
    OPTION_NAMES,
    Settings,
    SettingsError,
    report_missing_strings,
    report_unnamed,
    resolve,
    written_options,
)
from .widgets import references, render

log = logging.getLogger("mkdocs.plugins.debrief")

EXTENSION = "debrief.widgets"
ASSET_DIR = "assets/debrief"


# The plugin's options, taken as written: `debrief.settings.resolve` checks them (a type here
# would give a second, different message for a mistake the extension's options also get).
DebriefConfig = type("DebriefConfig", (base.Config,),
                     {name: c.Optional(c.Type(object)) for name in OPTION_NAMES})


class DebriefPlugin(BasePlugin[DebriefConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.given: dict[str, Any] | None = {}  # the options as written; None for the hook
        self.where = "mkdocs.yml: plugins: debrief"
        self.active = True  # False when another Debrief wires this build (see on_config)
        self.settings: Settings | None = None
        self.site = SiteWidgets(lambda _uri: None)
        self.pages: dict[str, Page] = {}
        self.nav_order: dict[str, int] = {}
        self.left_out: set[str] = set()  # pages with a feedback log, on a site without one
        self.manifest: dict = {}  # every widget of the site, once every page is converted
        self.placeholders: dict[str, str] = {}  # what `<<name>>` shows, by field name
        self.hidden: dict[str, str] = {}  # page -> its HTML with controls, while search reads it
        self.file_names = FileNames(Path("."), ".")
        self.offline = False  # the build for reading from files: one classic script
        self.version = ""  # of the assets, which every address of one carries (`?v=`)
        self.command = "build"  # or "serve", "gh-deploy": as MkDocs was run
        self.worker = False  # this build writes the service worker (see debrief/webapp.py)
        self.app_manifest = False  # and the web app manifest
        self.keep = webapp.Keep()  # what the worker keeps from a reader's first visit

    @classmethod
    def for_hook(cls) -> DebriefPlugin:
        """The plugin for a site that loads it as a hook and keeps its settings under
        `markdown_extensions: debrief.widgets`, where Zensical also finds them."""
        plugin = cls()
        plugin.load_config({})
        plugin.given = None
        return plugin

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None):
        self.given = dict(options)
        errors, warnings = super().load_config(options, config_file_path)
        # An unknown option is `resolve`'s to report, with the extension's message.
        return errors, [w for w in warnings if w[0] in OPTION_NAMES]

    # Hooks

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    # After every plugin that sets up a build of its own, such as mkdocs-static-i18n's (-100),
    # which sets the theme's language of each build.
    @event_priority(-110)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        handed = config.mdx_configs.get(EXTENSION) or {}
        name = Path(config.config_file_path or "mkdocs.yml").name
        # Listed twice, or as a plugin and by the hook: the first wires the build, the
        # others stand aside (two would hide each other's controls from every page). A build
        # this plugin wired already (mkdocs-static-i18n builds once per language) is its own.
        wired = handed.get("site")
        self.active = not isinstance(wired, SiteWidgets) or wired is self.site
        if not self.active:
            return self._stand_aside(config, name)
        written = ({k: v for k, v in handed.items() if k not in ("site", "settings")}
                   if EXTENSION in config.markdown_extensions else None)
        site_url = builds.configured_site_url(config)  # not serve's address nor mike's version
        try:
            options, self.where = written_options(name, self.given, written)
            settings = resolve(options, self.where, site_name=config.site_name,
                               site_url=site_url, theme_language=_theme_language(config))
            self.settings = builds.for_build(settings, options, config, site_url)
            docs = Path(config.docs_dir)
            log_page, self.left_out = log_page_of(self.settings, docs, self.where,
                                                  builds.i18n_languages(config))
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
        self.offline = _offline(self.settings.offline, config, self.where)
        script = _classic_script() if self.offline else _module_script(self.version)
        config.extra_javascript = [*_without_script(config.extra_javascript), script]
        self.worker, self.app_manifest = self._web_app(config)
        self.keep = webapp.Keep(wanted=self.settings.precache)
        if self.worker:  # every page registers it
            config.extra_javascript.append(_module_script(self.version, REGISTER))
        return config

    def _web_app(self, config: MkDocsConfig) -> tuple[bool, bool]:
        """Whether this build gets the service worker, and the web app manifest: not when the
        site turns them off or is read from files (no worker runs there), nor the worker under
        `mkdocs serve` (it would outlive the preview in the author's browser); a site with its
        own keeps it."""
        if not self.settings.service_worker or self.offline:
            return False, False
        docs = Path(config.docs_dir)
        worker, manifest = webapp.own_files(docs)
        for own, what in ((worker, "service worker"), (manifest, "web app manifest")):
            if own:
                log.warning(
                    f"{self.where}: {docs.name}/{own} is the site's own {what}: Debrief leaves it "
                    f"as it is and adds no {what} of its own. Fix: set `service_worker: false` to "
                    "keep the site's own worker and manifest without this warning, or remove "
                    f"{docs.name}/{own} to use Debrief's.")
        return not worker and self.command != "serve", not manifest

    def _stand_aside(self, config: MkDocsConfig, name: str) -> MkDocsConfig:
        if self.given:
            raise PluginError(
                f"{name}: plugins: debrief: Debrief is wired in twice, and the second keeps "
                f"settings of its own ({', '.join(self.given)}), which would be ignored. Fix: "
                "list the plugin once, with every setting under that one entry.")
        plugins = [p for p in config.plugins.values() if isinstance(p, DebriefPlugin)]
        if self.given is not None and len(plugins) > 1:
            return config  # the plugin listed twice: MkDocs has warned of that already
        log.warning(f"{name}: Debrief is wired in twice (the `debrief` plugin listed twice, or "
                    "both the plugin and hooks/debrief.py); the second does nothing. Fix: keep "
                    "one: list the plugin once, or drop it from plugins and keep the hook.")
        return config

    # After mkdocs-static-i18n has chosen each language's files (-100): it reads the source of
    # every file, and the assets made here have none.
    @event_priority(-110)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if not self.active:
            return files
        for uri in self.left_out:
            found = files.get_file_from_path(uri)
            if found is not None:
                files.remove(found)
                log.info(f"{uri} holds the feedback log, which this site leaves out "
                         "(log_page: ''), so it is not built.")
        try:
            assets = classic_assets() if self.offline else site_assets()
        except BundleError as error:
            raise PluginError(str(error)) from None
        for name in {*site_assets(), *assets}:
            stale = files.get_file_from_path(f"{ASSET_DIR}/{name}")  # from `debrief assets`
            if stale is not None:
                files.remove(stale)
        for name, content in assets.items():
            files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=content))

        def page_url(uri: str) -> str | None:
            found = files.get_file_from_path(uri)
            return found.url if found is not None and found.is_documentation_page() else None

        self.site.page_urls = page_url
        self.site.log_page = _log_page_in(files, self.settings.log_page, self.site.log_page)
        for wanted in self.settings.precache:
            if page_url(wanted) is None:
                raise PluginError(
                    f"{self.where}: precache '{wanted}' is not a page of this site. Fix: name a "
                    "page by its file under docs/, as in `precache: [prepare/interview-day.md]`.")
        if self.app_manifest:
            strings = self.settings.strings
            text = webapp.manifest(config.site_name, config.site_description or "",
                                   strings.language, strings.direction,
                                   webapp.theme_colour(config), f"{ASSET_DIR}/icons")
            files.append(File.generated(config, webapp.MANIFEST_FILE, content=text))
            for path, data in webapp.icons(f"{ASSET_DIR}/icons").items():
                files.append(File.generated(config, path, content=data))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        if not self.active:
            return nav
        self.nav_order = {page.file.src_uri: n for n, page in enumerate(nav.pages)}
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        if not self.active:
            return markdown
        self.pages[page.file.src_uri] = page
        self.site.start_page(page.file.src_uri, self.file_names.of(page.file),
                             _front_matter_lines(page, markdown))
        return markdown

    # The theme's search plugin parses every page's HTML at priority 0: hand it the page
    # without the widgets' controls (less to parse, nothing to index), then put them back.
    @event_priority(100)
    def _hide_controls(self, context: dict, page: Page, config: MkDocsConfig,
                       nav: Navigation) -> dict:
        if not self.active:
            return context
        # A reference to a field declared on another page shows that field's example.
        if references.CLASS in (page.content or ""):
            page.content = references.SPAN.sub(
                lambda found: references.span(found[1], self.placeholders[found[1]])
                if found[1] in self.placeholders else found[0], page.content or "")
        self.hidden[page.file.src_uri] = page.content or ""
        page.content = render.without_controls(page.content or "")
        return context

    @event_priority(-100)
    def _show_controls(self, context: dict, page: Page, config: MkDocsConfig,
                       nav: Navigation) -> dict:
        if not self.active:
            return context
        page.content = render.without_markers(self.hidden.pop(page.file.src_uri,
                                                              page.content or ""))
        if app_pages.has_app(page.content):  # after search read it: the list is not advice
            page.content = app_pages.fill(page.content, self.manifest, self.settings.strings,
                                          lambda url: _page_link(url, page.url))
            if self.offline:  # a browser fetches no file from file://: the page carries it
                page.content += app_pages.embedded_manifest(self.manifest)
        return context

    on_page_context = CombinedEvent(_hide_controls, _show_controls)

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        if not self.active:
            return env
        for message in [*self.site.duplicate_ids(), *self.site.field_problems()]:
            log.error(message)
        self.placeholders = self.site.placeholders()
        # Every page is converted by now: the manifest, for the progress page, the log and the file.
        self.manifest = self.site.manifest(self._page_info,
                                           lambda uri: self.nav_order.get(uri, 1 << 30))
        return env

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Every page links to the web app manifest; the worker notes what it loads."""
        if not self.active:
            return output
        output = self._with_modules(output, page)
        if self.app_manifest and not _MANIFEST_LINK.search(output):
            link = get_relative_url(webapp.MANIFEST_FILE, page.url)
            output = output.replace("</head>", f'<link rel="manifest" href="{link}"></head>', 1)
        if self.worker:
            self.keep.add_page(page.file.src_uri, page.url, output, page.is_homepage)
        return output

    def _with_modules(self, output: str, page: Page) -> str:
        """A page with widgets names every module it will load from the start, so the browser
        fetches them side by side instead of one import after another; the progress and log
        pages get their styles too, so what the build drew is laid out before the script runs.
        A site read from files loads one classic script, which holds them all; any other says
        so on the page when it is opened from a file all the same, where its modules cannot
        run."""
        kinds = tuple(sorted(set(_WIDGET_KIND.findall(output))))
        app = app_pages.has_app(output)
        refers = "data-debrief-refs" in output
        if not kinds and not app and not refers:
            return output

        def link(name: str) -> str:
            # The address the modules import each other at, else the preload is wasted.
            href = get_relative_url(f"{ASSET_DIR}/{name}?v={self.version}", page.url)
            if name.endswith(".css"):
                return f'<link rel="stylesheet" href="{href}" data-debrief-styles>'
            return f'<link rel="modulepreload" href="{href}">'
        wanted = [name for name in page_loads(kinds, app, refers)
                  if (name.endswith(".js") and not self.offline)
                  or (app and name.endswith("app.css"))]
        output = output.replace("</head>", "".join(map(link, wanted)) + "</head>", 1)
        if self.offline:
            return output
        notice = _FILE_NOTICE.replace("MESSAGE", app_pages.script_json(
            self.settings.strings["opened-from-file"]))
        return output.replace("</body>", f"<script>{notice}</script></body>", 1)

    # After other plugins have written their files (search, its index): the worker's version is
    # a hash of them all. Before mkdocs-static-i18n's (-100), which builds the other languages
    # from there, each with this plugin's settings for its own.
    @event_priority(-50)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.active:
            return
        site = Path(config.site_dir)
        name = f"{ASSET_DIR}/{self.settings.manifest or MANIFEST_NAME}"
        (site / name).write_text(json.dumps(self.manifest, ensure_ascii=False,
                                            separators=(",", ":")), encoding="utf-8")
        if self.worker:
            if self.manifest.get("widgets"):  # the progress and log pages read it
                self.keep.files.add(name)
            (site / webapp.WORKER_FILE).write_text(
                webapp.worker(site, self.version, self.keep.addresses(site)), encoding="utf-8")

    # Helper functions

    def _page_info(self, uri: str) -> PageInfo:
        page = self.pages[uri]
        title = page.title or ""
        return PageInfo(uri, page.url, title, page.parent.title if page.parent else "")


# Browsers run no module from file://: a module build opened from its files (a site zipped
# without Material's offline plugin) would leave every control inert without a word, so a
# classic script says so in each widget and progress or log page, and does nothing elsewhere.
_FILE_NOTICE = """
if (location.protocol === "file:") {
  const parts = document.querySelectorAll(".debrief[data-debrief], section[data-debrief-app]");
  for (const part of parts) {
    let notice = part.querySelector(".debrief-notice");
    if (!notice) {
      notice = document.createElement("p");
      notice.className = "debrief-notice";
      (part.querySelector(".debrief-app-root") || part).prepend(notice);
    }
    notice.textContent = MESSAGE;
    notice.hidden = false;
  }
}
"""


_MANIFEST_LINK = re.compile(r"<link\b[^>]*\brel=[\"']?manifest\b", re.I)
_WIDGET_KIND = re.compile(r'<section\b[^>]*\bdata-debrief="([a-z][a-z-]*)"')


def _module_script(version: str, name: str = "debrief.js") -> c.ExtraScriptValue:
    """The widgets' script, which is an ES module: it imports the rest as readers need it (or
    another module that every page loads, the worker's registration)."""
    script = c.ExtraScriptValue(f"{ASSET_DIR}/{name}?v={version}")
    script.type = "module"
    return script


def _classic_script() -> c.ExtraScriptValue:
    """For a site read from files, where browsers run no module: every script in one classic
    script, run once the page is parsed as a module would be."""
    script = c.ExtraScriptValue(f"{ASSET_DIR}/{BUNDLE}")
    script.defer = True
    return script


def _without_script(scripts: list) -> list:
    """The site's scripts, less any listing of ours (perhaps without `type: module`, perhaps
    versioned by a plugin listed twice)."""
    ours = (f"{ASSET_DIR}/debrief.js", f"{ASSET_DIR}/{BUNDLE}", f"{ASSET_DIR}/{REGISTER}")
    return [s for s in scripts if _unversioned(s) not in ours]


def _unversioned(listed: Any) -> str:
    """A listed script or style sheet's path, without a `?v=` version."""
    return str(listed).split("?v=", 1)[0]


def _offline(asked: bool | None, config: MkDocsConfig, where: str) -> bool:
    """Whether to build for reading from files: as `offline:` says, else as Material's offline
    plugin does (`plugins: [offline]`, which a site turns off with `enabled: false`)."""
    if asked is None:
        asked = any(name.rsplit("/", 1)[-1] == "offline" and plugin.config.get("enabled", True)
                    for name, plugin in config.plugins.items())
    if asked and config.use_directory_urls:
        log.warning(
            f"{where}: offline is on but use_directory_urls is too, so links between pages end "
            "in a folder, which a browser opens as a list of files from file://. Fix: set "
            "`use_directory_urls: false` (Material's offline plugin does), or `offline: false` "
            "for a site served over HTTP.")
    return bool(asked)


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
    if file is None or not file.is_documentation_page():
        return found
    # Unset, log.md is the log page only if it holds the block (not a change log, say).
    return file.src_uri if wanted is not None or holds_log(Path(file.abs_src_path or "")) \
        else found


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
