// Debrief's feedback log: saved self-ratings, their trend as a chart with a table of the same
// figures, recurring weak criteria, and editing or deleting entries.

import { ask, button, el, fill } from "./debrief-app.js";

// Mid-tone colours: each keeps 3:1 contrast on Material's light and dark backgrounds.
const COLOURS = ["#1e88e5", "#e53935", "#43a047", "#ab47bc", "#fb8c00", "#00acc1", "#8d6e63",
  "#ec407a", "#78909c", "#9e9d24"];
const WIDTH = 600;
const HEIGHT = 240;
const CHAR_WIDTH = 7; // of the axis font, generously: date labels are spaced by it
// The latest entries the chart, the table and the list show until the reader asks for all: a
// long log stays quick to draw and readable. Averages and themes count every entry.
const SHOWN = 24;

// A rating as the log uses it: 0 (not rated) unless it is on the worksheet's scale.
const rating = (w, entry, item) => {
  const value = entry.ratings[item.id] | 0;
  return value >= 1 && value <= w.scale.length ? value : 0;
};

const svg = (tag, attrs = {}, text = "") => {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  node.textContent = text;
  return node;
};

// ---- Chart: numbers and dates read left to right in every language ----------------------------

// The dates under the chart, as many as fit without touching each other.
const dateLabels = (page, entries, x) => {
  const dates = entries.map((entry) => page.day(entry.date));
  const widest = Math.max(...dates.map((d) => d.length)) * CHAR_WIDTH + 8;
  const gap = entries.length > 1 ? x(1) - x(0) : Infinity;
  const step = Math.ceil(widest / gap);
  return dates.map((date, n) => (n % step ? null : svg("text",
    { x: x(n), y: HEIGHT - 6, "text-anchor": "middle", class: "debrief-axis" }, date))).filter(Boolean);
};

const chart = (page, worksheet, entries) => {
  const points = worksheet.scale.length;
  const x = (n) => 60 + (entries.length === 1 ? (WIDTH - 120) / 2 : (n * (WIDTH - 120)) / (entries.length - 1));
  const y = (v) => HEIGHT - 30 - ((v - 1) * (HEIGHT - 50)) / Math.max(points - 1, 1);
  const title = `${worksheet.id}-chart-title`;
  const box = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-labelledby": title, direction: "ltr" });
  box.append(svg("title", { id: title }, page.t("chart-title", { title: worksheet.title })));
  worksheet.scale.forEach((name, n) => {
    box.append(svg("line", { x1: 36, x2: WIDTH - 16, y1: y(n + 1), y2: y(n + 1), class: "debrief-grid" }),
      svg("text", { x: 0, y: y(n + 1) + 4, class: "debrief-axis" }, String(n + 1)));
  });
  box.append(...dateLabels(page, entries, x));
  worksheet.items.forEach((item, c) => {
    const colour = COLOURS[c % COLOURS.length];
    const rated = entries.map((e, n) => [n, rating(worksheet, e, item)]).filter(([, v]) => v);
    if (rated.length > 1) {
      box.append(svg("polyline", { points: rated.map(([n, v]) => `${x(n)},${y(v)}`).join(" "),
        stroke: colour, fill: "none", "stroke-width": 2 }));
    }
    rated.forEach(([n, v]) => box.append(svg("circle", { cx: x(n), cy: y(v), r: 4, fill: colour,
      "data-criterion": item.id, "data-entry": entries[n].id, "data-value": v })));
  });
  const legend = el("ul", { class: "debrief-legend" }, worksheet.items.map((item, c) =>
    el("li", {}, el("span", { class: "debrief-swatch", style: `background:${COLOURS[c % COLOURS.length]}` }), item.text)));
  return el("figure", { class: "debrief-chart" }, box, legend);
};

// ---- The parts of one worksheet's section ------------------------------------------------------

const table = (page, w, entries, all) => {
  const { t, day } = page;
  const mean = (item) => {
    const values = all.map((e) => rating(w, e, item)).filter(Boolean);
    return values.length ? page.number(values.reduce((a, b) => a + b, 0) / values.length) : t("no-value");
  };
  return el("table", { class: "debrief-ratings" },
    el("caption", {}, t("caption", { title: w.title, lowest: w.scale[0], points: w.scale.length, highest: w.scale.at(-1) })),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, t("criterion")),
      entries.map((e) => el("th", { scope: "col" }, t("column", { label: e.label, date: day(e.date) }))),
      el("th", { scope: "col" }, t("average")))),
    el("tbody", {}, w.items.map((item) => el("tr", {}, el("th", { scope: "row" }, item.text),
      entries.map((e) => el("td", { "data-criterion": item.id, "data-entry": e.id }, String(rating(w, e, item) || t("no-value")))),
      el("td", { "data-average": item.id }, mean(item))))));
};

