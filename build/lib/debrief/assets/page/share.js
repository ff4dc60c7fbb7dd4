// A share link (`#share=WIDGET:answers`) opens a preview: the shared answers on the widget's
// controls, which are disabled meanwhile, and what saving them would change. Nothing is saved
// until the reader chooses to; then the shared answers are added to their own, and Undo takes
// back exactly those (store/document.js: footprint, undo).

import { answersFor, apply, footprint } from "../store/document.js";
import { outcomeText, refresh, say, show, widgetChange } from "./view.js";

// The widget id and the parts of a share link in `hash`, forgiving what changes nothing (case,
// spaces, percent-encoding); `damaged` when what it says cannot be read. Null for another hash.
export const sharedHash = (hash) => {
  const found = /^#share=([^:]*):(.*)$/s.exec(hash);
  if (!found) return null;
  const id = found[1].trim().toLowerCase();
  try {
    const parts = decodeURIComponent(found[2]).toLowerCase().split(",");
    return { id, parts: parts.map((part) => part.trim()).filter(Boolean) };
  } catch {
    return { id, damaged: true };
  }
};

const banner = (widget) => widget.section.querySelector(".debrief-share");
const button = (widget, action) => widget.section.querySelector(`[data-act=${action}]`);
const controls = (widget) => [
  ...widget.section.querySelectorAll("input, textarea, form button, [data-act=reset]"),
];

// The answers a widget shows for a share link: the shared ones, the rest empty.
const sharedAnswers = (widget, shared) => {
  const empty = answersFor({ widgets: {}, log: [] }, widget.entry);
  return {
    ...empty,
    items: { ...empty.items, ...shared.items },
    ratings: { ...empty.ratings, ...shared.ratings },
  };
};

// What saving would do to the reader's own answers: how many it adds, how many it changes.
const effect = (widget, change) => {
  const before = widget.keeper.view().document;
  const [mine, theirs] = [before, apply(before, change)].map((doc) =>
    answersFor(doc, widget.entry),
  );
  let adds = 0;
  let changes = 0;
  for (const part of ["items", "ratings"]) {
    for (const [id, value] of Object.entries(theirs[part])) {
      if (!value || value === mine[part][id]) continue;
      if (mine[part][id]) changes += 1;
      else adds += 1;
    }
  }
  const { t } = widget;
  const parts = [
    adds && t("share-adds", { count: adds }),
    changes && t("share-changes", { count: changes }),
  ];
  return parts.filter(Boolean).join(" ") || t("share-same");
};

const tell = (widget, text) => {
  banner(widget).querySelector("p").textContent = text;
};

const showBanner = (widget, { canSave }) => {
  banner(widget).hidden = false;
  button(widget, "accept").hidden = !canSave;
  button(widget, "undo").hidden = true;
  banner(widget).focus();
};

export const openShare = (widget, hash) => {
  const decoded = hash.damaged ? null : widget.kind.share.decode(widget.entry, hash.parts);
  if (!decoded) {
    tell(widget, widget.t("share-damaged"));
    return showBanner(widget, { canSave: false });
  }
  const change = widgetChange(widget, { type: "share", answers: decoded.answers });
  const shown = sharedAnswers(widget, decoded.answers);
  const unknown = decoded.unknown
    ? ` ${widget.t("share-unknown", { count: decoded.unknown })}`
    : "";
  widget.sharing = change;
  widget.shared = shown;
  for (const control of controls(widget)) control.disabled = true;
  show(widget, shown);
  say(widget, "");
  const progress = widget.kind.progress(widget.entry, shown, widget.t);
  tell(widget, `${widget.t("shared", { progress })} ${effect(widget, change)}${unknown}`);
  showBanner(widget, { canSave: true });
};

const endPreview = (widget) => {
  for (const control of controls(widget)) control.disabled = false;
  widget.shared = null;
  history.replaceState(history.state, "", `#${widget.entry.id}`);
};

// Saves the shared answers over the reader's own. If that fails, the preview stays, saying why.
export const accept = (widget) => {
  const { outcome, before, after } = widget.keeper.commit(widgetChange(widget, widget.sharing));
  if (outcome !== "saved") return tell(widget, outcomeText(widget, outcome));
  widget.undoing = { type: "undo", footprint: footprint(before, after) };
  endPreview(widget);
  refresh(widget);
  tell(widget, widget.t("share-saved"));
  button(widget, "accept").hidden = true;
  button(widget, "undo").hidden = false;
  button(widget, "undo").focus();
};

// Puts back the answers the share link changed, where they still hold what it wrote.
export const undo = (widget) => {
  const { outcome } = widget.keeper.commit({ ...widget.undoing, at: new Date().toISOString() });
  if (outcome !== "saved") return tell(widget, outcomeText(widget, outcome));
  widget.undoing = null;
  decline(widget);
  refresh(widget, widget.t("undone"));
};

export const decline = (widget) => {
  if (widget.shared) endPreview(widget);
  banner(widget).hidden = true;
  button(widget, "accept").hidden = false;
  button(widget, "undo").hidden = true;
  refresh(widget);
};
