"""HTML for the widgets, built as ElementTree nodes. Text set here as element text still goes
through Python-Markdown's inline processors, so items and labels keep links and emphasis."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown.util import AtomicString

from ..strings import Strings
from .ids import plain_text
from .validate import Criterion

if TYPE_CHECKING:
    from .fields import Field

# The control each type of field is written with (an `input` type; notes and choice have their
# own elements).
FIELD_TYPES = {"text": "text", "date": "date", "datetime": "datetime-local", "number": "number"}

PREFIX = "debrief"

# Empty elements around each box of controls (not comments: the toc extension cannot walk them).
# The builder and the patterns that strip them are made from these two names only.
MARKER_TAG, MARKER_ATTRIBUTE = "i", "data-debrief-controls"
_MARKER = '<{tag} {attribute}="{edge}"></{tag}>'.format
_START = _MARKER(tag=MARKER_TAG, attribute=MARKER_ATTRIBUTE, edge="start")
_END = _MARKER(tag=MARKER_TAG, attribute=MARKER_ATTRIBUTE, edge="end")
_CONTROLS = re.compile(f"{re.escape(_START)}.*?{re.escape(_END)}", re.S)
_MARKERS = re.compile(f"{re.escape(_START)}|{re.escape(_END)}")
# What each section hands its script (`PageState.section_attributes`): kilobytes of JSON a
# search index never reads, but would unescape on every section.
_SCRIPT_DATA = re.compile(r' data-(?:config|i18n)="[^"]*"')
# A checklist item as `checklist_item` builds it: a search index keeps only its text in a list item.
_ITEM = re.compile(r'<li data-item="[^"]*"><label><input [^>]*><span>(.*?)</span></label></li>',
                   re.S)


def controls(parent: etree.Element, name: str) -> etree.Element:
    """A box of controls and their messages, which a site search should leave out: a search for
    "weak" should find advice, not every rating scale on the site. Material's search skips
    `data-search-exclude`; the markers around the box let a host drop it before indexing."""
    sub(parent, MARKER_TAG, **{MARKER_ATTRIBUTE: "start"})
    box = sub(parent, "div", class_=f"{PREFIX}-{name}", data_search_exclude="true")
    sub(parent, MARKER_TAG, **{MARKER_ATTRIBUTE: "end"})
    return box


def without_controls(html: str) -> str:
    """A page's HTML as a search index should see it: without the widgets' controls, and without
    what only their script reads. The index gets the same text with less HTML to parse."""
    html = _SCRIPT_DATA.sub("", _CONTROLS.sub("", html))
    return _ITEM.sub(r"<li>\1</li>", html)


def without_markers(html: str) -> str:
    """A page's HTML as readers get it: the controls, but not the elements that mark them."""
    return _MARKERS.sub("", html)


def sub(parent: etree.Element, tag: str, text: str = "", markdown: bool = False,
        **attrs: str) -> etree.Element:
    """Append a child element; attribute names use `_` for `-` and drop a trailing `_`.

    Only the author's text (`markdown=True`) goes through inline Markdown; our own strings and
    scale names are kept as they are, which also spares the inline pass most of a widget.
    """
    element = etree.SubElement(
        parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
    )
    if text:
        element.text = text if markdown else AtomicString(text)
    return element


def widget(parent: etree.Element, kind: str, widget_id: str, title: str, level: int,
           site: dict[str, str], keep: str = "device") -> etree.Element:
    """The section that holds one widget, labelled by its title heading. `site` holds the
    attributes every section carries for its script (see `PageState.section_attributes`);
    `keep` where the reader's answers are kept ("session": this browser tab only)."""
    section = sub(parent, "section", class_=f"{PREFIX} {PREFIX}-{kind}", id=widget_id,
                  data_debrief=kind, aria_labelledby=f"{widget_id}--title")
    for name, value in site.items():
        section.set(name, value)
    sub(section, f"h{level}", title, True, id=f"{widget_id}--title", class_=f"{PREFIX}-title")
    if keep != "device":
        section.set("data-keep", keep)
    return section


def share_preview(parent: etree.Element, text: Strings) -> None:
    """Shown when the page is opened from a share link: nothing is saved until the reader says."""
    box = controls(parent, "share")
    box.set("hidden", "hidden")
    box.set("tabindex", "-1")
    sub(box, "p")
    sub(box, "button", text["share-accept"], type="button", class_=f"{PREFIX}-button",
        data_act="accept")
    sub(box, "button", text["script.undo"], type="button", class_=f"{PREFIX}-button",
        data_act="undo", hidden="hidden")
    sub(box, "button", text["share-decline"], type="button", class_=f"{PREFIX}-button",
        data_act="decline")


