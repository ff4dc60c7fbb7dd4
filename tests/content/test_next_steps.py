"""Each section of the navigation reads as one path: every page's "Next step" leads to the page
after it in mkdocs.yml's `nav:`, the section's last page leads out of the section, and the
section's first page links to all the others. The sections and their order come from mkdocs.yml,
so a page added to the nav is checked without changing this file."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

NEXT_STEP = re.compile(r"^\**Next steps?:?\**:?\s*(.+)$", re.M | re.I)
LINK = re.compile(r"\]\(([^)\s#]*)(?:#[^)]*)?\)")
# Pages the browser builds from the reader's saved answers: no prose, so no next step.
APP_BLOCK = re.compile(r"^///\s*(progress|feedback-log)\b", re.M)


def nav_sections(root: Path = ROOT) -> dict[str, list[str]]:
    """Each section of the nav that holds two pages of prose or more, with its pages in order."""
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    sections: dict[str, list[str]] = {}
    for entry in config["nav"]:
        for title, pages in entry.items() if isinstance(entry, dict) else ():
            if not isinstance(pages, list):
                continue
            paths = [page if isinstance(page, str) else next(iter(page.values()))
                     for page in pages]
            prose = [path for path in paths
                     if not APP_BLOCK.search((root / "docs" / path).read_text())]
            if len(prose) >= 2:
                sections[title] = prose
    return sections


def links(page: str, text: str) -> list[str]:
    """The pages `text` links to, as paths under docs/, in the order they appear."""
    folder = posixpath.dirname(page)
    return [posixpath.normpath(posixpath.join(folder, target))
            for target in LINK.findall(text) if target and not re.match(r"[a-z]+:", target)]


def next_step(docs: Path, page: str) -> str | None:
    """Where the page's last "Next step" line sends the reader: its first link."""
    found = NEXT_STEP.findall((docs / page).read_text())
    targets = links(page, found[-1]) if found else []
    return targets[0] if targets else None


def chain_problems(docs: Path, pages: list[str]) -> list[str]:
    """Each page whose next step is not the next page of the section, or, for the last page,
    one that leads back into the section."""
    problems = []
    for page, following in zip(pages, [*pages[1:], None], strict=True):
        target = next_step(docs, page)
        if target is None:
            problems.append(f"{page}: no 'Next step' line with a link")
        elif following and target != following:
            problems.append(f"{page}: its next step is {target}; the nav's next page is "
                            f"{following}")
        elif following is None and target in pages:
            problems.append(f"{page}: the section's last page leads back to {target}; lead "
                            "the reader out of the section")
    return problems


SECTIONS = nav_sections()


def test_the_nav_has_sections_to_check() -> None:
    assert len(SECTIONS) >= 5, SECTIONS


@pytest.mark.parametrize("section", SECTIONS, ids=str)
def test_next_steps_visit_each_page_of_the_section_once_in_nav_order(section: str) -> None:
    problems = chain_problems(ROOT / "docs", SECTIONS[section])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("section", SECTIONS, ids=str)
def test_the_first_page_of_a_section_links_to_all_its_pages(section: str) -> None:
    first, *rest = SECTIONS[section]
    linked = set(links(first, (ROOT / "docs" / first).read_text()))
    missing = [page for page in rest if page not in linked]
    assert not missing, f"{first} does not link to {missing}"


def test_a_skip_and_a_loop_are_reported(tmp_path: Path) -> None:
    """The check on a small site: the first page skips one, and the last page loops back."""
    (tmp_path / "docs" / "s").mkdir(parents=True)
    pages = {"s/index.md": "[b](b.md) [c](c.md)\n\n**Next step:** [c](c.md#top).",
             "s/b.md": "Next step: [c](c.md).", "s/c.md": "Next step: [back](index.md).",
             "app.md": "/// progress | Yours\n///"}
    for name, text in pages.items():
        (tmp_path / "docs" / name).write_text(f"---\ndescription: x\n---\n\n# T\n\n{text}\n")
    (tmp_path / "mkdocs.yml").write_text(
        "nav:\n  - Home: app.md\n  - S:\n    - s/index.md\n    - B: s/b.md\n    - s/c.md\n"
        "  - Mine:\n    - app.md\n")
    sections = nav_sections(tmp_path)
    assert sections == {"S": ["s/index.md", "s/b.md", "s/c.md"]}
    assert chain_problems(tmp_path / "docs", sections["S"]) == [
        "s/index.md: its next step is s/c.md; the nav's next page is s/b.md",
        "s/c.md: the section's last page leads back to s/index.md; lead the reader out of the "
        "section"]
