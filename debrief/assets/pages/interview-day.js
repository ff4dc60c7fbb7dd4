// Your interview day: one sheet drawn from what the reader wrote in other tools: the brief's
// values (a fields tool), the stories whose criteria the brief's top criteria name (an entries
// tool), the questions they chose to ask, and the day's checklist, which they may tick here too.
// It keeps nothing of its own: every value is read from the one document through the keeper,
// every label from the manifest, and a tick is a change to the checklist like one made on its
// page. A part the reader has not written keeps what the build drew there: what it will show,
// and a link to where to write it (debrief/widgets/interview_day.py).

import { el } from "../page/dom.js";
import { readable } from "../page/references.js";
import { answersFor, fieldValue, recordName, recordsOf } from "../store/document.js";
import { outcomeKey, redraw } from "./frame.js";

const MOST = 5; // stories on the sheet

const linesOf = (text) =>
  text
    .split("\n")
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, "").trim())
    .filter(Boolean);

// The stories for `criteria` (the brief's lines, most important first): a story is picked by
// the first line that names one of the criteria it proves (a choice of several), in the order
// of the lines, then of the bank. With none picked, the bank's first stories, and `matched`
// false. Exported for the tests.
export const storiesFor = (criteria, records) => {
  const lines = criteria.map((line) => line.toLocaleLowerCase());
  const rankOf = (record) => {
    const proves = Object.values(record.values)
      .filter(Array.isArray)
      .flat()
      .map((criterion) => criterion.toLocaleLowerCase());
    const line = lines.findIndex((text) => proves.some((criterion) => text.includes(criterion)));
    return line < 0 ? Number.POSITIVE_INFINITY : line;
  };
  const ranked = records
    .map((record, n) => ({ record, rank: rankOf(record), n }))
    .filter(({ rank }) => rank !== Number.POSITIVE_INFINITY)
    .sort((a, b) => a.rank - b.rank || a.n - b.n)
    .map(({ record }) => record);
  if (ranked.length) return { matched: true, stories: ranked.slice(0, MOST) };
  return { matched: false, stories: records.slice(0, MOST) };
};

const entryOf = (page, id) => page.manifest.widgets.find((widget) => widget.id === id);
const labelOf = (entry, name) => entry?.items.find((item) => item.id === name)?.text ?? name;

// A part of the sheet: its body drawn anew, or what the build drew there when `nodes` is empty.
const part = (page, name, nodes) => {
  const body = page.root.querySelector(`[data-part="${name}"] .debrief-day-body`);
  page.built ??= {};
  page.built[name] ??= [...body.childNodes].map((node) => node.cloneNode(true));
  body.replaceChildren(...(nodes.length ? nodes : page.built[name].map((n) => n.cloneNode(true))));
};

const brief = (page, day, document) => {
  const entry = entryOf(page, day.brief);
  const rows = day.show
    .map((name) => [labelOf(entry, name), fieldValue(document, name)])
    .filter(([, value]) => value.trim());
  if (!rows.length) return [];
  const list = el("dl", { class: "debrief-day-brief" });
  for (const [label, value] of rows)
    list.append(el("dt", {}, label), el("dd", {}, readable(value, page.t.lang)));
  return [list];
};

const stories = (page, day, document) => {
  const records = recordsOf(document, day.stories);
  if (!records.length) return [];
  const entry = entryOf(page, day.stories);
  const { matched, stories: shown } = storiesFor(
    linesOf(fieldValue(document, day.criteria)),
    records,
  );
  const story = (record) => {
    const proves = Object.values(record.values).filter(Array.isArray).flat();
    return el(
      "li",
      { class: "debrief-day-story" },
      el("strong", {}, recordName(record.values, entry?.items[0]?.id)),
      proves.length ? el("span", {}, ` (${proves.join(", ")})`) : null,
      day.parts
        .filter((name) => String(record.values[name] ?? "").trim())
        .map((name) =>
          el(
            "p",
            {},
            el("span", { class: "debrief-day-label" }, `${labelOf(entry, name)}: `),
            record.values[name],
          ),
        ),
    );
  };
  return [
    matched ? null : el("p", { class: "debrief-hint" }, page.t("stories-none")),
    el("ol", { class: "debrief-day-stories" }, shown.map(story)),
  ].filter(Boolean);
};

const questions = (day, document) => {
  const asked = linesOf(fieldValue(document, day.questions));
  return asked.length
    ? [
        el(
          "ol",
          {},
          asked.map((question) => el("li", {}, question)),
        ),
      ]
    : [];
};

// The day's checklist with the reader's ticks; a tick is saved through the keeper as on its page.
const checklist = (page, day) => {
  const entry = entryOf(page, day.checklist);
  if (!entry) return [];
  const keeper = page.keepers[entry.keep === "session" ? "session" : "device"];
  const { items } = answersFor(keeper.view().document, entry);
  const tick = (item) => (event) => {
    const { outcome } = keeper.commit({
      type: "tick",
      widget: entry.id,
      item: item.id,
      value: event.target.checked,
      at: new Date().toISOString(),
      formerIds: entry.previous?.[entry.id] ?? [],
    });
    redraw(page.t(outcomeKey(outcome, "saved")));
    page.root.querySelector(`#${CSS.escape(`${page.section.id}--${item.id}`)}`)?.focus();
  };
  return [
    el(
      "ul",
      { class: "debrief-day-checklist" },
      entry.items.map((item) => {
        const id = `${page.section.id}--${item.id}`;
        return el(
          "li",
          {},
          el("input", {
            type: "checkbox",
            id,
            checked: items[item.id] === true,
            onchange: tick(item),
          }),
          " ",
          el("label", { for: id }, item.text),
        );
      }),
    ),
  ];
};

export const draw = (page) => {
  const day = JSON.parse(page.section.dataset.day);
  const { document } = page.keeper.view();
  part(page, "brief", brief(page, day, document));
  part(page, "stories", stories(page, day, document));
  part(page, "questions", questions(day, document));
  part(page, "checklist", checklist(page, day));
};
