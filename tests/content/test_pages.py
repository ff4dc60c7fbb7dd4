"""The handbook's pages meet the content bar: descriptions, one H1, a tool at the end, enough
substance, and no sentence taken from the source articles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.content.seeds import seed_texts

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
SUBSTANTIAL_WORDS = 600
COPIED_RUN = 8  # this many words in a row from a seed counts as copied

FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


def front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text()
    found = re.match(r"---\n(.*?)\n---\n", text, re.S)
    assert found, f"{path.relative_to(ROOT)}: no front matter"
    return yaml.safe_load(found.group(1)), text[found.end():]


def prose(body: str) -> str:
    """The words a reader reads: no code blocks, widget options or link targets."""
    body = FENCE.sub("", body)
    body = re.sub(r"^ {4}\S.*$", "", body, flags=re.M)
    return re.sub(r"\]\([^)]*\)", "]", body)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower().replace("\u2019", "'"))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_page_has_description_and_one_h1(path: Path) -> None:
    meta, body = front_matter(path)
    description = meta.get("description", "")
    assert isinstance(description, str) and 30 <= len(description) <= 200, description
    headings = re.findall(r"^# \S", FENCE.sub("", body), re.M)
    assert len(headings) == 1


def test_built_pages_have_exactly_one_h1(built_site: Path) -> None:
    for html in built_site.rglob("index.html"):
        if html.parent.name in {"404", "search"}:
            continue
        assert html.read_text().count("<h1") == 1, html


def test_enough_substance() -> None:
    counts = {p: len(words(prose(front_matter(p)[1]))) for p in PAGES}
    substantial = [p for p, n in counts.items() if n >= SUBSTANTIAL_WORDS]
    assert len(substantial) >= 18, counts
    assert sum(counts.values()) >= 15_000


def test_substantial_pages_end_with_a_tool() -> None:
    """A page ends with a tool when nothing but a short "next step" follows its last widget."""
    substantial = [p for p in PAGES if len(words(prose(front_matter(p)[1]))) >= SUBSTANTIAL_WORDS]
    ending = []
    for path in substantial:
        body = front_matter(path)[1]
        closing = [m.end() for m in re.finditer(r"^///[ \t]*$", body, re.M)]
        after = body[closing[-1]:] if closing else body
        if closing and len(words(after)) <= 40:
            ending.append(path)
    assert len(ending) / len(substantial) >= 0.7, sorted(set(substantial) - set(ending))


def seed_runs() -> set[tuple[str, ...]]:
    runs: set[tuple[str, ...]] = set()
    for text in seed_texts().values():
        tokens = words(text)
        runs.update(tuple(tokens[i:i + COPIED_RUN]) for i in range(len(tokens) - COPIED_RUN + 1))
    return runs


def test_no_sentence_is_taken_from_the_source_articles() -> None:
    runs = seed_runs()
    copied = []
    for path in PAGES:
        tokens = words(path.read_text())
        for i in range(len(tokens) - COPIED_RUN + 1):
            if tuple(tokens[i:i + COPIED_RUN]) in runs:
                copied.append(f"{path.relative_to(ROOT)}: {' '.join(tokens[i:i + COPIED_RUN])}")
    assert not copied, "\n".join(copied)


def test_self_rating_worksheet_covers_the_job_related_criteria(built_site: Path) -> None:
    html = (built_site / "learn" / "self-rating" / "index.html").read_text()
    section = html[html.index('id="learn-self-rating"'):]
    for criterion in ("communication", "content-knowledge", "interpersonal", "preparation",
                      "examples", "questions-asked", "closing"):
        fieldset = section[section.index(f'data-item="{criterion}"'):]
        fieldset = fieldset[:fieldset.index("</fieldset>")]
        assert fieldset.count('class="debrief-anchor"') == 5, criterion
        assert re.search(r'class="debrief-guide"><a href="\.\./\.\./[a-z-]+/[a-z-]+/"', fieldset)


def test_every_checklist_item_in_the_handbook_has_an_explicit_id() -> None:
    """Organisations reword items; explicit ids keep readers' ticks through that."""
    missing = [f"{p.relative_to(ROOT)}: {line.strip()}" for p in PAGES
               if p.name != "authoring.md"
               for line in FENCE.sub("", p.read_text()).splitlines()
               if re.match(r"\s*[-*+] \[ \] ", line)
               and not re.search(r"\{#[a-z0-9-]+\}\s*$", line)]
    assert not missing, "\n".join(missing)
