"""`/// interview-day` on a plugin-only site: it builds with what each part will show and a link
to where to write it; a link to a tool that does not exist, or of another kind, a field the
tool lacks, a link to no page, and a missing link each stop the strict build with the file, the
line and the fix, and no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import mkdocs_build, write_site

CONFIG = "plugins:\n  - search\n  - debrief\n"
TOOLS = """# Prepare

/// fields | Your brief
    id: brief
    fields:
      - {name: employer, label: Employer}
      - {name: criteria, label: Top criteria, type: notes}
      - {name: my_questions, label: My questions, type: notes}
///

/// entries | Your stories
    id: stories
    fields:
      - {name: title, label: Story}
      - {name: proves, label: Proves, type: choice, several: true, options: [Clarity]}
      - {name: action, label: Action, type: notes}
///

/// checklist | On the day
    id: on-the-day

- [ ] Eat something {#eat}
///
"""
OPTIONS = {
    "brief": "prepare.md#brief",
    "show": "[employer]",
    "stories": "prepare.md#stories",
    "parts": "[action]",
    "checklist": "prepare.md#on-the-day",
}


def day_page(**changed: str | None) -> str:
    options = {**OPTIONS, **changed}
    lines = "".join(f"    {name}: {value}\n" for name, value in options.items()
                    if value is not None)
    return f"# The day\n\n/// interview-day | Your sheet\n{lines}///\n"


def build(tmp_path: Path, page: str) -> tuple[int, str]:
    write_site(tmp_path / "p", {"prepare.md": TOOLS, "day.md": page}, CONFIG)
    result = mkdocs_build(tmp_path / "p", tmp_path / "out")
    return result.returncode, result.stdout + result.stderr


def test_the_sheet_builds_with_a_link_to_where_each_part_is_written(tmp_path: Path) -> None:
    code, output = build(tmp_path, day_page())
    assert code == 0, output
    html = (tmp_path / "out" / "day" / "index.html").read_text()
    assert 'data-debrief-app="interview-day"' in html
    for href in ("../prepare/#brief", "../prepare/#stories", "../prepare/#on-the-day"):
        assert f'href="{href}"' in html, href
    assert "pages/interview-day.js" in html  # its script, preloaded on its page alone
    assert "pages/interview-day.js" not in (tmp_path / "out" / "prepare" / "index.html") \
        .read_text()


@pytest.mark.parametrize(("changed", "line", "message"), [
    ({"stories": "prepare.md#story-bank"}, 3,
     "interview-day 'debrief-interview-day': stories links to 'story-bank', which is no "
     "`/// entries` tool of this site."),
    ({"checklist": "prepare.md#brief"}, 3,
     "checklist links to 'brief', which is no `/// checklist` tool of this site."),
    ({"show": "[employer, place]"}, 3,
     "the fields tool 'brief' has no field named 'place' (its fields: criteria, employer, "
     "my_questions)."),
    ({"parts": "[action, result]"}, 3, "the entries tool 'stories' has no field named 'result'"),
    ({"brief": "research.md#brief"}, 4,
     "interview-day 'debrief-interview-day': brief 'research.md#brief' links to no page of "
     "this site."),
    ({"brief": "prepare.md"}, 4, "brief 'prepare.md' is not a link to a tool."),
    ({"checklist": None}, 3, "option `checklist` is missing."),
])
def test_bad_input_stops_the_strict_build_at_its_line(tmp_path: Path, changed: dict[str, str],
                                                      line: int, message: str) -> None:
    code, output = build(tmp_path, day_page(**changed))
    assert code != 0, output
    assert f"docs/day.md:{line}: " in output and message in output, output
    assert "Fix:" in output and "Traceback" not in output
