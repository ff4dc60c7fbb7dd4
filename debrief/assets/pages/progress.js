// My progress: every widget's status, export and import, what was kept aside, deleting
// everything, and a summary for a coach. The build draws the list (debrief/app_pages.py); this
// fills in the reader's answers, or draws the same list where a builder ran no plugin.

import { button, download, el, today } from "../page/dom.js";
import { answersFor, check } from "../store/document.js";
import { isRecord, parse } from "../store/records.js";
import { ask, outcomeKey, redraw } from "./frame.js";
import { importer } from "./importer.js";
import { markdown, printed } from "./summary.js";

// What the reader has done in one widget of the manifest, whatever ids it was saved under.
// Answers a widget keeps for the session only are in this tab's session storage.
export const progressOf = (page, widget) => {
  const keeper = page.keepers[widget.keep === "session" ? "session" : "device"];
  const answers = answersFor(keeper.view().document, widget);
  const { done, total } = page.kinds[widget.kind].count(widget, answers);
  const status = done === 0 ? "not-started" : done === total ? "done" : "in-progress";
  return { done, total, status, answers };
};

const totals = (widgets) => ({
  done: widgets.reduce((sum, widget) => sum + widget.done, 0),
  total: widgets.reduce((sum, widget) => sum + widget.total, 0),
  started: widgets.filter((widget) => widget.done).length,
  count: widgets.length,
});

// ---- The list, as the build draws it, for builders without the plugin ---------------------------

const overview = (page, widgets) =>
  el(
    "div",
    { class: "debrief-overall" },
    el("p", {}, page.t("overall", totals(widgets))),
    el("progress", { max: totals(widgets).total, value: 0, "aria-label": page.t("overall-label") }),
  );

const row = (page, widget) => {
  const { t, home } = page;
  const counts = { title: widget.title, done: 0, total: widget.total };
  return el(
    "li",
    { "data-widget": widget.id },
    el("a", { href: new URL(`${widget.page.url}#${widget.id}`, home).href }, widget.title),
    el("span", { class: "debrief-badge debrief-not-started" }, t("not-started")),
    el("progress", { max: widget.total, value: 0, "aria-label": t("widget-label", counts) }),
    el("span", {}, t("count", counts)),
  );
};

// One group per navigation section; a page outside every section (its `section` is "") is a
// group of its own, named by its title, as app_pages.py draws it at build time.
const sectionLists = (page, widgets) => {
  const sections = new Map();
  for (const widget of widgets) {
    const { section, url } = widget.page;
    const key = section ? `section ${section}` : `page ${url}`;
    sections.set(key, [...(sections.get(key) || []), widget]);
  }
  return [...sections.values()].map((listed) =>
    el(
      "section",
      { class: "debrief-group" },
      el("h3", {}, listed[0].page.section || listed[0].page.title),
      el(
        "ul",
        { class: "debrief-list" },
        listed.map((widget) => row(page, widget)),
      ),
    ),
  );
};

// The reader's progress, written into the list in place: the same boxes, so nothing moves.
const showProgress = (page, widgets) => {
  const { t, root } = page;
  root.querySelector(".debrief-overall p").textContent = t("overall", totals(widgets));
  root.querySelector(".debrief-overall progress").value = totals(widgets).done;
  const byId = new Map(widgets.map((widget) => [widget.id, widget]));
  for (const line of root.querySelectorAll("li[data-widget]")) {
    const widget = byId.get(line.dataset.widget);
    if (!widget) continue; // a page cached from an older build
    const [, badge, bar, count] = line.children;
    const counts = { title: widget.title, done: widget.done, total: widget.total };
    badge.className = `debrief-badge debrief-${widget.status}`;
    badge.textContent = t(widget.status);
    bar.value = widget.done;
    bar.setAttribute("aria-label", t("widget-label", counts));
    count.textContent = t("count", counts);
  }
};

// ---- Your data: export, the backup, what was kept aside, deleting everything --------------------

const exported = (page, answers) =>
  JSON.stringify(
    {
      format: "debrief",
      version: page.config.schema,
      site: page.config.ns,
      exported: new Date().toISOString(),
      ...answers,
    },
    null,
    1,
  );

// What an export holds of a document: its answers, without the parts it does not have.
const answersIn = ({ widgets, log, fields, records }) => ({
  widgets,
  log,
  ...(fields ? { fields } : {}),
  ...(records ? { records } : {}),
});

const exportButtons = (page) => {
  const { keeper, t, config } = page;
  const json = "application/json";
  const exportAll = () => {
    download(
      t("export-file", { site: config.ns, date: today() }),
      json,
      exported(page, answersIn(keeper.view().document)),
    );
  };
  const backup = parse(keeper.backupText());
  const downloadBackup = () => {
    const answers = answersIn(check(backup, config).document);
    download(t("backup-file", { site: config.ns }), json, exported(page, answers));
  };
  return [
    button(t("export"), exportAll),
    " ",
    isRecord(backup) ? button(t("backup"), downloadBackup) : null,
  ];
};

