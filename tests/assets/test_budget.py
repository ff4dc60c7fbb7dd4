"""What the site ships stays within its budgets, measured on the files as shipped (minified, each
gzipped on its own as a server would): a page with widgets loads everything a reader can do on it
as it opens, nothing later; the progress and log pages load their own part on top. `make bench`
reports the same figures with the rest."""

from __future__ import annotations

import pytest

from debrief.assets import (
    APP_PAGE_BUDGET,
    APP_PAGES,
    BUILT_IN_KINDS,
    LIBRARIES,
    LIBRARY_BUDGET,
    NAMED_KIND_BUDGET,
    NAMED_KIND_PAGES,
    REFERENCE_PAGE,
    REFERENCES,
    REFERENCES_BUDGET,
    WIDGET_PAGE,
    WIDGET_PAGE_BUDGET,
    gzipped_size,
    kind_script,
    page_loads,
    shipped_assets,
)


def test_a_widget_page_keeps_to_its_budget() -> None:
    assert gzipped_size(WIDGET_PAGE) <= WIDGET_PAGE_BUDGET


@pytest.mark.parametrize("page", APP_PAGES)
def test_the_progress_and_log_pages_keep_to_theirs(page: str) -> None:
    assert gzipped_size(APP_PAGES[page]) <= APP_PAGE_BUDGET


@pytest.mark.parametrize("kind", NAMED_KIND_PAGES)
def test_a_kind_loaded_by_name_keeps_to_its_budget(kind: str) -> None:
    """A kind loaded by name adds its own module to a widget page, within its budget, and
    nothing else but the libraries it imports, each within theirs, and what those share with
    the progress page (the download helper's page/dom.js), counted there."""
    own, *libraries = NAMED_KIND_PAGES[kind]
    assert own == kind_script(kind)
    assert set(libraries) <= set(LIBRARIES).union(*APP_PAGES.values())
    assert gzipped_size((own,)) <= NAMED_KIND_BUDGET


@pytest.mark.parametrize("library", LIBRARIES)
def test_a_library_keeps_to_its_budget(library: str) -> None:
    assert gzipped_size((library,)) <= LIBRARY_BUDGET


def test_the_references_filler_is_small() -> None:
    """`<<name>>` loads one module of its own on top of the store, on every page that has one."""
    assert REFERENCE_PAGE == (REFERENCES,)
    assert gzipped_size(REFERENCE_PAGE) <= REFERENCES_BUDGET


def test_named_kinds_and_references_load_only_where_used() -> None:
    """Nor does a library that only such a kind imports (the calendar files)."""
    assert not set(WIDGET_PAGE) & {REFERENCES, *LIBRARIES,
                                   *(kind_script(k) for k in NAMED_KIND_PAGES)}
    assert not set(LIBRARIES).intersection(*APP_PAGES.values(), REFERENCE_PAGE)


def test_every_shipped_file_is_counted() -> None:
    """A new file falls under one budget or another: none slips past them."""
    counted = set(WIDGET_PAGE).union(*APP_PAGES.values(), *NAMED_KIND_PAGES.values(),
                                     REFERENCE_PAGE, LIBRARIES)
    assert set(shipped_assets()) == counted


def test_what_a_page_loads_follows_the_imports() -> None:
    """The lists are read from the scripts' own imports: a page with a checklist loads the
    entry, the keeper and the checklist's kind, and the progress page its own module."""
    assert {"debrief.js", "store/keeper.js", "store/document.js", kind_script("checklist"),
            "debrief.css"} <= set(page_loads(("checklist",)))
    assert {"pages/app.js", "pages/progress.js", "pages/importer.js", "pages/app.css"} <= set(
        APP_PAGES["progress"])
    assert all(kind_script(kind) in WIDGET_PAGE for kind in BUILT_IN_KINDS)
