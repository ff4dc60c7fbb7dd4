"""What the site ships stays within its budgets: a page with a widget loads at most 4 KB
(gzipped) of our script and styles as it opens; the progress and log pages at most 6 KB more;
each module loaded later, when a reader first needs it, at most 4 KB with the style sheet it
adds. `make bench` reports the same figures with the rest."""

from __future__ import annotations

import pytest

from debrief.assets import (
    APP_PAGE_BUDGET,
    APP_PAGES,
    MODULE_STYLES,
    ON_DEMAND_BUDGET,
    WIDGET_PAGE,
    WIDGET_PAGE_BUDGET,
    gzipped_size,
    on_demand_modules,
    shipped_assets,
    with_styles,
)


def test_a_widget_page_loads_at_most_4_kb() -> None:
    assert gzipped_size(WIDGET_PAGE) <= WIDGET_PAGE_BUDGET


@pytest.mark.parametrize("page", APP_PAGES)
def test_the_progress_and_log_pages_load_at_most_6_kb_more(page: str) -> None:
    assert gzipped_size(APP_PAGES[page]) <= APP_PAGE_BUDGET


@pytest.mark.parametrize("module", on_demand_modules())
def test_each_module_loaded_on_demand_stays_small(module: str) -> None:
    assert module.endswith(".js") and gzipped_size(with_styles(module)) <= ON_DEMAND_BUDGET


@pytest.mark.parametrize("module", MODULE_STYLES)
def test_a_module_that_adds_a_style_sheet_names_it(module: str) -> None:
    """The sheet counted with a module is the one it loads, so its bytes are never left out."""
    script = shipped_assets()[module]
    assert all(f'"{sheet}"' in script for sheet in MODULE_STYLES[module])


def test_every_shipped_file_is_counted() -> None:
    """A new file falls under one budget or another: none slips past them."""
    counted = set(WIDGET_PAGE).union(*APP_PAGES.values(), *map(with_styles, on_demand_modules()))
    assert set(shipped_assets()) == counted
