"""How messages name a page's file: from the folder of mkdocs.yml, whatever the docs folder."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from debrief.plugin import FileNames


def page_file(src_uri: str, folder: Path) -> File:
    return File(src_uri, str(folder), "/tmp/site", use_directory_urls=True)


def test_a_page_in_the_docs_folder_is_named_from_the_project(tmp_path: Path) -> None:
    (tmp_path / "docs" / "guide").mkdir(parents=True)
    names = FileNames(tmp_path, str(tmp_path / "docs"))
    assert names.of(page_file("guide/page.md", tmp_path / "docs")) == "docs/guide/page.md"


def test_a_docs_folder_reached_through_a_link_is_named_where_it_lies(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "docs").symlink_to(tmp_path / "content")
    names = FileNames(tmp_path, str(tmp_path / "docs"))
    assert names.of(page_file("index.md", tmp_path / "docs")) == "content/index.md"


def test_a_file_from_another_folder_of_the_project_is_named_from_the_project(
        tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "shared").mkdir()
    names = FileNames(tmp_path, str(tmp_path / "docs"))
    assert names.of(page_file("extra.md", tmp_path / "shared")) == "shared/extra.md"


def test_a_file_outside_the_project_is_named_as_mkdocs_names_it(tmp_path: Path) -> None:
    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    project.mkdir()
    elsewhere.mkdir()
    names = FileNames(project, str(elsewhere))
    assert names.of(page_file("notes/page.md", elsewhere)) == "notes/page.md"
