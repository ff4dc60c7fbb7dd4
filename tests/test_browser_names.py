"""The browser tests take their shared helpers with `import *` (see browser_support.__all__), which
hides misspelt names from ruff. This puts the check back: every global name a test reads exists."""

from __future__ import annotations

import builtins
import importlib
import symtable
from collections.abc import Iterator
from pathlib import Path

import pytest

FOLDER = Path(__file__).parent / "browser"


def global_reads(table: symtable.SymbolTable) -> Iterator[str]:
    """Names read in `table` or any scope inside it that resolve to the module's globals."""
    for symbol in table.get_symbols():
        if symbol.is_referenced() and (symbol.is_global() or table.get_type() == "module"):
            yield symbol.get_name()
    for child in table.get_children():
        yield from global_reads(child)


@pytest.mark.parametrize("path", sorted(FOLDER.glob("test_*.py")), ids=lambda path: path.name)
def test_every_global_name_a_browser_test_reads_exists(path: Path) -> None:
    module = importlib.import_module(f"tests.browser.{path.stem}")
    table = symtable.symtable(path.read_text(), str(path), "exec")
    missing = sorted({name for name in global_reads(table)
                      if not hasattr(module, name) and not hasattr(builtins, name)})
    assert not missing, f"{path.name} reads names it never defines or imports: {missing}"
