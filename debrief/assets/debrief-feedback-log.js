// Debrief's feedback log: saved self-ratings, their trend as a chart with a table of the same
// figures, recurring weak criteria, and editing or deleting entries.

import { button, confirmBar, el, MAX_NOTES, plural, redraw } from "./debrief-app.js";

// Mid-tone colours: each keeps 3:1 contrast on Material's light and dark backgrounds.
const COLOURS = ["#1e88e5", "#e53935", "#43a047", "#ab47bc", "#fb8c00", "#00acc1", "#8d6e63",
  "#ec407a", "#78909c", "#9e9d24"];

const svg = (tag, attrs = {}) => {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
};
// ---- Feedback log ----------------------------------------------------------------------------

const chart = (worksheet, entries) => {
  const points = worksheet.scale.length;
  const width = 600;
  const height = 240;
  const x = (n) => 60 + (entries.length === 1 ? (width - 120) / 2 : (n * (width - 120)) / (entries.length - 1));
  const y = (v) => height - 30 - ((v - 1) * (height - 50)) / Math.max(points - 1, 1);
  const box = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": `${worksheet.id}-chart-title` });
  box.append(svg("title", { id: `${worksheet.id}-chart-title` }));
  box.firstChild.textContent = `Ratings of ${worksheet.title} over time; the table below has the same figures.`;
  worksheet.scale.forEach((name, n) => {
    box.append(svg("line", { x1: 36, x2: width - 16, y1: y(n + 1), y2: y(n + 1), class: "debrief-grid" }));
    const label = svg("text", { x: 0, y: y(n + 1) + 4, class: "debrief-axis" });
    label.textContent = String(n + 1);
    box.append(label);
  });
  entries.forEach((entry, n) => {
    const label = svg("text", { x: x(n), y: height - 6, "text-anchor": "middle", class: "debrief-axis" });
    label.textContent = entry.date;
    box.append(label);
  });
  worksheet.items.forEach((item, c) => {
    const colour = COLOURS[c % COLOURS.length];
    const rated = entries.map((e, n) => [n, e.ratings[item.id] | 0]).filter(([, v]) => v);
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

export const draw = (api, ns, manifest, root, home) => {
  const doc = api.read(ns);
  const worksheets = manifest.widgets.filter((w) => w.kind === "worksheet");
  const groups = worksheets.map((w) => [w, doc.log.filter((e) => e.worksheet === w.id)
    .sort((a, b) => a.date.localeCompare(b.date) || (a.t || "").localeCompare(b.t || ""))])
    .filter(([, e]) => e.length);
  if (!groups.length) {
    const first = worksheets[0];
    root.replaceChildren(el("p", {}, "No entries yet. After an interview, rate yourself on a worksheet and choose ",
      el("strong", {}, "Save to log"), first ? ". Start with " : ".",
      first ? el("a", { href: new URL(`${first.page.url}#${first.id}`, home).href }, first.title) : null, first ? "." : null));
    return;
  }
  const level = (w, v) => (v ? `${w.scale[v - 1]} (${v})` : "Not rated");
  const change = (entryId, edit) => {
    api.update(ns, (d) => {
      const at = d.log.findIndex((e) => e.id === entryId);
      if (at < 0) return;
      if (edit) d.log[at] = { ...d.log[at], ...edit, t: new Date().toISOString() };
      else d.log.splice(at, 1);
    });
  };

  const sections = groups.map(([w, entries]) => {
    const mean = (item) => {
      const values = entries.map((e) => e.ratings[item.id] | 0).filter(Boolean);
      return values.length ? (values.reduce((a, b) => a + b, 0) / values.length).toFixed(1) : "–";
    };
    // A theme: a criterion among the weakest of an entry in two entries or more.
    const weakest = new Map();
    entries.forEach((e) => {
      const values = w.items.map((i) => e.ratings[i.id] | 0).filter(Boolean);
      const low = Math.min(...values);
      w.items.filter((i) => (e.ratings[i.id] | 0) === low).forEach((i) => weakest.set(i.id, (weakest.get(i.id) || 0) + 1));
    });
    const themes = w.items.filter((i) => weakest.get(i.id) >= 2);

    const table = el("table", { class: "debrief-ratings" },
      el("caption", {}, `Ratings by interview, ${w.title} (1 = ${w.scale[0]}, ${w.scale.length} = ${w.scale.at(-1)})`),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Criterion"),
        entries.map((e) => el("th", { scope: "col" }, `${e.label} (${e.date})`)),
        el("th", { scope: "col" }, "Average"))),
      el("tbody", {}, w.items.map((item) => el("tr", {}, el("th", { scope: "row" }, item.text),
        entries.map((e) => el("td", { "data-criterion": item.id, "data-entry": e.id }, String(e.ratings[item.id] || "–"))),
        el("td", { "data-average": item.id }, mean(item))))));

    const list = el("ul", { class: "debrief-entries" }, entries.slice().reverse().map((e) => {
      const row = el("li", { "data-entry": e.id },
        el("strong", {}, e.label), ` — ${e.date}. `,
        e.notes ? el("span", { class: "debrief-entry-notes" }, e.notes) : null, " ");
      const edit = button("Edit", () => {
        const form = el("form", { class: "debrief-edit" },
          el("p", {}, el("label", {}, "Interview ", el("input", { name: "label", value: e.label, maxlength: 120, required: true }))),
          el("p", {}, el("label", {}, "Date ", el("input", { name: "date", type: "date", value: e.date, required: true }))),
          w.items.map((item) => el("p", {}, el("label", {}, `${item.text} `, el("select", { name: item.id },
            ["Not rated", ...w.scale].map((name, v) => el("option", { value: v, selected: (e.ratings[item.id] | 0) === v }, name)))))),
          el("p", {}, el("label", {}, "Notes ", el("textarea", { name: "notes", maxlength: MAX_NOTES, rows: 3 }))),
          el("p", {}, el("button", { type: "submit", class: "debrief-button" }, "Save changes"), " ",
            button("Cancel", () => { form.remove(); edit.focus(); })));
        form.notes.value = e.notes || "";
        form.addEventListener("submit", (event) => {
          event.preventDefault();
          const ratings = Object.fromEntries(w.items.map((i) => [i.id, +form[i.id].value]).filter(([, v]) => v));
          change(e.id, { label: form.label.value.trim(), date: form.date.value, notes: form.notes.value, ratings });
          redraw("Entry saved.");
        });
        row.append(form);
        form.label.focus();
      });
      const remove = button("Delete", () => remove.after(confirmBar(`Delete the entry "${e.label}"?`, "Yes, delete it",
        () => { change(e.id); redraw("Entry deleted."); })));
      row.append(edit, " ", remove);
      return row;
    }));

    return el("section", { class: "debrief-group", "data-worksheet": w.id },
      el("h3", {}, w.title),
      el("p", {}, `${plural(entries.length, "entry").replace("entrys", "entries")}. `,
        el("a", { href: new URL(`${w.page.url}#${w.id}`, home).href }, "Rate another interview")),
      el("h4", {}, "Recurring themes"),
      themes.length ? el("ul", { class: "debrief-themes" }, themes.map((i) => el("li", {},
        `${i.text}: among your weakest in ${weakest.get(i.id)} of ${entries.length} interviews. `,
        i.guide ? el("a", { href: new URL(i.guide, home).href }, `How to improve: ${i.text}`) : null)))
        : el("p", {}, "No criterion has been among your weakest more than once yet."),
      el("h4", {}, "Trend over time"),
      chart(w, entries),
      table,
      el("h4", {}, "Entries"),
      list);
  });
  root.replaceChildren(...sections);
};

