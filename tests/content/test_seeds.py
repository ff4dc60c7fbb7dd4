"""Where the source articles are missing, the seed checks fail or skip as tests/content/seeds.py
says: fail beside a `../shared` folder or with DEBRIEF_SEEDS set, skip in a fork's clone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.content import seeds


def outcome(monkeypatch: pytest.MonkeyPatch, shared: Path, env: str | None) -> str:
    monkeypatch.setattr(seeds, "SHARED", shared)
    if env is None:
        monkeypatch.delenv("DEBRIEF_SEEDS", raising=False)
    else:
        monkeypatch.setenv("DEBRIEF_SEEDS", env)
    try:
        seeds.seed_texts()
    except pytest.skip.Exception as skipped:
        return f"skip: {skipped}"
    except pytest.fail.Exception as failed:
        return f"fail: {failed}"
    return "ran"


def test_no_shared_folder_skips_and_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             ) -> None:
    result = outcome(monkeypatch, tmp_path / "shared", None)
    assert result.startswith("skip:") and "fork" in result and "DEBRIEF_SEEDS" in result


@pytest.mark.parametrize("make", ["nothing", "empty seeds folder", "seeds without articles"])
def test_shared_folder_without_articles_fails(make: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    if make != "nothing":
        (shared / "seeds").mkdir()
    if make == "seeds without articles":
        (shared / "seeds" / "README.md").write_text("notes only")
    assert outcome(monkeypatch, shared, None).startswith("fail:")


def test_debrief_seeds_names_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "elsewhere"
    assert outcome(monkeypatch, tmp_path / "no-shared", str(elsewhere)).startswith("fail:")
    elsewhere.mkdir()
    (elsewhere / "000_a.txt").write_text("An article.")
    assert outcome(monkeypatch, tmp_path / "no-shared", str(elsewhere)) == "ran"


def test_ci_no_longer_decides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fork's CI sets CI=true and has no ../shared: that is a skip, not a failure."""
    monkeypatch.setenv("CI", "true")
    assert outcome(monkeypatch, tmp_path / "shared", None).startswith("skip:")
