// The keeper: the one module that touches the browser's storage. It reads, checks, migrates and
// writes the reader's document, keeps a copy aside of what it cannot read and a backup before an
// import, takes back an undo, deletes everything, and keeps tabs in step.
//
// Every change goes the same way, whatever happened before: read what is stored now, apply this
// tab's own pending changes and then the new one (document.js), write, and say truthfully what
// happened. A tab never writes back a copy it held: another tab's answers, a deleted log or a
// "Delete all my data" stay as they are.
//
// Two tabs may write at the same moment, each over what it read, and one write then undoes the
// other. So every document lists the writes it holds (`w`, the last twenty); a tab that finds one
// of its own writes missing from what is stored makes its changes again (see "reapply" in
// document.js), at its next write or as soon as another tab's write tells it.
//
// Outcomes: "saved"; "full" (no room); "blocked" (the browser refuses storage); "held" (what is
// stored could not be read, and a copy of something else unreadable is already kept aside, so
// writing would lose one of them).
//
// Changes a reader makes with a control (a tick, a rating, notes) stay on the page when they
// cannot be saved, and go with the next write that works ("keep"). An action (reset, a share
// link, an import, the log) is saved whole or not at all.

import { apply, blank, check } from "./document.js";
import { get, isRecord, parse, recordOf } from "./records.js";

const isQuota = (error) =>
  ["QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED"].includes(error?.name) ||
  error?.code === 22 ||
  error?.code === 1014;
const outcomeOf = (error) => (isQuota(error) ? "full" : "blocked");

// A write's mark in the document (`w`): short, and unlikely to be another tab's.
const newWriteId = () => Math.random().toString(36).slice(2, 10).padEnd(8, "0");

// Every key a Storage holds, as its own interface lists them.
const keysIn = (storage) =>
  Array.from({ length: storage.length }, (_, index) => storage.key(index));

// Two documents hold the same answers (their times and write counters aside).
const sameAnswers = (a, b) =>
  JSON.stringify([a.widgets, a.log, a.fields, a.records]) ===
  JSON.stringify([b.widgets, b.log, b.fields, b.records]);

// ---- The keys of one site -----------------------------------------------------------------------

// `config` is the page's data-config; `root` the site's path. With `versions: separate`, each
// version keeps its own document: keyed by the version the build names (mike's, which its
// aliases share: /latest/ holds the build of 2.0), else by the site's path.
export const namesFor = (config, root) => {
  const separate = config.versions === "separate";
  const own = separate ? `@${config.version || root}` : "";
  const under = (kind) => config.prefix.replace(":", kind ? `-${kind}:` : ":");
  // Where earlier answers may be, most specific first: under this version (or under the path
  // that stood for it before the build named versions), then the site's unversioned document,
  // for this site's name and then each earlier name.
  const suffixes = separate ? [own, ...(config.version ? [`@${root}`] : []), ""] : [""];
  const older = [config.ns, ...config.previous]
    .flatMap((name) => suffixes.map((suffix) => config.prefix + name + suffix))
    .filter((key, n, all) => key !== config.prefix + config.ns + own && all.indexOf(key) === n);
  const prefixes = ["", "backup", "recovery"].map(under);
  const names = [config.ns, ...config.previous];
  return {
    main: config.prefix + config.ns + own,
    backup: under("backup") + config.ns + own,
    recovery: under("recovery") + config.ns + own,
    older,
    // Every key of this site, under its name or an earlier one, in any version.
    isOurs: (key) =>
      prefixes.some((prefix) =>
        names.some((name) => {
          const start = prefix + name;
          return key === start || key.startsWith(`${start}:`) || key.startsWith(`${start}@`);
        }),
      ),
  };
};

// ---- The keeper of one document -----------------------------------------------------------------

export class Keeper {
  // `storage`: a function that returns the Storage (reaching it may itself throw); `now`: the
  // time as an ISO string.
  constructor({ storage, names, rules, now = () => new Date().toISOString() }) {
    Object.assign(this, { storage, names, rules, now });
    this.pending = []; // changes made in this tab that storage does not have yet
    this.recent = []; // this tab's last write, { id, changes, base }, until storage holds it
    this.failure = null; // why the pending changes are not saved
  }

