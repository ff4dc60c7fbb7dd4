// Debrief widgets: checklists and worksheets that keep a reader's answers in this browser only.
// No framework. All of a site's answers are one versioned JSON document in localStorage under
// "<prefix><namespace>"; nothing is sent anywhere. What the site is called, its limits and every
// string shown come from the page (data-config, data-i18n). This file is all a widget page
// loads; what only some visits need comes as a module when first needed: debrief-actions.js (a
// widget's less frequent actions), debrief-sync.js (another tab saved; answers from before
// wait to be adopted), debrief-app.js (the progress page and the log).
const assets = new URL(".", import.meta.url).href;
const stores = {}; // by storage key: this visit's copy of a document, and its recent changes
const live = new Set(); // widgets on the current page, refreshed when another tab saves
let storing = true;

const now = () => new Date().toISOString();
const isMap = (v) => v && typeof v === "object" && !Array.isArray(v);
const parse = (raw) => { try { return JSON.parse(raw); } catch { return null; } };
const module = (name) => import(`${assets}debrief-${name}.js`);

// ---- Strings: the section's data-i18n, with {name} placeholders and plural forms ----------

const strings = (section) => {
  const table = JSON.parse(section.dataset.i18n || "{}");
  const lang = section.lang || "en"; // the build always sets it
  const plurals = new Intl.PluralRules(lang);
  const t = (key, values = {}) => {
    let text = table[key] ?? key;
    if (typeof text === "object") text = text[plurals.select(values.count)] ?? text.other;
    return text.replace(/\{(\w+)\}/g, (whole, name) => values[name] ?? whole);
  };
  t.lang = lang;
  return t;
};

// ---- One validator for what storage, import files and share links hand over ---------------
// It returns what it can keep, and what it left out as [string key, values] for the page to
// word; a missing part it repairs. This half checks what every page shows: the document's
// shape and the type of every answer. debrief-store.js adds what only the progress page and
// the log read, and what an import must meet: ids, limits, log entries.

const check = (config, doc) => {
  const only = (map, test) => map == null || (isMap(map) && Object.values(map).every(test));
  const kept = { v: config.schema, widgets: {}, log: Array.isArray(doc.log) ? doc.log : [], n: doc.n | 0 };
  const dropped = doc.log == null || Array.isArray(doc.log) ? [] : [["no-log"]];
  if (doc.widgets != null && !isMap(doc.widgets)) dropped.push(["no-answers"]);
  for (const [key, s] of Object.entries(isMap(doc.widgets) ? doc.widgets : {})) {
    if (isMap(s) && only(s.items, (v) => typeof v === "boolean") && (s.notes == null || typeof s.notes === "string") &&
      only(s.ratings, (v) => Number.isInteger(v) && v >= 0 && v <= 10)) kept.widgets[key] = s;
    else dropped.push(["bad-widget", { id: key }]);
  }
  return { doc: kept, dropped };
};

// ---- Storage: one document per site, and the rules no write can skip -----------------------

const settings = (section) => {
  const config = JSON.parse(section.dataset.config);
  const own = config.versions === "separate" ? `@${new URL("../../", assets).pathname}` : "";
  const name = config.ns + own;
  config.key = config.prefix + name;
  config.recovery = config.prefix.replace(":", "-recovery:") + name;
  return config;
};
const blank = (config) => ({ v: config.schema, widgets: {}, log: [] });
const storeOf = (config) => {
  if (!stores[config.key]) stores[config.key] = { config, changes: [] };
  return stores[config.key];
};

const refuse = () => {
  storing = false;
  document.querySelectorAll(".debrief-notice").forEach((n) => { n.hidden = false; });
  return "blocked";
};

// A document this site cannot read is kept as it is under the recovery key. One already kept
// there is never overwritten: until the reader sees to it, nothing is saved ("held").
const setAside = (store, raw) => {
  const { recovery } = store.config;
  const kept = localStorage.getItem(recovery);
  if (kept === null) {
    try { localStorage.setItem(recovery, raw); } catch { store.held = true; return; }
  }
  store.held = kept !== null && kept !== raw;
};