// What was kept aside, as an export file an import reads back: what can be read comes in, and
// what cannot is listed. Text that is no JSON at all goes out as it was.
const asideFile = (page, raw) => {
  const kept = parse(raw);
  if (!isRecord(kept)) return raw;
  const parts = Object.entries(kept).filter(([key]) => !["v", "t", "n"].includes(key));
  return exported(page, { version: kept.v, ...Object.fromEntries(parts) });
};

const keptAside = (page) => {
  const { keeper, t, config } = page;
  const raw = keeper.asideText();
  if (raw === null) return null;
  const save = () =>
    download(t("aside-file", { site: config.ns }), "application/json", asideFile(page, raw));
  const discard = button(t("aside-discard"), () =>
    ask(t, discard, t("aside-question"), t("aside-yes"), () => {
      redraw(t(outcomeKey(keeper.discardAside(), "discarded")));
    }),
  );
  return el(
    "div",
    { class: "debrief-notice" },
    el("p", {}, t("aside-kept")),
    el("p", { class: "debrief-actions" }, button(t("aside-download"), save), " ", discard),
  );
};

const deleteButton = (page) => {
  const { keepers, t } = page;
  const remove = () => {
    const outcomes = [keepers.device.deleteAll(), keepers.session.deleteAll()];
    const failed = outcomes.find((outcome) => outcome !== "saved");
    redraw(t(failed ? "delete-failed" : "deleted"));
  };
  const removeButton = button(t("delete"), () =>
    ask(t, removeButton, t("delete-question"), t("delete-yes"), remove),
  );
  return removeButton;
};

const yourData = (page) => {
  const { keeper, t } = page;
  const persistence = el("p", { class: "debrief-hint", hidden: true }, t("may-clear"));
  navigator.storage?.persisted?.().then((kept) => {
    persistence.hidden = kept;
  });
  return el(
    "section",
    { class: "debrief-group", id: "your-data" },
    el("h3", {}, t("your-data")),
    el("p", {}, t("kept-here")),
    persistence,
    keeper.view().blocked ? el("p", { class: "debrief-notice" }, t("blocked")) : null,
    keptAside(page),
    el("p", { class: "debrief-actions" }, exportButtons(page), " ", deleteButton(page)),
    importer(page),
  );
};

// ---- For a coach: a choice of tools and log entries, summarised as Markdown or on paper ---------

// What a coach summary can hold: each tool with answers, then each log entry, newest first;
// each with its box, ticked but for what a reader wrote in a fields or entries tool (names,
// employers, dates, stories), which goes to a coach only when ticked. Kept by reference: ids
// from an imported file must never become part of a selector.
const summaryChoices = (page, widgets, worksheets) => {
  const { t, day, keeper } = page;
  const entries = keeper
    .view()
    .document.log.filter((entry) => worksheets.has(entry.worksheet))
    .sort((a, b) => b.date.localeCompare(a.date));
  const options = [
    ...widgets
      .filter((widget) => widget.done || widget.answers.notes)
      .map((widget) => ({ label: widget.title, widget })),
    ...entries.map((entry) => ({
      label: t("log-entry", { label: entry.label, date: day(entry.date) }),
      entry,
    })),
  ];
  for (const option of options) {
    const written = ["fields", "entries"].includes(option.widget?.kind);
    option.box = el("input", { type: "checkbox", checked: !written });
  }
  return options;
};

const coach = (page, widgets) => {
  const { t, manifest } = page;
  const worksheets = new Map(
    manifest.widgets.filter((widget) => widget.scale).map((widget) => [widget.id, widget]),
  );
  const options = summaryChoices(page, widgets, worksheets);
  const picks = el(
    "fieldset",
    { class: "debrief-picks" },
    el("legend", {}, t("choose")),
    options.length
      ? options.map((option) => el("label", {}, option.box, " ", option.label))
      : el("p", {}, t("nothing")),
  );
  const picked = () => options.filter((option) => option.box.checked);
  const printArea = el("div", { class: "debrief-print-area" });
  const print = () => {
    printArea.replaceChildren(...printed(page, picked(), worksheets));
    document.documentElement.classList.add("debrief-printing");
    window.print();
  };
  const save = () =>
    download(
      t("summary-file", { date: today() }),
      "text/markdown",
      markdown(page, picked(), worksheets),
    );
  return el(
    "section",
    { class: "debrief-group", id: "for-a-coach" },
    el("h3", {}, t("coach")),
    el("p", {}, t("coach-intro")),
    picks,
    el(
      "p",
      { class: "debrief-actions" },
      button(t("download-summary"), save),
      " ",
      button(t("print"), print),
    ),
    printArea,
  );
};

export const draw = (page) => {
  const widgets = page.manifest.widgets.map((widget) => ({
    ...widget,
    ...progressOf(page, widget),
  }));
  const { root } = page;
  // The build draws the list (app_pages.py); a builder that runs no plugin leaves it to us.
  if (!root.querySelector(".debrief-overall")) {
    const none = widgets.map((widget) => ({ ...widget, done: 0, status: "not-started" }));
    root.replaceChildren(
      overview(page, none),
      ...sectionLists(page, none),
      el("div", { class: "debrief-app-tools" }),
    );
  }
  showProgress(page, widgets);
  root.querySelector(".debrief-app-tools").replaceChildren(yourData(page), coach(page, widgets));
};
