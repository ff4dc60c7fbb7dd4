"""HTML for the widgets, built as ElementTree nodes. Text set here as element text still goes
through Python-Markdown's inline processors, so items and labels keep links and emphasis."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.util import AtomicString

from .validate import Criterion

PREFIX = "debrief"

# Every string a reader sees, in one place, so a fork can translate or reword them.
TEXT = {
    "copy": "Copy link",
    "share": "Copy share link",
    "share-accept": "Save these answers here",
    "share-decline": "Dismiss",
    "log-legend": "Save these ratings to your feedback log",
    "log-label": "Interview (company and role)",
    "log-date": "Date of the interview",
    "log-save": "Save to log",
    "log-open": "Open your feedback log",
    "reset": "Reset",
    "confirm-checklist": "Untick every item in this checklist?",
    "confirm-worksheet": "Clear every rating and the notes in this worksheet?",
    "confirm-yes": "Yes, clear it",
    "confirm-no": "Cancel",
    "unavailable": (
        "This browser is not letting the site store anything, so your answers work for this "
        "visit only and will be gone when you leave."
    ),
    "not-rated": "Not rated",
    "improve": "How to improve",
    "notes": "Notes",
    "notes-limit": "Up to {limit} characters. Stays on this device.",
    "weakest": "Weakest so far",
    "error": "This widget could not be built",
    "needs-script": (
        "This part is built by your browser from the answers saved on this device. "
        "Turn on JavaScript to see it."
    ),
}


# Empty elements around each box of controls (not comments: the toc extension cannot walk them).
CONTROLS_START = '<i data-debrief-controls="start"></i>'
CONTROLS_END = '<i data-debrief-controls="end"></i>'


def controls(parent: etree.Element, name: str) -> etree.Element:
    """A box of controls and their messages, which a site search should leave out: a search for
    "weak" should find advice, not every rating scale on the site. Material's search skips
    `data-search-exclude`; the markers around the box let a host drop it before indexing."""
    sub(parent, "i", data_debrief_controls="start")
    box = sub(parent, "div", class_=f"{PREFIX}-{name}", data_search_exclude="true")
    sub(parent, "i", data_debrief_controls="end")
    return box


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
           namespace: str) -> etree.Element:
    """The section that holds one widget, labelled by its title heading."""
    section = sub(
        parent, "section", class_=f"{PREFIX} {PREFIX}-{kind}", id=widget_id,
        data_debrief=kind, data_ns=namespace, aria_labelledby=f"{widget_id}--title",
    )
    sub(section, f"h{level}", title, True, id=f"{widget_id}--title", class_=f"{PREFIX}-title")
    if kind in ("checklist", "worksheet"):
        share_preview(section)
    return section


def share_preview(parent: etree.Element) -> None:
    """Shown when the page is opened from a share link: nothing is saved until the reader says."""
    box = controls(parent, "share")
    box.set("hidden", "hidden")
    box.set("tabindex", "-1")
    sub(box, "p")
    sub(box, "button", TEXT["share-accept"], type="button", class_=f"{PREFIX}-button",
        data_act="accept")
    sub(box, "button", TEXT["share-decline"], type="button", class_=f"{PREFIX}-button",
        data_act="decline")


def log_form(parent: etree.Element, widget_id: str, log_link: str) -> None:
    """Saves the current ratings as a dated entry of the feedback log."""
    form = sub(parent, "form", class_=f"{PREFIX}-log-form", hidden="hidden")
    box = sub(form, "fieldset")
    sub(box, "legend", TEXT["log-legend"])
    for key, kind, extra in (("label", "text", {"maxlength": "120", "autocomplete": "off"}),
                             ("date", "date", {})):
        field = sub(box, "p")
        sub(field, "label", TEXT[f"log-{key}"], for_=f"{widget_id}--log-{key}")
        sub(field, "input", type=kind, id=f"{widget_id}--log-{key}", name=key, required="required",
            **extra)
    actions = sub(box, "p")
    sub(actions, "button", TEXT["log-save"], type="submit", class_=f"{PREFIX}-button")
    sub(actions, "a", TEXT["log-open"], href=log_link)


def status(parent: etree.Element, progress: str) -> etree.Element:
    """The one live region of a widget, present from page load so changes are announced."""
    region = sub(parent, "p", class_=f"{PREFIX}-status", role="status")
    sub(region, "span", progress, class_=f"{PREFIX}-progress")
    sub(region, "span", class_=f"{PREFIX}-saved")
    return region


def tools(parent: etree.Element, kind: str) -> None:
    """Copy-link and reset controls, and the storage notice. Hidden until the script runs."""
    bar = sub(parent, "div", class_=f"{PREFIX}-tools", hidden="hidden")
    sub(bar, "button", TEXT["copy"], type="button", class_=f"{PREFIX}-button", data_act="copy")
    sub(bar, "button", TEXT["share"], type="button", class_=f"{PREFIX}-button", data_act="share")
    sub(bar, "button", TEXT["reset"], type="button", class_=f"{PREFIX}-button", data_act="reset")
    confirm = sub(bar, "p", class_=f"{PREFIX}-confirm", hidden="hidden")
    sub(confirm, "span", TEXT[f"confirm-{kind}"])
    sub(confirm, "button", TEXT["confirm-yes"], type="button", class_=f"{PREFIX}-button",
        data_act="confirm")
    sub(confirm, "button", TEXT["confirm-no"], type="button", class_=f"{PREFIX}-button",
        data_act="cancel")
    sub(parent, "p", TEXT["unavailable"], class_=f"{PREFIX}-notice", hidden="hidden")


# Controls carry autocomplete="off": on a full back navigation the browser would otherwise put
# back their old state on top of what the script restored from storage.
def checklist_item(parent: etree.Element, item_id: str, text: str) -> None:
    item = sub(parent, "li", data_item=item_id)
    label = sub(item, "label")
    sub(label, "input", type="checkbox", data_item=item_id, autocomplete="off")
    sub(label, "span", text, True)


def criterion(parent: etree.Element, widget_id: str, scale: tuple[str, ...],
              item: Criterion) -> None:
    """A native radio group: a fieldset, its legend, "not rated", then one radio per point."""
    name = f"{widget_id}--{item.id}"
    fieldset = sub(parent, "fieldset", class_=f"{PREFIX}-criterion", data_item=item.id)
    sub(fieldset, "legend", item.label, True)
    if item.hint:
        sub(fieldset, "p", item.hint, True, class_=f"{PREFIX}-hint", id=f"{name}--hint")
        fieldset.set("aria-describedby", f"{name}--hint")
    choices = controls(fieldset, "scale")
    levels = [(0, TEXT["not-rated"], "")]
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
        sub(guide, "a", f"{TEXT['improve']}: {item.label}", True, href=item.guide)


def notes(parent: etree.Element, widget_id: str, limit: int) -> None:
    box = controls(parent, "notes")
    sub(box, "label", TEXT["notes"], for_=f"{widget_id}--notes")
    sub(box, "textarea", id=f"{widget_id}--notes", maxlength=str(limit), rows="4",
        autocomplete="off", aria_describedby=f"{widget_id}--notes-limit")
    sub(box, "p", TEXT["notes-limit"].format(limit=limit), id=f"{widget_id}--notes-limit",
        class_=f"{PREFIX}-hint")
    # Printing shows this copy of the notes: a textarea prints clipped to its box.
    sub(box, "div", class_=f"{PREFIX}-notes-print", aria_hidden="true")


def weakest(parent: etree.Element) -> None:
    """Filled in by the script with the two lowest-rated criteria and their guide links."""
    box = sub(parent, "div", class_=f"{PREFIX}-weakest", hidden="hidden")
    sub(box, "p", TEXT["weakest"])
    sub(box, "ul")


def drop_if_empty(parent: etree.Element, element: etree.Element) -> None:
    if not len(element) and not (element.text or "").strip():
        parent.remove(element)


def error_box(parent: etree.Element, message: str) -> etree.Element:
    return show_error(sub(parent, "div"), message)


def show_error(element: etree.Element, message: str) -> etree.Element:
    """Turn `element` into a visible error, so a preview (`mkdocs serve`) shows it in place."""
    element.clear()
    element.tag = "div"
    element.set("class", f"{PREFIX}-error")
    element.set("role", "note")
    sub(element, "strong", TEXT["error"]).tail = ": "
    sub(element, "span", message)  # plain: it quotes the author's Markdown as written
    return element
