// The feedback log's form to edit one entry, loaded when the reader first wants it. What it
// saves keeps to the limits an import checks, so the log can always be imported back.

import { button, el, redraw, say, settled } from "./debrief-app.js";
import { isDay } from "./debrief-store.js";

// Edits one entry (`edit`: the new values) or deletes it (null), by its id (unique: the
// validator renames duplicates), then redraws the log with `message`, or why it was not saved
// ("full", "held", "visit-only"). The log is read through the full check first, so the ids
// are those the page shows.
export const change = (page, entryId, edit, message) => {
  const result = page.api.update(page.config, (d) => {
    d.log = page.read().log;
    const at = d.log.findIndex((e) => e.id === entryId);
    if (at < 0) return;
    if (edit) d.log[at] = { ...d.log[at], ...edit, t: new Date().toISOString() };
    else d.log.splice(at, 1);
  });
  redraw(page.t({ saved: message, blocked: "visit-only" }[result] || result));
};

// `back`: the button to focus again on Cancel.
export const form = (page, w, e, back) => {
  const { t, config } = page;
  const { label } = config.limits;
  const labelled = (text, field) => el("p", {}, el("label", {}, text, " ", field));
  const edit = el("form", { class: "debrief-edit" },
    labelled(t("label"), el("input", { name: "label", value: e.label, maxlength: label, required: true })),
    labelled(t("date"), el("input", { name: "date", type: "date", value: e.date, required: true })),
    w.items.map((item) => labelled(item.text, el("select", { name: item.id },
      [t("not-rated"), ...w.scale].map((name, v) => el("option", { value: v, selected: (e.ratings[item.id] | 0) === v }, name))))),
    labelled(t("notes"), el("textarea", { name: "notes", maxlength: config.notes, rows: 3 })),
    el("p", {}, el("button", { type: "submit", class: "debrief-button" }, t("save")), " ",
      button(t("cancel"), () => { edit.remove(); back.focus(); settled(); })));
  edit.notes.value = e.notes || "";
  edit.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!isDay(edit.date.value)) return say("bad-date");
    const ratings = Object.fromEntries(w.items.map((i) => [i.id, +edit[i.id].value]).filter(([, v]) => v));
    change(page, e.id, { label: edit.label.value.trim().slice(0, label), date: edit.date.value,
      notes: edit.notes.value, ratings }, "saved");
  });
  return edit;
};
