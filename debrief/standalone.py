"""The extension's own wiring, for builders that run no plugin: Zensical, MkDocs with the bare
extension, and scripts that call Python-Markdown.

The MkDocs plugin and `debrief check` check the settings themselves and hand them to the
extension. Without them, the extension checks its own options when it converts a page (not
when it is made: MkDocs makes it once while validating mkdocs.yml, before any plugin runs),
against the configuration being built: Zensical's, which it hands every page with the page's
path, else the file the builder was given (`-f`), else the one in the working folder. On
Zensical it also knows the page, so worksheets get the Save-to-log form and problems name the
page's file and line, as on MkDocs.

A mistake in the settings is logged once, as one line (Zensical prints a Python exception
raised while it converts a page with a full traceback), and every widget shows it in place;
`debrief check` stops on it.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown import Markdown

from . import project
from .collect import SiteWidgets, log_page_of
from .settings import Settings, SettingsError, report_missing_strings, report_unnamed, resolve
from .widgets.fields import Fields, type_fields
from .widgets.problems import WidgetProblem, WidgetProblems
from .widgets.source import HeaderTracker

log = logging.getLogger("mkdocs.extensions.debrief")

ZENSICAL_CONTEXT = "rendering_context"  # the preprocessor Zensical gives every page's parser


@dataclass(frozen=True)
class Wiring:
    """What one conversion works with."""

    settings: Settings
    site: SiteWidgets | None = None  # on Zensical, which says which page it converts
    error: str = ""  # the settings' mistake, which every widget shows instead of itself
    placeholders: dict[str, str] = field(default_factory=dict)  # what each `<<name>>` shows


@dataclass(frozen=True)
class _Facts:
    """What the configuration being built says of the site."""

    name: str = ""  # of the configuration file, for messages
    site_name: str = ""
    site_url: str = ""
    theme_language: str = ""
    root: Path | None = None  # the project folder, which messages name files from
    docs: Path | None = None  # known on Zensical only: the log page and links are checked


@dataclass(frozen=True)
class _Build:
    """The settings of one build, checked once for all its pages."""

    settings: Settings
    error: str = ""
    facts: _Facts = _Facts()
    log_page: str = ""
    pages: frozenset[str] = frozenset()
    placeholders: dict[str, str] = field(default_factory=dict)  # of the fields the site declares


# Builds seen in this process, by what stands for each: Zensical's configuration (made anew for
# every build; kept here so that its id is not reused), or a configuration file as it is now.
_builds: dict[tuple, tuple[Any, _Build]] = {}
_DEFAULTS: list[Settings] = []


def wire(options: dict[str, Any], md: Markdown, lines: list[str]) -> Wiring:
    """The settings for converting `lines` with `md`, and on Zensical the page's site."""
    context = _zensical_context(md)
    config = getattr(context, "config", None)
    if isinstance(config, dict):
        build = _checked(options, config, id(config), lambda: _zensical_facts(config))
    else:
        path = project.given()
        try:
            stamp = path.stat() if path is not None else None
        except OSError:
            path = stamp = None
        token = (str(path.resolve()), stamp.st_mtime_ns, stamp.st_size) if stamp else None
        build = _checked(options, token, token, lambda: _file_facts(path))
    page = getattr(context, "page", None)
    path = getattr(page, "path", None)
    docs = build.facts.docs
    if build.error or docs is None or not isinstance(path, str):
        return Wiring(build.settings, None, build.error)
    site = SiteWidgets(lambda uri: uri if uri in build.pages else None, build.log_page)
    source = docs / path
    site.start_page(path, _relative(source, build.facts.root), _front_matter_lines(source, lines))
    return Wiring(build.settings, site, placeholders=build.placeholders)


def _zensical_context(md: Markdown) -> Any:
    """What Zensical tells the parser of every page (its configuration, the page), if it is."""
    try:
        return md.preprocessors[ZENSICAL_CONTEXT]
    except KeyError:  # not Zensical
        return None


def _zensical_facts(config: dict[str, Any]) -> _Facts:
    root = Path(str(config.get("root_dir") or ".")).resolve()
    found = project.given() or project.find(root)
    theme = config.get("theme")
    return _Facts(found.name if found is not None else "zensical.toml",
                  str(config.get("site_name") or ""), str(config.get("site_url") or ""),
                  str(theme.get("language") or "") if isinstance(theme, dict) else "",
                  root, root / str(config.get("docs_dir") or "docs"))


def _file_facts(path: Path | None) -> _Facts:
    if path is None:
        return _Facts()
    found = project.read(path)
    return _Facts(found.name, found.site_name, found.site_url, found.theme_language,
                  path.resolve().parent)


def _checked(options: dict[str, Any], token: Any, key: Any, facts: Any) -> _Build:
    """The build's settings, checked the first time one of its pages is converted."""
    full_key = (key, json.dumps(options, sort_keys=True, default=str))
    cached = _builds.get(full_key)
    # Zensical's configuration is the same object for the pages of one build; a file's stamp
    # is equal while the file is unchanged.
    if cached is not None and (cached[0] is token or (isinstance(token, tuple) and
                               cached[0] == token)):
        return cached[1]
    try:
        build = _check(options, facts())
    except (SettingsError, project.ConfigFileError) as error:
        log.error(str(error))
        if not _DEFAULTS:
            _DEFAULTS.append(resolve({}, "defaults"))
        build = _Build(_DEFAULTS[0], str(error))
    if len(_builds) > 16:  # a long `zensical serve` session: keep the recent builds only
        _builds.clear()
    _builds[full_key] = (token, build)
    return build


def _check(options: dict[str, Any], facts: _Facts) -> _Build:
    where = f"{facts.name}: " if facts.name else ""
    where += f"markdown_extensions: {project.EXTENSION}"
    settings = resolve(options, where, site_name=facts.site_name, site_url=facts.site_url,
                       theme_language=facts.theme_language)
    report_missing_strings(settings, where)
    report_unnamed(settings, where)
    if facts.docs is None:
        return _Build(settings, facts=facts)
    log_page, _ = log_page_of(settings, facts.docs, where)
    pages = frozenset(p.relative_to(facts.docs).as_posix() for p in facts.docs.rglob("*.md"))
    return _Build(settings, "", facts, log_page, pages, _declared_fields(facts.docs))


def _declared_fields(docs: Path) -> dict[str, str]:
    """What `<<name>>` shows without a script, for every field a `/// fields` block of the site
    declares: a builder without plugins converts one page at a time, and a reference may be on a
    page converted before the tool's. Blocks in error are left to their own page's report."""
    headers = HeaderTracker(None, (Fields.NAME,))
    found: dict[str, str] = {}
    for path in sorted(docs.rglob("*.md")):
        try:
            headers.run(path.read_text(encoding="utf-8-sig").splitlines())
        except OSError:
            continue
        for header in headers.headers:
            try:
                fields = type_fields(header.options.get("fields"))
            except (WidgetProblem, WidgetProblems):
                continue
            for declared in fields:
                found.setdefault(declared.name, declared.placeholder)
    return found


def _relative(path: Path, root: Path | None) -> str:
    try:
        return path.resolve().relative_to(root).as_posix() if root else path.name
    except ValueError:
        return path.as_posix()


def _front_matter_lines(source: Path, lines: list[str]) -> int:
    """Zensical hands over a page without its front matter: count it, so lines match the file."""
    try:
        raw = source.read_text(encoding="utf-8-sig")
    except OSError:
        return 0
    return max(raw.count("\n") - (len(lines) - 1), 0)
