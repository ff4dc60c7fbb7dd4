// What a widget shows: the reader's answers on its controls, and its status line. Shared by the
// widget's own code (widget.js) and its tools (tools.js, share.js).

import { answersFor, lengthOf } from "../store/document.js";

// What an outcome of the keeper says on the status line; "saved" says `done`. A change made with
// a control stays on the page when there is no room ("full": kept for this visit); an action
// made with a button does not ("full-action": try again).
export const outcomeText = (widget, outcome, done = "saved", { action = true } = {}) =>
  widget.t(
    { saved: done, full: action ? "full-action" : "full", blocked: "blocked", held: "held" }[
      outcome
    ],
  );

// The status line: progress, then the last message (" Saved on this device."). Notes typed over
// the limit are not saved: that stands before any other message until they fit.
export const say = (widget, message, answers) => {
  const { section, kind, entry, t, config } = widget;
  const shown = answers ?? widget.shared ?? answersFor(widget.keeper.view().document, entry);
  section.querySelector(".debrief-progress").textContent = kind.progress(entry, shown, t);
  const over = widget.notesOver ? lengthOf(widget.notesOver) - config.notes : 0;
  const text = over > 0 ? t("notes-over", { count: over, limit: config.notes }) : message;
  section.querySelector(".debrief-saved").textContent = text ? ` ${text}` : "";
};

// Shows what is saved (with this tab's pending changes), unless a shared copy is on show. With
// no `message`, the status line says what still stands: unsaved changes, answers kept aside.
export const refresh = (widget, message) => {
  if (widget.shared) return;
  const view = widget.keeper.view();
  const answers = answersFor(view.document, widget.entry);
  show(widget, answers);
  const blocked = view.blocked || view.unsaved === "blocked";
  widget.section.querySelector(".debrief-notice").hidden = !blocked;
  const standing = view.held ? "held" : (view.unsaved ?? (view.aside ? "aside" : ""));
  say(widget, message ?? (standing && widget.t(standing)), answers);
};

// The answers onto the controls; notes typed but not saved (over the limit) stay as typed.
export const show = (widget, answers) => {
  widget.kind.show(widget, answers);
  if (widget.notes) {
    const text = widget.notesOver ?? answers.notes;
    widget.notes.value = text;
    widget.section.querySelector(".debrief-notes-print").textContent = text;
  }
};

// A value typed over `limit` characters (a field's, a record's) stays on the page unsaved, kept
// in `widget.over` under `key` until it fits, and the status line says why: true when it is over.
export const overLimit = (widget, key, text, label, limit) => {
  widget.over = widget.over ?? {};
  if (lengthOf(text) <= limit) {
    delete widget.over[key];
    return false;
  }
  widget.over[key] = text;
  say(widget, widget.t("field-over", { label, limit }));
  return true;
};

// A change to this widget's answers, made now: with the time, and the ids the widget had before
// (a renamed widget's first answer takes its earlier answers along).
export const widgetChange = (widget, change) => ({
  ...change,
  widget: widget.entry.id,
  at: new Date().toISOString(),
  formerIds: widget.entry.previous[widget.entry.id] ?? [],
});

// A change made with a control: saved now, or kept on the page and saved with the next write
// that works. The status line says which.
export const commitControl = (widget, change) => {
  const { outcome } = widget.keeper.commit(widgetChange(widget, change), { keep: true });
  refresh(widget, outcomeText(widget, outcome, "saved", { action: false }));
};
