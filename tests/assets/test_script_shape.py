"""The scripts stay readable: no function longer than 60 lines, module wrappers included."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from debrief.assets import FOLDER

LONGEST = 60
SCRIPTS = sorted(FOLDER.glob("*.js"))
# What comes before a `{` that opens a function body: an arrow, `function name(...)`, or a
# method `name(...)`.
_OPENS_FUNCTION = re.compile(r"(=>|\bfunction\b[^{;]*\)|^\s*(async\s+)?\w+\s*\([^()]*\))\s*$")


def _code_only(source: str) -> str:
    """The source with comments, strings and regex literals blanked (newlines kept), so their
    braces do not count."""
    pattern = re.compile(r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'"
                         r"|`(?:\\.|[^`\\])*`|/(?![*/])(?:\\.|\[[^\]\n]*\]|[^/\\\n\[])+/[a-z]*"
                         r"(?=\s*[.,;)\]}]|\s*$)", re.S | re.M)
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), source)


def function_lengths(source: str) -> list[tuple[int, int]]:
    """(first line, length in lines) of every function body in `source`."""
    code = _code_only(source)
    found, stack = [], []
    line = 1
    for at, char in enumerate(code):
        if char == "\n":
            line += 1
        elif char == "{":
            before = code[code.rfind("\n", 0, at) + 1:at]
            stack.append((line, bool(_OPENS_FUNCTION.search(before))))
        elif char == "}" and stack:
            start, is_function = stack.pop()
            if is_function:
                found.append((start, line - start + 1))
    return found


def test_the_measure_finds_long_functions() -> None:
    body = "\n".join(f"  call({n});" for n in range(61))
    assert function_lengths(f"const f = () => {{\n{body}\n}};\n") == [(1, 63)]
    assert function_lengths("function g(a) {\n  return `{`;\n}\n") == [(1, 3)]


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.name for s in SCRIPTS])
def test_no_function_is_longer_than_60_lines(script: Path) -> None:
    long = [(line, length) for line, length in function_lengths(script.read_text())
            if length > LONGEST]
    assert not long, f"{script.name}: functions at lines {long} are over {LONGEST} lines"
