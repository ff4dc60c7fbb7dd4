// The summary for a coach, loaded when the reader downloads or prints it. It is built as blocks,
// then written out as Markdown or as elements to print. The reader's words stay text in both:
// in the Markdown, labels are escaped and notes are indented as code, so nothing in them becomes
// a heading, a link or HTML; in print, every block is an element of its own, never re-parsed.

import { el, today } from "./debrief-app.js";

// A label of the reader's, on one line, with what Markdown would act on escaped (entities for
// "<" and "&", which not every Markdown takes a backslash before).
const escape = (text) => String(text).replace(/\s+/g, " ").replace(/[\\`*_[\]#!|~>]/g, "\\$&")
  .replace(/&/g, "&amp;").replace(/</g, "&lt;");

// [kind, text, ticked] for each part of the summary; `label` is how the reader's labels go in.
const blocksOf = (page, chosen, byId, label) => {
  const { t, day } = page;
  const level = (w, v) => w.scale[(v | 0) - 1] || t("not-rated");
  const rating = (w, item, value) => ["li", t("summary-rating", { criterion: item.text, level: level(w, value) })];
  const blocks = [["h1", t("summary-title", { date: day(today()) })]];
  for (const { widget, entry } of chosen) {
    if (widget) {
      const place = { page: widget.page.title, section: widget.page.section, done: widget.done, total: widget.total };
      blocks.push(["h2", widget.title], ["p", t(widget.page.section ? "summary-widget" : "summary-page", place)]);
      blocks.push(...widget.items.map((item) => (widget.kind === "checklist"
        ? ["tick", item.text, !!widget.value(item.id)] : rating(widget, item, widget.value(item.id)))));
    } else {
      const w = byId.get(entry.worksheet);
      blocks.push(["h2", t("log-entry", { label: label(entry.label), date: day(entry.date) })],
        ["p", t("summary-entry", { title: w.title })]);
      blocks.push(...w.items.map((item) => rating(w, item, entry.ratings[item.id])));
    }
    const notes = widget ? widget.notes : entry.notes;
    if (notes) blocks.push(["p", t("summary-notes")], ["notes", notes]);
  }
  return blocks;
};

const MARKDOWN = {
  h1: (text) => `# ${text}`,
  h2: (text) => `## ${text}`,
  p: (text) => text,
  li: (text) => `- ${text}`,
  tick: (text, ticked) => `- [${ticked ? "x" : " "}] ${text}`,
  notes: (text) => text.split(/\r?\n/).map((line) => `    ${line}`).join("\n"),
};

// Blocks apart by a blank line, but the items of one list together.
export const markdown = (page, chosen, byId) => blocksOf(page, chosen, byId, escape)
  .map(([kind, text, ticked]) => MARKDOWN[kind](text, ticked))
  .join("\n\n").replace(/^(- .*)\n\n(?=- )/gm, "$1\n").concat("\n");

const PRINTED = {
  h1: (text) => el("h2", {}, text),
  h2: (text) => el("h3", {}, text),
  p: (text) => el("p", {}, text),
  li: (text) => el("p", {}, `- ${text}`),
  tick: (text, ticked) => el("p", {}, `- [${ticked ? "x" : " "}] ${text}`),
  notes: (text) => el("p", { class: "debrief-summary-notes" }, text),
};

export const printed = (page, chosen, byId) => blocksOf(page, chosen, byId, String)
  .map(([kind, text, ticked]) => PRINTED[kind](text, ticked));
