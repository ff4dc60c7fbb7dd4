"""One check of the site's settings for the plugin, the hook and the bare extension: each
mistake is one message that says where it is and how to fix it."""

from __future__ import annotations

import logging
import re

import markdown
import pytest
from babel import Locale
from hypothesis import given
from hypothesis import strategies as st

from debrief.plugin import DebriefConfig
from debrief.settings import (
    NAMESPACE_RULE,
    OPTION_NAMES,
    SettingsError,
    default_namespace,
    report_missing_strings,
    report_unnamed,
    resolve,
)
from debrief.strings import Strings, languages, shipped_language, table

WHERE = "mkdocs.yml: plugins: debrief"


def test_the_plugin_declares_exactly_the_settings() -> None:
    assert {name for name, _ in DebriefConfig._schema} == set(OPTION_NAMES)


def test_forks_on_one_origin_get_different_namespaces() -> None:
    first = default_namespace("Debrief", "https://someone.github.io/handbook/")
    second = default_namespace("Debrief", "https://someone.github.io/handbook-fr/")
    assert first == "someone.github.io_handbook" and second == "someone.github.io_handbook-fr"
    assert default_namespace("Our Guide", "") == "our-guide"
    assert default_namespace("Debrief", "https://Debrief.Example.org/") == "debrief.example.org"
    settings = resolve({}, WHERE, site_url="https://hr.example.com/guide/")
    assert settings.namespace == "hr.example.com_guide"
    # Answers kept under the name the site had before are adopted.
    assert settings.previous_namespaces == ("hr.example.com-guide",)


def test_paths_that_differ_only_in_case_or_punctuation_never_share_a_namespace() -> None:
    """Found in the second round: the old name lower-cased the host only, and dropped the
    path's capitals: /Team/ and /Beam/ both became "...-eam"."""
    names = {default_namespace("", f"https://you.github.io/{path}/")
             for path in ("Team", "Beam", "team", "a-b", "a/b", "a_b", "a.b", "ä", "a%20b")}
    assert len(names) == 9
    assert all(NAMESPACE_RULE.fullmatch(name) for name in names)


@given(st.tuples(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="/?#"),
                         min_size=1, max_size=30),
                 st.lists(st.text(alphabet=st.characters(codec="utf-8",
                                                         exclude_characters="/?#"),
                                  min_size=1, max_size=30), max_size=4)),
       st.tuples(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="/?#"),
                         min_size=1, max_size=30),
                 st.lists(st.text(alphabet=st.characters(codec="utf-8",
                                                         exclude_characters="/?#"),
                                  min_size=1, max_size=4), max_size=4)))
def test_different_addresses_never_share_a_namespace(first: tuple, second: tuple) -> None:
    """A property of the derivation: it reads back to one address only."""
    def address(parts: tuple) -> tuple[str, str]:
        host, path = parts
        return host.lower(), "/".join(path)

    names = [default_namespace("", f"https://{host}/{'/'.join(path)}/")
             for host, path in (first, second)]
    assert all(NAMESPACE_RULE.fullmatch(name) for name in names)
    if address(first) != address(second):
        assert names[0] != names[1]


@pytest.mark.parametrize(("options", "message"), [
    ({"colour": "red"}, "unknown option 'colour'. Fix: use one of: namespace,"),
    ({"language": "not a code"}, "language 'not a code' is not a language code"),
    ({"strings": {"rest": "Start again"}}, "strings has no key 'rest'"),
    ({"strings": {"script.done": "Done"}}, "'script.done' takes plural forms"),
    ({"scale": {"de": ["Schwach", "Stark"]}}, "scale has no labels for language 'en'"),
    ({"scale": ["Only"]}, f"{WHERE}: scale: 1 label given; a rating scale needs 2 to 10 "
     "labels. Fix: write 2 to 10 labels, lowest first, such as `scale: [Weak, Fair, Strong]`."),
    ({"scale": {"en": ["Only"]}}, f"{WHERE}: scale: en: 1 label given; a rating scale needs 2 "
     "to 10 labels. Fix: write 2 to 10 labels, lowest first, such as `en: [Weak, Fair, Strong]` "
     "under `scale:`."),
    ({"scale": "Low, High"}, "scale must be a list of labels. Fix: write 2 to 10 labels"),
    ({"scale": ["Low", "Low"]}, "scale: the label 'Low' is given twice"),
    ({"namespace": "a b"}, "namespace 'a b' is not valid"),
    ({"namespace": "מדריך"}, "Fix: use 1 to 100 ASCII letters (A-Z, a-z), digits"),
    ({"notes_limit": 5}, "notes_limit '5' is out of range"),
    ({"versions": "each"}, "versions 'each' is not one of shared, separate"),
])
def test_each_bad_setting_says_where_and_how_to_fix_it(options: dict, message: str) -> None:
    with pytest.raises(SettingsError) as raised:
        resolve(options, WHERE)
    assert str(raised.value).startswith(f"{WHERE}: ") and message in str(raised.value)
    assert "Fix: " in str(raised.value)


