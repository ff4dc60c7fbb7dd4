"""Golden tests: each `cases/NAME.md` converts to exactly `cases/NAME.html`, and logs exactly the
problems in `cases/NAME.log` (absent: none). Regenerate with DEBRIEF_REGENERATE=1, then review
the diff."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import markdown
import pytest

CASES = Path(__file__).parent / "cases"
EXTENSIONS = ["debrief.widgets", "admonition", "attr_list", "pymdownx.superfences"]


def convert(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS) + "\n"


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.md")))
def test_case(case: str, caplog: pytest.LogCaptureFixture) -> None:
    source = (CASES / f"{case}.md").read_text()
    with caplog.at_level(logging.ERROR, logger="mkdocs"):
        html = convert(source)
    logged = "".join(f"{r.getMessage()}\n" for r in caplog.records)
    expected_html, expected_log = CASES / f"{case}.html", CASES / f"{case}.log"
    if os.environ.get("DEBRIEF_REGENERATE"):
        expected_html.write_text(html)
        if logged:
            expected_log.write_text(logged)
        else:
            expected_log.unlink(missing_ok=True)
    assert html == expected_html.read_text()
    assert logged == (expected_log.read_text() if expected_log.exists() else "")
    assert case.startswith("error-") == bool(logged), "error-* cases, and only they, log problems"
