"""The source articles the handbook grew from, for the tests that check no page copies them.

The articles are not ours to publish, so they live beside the checkout, in `../shared/seeds`, not
in it. Where they are depends on where the tests run:

- `DEBRIEF_SEEDS=/path` names the folder. It must then hold the articles.
- Otherwise, a checkout with `../shared` beside it (this project's own CI, its writers' machines)
  must have the articles in `../shared/seeds`: a missing or empty folder is a failure, not a
  reason to skip the very check the folder exists for.
- A checkout with no `../shared` at all (a fork's clone, a fork's CI) cannot run these checks, so
  they are skipped, with a reason that says why.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

from tests.conftest import ROOT

SHARED = ROOT.parent / "shared"


def seed_folder() -> Path | None:
    """Where the articles should be; None when this checkout has no access to them at all."""
    if os.environ.get("DEBRIEF_SEEDS"):
        return Path(os.environ["DEBRIEF_SEEDS"])
    if SHARED.is_dir():
        return SHARED / "seeds"
    return None


@functools.cache
def _read(folder: Path) -> dict[str, str]:
    return {path.name: path.read_text() for path in sorted(folder.glob("*.txt"))}


def seed_texts() -> dict[str, str]:
    """Each article's file name and text. Skips or fails the calling test as described above."""
    folder = seed_folder()
    if folder is None:
        pytest.skip(f"no {SHARED} beside the checkout (a fork's clone?), so the source articles "
                    "are not available; set DEBRIEF_SEEDS=/path/to/seeds to check against them")
    texts = _read(folder) if folder.is_dir() else {}
    if not texts:
        pytest.fail(f"no source articles (*.txt) in {folder}: restore them, or point "
                    "DEBRIEF_SEEDS at the folder that holds them")
    return texts
