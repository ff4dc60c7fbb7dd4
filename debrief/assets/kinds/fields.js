// A fields tool: values the reader writes once and every page reuses (`<<employer>>`). Its
// answers are not the widget's own but the site's: { fields: { NAME: value } }, from the
// document's `fields` map, shared by every tool that declares the name. A value never goes into
// a share link (the tool has no share button), and one over the schema's limit is not saved.

import { readable } from "../page/references.js";
import { overLimit } from "../page/view.js";

const controlsOf = (section) => [...section.querySelectorAll("[data-field]")];

// Two tools on one page that declare the same name show the one value as the reader types it
// (each tool saves what is typed in its own controls; this only mirrors it on the page).
addEventListener("input", ({ target }) => {
  const name = target.dataset?.field;
  if (!name || !target.closest(".debrief-fields")) return;
  for (const other of document.querySelectorAll(".debrief-fields [data-field]")) {
    if (other !== target && other.dataset.field === name && other.value !== target.value)
      other.value = target.value;
  }
});

const filledOf = (entry, answers) => entry.items.filter((item) => answers.fields[item.id]);

export default {
  describe: (section) => ({
    items: controlsOf(section).map((control) => ({
      id: control.dataset.field,
      text: section.querySelector(`label[for="${CSS.escape(control.id)}"]`).textContent.trim(),
    })),
  }),

  show(widget, answers) {
    for (const control of controlsOf(widget.section)) {
      const name = control.dataset.field;
      // A value typed over the limit stays as typed, unsaved, until it fits.
      const value = widget.over?.[name] ?? answers.fields[name] ?? "";
      if (control.value !== value) control.value = value;
    }
  },

  // On paper (page/print.js): each label beside its value, written as the page's references
  // write it (a date in the site's language), an empty one left to write in.
  sheet: ({ section, entry, t }) => ({
    rows: controlsOf(section).map((control, n) => [
      entry.items[n].text,
      readable(control.value, t.lang),
    ]),
  }),

  changeOf(widget, event) {
    const control = event.target;
    const name = control.dataset?.field;
    if (!name) return null;
    const label = widget.entry.items.find((item) => item.id === name)?.text ?? name;
    if (overLimit(widget, name, control.value, label, widget.config.limits.field)) return null;
    return { type: "field", name, value: control.value };
  },

  cleared: (entry) => ({
    fields: Object.fromEntries(entry.items.map((item) => [item.id, ""])),
  }),

  count: (entry, answers) => ({
    done: filledOf(entry, answers).length,
    total: entry.items.length,
  }),

  progress: (entry, answers, t) =>
    t("filled", { count: filledOf(entry, answers).length, total: entry.items.length }),

  summary: (entry, answers) =>
    filledOf(entry, answers).map((item) => ["li", `${item.text}: ${answers.fields[item.id]}`]),

  // Free text never travels in a link: nothing to encode, and no link to read.
  share: { encode: () => [], decode: () => null },
};
