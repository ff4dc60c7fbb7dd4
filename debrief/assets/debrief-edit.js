// The feedback log's form to edit one entry, loaded when the reader first wants it. What it
// saves keeps to the limits an import checks, so the log can always be imported back.

import { button, el, say, settled } from "./debrief-app.js";
import { isDay } from "./debrief-store.js";

// `back`: the button to focus again on Cancel; `save`: saves the changes and redraws the log.
export const form = (page, w, e, back, save) => {
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
    save({ label: edit.label.value.trim().slice(0, label), date: edit.date.value, notes: edit.notes.value, ratings });
  });
  return edit;
};
