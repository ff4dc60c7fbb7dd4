"""Shared fixtures: the real site built once per test run."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def mkdocs_build(config_dir: Path, site_dir: Path,
                 strict: bool = True) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` (or without `--strict`) as an author would, capturing what
    they would see."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []),
         "-d", str(site_dir)],
        cwd=config_dir, env=env, capture_output=True, text=True, timeout=300, check=False,
    )


HOOK = f"hooks:\n  - {ROOT / 'hooks' / 'debrief.py'}\n"  # wires Debrief in as the handbook does


def write_site(project: Path, pages: dict[str, str], config: str, language: str = "en",
               theme: str = "material") -> None:
    """Write a small site into `project`: `pages` under docs/ by file name, and a mkdocs.yml with
    `theme` in `language`, followed by `config` (how Debrief is wired in). Nothing is fetched
    from another origin: Material goes without its web fonts, MkDocs' own themes (`mkdocs`,
    `readthedocs`, which take the language as their `locale`) without highlight.js from a CDN."""
    (project / "docs").mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (project / "docs" / name).write_text(text)
    own = (f"  font: false\n  language: {language}\n" if theme == "material"
           else f"  locale: {language}\n  highlightjs: false\n")
    (project / "mkdocs.yml").write_text(
        f"site_name: Fixture\ntheme:\n  name: {theme}\n{own}" + config)


# Markers by folder, so `-m "not browser"` is the fast loop (`make check`).
BROWSER_FOLDERS = ("browser", "builders")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        folder = Path(str(item.fspath)).parent.name
        if folder in BROWSER_FOLDERS:
            item.add_marker(pytest.mark.browser)
        if "axe" in item.name or "accessibility" in item.nodeid:
            item.add_marker(pytest.mark.a11y)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium for the whole run: Playwright's sync API allows one driver per process."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site