def test_the_scale_follows_the_site_language_or_the_setting() -> None:
    assert resolve({}, WHERE).scale == tuple(table("en")["scale"])
    chosen = resolve({"scale": {"en": ["Low", "High"], "de": ["Niedrig", "Hoch"]}}, WHERE)
    assert chosen.scale == ("Low", "High")


def test_overrides_replace_single_strings() -> None:
    settings = resolve({"strings": {"reset": "Start again"}}, WHERE)
    assert settings.strings["reset"] == "Start again"
    assert settings.strings["copy"] == table("en")["copy"]


def test_a_missing_translation_falls_back_to_english_with_a_warning(
        caplog: pytest.LogCaptureFixture) -> None:
    settings = resolve({"language": "sv", "strings": {"reset": "Börja om"}}, WHERE)
    assert settings.strings["copy"] == table("en")["copy"]
    assert settings.language == "sv"  # the site is translating: its sections say so
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        report_missing_strings(settings, WHERE)
    assert "language 'sv' has no text for" in caplog.text and "English is shown" in caplog.text


def test_a_scale_setting_is_not_reported_as_a_missing_string(
        caplog: pytest.LogCaptureFixture) -> None:
    """`scale:` is where a site gives the scale's labels, so the `scale` string is not missing."""
    english = table("en")
    given = {key: value for key, value in english.items() if key not in ("scale", "copy")}
    settings = resolve({"language": "sv", "strings": given, "scale": ["Svag", "Stark"]}, WHERE)
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        report_missing_strings(settings, WHERE)
    assert caplog.messages == [
        f"{WHERE}: language 'sv' has no text for 1 string (copy); English is shown instead. "
        f"Fix: add them under `strings:`, or use a language Debrief ships: "
        f"{', '.join(languages())}."]
    caplog.clear()
    # Every other string given: nothing is missing, and the per-language form counts too.
    given["copy"] = "Kopiera"
    for scale in (["Svag", "Stark"], {"sv": ["Svag", "Stark"], "en": ["Weak", "Strong"]}):
        settings = resolve({"language": "sv", "strings": given, "scale": scale}, WHERE)
        with caplog.at_level(logging.WARNING, logger="mkdocs"):
            report_missing_strings(settings, WHERE)
        assert caplog.messages == [] and settings.scale == ("Svag", "Stark")


def test_a_language_without_strings_is_english_with_a_warning(
        caplog: pytest.LogCaptureFixture) -> None:
    """Once a hard error; now English, as a missing translation is, and --strict stops."""
    settings = resolve({}, WHERE, theme_language="xx")
    assert settings.strings.values == table("en") and settings.scale == tuple(table("en")["scale"])
    # The words are English, so the sections say so, for screen readers, plurals and Intl.
    assert settings.language == "en" and settings.strings.direction == "ltr"
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        report_missing_strings(settings, WHERE)
    assert caplog.messages == [
        f"{WHERE}: Debrief has no strings for language 'xx' (from theme.language), so its "
        f"widgets are in English. Fix: set `language:` to one of {', '.join(languages())}, or "
        "give every string under `strings:` (the keys are in debrief/strings/en.json)."]


@pytest.mark.parametrize(("context", "warned"), [
    ({"site_name": "מדריך לראיונות"}, True),
    ({"site_name": "Руководство"}, True),
    ({"site_name": "Руководство", "site_url": "https://example.org/ru/"}, False),
    ({"site_name": "Guide Руководство"}, False),
    ({"site_name": "Debrief"}, False),
])
def test_a_site_with_nothing_to_name_its_answers_after_is_warned(
        caplog: pytest.LogCaptureFixture, context: dict, warned: bool) -> None:
    """Such a site falls back to `debrief`, which every other such site on its origin shares."""
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        report_unnamed(resolve({}, WHERE, **context), WHERE)
        report_unnamed(resolve({"namespace": "mine"}, WHERE, **context), WHERE)
    assert ("Fix: set `site_url` to the address readers use, or `namespace:`" in caplog.text) \
        is warned
    assert len(caplog.records) == warned