def log_form(parent: etree.Element, widget_id: str, log_link: str, text: Strings) -> None:
    """Saves the current ratings as a dated entry of the feedback log."""
    form = sub(parent, "form", class_=f"{PREFIX}-log-form", hidden="hidden")
    box = sub(form, "fieldset")
    sub(box, "legend", text["log-legend"])
    # No maxlength: it counts UTF-16 units, the schema characters; the script checks the label.
    for key, kind, extra in (("label", "text", {"autocomplete": "off"}), ("date", "date", {})):
        field = sub(box, "p")
        sub(field, "label", text[f"log-{key}"], for_=f"{widget_id}--log-{key}")
        sub(field, "input", type=kind, id=f"{widget_id}--log-{key}", name=key, required="required",
            **extra)
    actions = sub(box, "p")
    sub(actions, "button", text["log.save-button"], type="submit", class_=f"{PREFIX}-button")
    sub(actions, "a", text["log-open"], href=log_link)


def status(parent: etree.Element, progress: str) -> etree.Element:
    """The one live region of a widget, present from page load so changes are announced."""
    region = sub(parent, "p", class_=f"{PREFIX}-status", role="status")
    sub(region, "span", progress, class_=f"{PREFIX}-progress")
    sub(region, "span", class_=f"{PREFIX}-saved")
    return region


def tools(parent: etree.Element, kind: str, text: Strings, shareable: bool = True,
          session_hint: bool = True) -> None:
    """Copy-link, print and reset controls, and the storage notice. Hidden until the script runs. A
    widget kept for the session only has no share link: it would carry its answers on (and says
    why, unless `session_hint` is False: a fields tool has none because free text never goes
    into a link)."""
    bar = sub(parent, "div", class_=f"{PREFIX}-tools", hidden="hidden")
    sub(bar, "button", text["copy"], type="button", class_=f"{PREFIX}-button", data_act="copy")
    if shareable:
        sub(bar, "button", text["share"], type="button", class_=f"{PREFIX}-button",
            data_act="share")
    elif session_hint:
        sub(parent, "p", text["kept-for-session"], class_=f"{PREFIX}-hint")
    # Prints the tool alone (assets/page/print.js); the whole page prints as before.
    sub(bar, "button", text["print"], type="button", class_=f"{PREFIX}-button", data_act="print")
    sub(bar, "button", text["reset"], type="button", class_=f"{PREFIX}-button", data_act="reset")
    confirm = sub(bar, "p", class_=f"{PREFIX}-confirm", hidden="hidden")
    # A kind of widget may word its own question; any other asks the general one.
    sub(confirm, "span", text.values.get(f"confirm-{kind}") or text["confirm-widget"])
    sub(confirm, "button", text["confirm-yes"], type="button", class_=f"{PREFIX}-button",
        data_act="confirm")
    sub(confirm, "button", text["confirm-no"], type="button", class_=f"{PREFIX}-button",
        data_act="cancel")
    sub(parent, "p", text["unavailable"], class_=f"{PREFIX}-notice", hidden="hidden",
        data_failed=text["failed-to-load"])


# Controls carry autocomplete="off": on a full back navigation the browser would otherwise put
# back their old state on top of what the script restored from storage.
def checklist_item(parent: etree.Element, item_id: str, text: str) -> None:
    item = sub(parent, "li", data_item=item_id)
    label = sub(item, "label")
    sub(label, "input", type="checkbox", data_item=item_id, autocomplete="off")
    sub(label, "span", text, True)


def criterion(parent: etree.Element, widget_id: str, scale: tuple[str, ...],
              item: Criterion, text: Strings) -> None:
    """A native radio group: a fieldset, its legend, "not rated", then one radio per point."""
    name = f"{widget_id}--{item.id}"
    fieldset = sub(parent, "fieldset", class_=f"{PREFIX}-criterion", data_item=item.id)
    sub(fieldset, "legend", item.label, True)
    if item.hint:
        sub(fieldset, "p", item.hint, True, class_=f"{PREFIX}-hint", id=f"{name}--hint")
        fieldset.set("aria-describedby", f"{name}--hint")
    choices = controls(fieldset, "scale")
    levels = [(0, text["not-rated"], "")]
    levels += [(n, point, anchor) for n, (point, anchor)
               in enumerate(zip(scale, item.anchors or ("",) * len(scale), strict=True), 1)]
    for value, point, anchor in levels:
        label = sub(choices, "label")
        radio = sub(label, "input", type="radio", name=name, value=str(value), autocomplete="off")
        if value == 0:
            radio.set("checked", "checked")
        level = sub(label, "span", point, class_=f"{PREFIX}-level")
        if anchor:
            level.tail = " "  # keeps "Weak Often unclear" apart in the accessible name
            sub(label, "span", anchor, class_=f"{PREFIX}-anchor")
    if item.guide:
        guide = sub(fieldset, "p", class_=f"{PREFIX}-guide")
        sub(guide, "a", text.text("improve", label=item.label), True, href=item.guide)


