// The feedback log: saved self-ratings, their trend as a chart with a table of the same
// figures, recurring weak criteria, and editing or deleting entries (log-edit.js).

import { button, el, fill } from "../page/dom.js";
import { ask } from "./frame.js";
import { editForm, saveEdit } from "./log-edit.js";

// Mid-tone colours: each keeps 3:1 contrast on Material's light and dark backgrounds.
const COLOURS = [
  "#1e88e5",
  "#e53935",
  "#43a047",
  "#ab47bc",
  "#fb8c00",
  "#00acc1",
  "#8d6e63",
  "#ec407a",
  "#78909c",
  "#9e9d24",
];
const WIDTH = 600;
const HEIGHT = 240;
const CHAR_WIDTH = 7; // of the axis font, generously: date labels are spaced by it
// The latest entries the chart, the table and the list show until the reader asks for all: a
// long log stays quick to draw and readable. Averages and themes count every entry.
const SHOWN = 24;

// A rating as the log uses it: 0 (not rated) unless it is on the worksheet's scale.
const rating = (worksheet, entry, item) => {
  const value = entry.ratings[item.id] ?? 0;
  return value >= 1 && value <= worksheet.scale.length ? value : 0;
};

const svg = (tag, attrs = {}, text = "") => {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  node.textContent = text;
  return node;
};

// ---- Chart: numbers and dates read left to right in every language; time runs the way the page
// reads, so on a right-to-left page the latest entry is on the left, as in the table beside it
// (whose columns the browser lays out from the right), and the scale stands on the right.

// The dates under the chart, as many as fit without touching each other.
const dateLabels = (page, entries, x) => {
  const dates = entries.map((entry) => page.day(entry.date));
  const widest = Math.max(...dates.map((date) => date.length)) * CHAR_WIDTH + 8;
  const gap = entries.length > 1 ? x(1) - x(0) : Infinity;
  const step = Math.ceil(widest / gap);
  return dates
    .map((date, n) =>
      n % step
        ? null
        : svg(
            "text",
            { x: x(n), y: HEIGHT - 6, "text-anchor": "middle", class: "debrief-axis" },
            date,
          ),
    )
    .filter(Boolean);
};

// One criterion's ratings over time: a line through them, and a dot for each.
const criterionLine = ({ worksheet, entries, x, y }, item, colour) => {
  const rated = entries
    .map((entry, n) => [n, rating(worksheet, entry, item)])
    .filter(([, value]) => value);
  const points = rated.map(([n, value]) => `${x(n)},${y(value)}`).join(" ");
  const line = svg("polyline", { points, stroke: colour, fill: "none", "stroke-width": 2 });
  const dots = rated.map(([n, value]) =>
    svg("circle", {
      cx: x(n),
      cy: y(value),
      r: 4,
      fill: colour,
      "data-criterion": item.id,
      "data-entry": entries[n].id,
      "data-value": value,
    }),
  );
  return rated.length > 1 ? [line, ...dots] : dots;
};

const legendOf = (worksheet) =>
  el(
    "ul",
    { class: "debrief-legend" },
    worksheet.items.map((item, c) => {
      const swatch = el("span", {
        class: "debrief-swatch",
        style: `background:${COLOURS[c % COLOURS.length]}`,
      });
      return el("li", {}, swatch, item.text);
    }),
  );

const chart = (page, worksheet, entries) => {
  const points = worksheet.scale.length;
  const rtl = page.section.dir === "rtl";
  const along = (n) =>
    60 + (entries.length === 1 ? (WIDTH - 120) / 2 : (n * (WIDTH - 120)) / (entries.length - 1));
  const x = (n) => (rtl ? WIDTH - along(n) : along(n));
  const y = (v) => HEIGHT - 30 - ((v - 1) * (HEIGHT - 50)) / Math.max(points - 1, 1);
  // The scale's numbers and their grid lines, on the side the page starts from.
  const [gridFrom, gridTo] = rtl ? [16, WIDTH - 36] : [36, WIDTH - 16];
  const scaleAt = rtl ? { x: WIDTH, "text-anchor": "end" } : { x: 0 };
  const title = `${worksheet.id}-chart-title`;
  const box = svg("svg", {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: "img",
    "aria-labelledby": title,
    direction: "ltr",
  });
  box.append(svg("title", { id: title }, page.t("chart-title", { title: worksheet.title })));
  for (let point = 1; point <= points; point += 1) {
    box.append(
      svg("line", { x1: gridFrom, x2: gridTo, y1: y(point), y2: y(point), class: "debrief-grid" }),
      svg("text", { ...scaleAt, y: y(point) + 4, class: "debrief-axis" }, String(point)),
    );
  }
  box.append(...dateLabels(page, entries, x));
  worksheet.items.forEach((item, c) => {
    box.append(...criterionLine({ worksheet, entries, x, y }, item, COLOURS[c % COLOURS.length]));
  });
  return el("figure", { class: "debrief-chart" }, box, legendOf(worksheet));
};

// ---- The parts of one worksheet's section -------------------------------------------------------

