// The storage layer's second half, next to the one in debrief.js that every widget page runs:
// the progress page and the log load it with them, a widget page with its less frequent actions.
// It holds the full validator, reading with it and keeping aside what it leaves out. Two more
// parts come when needed: debrief-data.js (the copy kept before an import replaces anything,
// discarding, deleting everything) and debrief-sync.js (adopting answers kept from before;
// another tab's save at the same moment).

const isMap = (v) => !!v && typeof v === "object" && !Array.isArray(v);
const stamp = (t) => (typeof t === "string" ? t : undefined);
export const safely = (action, otherwise = null) => {
  try { return action(localStorage); } catch { return otherwise; }
};
export const isDay = (day) => {
  const time = Date.parse(day);
  return /^\d{4}-\d\d-\d\d$/.test(day) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(day);
};

export const persist = () => navigator.storage?.persist?.().catch(() => {});

export const keyOf = (config, kind) => config.prefix.replace(":", `-${kind}:`) + config.key.slice(config.prefix.length);

// ---- The validator, in full -------------------------------------------------------------------
// debrief.js's check() for the document and the type of each answer, then what the log reads and
// an import must meet: ids, the notes limit, log entries (a duplicate log id is renamed, so
// Delete always removes the entry chosen). `scales` (worksheet id -> points), when given, bounds
// each worksheet's ratings: an import gives it, storage does not (the log leaves such values out).
// The limits come from the page (config.notes, config.limits: debrief/schema sets them); "Save to
// log", the log's edit form and an import all keep to them, so whatever the site writes it reads.

// In characters, as the schema counts them (a form's maxlength counts UTF-16 units: 🙂 is two).
const fits = (text, max) => text.length <= max || [...text].length <= max;

const entryOk = (e, config, id, points) => isMap(e) && id.test(e.worksheet) && typeof e.label === "string" &&
  fits(e.label, config.limits.label) && isDay(e.date) && isMap(e.ratings) &&
  (e.notes == null || (typeof e.notes === "string" && fits(e.notes, config.notes))) &&
  Object.entries(e.ratings).every(([k, v]) => id.test(k) && Number.isInteger(v) && v >= 0 && v <= points);

const widgetOk = (key, state, config, id, points) => id.test(key) &&
  Object.keys(state.items || {}).every((k) => id.test(k)) &&
  Object.entries(state.ratings || {}).every(([k, v]) => id.test(k) && v <= points) &&
  fits(state.notes || "", config.notes);

// Own keys only: "constructor" is a valid id, and every object inherits one.
const scaleOf = (scales, key) => (Object.hasOwn(scales, key) && scales[key]) || 10;

const entries = (log, config, id, scales, dropped) => {
  const ids = new Set();
  const kept = [];
  log.forEach((entry, n) => {
    if (!entryOk(entry, config, id, scaleOf(scales, entry && entry.worksheet))) {
      dropped.push(["bad-entry", { number: n + 1 }]);
      return;
    }
    const base = typeof entry.id === "string" && entry.id && fits(entry.id, config.limits.id) ? entry.id : "entry";
    let name = base;
    // A duplicate gets a number, and stays within the id limit: "e1-2".
    for (let more = 2; ids.has(name); more += 1) name = `${[...base].slice(0, config.limits.id - `-${more}`.length).join("")}-${more}`;
    ids.add(name);
    kept.push({ ...entry, id: name, t: stamp(entry.t) });
  });
  return kept;
};

export const checkAll = (api, config, doc, scales = {}) => {
  const rule = new RegExp(config.id);
  const id = { test: (v) => typeof v === "string" && rule.test(v) }; // the site's ids, and only text
  const { doc: kept, dropped } = api.check(config, isMap(doc) ? doc : {});
  for (const [key, state] of Object.entries(kept.widgets)) {
    delete kept.widgets[key];
    if (widgetOk(key, state, config, id, scaleOf(scales, key))) kept.widgets[key] = { ...state, t: stamp(state.t) };
    else dropped.push(["bad-widget", { id: key }]);
  }
  kept.log = entries(kept.log, config, id, scales, dropped);
  // In the order of the document: its shape, then widgets as they come, then log entries.
  const order = Object.keys(isMap(doc) && isMap(doc.widgets) ? doc.widgets : {});
  const rank = ([key, values]) => ({ "no-answers": -1, "bad-widget": order.indexOf(values && values.id),
    "no-log": order.length }[key] ?? order.length + values.number);
  return { doc: kept, dropped: dropped.sort((a, b) => rank(a) - rank(b)) };
};

// ---- Reading and keeping aside ------------------------------------------------------------------

// The document as the progress page and the log read it: checked in full. What the check leaves
// out is kept aside first (debrief.js's rule: never over another document kept aside).
export const readAll = (api, config) => {
  const store = api.store(config);
  const { doc, dropped } = checkAll(api, config, api.read(config));
  const raw = store.unsaved ? null : safely((s) => s.getItem(config.key));
  if (dropped.length && raw !== null) {
    try { api.setAside(store, raw); } catch { store.held = true; }
    store.aside = true;
    store.unsaved = store.held;
  }
  store.doc = doc;
  return doc;
};

// The document kept aside, as it was (debrief-data.js discards it).
export const aside = (config) => safely((s) => s.getItem(config.recovery));
// ---- The backup made before the last import (debrief-data.js makes it) ------------------------------

export const backup = (api, config) => safely((s) => s.getItem(keyOf(config, "backup"))) ?? api.store(config).backup ?? null;