  // What the reader sees: what is stored, with this tab's pending changes on top; whether some
  // of it is not saved, and whether something is kept aside (and so holds saving back).
  view() {
    const base = this.#read();
    const kept = this.#try((storage) => storage.getItem(this.names.recovery)).value ?? null;
    const owed = [...this.#undone(base), ...this.pending];
    return {
      document: owed.reduce(apply, base.document),
      unsaved: owed.length ? this.failure : null,
      blocked: base.blocked,
      aside: base.problems.length > 0 || kept !== null,
      held: base.problems.length > 0 && kept !== null && kept !== base.raw,
    };
  }

  // Applies `change` over what is stored and writes it: { outcome, before, after, stored }, where
  // `before` and `after` are the documents on either side of this change, for an undo, and
  // `stored` what was stored before the write (which also holds what was pending). Where the
  // browser refuses storage altogether, every change lasts for the visit.
  commit(change, { keep = false } = {}) {
    const result = this.#write([...this.pending, change], change);
    if (result.outcome === "saved") {
      this.pending = [];
      this.failure = null;
    } else {
      if (keep || result.outcome === "blocked") this.pending.push(change);
      this.failure = result.outcome;
    }
    return result;
  }

  // Another tab wrote (a `storage` event): true when it was about this site's answers. What this
  // tab has pending, or saved and finds undone, is written again over it.
  heard({ key, newValue }) {
    const { main, recovery, backup } = this.names;
    if (key !== null && ![main, recovery, backup].includes(key)) return false;
    const deleted = key === null || (key === main && newValue === null);
    const read = this.#try((storage) => storage.getItem(main));
    if (read.error) {
      this.failure = outcomeOf(read.error); // what it owes waits, and says why
      return true;
    }
    const now = read.value;
    if (deleted && now === null) {
      // Storage was cleared, or "Delete all my data" in another tab: nothing to put back.
      this.pending = [];
      this.recent = [];
    } else if (now !== null) {
      this.flush();
    }
    return true;
  }

  // Writes what is pending, and what this tab finds undone: as commit(), with `before` what was
  // stored.
  flush() {
    const result = this.#write(this.pending);
    if (result.outcome === "saved") this.pending = [];
    this.failure = result.outcome === "saved" ? null : result.outcome;
    return result;
  }

  // Keeps the document as it is now where "Download the backup" finds it. False when there is
  // no room for the copy: then nothing that needs it may go ahead.
  keepBackup() {
    const { main, backup } = this.names;
    const done = this.#try((storage) => {
      const raw = storage.getItem(main);
      if (raw !== null) storage.setItem(backup, raw);
    });
    return !done.error;
  }

  backupText() {
    return this.#try((storage) => storage.getItem(this.names.backup)).value ?? null;
  }

  // What is kept aside, as it was: the copy under the recovery key, or else the stored document
  // itself when it has parts this site cannot read.
  asideText() {
    const { recovery, main } = this.names;
    const kept = this.#try((storage) => storage.getItem(recovery)).value ?? null;
    if (kept !== null) return kept;
    return this.#read().problems.length
      ? this.#try((storage) => storage.getItem(main)).value
      : null;
  }

  // The reader has downloaded what was kept aside: forget it. That is the copy under the
  // recovery key if there is one (the stored document, if it cannot be read either, is kept
  // aside in its turn at the next write); else the stored document itself, and then what could
  // be read of it takes its place.
  discardAside() {
    const base = this.#read();
    const done = this.#try((storage) => {
      if (storage.getItem(this.names.recovery) !== null) storage.removeItem(this.names.recovery);
      else if (base.raw !== null && base.problems.length) {
        storage.setItem(this.names.main, JSON.stringify(this.#stamped(base.document)));
      }
    });
    if (done.error) return outcomeOf(done.error);
    return this.flush().outcome;
  }

  // Deletes every key this site keeps, under its name and its earlier names: answers, schema 1's
  // keys, other versions' documents, backups and what was kept aside. "saved" when done; else
  // why nothing could be deleted ("blocked", or "full" in a browser that refuses even that),
  // and then nothing changes here either.
  deleteAll() {
    const done = this.#try((storage) => {
      for (const key of keysIn(storage)) if (this.names.isOurs(key)) storage.removeItem(key);
    });
    if (done.error) return outcomeOf(done.error);
    this.pending = [];
    this.recent = [];
    return "saved";
  }

  // A first visit with answers kept from before (an earlier name, schema 1): they are saved
  // under this site's key at once, as a copy.
  adoptEarlier() {
    const base = this.#read();
    if (base.raw === null && base.moved && !sameAnswers(base.document, blank(this.rules))) {
      this.#write([]);
    }
  }

  // ---- Reading ----------------------------------------------------------------------------------

  #try(action) {
    try {
      return { value: action(this.storage()) };
    } catch (error) {
      return { error };
    }
  }

  // What is stored now, checked: { raw, document, problems, blocked, moved }.
  #read() {
    const found = this.#try((storage) => storage.getItem(this.names.main));
    if (found.error) return { raw: null, document: blank(this.rules), problems: [], blocked: true };
    const raw = found.value;
    if (raw === null) return { raw, ...this.#adopted(), problems: [], blocked: false };
    const stored = parse(raw);
    if (!isRecord(stored) || stored.v !== this.rules.schema) {
      return { raw, document: blank(this.rules), problems: [["unreadable"]], blocked: false };
    }
    return { raw, ...check(stored, this.rules), blocked: false };
  }

  // No document yet: answers kept from before come in, as a copy. This site's own schema 1 keys
  // first (one key per widget; they go once the document is saved), then under each earlier key
  // (the site before it was versioned, then each earlier name's) its document, or else its
  // schema 1 keys, which stay where they are.
  #adopted() {
    const found = this.#try((storage) => keysIn(storage).map((key) => [key, storage.getItem(key)]));
    const stored = new Map(found.value ?? []);
    for (const key of [this.names.main, ...this.names.older]) {
      const older = key === this.names.main ? undefined : parse(stored.get(key) ?? "null");
      if (isRecord(older) && older.v === this.rules.schema) {
        return { document: check(older, this.rules).document, moved: [] };
      }
      const gathered = this.#schemaOne(stored, key);
      if (gathered) return { ...gathered, moved: key === this.names.main ? gathered.moved : [] };
    }
    return { document: blank(this.rules), moved: [] };
  }

  // Schema 1 kept one key per widget, "<key>:<widget id>": gathered into one document.
  #schemaOne(stored, key) {
    const start = `${key}:`;
    const widgets = [];
    for (const [name, raw] of stored) {
      const old = name.startsWith(start) ? parse(raw) : undefined;
      if (get(old, "v") !== 1) continue;
      const { v, ...state } = old;
      widgets.push([name.slice(start.length), state]);
    }
    if (!widgets.length) return null;
    const document = check({ widgets: recordOf(widgets) }, this.rules).document;
    const moved = widgets
      .filter(([id]) => Object.hasOwn(document.widgets, id))
      .map(([id]) => start + id);
    return { document, moved };
  }

  // ---- Writing ----------------------------------------------------------------------------------

  #stamped(document, id = newWriteId()) {
    const writes = Array.isArray(document.w) ? document.w : [];
    return { ...document, t: this.now(), n: (document.n ?? 0) + 1, w: [...writes.slice(-19), id] };
  }

  // This tab's writes that what is stored does not hold, though it grew from what they were made
  // over: another tab wrote over them at the same moment. They are made again ("reapply"),
  // leaving alone what that tab changed. What grew from elsewhere (the document was deleted, or
  // cleared, and written anew) brings none of them back.
  #undone(base) {
    if (base.raw === null) return [];
    const holds = new Set(Array.isArray(base.document.w) ? base.document.w : []);
    const grewFrom = (write) => {
      const last = Array.isArray(write.base.w) ? write.base.w.at(-1) : undefined;
      return last === undefined || holds.has(last);
    };
    return this.recent
      .filter((write) => !holds.has(write.id) && grewFrom(write))
      .map((write) => ({ type: "reapply", base: write.base, changes: write.changes }));
  }

  // The changes applied over what is stored, and written. `last` is the change the reader just
  // made: `before` is the document just before it, for an undo.
  #write(changes, last) {
    const base = this.#read();
    if (base.blocked) return { outcome: "blocked" };
    if (base.problems.length) {
      const outcome = this.#keepAside(base.raw);
      if (outcome !== "saved") return { outcome };
    }
    let owed = last ? changes.slice(0, -1) : changes;
    if (base.raw === null && this.recent.length) {
      // Deleted since this tab last wrote: what it had pending goes too.
      this.recent = [];
      this.pending = [];
      owed = [];
    }
    const earlier = [...this.#undone(base), ...owed];
    const before = earlier.reduce(apply, base.document);
    const after = last ? apply(before, last) : before;
    const unchanged =
      base.raw !== null && !base.problems.length && sameAnswers(base.document, after);
    if (unchanged) {
      this.recent = [];
      return {
        outcome: "saved",
        before: last ? before : base.document,
        after,
        stored: base.document,
      };
    }
    const written = this.#stamped({ ...after, n: base.document.n, w: base.document.w });
    const done = this.#try((storage) => storage.setItem(this.names.main, JSON.stringify(written)));
    if (done.error) return { outcome: outcomeOf(done.error) };
    // A change made again is remembered as what it was, so it is never wrapped twice.
    const made = [...earlier, ...(last ? [last] : [])].flatMap((change) =>
      change.type === "reapply" ? change.changes : [change],
    );
    this.recent = [{ id: written.w.at(-1), changes: made, base: base.document }];
    for (const key of base.moved ?? []) this.#try((storage) => storage.removeItem(key));
    return {
      outcome: "saved",
      before: last ? before : base.document,
      after: written,
      stored: base.document,
    };
  }

  // Before a stored document this site cannot read (all or part of) is written over, it is kept
  // as it was under the recovery key. One already kept there is never written over.
  #keepAside(raw) {
    const { recovery } = this.names;
    const done = this.#try((storage) => {
      const kept = storage.getItem(recovery);
      if (kept === null) storage.setItem(recovery, raw);
      return kept === null || kept === raw ? "saved" : "held";
    });
    return done.error ? outcomeOf(done.error) : done.value;
  }
}