@pytest.mark.parametrize("language", languages())
def test_every_shipped_language_has_every_key_in_the_same_shape(language: str) -> None:
    english, own = table("en"), table(language)
    assert set(own) == set(english), set(english) ^ set(own)
    for key, value in english.items():
        assert type(own[key]) is type(value), key
        if isinstance(value, dict):
            assert "other" in own[key], key
        if isinstance(value, str):
            # The same placeholders, so nothing is lost or left unfilled in translation.
            assert sorted(_placeholders(own[key])) == sorted(_placeholders(value)), key


@pytest.mark.parametrize("language", [code for code in languages() if code != "en"])
def test_the_names_of_downloaded_files_are_translated(language: str) -> None:
    """A reader saves a summary or a backup under a name in their own language."""
    english, own = table("en"), table(language)
    for key in ("progress.summary-file", "progress.backup-file", "progress.aside-file"):
        assert own[key] != english[key], key


def _placeholders(text: str) -> list[str]:
    return re.findall(r"\{(\w+)\}", text)


def test_plurals_follow_the_language() -> None:
    english = Strings.build("en")
    assert english.plural("script.done", 1, total=3) == "1 of 3 done."
    assert Strings.build("he").direction == "rtl" and english.direction == "ltr"
    polish = Strings.build("pl")
    assert [polish.plural("app.tools", n) for n in (1, 2, 5, 22, 112)] == [
        "1 narzędzie", "2 narzędzia", "5 narzędzi", "22 narzędzia", "112 narzędzi"]
    assert Strings.build("ja").plural("app.tools", 1) == "1個のツール"
    # Brazil writes 0 in the singular, Portugal in the plural.
    assert Strings.build("pt-BR").plural("app.tools", 0) == "0 ferramenta"
    assert Strings.build("pt-PT").plural("app.tools", 0) == "0 ferramentas"


@pytest.mark.parametrize(("language", "shipped"), [
    ("pt", "pt"), ("pt-BR", "pt"), ("pt_BR", "pt"), ("pt-PT", "pt-PT"), ("pt_PT", "pt-PT"),
    ("pt-pt", "pt-PT"), ("pt-AO", "pt-PT"), ("ja-JP", "ja"), ("pl_PL", "pl"), ("nl-BE", "nl"),
    ("it", "it"), ("sv", None),
])
def test_each_language_code_finds_its_table(language: str, shipped: str | None) -> None:
    """`pt` is Brazilian Portuguese, as in CLDR; regions CLDR derives from Portugal's (Angola,
    Mozambique...) get Portugal's table."""
    assert shipped_language(language) == shipped


@pytest.mark.parametrize("language", languages())
def test_every_plural_has_each_category_the_language_uses(language: str) -> None:
    """Every category Babel chooses among for the language (the browser's `Intl` is checked
    by tests/js/strings.test.js and in Chromium by tests/builders/test_languages.py)."""
    needed = {*Locale.parse(language.replace("-", "_")).plural_form.tags, "other"}
    for key, value in table(language).items():
        if isinstance(value, dict):
            assert needed <= set(value), (key, needed - set(value))
            for form in value.values():  # every form says what the English one says
                assert sorted(_placeholders(form)) == sorted(
                    _placeholders(table("en")[key]["other"])), (key, form)


def test_the_bare_extension_reads_its_settings_from_its_options() -> None:
    html = markdown.markdown(
        "/// worksheet | W\n    id: w\n    criteria:\n      - label: Clarity\n///\n",
        extensions=["debrief.widgets"],
        extension_configs={"debrief.widgets": {"scale": ["Low", "High"], "namespace": "mine"}})
    assert "Low" in html and "High" in html and "&quot;ns&quot;:&quot;mine&quot;" in html


def test_an_item_in_another_script_says_how_to_give_it_an_id(
        caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="mkdocs"):
        markdown.markdown("/// checklist | T\n    id: t\n\n- [ ] Подготовка\n///\n",
                          extensions=["debrief.widgets"])
    assert "Fix: end its line with an id in those letters, e.g. `- [ ] Подготовка {#item-1}`" \
        in caplog.text