const load = (store, raw) => {
  const doc = parse(raw);
  const checked = isMap(doc) && doc.v === store.config.schema ? check(store.config, doc) : null;
  if (!checked || checked.dropped.length) setAside(store, raw);
  return checked ? checked.doc : blank(store.config);
};

const fresh = (store) => {
  const { config } = store;
  const raw = localStorage.getItem(config.key);
  store.held = false;
  // No document yet, but maybe answers from before (schema 1's keys, an earlier name, the
  // site before it was versioned): debrief-sync.js adopts a copy of them.
  if (raw === null && !store.adopting && Object.keys(localStorage).some((k) => k.startsWith(config.prefix))) {
    store.adopting = module("sync").then((more) => more.adopt(api, config)).then(changed);
  }
  store.doc = raw === null ? blank(config) : load(store, raw);
  store.aside = !!localStorage.getItem(config.recovery);
  store.unsaved = store.held;
  return store.doc;
};

// Every read goes through check(). While the browser refuses storage, or the document holds
// changes storage does not have yet, this visit's copy is the document.
const read = (config) => {
  const store = storeOf(config);
  try {
    if (storing && !store.unsaved) return fresh(store);
  } catch { refuse(); }
  if (!store.doc) store.doc = blank(config);
  return store.doc;
};

// "saved"; "full" (no room: kept for this visit, saved with the next change that fits);
// "held" (see setAside); or "blocked" (no storage at all: kept for this visit).
const write = (config, doc) => {
  const store = storeOf(config);
  doc.t = now();
  doc.n = (doc.n | 0) + 1;
  store.doc = doc;
  if (!storing) return "blocked";
  try {
    if (store.held) setAside(store, localStorage.getItem(config.key));
    store.unsaved = true;
    if (store.held) return "held";
    localStorage.setItem(config.key, JSON.stringify(doc));
  } catch (error) {
    return error.name === "QuotaExceededError" || error.code === 22 ? "full" : refuse();
  }
  store.unsaved = false;
  return "saved";
};

// Read, change, write. The change is kept a while, to apply it again if another tab wrote at
// the same moment from the same starting point (reconcile, in debrief-sync.js).
const update = (config, change) => {
  const doc = read(config);
  change(doc);
  const result = write(config, doc);
  const store = storeOf(config);
  store.changes = [...store.changes.slice(-20), { n: doc.n, change }];
  return result;
};

// The answers saved in `map` under an id, or under one it had before: a renamed widget or item
// (`previous`: {id: [old ids]}) finds them. The progress page uses it too.
export const under = (previous) => (map, id) => map && map[[id, ...(previous[id] || [])].find((key) => key in map)];

// ---- One widget ----------------------------------------------------------------------------
// Its state flows one way: storage (or a shared copy) -> show() -> the controls -> summarise();
// the reader's changes go to storage one answer at a time (save).

const act = (name, w) => module("actions").then((actions) => actions[name](w));

