"""A widget's id and a heading's anchor: the toc extension keeps anchors unique against the ids
already on the page, so a heading named like a widget's id loses its anchor to the widget. The
app pages' default ids leave the natural titles alone; an author's id that takes one is a
warning at the widget's line (so `mkdocs build --strict` stops)."""

from __future__ import annotations

import logging
import re

import markdown
import pytest

EXTENSIONS = ["debrief.widgets", "toc", "attr_list"]


def headings(html: str) -> list[str]:
    return re.findall(r'<h1 id="([^"]*)"', html)


def convert(source: str, caplog: pytest.LogCaptureFixture) -> str:
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        return markdown.markdown(source, extensions=EXTENSIONS,
                                 extension_configs={"toc": {"permalink": True}})


@pytest.mark.parametrize(("kind", "title"), [("progress", "Progress"),
                                             ("feedback-log", "Feedback log")])
def test_the_app_pages_leave_their_titles_anchor_alone(caplog: pytest.LogCaptureFixture,
                                                        kind: str, title: str) -> None:
    html = convert(f"# {title}\n\n/// {kind} | Everything\n///\n", caplog)
    assert headings(html) == [kind]
    assert f'<section aria-labelledby="debrief-{kind}--title"' in html
    assert caplog.records == []


def test_a_widget_that_takes_a_headings_anchor_is_a_warning(
        caplog: pytest.LogCaptureFixture) -> None:
    html = convert("# Ready\n\nIntro.\n\n/// checklist | Ready\n    id: ready\n\n"
                   "- [ ] Send the note {#send}\n///\n", caplog)
    assert headings(html) == ["ready_1"]
    assert [r.levelname for r in caplog.records] == ["WARNING"]
    assert caplog.records[0].getMessage() == (
        "<markdown>:5: checklist 'ready': the heading 'Ready' would have the anchor 'ready' too, "
        "so it gets 'ready_1', and links to #ready reach the checklist. Fix: give the heading an "
        "anchor of its own, as in `Ready {#ready-title}` (with attr_list), or give the checklist "
        "another id and list the old one under `previous_ids`.")


def test_the_fix_it_gives_works(caplog: pytest.LogCaptureFixture) -> None:
    html = convert("# Ready {#ready-title}\n\n/// checklist | Ready\n    id: ready\n\n"
                   "- [ ] Send the note {#send}\n///\n\n# Ready\n", caplog)
    assert headings(html) == ["ready-title", "ready_1"]
    assert len(caplog.records) == 1, "the second heading is warned of, not the first"
