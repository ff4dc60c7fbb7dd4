"""PACKAGE.md, the package's page on the index, says what the package does today: every option
with its default and every language it ships, and its two example sites build as written, with
MkDocs and with Zensical."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

from debrief.settings import Options
from debrief.strings import languages
from tests.conftest import ROOT, mkdocs_build

README = (ROOT / "PACKAGE.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent


def section(title: str) -> str:
    """The text under `## title`, up to the next heading of that level."""
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def code_blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, re.S)


def option_rows() -> dict[str, str]:
    """The options table's rows by option name."""
    rows = re.findall(r"^\| `(\w+)` \|(.*)$", section("Options"), re.M)
    return dict(rows)


def test_every_option_is_in_the_table_with_its_default() -> None:
    rows = option_rows()
    assert list(rows) == [f.name for f in fields(Options)]
    for option in fields(Options):
        default = option.default
        if isinstance(default, int | str) and default != "":
            # The default column is the row's first cell; a switch as YAML writes it.
            shown = str(default).lower() if isinstance(default, bool) else str(default)
            assert shown in rows[option.name].split("|")[0], option.name


def test_the_language_row_names_every_language_shipped() -> None:
    row = option_rows()["language"]
    assert sorted(re.findall(r"`([a-z]{2,3}(?:-[A-Za-z]+)?)`", row.split("|")[1])) == \
        sorted(languages())


def example_pages(project: Path, text: str) -> list[str]:
    """Write the pages a section shows into project/docs: each code block of Markdown follows
    the sentence that names its file (`docs/<name>.md`), in the same order."""
    names = re.findall(r"`docs/([\w-]+\.md)`", text)
    pages = code_blocks(text, "markdown")
    assert len(names) == len(pages) > 0
    (project / "docs").mkdir(parents=True)
    for name, page in zip(names, pages, strict=True):
        (project / "docs" / name).write_text(page, encoding="utf-8")
    return names


def assert_widgets(site: Path) -> None:
    assert 'data-debrief="checklist"' in (site / "index.html").read_text()
    assert 'data-debrief="worksheet"' in (site / "rate" / "index.html").read_text()
    assert 'data-debrief-app="progress"' in (site / "progress" / "index.html").read_text()
    assert 'data-debrief-app="feedback-log"' in (site / "log" / "index.html").read_text()


def test_the_mkdocs_example_builds_as_written(tmp_path: Path) -> None:
    text = section("Use it with MkDocs or ProperDocs")
    (config,) = code_blocks(text, "yaml")
    example_pages(tmp_path, text)
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs_build(tmp_path, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert_widgets(tmp_path / "site")
    assert 'class="debrief-log-form"' in (tmp_path / "site" / "rate" / "index.html").read_text()


def test_the_zensical_example_builds_as_written(tmp_path: Path) -> None:
    """The MkDocs example's pages, with the Zensical section's settings and commands."""
    names = example_pages(tmp_path, section("Use it with MkDocs or ProperDocs"))
    text = section("Use it with Zensical")
    (config,) = code_blocks(text, "yaml")
    nav = "".join(f"  - {name}\n" for name in names)
    (tmp_path / "mkdocs.yml").write_text(f"site_name: Coaching notes\nnav:\n{nav}{config}",
                                         encoding="utf-8")
    (commands,) = code_blocks(text, "sh")
    for command in commands.strip().split(" && "):
        program, *arguments = command.split()
        result = subprocess.run([str(BIN / program), *arguments], cwd=tmp_path, timeout=300,
                                capture_output=True, text=True, check=False)
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    assert_widgets(tmp_path / "site")
