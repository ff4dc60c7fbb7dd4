"""A site versioned with mike, as its authors deploy it: `mike deploy 1.0`, then `mike deploy 2.0
latest`, into the gh-pages branch of a git repository, served from that branch's files (the
alias `latest` a symbolic link to 2.0, as mike makes it by default).

mike builds each version with its version appended to `site_url`; the answers of a site with
`versions: shared` (the default) must still be one set for every version, and those of a site
with `versions: separate` one set per version, which the alias shares with its version."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tarfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.conftest import write_site

from .browser_support import *
from .conftest import serve_folder

SITE_URL = "https://coach.example.net/notes/"
NS = "coach.example.net_notes"  # from SITE_URL, whatever version mike builds
LIST = """# Ready

/// checklist | Ready
    id: ready

- [ ] Send the note {#send-note}
- [ ] Bring a pen {#pen}
///
"""
ITEMS = ("send-note", "pen")


def mike_site(project: Path, versions: str) -> Path:
    """The gh-pages branch of `project` after deploying 1.0 and then 2.0 as `latest`, written
    out under a folder `notes/` (as SITE_URL's path): returns the folder to serve."""
    write_site(project, {"index.md": LIST},
               f"site_url: {SITE_URL}\nmarkdown_extensions:\n  - attr_list\nplugins:\n"
               f"  - debrief:\n      versions: {versions}\n      log_page: ''\n")
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "PATH": bin_dir + os.pathsep + os.environ["PATH"],
           "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}

    def run(*command: str) -> bytes:
        done = subprocess.run(command, cwd=project, env=env, capture_output=True, timeout=300,
                              check=False)
        assert done.returncode == 0, (done.stdout + done.stderr).decode()
        return done.stdout

    run("git", "init", "-q", "-b", "main")
    run("git", "add", "-A")
    run("git", "commit", "-q", "-m", "The site")
    mike = str(Path(bin_dir) / "mike")
    run(mike, "deploy", "--branch", "gh-pages", "1.0")
    run(mike, "deploy", "--branch", "gh-pages", "2.0", "latest")
    served = project / "served"
    with tarfile.open(fileobj=io.BytesIO(run("git", "archive", "gh-pages"))) as archive:
        archive.extractall(served / "notes", filter="tar")
    assert (served / "notes" / "latest").is_symlink()
    return served


@pytest.fixture(scope="module")
def shared_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_folder(mike_site(tmp_path_factory.mktemp("shared"), "shared")) as url:
        yield url + "notes/"


@pytest.fixture(scope="module")
def separate_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_folder(mike_site(tmp_path_factory.mktemp("separate"), "separate")) as url:
        yield url + "notes/"


def test_shared_answers_carry_over_to_every_version(page: Page, shared_url: str) -> None:
    open_page(page, shared_url + "1.0/")
    item_label(page, "ready", "pen").click()
    for version in ("2.0/", "latest/"):
        open_page(page, shared_url + version)
        expect_checked(page, "ready", {"pen"}, ITEMS)
    item_label(page, "ready", "send-note").click()
    open_page(page, shared_url + "1.0/")
    expect_checked(page, "ready", {"pen", "send-note"}, ITEMS)
    assert page.evaluate("Object.keys(localStorage)") == [f"debrief:{NS}"]


def test_shared_answers_kept_under_a_versions_own_name_are_adopted(
        new_page: Callable[..., Page], shared_url: str) -> None:
    """Before, mike's versioned site_url gave each version a name of its own."""
    earlier = make_doc({"ready": {"items": {"send-note": True}, "ratings": {}}})
    page = new_page(storage_state=with_storage(shared_url, {f"debrief:{NS}_2.0": earlier}))
    open_page(page, shared_url + "2.0/")
    expect_checked(page, "ready", {"send-note"}, ITEMS)
    assert saved_json(page, f"debrief:{NS}")["widgets"] == earlier["widgets"]


def test_separate_versions_keep_their_own_answers(page: Page, separate_url: str) -> None:
    open_page(page, separate_url + "1.0/")
    item_label(page, "ready", "pen").click()
    open_page(page, separate_url + "2.0/")
    expect_checked(page, "ready", set(), ITEMS)
    item_label(page, "ready", "send-note").click()
    open_page(page, separate_url + "1.0/")
    expect_checked(page, "ready", {"pen"}, ITEMS)
    assert sorted(page.evaluate("Object.keys(localStorage)")) == [f"debrief:{NS}@1.0",
                                                                 f"debrief:{NS}@2.0"]


def test_an_alias_shares_the_answers_of_its_version(page: Page, separate_url: str) -> None:
    open_page(page, separate_url + "latest/")
    item_label(page, "ready", "pen").click()
    open_page(page, separate_url + "2.0/")
    expect_checked(page, "ready", {"pen"}, ITEMS)
    item_label(page, "ready", "send-note").click()
    open_page(page, separate_url + "latest/")
    expect_checked(page, "ready", {"pen", "send-note"}, ITEMS)
    open_page(page, separate_url + "1.0/")
    expect_checked(page, "ready", set(), ITEMS)
    assert page.evaluate("Object.keys(localStorage)") == [f"debrief:{NS}@2.0"]
