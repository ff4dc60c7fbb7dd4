// Keeping this tab's document in step: with what another tab saved at the same moment, and with
// answers kept from before (schema 1's keys, an earlier name, the site before it was versioned).
// debrief.js loads it only when that happens.

import { checkAll, safely } from "./debrief-store.js";

const isMap = (v) => !!v && typeof v === "object" && !Array.isArray(v);
const blank = (config) => ({ v: config.schema, widgets: {}, log: [] });
// A document as text, without its time stamps and counter: equal when the answers are.
export const answersOf = (doc) => JSON.stringify(doc, function (key, value) {
  return (key === "t" && typeof value === "string") || (key === "n" && "widgets" in this) ? undefined : value;
});

// ---- Adopting answers kept from before -----------------------------------------------------------

// Schema 1 kept one key per widget ("<key>:<widget id>"): gathered into one document.
const gather = (api, config, key) => {
  const doc = blank(config);
  const keys = safely((s) => Object.keys(s), []).filter((name) => {
    const { v, ...state } = api.parse(safely((s) => s.getItem(name))) || {};
    if (v !== 1 || !name.startsWith(`${key}:`)) return false;
    doc.widgets[name.slice(key.length + 1)] = state;
    return true;
  });
  const clean = checkAll(api, config, doc).doc;
  const moved = keys.filter((name) => name.slice(key.length + 1) in clean.widgets);
  return moved.length ? { doc: clean, keys: moved } : null;
};

// What `older` has that `doc` lacks: widgets it has no answers for, log entries it has not.
const fill = (doc, older) => {
  for (const [id, state] of Object.entries(older.widgets)) doc.widgets[id] ??= state;
  const ids = new Set(doc.log.map((e) => e.id));
  doc.log.push(...older.log.filter((e) => !ids.has(e.id)));
};

// No document under the site's key: schema 1's keys of this name move in (they go once it is
// saved); else a copy of the first document found under an earlier key is saved under it (the
// one document of the site before it was versioned, then each earlier name's).
export const adopt = (api, config) => {
  const own = config.key.slice((config.prefix + config.ns).length);
  const older = (own ? [config.prefix + config.ns] : [])
    .concat(...config.previous.map((old) => [config.prefix + old + own, config.prefix + old]));
  const current = gather(api, config, config.key);
  if (current) {
    if (api.update(config, (doc) => fill(doc, current.doc)) === "saved") current.keys.forEach((k) => safely((s) => s.removeItem(k)));
    return;
  }
  for (const key of older) {
    const raw = safely((s) => s.getItem(key));
    const found = raw === null ? (gather(api, config, key) || {}).doc : api.parse(raw);
    if (isMap(found) && found.v === config.schema) {
      api.update(config, (doc) => fill(doc, checkAll(api, config, found).doc));
      return;
    }
  }
};

// ---- Two tabs at once ------------------------------------------------------------------------------

// Another tab saved document number `n`. Changes this tab saved as number `n` or later were made
// without seeing it, so they are applied again on top of it, and saved if that changes anything.
export const reconcile = (api, event) => {
  const store = api.stores[event.key];
  if (!store || !api.storing() || store.unsaved) return;
  if (event.newValue === null) {
    store.changes = []; // deleted on purpose ("Delete all my data"): nothing to put back
    return;
  }
  const seen = (api.parse(event.newValue) || {}).n | 0;
  const lost = store.changes.filter((c) => c.n >= seen);
  store.changes = [];
  if (!lost.length) return;
  const doc = api.read(store.config);
  const before = answersOf(doc);
  lost.forEach((c) => c.change(doc));
  if (answersOf(doc) === before) return;
  api.write(store.config, doc);
  store.changes = lost.map((c) => ({ n: doc.n, change: c.change }));
};
