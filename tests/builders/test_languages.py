"""A site in any language Debrief ships shows every widget string in it: on a checklist, a
worksheet, the progress page and the log, nothing of Debrief's English is left, and axe finds no
violation (Hebrew is laid out right to left). Chromium's plural rules find a form for each
category, and dates and averages are written the language's way."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from debrief.settings import default_namespace
from debrief.strings import shipped_language, table
from tests.browser.browser_support import axe_report, with_storage
from tests.browser.conftest import SiteHandler, serve_folder
from tests.conftest import mkdocs_build, write_site

# Brazilian Portuguese as Material names it, so the site finds Debrief's `pt` through the region.
LANGUAGES = ("fr", "de", "es", "he", "it", "nl", "pt-BR", "pt-PT", "pl", "ja")
# Material has no `pt-PT`: its `pt` is European Portuguese, which is Debrief's `pt-PT` (Debrief's
# `pt` is Brazil's, as in CLDR), so a site in Portugal sets Debrief's language itself.
THEME_LANGUAGE = {"pt-PT": "pt"}
# How Chromium's Intl writes 2024-04-02 and the decimal point in the page's language: what the
# log's columns and the averages must show when the sections carry the right `lang`.
FORMATS = {"pl": ("2 kwi 2024", ","), "ja": ("2024/04/02", "."),
           "pt-BR": ("2 de abr. de 2024", ","), "pt-PT": ("02/04/2024", ",")}
SITE_URL = "https://lang.example.net/"
# Neutral author content, so that only Debrief's own strings can be English.
PAGES = {
    "index.md": "# Alpha page\n\n/// checklist | Alpha\n    id: alpha\n\n"
                "- [ ] Alpha 1 {#a1}\n- [ ] Alpha 2 {#a2}\n///\n",
    "rate.md": "# Beta page\n\n/// worksheet | Beta\n    id: beta\n    criteria:\n"
               "      - id: b1\n        label: Beta 1\n        guide: index.md\n"
               "      - id: b2\n        label: Beta 2\n///\n",
    "progress.md": "# Gamma\n\n/// progress | Gamma\n///\n",
    "log.md": "# Delta\n\n/// feedback-log | Delta\n///\n",
}
STORED = {"v": 2, "t": "2024-05-01T10:00:00.000Z",
          "widgets": {"alpha": {"items": {"a1": True}, "t": "2024-05-01T10:00:00.000Z"},
                      "beta": {"ratings": {"b1": 2}, "notes": "x",
                               "t": "2024-05-01T10:00:00.000Z"}},
          "log": [{"id": "e1", "worksheet": "beta", "label": "Omega", "date": "2024-04-02",
                   "ratings": {"b1": 2, "b2": 4}, "notes": "", "t": "2024-04-02T10:00:00.000Z"},
                  {"id": "e2", "worksheet": "beta", "label": "Omega 2", "date": "2024-04-09",
                   "ratings": {"b1": 1, "b2": 3}, "notes": "", "t": "2024-04-09T10:00:00.000Z"}]}

TEXT_OF_SECTIONS = """() => [...document.querySelectorAll('section.debrief')].map((s) =>
  [s.textContent, ...[...s.querySelectorAll('[aria-label],[title],[placeholder]')].flatMap(
    (e) => [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('placeholder')])
  ].filter(Boolean).join('\\n')).join('\\n')"""


@pytest.fixture(scope="module", params=LANGUAGES)
def site(request: pytest.FixtureRequest,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    language = request.param
    project = tmp_path_factory.mktemp(language)
    theme = THEME_LANGUAGE.get(language, language)
    plugin = "debrief" if theme == language else f"debrief:\n      language: {language}"
    write_site(project, PAGES, f"site_url: {SITE_URL}\nplugins:\n  - {plugin}\n"
               "extra:\n  generator: false\n",  # the theme's own footer line fails contrast
               theme)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_folder(project / "site", SiteHandler) as url:
        yield language, url


def english_left(language: str, text: str) -> list[str]:
    """Fragments of Debrief's English strings found in `text`, where the language has its own."""
    english, own = table("en"), table(shipped_language(language) or "en")
    found = []
    for key, value in english.items():
        if own.get(key) == value or isinstance(value, list):
            continue
        forms = value.values() if isinstance(value, dict) else [value]
        # A word both languages share ("Notes" in French) is not English left behind.
        translated = json.dumps(own.get(key), ensure_ascii=False)
        for form in forms:
            for fragment in re.split(r"\{\w+\}", form):
                fragment = fragment.strip(" .,:;()\"'")
                # Whole words only: "Cancelar" is Spanish, not "Cancel" left behind.
                if fragment in translated:
                    continue
                if len(fragment) >= 4 and re.search(r"[A-Za-z]{3}", fragment) and re.search(
                        rf"(?<!\w){re.escape(fragment)}(?!\w)", text):
                    found.append(f"{key}: {fragment!r}")
    return found


