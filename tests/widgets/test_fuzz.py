"""Generated blocks never crash the build: whatever an author writes between `///` lines (random
options, YAML of any shape, Unicode, huge values, nesting), the extension either renders a
widget or logs a `file:line: ... Fix: ...` message, and never raises.

The default run tries 100 fixed examples (the same every run, so it never flakes); `make fuzz`
tries DEBRIEF_FUZZ_EXAMPLES (2,000) drawn from the seed it prints.
"""

from __future__ import annotations

import logging
import os
import re

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("DEBRIEF_FUZZ_EXAMPLES", "100"))
FIXED = "DEBRIEF_FUZZ_EXAMPLES" not in os.environ
EXTENSIONS = ["debrief.widgets", "admonition", "attr_list", "pymdownx.superfences"]
PROBLEM = re.compile(r"^<markdown>(:\d+)?: [a-z-]+( .+)?: .+\. Fix: .+\.$", re.S)

text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
words = st.one_of(text, st.sampled_from(["id", "a-b", "Weak", "x" * 5000, "", "- [ ]", "///"]))
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(), words)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=6), st.dictionaries(words, inner, max_size=5)), max_leaves=20)
option_names = st.sampled_from(["id", "level", "scale", "criteria", "previous_ids", "colour",
                                 "label", "anchors"])
criteria = st.lists(st.fixed_dictionaries({}, optional={
    "id": words, "label": words, "hint": values, "guide": words, "anchors": values}), max_size=5)
options = st.dictionaries(option_names, st.one_of(values, criteria), max_size=5)
item_lines = st.lists(st.one_of(
    st.builds(lambda t, i: f"- [ ] {t}" + (f" {{#{i}}}" if i else ""), text, words),
    st.builds(lambda t: f"- [x] {t}", text), text, st.just("    continued")), max_size=8)


def block(name: str, title: str, opts: dict, lines: list[str], raw_options: str) -> str:
    dumped = raw_options or (yaml.safe_dump(opts, allow_unicode=True, width=1000)
                             if opts else "")
    indented = "".join(f"    {line}\n" for line in dumped.splitlines())
    return f"/// {name} | {title}\n{indented}\n" + "\n".join(lines) + "\n///\n"


blocks = st.builds(
    block,
    st.sampled_from(["checklist", "worksheet", "progress", "feedback-log"]),
    text,
    options,
    item_lines,
    st.one_of(st.just(""), text, st.just("criteria: [\n"), st.just(": : :")),
)
pages = st.builds(
    lambda parts, wrap: "\n".join(f"!!! note\n    {p.replace(chr(10), chr(10) + '    ')}"
                                  if wrap else p for p in parts),
    st.lists(blocks, min_size=1, max_size=3),
    st.booleans(),
)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=FIXED,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(pages)
def test_generated_blocks_render_or_report_a_located_problem(page: str) -> None:
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        html = markdown.markdown(page, extensions=EXTENSIONS)  # must not raise
    finally:
        logger.removeHandler(handler)
    for record in records:
        assert PROBLEM.match(record.getMessage()), record.getMessage()
    rendered = 'class="debrief ' in html
    assert rendered or records or "///" in html or not page.strip(), (page, html)
