"""Debrief's modules import one another without a circle, and each one imports on its own.

A circle (once `cli` -> `collect` -> `widgets` -> `cli`) works only in the order the modules
happen to be imported, and breaks for a host that imports another one first."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "debrief"
MODULES = sorted(
    ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    for path in PACKAGE.rglob("*.py"))


def _module_of(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _imports(path: Path, *, top_level_only: bool) -> set[str]:
    """The debrief modules `path` imports (with every package on the way, which Python imports
    first), at module level only or anywhere; not those for type checkers only."""
    module = _module_of(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for n in ast.walk(node))
        if top_level_only and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            skipped.update(id(n) for n in ast.walk(node) if n is not node)
    names: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(max(node.level - 1, 0)):
                base = base.rpartition(".")[0]
            origin = f"{base}.{node.module}" if node.level and node.module else \
                base if node.level else node.module or ""
            names.add(origin)
            names.update(f"{origin}.{alias.name}" for alias in node.names)
    found = set()
    for name in names:
        parts = name.split(".")
        found.update(".".join(parts[:n]) for n in range(1, len(parts) + 1))
    # A module's own packages are imported before it runs: no edge back to them.
    ancestors = {module.rsplit(".", n)[0] for n in range(module.count(".") + 1)}
    return {name for name in found if name in MODULES and name not in ancestors}


def _graph(*, top_level_only: bool) -> dict[str, set[str]]:
    return {_module_of(path): _imports(path, top_level_only=top_level_only)
            for path in PACKAGE.rglob("*.py")}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One circle in `graph`, or [] if there is none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_the_module_level_imports_have_no_circle() -> None:
    graph = _graph(top_level_only=True)
    assert "debrief.collect" in graph["debrief.cli"]  # the graph sees imports at all
    assert _cycle(graph) == []


def test_the_finder_sees_a_circle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_the_extension_never_imports_the_cli_or_the_plugin() -> None:
    """Zensical loads the extension alone: it must not pull in the command line nor MkDocs."""
    graph = _graph(top_level_only=False)
    reached, todo = set(), ["debrief.widgets"]
    while todo:
        module = todo.pop()
        if module not in reached:
            reached.add(module)
            todo.extend(graph.get(module, ()))
    assert not reached & {"debrief.cli", "debrief.plugin", "debrief.builds"}, sorted(reached)


@pytest.mark.parametrize("module", [m for m in MODULES if m != "debrief.__main__"])
def test_each_module_imports_fresh(module: str) -> None:
    result = subprocess.run([sys.executable, "-c", f"import {module}"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