// ---- The keepers of this page -------------------------------------------------------------------
// One per document for the page's whole life (instant navigation keeps it): `device` answers in
// localStorage, `session` answers (a widget with `keep: session`) in sessionStorage, which the
// browser forgets when the tab closes.

const keepers = new Map(); // by scope and key
let onChange = () => {};

// `callback` runs when another tab changed this site's answers.
export const whenStoredChanges = (callback) => {
  onChange = callback;
};

// The Storage of a scope; null where the browser refuses it.
const areaOf = (scope) => {
  try {
    return scope === "session" ? sessionStorage : localStorage;
  } catch {
    return null;
  }
};

const listen = () => {
  addEventListener("storage", (event) => {
    let ours = false;
    for (const { scope, keeper } of keepers.values()) {
      if (event.storageArea === areaOf(scope)) ours = keeper.heard(event) || ours;
    }
    if (ours) onChange();
  });
};

// The keeper of this site's answers in `scope` ("device" or "session"); `root` is the site's
// path (a versioned site keeps one document per version when its settings say so).
export const keeperFor = (config, root, scope = "device") => {
  const names = namesFor(config, root);
  const id = `${scope} ${names.main}`;
  if (!keepers.has(id)) {
    if (!keepers.size) listen();
    const storage = () => (scope === "session" ? sessionStorage : localStorage);
    const keeper = new Keeper({ storage, names, rules: config });
    keeper.adoptEarlier();
    keepers.set(id, { scope, keeper });
  }
  return keepers.get(id).keeper;
};
