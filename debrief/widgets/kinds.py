"""The registry of widget kinds: one block class each (`/// checklist`, `/// worksheet`), and
one script each of the same name, `kinds/<name>.js` in the site's assets, which the browser loads
on the pages that have that kind (see `debrief/assets/kinds/index.js`, its twin).

A kind from outside this package (a site's own, or a test's) registers its block class with
`register`; its `SCRIPT` names the script the plugin ships for it.
"""

from __future__ import annotations

from pathlib import Path

from .block import WidgetBlock
from .checklist import Checklist
from .entries import Entries
from .fields import Fields
from .worksheet import Worksheet

KINDS: dict[str, type[WidgetBlock]] = {}


def register(block: type[WidgetBlock]) -> type[WidgetBlock]:
    """Adds a kind of widget, by its block's NAME; the same class again changes nothing."""
    known = KINDS.get(block.NAME)
    if known is not None and known is not block:
        raise ValueError(f"a widget kind named '{block.NAME}' is already registered")
    KINDS[block.NAME] = block
    return block


def script_of(name: str) -> Path:
    """The script of the kind `name`, as written."""
    return KINDS[name].script()


for _built_in in (Checklist, Worksheet, Fields, Entries):
    register(_built_in)
