"""`debrief check` and `debrief assets DIR`: the plugin's whole-site work for builders that run
no MkDocs plugins or hooks, such as Zensical.

`check` converts every page of a `mkdocs.yml` project with the site's Markdown extensions and
reports every bad block, every id used twice and every widget page whose script and styles no
builder ships, as `file:line: what. Fix: how.`; it exits 1 when it found any. `assets DIR`
checks the same, then writes the minified script, styles and the manifest into DIR (inside
docs/, so the builder copies them into the site).
"""

from __future__ import annotations

import argparse
import json
import logging
import posixpath
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
import yaml

from . import package_version
from .collect import MANIFEST_NAME, PageInfo, SiteWidgets, log_page_of, site_assets
from .project import EXTENSION, PLUGIN, ConfigFileError, ProjectConfig, find, read
from .settings import (
    Settings,
    SettingsError,
    report_missing_strings,
    report_unnamed,
    resolve,
    written_options,
)

_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n(?:---|\.\.\.)\s*\n", re.S)
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


@dataclass
class Project:
    """A `mkdocs.yml` or `zensical.toml` project as the command sees it."""

    config: ProjectConfig
    settings: Settings
    where: str
    uses_plugin: bool  # the debrief plugin or hook ships the assets at build time

    @property
    def config_file(self) -> Path:
        return self.config.path

    @property
    def raw(self) -> dict[str, Any]:
        return self.config.raw

    @property
    def docs(self) -> Path:
        return self.config.docs

    @property
    def directory_urls(self) -> bool:
        return self.config.directory_urls


def load_project(config_file: Path) -> Project:
    config = read(config_file)
    plugins = config.plugins
    uses_plugin = PLUGIN in plugins or any(PLUGIN in Path(h).stem for h in config.hooks)
    options, where = written_options(
        config.name, (plugins[PLUGIN] or {}) if PLUGIN in plugins else None,
        config.extensions.get(EXTENSION) or {} if EXTENSION in config.extensions else None)
    settings = resolve(options, where, site_name=config.site_name, site_url=config.site_url,
                       theme_language=config.theme_language)
    return Project(config, settings, where, uses_plugin)


# Walking the pages


@dataclass
class Walk:
    """What one pass over every page found."""

    site: SiteWidgets
    pages: dict[str, PageInfo]
    order: dict[str, int]
    problems: list[str]
    warnings: list[str]  # what MkDocs would only stop on with --strict (English shown)


def walk(project: Project) -> Walk:
    problems = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(problems)
    try:
        log_page, left_out = log_page_of(project.settings, project.docs, project.where)
        sources = sorted(p.relative_to(project.docs).as_posix()
                         for p in project.docs.rglob("*.md"))
        sources = [uri for uri in sources if uri not in left_out]
        nav = _nav_entries(project.raw.get("nav"))
        order = {uri: n for n, (uri, _, _) in enumerate(nav)}
        urls = {uri: _page_url(uri, project.directory_urls) for uri in sources}
        site = SiteWidgets(urls.get, log_page)
        pages = _convert_pages(project, site, sources, nav, urls, order)
    finally:
        logger.removeHandler(problems)
    problems.messages.extend([*site.duplicate_ids(), *site.field_problems()])
    return Walk(site, pages, order, problems.messages, problems.warnings)


def _convert_pages(project: Project, site: SiteWidgets, sources: list[str],
                   nav: list[tuple[str, str, str]], urls: dict[str, str],
                   order: dict[str, int]) -> dict[str, PageInfo]:
    md = _markdown(project, site)
    report_missing_strings(project.settings, project.where)
    report_unnamed(project.settings, project.where)
    pages = {}
    for uri in sorted(sources, key=lambda u: (order.get(u, 1 << 30), u)):
        path = project.docs / uri
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        front = _FRONT_MATTER.match(text)
        body = text[front.end():] if front else text
        site.start_page(uri, _relative(path, project.config_file.parent),
                        text[:front.end()].count("\n") if front else 0)
        md.reset()
        md.convert(body)
        nav_title, section = next(((t, s) for u, t, s in nav if u == uri), ("", ""))
        title = nav_title or _title(text, body, uri)
        pages[uri] = PageInfo(uri, urls[uri], title, section)
    return pages


