"""`/// fields` and `<<name>>` across a plugin-only site (`plugins: [search, debrief]`): a
reference on one page shows the example a tool on another page declares, with no script; an
unknown `<<name>>` and a field declared twice with two types stop the strict build with the file
and the line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import mkdocs_build, write_site

CONFIG = "plugins:\n  - search\n  - debrief\nmarkdown_extensions:\n  - pymdownx.superfences\n"
TOOL = """# Your brief

/// fields | The interview
    id: brief
    fields:
      - {name: employer, label: Employer, example: Northwind Trading}
      - {name: interviewer, label: "Interviewer's name"}
///
"""
# The page that refers comes first in the navigation, so it is converted before the tool's.
NOTE = """# A note

Dear <<interviewer>>,

```text
Thanks from <<employer>>.
```
"""


def test_a_reference_shows_the_example_declared_on_another_page(tmp_path: Path) -> None:
    write_site(tmp_path / "p", {"a-note.md": NOTE, "brief.md": TOOL}, CONFIG)
    result = mkdocs_build(tmp_path / "p", tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "out" / "a-note" / "index.html").read_text()
    assert ('<span class="debrief-ref" data-debrief-field="employer">Northwind Trading</span>'
            in page)
    assert ('<span class="debrief-ref" data-debrief-field="interviewer">[Interviewer\'s name]'
            '</span>' in page)
    assert "data-debrief-refs" in page and "page/references.js" in page  # preloaded
    assert "kinds/fields.js" not in page  # the kind loads only where a tool is
    assert "kinds/fields.js" in (tmp_path / "out" / "brief" / "index.html").read_text()


def test_an_unknown_reference_stops_the_strict_build(tmp_path: Path) -> None:
    write_site(tmp_path / "p", {"a-note.md": NOTE + "\nAt <<employr>>.\n", "brief.md": TOOL},
               CONFIG)
    result = mkdocs_build(tmp_path / "p", tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "docs/a-note.md:9: <<employr>>: no `/// fields` tool of this site declares a field " \
           "named 'employr'" in output, output
    assert "Fix:" in output and "Traceback" not in output


def test_one_name_with_two_types_stops_the_strict_build(tmp_path: Path) -> None:
    other = TOOL.replace("id: brief", "id: other").replace(
        "{name: employer, label: Employer, example: Northwind Trading}",
        "{name: employer, label: Employer, type: notes}")
    write_site(tmp_path / "p", {"brief.md": TOOL, "other.md": other}, CONFIG)
    result = mkdocs_build(tmp_path / "p", tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert ("docs/other.md:3: fields 'other': the field 'employer' is a notes here and a text "
            "in docs/brief.md:3") in output, output
    assert "Traceback" not in output


def test_a_heading_that_shares_the_tools_id_is_told_a_fix_the_tool_takes(tmp_path: Path) -> None:
    """A fields tool has no `previous_ids` (its values are kept by field name): the warning says
    to give it another id, nothing more."""
    write_site(tmp_path / "p", {"brief.md": TOOL.replace("# Your brief", "# Brief")}, CONFIG)
    result = mkdocs_build(tmp_path / "p", tmp_path / "out")
    output = result.stdout + result.stderr
    assert "the heading 'Brief' would have the anchor 'brief' too" in output, output
    assert "or give the block another `id:`" in output and "previous_ids" not in output


ZENSICAL = Path(sys.executable).parent / "zensical"
ZENSICAL_SITE = ("site_url: https://fields.example.org/\nmarkdown_extensions:\n"
                 "  - pymdownx.superfences\n  - debrief.widgets\n")


@pytest.mark.skipif(not ZENSICAL.exists(), reason="Zensical is not installed")
def test_zensical_shows_the_example_declared_on_another_page(tmp_path: Path) -> None:
    """Zensical runs no plugin and converts one page at a time: the extension finds the site's
    fields itself, so a reference shows the same example as on MkDocs."""
    write_site(tmp_path, {"a-note.md": NOTE, "brief.md": TOOL}, ZENSICAL_SITE)
    result = subprocess.run([str(ZENSICAL), "build", "--strict"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300, check=False,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site" / "a-note" / "index.html").read_text()
    assert ('<span class="debrief-ref" data-debrief-field="employer">Northwind Trading</span>'
            in page), page
    assert "[Interviewer's name]" in page
