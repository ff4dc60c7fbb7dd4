"""A kind of widget added the way CONTRIBUTING.md's recipe says ("Add a widget kind"), from
outside the package: tests/fixtures/kind-site holds its block (poll.py), its script (poll.js) and
a page that uses it. Nothing in debrief/ knows about it, yet it keeps its answers, counts on My
progress, goes into the summary, travels in a share link and is exported."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import ROOT, mkdocs_build

from .browser_support import *
from .conftest import serve_folder

FIXTURE = ROOT / "tests" / "fixtures" / "kind-site"
POLL = "ready-poll"


@pytest.fixture(scope="module")
def kind_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp("kind-site")
    shutil.copytree(FIXTURE, project, dirs_exist_ok=True)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_folder(project / "site") as url:
        yield url


def choose(page: Page, value: int) -> None:
    page.locator(f'input[name="{POLL}--answer"][value="{value}"]').check()


def test_the_recipe_touches_only_the_kinds_own_files() -> None:
    """The kind is its block, its script and its registration: no file of debrief/ names it."""
    own = [path.name for path in FIXTURE.rglob("*") if path.is_file()
           and "poll" in path.read_text(encoding="utf-8")]
    assert sorted(own) == ["index.md", "mkdocs.yml", "poll.js", "poll.py"]
    package = ROOT / "debrief"
    assert not [path for path in package.rglob("*.*") if path.suffix in {".py", ".js"}
                and "poll" in path.read_text(encoding="utf-8")]


def test_a_kind_from_outside_keeps_counts_shares_and_exports_its_answers(
        new_page: Callable[..., Page], kind_site: str) -> None:
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    errors = script_errors(page)
    open_page(page, kind_site)
    choose(page, 2)
    expect(saved(page, POLL)).to_have_text(SAVED)
    expect(progress(page, POLL)).to_have_text("1 of 1 done.")
    page.reload()
    wait_ready(page)
    expect(page.locator(f'input[name="{POLL}--answer"][value="2"]')).to_be_checked()

    widget(page, POLL).get_by_role("button", name="Copy share link").click()
    link = page.evaluate("navigator.clipboard.readText()")
    assert link.endswith(f"#share={POLL}:answer=2")
    other = new_page()
    open_shared(other, link)
    expect(share_banner(other, POLL)).to_contain_text("Saving them here adds 1 answer")

    open_app(page, kind_site + "progress/")
    row = app(page, "debrief-progress").locator(f"li[data-widget={POLL}]")
    expect(row).to_contain_text("1 of 1")
    _, summary = download(page, "Download summary (Markdown)")
    assert "How ready do you feel?: Nearly" in summary.decode()
    _, exported = download(page, "Export all my answers")
    assert json.loads(exported)["widgets"][POLL]["ratings"] == {"answer": 2}
    assert errors == []


def test_a_kind_whose_script_cannot_load_says_so_and_the_rest_of_the_page_works(
        new_page: Callable[..., Page], kind_site: str) -> None:
    """The connection drops while the page loads, before the poll's script arrives: the poll
    says nothing it does is saved; the checklist beside it works."""
    page = new_page()
    errors = script_errors(page)
    # Whatever its version (`?v=`, see tests/build/test_asset_versions.py).
    page.route(re.compile(r"/kinds/poll\.js(\?|$)"), lambda route: route.abort())
    page.goto(kind_site)
    notice = widget(page, POLL).locator(".debrief-notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("could not load")
    page.locator('input[data-item="one"]').check()
    expect(saved(page, "beside")).to_have_text(SAVED)
    assert errors == []
