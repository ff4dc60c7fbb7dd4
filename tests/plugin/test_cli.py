"""`debrief check` and `debrief assets`: the plugin's guarantees for builders without hooks.
Every bad block that stops `mkdocs build --strict` stops `debrief check` with the same message."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import debrief
from debrief.cli import main
from tests.build.test_bad_input import CASES, make_site
from tests.conftest import ROOT

ZENSICAL_STYLE = (
    "site_name: Fixture\nsite_url: https://example.org/guide/\n"
    "theme:\n  name: material\n"
    "extra_css:\n  - assets/debrief/debrief.css\n"
    "extra_javascript:\n  - path: assets/debrief/debrief.js\n    type: module\n"
    "markdown_extensions:\n  - attr_list\n  - debrief.widgets:\n      scale: [Low, Mid, High]\n"
)


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root / "mkdocs.yml"


@pytest.mark.parametrize("case", CASES)
def test_check_stops_on_every_bad_block_the_strict_build_stops_on(
        case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    index, others, where, text = CASES[case]
    make_site(tmp_path, index, others)
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines()
              if ": " in line and "Fix: " in line]
    assert len(errors) == 1, errors
    location = f"docs/index.md:{where}" if isinstance(where, int) else where
    assert errors[0].startswith(f"{location}: ") and text in errors[0], errors


def test_check_passes_the_handbook(capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["check"]) == 0, capsys.readouterr().err
    assert "no problems" in capsys.readouterr().out


def test_a_hookless_site_is_told_to_ship_the_assets(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    config = write(tmp_path, {
        "mkdocs.yml": "site_name: Fixture\nmarkdown_extensions:\n  - debrief.widgets\n",
        "docs/index.md": "# Home\n\n/// checklist | A\n    id: a\n\n- [ ] One {#one}\n///\n",
    })
    assert main(["-f", str(config), "check"]) == 1
    error = capsys.readouterr().err
    assert "docs/index.md:3: checklist 'a': this site has widgets but ships no Debrief script" \
        in error
    assert "Fix: run `debrief assets docs/assets/debrief` and list" in error


def test_a_script_listed_as_a_classic_script_is_told_it_is_a_module(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write(tmp_path, {
        "mkdocs.yml": ZENSICAL_STYLE.replace(
            "  - path: assets/debrief/debrief.js\n    type: module\n",
            "  - assets/debrief/debrief.js\n"),
        "docs/index.md": "# Home\n\n/// checklist | A\n    id: a\n\n- [ ] One {#one}\n///\n",
    })
    assert main(["-f", str(config), "check"]) == 1
    assert "as `- path: assets/debrief/debrief.js` with `type: module`" in capsys.readouterr().err


def test_assets_writes_what_a_builder_without_hooks_ships(tmp_path: Path) -> None:
    config = write(tmp_path, {
        "mkdocs.yml": ZENSICAL_STYLE,
        "docs/index.md": "# Home\n\n/// checklist | A\n    id: a\n\n- [ ] One {#one}\n///\n",
        "docs/rate.md": "---\ntitle: Rating\n---\n\n/// worksheet | W\n    id: w\n"
                        "    criteria:\n      - label: Clarity\n        guide: index.md\n///\n",
    })
    folder = tmp_path / "docs" / "assets" / "debrief"
    assert main(["-f", str(config), "check"]) == 1  # listed, but not written yet
    assert main(["-f", str(config), "assets", str(folder)]) == 0
    assert {p.name for p in folder.iterdir()} >= {"debrief.js", "debrief.css", "manifest.json"}
    manifest = json.loads((folder / "manifest.json").read_text())
    rating = manifest["widgets"][1]
    assert rating["scale"] == ["Low", "Mid", "High"]
    # No nav, so no section: the page's title alone names it.
    assert rating["page"] == {"url": "rate/", "title": "Rating", "section": ""}
    assert rating["items"][0]["guide"] == ""
    assert main(["-f", str(config), "check"]) == 0


def test_assets_refuses_a_folder_outside_docs(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    config = write(tmp_path, {"mkdocs.yml": ZENSICAL_STYLE, "docs/index.md": "# Home\n"})
    assert main(["-f", str(config), "assets", str(tmp_path / "elsewhere")]) == 2
    assert "Fix: write the assets into a folder under docs/" in capsys.readouterr().err


def test_python_dash_m_runs_the_same_command(tmp_path: Path) -> None:
    config = write(tmp_path, {"mkdocs.yml": "site_name: X\nmarkdown_extensions:\n"
                              "  - debrief.widgets:\n      colour: red\n",
                              "docs/index.md": "# Home\n"})
    result = subprocess.run([sys.executable, "-m", "debrief", "-f", str(config), "check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "markdown_extensions: debrief.widgets: unknown option 'colour'" in result.stderr


def pyproject_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"]


def test_version_prints_the_installed_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"debrief {pyproject_version()}"


def test_version_in_a_checkout_never_installed_is_its_pyprojects(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def not_installed(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    assert debrief.package_version() == pyproject_version()
    # Copied somewhere without its pyproject.toml, it says it does not know.
    monkeypatch.setattr(debrief, "__file__", str(tmp_path / "debrief" / "__init__.py"))
    assert debrief.package_version() == "unknown"


@pytest.mark.parametrize("wiring", [
    ("      offline: true\n", ""),
    ("", "plugins:\n  - offline\n"),
], ids=["offline: true", "Material's offline plugin"])
def test_a_site_to_read_from_files_is_told_the_command_cannot_build_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], wiring: tuple[str, str]) -> None:
    """Only the plugin makes the classic script that runs from file://: without it, a warning
    (an error with --strict), never a site whose widgets silently save nothing."""
    option, plugins = wiring
    config = write(tmp_path, {"mkdocs.yml": ZENSICAL_STYLE + option + plugins,
                              "docs/index.md": "# Home\n"})
    folder = tmp_path / "docs" / "assets" / "debrief"
    assert main(["-f", str(config), "assets", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "warning: mkdocs.yml: markdown_extensions: debrief.widgets: the site is to be read " \
           "from files (offline)" in err and "Fix: build it with MkDocs or ProperDocs" in err
    assert main(["-f", str(config), "check", "--strict"]) == 1