// A theme: a criterion among the weakest of an entry in two entries or more.
const themes = (page, w, entries) => {
  const { t, home } = page;
  const weakest = new Map();
  entries.forEach((e) => {
    const low = Math.min(...w.items.map((i) => rating(w, e, i)).filter(Boolean));
    w.items.filter((i) => rating(w, e, i) === low).forEach((i) => weakest.set(i.id, (weakest.get(i.id) || 0) + 1));
  });
  const found = w.items.filter((i) => weakest.get(i.id) >= 2);
  if (!found.length) return el("p", {}, t("no-themes"));
  return el("ul", { class: "debrief-themes" }, found.map((i) => el("li", {},
    t("theme", { criterion: i.text, count: weakest.get(i.id), total: entries.length }), " ",
    i.guide ? el("a", { href: new URL(i.guide, home).href }, t("improve", { criterion: i.text })) : null)));
};

// The latest entries first; all of them once the reader asks (remembered until the page closes).
const entryList = (page, w, entries) => {
  const { t } = page;
  const all = page.expanded.has(w.id) || entries.length <= SHOWN;
  const list = el("ul", { class: "debrief-entries" }, entries.slice(all ? 0 : -SHOWN).reverse().map((e) => entryRow(page, w, e)));
  if (all) return [list];
  const more = button(t("show-all", { count: entries.length }), () => {
    page.expanded.add(w.id);
    const longer = entryList(page, w, entries)[0];
    list.replaceWith(longer);
    more.remove();
    longer.children[SHOWN].querySelector("button").focus(); // the first entry not shown before
  });
  return [list, more];
};

const entryRow = (page, w, e) => {
  const { t, day } = page;
  const row = el("li", { "data-entry": e.id },
    el("strong", {}, e.label), " ", t("entry-date", { date: day(e.date) }), " ",
    e.notes ? el("span", { class: "debrief-entry-notes" }, e.notes) : null, " ");
  // Editing and deleting come as a module of their own, when first wanted; one form per entry.
  const editing = () => import("./debrief-edit.js");
  const edit = button(t("edit"), () => editing().then((module) => {
    const form = row.querySelector("form") || row.appendChild(module.form(page, w, e, edit));
    form.label.focus();
  }));
  const remove = button(t("delete"), () => ask(t, remove, t("delete-question", { label: e.label }),
    t("delete-yes"), () => editing().then((module) => module.change(page, e.id, null, "deleted"))));
  row.append(edit, " ", remove);
  return row;
};

const worksheetSection = (page, w, entries) => {
  const { t, home } = page;
  const latest = entries.slice(-SHOWN);
  return el("section", { class: "debrief-group", "data-worksheet": w.id },
    el("h3", {}, w.title),
    el("p", {}, t("count", { count: entries.length }), " ",
      el("a", { href: new URL(`${w.page.url}#${w.id}`, home).href }, t("rate-another"))),
    el("h4", {}, t("themes")),
    themes(page, w, entries),
    el("h4", {}, t("trend")),
    latest.length < entries.length ? el("p", {}, t("latest", { shown: latest.length, count: entries.length })) : null,
    chart(page, w, latest),
    table(page, w, latest, entries),
    el("h4", {}, t("entries-heading")),
    entryList(page, w, entries));
};

const empty = (page, worksheets) => {
  const { t, home } = page;
  const first = worksheets[0];
  const save = el("strong", {}, t("save-button"));
  const link = first ? el("a", { href: new URL(`${first.page.url}#${first.id}`, home).href }, first.title) : null;
  return el("p", {}, fill(t("empty"), { save }), first ? [" ", ...fill(t("start"), { link })] : null);
};

export const draw = (page) => {
  page.expanded ??= new Set(); // worksheets whose every entry the reader asked to see
  const doc = page.read();
  const worksheets = page.manifest.widgets.filter((w) => w.kind === "worksheet");
  const groups = worksheets.map((w) => [w, doc.log.filter((e) => e.worksheet === w.id)
    .sort((a, b) => a.date.localeCompare(b.date) || (a.t || "").localeCompare(b.t || ""))])
    .filter(([, e]) => e.length);
  page.root.replaceChildren(...(groups.length ? groups.map(([w, entries]) => worksheetSection(page, w, entries))
    : [empty(page, worksheets)]));
};