const setup = (root) => {
  root.dataset.ready = "1";
  const one = (s) => root.querySelector(s);
  const all = (s) => [...root.querySelectorAll(s)];
  const config = settings(root);
  const t = strings(root);
  const groups = all("fieldset[data-item]");
  const notes = one("textarea");
  // `shared`, set while a shared copy shows (debrief-actions.js), keeps the reader's own answers.
  const w = { root, one, config, t, groups, notes, boxes: all("input[type=checkbox][data-item]") };

  // A renamed widget or item finds its answers under the ids it had before.
  const pick = under(JSON.parse(root.dataset.previous || "{}"));
  w.stateOf = (doc) => pick(doc.widgets, root.id) || {};

  w.show = (state) => {
    w.boxes.forEach((b) => { b.checked = !!pick(state.items, b.dataset.item); });
    groups.forEach((g) => {
      const value = pick(state.ratings, g.dataset.item) | 0;
      (g.querySelector(`[value="${value}"]`) || g.querySelector("input")).checked = true;
    });
    if (notes) {
      notes.value = state.notes || "";
      one(".debrief-notes-print").textContent = notes.value;
    }
  };
  w.summarise = (note) => {
    const rated = groups.map((g) => [g, g.querySelector("input:checked")]).filter(([, r]) => +r.value);
    const sum = rated.reduce((total, [, r]) => total + +r.value, 0);
    one(".debrief-progress").textContent = groups.length
      ? t(rated.length ? "average" : "rated", { count: rated.length, total: groups.length,
        mean: (sum / rated.length).toLocaleString(t.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
        points: groups[0].querySelectorAll("input").length - 1 })
      : t("done", { count: w.boxes.filter((b) => b.checked).length, total: w.boxes.length });
    if (groups.length) weakest(one(".debrief-weakest"), rated, t);
    one(".debrief-saved").textContent = note ? ` ${note}` : "";
  };
  w.refresh = () => {
    if (w.shared) return;
    w.show(w.stateOf(read(config)));
    const store = storeOf(config);
    w.summarise(t(store.held ? "held" : store.aside ? "aside" : ""));
  };

  // `given` holds only what the reader changed, so a save never undoes another tab's answers.
  w.save = (given, done = "saved") => {
    if (w.shared) return;
    const result = update(config, (doc) => {
      const old = w.stateOf(doc);
      doc.widgets[root.id] = { ...old, ...given, items: { ...old.items, ...given.items },
        ratings: { ...old.ratings, ...given.ratings }, t: now() };
    });
    w.summarise(t(result === "saved" ? done : result));
  };
  listen(w);
};

// The controls: each change is saved at once; the other actions load when first used.
const listen = (w) => {
  const { root, one, notes } = w;
  root.addEventListener("input", (e) => {
    const input = e.target;
    if (input === notes) {
      one(".debrief-notes-print").textContent = notes.value;
      w.save({ notes: notes.value });
    }
    if (input.type === "checkbox") w.save({ items: { [input.dataset.item]: input.checked } });
    if (input.type === "radio") w.save({ ratings: { [input.closest("fieldset").dataset.item]: +input.value } });
  });
  root.addEventListener("click", (e) => {
    const name = e.target.closest("[data-act]")?.dataset.act;
    if (name) act(name, w);
  });
  const form = one(".debrief-log-form");
  if (form) {
    form.hidden = false;
    form.date.value = new Date().toLocaleDateString("sv"); // today, local, as YYYY-MM-DD
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      act("log", w);
    });
  }
  one(".debrief-tools").hidden = false;
  one(".debrief-notice").hidden = storing;
  live.add(w.refresh);
  w.refresh();
  if (location.hash.startsWith(`#share=${root.id}:`)) act("open", w);
};

// The two lowest-rated criteria, each with its guide link.
const weakest = (box, rated, t) => {
  const lowest = rated.sort((a, b) => a[1].value - b[1].value).slice(0, 2);
  box.querySelector("ul").replaceChildren(...lowest.map(([g, r]) => {
    const li = document.createElement("li");
    const link = g.querySelector(".debrief-guide a");
    li.append(t("weakest-item", { criterion: g.querySelector("legend").textContent,
      level: r.parentNode.querySelector(".debrief-level").textContent }), " ", link ? link.cloneNode(true) : "");
    return li;
  }));
  box.hidden = !lowest.length;
};

const api = { assets, settings, strings, check, parse, read, write, update, stores, setAside,
  store: storeOf, storing: () => storing }; // start() sets onchange
window.debrief = api;

// Another tab saved, or answers from before were adopted: show what is saved now.
const changed = () => {
  live.forEach((refresh) => refresh());
  if (api.onchange) api.onchange();
};

const start = () => {
  live.clear();
  api.onchange = null;
  document.querySelectorAll(".debrief[data-debrief]").forEach(setup);
  const apps = document.querySelectorAll("section[data-debrief-app]");
  if (apps.length) module("app").then((app) => app.start(api, [...apps]));
};

// Another tab saved (a null key: it cleared storage): first put back what this tab wrote
// meanwhile (see update).
window.addEventListener("storage", (e) => {
  if ((e.key || "debrief").startsWith("debrief")) module("sync").then((more) => more.reconcile(api, e)).then(changed);
});

// Material's instant navigation swaps pages without reloading: it announces each on document$.
if (window.document$) window.document$.subscribe(start);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
