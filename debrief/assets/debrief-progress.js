// Debrief's progress page: every widget's status, export and import, deleting everything, and a
// summary for a coach.

import { button, confirmBar, el, ID, MAX_NOTES, plural, redraw, today } from "./debrief-app.js";

const MAX_FILE = 1_000_000;
const MAX_ENTRIES = 500;
const DAY = /^\d{4}-\d\d-\d\d$/;

// What the reader has done in one widget, whatever ids its answers were saved under.
const progressOf = (doc, widget) => {
  const previous = widget.previous || {};
  const state = doc.widgets[widget.id] ||
    (previous[widget.id] || []).map((old) => doc.widgets[old]).find(Boolean) || {};
  const map = widget.kind === "checklist" ? state.items : state.ratings;
  const value = (id) => (map && id in map ? map[id]
    : (previous[id] || []).map((old) => map && map[old]).find((v) => v !== undefined));
  const done = widget.items.filter((item) => value(item.id)).length;
  const status = done === 0 ? "Not started" : done === widget.items.length ? "Done" : "In progress";
  return { done, total: widget.items.length, status, value, notes: state.notes || "" };
};

const download = (name, type, text) => {
  const link = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
};

// ---- Import: check everything, trust nothing -------------------------------------------------

const isText = (v, max) => typeof v === "string" && v.length <= max;
const isRatings = (v) => v && typeof v === "object" && !Array.isArray(v) &&
  Object.entries(v).every(([k, n]) => ID.test(k) && Number.isInteger(n) && n >= 0 && n <= 10);

const checkImport = (text, ns) => {
  let data;
  try { data = JSON.parse(text); } catch {
    return { problems: ["The file is not a Debrief export: it is not valid JSON."] };
  }
  if (!data || data.format !== "debrief" || typeof data.version !== "number") {
    return { problems: ["The file is not a Debrief export: it has no Debrief format mark."] };
  }
  if (data.version > 2) return { problems: ["The file comes from a newer version of Debrief."] };
  if (data.site !== ns) {
    return { problems: [`The file comes from another site ("${String(data.site).slice(0, 60)}"), ` +
      "not this one. Export from this site to move answers here."] };
  }
  const problems = [];
  const widgets = data.widgets && typeof data.widgets === "object" && !Array.isArray(data.widgets)
    ? data.widgets : (problems.push("The answers are missing or not in the expected form."), {});
  for (const [id, state] of Object.entries(widgets)) {
    const ok = ID.test(id) && state && typeof state === "object" &&
      (state.items == null || (typeof state.items === "object" &&
        Object.entries(state.items).every(([k, v]) => ID.test(k) && typeof v === "boolean"))) &&
      (state.ratings == null || isRatings(state.ratings)) &&
      (state.notes == null || isText(state.notes, MAX_NOTES));
    if (!ok) problems.push(`The answers for "${id.slice(0, 64)}" are not in the expected form.`);
  }
  const log = Array.isArray(data.log) ? data.log
    : (problems.push("The feedback log is missing or not a list."), []);
  if (log.length > MAX_ENTRIES) problems.push(`The feedback log has more than ${MAX_ENTRIES} entries.`);
  log.slice(0, MAX_ENTRIES).forEach((entry, n) => {
    const ok = entry && isText(entry.id, 40) && ID.test(entry.worksheet || "") &&
      isText(entry.label, 120) && DAY.test(entry.date || "") && isRatings(entry.ratings) &&
      isText(entry.notes ?? "", MAX_NOTES);
    if (!ok) problems.push(`Log entry ${n + 1} is not in the expected form.`);
  });
  return { problems, doc: { v: 2, widgets, log, t: data.exported } };
};

const merge = (mine, theirs) => {
  const widgets = { ...mine.widgets };
  for (const [id, state] of Object.entries(theirs.widgets)) {
    if (!widgets[id] || (state.t || "") > (widgets[id].t || "")) widgets[id] = state;
  }
  const log = new Map(mine.log.map((e) => [e.id, e]));
  theirs.log.forEach((e) => {
    if (!log.has(e.id) || (e.t || "") > (log.get(e.id).t || "")) log.set(e.id, e);
  });
  return { v: 2, widgets, log: [...log.values()] };
};

// ---- Progress page ---------------------------------------------------------------------------