def field(parent: etree.Element, widget_id: str, item: Field, text: Strings) -> None:
    """One field of a `/// fields` or `/// entries` tool: its label, its control (by its type),
    and its example. No maxlength (it counts UTF-16 units): the script checks the schema's
    limit."""
    control_id = f"{widget_id}--{item.name}"
    if item.several:
        choices(parent, control_id, item, text)
        return
    row = sub(parent, "div", class_=f"{PREFIX}-field", data_type=item.type)
    sub(row, "label", item.label, True, for_=control_id)
    attrs = {"id": control_id, "data_field": item.name, "autocomplete": "off"}
    if item.example:
        attrs["aria_describedby"] = f"{control_id}--hint"
    if item.type == "notes":
        sub(row, "textarea", rows="4", **attrs)
    elif item.type == "choice":
        select = sub(row, "select", **attrs)
        sub(select, "option", text["field-none"], value="")
        for option in item.options:
            sub(select, "option", option, value=option)
    else:
        sub(row, "input", type=FIELD_TYPES[item.type], **attrs)
    if item.example:
        sub(row, "p", text.text("field-example", example=item.example), class_=f"{PREFIX}-hint",
            id=f"{control_id}--hint")


def choices(parent: etree.Element, control_id: str, item: Field, text: Strings) -> None:
    """A choice of several: a group of checkboxes, one per option, each valued by its option."""
    row = sub(parent, "fieldset", class_=f"{PREFIX}-field", data_type="choices", id=control_id)
    sub(row, "legend", item.label, True)
    box = sub(row, "div", class_=f"{PREFIX}-choices")
    for option in item.options:
        label = sub(box, "label")
        sub(label, "input", type="checkbox", value=option, data_field=item.name,
            autocomplete="off")
        sub(label, "span", option)
    if item.example:
        row.set("aria-describedby", f"{control_id}--hint")
        sub(row, "p", text.text("field-example", example=item.example), class_=f"{PREFIX}-hint",
            id=f"{control_id}--hint")


def record_template(parent: etree.Element, widget_id: str, fields: tuple[Field, ...],
                    text: Strings) -> None:
    """One record of an entries tool, for its script to copy for each record: its fields (ids
    hold `@`, which the script makes the record's id) and its buttons. A template is inert: no
    control in it counts on the page until a copy is made."""
    template = sub(parent, "template", class_=f"{PREFIX}-record-template")
    item = sub(template, "li", class_=f"{PREFIX}-record")
    group = sub(item, "fieldset")
    sub(group, "legend", class_=f"{PREFIX}-record-title")
    for one in fields:
        field(group, f"{widget_id}--@", one, text)
        if one.calendar:  # under the date it adds, named with it
            sub(group[-1], "button", text["script.calendar-add"], type="button",
                class_=f"{PREFIX}-button", data_record_act="calendar",
                data_calendar=" ".join(one.calendar), data_for=one.name,
                aria_label=text.text("script.calendar-add-label", label=plain_text(one.label)))
    actions = sub(group, "p", class_=f"{PREFIX}-record-tools")
    for act in ("up", "down", "delete"):
        sub(actions, "button", text[f"script.record-{act}"], type="button",
            class_=f"{PREFIX}-button", data_record_act=act)


def notes(parent: etree.Element, widget_id: str, limit: int, text: Strings) -> None:
    box = controls(parent, "notes")
    sub(box, "label", text["notes"], for_=f"{widget_id}--notes")
    # No maxlength: it counts UTF-16 units ("🙂" is two), the limit characters; the script
    # checks it, and keeps notes longer than a lowered limit as they were.
    sub(box, "textarea", id=f"{widget_id}--notes", rows="4", autocomplete="off",
        aria_describedby=f"{widget_id}--notes-limit")
    sub(box, "p", text.text("notes-limit", limit=limit), id=f"{widget_id}--notes-limit",
        class_=f"{PREFIX}-hint")
    # Printing shows this copy of the notes: a textarea prints clipped to its box.
    sub(box, "div", class_=f"{PREFIX}-notes-print", aria_hidden="true")


def weakest(parent: etree.Element, text: Strings, stories: str = "") -> None:
    """Filled in by the script with the two lowest-rated criteria and their guide links, and
    with the records of the entries tool `stories` links to that are tagged with them (the
    link is the build's, so the site's own link rules make it)."""
    box = sub(parent, "div", class_=f"{PREFIX}-weakest", hidden="hidden")
    sub(box, "p", text["weakest"])
    sub(box, "ul")
    if stories:
        sub(box, "a", href=stories, class_=f"{PREFIX}-stories", hidden="hidden")


def drop_if_empty(parent: etree.Element, element: etree.Element) -> None:
    if not len(element) and not (element.text or "").strip():
        parent.remove(element)


def error_box(parent: etree.Element, message: str, text: Strings) -> etree.Element:
    return show_error(sub(parent, "div"), message, text)


def show_error(element: etree.Element, message: str, text: Strings) -> etree.Element:
    """Turn `element` into a visible error, so a preview (`mkdocs serve`) shows it in place."""
    element.clear()
    element.tag = "div"
    element.set("class", f"{PREFIX}-error")
    element.set("role", "note")
    sub(element, "strong", text["error"]).tail = ": "
    sub(element, "span", message)  # plain: it quotes the author's Markdown as written
    return element
