"""Option types for the widget blocks: each turns a YAML value into a checked one or raises a
problem that says how to fix it. Blocks declare them as data in their OPTIONS table."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .ids import check_id, derive_id
from .problems import WidgetProblem, raise_all

MIN_SCALE, MAX_SCALE = 2, 10
CRITERION_KEYS = ("id", "label", "hint", "guide", "anchors")


@dataclass(frozen=True)
class Criterion:
    """One thing a worksheet rates."""

    id: str
    label: str
    hint: str = ""
    guide: str = ""
    anchors: tuple[str, ...] = field(default_factory=tuple)


def type_widget_id(value: Any) -> str:
    return check_id(value, "id")


KEEP_SCOPES = ("device", "session")


def type_keep(value: Any) -> str:
    """Where a widget's answers are kept: on the device, or for the browser tab only."""
    if value not in KEEP_SCOPES:
        raise WidgetProblem(f"keep '{value}' is not one of {', '.join(KEEP_SCOPES)}",
                            "write `keep: device` (the default) or `keep: session`, which "
                            "forgets the answers when the reader closes the tab")
    return value


def type_stories(value: Any) -> str:
    """A link to an entries tool whose records tag criteria: `page.md#tool-id`."""
    fix = "link to the tool: its page, relative to this one, then # and its id, e.g. " \
          "`stories: ../prepare/stories.md#prepare-story-bank`"
    if not isinstance(value, str) or "#" not in value:
        raise WidgetProblem(f"stories '{value}' is not a link to a tool", fix)
    tool = value.partition("#")[2]
    check_id(tool, "the tool id after # in stories")
    return value


def type_heading_level(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 2 <= value <= 6:
        raise WidgetProblem(f"level '{value}' is not a heading level", "use a number from 2 to 6")
    return value


def type_text_list(value: Any, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise WidgetProblem(f"{what} must be a list of words", f"write `{what}: [First, Second]`")
    texts = tuple(str(v).strip() for v in value)
    if any(not t for t in texts):
        raise WidgetProblem(f"{what} has an empty entry", "give every entry some text")
    return texts


def type_previous_ids(value: Any) -> dict[str, tuple[str, ...]]:
    """`current-id: [old-id, ...]`: answers saved under an old id carry over to the current one."""
    fix = "write `previous_ids:` then lines like `  current-id: [old-id]`"
    if not isinstance(value, dict) or not value:
        raise WidgetProblem("previous_ids must map current ids to old ones", fix)
    previous = {}
    for current, old in value.items():
        olds = old if isinstance(old, list) else [old]
        previous[check_id(current, "previous_ids key")] = tuple(
            check_id(o, f"old id of '{current}'") for o in olds)
    return previous


def type_scale(value: Any, language: str = "") -> tuple[str, ...]:
    """A rating scale's labels, lowest first. `language` names the entry of a per-language
    `scale:` (`{en: [...], fr: [...]}`), so the message points at that entry."""
    setting = f"scale: {language}" if language else "scale"
    example = (f"`{language}: [Weak, Fair, Strong]` under `scale:`" if language
               else "`scale: [Weak, Fair, Strong]`")
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise WidgetProblem(f"{setting} must be a list of labels",
                            f"write {MIN_SCALE} to {MAX_SCALE} labels, lowest first, such as "
                            f"{example}")
    labels = tuple(str(v).strip() for v in value)
    if not all(labels):
        raise WidgetProblem(f"{setting} has an empty label", "give every label some text")
    if not MIN_SCALE <= len(labels) <= MAX_SCALE:
        count = f"{len(labels)} label{'' if len(labels) == 1 else 's'}"
        raise WidgetProblem(
            f"{setting}: {count} given; a rating scale needs {MIN_SCALE} to {MAX_SCALE} labels",
            f"write {MIN_SCALE} to {MAX_SCALE} labels, lowest first, such as {example}",
        )
    twice = next((label for n, label in enumerate(labels) if label in labels[:n]), None)
    if twice is not None:
        raise WidgetProblem(f"{setting}: the label '{twice}' is given twice",
                            "give every label of the scale a different text")
    return labels


def type_criteria(value: Any) -> tuple[Criterion, ...]:
    if not isinstance(value, list) or not value:
        raise WidgetProblem(
            "criteria must be a non-empty list",
            "list them under `criteria:`, each as `- label: Communication`",
        )
    criteria, problems = [], []
    seen: set[str] = set()
    for number, entry in enumerate(value, 1):
        try:
            criterion = _criterion(entry, number)
        except WidgetProblem as problem:  # go on: every criterion's mistake is worth knowing
            problems.append(problem)
            continue
        if criterion.id in seen:
            # Point at the second one: its `id:` line, or its label when the id was derived.
            problems.append(WidgetProblem(
                f"two criteria have the id '{criterion.id}'",
                "give each criterion its own `id:`",
                near=f"id: {criterion.id}" if "id" in entry else f"label: {criterion.label}",
                nth=2 if "id" in entry else 1,
            ))
        seen.add(criterion.id)
        criteria.append(criterion)
    raise_all(problems)
    return tuple(criteria)


def _criterion(entry: Any, number: int) -> Criterion:
    if not isinstance(entry, dict):
        raise WidgetProblem(
            f"criterion {number} is not a set of keys", "write it as `- label: Communication`"
        )
    near = f"label: {entry.get('label', '')}" if entry.get("label") else ""
    unknown = sorted(set(map(str, entry)) - set(CRITERION_KEYS))
    if unknown:
        raise WidgetProblem(
            f"criterion {number} has an unknown key '{unknown[0]}'",
            f"use only {', '.join(CRITERION_KEYS)}",
            near=f"{unknown[0]}:",
        )
    label = entry.get("label")
    if not isinstance(label, str | int | float) or not str(label).strip():
        raise WidgetProblem(
            f"criterion {number} has no label",
            "add `label:` with the name of what is rated",
            near=f"id: {entry.get('id')}" if entry.get("id") else "",
        )
    label = str(label).strip()
    try:
        criterion_id = check_id(entry["id"], "criterion id") if "id" in entry else derive_id(label)
    except WidgetProblem as problem:
        problem.near = problem.near or near
        raise
    if not criterion_id:
        raise WidgetProblem(
            f"no id can be made from the label '{label}': ids use the Latin letters a-z, digits "
            "and hyphens, and this label has none",
            f"add `id: criterion-{number}` (any id in those letters) to the criterion", near=near
        )
    anchors = type_text_list(entry["anchors"], "anchors") if "anchors" in entry else ()
    return Criterion(
        id=criterion_id,
        label=label,
        hint=_text(entry, "hint", near),
        guide=_text(entry, "guide", near),
        anchors=anchors,
    )


def _text(entry: dict, key: str, near: str) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str | int | float):
        raise WidgetProblem(f"`{key}` must be text", f"write `{key}:` followed by one line", near)
    return str(value).strip()
