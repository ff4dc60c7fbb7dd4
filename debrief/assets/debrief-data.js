// The reader's data as a whole, loaded when needed: the copy kept before an import replaces or
// merges anything, discarding what was kept aside, and deleting everything this site keeps.

import { aside, keyOf, readAll, safely } from "./debrief-store.js";

// Keeps the document as it is now where "Download the backup" finds it. False when there is no
// room for the copy: then nothing that needs it may go ahead.
export const keep = (api, config) => {
  const store = api.store(config);
  if (!api.storing() || store.unsaved) {
    store.backup = JSON.stringify(api.read(config));
    return true;
  }
  const raw = safely((s) => s.getItem(config.key));
  return raw === null || safely((s) => { s.setItem(keyOf(config, "backup"), raw); return true; }, false);
};

// Forgets the document kept aside once the reader has it. If it is still the site's document
// too, what the site could read of it takes its place, or it would only be kept aside again.
export const discard = (api, config) => {
  const kept = aside(config);
  const doc = readAll(api, config);
  const same = kept !== null && kept === safely((s) => s.getItem(config.key));
  safely((s) => s.removeItem(config.recovery));
  Object.assign(api.store(config), { aside: false, held: false, unsaved: false });
  if (same) api.write(config, doc);
};

// Every key this site keeps, under its name and its earlier names: answers, schema 1's keys,
// other versions' documents, backups and what was kept aside.
export const removeAll = (api, config) => {
  const prefixes = ["", "backup", "recovery"].map((kind) => (kind ? config.prefix.replace(":", `-${kind}:`) : config.prefix));
  const names = [config.ns, ...config.previous];
  const ours = (k) => prefixes.some((p) => names.some((name) => k === p + name ||
    k.startsWith(`${p}${name}:`) || k.startsWith(`${p}${name}@`)));
  safely((s) => Object.keys(s).filter(ours).forEach((k) => s.removeItem(k)));
  // Nothing of this tab's to put back either, when another tab saves next (see reconcile).
  Object.assign(api.store(config), { doc: { v: config.schema, widgets: {}, log: [] }, changes: [], backup: null, aside: false, held: false, unsaved: false });
};
