"""Golden tests: each `cases/NAME.md` converts to exactly `cases/NAME.html`, and logs exactly the
problems in `cases/NAME.log` (absent: none). Regenerate with DEBRIEF_REGENERATE=1, then review
the diff. The site settings and strings every section carries for its script are shown as `…`:
they change with every new string, and tests/widgets/test_section_attributes.py covers them."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import markdown
import pytest

CASES = Path(__file__).parent / "cases"
EXTENSIONS = ["debrief.widgets", "admonition", "attr_list", "pymdownx.superfences"]


SCRIPT_ATTRIBUTES = re.compile(r' (data-config|data-i18n)="[^"]*"')


def convert(source: str) -> str:
    html = markdown.markdown(source, extensions=EXTENSIONS) + "\n"
    return SCRIPT_ATTRIBUTES.sub(r' \1="…"', html)


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