const table = (page, worksheet, entries, all) => {
  const { t, day } = page;
  const mean = (item) => {
    const values = all.map((entry) => rating(worksheet, entry, item)).filter(Boolean);
    if (!values.length) return t("no-value");
    return t.number(values.reduce((sum, value) => sum + value, 0) / values.length);
  };
  const { scale } = worksheet;
  const caption = {
    title: worksheet.title,
    lowest: scale[0],
    points: scale.length,
    highest: scale.at(-1),
  };
  const cell = (entry, item) =>
    el(
      "td",
      { "data-criterion": item.id, "data-entry": entry.id },
      String(rating(worksheet, entry, item) || t("no-value")),
    );
  return el(
    "table",
    { class: "debrief-ratings" },
    el("caption", {}, t("caption", caption)),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, t("criterion")),
        entries.map((entry) =>
          el("th", { scope: "col" }, t("column", { label: entry.label, date: day(entry.date) })),
        ),
        el("th", { scope: "col" }, t("average")),
      ),
    ),
    el(
      "tbody",
      {},
      worksheet.items.map((item) =>
        el(
          "tr",
          {},
          el("th", { scope: "row" }, item.text),
          entries.map((entry) => cell(entry, item)),
          el("td", { "data-average": item.id }, mean(item)),
        ),
      ),
    ),
  );
};

// A theme: a criterion among the weakest of an entry in two entries or more.
const themes = (page, worksheet, entries) => {
  const { t, home } = page;
  const weakest = new Map();
  for (const entry of entries) {
    const low = Math.min(
      ...worksheet.items.map((item) => rating(worksheet, entry, item)).filter(Boolean),
    );
    for (const item of worksheet.items.filter((item) => rating(worksheet, entry, item) === low)) {
      weakest.set(item.id, (weakest.get(item.id) || 0) + 1);
    }
  }
  const found = worksheet.items.filter((item) => weakest.get(item.id) >= 2);
  if (!found.length) return el("p", {}, t("no-themes"));
  const link = (item) =>
    item.guide
      ? el("a", { href: new URL(item.guide, home).href }, t("improve", { criterion: item.text }))
      : null;
  return el(
    "ul",
    { class: "debrief-themes" },
    found.map((item) =>
      el(
        "li",
        {},
        t("theme", { criterion: item.text, count: weakest.get(item.id), total: entries.length }),
        " ",
        link(item),
      ),
    ),
  );
};

// The latest entries first; all of them once the reader asks (remembered until the page closes).
const entryList = (page, worksheet, entries) => {
  const { t } = page;
  const all = page.expanded.has(worksheet.id) || entries.length <= SHOWN;
  const shown = entries.slice(all ? 0 : -SHOWN).reverse();
  const list = el(
    "ul",
    { class: "debrief-entries" },
    shown.map((entry) => entryRow(page, worksheet, entry)),
  );
  if (all) return [list];
  const more = button(t("show-all", { count: entries.length }), () => {
    page.expanded.add(worksheet.id);
    const longer = entryList(page, worksheet, entries)[0];
    list.replaceWith(longer);
    more.remove();
    longer.children[SHOWN].querySelector("button").focus(); // the first entry not shown before
  });
  return [list, more];
};

const entryRow = (page, worksheet, entry) => {
  const { t, day } = page;
  const row = el(
    "li",
    { "data-entry": entry.id },
    el("strong", {}, entry.label),
    " ",
    t("entry-date", { date: day(entry.date) }),
    " ",
    entry.notes ? el("span", { class: "debrief-entry-notes" }, entry.notes) : null,
    " ",
  );
  // One form per entry.
  const edit = button(t("edit"), () => {
    const form =
      row.querySelector("form") || row.appendChild(editForm(page, worksheet, entry, edit));
    form.label.focus();
  });
  const remove = button(t("delete"), () =>
    ask(t, remove, t("delete-question", { label: entry.label }), t("delete-yes"), () =>
      saveEdit(page, { type: "log-delete", id: entry.id }, "deleted"),
    ),
  );
  row.append(edit, " ", remove);
  return row;
};

const worksheetSection = (page, worksheet, entries) => {
  const { t, home } = page;
  const latest = entries.slice(-SHOWN);
  const rateAnother = new URL(`${worksheet.page.url}#${worksheet.id}`, home).href;
  return el(
    "section",
    { class: "debrief-group", "data-worksheet": worksheet.id },
    el("h3", {}, worksheet.title),
    el(
      "p",
      {},
      t("count", { count: entries.length }),
      " ",
      el("a", { href: rateAnother }, t("rate-another")),
    ),
    el("h4", {}, t("themes")),
    themes(page, worksheet, entries),
    el("h4", {}, t("trend")),
    latest.length < entries.length
      ? el("p", {}, t("latest", { shown: latest.length, count: entries.length }))
      : null,
    chart(page, worksheet, latest),
    table(page, worksheet, latest, entries),
    el("h4", {}, t("entries-heading")),
    entryList(page, worksheet, entries),
  );
};

const empty = (page, worksheets) => {
  const { t, home } = page;
  const first = worksheets[0];
  const save = el("strong", {}, t("save-button"));
  const link = first
    ? el("a", { href: new URL(`${first.page.url}#${first.id}`, home).href }, first.title)
    : null;
  return el(
    "p",
    {},
    fill(t("empty"), { save }),
    first ? [" ", ...fill(t("start"), { link })] : null,
  );
};

const byDate = (a, b) => a.date.localeCompare(b.date) || (a.t || "").localeCompare(b.t || "");

export const draw = (page) => {
  page.expanded ??= new Set(); // worksheets whose every entry the reader asked to see
  const { log } = page.keeper.view().document;
  const worksheets = page.manifest.widgets.filter((widget) => widget.scale);
  const groups = worksheets
    .map((worksheet) => [
      worksheet,
      log.filter((entry) => entry.worksheet === worksheet.id).sort(byDate),
    ])
    .filter(([, entries]) => entries.length);
  page.root.replaceChildren(
    ...(groups.length
      ? groups.map(([worksheet, entries]) => worksheetSection(page, worksheet, entries))
      : [empty(page, worksheets)]),
  );
};
