"""The handbook built by each builder Debrief supports, and the plugin fixture site, each served
on loopback for one browser journey."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import SiteHandler, serve_folder
from tests.conftest import ROOT, mkdocs_build

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout}\n{result.stderr}"


def copy_handbook(target: Path) -> Path:
    """The handbook's sources in a folder of their own: Zensical builds into `site/` and keeps
    a cache beside mkdocs.yml, and neither belongs in the checkout."""
    target.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", target)
    for folder in ("docs", "hooks", "overrides"):
        shutil.copytree(ROOT / folder, target / folder,
                        ignore=shutil.ignore_patterns("assets", "__pycache__"))
    return target


def build_with(builder: str, tmp: Path) -> Path:
    if builder == "mkdocs":
        site = tmp / "site"
        result = mkdocs_build(ROOT, site)
        assert result.returncode == 0, result.stdout + result.stderr
        return site
    if builder == "properdocs":
        run([str(BIN / "properdocs"), "build", "--strict", "-d", str(tmp / "site")], ROOT)
        return tmp / "site"
    if builder == "zensical":
        project = copy_handbook(tmp / "project")
        run([sys.executable, "-m", "debrief", "assets", "--strict", "docs/assets/debrief"],
            project)
        run([str(BIN / "zensical"), "build", "--strict"], project)
        return project / "site"
    if builder == "plugin-site":
        site = tmp / "site"
        result = mkdocs_build(ROOT / "tests" / "fixtures" / "plugin-site", site)
        assert result.returncode == 0, result.stdout + result.stderr
        return site
    raise ValueError(builder)


@pytest.fixture(scope="module", params=["mkdocs", "properdocs", "zensical", "plugin-site"])
def built(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, str]]:
    """(builder, built site folder, URL it is served at)."""
    site = build_with(request.param, tmp_path_factory.mktemp(request.param))
    with serve_folder(site, SiteHandler) as url:
        yield request.param, site, url
