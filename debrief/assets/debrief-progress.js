// Debrief's progress page: every widget's status, export and import, what was kept aside,
// deleting everything, and a summary for a coach.

import { ask, button, el, redraw, settled, today } from "./debrief-app.js";
import * as store from "./debrief-store.js";
import { under } from "./debrief.js";

// What the reader has done in one widget, whatever ids its answers were saved under.
export const progressOf = (doc, widget) => {
  const pick = under(widget.previous || {});
  const state = pick(doc.widgets, widget.id) || {};
  const points = (widget.scale || []).length;
  const value = widget.kind === "checklist" ? (id) => pick(state.items, id) === true
    : (id) => { const v = pick(state.ratings, id) | 0; return v >= 1 && v <= points ? v : 0; };
  const done = widget.items.filter((item) => value(item.id)).length;
  const status = done === 0 ? "not-started" : done === widget.items.length ? "done" : "in-progress";
  return { done, total: widget.items.length, status, value, notes: state.notes || "" };
};

const download = (name, type, text) => {
  const link = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
};

// ---- Overview ----------------------------------------------------------------------------------

const overview = (page, widgets) => {
  const { t } = page;
  const done = widgets.reduce((n, w) => n + w.done, 0);
  const total = widgets.reduce((n, w) => n + w.total, 0);
  const started = widgets.filter((w) => w.done).length;
  return el("div", { class: "debrief-overall" },
    el("p", {}, t("overall", { done, total, started, count: widgets.length })),
    el("progress", { max: total, value: done, "aria-label": t("overall-label") }));
};

const sectionLists = (page, widgets) => {
  const { t, home } = page;
  const sections = new Map();
  widgets.forEach((w) => sections.set(w.page.section, [...(sections.get(w.page.section) || []), w]));
  return [...sections].map(([section, list]) => el("section", { class: "debrief-group" },
    el("h3", {}, section),
    el("ul", { class: "debrief-list" }, list.map((w) => el("li", { "data-widget": w.id },
      el("a", { href: new URL(`${w.page.url}#${w.id}`, home).href }, w.title),
      el("span", { class: `debrief-badge debrief-${w.status}` }, t(w.status)),
      el("progress", { max: w.total, value: w.done, "aria-label": t("widget-label", { title: w.title, done: w.done, total: w.total }) }),
      el("span", {}, t("count", { done: w.done, total: w.total })))))));
};

// ---- Import: the file field and its error summary; debrief-import.js does the rest ----------

const importer = (page) => {
  const { t } = page;
  const fileInput = el("input", { type: "file", id: "debrief-import-file", accept: ".json,application/json" });
  const choice = el("div", { class: "debrief-import-choice" });
  const errors = el("div", { class: "debrief-error-summary", role: "alert", tabindex: "-1", hidden: true });
  const clear = () => { choice.replaceChildren(); fileInput.value = ""; settled(); };
  fileInput.addEventListener("change", async () => {
    errors.hidden = true;
    choice.replaceChildren();
    const file = fileInput.files[0];
    if (!file) return;
    const [text, importing] = await Promise.all([file.size > page.config.limits.file ? "" : file.text(),
      import("./debrief-import.js")]);
    importing.choose(page, { file, text, errors, choice, clear });
  });
  return [errors, el("p", {}, el("label", { for: fileInput.id }, t("import"), " "), fileInput), choice];
};

// ---- Your data: export, the backup, what was kept aside, deleting everything -----------------

const exported = (config, doc) => JSON.stringify({ format: "debrief", version: config.schema, site: config.ns,
  exported: new Date().toISOString(), widgets: doc.widgets, log: doc.log }, null, 1);

const exports = (page) => {
  const { api, t, config } = page;
  const backup = store.backup(api, config);
  const json = "application/json";
  return [
    button(t("export"), () => download(t("export-file", { site: config.ns, date: today() }), json, exported(config, page.read()))),
    " ",
    backup ? button(t("backup"), () => download(t("backup-file", { site: config.ns }), json,
      exported(config, store.checkAll(api, config, api.parse(backup)).doc))) : null,
  ];
};

// A document the site could not read, kept as it was: the reader downloads it, then discards it.
const keptAside = (page) => {
  const { api, t, config } = page;
  const raw = store.aside(config);
  if (raw === null) return null;
  const discard = button(t("aside-discard"), () => ask(t, discard, t("aside-question"), t("aside-yes"), () => {
    import("./debrief-data.js").then((data) => {
      data.discard(api, config);
      redraw(t("discarded"));
    });
  }));
  return el("div", { class: "debrief-notice" }, el("p", {}, t("aside-kept")),
    el("p", { class: "debrief-actions" }, button(t("aside-download"), () => download(t("aside-file", { site: config.ns }),
      "application/json", raw)), " ", discard));
};

