"""The error messages docs/authoring.md shows are the ones the build really prints.

Each example on that page is marked with `<!-- error-example -->`, followed by a ```text fence
with the block and, after a line of prose, a ```text fence with what the build prints. The page
says each example is the whole of `docs/example.md`, so the messages name that file. This test
feeds each block to the Markdown extension on its own, as that page would be built, and checks
that the lines shown are exactly the lines logged, in MkDocs' own `ERROR   -  ` format.
"""

from __future__ import annotations

import logging
import re

import markdown
import pytest

from tests.conftest import ROOT

PAGE = ROOT / "docs" / "authoring.md"
SHOWN_AS = "docs/example.md"  # the file the page says each example is
MKDOCS_ERROR = "ERROR   -  "  # how `mkdocs build` prints a record of level ERROR
EXAMPLE = re.compile(
    r"^<!-- error-example -->\n+```text\n(?P<source>.*?)\n```\n(?:(?!```)[^\n]*\n)*?"
    r"```text\n(?P<message>.*?)\n```", re.M | re.S)


def examples() -> list[tuple[int, str, str]]:
    """(line on the page, the block, the message shown) for each marked example."""
    text = PAGE.read_text()
    return [(text.count("\n", 0, m.start()) + 1, m["source"], m["message"])
            for m in EXAMPLE.finditer(text)]


def cases() -> list[object]:
    return [pytest.param(source, message, id=f"authoring.md:{line}")
            for line, source, message in examples()]


def logged_by_build(source: str, caplog: pytest.LogCaptureFixture) -> list[str]:
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="mkdocs.extensions.debrief"):
        markdown.Markdown(extensions=["debrief.widgets"]).convert(source)
    # Outside MkDocs the extension names the source `<markdown>`; the build names the file.
    return [MKDOCS_ERROR + record.getMessage().replace("<markdown>:", f"{SHOWN_AS}:", 1)
            for record in caplog.records if record.name == "mkdocs.extensions.debrief"]


def test_the_page_has_marked_examples() -> None:
    found = examples()
    assert len(found) >= 4, "docs/authoring.md should show several marked error examples"
    marked = {message for _, _, message in found}
    shown = re.findall(r"^ERROR .*$", PAGE.read_text(), re.M)
    assert shown and all(any(line in m for m in marked) for line in shown), (
        "every error message on the page belongs to a marked example, so the test checks it")


@pytest.mark.parametrize(("source", "message"), cases())
def test_the_message_shown_is_what_the_build_logs(
        source: str, message: str, caplog: pytest.LogCaptureFixture) -> None:
    assert message.splitlines() == logged_by_build(source, caplog), (
        "the example's message on docs/authoring.md no longer matches what is logged")
