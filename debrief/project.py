"""A project's configuration file as Debrief reads it: `mkdocs.yml` (MkDocs, ProperDocs and
Zensical read it) or `zensical.toml` (Zensical's own, its settings under `[project]`).

Only what Debrief needs: the site's name, address and language, where its pages are, how
Debrief is wired in, and what the site ships. It imports nothing else of Debrief, so the
extension and the CLI can both read a project without importing each other.
"""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

EXTENSION = "debrief.widgets"
PLUGIN = "debrief"
# Where Zensical looks when it is given no file, in its order; MkDocs reads the last two.
CONFIG_FILES = ("zensical.toml", "mkdocs.yml", "mkdocs.yaml")
BUILDERS = ("mkdocs", "properdocs", "zensical")


class ConfigFileError(ValueError):
    """A configuration file Debrief cannot read: the message names it and says what to do."""


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


@dataclass(frozen=True)
class ProjectConfig:
    """The settings of one configuration file, as both of its formats give them."""

    path: Path
    raw: dict[str, Any]  # for zensical.toml, its [project] table

    @property
    def name(self) -> str:
        """How messages name the file."""
        return self.path.name

    @property
    def site_name(self) -> str:
        return str(self.raw.get("site_name") or "")

    @property
    def site_url(self) -> str:
        return str(self.raw.get("site_url") or "")

    @property
    def theme_language(self) -> str:
        theme = self.raw.get("theme")
        return str(theme.get("language") or "") if isinstance(theme, dict) else ""

    @property
    def docs(self) -> Path:
        return (self.path.parent / str(self.raw.get("docs_dir") or "docs")).resolve()

    @property
    def directory_urls(self) -> bool:
        return self.raw.get("use_directory_urls", True) is not False

    @property
    def extensions(self) -> dict[str, Any]:
        return named_entries(self.raw.get("markdown_extensions"))

    @property
    def plugins(self) -> dict[str, Any]:
        return named_entries(self.raw.get("plugins"))

    @property
    def hooks(self) -> list[str]:
        return [str(h) for h in self.raw.get("hooks") or []]

    @property
    def is_toml(self) -> bool:
        return self.path.suffix.lower() == ".toml"


def read(path: Path) -> ProjectConfig:
    """The file at `path`; ConfigFileError with one line when it is no configuration."""
    try:
        if path.suffix.lower() == ".toml":
            with path.open("rb") as file:
                raw = tomllib.load(file)
            raw = raw.get("project", raw)
        else:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except tomllib.TOMLDecodeError as error:
        raise ConfigFileError(f"{path.name}: this is not valid TOML ({error}). Fix: correct "
                              "it; Zensical stops on it too.") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        what = getattr(error, "problem", None) or "it cannot be read"
        raise ConfigFileError(f"{path.name}: this is not valid YAML ({what}{at}). Fix: correct "
                              "it; the builder stops on it too.") from None
    config = ProjectConfig(path, raw if isinstance(raw, dict) else {})
    _check_extension_name(config)
    return config


def _check_extension_name(config: ProjectConfig) -> None:
    """TOML reads an unquoted `debrief.widgets` as a table `widgets` inside `debrief`, and
    Zensical then looks for an extension called `debrief`."""
    nested = config.extensions.get(PLUGIN)
    if config.is_toml and isinstance(nested, dict) and "widgets" in nested:
        raise ConfigFileError(
            f"{config.name}: markdown_extensions names debrief.widgets without quotes, so "
            "Zensical looks for an extension called `debrief`. Fix: quote the name: "
            f'`[project.markdown_extensions."{EXTENSION}"]`.')


def named_entries(entries: Any) -> dict[str, Any]:
    """`[a, {b: {...}}]` or `{a: {...}}`, as builders accept both, into name -> options."""
    if isinstance(entries, dict):
        return dict(entries)
    named: dict[str, Any] = {}
    for entry in entries or []:
        if isinstance(entry, dict):
            named.update(entry)
        else:
            named[str(entry)] = {}
    return named


def find(folder: Path = Path("."), names: tuple[str, ...] = CONFIG_FILES) -> Path | None:
    """The configuration file a builder run in `folder` without `-f` would read."""
    return next((folder / name for name in names if (folder / name).is_file()), None)


def given(argv: list[str] | None = None) -> Path | None:
    """The configuration file of the builder running now: the one passed with
    `-f`/`--config-file` to MkDocs, ProperDocs or Zensical, else the one that builder finds in
    the working folder (MkDocs reads no zensical.toml). A script that calls Python-Markdown
    itself gets the mkdocs.yml of the working folder, if there is one."""
    argv = sys.argv if argv is None else argv
    first = Path(argv[0]) if argv else Path()
    # `mkdocs build ...`, or `python -m mkdocs build ...` (argv[0] is .../mkdocs/__main__.py)
    builder = first.name if first.name in BUILDERS else first.parent.name
    if builder not in BUILDERS:
        return find(names=CONFIG_FILES[1:])
    for n, arg in enumerate(argv[1:-1], 1):
        if arg in ("-f", "--config-file"):
            return Path(argv[n + 1])
    for arg in argv[1:]:
        if arg.startswith("--config-file="):
            return Path(arg.split("=", 1)[1])
        if arg.startswith("-f") and not arg.startswith("--") and len(arg) > 2:
            return Path(arg[2:])
    if builder == "properdocs":
        return find(names=("properdocs.yml", *CONFIG_FILES[1:]))
    return find(names=CONFIG_FILES if builder == "zensical" else CONFIG_FILES[1:])
