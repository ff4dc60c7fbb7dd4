"""A site in English and French built with mkdocs-static-i18n, the plugin most multi-language
MkDocs sites use: it builds the whole site once per language (`docs/en/`, `docs/fr/`), French
under /fr/. Each language gets its own strings, its own log page, which its worksheets' "Save to
log" form links to, and its own progress page listing its own pages; answers are the site's,
shared by its languages (the widgets keep their ids across translations)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import ROOT, mkdocs_build, write_site

from .browser_support import *
from .conftest import serve_folder

PAGES = {
    "en": {"index.md": ("Coaching notes", "Before our session",
                        ("Write down the questions", "Pick one answer")),
           "rate.md": ("Rate a practice run", "Practice run", ("Clarity", "Evidence")),
           "progress.md": ("My progress",), "log.md": ("Feedback log",)},
    "fr": {"index.md": ("Notes de coaching", "Avant notre séance",
                        ("Notez les questions", "Choisissez une réponse")),
           "rate.md": ("Évaluer un entraînement", "Entraînement", ("Clarté", "Preuves")),
           "progress.md": ("Ma progression",), "log.md": ("Journal des retours",)},
}
TEXT = {lang: json.loads((ROOT / "debrief" / "strings" / f"{lang}.json").read_text())
        for lang in PAGES}


def page_text(name: str, titles: tuple) -> str:
    if name == "index.md":
        title, widget_title, items = titles
        lines = "\n".join(f"- [ ] {text} {{#item-{n}}}" for n, text in enumerate(items, 1))
        return f"# {title}\n\n/// checklist | {widget_title}\n    id: prep\n\n{lines}\n///\n"
    if name == "rate.md":
        title, widget_title, items = titles
        criteria = "".join(f"      - id: c{n}\n        label: {text}\n"
                           for n, text in enumerate(items, 1))
        return (f"# {title}\n\n/// worksheet | {widget_title}\n    id: run\n    criteria:\n"
                f"{criteria}///\n")
    kind = "progress" if name == "progress.md" else "feedback-log"
    return f"# {titles[0]}\n\n/// {kind} | {titles[0]}\n///\n"


@pytest.fixture(scope="module")
def i18n_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp("i18n")
    for lang in PAGES:
        (project / "docs" / lang).mkdir(parents=True)
    write_site(project, {f"{lang}/{name}": page_text(name, titles)
                         for lang, pages in PAGES.items() for name, titles in pages.items()},
               "site_url: https://coach.example.net/notes/\nmarkdown_extensions:\n"
               "  - attr_list\nplugins:\n  - search\n  - i18n:\n      docs_structure: folder\n"
               "      languages:\n        - locale: en\n          default: true\n"
               "          name: English\n        - locale: fr\n          name: Français\n"
               "  - debrief\n")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_folder(project / "site") as url:
        yield url


@pytest.mark.parametrize(("lang", "prefix"), [("en", ""), ("fr", "fr/")])
def test_each_language_shows_its_own_strings(page: Page, i18n_url: str, lang: str,
                                             prefix: str) -> None:
    open_page(page, i18n_url + prefix)
    item_label(page, "prep", "item-1").click()
    expect(saved(page, "prep")).to_have_text(" " + TEXT[lang]["script.saved"])
    expect(widget(page, "prep")).to_have_attribute("lang", lang)
    open_page(page, i18n_url + prefix + "rate/")
    expect(widget(page, "run").get_by_role("button", name=TEXT[lang]["log.save-button"])
           ).to_have_count(1)


@pytest.mark.parametrize(("lang", "prefix"), [("en", ""), ("fr", "fr/")])
def test_each_language_saves_to_its_own_log_page(page: Page, i18n_url: str, lang: str,
                                                 prefix: str) -> None:
    open_page(page, i18n_url + prefix + "rate/")
    for criterion in ("c1", "c2"):
        rate(page, "run", criterion, 3)
    form = widget(page, "run").locator(".debrief-log-form")
    form.locator("#run--log-label").fill(f"Entretien {lang}")
    form.locator("#run--log-date").fill("2024-05-02")
    form.get_by_role("button", name=TEXT[lang]["log.save-button"]).click()
    expect(saved(page, "run")).to_have_text(" " + TEXT[lang]["script.logged"])

    form.get_by_role("link", name=TEXT[lang]["log-open"]).click()
    page.wait_for_url(i18n_url + prefix + "log/")
    wait_app(page)
    expect(page.locator("h1")).to_have_text(PAGES[lang]["log.md"][0])
    expect(app(page, "debrief-feedback-log")).to_contain_text(f"Entretien {lang}")


@pytest.mark.parametrize(("lang", "prefix"), [("en", ""), ("fr", "fr/")])
def test_each_progress_page_lists_its_own_pages(page: Page, i18n_url: str, lang: str,
                                                prefix: str) -> None:
    # Answers are the site's: a tick on the other language's page counts here too.
    open_page(page, i18n_url + ("fr/" if lang == "en" else ""))
    item_label(page, "prep", "item-2").click()
    open_app(page, i18n_url + prefix + "progress/")
    listed = app(page, "debrief-progress").locator("li[data-widget]")
    expect(listed).to_have_count(2)
    titles, items = PAGES[lang]["index.md"][1], PAGES[lang]["rate.md"][1]
    expect(listed.locator("a")).to_have_text([titles, items])
    links = listed.locator("a").evaluate_all("(links) => links.map((a) => a.href)")
    assert links == [f"{i18n_url}{prefix}#prep", f"{i18n_url}{prefix}rate/#run"]
    expect(listed.first).to_contain_text(TEXT[lang]["progress.count"].format(done=1, total=2))