const remover = (page) => {
  const { api, t, config } = page;
  const removeAll = () => import("./debrief-data.js").then((data) => {
    data.removeAll(api, config);
    redraw(t("deleted"));
  });
  const deleteButton = button(t("delete"), () => ask(t, deleteButton, t("delete-question"), t("delete-yes"), removeAll));
  return deleteButton;
};

const yourData = (page) => {
  const { api, t } = page;
  const persistence = el("p", { class: "debrief-hint", hidden: true }, t("may-clear"));
  navigator.storage?.persisted?.().then((kept) => { persistence.hidden = kept; });
  return el("section", { class: "debrief-group", id: "your-data" },
    el("h3", {}, t("your-data")),
    el("p", {}, t("kept-here")),
    persistence,
    api.storing() ? null : el("p", { class: "debrief-notice" }, t("blocked")),
    keptAside(page),
    el("p", { class: "debrief-actions" }, exports(page), " ", remover(page)),
    importer(page));
};

// ---- For a coach: a choice of tools and log entries; debrief-summary.js writes the summary -----

const coach = (page, doc, widgets) => {
  const { t, day, manifest } = page;
  const byId = new Map(manifest.widgets.filter((w) => w.kind === "worksheet").map((w) => [w.id, w]));
  const entries = doc.log.filter((e) => byId.has(e.worksheet)).sort((a, b) => b.date.localeCompare(a.date));
  const options = [
    ...widgets.filter((w) => w.done || w.notes).map((w) => ({ label: w.title, widget: w })),
    ...entries.map((e) => ({ label: t("log-entry", { label: e.label, date: day(e.date) }), entry: e })),
  ];
  // Kept by reference: ids from an imported file must never become part of a selector.
  options.forEach((o) => { o.box = el("input", { type: "checkbox", checked: true }); });
  const picks = el("fieldset", { class: "debrief-picks" }, el("legend", {}, t("choose")),
    options.length ? options.map((o) => el("label", {}, o.box, " ", o.label)) : el("p", {}, t("nothing")));
  const summary = (use) => import("./debrief-summary.js")
    .then((module) => use(module, options.filter((o) => o.box.checked), byId));
  const printArea = el("div", { class: "debrief-print-area" });
  const print = () => summary((module, chosen) => {
    printArea.replaceChildren(...module.printed(page, chosen, byId));
    document.documentElement.classList.add("debrief-printing");
    window.print();
  });
  const save = () => summary((module, chosen) => download(t("summary-file", { date: today() }), "text/markdown",
    module.markdown(page, chosen, byId)));
  return el("section", { class: "debrief-group", id: "for-a-coach" },
    el("h3", {}, t("coach")),
    el("p", {}, t("coach-intro")),
    picks,
    el("p", { class: "debrief-actions" }, button(t("download-summary"), save), " ", button(t("print"), print)),
    printArea);
};

// The reader's progress, written into the list in place: the same boxes, so nothing moves.
const show = (page, widgets) => {
  const { t, root } = page;
  const done = widgets.reduce((n, w) => n + w.done, 0);
  const total = widgets.reduce((n, w) => n + w.total, 0);
  const started = widgets.filter((w) => w.done).length;
  root.querySelector(".debrief-overall p").textContent = t("overall", { done, total, started, count: widgets.length });
  root.querySelector(".debrief-overall progress").value = done;
  const byId = new Map(widgets.map((w) => [w.id, w]));
  root.querySelectorAll("li[data-widget]").forEach((row) => {
    const w = byId.get(row.dataset.widget);
    if (!w) return; // a page cached from an older build
    const [, badge, bar, count] = row.children;
    badge.className = `debrief-badge debrief-${w.status}`;
    badge.textContent = t(w.status);
    bar.value = w.done;
    bar.setAttribute("aria-label", t("widget-label", { title: w.title, done: w.done, total: w.total }));
    count.textContent = t("count", { done: w.done, total: w.total });
  });
};

export const draw = (page) => {
  const doc = page.read();
  const widgets = page.manifest.widgets.map((w) => ({ ...w, ...progressOf(doc, w) }));
  const { root } = page;
  // The build draws the list (app_pages.py); a builder that runs no plugin leaves it to us.
  if (!root.querySelector(".debrief-overall")) {
    const none = widgets.map((w) => ({ ...w, done: 0, status: "not-started" }));
    root.replaceChildren(overview(page, none), ...sectionLists(page, none), el("div", { class: "debrief-app-tools" }));
  }
  show(page, widgets);
  root.querySelector(".debrief-app-tools").replaceChildren(yourData(page), coach(page, doc, widgets));
};
