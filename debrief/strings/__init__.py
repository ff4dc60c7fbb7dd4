"""Every string a reader sees, one table per language (`<code>.json` in this folder).

Python renders some of them into the page; the scripts read the rest from the page, so a
translation never touches the scripts. A value is either text with `{name}` placeholders, a
list (the default rating scale), or a plural: an object keyed by CLDR category (`one`,
`other`, ...), chosen in Python with Babel and in the browser with `Intl.PluralRules`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.core import get_global

FOLDER = Path(__file__).parent
FALLBACK = "en"
# Keys a script reads from the page, by prefix: what each kind of section carries.
SCRIPT_KEYS = {
    "widget": ("script.",),
    "progress": ("app.", "progress."),
    "feedback-log": ("app.", "log."),
    "interview-day": ("app.", "day."),
}


def languages() -> tuple[str, ...]:
    """The languages with a table of their own."""
    return tuple(sorted(path.stem for path in FOLDER.glob("*.json")))


@cache
def table(language: str) -> dict[str, Any]:
    return json.loads((FOLDER / f"{language}.json").read_text(encoding="utf-8"))


def shipped_language(language: str) -> str | None:
    """The table for `language`, or None when there is none.

    A table named for a region (`pt-PT`) serves that region however the code is written
    (`pt_PT`, `pt-pt`), and the regions CLDR derives from it (`pt-AO`, `pt-MZ`...); any other
    region gets the table named for the language alone: `pt-BR`, `pt_BR` and `pt` get `pt`,
    Brazilian Portuguese, which is what `pt` means in CLDR, so in Babel and in the browser's
    `Intl` (their plural rules for `pt` are Brazil's: 0 takes the singular)."""
    tag = language.replace("_", "-").lower()
    by_tag = {name.lower(): name for name in languages()}
    for candidate in (tag, _CLDR_PARENTS.get(tag, ""), tag.split("-")[0]):
        if candidate in by_tag:
            return by_tag[candidate]
    return None


# Regions whose language CLDR derives from another region's rather than from the language
# alone ("pt-ao" -> "pt-pt"), lower case.
_CLDR_PARENTS = {child.replace("_", "-").lower(): parent.replace("_", "-").lower()
                 for child, parent in get_global("parent_exceptions").items()}


# Compared and hashed by identity, like the site they belong to: so the `Settings` that hold them
# can key a cache of what every widget section carries (see `PageState.section_attributes`).
@dataclass(eq=False)
class Strings:
    """The strings of one site: its language's table, the site's overrides, English for gaps."""

    language: str  # the language the text is in, which the sections declare (`lang`)
    values: dict[str, Any]
    missing: list[str] = field(default_factory=list)  # keys that fell back to English
    asked: str = ""  # the site's language, when Debrief has no table for it

    @classmethod
    def build(cls, language: str, overrides: dict[str, Any] | None = None) -> Strings:
        english = table(FALLBACK)
        own = shipped_language(language)
        values = {**(table(own) if own else {}), **(overrides or {})}
        missing = [key for key in english if key not in values]
        if own or overrides:
            return cls(language, {**english, **values}, missing)
        # No table and no `strings:`: every word is English, so the sections say so, and screen
        # readers, plural forms and the browser's dates and numbers follow the words.
        return cls(FALLBACK, english, missing, asked=language)

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def text(self, key: str, **values: Any) -> str:
        return str(self.values[key]).format(**values)

    def plural(self, key: str, count: int, **values: Any) -> str:
        forms = self.values[key]
        form = forms.get(_plural_category(self.language, count)) or forms["other"]
        return form.format(count=count, **values)

    def for_script(self, kind: str) -> dict[str, Any]:
        """The keys a section of this kind hands its script, without their prefix."""
        prefixes = SCRIPT_KEYS[kind]
        return {key.split(".", 1)[1]: value for key, value in self.values.items()
                if key.startswith(prefixes)}

    @property
    def direction(self) -> str:
        return "rtl" if _locale(self.language).character_order == "right-to-left" else "ltr"


@cache
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(FALLBACK)


def _plural_category(language: str, count: int) -> str:
    return _locale(language).plural_form(count)


def unknown_keys(overrides: dict[str, Any]) -> list[str]:
    """Override keys that no table has: most likely typos."""
    return sorted(set(overrides) - set(table(FALLBACK)))


def check_shape(key: str, value: Any) -> str:
    """Why an override cannot stand in for the English value of `key`; "" when it can."""
    english = table(FALLBACK)[key]
    if isinstance(english, dict):
        if not isinstance(value, dict) or "other" not in value:
            return f"'{key}' takes plural forms, at least `other:` (e.g. `one:` and `other:`)"
        return ""
    if isinstance(english, list):
        return "" if isinstance(value, list) else f"'{key}' takes a list"
    return "" if isinstance(value, str) else f"'{key}' takes text"