def visit(browser: Browser, url: str) -> Page:
    context = browser.new_context(storage_state=with_storage(
        url, {f"debrief:{default_namespace('', SITE_URL)}": STORED}))
    context.set_default_timeout(10_000)
    return context.new_page()


def test_every_widget_string_is_in_the_site_language(site: tuple[str, str],
                                                     browser: Browser) -> None:
    language, url = site
    page = visit(browser, url)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    texts, violations = [], []

    page.goto(url)
    expect(page.locator("section#alpha")).to_have_attribute("data-ready", "1")
    page.locator('section#alpha input[data-item="a2"]').check()  # "saved" message
    page.locator("section#alpha [data-act=reset]").click()  # the confirmation bar
    texts.append(page.evaluate(TEXT_OF_SECTIONS))
    violations.append(axe_report(page, f"{language} checklist"))

    page.goto(url + "rate/")
    expect(page.locator("section#beta")).to_have_attribute("data-ready", "1")
    page.locator('input[name="beta--b2"][value="3"]').locator("xpath=..").click()
    day, point = FORMATS.get(language, ("", ""))
    if day:  # ratings 2 and 3
        expect(page.locator("section#beta .debrief-progress")).to_contain_text(f" 2{point}5")
    texts.append(page.evaluate(TEXT_OF_SECTIONS))
    violations.append(axe_report(page, f"{language} worksheet"))

    for path in ("progress/", "log/"):
        page.goto(url + path)
        expect(page.locator("section[data-debrief-app]")).to_have_attribute(
            "data-ready-ms", re.compile(r"."))
        texts.append(page.evaluate(TEXT_OF_SECTIONS))
        violations.append(axe_report(page, f"{language} {path}"))
    if day:  # the first entry's column, and the average of its 2 and the second's 1
        column = table(shipped_language(language))["log.column"].format(label="Omega", date=day)
        expect(page.locator("section[data-debrief-app] th").filter(
            has_text=re.compile(f"^{re.escape(column)}$"))).to_have_count(1)
        expect(page.locator('section[data-debrief-app] td[data-average="b1"]')).to_have_text(
            f"1{point}5")

    # Chromium's plural rules for the sections' language find a form in every plural string.
    categories = set(page.evaluate(
        "() => new Intl.PluralRules(document.querySelector('section.debrief').lang)"
        ".resolvedOptions().pluralCategories"))
    own = table(shipped_language(language) or "en")
    lacking = {key: categories - set(value) for key, value in own.items()
               if isinstance(value, dict) and categories - set(value)}
    assert not lacking, lacking
    assert page.locator("section.debrief").first.get_attribute("lang") == language

    direction = "rtl" if language == "he" else "ltr"
    assert page.locator("section.debrief").first.get_attribute("dir") == direction
    assert page.locator("body").get_attribute("dir") == direction  # set by the theme
    assert not english_left(language, "\n".join(texts)), english_left(language, "\n".join(texts))
    assert not [v for v in violations if v], "\n".join(v for v in violations if v)
    assert not errors, errors
    page.context.close()


def test_the_english_check_finds_english() -> None:
    """The check above can fail: English text is caught in every language."""
    sample = json.dumps(table("en"))
    for language in LANGUAGES:
        assert english_left(language, sample)
