"""Debrief: checklists, self-rating worksheets, a progress page and a feedback log for MkDocs,
ProperDocs and Zensical sites, with answers kept in the reader's browser."""

from __future__ import annotations

from pathlib import Path

DISTRIBUTION = "mkdocs-debrief"  # "debrief" on the package index is another project


def package_version() -> str:
    """The installed version (what `debrief --version` prints); run from a checkout that was
    never installed, the version its pyproject.toml gives; else "unknown"."""
    # Imported here: every Markdown build imports this package, and only the CLI asks.
    import tomllib
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        pass
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"
    return project.get("version", "unknown") if project.get("name") == DISTRIBUTION else "unknown"
