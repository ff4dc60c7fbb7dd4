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
import os
import posixpath
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import markdown
import yaml

from . import package_version
from .collect import MANIFEST_NAME, PageInfo, SiteWidgets, log_page_of, site_assets
from .settings import Settings, SettingsError, report_missing_strings, report_unnamed, resolve

EXTENSION = "debrief.widgets"
_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n(?:---|\.\.\.)\s*\n", re.S)
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without the packages its tags name (`!!python/name:`, `!ENV`)."""


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if suffix == "!ENV":
        names = loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else \
            loader.construct_sequence(node)
        names = [names] if isinstance(names, str) else names
        return next((os.environ[n] for n in names[:-1] if n in os.environ),
                    names[-1] if len(names) > 1 else os.environ.get(names[0]))
    return None


_TolerantLoader.add_multi_constructor("", _unknown_tag)


@dataclass
class Project:
    """A `mkdocs.yml` project as the command sees it."""

    config_file: Path
    raw: dict[str, Any]
    settings: Settings
    where: str
    uses_plugin: bool  # the debrief plugin or hook ships the assets at build time
    docs: Path = field(init=False)

    def __post_init__(self) -> None:
        self.docs = (self.config_file.parent / self.raw.get("docs_dir", "docs")).resolve()

    @property
    def directory_urls(self) -> bool:
        return self.raw.get("use_directory_urls", True) is not False


def read_config(config_file: Path) -> dict[str, Any]:
    raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    return raw if isinstance(raw, dict) else {}


def site_context(config_file: Path = Path("mkdocs.yml")) -> dict[str, str]:
    """The site name, address and theme language `resolve` derives defaults from."""
    try:
        stamp = config_file.stat()
    except OSError:
        return {}
    # A host without plugins makes the extension once per page: read each file once, not per page.
    return dict(_site_context(config_file.absolute(), stamp.st_mtime_ns, stamp.st_size))


@lru_cache(maxsize=8)
def _site_context(config_file: Path, mtime_ns: int, size: int) -> dict[str, str]:
    """`site_context` of the file as it was at `mtime_ns` with `size` bytes."""
    try:
        raw = read_config(config_file)
    except (OSError, yaml.YAMLError):
        return {}
    theme = raw.get("theme")
    return {"site_name": str(raw.get("site_name") or ""),
            "site_url": str(raw.get("site_url") or ""),
            "theme_language": str(theme.get("language") or "") if isinstance(theme, dict)
            else ""}


def load_project(config_file: Path) -> Project:
    raw = read_config(config_file)
    extensions = _named_entries(raw.get("markdown_extensions"))
    plugins = _named_entries(raw.get("plugins"))
    options = dict(extensions.get(EXTENSION) or {})
    where = f"{config_file.name}: markdown_extensions: {EXTENSION}"
    if "debrief" in plugins:
        options.update(plugins["debrief"] or {})
        where = f"{config_file.name}: plugins: debrief"
    hooks = [str(h) for h in raw.get("hooks") or []]
    settings = resolve(options, where, **site_context(config_file))
    uses_plugin = "debrief" in plugins or any("debrief" in Path(h).stem for h in hooks)
    return Project(config_file, raw, settings, where, uses_plugin)


def _named_entries(entries: Any) -> dict[str, Any]:
    """`[a, {b: {...}}]` or `{a: {...}}`, as MkDocs accepts both, into name -> options."""
    if isinstance(entries, dict):
        return dict(entries)
    named: dict[str, Any] = {}
    for entry in entries or []:
        if isinstance(entry, dict):
            named.update(entry)
        else:
            named[str(entry)] = {}
    return named


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
    log_page, left_out = log_page_of(project.settings, project.docs, project.where)
    sources = sorted(p.relative_to(project.docs).as_posix() for p in project.docs.rglob("*.md"))
    sources = [uri for uri in sources if uri not in left_out]
    nav = _nav_entries(project.raw.get("nav"))
    order = {uri: n for n, (uri, _, _) in enumerate(nav)}
    urls = {uri: _page_url(uri, project.directory_urls) for uri in sources}
    site = SiteWidgets(urls.get, log_page)
    problems = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(problems)
    try:
        pages = _convert_pages(project, site, sources, nav, urls, order)
    finally:
        logger.removeHandler(problems)
    problems.messages.extend(site.duplicate_ids())
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
    entries = _named_entries(project.raw.get("markdown_extensions"))
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


# Shipping the assets on a builder without plugins


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
    fix = (f"run `debrief assets {_relative(project.docs / folder, project.config_file.parent)}` "
           f"and list `{folder}/debrief.css` under extra_css and `{folder}/debrief.js` under "
           f"extra_javascript as `- path: {folder}/debrief.js` with `type: module` in {where} "
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
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the project's configuration (default: mkdocs.yml)")
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

    try:
        project = load_project(args.config_file)
        result = walk(project)
    except FileNotFoundError as error:
        print(f"debrief: {error.filename}: no such file. Fix: run it where mkdocs.yml is, or "
              "pass -f path/to/mkdocs.yml.", file=sys.stderr)
        return 2
    except (SettingsError, yaml.YAMLError) as error:
        print(f"debrief: {error}", file=sys.stderr)
        return 2
    target = args.dir if args.command == "assets" else None
    if target is not None and not _inside(target, project.docs):
        print(f"debrief: {target} is outside {project.docs}. Fix: write the assets into a folder "
              "under docs/, such as docs/assets/debrief, so the builder copies them.",
              file=sys.stderr)
        return 2
    problems = result.problems + shipping_problems(project, result, target)
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
