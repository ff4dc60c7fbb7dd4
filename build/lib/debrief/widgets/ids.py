"""Ids of widgets and their items: the rule they follow, and ids derived from item text."""

from __future__ import annotations

import re
import unicodedata

from .problems import WidgetProblem

MAX_ID_LENGTH = 64
DERIVED_ID_LENGTH = 48
ID_RULE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")

_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(?<!\w)[*_`]+|[*_`]+(?!\w)")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def check_id(value: object, what: str = "id") -> str:
    """Return `value` if it is a valid id, else raise a problem that says how to fix it."""
    if value is None or value == "":
        raise WidgetProblem(f"{what} is missing", f"add `{what}: a-short-name`")
    text = str(value)
    if len(text) > MAX_ID_LENGTH or not ID_RULE.fullmatch(text):
        raise WidgetProblem(
            f"{what} '{text}' is not valid",
            f"use lowercase letters, digits and single hyphens, starting with a letter and at most "
            f"{MAX_ID_LENGTH} characters, e.g. '{derive_id(text) or 'my-list'}'",
        )
    return text


def plain_text(text: str) -> str:
    """Inline Markdown reduced to its words: link text kept, emphasis and code marks dropped."""
    return _EMPHASIS.sub("", _MARKDOWN_LINK.sub(r"\1", text)).strip()


def derive_id(text: str) -> str:
    """Make an id from item text: plain words, lowercase, joined by hyphens."""
    plain = plain_text(text)
    ascii_text = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode()
    slug = _NOT_ALNUM.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > DERIVED_ID_LENGTH:
        slug = slug[:DERIVED_ID_LENGTH].rsplit("-", 1)[0]
    slug = slug.lstrip("0123456789-")
    return slug
