"""`/// entries` across a plugin-only site (`plugins: [search, debrief]`): the kind's script loads
only on the page with the tool, the manifest and My progress count its records out of its aim,
and a worksheet's `stories:` that names no entries tool, or no page, stops the strict build with
the file and the line."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import mkdocs_build, write_site

CONFIG = "plugins:\n  - search\n  - debrief\n"
BANK = """# Stories

/// entries | Your story bank
    id: bank
    aim: 8
    fields:
      - {name: title, label: Story name}
      - {name: shows, label: Shows, type: choice, several: true, options: [Evidence]}
///
"""
SHEET = """# Rate it

/// worksheet | Rate the interview
    id: sheet
    scale: [Weak, Strong]
    stories: {link}
    criteria:
      - {{id: evidence, label: Evidence}}
///
"""
PROGRESS = "# My progress\n\n/// progress | Every tool\n///\n"


def build(tmp_path: Path, link: str) -> tuple[int, str, Path]:
    write_site(tmp_path / "p", {"stories.md": BANK, "sheet.md": SHEET.format(link=link),
                                "progress.md": PROGRESS}, CONFIG)
    result = mkdocs_build(tmp_path / "p", tmp_path / "out")
    return result.returncode, result.stdout + result.stderr, tmp_path / "out"


def test_the_tool_builds_and_my_progress_counts_it_out_of_its_aim(tmp_path: Path) -> None:
    code, output, site = build(tmp_path, "stories.md#bank")
    assert code == 0, output
    assert "kinds/entries.js" in (site / "stories" / "index.html").read_text()
    assert "kinds/entries.js" not in (site / "sheet" / "index.html").read_text()
    manifest = json.loads((site / "assets" / "debrief" / "manifest.json").read_text())
    bank = next(w for w in manifest["widgets"] if w["id"] == "bank")
    assert bank["kind"] == "entries" and bank["total"] == 8
    assert [item["id"] for item in bank["items"]] == ["title", "shows"]
    sheet = next(w for w in manifest["widgets"] if w["id"] == "sheet")
    assert sheet["stories"] == "bank"
    progress = (site / "progress" / "index.html").read_text()
    assert "0 of 8</span>" in progress


def test_stories_that_name_no_entries_tool_stop_the_strict_build(tmp_path: Path) -> None:
    code, output, _ = build(tmp_path, "stories.md#sheet")
    assert code != 0, output
    assert "docs/sheet.md:3: worksheet 'sheet': stories links to 'sheet', which is no " \
           "`/// entries` tool of this site. Fix:" in output, output
    assert "Traceback" not in output


def test_stories_that_name_no_page_stop_the_strict_build(tmp_path: Path) -> None:
    code, output, _ = build(tmp_path, "story.md#bank")
    assert code != 0, output
    assert "docs/sheet.md:6: worksheet 'sheet': stories 'story.md#bank' links to no page of " \
           "this site. Fix:" in output, output
