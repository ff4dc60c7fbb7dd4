"""A language Debrief has no strings for builds in English with one warning that names the
setting and the fix, on every way Debrief is wired in; `--strict` stops on that warning."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from debrief.cli import main
from debrief.strings import table
from tests.conftest import HOOK, mkdocs_build, write_site

PAGES = {
    "index.md": "# Home\n\n/// checklist | Start\n    id: start\n\n- [ ] One {#one}\n///\n",
    "other.md": "# Other\n\n/// checklist | More\n    id: more\n\n- [ ] Two {#two}\n///\n",
}
SITE_URL = "site_url: https://sv.example.org/\n"
# How each wiring is written in mkdocs.yml; Swedish (`sv`) has no table of its own.
WIRINGS = {
    "plugin": ("mkdocs.yml: plugins: debrief", "plugins:\n  - debrief:\n      language: sv\n"),
    "hook": ("mkdocs.yml: markdown_extensions: debrief.widgets",
             HOOK + "markdown_extensions:\n  - attr_list\n  - debrief.widgets:\n"
             "      language: sv\n"),
    # No plugin and no hook: the extension checks its own options (the scripts are left out,
    # which only `debrief check` reports).
    "extension": ("markdown_extensions: debrief.widgets",
                  "markdown_extensions:\n  - attr_list\n  - debrief.widgets:\n"
                  "      language: sv\n"),
}
NO_STRINGS = "Debrief has no strings for language 'sv'"


def warnings_in(output: str) -> list[str]:
    return [line for line in output.splitlines() if NO_STRINGS in line]


@pytest.mark.parametrize("wiring", WIRINGS)
def test_a_language_without_strings_builds_in_english_with_one_warning(
        tmp_path: Path, wiring: str) -> None:
    where, config = WIRINGS[wiring]
    write_site(tmp_path, PAGES, SITE_URL + config)
    result = mkdocs_build(tmp_path, tmp_path / "out", strict=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # One warning for the site, however many pages make the extension afresh.
    assert len(warnings_in(output)) == 1, output
    warning = warnings_in(output)[0]
    assert f"{where}: {NO_STRINGS}, so its widgets are in English. " \
           "Fix: set `language:` to one of " in warning, warning
    assert "Traceback" not in output
    page = (tmp_path / "out" / "index.html").read_text()
    # English words, and the section says they are English.
    assert f">{table('en')['reset']}<" in page
    assert re.search(r'<section [^>]*class="debrief[^"]*"[^>]* lang="en"', page), page[:2000]


@pytest.mark.parametrize("wiring", WIRINGS)
def test_a_strict_build_stops_on_a_language_without_strings(tmp_path: Path,
                                                            wiring: str) -> None:
    where, config = WIRINGS[wiring]
    write_site(tmp_path, PAGES, SITE_URL + config)
    result = mkdocs_build(tmp_path, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert f"{where}: {NO_STRINGS}" in output and "Fix: " in output, output
    assert "Traceback" not in output


def test_the_theme_language_is_named_when_it_is_where_the_language_came_from(
        tmp_path: Path) -> None:
    write_site(tmp_path, PAGES, SITE_URL + "plugins:\n  - debrief\n", language="sv")
    result = mkdocs_build(tmp_path, tmp_path / "out", strict=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{NO_STRINGS} (from theme.language)" in result.stderr, result.stderr


ZENSICAL_SITE = (
    "extra_css:\n  - assets/debrief/debrief.css\n"
    "extra_javascript:\n  - path: assets/debrief/debrief.js\n    type: module\n"
    "markdown_extensions:\n  - attr_list\n  - debrief.widgets\n")


def test_the_cli_warns_and_ships_unless_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """`debrief assets`, the step before a Zensical build, ships the scripts with English text
    and a warning; `--strict` makes the warning a problem, as it is for `mkdocs build`."""
    write_site(tmp_path, PAGES, SITE_URL + ZENSICAL_SITE, language="sv")
    monkeypatch.chdir(tmp_path)
    assert main(["assets", "docs/assets/debrief"]) == 0
    err = capsys.readouterr().err
    assert err.startswith(f"warning: mkdocs.yml: markdown_extensions: debrief.widgets: "
                          f"{NO_STRINGS} (from theme.language)"), err
    assert (tmp_path / "docs" / "assets" / "debrief" / "debrief.js").is_file()
    assert main(["check", "--strict"]) == 1
    err = capsys.readouterr().err
    assert NO_STRINGS in err and "debrief: 1 problem found." in err, err


ZENSICAL = Path(sys.executable).parent / "zensical"


@pytest.mark.skipif(not ZENSICAL.exists(), reason="Zensical is not installed")
def test_zensical_builds_a_language_without_strings_in_english(tmp_path: Path) -> None:
    """The bare extension, as Zensical runs it once per page: one warning, no traceback."""
    write_site(tmp_path, PAGES, SITE_URL + ZENSICAL_SITE, language="sv")
    result = subprocess.run([str(ZENSICAL), "build"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=300, check=False,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert len(warnings_in(output)) == 1, output
    assert "Traceback" not in output and "Error" not in output, output
    assert f">{table('en')['reset']}<" in (tmp_path / "site" / "index.html").read_text()
