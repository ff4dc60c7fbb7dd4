// The summary for a coach: built as blocks, then written out as Markdown or as elements to print.
// The reader's words stay text in both. In the Markdown, labels are escaped so that nothing in
// them becomes a heading, a link or HTML (no autolink either: an address or "www." is broken up),
// and notes are indented as code, one line each; in print, every block is an element of its own,
// never parsed.

import { el, today } from "../page/dom.js";

// A label of the reader's, on one line, with every character Markdown or an autolinker acts on
// escaped: "<" and "&" as entities (not every Markdown takes a backslash before them), the rest
// with a backslash, which CommonMark allows before any punctuation.
const escapeLabel = (text) =>
  String(text)
    .replace(/\s+/g, " ")
    .replace(/[\\`*_[\]{}()#+\-.!|~>:@/]/g, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;");

// [kind, text, ticked] for each part of the summary; `label` is how the reader's text goes in.
const blocksOf = (page, chosen, worksheets, label) => {
  const { t, day, kinds } = page;
  const blocks = [["h1", t("summary-title", { date: day(today()) })]];
  for (const { widget, entry } of chosen) {
    if (widget) {
      const place = {
        page: widget.page.title,
        section: widget.page.section,
        done: widget.done,
        total: widget.total,
      };
      blocks.push(
        ["h2", widget.title],
        ["p", t(widget.page.section ? "summary-widget" : "summary-page", place)],
      );
      blocks.push(...kinds[widget.kind].summary(widget, widget.answers, t));
    } else {
      const worksheet = worksheets.get(entry.worksheet);
      blocks.push(
        ["h2", t("log-entry", { label: label(entry.label), date: day(entry.date) })],
        ["p", t("summary-entry", { title: worksheet.title })],
      );
      const answers = { items: {}, ratings: entry.ratings, notes: "" };
      blocks.push(...kinds[worksheet.kind].summary(worksheet, answers, t));
    }
    const notes = widget ? widget.answers.notes : entry.notes;
    if (notes) blocks.push(["p", t("summary-notes")], ["notes", notes]);
  }
  return blocks;
};

const MARKDOWN = {
  h1: (text) => `# ${text}`,
  h2: (text) => `## ${text}`,
  // A record's heading and values (an entries tool): the reader's words, escaped.
  h3: (text) => `### ${escapeLabel(text)}`,
  p: (text) => text,
  li: (text) => `- ${text}`,
  value: (text) => `- ${escapeLabel(text)}`,
  tick: (text, ticked) => `- [${ticked ? "x" : " "}] ${text}`,
  // Line endings were made "\n" when the notes were read (store/document.js).
  notes: (text) =>
    text
      .split("\n")
      .map((line) => `    ${line}`)
      .join("\n"),
};

// Blocks apart by a blank line, but the items of one list together.
export const markdown = (page, chosen, worksheets) =>
  blocksOf(page, chosen, worksheets, escapeLabel)
    .map(([kind, text, ticked]) => MARKDOWN[kind](text, ticked))
    .join("\n\n")
    .replace(/^(- .*)\n\n(?=- )/gm, "$1\n")
    .concat("\n");

const PRINTED = {
  h1: (text) => el("h2", {}, text),
  h2: (text) => el("h3", {}, text),
  h3: (text) => el("h4", {}, text),
  p: (text) => el("p", {}, text),
  li: (text) => el("p", {}, `- ${text}`),
  value: (text) => el("p", {}, `- ${text}`),
  tick: (text, ticked) => el("p", {}, `- [${ticked ? "x" : " "}] ${text}`),
  notes: (text) => el("p", { class: "debrief-summary-notes" }, text),
};

export const printed = (page, chosen, worksheets) =>
  blocksOf(page, chosen, worksheets, String).map(([kind, text, ticked]) =>
    PRINTED[kind](text, ticked),
  );
