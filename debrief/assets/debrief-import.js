// Importing an export file on the progress page, loaded when the reader chooses a file: the one
// validator checks it (ratings against each worksheet's scale), the reader sees what Merge and
// Replace would each change, and a copy of their answers is kept before either.

import { button, el, redraw } from "./debrief-app.js";
import * as store from "./debrief-store.js";
import { keep } from "./debrief-data.js";
import { answersOf } from "./debrief-sync.js";

const keysOf = (...maps) => [...new Set(maps.flatMap((map) => Object.keys(map || {})))];
const counted = (t, doc) => ({ tools: t("tools", { count: Object.keys(doc.widgets).length }),
  entries: t("entries", { count: doc.log.length }) });

// ---- Merging: per answer -------------------------------------------------------------------------

// A time stamp to compare by: one in the future (a wrong clock, or a forged file) counts as
// older than any other.
const trusted = (t) => (typeof t === "string" && t <= new Date(Date.now() + 864e5).toISOString() ? t : "");

// One answer: an empty one (unticked, not rated, no notes) never replaces a real one; of two
// real ones, the newer side's.
const chosen = (mine, theirs, theirsNewer) => (theirs === undefined || !theirs || (mine && !theirsNewer) ? mine : theirs);

const each = (mine = {}, theirs = {}, newer) => Object.fromEntries(
  keysOf(mine, theirs).map((k) => [k, chosen(mine[k], theirs[k], newer)]));

const mergeState = (mine, theirs) => {
  if (!mine || !theirs) return mine || theirs;
  const newer = trusted(theirs.t) > trusted(mine.t);
  return { ...mine, items: each(mine.items, theirs.items, newer), ratings: each(mine.ratings, theirs.ratings, newer),
    notes: chosen(mine.notes, theirs.notes, newer), t: newer ? theirs.t : mine.t };
};

export const merge = (mine, theirs) => {
  const widgets = {};
  for (const id of keysOf(mine.widgets, theirs.widgets)) widgets[id] = mergeState(mine.widgets[id], theirs.widgets[id]);
  const log = new Map(mine.log.map((e) => [e.id, e]));
  theirs.log.forEach((e) => {
    const own = log.get(e.id);
    log.set(e.id, own ? chosen(own, e, trusted(e.t) > trusted(own.t)) : e);
  });
  return { widgets, log: [...log.values()] };
};

const differing = (a = {}, b = {}, same) => keysOf(a, b).filter((k) => !same(a[k], b[k])).length;

// What would change from `before` to `after`: ticks, ratings, notes (per widget), log entries.
export const changes = (before, after) => {
  const counts = { ticks: 0, ratings: 0, notes: 0, entries: 0 };
  for (const id of keysOf(before.widgets, after.widgets)) {
    const [a, b] = [before.widgets[id] || {}, after.widgets[id] || {}];
    counts.ticks += differing(a.items, b.items, (x, y) => !x === !y);
    counts.ratings += differing(a.ratings, b.ratings, (x, y) => (x | 0) === (y | 0));
    counts.notes += differing({ notes: a.notes }, { notes: b.notes }, (x, y) => (x || "") === (y || ""));
  }
  const was = Object.fromEntries(before.log.map((e) => [e.id, answersOf(e)]));
  const will = Object.fromEntries(after.log.map((e) => [e.id, answersOf(e)]));
  counts.entries = differing(was, will, (x, y) => x === y);
  return counts;
};

// ---- The file, and the choice -------------------------------------------------------------------

const fileProblem = (data, config) => {
  if (!data || data.format !== "debrief" || typeof data.version !== "number") return ["no-mark"];
  if (data.version > config.schema) return ["newer"];
  if (data.site !== config.ns && !config.previous.includes(data.site)) return ["other-site", { site: String(data.site).slice(0, 60) }];
  const max = config.limits.entries;
  if (Array.isArray(data.log) && data.log.length > max) return ["too-many", { max }];
  return null;
};

// The file's answers, or the problems to show. Ratings must fit each worksheet's scale.
const checkImport = (text, page) => {
  const { t, api, config, manifest } = page;
  const data = api.parse(text);
  if (data === null && text.trim() !== "null") return { problems: [t("not-json")] };
  const problem = fileProblem(data, config);
  if (problem) return { problems: [t(...problem)] };
  const scales = Object.fromEntries(manifest.widgets.filter((w) => w.scale).map((w) => [w.id, w.scale.length]));
  const { doc, dropped } = store.checkAll(api, config, { ...data, n: 0 }, scales);
  const problems = dropped.map(([key, values]) => t(key, values && values.id ? { id: values.id.slice(0, 64) } : values));
  return { problems, doc };
};

const effectText = (t, counts) => {
  const parts = ["ticks", "ratings", "notes", "entries"].filter((k) => counts[k]).map((k) => t(k, { count: counts[k] }));
  return parts.length ? t("will-change", { list: new Intl.ListFormat(t.lang).format(parts) }) : t("no-change");
};

// Merge or replace, with a copy kept first: if there is no room for it, nothing is imported.
const apply = (page, theirs, replace) => {
  const { api, t, config } = page;
  const counts = counted(t, theirs);
  const next = (doc) => (replace ? { widgets: theirs.widgets, log: theirs.log }
    : merge(store.checkAll(api, config, doc).doc, theirs));
  if (api.store(config).held) return redraw(t("import-held"));
  const max = config.limits.entries;
  if (!replace && next(page.read()).log.length > max) return redraw(t("too-long", { max }));
  if (!keep(api, config)) return redraw(t("no-backup"));
  const result = api.update(config, (doc) => Object.assign(doc, next(doc)));
  if (result === "full") api.store(config).unsaved = false; // what storage has is what shows
  if (result === "saved") store.persist();
  redraw(t({ saved: "imported", blocked: "imported-visit" }[result] || `import-${result}`, counts));
};

const offer = (page, choice, theirs, clear) => {
  const { t } = page;
  const mine = page.read();
  choice.replaceChildren(el("p", {}, t("file-has", counted(t, theirs))),
    el("ul", {}, el("li", {}, t("merge-effect", { effect: effectText(t, changes(mine, merge(mine, theirs))) })),
      el("li", {}, t("replace-effect", { effect: effectText(t, changes(mine, theirs)) }))),
    el("p", { class: "debrief-actions" }, button(t("merge"), () => apply(page, theirs, false)), " ",
      button(t("replace"), () => apply(page, theirs, true)), " ", button(t("cancel"), clear)));
  choice.querySelector("button").focus();
};

// As in GOV.UK's error summary: focus moves to it, and each link puts the focus on the field it
// is about; the theme's instant navigation must not see the click, or it moves the focus back.
const showErrors = (t, errors, problems) => {
  const field = document.getElementById("debrief-import-file");
  const toField = (e) => { e.preventDefault(); e.stopPropagation(); field.focus(); };
  errors.replaceChildren(el("h3", {}, t("problem")), el("ul", {}, problems.map((p) =>
    el("li", {}, el("a", { href: `#${field.id}`, onclick: toField }, p)))));
  errors.hidden = false;
  errors.focus();
};

// The chosen file (`text` is "" when it is too large to read): problems, or the choice.
export const choose = (page, { file, text, errors, choice, clear }) => {
  const { t, config } = page;
  const size = new Intl.NumberFormat(t.lang, { style: "unit", unit: "megabyte" }).format(config.limits.file / 1e6);
  if (file.size > config.limits.file) return showErrors(t, errors, [t("too-large", { size })]);
  const { problems, doc } = checkImport(text, page);
  if (problems.length) return showErrors(t, errors, problems);
  offer(page, choice, doc, clear);
};
