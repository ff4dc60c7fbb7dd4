"""The site search indexes what widgets say, not their controls; readers still get both."""

from __future__ import annotations

import json
from pathlib import Path


def test_search_indexes_items_but_not_controls(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"])
    assert "Write down the two things you most want to know" in text  # a checklist item
    assert "Preparation and research about the employer" in text  # a worksheet criterion
    for control in ("Yes, clear it", "Not rated", "Untick every item in this checklist"):
        assert control not in text, control


def test_pages_keep_their_controls_without_markers(built_site: Path) -> None:
    html = (built_site / "learn" / "self-rating" / "index.html").read_text()
    assert html.count('class="debrief-scale"') == 7
    assert "Yes, clear it" in html and "Save to log" in html
    assert "data-debrief-controls" not in html
