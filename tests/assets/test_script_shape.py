"""The scripts stay readable and keep to their design: no function longer than 60 lines (module
wrappers included), no line longer than 100 columns, no import cycle, and one module alone that
touches the browser's storage."""

from __future__ import annotations

import re

import pytest

from debrief.assets import FOLDER, dynamic_imports, sources, static_imports

LONGEST = 60
WIDEST = 100
SCRIPTS = sorted(sources())
# What comes before a `{` that opens a function body: an arrow, `function name(...)`, or a
# method `name(...)`.
_OPENS_FUNCTION = re.compile(r"(=>|\bfunction\b[^{;]*\)|^\s*(async\s+)?#?\w+\s*\([^()]*\))\s*$")
# The one module that may touch localStorage or sessionStorage.
KEEPER = "store/keeper.js"
_STORAGE = re.compile(r"\b(localStorage|sessionStorage|window\.debrief)\b")


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


@pytest.mark.parametrize("script", SCRIPTS)
def test_no_function_is_longer_than_60_lines(script: str) -> None:
    long = [(line, length) for line, length in function_lengths(sources()[script])
            if length > LONGEST]
    assert not long, f"{script}: functions at lines {long} are over {LONGEST} lines"


@pytest.mark.parametrize("script", SCRIPTS)
def test_no_line_is_wider_than_100_columns(script: str) -> None:
    wide = [n for n, line in enumerate(sources()[script].splitlines(), 1) if len(line) > WIDEST]
    assert not wide, f"{script}: lines {wide} are over {WIDEST} columns"


def test_the_scripts_import_each_other_without_a_cycle() -> None:
    """Static imports and imports made later both count: a cycle is a cycle either way."""
    edges = {name: set(static_imports(name)) | set(dynamic_imports(name)) for name in SCRIPTS}
    assert all(target in sources() for targets in edges.values() for target in targets), edges
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, "import cycle: " + " -> ".join((*path, name))
        if name in done:
            return
        for target in sorted(edges[name]):
            visit(target, (*path, name))
        done.add(name)

    for name in SCRIPTS:
        visit(name, ())


def test_the_cycle_check_finds_a_cycle() -> None:
    edges = {"a": {"b"}, "b": {"a"}}
    with pytest.raises(AssertionError, match="cycle"):
        def visit(name: str, path: tuple[str, ...]) -> None:
            assert name not in path, "cycle"
            for target in edges[name]:
                visit(target, (*path, name))
        visit("a", ())


@pytest.mark.parametrize("script", SCRIPTS)
def test_only_the_keeper_touches_storage(script: str) -> None:
    """No other module reads or writes the browser's storage, and none reaches the store
    through a global."""
    found = _STORAGE.findall(_code_only(sources()[script]))
    assert not found or script == KEEPER, f"{script} uses {sorted(set(found))}"


def test_the_layout_shows_the_design() -> None:
    """One folder for each part: the store, the kinds, one widget's page helpers, the pages,
    and the calendar files (pure, like the store, but no part of it)."""
    folders = {path.parent.relative_to(FOLDER).as_posix() for path in FOLDER.rglob("*.js")}
    assert folders == {".", "store", "kinds", "page", "pages", "calendar"}
    assert [path.name for path in FOLDER.glob("*.js")] == ["debrief.js"]
