"""Pages open with what the reader needs first, not with a sentence about the page: no "This page
helps you..." and no promise of what "you will be able to" do (house style, issue 17)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
ABOUT_THE_PAGE = re.compile(r"^(This|The) (page|section)\b", re.I)
PROMISE = re.compile(r"\byou will be able to\b|\bby the end,? you will\b"
                     r"|\bwhen you have worked through\b", re.I)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


def opening(path: Path) -> str:
    """The first paragraph after the page's H1, or '' when a block or a note comes first."""
    body = path.read_text().split("\n# ", 1)[-1].split("\n", 1)[-1]
    paragraph = body.strip().split("\n\n", 1)[0]
    return "" if re.match(r"[/!<|`]", paragraph) else paragraph


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_the_page_opens_with_the_reader_not_the_page(path: Path) -> None:
    first = opening(path)
    assert not ABOUT_THE_PAGE.match(first), first
    promises = PROMISE.findall(FENCE.sub("", path.read_text()))
    assert not promises, promises
