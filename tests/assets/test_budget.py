"""What the site ships stays within its budgets: a page with a widget loads at most 4 KB
(gzipped) of our script and styles; the progress and log pages at most 6 KB more.
`make bench` reports the same figures with the rest."""

from __future__ import annotations

import pytest

from debrief.assets import (
    APP_PAGE_BUDGET,
    APP_PAGES,
    WIDGET_PAGE,
    WIDGET_PAGE_BUDGET,
    gzipped_size,
    shipped_assets,
)


def test_a_widget_page_loads_at_most_4_kb() -> None:
    assert gzipped_size(WIDGET_PAGE) <= WIDGET_PAGE_BUDGET


@pytest.mark.parametrize("page", APP_PAGES)
def test_the_progress_and_log_pages_load_at_most_6_kb_more(page: str) -> None:
    assert gzipped_size(APP_PAGES[page]) <= APP_PAGE_BUDGET


def test_every_shipped_file_belongs_to_a_kind_of_page() -> None:
    """A new module must be counted somewhere, or the budgets above would not see it."""
    counted = set(WIDGET_PAGE).union(*APP_PAGES.values())
    assert set(shipped_assets()) == counted