class _Collector(logging.Handler):
    """Gathers what the extension logs, as MkDocs would count it: errors, and warnings."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.warnings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        found = self.messages if record.levelno >= logging.ERROR else self.warnings
        found.append(record.getMessage())


def _markdown(project: Project, site: SiteWidgets) -> markdown.Markdown:
    """The site's own Markdown extensions, so pages parse as the builder parses them."""
    entries = project.config.extensions
    entries.pop(EXTENSION, None)
    loaded = []
    for name, options in entries.items():
        try:
            markdown.Markdown(extensions=[name], extension_configs={name: options or {}})
        except Exception:  # an extension this Python cannot load: its syntax stays as text
            continue
        loaded.append((name, options or {}))
    return markdown.Markdown(
        extensions=[name for name, _ in loaded] + [EXTENSION],
        extension_configs={**dict(loaded),
                           EXTENSION: {"settings": project.settings, "site": site}})


def _nav_entries(nav: Any, section: str = "") -> list[tuple[str, str, str]]:
    """(docs path, nav title, section title) for every page in the nav, in order."""
    found: list[tuple[str, str, str]] = []
    for entry in nav if isinstance(nav, list) else []:
        if isinstance(entry, str):
            found.append((entry, "", section))
        elif isinstance(entry, dict):
            for title, value in entry.items():
                if isinstance(value, str):
                    found.append((value, str(title), section))
                else:
                    found.extend(_nav_entries(value, str(title)))
    return found


def _page_url(uri: str, directory_urls: bool) -> str:
    stem = uri[:-3]
    if not directory_urls:
        return f"{stem}.html"
    if posixpath.basename(stem) in ("index", "README"):
        parent = posixpath.dirname(stem)
        return f"{parent}/" if parent else ""
    return f"{stem}/"


def _title(text: str, body: str, uri: str) -> str:
    front = _FRONT_MATTER.match(text)
    if front:
        meta = yaml.safe_load(front.group(0).strip().strip("-")) or {}
        if isinstance(meta, dict) and meta.get("title"):
            return str(meta["title"])
    heading = _HEADING.search(body)
    if heading:
        return heading.group(1)
    return posixpath.basename(uri[:-3]).replace("-", " ").capitalize()


