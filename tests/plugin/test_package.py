"""The package as it is published. The sdist and the wheel, built from a copy of this checkout
as a release would build them, hold what they should and nothing else; their metadata passes
`twine check` and points nowhere false; and the wheel, installed alone into a fresh
environment, passes the plugin's tests on a coach's site and ships every script to it."""

from __future__ import annotations

import email.parser
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pytest

from debrief.assets import shipped_assets
from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]
TIMEOUT = 600  # seconds: a build or an install fetches from the package index
# What the sdist holds beside the package: its readme, licence, changelog and build settings,
# and what setuptools writes (PKG-INFO, setup.cfg, the egg-info folder).
SDIST_FILES = {"PACKAGE.md", "LICENSE", "CHANGELOG.md", "pyproject.toml", "MANIFEST.in",
               "PKG-INFO", "setup.cfg"}
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "localhost")


def run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, check=False)
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout}\n{result.stderr}"
    return result


def _not_in_a_clean_checkout(folder: str, names: list[str]) -> set[str]:
    """What a fresh clone would not have: tools' folders, caches and earlier builds."""
    return {name for name in names if name.startswith(".") or name in (
        "node_modules", "site", "__pycache__") or name.endswith(".egg-info")}


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(sdist, wheel), built with `python -m build` from a copy of the checkout, so two test
    workers never build in one folder and the checkout gets no build output."""
    tmp = tmp_path_factory.mktemp("package")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=_not_in_a_clean_checkout)
    run([sys.executable, "-m", "build", "--outdir", str(tmp / "dist"), str(source)], tmp)
    (sdist,) = (tmp / "dist").glob("*.tar.gz")
    (wheel,) = (tmp / "dist").glob("*.whl")
    return sdist, wheel


def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return {name for name in archive.namelist() if not name.endswith("/")}


def sdist_names(sdist: Path) -> set[str]:
    """Paths inside the sdist's top folder (`mkdocs_debrief-X.Y.Z/`)."""
    with tarfile.open(sdist) as archive:
        return {PurePosixPath(*PurePosixPath(member.name).parts[1:]).as_posix()
                for member in archive.getmembers() if member.isfile()}


def package_files() -> set[str]:
    """Every file of the package in this checkout, as a path from the checkout's root."""
    return {path.relative_to(ROOT).as_posix() for path in (ROOT / "debrief").rglob("*")
            if path.is_file() and "__pycache__" not in path.parts}


def metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(f"mkdocs_debrief-{VERSION}.dist-info/METADATA").decode()
    return email.parser.Parser().parsestr(text)


def test_the_wheel_holds_every_file_of_the_package(dists: tuple[Path, Path]) -> None:
    """The scripts live in folders that are not Python packages (store/, kinds/, page/, pages/):
    only pyproject.toml's package data puts them in the wheel."""
    names = wheel_names(dists[1])
    assert {n for n in names if n.startswith("debrief/")} == package_files()
    assert {f"debrief/assets/{name}" for name in shipped_assets()} <= names
    assert "debrief/assets/store/keeper.js" in names


def test_the_sdist_holds_the_package_its_readme_licence_and_changelog(
        dists: tuple[Path, Path]) -> None:
    names = {n for n in sdist_names(dists[0]) if not n.startswith("mkdocs_debrief.egg-info/")}
    assert names == package_files() | SDIST_FILES


def test_neither_archive_holds_a_test_file(dists: tuple[Path, Path]) -> None:
    sdist, wheel = dists
    for name in sdist_names(sdist) | wheel_names(wheel):
        path = PurePosixPath(name)
        assert "tests" not in path.parts and not path.name.startswith(("test_", "conftest")), name


def test_the_wheel_carries_the_code_licence_only(dists: tuple[Path, Path]) -> None:
    """LICENSE-content covers the handbook's text, which the package does not contain."""
    names = wheel_names(dists[1])
    assert {n for n in names if "/licenses/" in n} == {
        f"mkdocs_debrief-{VERSION}.dist-info/licenses/LICENSE"}
    assert not [n for n in names if "LICENSE-content" in n]
    assert metadata(dists[1]).get_all("License-File") == ["LICENSE"]


def test_twine_check_passes_on_both(dists: tuple[Path, Path]) -> None:
    result = run([sys.executable, "-m", "twine", "check", "--strict", *map(str, dists)], ROOT)
    assert result.stdout.count("PASSED") == 2, result.stdout


def test_the_metadata_points_nowhere_false(dists: tuple[Path, Path]) -> None:
    meta = metadata(dists[1])
    urls = [entry.split(",", 1)[-1].strip() for entry in meta.get_all("Project-URL") or []]
    urls += meta.get_all("Home-page") or []
    for url in urls:
        host = urlsplit(url).hostname or ""
        assert not host.endswith(PLACEHOLDER_HOSTS), url
    # Its description on the index is the package's readme, not the handbook's.
    assert meta.get_payload().strip() == (ROOT / "PACKAGE.md").read_text(encoding="utf-8").strip()
    assert meta["Description-Content-Type"] == "text/markdown"


def test_material_is_installed_only_for_the_handbook(dists: tuple[Path, Path]) -> None:
    """The plugin imports nothing from Material: sites on other themes do not install it."""
    required = [r for r in metadata(dists[1]).get_all("Requires-Dist") or []
                if r.lower().startswith("mkdocs-material")]
    assert required and all('extra == "handbook"' in r for r in required), required
    imports = [str(path.relative_to(ROOT)) for path in (ROOT / "debrief").rglob("*.py")
               if "import material" in (text := path.read_text()) or "from material" in text]
    assert imports == []


def test_the_wheel_alone_passes_the_plugin_tests(dists: tuple[Path, Path],
                                                  tmp_path: Path) -> None:
    """A fresh environment with the wheel, the fixture site's theme and pytest, and nothing of
    this checkout: the plugin site tests pass there."""
    env = tmp_path / "env"
    # This environment's pip installs into the new one (`--python`), which then needs none of
    # its own; nothing is byte-compiled. Both save most of the time on a busy machine.
    run([sys.executable, "-m", "venv", "--without-pip", str(env)], tmp_path)
    python = str(env / "bin" / "python")
    extras = PYPROJECT["project"]["optional-dependencies"]
    pytest_range = next(r for r in extras["test"] if r.startswith("pytest>"))
    run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-compile",
         str(dists[1]), *extras["handbook"], pytest_range], tmp_path,
        PIP_DISABLE_PIP_VERSION_CHECK="1")

    # Only the tests and the fixture site come along, so `debrief` can only be the wheel's.
    checkout = tmp_path / "checkout"
    for part in ("__init__.py", "conftest.py", "plugin/__init__.py",
                 "plugin/test_plugin_site.py", "fixtures/plugin-site"):
        (checkout / "tests" / part).parent.mkdir(parents=True, exist_ok=True)
        copy = shutil.copytree if (ROOT / "tests" / part).is_dir() else shutil.copy
        copy(ROOT / "tests" / part, checkout / "tests" / part)
    where = run([python, "-c", "import debrief; print(debrief.__file__)"], checkout).stdout
    assert Path(where.strip()).is_relative_to(env), where
    assert run([str(env / "bin" / "debrief"), "--version"], checkout).stdout.strip() == \
        f"debrief {VERSION}"
    # Among them: the site gets every asset the installed package has, which the tests above
    # hold to every file of this checkout.
    tests = run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                 "tests/plugin/test_plugin_site.py"], checkout)
    assert " passed" in tests.stdout and "failed" not in tests.stdout, tests.stdout