export const draw = (api, ns, manifest, root, home) => {
  const doc = api.read(ns);
  const widgets = manifest.widgets.map((w) => ({ ...w, ...progressOf(doc, w) }));
  const done = widgets.reduce((n, w) => n + w.done, 0);
  const total = widgets.reduce((n, w) => n + w.total, 0);
  const started = widgets.filter((w) => w.done).length;
  const sections = new Map();
  widgets.forEach((w) => {
    const name = w.page.section;
    sections.set(name, [...(sections.get(name) || []), w]);
  });

  const overview = el("div", { class: "debrief-overall" },
    el("p", {}, `${done} of ${total} items done or rated, in ${started} of ${plural(widgets.length, "tool")}.`),
    el("progress", { max: total, value: done, "aria-label": "Overall progress" }));

  const lists = [...sections].map(([section, list]) => el("section", { class: "debrief-group" },
    el("h3", {}, section),
    el("ul", { class: "debrief-list" }, list.map((w) => el("li", { "data-widget": w.id },
      el("a", { href: new URL(`${w.page.url}#${w.id}`, home).href }, w.title),
      el("span", { class: `debrief-badge debrief-${w.status.replace(" ", "-").toLowerCase()}` }, w.status),
      el("progress", { max: w.total, value: w.done, "aria-label": `${w.title}: ${w.done} of ${w.total}` }),
      el("span", {}, `${w.done} of ${w.total}`))))));

  // Your data: export, import, delete.
  const errors = el("div", { class: "debrief-error-summary", role: "alert", tabindex: "-1", hidden: true });
  const fileInput = el("input", { type: "file", id: "debrief-import-file", accept: ".json,application/json" });
  const choice = el("div", { class: "debrief-import-choice" });
  const showErrors = (problems) => {
    // As in GOV.UK's error summary, each link puts the focus on the field it is about; the
    // theme's instant navigation must not see the click, or it moves the focus back to the page.
    const toField = (e) => { e.preventDefault(); e.stopPropagation(); fileInput.focus(); };
    errors.replaceChildren(el("h3", {}, "There is a problem"), el("ul", {}, problems.map((p) =>
      el("li", {}, el("a", { href: "#debrief-import-file", onclick: toField }, p)))));
    errors.hidden = false;
    errors.focus();
  };
  fileInput.addEventListener("change", async () => {
    errors.hidden = true;
    choice.replaceChildren();
    const file = fileInput.files[0];
    if (!file) return;
    if (file.size > MAX_FILE) return showErrors(["The file is larger than 1 MB, so it is not a Debrief export."]);
    const { problems, doc: theirs } = checkImport(await file.text(), ns);
    if (problems.length) return showErrors(problems);
    const apply = (replace) => {
      const mine = api.read(ns);
      if (replace) {
        try { localStorage.setItem(`debrief-backup:${ns}`, JSON.stringify(mine)); } catch { /* kept in memory only */ }
      }
      api.write(ns, replace ? theirs : merge(mine, theirs));
      choice.replaceChildren();
      fileInput.value = "";
      redraw(`Imported ${plural(Object.keys(theirs.widgets).length, "tool")} and ` +
        `${plural(theirs.log.length, "log entry").replace("entrys", "entries")}.`);
    };
    choice.replaceChildren(el("p", {}, `The file has answers for ${plural(Object.keys(theirs.widgets).length, "tool")} ` +
      `and ${theirs.log.length} log ${theirs.log.length === 1 ? "entry" : "entries"}. ` +
      "Merge them with the answers on this device, or replace those?"),
    el("p", { class: "debrief-actions" }, button("Merge", () => apply(false)), " ",
      button("Replace (a backup is kept)", () => apply(true)), " ",
      button("Cancel", () => { choice.replaceChildren(); fileInput.value = ""; })));
    choice.querySelector("button").focus();
  });

  const backup = (() => { try { return localStorage.getItem(`debrief-backup:${ns}`); } catch { return null; } })();
  const persistence = el("p", { class: "debrief-hint", hidden: true },
    "Your browser may clear these answers when it runs short of space. Export a copy now and then.");
  navigator.storage?.persisted?.().then((kept) => { persistence.hidden = kept; });
  const removeAll = () => {
    try {
      Object.keys(localStorage).filter((k) => k === `debrief:${ns}` || k.startsWith(`debrief:${ns}:`) ||
        k === `debrief-backup:${ns}`).forEach((k) => localStorage.removeItem(k));
    } catch { /* storage is off: the memory copy goes below */ }
    // A blank document also empties the in-memory copy kept when storage is off; then its key
    // goes too, so nothing of this site is left on the device.
    api.write(ns, api.blank());
    try { localStorage.removeItem(`debrief:${ns}`); } catch { /* as above */ }
    redraw("Deleted every answer and log entry on this device.");
  };
  const deleteButton = button("Delete all my data", () => deleteButton.after(
    confirmBar("Delete every answer and log entry this site saved on this device?", "Yes, delete everything", removeAll)));

  const data = el("section", { class: "debrief-group", id: "your-data" },
    el("h3", {}, "Your data"),
    el("p", {}, "Your answers are kept in this browser only. Export them to keep a copy or to move them to another device."),
    persistence,
    api.storing() ? null : el("p", { class: "debrief-notice" }, "This browser is not letting the site store anything, so answers last for this visit only."),
    el("p", { class: "debrief-actions" },
      button("Export all my answers", () => download(`debrief-${ns}-${today()}.json`, "application/json",
        JSON.stringify({ format: "debrief", version: 2, site: ns, exported: new Date().toISOString(),
          widgets: api.read(ns).widgets, log: api.read(ns).log }, null, 1))),
      " ",
      backup ? button("Download the backup made before your last import",
        () => download(`debrief-${ns}-backup.json`, "application/json", JSON.stringify(
          { format: "debrief", version: 2, site: ns, ...JSON.parse(backup) }, null, 1))) : null,
      " ", deleteButton),
    errors,
    el("p", {}, el("label", { for: "debrief-import-file" }, "Import answers from an export file "), fileInput),
    choice);

  // For a coach: a readable summary of chosen tools and log entries.
  const entries = doc.log.slice().sort((a, b) => b.date.localeCompare(a.date));
  const byId = new Map(manifest.widgets.map((w) => [w.id, w]));
  const options = [
    ...widgets.filter((w) => w.done || w.notes).map((w) => ({ label: w.title, widget: w })),
    ...entries.filter((e) => byId.has(e.worksheet)).map((e) => ({
      label: `Log entry: ${e.label} (${e.date})`, entry: e })),
  ];
  const picks = el("fieldset", { class: "debrief-picks" }, el("legend", {}, "Choose what to include"),
    options.length ? options.map((o) => el("label", {}, o.box = el("input", { type: "checkbox", checked: true }), " ", o.label))
      : el("p", {}, "Nothing started yet: tick or rate something first."));
  // Kept by reference: ids from an imported file must never become part of a selector.
  const chosen = () => options.filter((o) => o.box.checked);
  const summary = () => {
    const lines = [`# Debrief summary, ${today()}`, ""];
    for (const o of chosen()) {
      if (o.widget) {
        const w = o.widget;
        lines.push(`## ${w.title}`, "", `${w.page.section ? `${w.page.section}: ` : ""}${w.page.title}. ${w.done} of ${w.total}.`, "");
        w.items.forEach((item) => lines.push(w.kind === "checklist"
          ? `- [${w.value(item.id) ? "x" : " "}] ${item.text}`
          : `- ${item.text}: ${w.scale[(w.value(item.id) | 0) - 1] || "Not rated"}`));
        if (w.notes) lines.push("", `Notes: ${w.notes}`);
      } else {
        const e = o.entry;
        const w = byId.get(e.worksheet);
        lines.push(`## ${o.label}`, "", `${w.title}.`, "");
        w.items.forEach((item) => lines.push(`- ${item.text}: ${w.scale[(e.ratings[item.id] | 0) - 1] || "Not rated"}`));
        if (e.notes) lines.push("", `Notes: ${e.notes}`);
      }
      lines.push("");
    }
    return lines.join("\n");
  };
  const printArea = el("div", { class: "debrief-print-area" });
  const coach = el("section", { class: "debrief-group", id: "for-a-coach" },
    el("h3", {}, "Summary for a coach"),
    el("p", {}, "Make a readable summary of what you choose, to download or print. Nothing is sent."),
    picks,
    el("p", { class: "debrief-actions" },
      button("Download summary (Markdown)", () => download(`debrief-summary-${today()}.md`, "text/markdown", summary())),
      " ",
      button("Print summary", () => {
        printArea.replaceChildren(...summary().split("\n").map((line) => {
          const heading = /^(#+) (.*)/.exec(line);
          return heading ? el(`h${heading[1].length + 1}`, {}, heading[2]) : el("p", {}, line);
        }));
        document.documentElement.classList.add("debrief-printing");
        window.print();
      })),
    printArea);

  root.replaceChildren(overview, ...lists, data, coach);
};

