// Editing or deleting one entry of the feedback log. What it saves keeps to the limits an import
// checks, so the log can always be imported back.

import { button, el } from "../page/dom.js";
import { isDay, lengthOf } from "../store/document.js";
import { outcomeKey, redraw, say, settled } from "./frame.js";

// Saves a change to the log, then redraws it with `message`, or says why it was not saved. An
// entry deleted in another tab meanwhile is said so, not "saved".
export const saveEdit = (page, change, message) => {
  const { keeper, t } = page;
  if (!keeper.view().document.log.some((entry) => entry.id === change.id)) return redraw(t("gone"));
  const { outcome } = keeper.commit(change);
  redraw(t(outcomeKey(outcome, message)));
};

const labelled = (text, field) => el("p", {}, el("label", {}, text, " ", field));

// The values of the form, or the key of what is wrong with them.
const valuesOf = (page, worksheet, form) => {
  const { config } = page;
  const label = form.label.value.trim();
  if (!isDay(form.date.value)) return { problem: ["bad-date"] };
  if (lengthOf(label) > config.limits.label)
    return { problem: ["label-over", { limit: config.limits.label }] };
  const over = lengthOf(form.notes.value) - config.notes;
  if (over > 0) return { problem: ["notes-over", { count: over, limit: config.notes }] };
  const ratings = worksheet.items
    .map((item) => [item.id, Number(form[item.id].value)])
    .filter(([, value]) => value);
  return {
    values: {
      label,
      date: form.date.value,
      notes: form.notes.value,
      ratings: Object.fromEntries(ratings),
    },
  };
};

// `back`: the button to focus again on Cancel.
export const editForm = (page, worksheet, entry, back) => {
  const { t } = page;
  const choices = (item) =>
    [t("not-rated"), ...worksheet.scale].map((name, value) =>
      el("option", { value, selected: (entry.ratings[item.id] ?? 0) === value }, name),
    );
  const cancel = () => {
    form.remove();
    back.focus();
    settled();
  };
  const form = el(
    "form",
    { class: "debrief-edit" },
    labelled(t("label"), el("input", { name: "label", value: entry.label, required: true })),
    labelled(
      t("date"),
      el("input", { name: "date", type: "date", value: entry.date, required: true }),
    ),
    worksheet.items.map((item) =>
      labelled(item.text, el("select", { name: item.id }, choices(item))),
    ),
    labelled(t("notes"), el("textarea", { name: "notes", rows: 3 })),
    el(
      "p",
      {},
      el("button", { type: "submit", class: "debrief-button" }, t("save")),
      " ",
      button(t("cancel"), cancel),
    ),
  );
  form.notes.value = entry.notes || "";
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const { values, problem } = valuesOf(page, worksheet, form);
    if (problem) return say(...problem);
    const change = { type: "log-edit", id: entry.id, values, at: new Date().toISOString() };
    saveEdit(page, change, "saved");
  });
  return form;
};