def _relative(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# Wiring and shipping on a builder without plugins


def wiring_problems(project: Project, walk_result: Walk) -> list[str]:
    """Zensical runs no plugins: without the extension listed, it leaves every block as text,
    and reports success."""
    if EXTENSION in project.config.extensions or not walk_result.site.placed:
        return []
    first = walk_result.site.placed[0]
    name = project.config.name
    if project.config.is_toml:
        fix = f'add `[project.markdown_extensions."{EXTENSION}"]` to {name}'
    else:
        fix = f"add `- {EXTENSION}` under markdown_extensions in {name}"
    if project.uses_plugin:
        why = (f"{name} wires Debrief in as an MkDocs plugin or hook but does not list the "
               f"`{EXTENSION}` extension, and Zensical runs no plugins or hooks")
        fix += (", with the plugin's settings moved under it (MkDocs and ProperDocs keep using "
                "the plugin), then ship the script and styles with `debrief assets`")
    else:
        why = f"{name} does not list the `{EXTENSION}` extension"
    return [f"{first.source_path}:{first.widget.line}: {first.widget.kind} '{first.widget.id}': "
            f"{why}, so Zensical leaves every Debrief block as text. Fix: {fix}."]


def shipping_problems(project: Project, walk_result: Walk, assets_dir: Path | None) -> list[str]:
    """Widget pages whose script and styles nothing ships: no plugin, and not listed."""
    if project.uses_plugin or not walk_result.site.placed:
        return []
    where = _relative(project.config_file, project.config_file.parent)
    css = [str(x) for x in project.raw.get("extra_css") or []]
    # The script is an ES module: listed as a plain path, the browser would refuse it.
    js = [str(x.get("path", "")) if isinstance(x, dict) and x.get("type") == "module" else ""
          for x in project.raw.get("extra_javascript") or []]
    listed_css = next((c for c in css if c.endswith("debrief.css")), None)
    listed_js = next((j for j in js if j.endswith("debrief.js")), None)
    first = walk_result.site.placed[0]
    folder = (assets_dir.resolve().relative_to(project.docs).as_posix() if assets_dir
              else posixpath.dirname(listed_js or listed_css or "") or "assets/debrief")
    script = (f'`{{ path = "{folder}/debrief.js", type = "module" }}`' if project.config.is_toml
              else f"`- path: {folder}/debrief.js` with `type: module`")
    fix = (f"run `debrief assets {_relative(project.docs / folder, project.config_file.parent)}` "
           f"and list `{folder}/debrief.css` under extra_css and `{folder}/debrief.js` under "
           f"extra_javascript as {script} in {where} "
           "(or use the `debrief` plugin on MkDocs or ProperDocs)")
    if listed_css is None or listed_js is None:
        return [f"{first.source_path}:{first.widget.line}: {first.widget.kind} "
                f"'{first.widget.id}': this site has widgets but ships no Debrief script or "
                f"styles, so readers get static lists. Fix: {fix}."]
    if assets_dir is None:
        for name in ("debrief.js", "debrief.css", MANIFEST_NAME):
            if not (project.docs / folder / name).is_file():
                return [f"{where}: {folder}/{name} is listed or needed but missing from "
                        f"docs/. Fix: {fix}."]
    return []


def offline_warnings(project: Project) -> list[str]:
    """A site meant to be read from files (`offline: true`, or Material's offline plugin listed)
    that no plugin builds: the command ships the modules, which browsers refuse from file://,
    and no page carries the manifest; only the plugin makes the classic build."""
    offline = project.settings.offline
    if offline is None:
        offline = any(name.rsplit("/", 1)[-1] == "offline"
                      for name in project.config.plugins)
    if project.uses_plugin or not offline:
        return []
    return [f"{project.where}: the site is to be read from files (offline), but `debrief "
            "assets` ships the scripts as ES modules, which browsers do not run from file://, "
            "so its widgets would save nothing there. Fix: build it with MkDocs or ProperDocs "
            "and the `debrief` plugin, which makes the classic script, or serve the site over "
            "HTTP and set `offline: false`."]


def write_assets(project: Project, walk_result: Walk, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in site_assets().items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(content, encoding="utf-8")
        written.append(folder / name)
    manifest = walk_result.site.manifest(walk_result.pages.__getitem__,
                                         lambda uri: walk_result.order.get(uri, 1 << 30))
    (folder / MANIFEST_NAME).write_text(
        json.dumps(manifest, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    written.append(folder / MANIFEST_NAME)
    return written


# The command


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="debrief", description="Check Debrief widgets and ship their assets for builders "
        "that run no MkDocs plugins (such as Zensical).")
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    parser.add_argument("-f", "--config-file", type=Path, default=None,
                        help="the project's configuration (default: zensical.toml or mkdocs.yml "
                        "in this folder, as Zensical picks them)")
    # As `mkdocs build --strict`: a warning (a language shown in English) stops it too.
    strict = argparse.ArgumentParser(add_help=False)
    strict.add_argument("--strict", action="store_true",
                        help="count warnings as problems, as `mkdocs build --strict` does")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", parents=[strict],
                        help="report every bad block and id used twice; exit 1 if any")
    assets = commands.add_parser("assets", parents=[strict], help="check, then write the "
                                 "script, styles and manifest into DIR (a folder inside docs/)")
    assets.add_argument("dir", type=Path)
    args = parser.parse_args(argv)

    config_file = args.config_file or find()
    try:
        if config_file is None:
            raise FileNotFoundError(None, None, "mkdocs.yml")
        project = load_project(config_file)
        result = walk(project)
    except FileNotFoundError as error:
        print(f"debrief: {error.filename}: no such file. Fix: run it in the project's folder, "
              "where zensical.toml or mkdocs.yml is, or pass -f path/to/mkdocs.yml.",
              file=sys.stderr)
        return 2
    except (SettingsError, ConfigFileError) as error:
        print(f"debrief: {error}", file=sys.stderr)
        return 2
    target = args.dir if args.command == "assets" else None
    if target is not None and not _inside(target, project.docs):
        print(f"debrief: {target} is outside {project.docs}. Fix: write the assets into a folder "
              "under docs/, such as docs/assets/debrief, so the builder copies them.",
              file=sys.stderr)
        return 2
    # A site the plugin or hook wires may be built by MkDocs only: for it, a warning, unless
    # it is surely built by Zensical (`debrief assets` is the Zensical step; zensical.toml).
    surely_zensical = target is not None or project.config.is_toml or not project.uses_plugin
    wiring = wiring_problems(project, result)
    problems = [*result.problems, *(wiring if surely_zensical else []),
                *shipping_problems(project, result, target)]
    if not surely_zensical:
        result.warnings.extend(wiring)
    result.warnings += offline_warnings(project)
    if args.strict:
        problems += result.warnings
    else:
        for warning in result.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"debrief: {len(problems)} problem{'s' if len(problems) != 1 else ''} found.",
              file=sys.stderr)
        return 1
    if target is not None:
        for path in write_assets(project, result, target):
            print(f"wrote {_relative(path, Path.cwd())}")
    else:
        widgets = len(result.site.placed)
        print(f"debrief: {len(result.pages)} pages and {widgets} widgets checked, no problems.")
    return 0


def _inside(folder: Path, docs: Path) -> bool:
    try:
        folder.resolve().relative_to(docs)
    except ValueError:
        return False
    return True
