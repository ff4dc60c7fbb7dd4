"""Each kind of bad input, in a fixture site of its own, stops `mkdocs build --strict` with one
message that names the Markdown file and line and says how to fix it, and no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import HOOK, mkdocs_build, write_site

FRONT = "---\ndescription: A fixture page.\n---\n\n# Fixture\n\n"  # puts the first block on line 7

GOOD_CHECKLIST = "/// checklist | Other\n    id: taken\n\n- [ ] One\n///\n"

# name: (docs/index.md after the front matter, other pages, where the error points, its text);
# a bare number is a line of docs/index.md.
CASES: dict[str, tuple[str, dict[str, str], int | str, str]] = {
    "unknown option": (
        "/// checklist | A\n    id: a\n    colour: red\n\n- [ ] One\n///\n", {}, 9,
        "unknown option 'colour'. Fix: use one of: id, level"),
    "missing id": ("/// checklist | A\n\n- [ ] One\n///\n", {}, 7, "option `id` is missing"),
    "malformed id": (
        "/// checklist | A\n    id: Not_An_Id\n\n- [ ] One\n///\n", {}, 8,
        "id 'Not_An_Id' is not valid"),
    "duplicate id in a page": (
        GOOD_CHECKLIST + "\n" + GOOD_CHECKLIST, {}, 13, "the id 'taken' is already used on line 7"),
    "duplicate id across the site": (
        GOOD_CHECKLIST, {"other.md": "# Other\n\n" + GOOD_CHECKLIST}, "docs/other.md:3",
        "this id is already used by docs/index.md:7"),
    "empty checklist": ("/// checklist | A\n    id: a\n///\n", {}, 7, "the checklist has no items"),
    "scale too short": (
        "/// worksheet | W\n    id: w\n    scale: [Only]\n    criteria:\n      - label: X\n///\n",
        {}, 9, "worksheet 'w': scale: 1 label given; a rating scale needs 2 to 10 labels. "
        "Fix: write 2 to 10 labels, lowest first, such as `scale: [Weak, Fair, Strong]`."),
    "scale too long": (
        "/// worksheet | W\n    id: w\n    scale: [a, b, c, d, e, f, g, h, i, j, k]\n"
        "    criteria:\n      - label: X\n///\n", {}, 9, "scale: 11 labels given"),
    "criterion without label": (
        "/// worksheet | W\n    id: w\n    criteria:\n      - id: x\n        hint: h\n///\n",
        {}, 10, "criterion 1 has no label"),
    "guide to a missing page": (
        "/// worksheet | W\n    id: w\n    criteria:\n      - label: X\n"
        "        guide: gone.md\n///\n",
        {}, 11, "the guide 'gone.md' of criterion 'x' is not a page of this site"),
    "options that are not YAML": (
        "/// worksheet | W\n    id: w\n    criteria: [\n///\n", {}, 9,
        "its options are not valid YAML"),
}


def make_site(root: Path, index: str, others: dict[str, str]) -> None:
    write_site(root, {"index.md": FRONT + index, **others},
               HOOK + "markdown_extensions:\n  - attr_list\n  - debrief.widgets\n")


@pytest.mark.parametrize("case", CASES)
def test_bad_input_stops_the_build(case: str, tmp_path: Path) -> None:
    index, others, where, text = CASES[case]
    make_site(tmp_path, index, others)
    result = mkdocs_build(tmp_path, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    errors = [row for row in output.splitlines() if row.startswith("ERROR")]
    assert len(errors) == 1, output
    location = f"docs/index.md:{where}" if isinstance(where, int) else where
    assert f" {location}: " in errors[0], output
    assert text in errors[0] and "Fix: " in errors[0], output
    assert "Traceback" not in output


def test_good_fixture_builds(tmp_path: Path) -> None:
    """The fixture site itself is fine, so the failures above come from the bad input alone."""
    make_site(tmp_path, GOOD_CHECKLIST, {})
    result = mkdocs_build(tmp_path, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'id="taken"' in (tmp_path / "site" / "index.html").read_text()
