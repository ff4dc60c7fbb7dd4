// The model behind model.test.js: the world (storage, tabs, the events between them), what can
// happen in it, and one sequence run with every invariant checked after each step.

import assert from "node:assert/strict";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { check, footprint } from "../../debrief/assets/store/document.js";
import { Keeper, namesFor } from "../../debrief/assets/store/keeper.js";
import {
  AT,
  CONFIG,
  EXPORT_SCHEMA,
  entry,
  LATER,
  MemoryStorage,
  SCHEMA,
  tabView,
} from "./support.js";

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(SCHEMA, "https://debrief.example.org/schema/document.schema.json");
ajv.addSchema(EXPORT_SCHEMA);
const validDocument = ajv.getSchema("https://debrief.example.org/schema/document.schema.json");

export const NAMES = namesFor(CONFIG, "/");
const WIDGETS = ["list", "sheet"];
const ITEMS = ["a", "b", "c"];
const TOOL = "bank"; // an entries tool, whose records the tabs add, edit, move and delete
const TABS = 3;

// ---- What can happen -----------------------------------------------------------------------

const tab = fc.nat(TABS - 1);
const widget = fc.constantFrom(...WIDGETS);
const item = fc.constantFrom(...ITEMS);
const text = fc.oneof(
  fc.constantFrom("", "note", "line\rbreak", "🙂"),
  fc.string({ maxLength: 6 }),
);
const recordId = fc.constantFrom("r1", "r2", "r3");
const answers = fc.record({
  widgets: fc.dictionary(
    widget,
    fc.record({
      items: fc.dictionary(item, fc.boolean()),
      t: fc.constantFrom(AT, "2999-01-01T00:00:00.000Z"),
    }),
    { maxKeys: 2 },
  ),
  log: fc.uniqueArray(
    fc.constantFrom("e1", "e2", "e3", "e4").map((id) => entry(id, "2026-01-02", { a: 2 })),
    { maxLength: 2, selector: (kept) => kept.id },
  ),
  fields: fc.dictionary(
    fc.constantFrom("employer", "role"),
    fc.record({ value: fc.string({ maxLength: 6 }), t: fc.constantFrom(AT, LATER) }),
    { maxKeys: 2 },
  ),
  records: fc.dictionary(
    fc.constant(TOOL),
    fc.dictionary(
      recordId,
      fc.record({
        values: fc.dictionary(fc.constant("title"), fc.string({ maxLength: 4 })),
        rank: fc.nat(3),
        t: fc.constantFrom(AT, LATER),
      }),
      { minKeys: 1, maxKeys: 2 },
    ),
    { maxKeys: 1 },
  ),
});
const change = fc.oneof(
  fc.record({ type: fc.constant("tick"), widget, item, value: fc.boolean() }),
  fc.record({ type: fc.constant("rate"), widget, item, value: fc.nat(5) }),
  fc.record({ type: fc.constant("note"), widget, text }),
  // A field's value, site-wide by name.
  fc.record({ type: fc.constant("field"), name: fc.constantFrom("employer", "role"), value: text }),
  // A value typed into a record of the entries tool (a choice of several is a list).
  fc.record({
    type: fc.constant("record-edit"),
    widget: fc.constant(TOOL),
    id: recordId,
    name: fc.constantFrom("title", "shows"),
    value: fc.oneof(text, fc.constantFrom([], ["A"], ["A", "B"])),
  }),
);

export const command = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("change"), tab, change }) },
  fc.record({ kind: fc.constant("reset"), tab, widget }),
  fc.record({ kind: fc.constant("log-add"), tab, id: fc.constantFrom("e1", "e2", "e3", "e4") }),
  fc.record({ kind: fc.constant("log-edit"), tab, id: fc.constantFrom("e1", "e2"), label: text }),
  fc.record({ kind: fc.constant("log-delete"), tab, id: fc.constantFrom("e1", "e2", "e3") }),
  fc.record({ kind: fc.constant("record-add"), tab, id: recordId }),
  fc.record({ kind: fc.constant("record-move"), tab, id: recordId, by: fc.constantFrom(-1, 1) }),
  fc.record({ kind: fc.constant("record-delete"), tab, id: recordId }),
  fc.record({
    kind: fc.constant("share"),
    tab,
    widget,
    items: fc.dictionary(item, fc.constant(true)),
  }),
  fc.record({ kind: fc.constant("import"), tab, replace: fc.boolean(), answers }),
  fc.record({ kind: fc.constant("undo"), tab }),
  fc.record({ kind: fc.constant("delete-all"), tab }),
  fc.record({ kind: fc.constant("discard"), tab }),
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant("deliver"), count: fc.integer({ min: 1, max: 6 }) }),
  },
  fc.record({ kind: fc.constant("concurrent"), first: tab, second: tab, a: change, b: change }),
  fc.record({ kind: fc.constant("full"), on: fc.boolean() }),
  fc.record({ kind: fc.constant("blocked"), on: fc.boolean() }),
  fc.record({ kind: fc.constant("clear") }),
  fc.record({
    kind: fc.constant("unreadable"),
    raw: fc.constantFrom(
      "{",
      '{"v":3,"widgets":{}}',
      '{"v":2,"widgets":{"list":{"items":{"a":"yes"}}},"log":[]}',
    ),
  }),
  fc.record({
    kind: fc.constant("garbage-event"),
    tab,
    key: fc.constantFrom(NAMES.main, NAMES.recovery, "debrief:other", null),
    value: fc.option(fc.string({ maxLength: 8 })),
  }),
);

// A first visit may find answers kept from before: under the earlier name, or schema 1's keys.
export const earlier = fc.constantFrom("none", "previous-name", "schema-1");

// ---- The world: storage, tabs, and the events between them -----------------------------------

const answerAt = (doc, [where, id, part, key]) => {
  if (!doc) return undefined;
  if (where === "log") return doc.log.find((kept) => kept.id === id);
  if (where === "fields")
    return doc.fields && Object.hasOwn(doc.fields, id) ? doc.fields[id] : undefined;
  if (where === "records") {
    const list = doc.records && Object.hasOwn(doc.records, id) ? doc.records[id] : undefined;
    return list && Object.hasOwn(list, part) ? list[part] : undefined;
  }
  const state = Object.hasOwn(doc.widgets, id) ? doc.widgets[id] : undefined;
  if (key === undefined) return state?.[part];
  return state?.[part] && Object.hasOwn(state[part], key) ? state[part][key] : undefined;
};
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const readable = (raw) => {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw);
    return value?.v === CONFIG.schema ? check(value, CONFIG).document : null;
  } catch {
    return null;
  }
};
const hasProblems = (raw) => {
  try {
    const value = JSON.parse(raw);
    return value?.v !== CONFIG.schema || check(value, CONFIG).problems.length > 0;
  } catch {
    return true;
  }
};

export class World {
  constructor(start) {
    this.storage = new MemoryStorage();
    if (start === "previous-name") {
      this.storage.setItem(
        "debrief:debrief",
        JSON.stringify({
          v: 2,
          widgets: { list: { items: { a: true } } },
          log: [entry("e4", "2026-01-02", { a: 1 })],
        }),
      );
    }
    if (start === "schema-1") {
      this.storage.setItem(`${NAMES.main}:list`, JSON.stringify({ v: 1, items: { b: true } }));
    }
    this.queue = [];
    this.ledger = new Map(); // answer path → value, as the tabs said they saved it
    this.discarding = false;
    this.tabs = Array.from({ length: TABS }, (_, index) => this.#tab(index));
  }

  #tab(index) {
    const { storage, queue } = this;
    const tell = (key, newValue) => queue.push({ from: index, key, newValue });
    const own = tabView(storage, {
      before: () => {
        this.lastMain = storage.items.get(NAMES.main) ?? null;
      },
      wrote: (key, value) => {
        if (value !== null) this.#written(key, value);
        tell(key, value);
      },
    });
    const keeper = new Keeper({ storage: () => own, names: NAMES, rules: CONFIG, now: () => AT });
    keeper.adoptEarlier();
    // What a tab saves without a new change (what was pending, or what another tab's write did
    // not see) is said saved too: the page shows it without "not saved".
    const flush = keeper.flush.bind(keeper);
    keeper.flush = () => {
      const result = flush();
      if (result.outcome === "saved" && result.stored) this.saved(result);
      return result;
    };
    return { keeper, undo: null };
  }

  // Every write of the keeper keeps to the schema; what it writes over that it could not read
  // was kept aside first (unless the reader discarded it, having downloaded it).
  #written(key, value) {
    if (key === NAMES.main || key === NAMES.backup) {
      const parsed = JSON.parse(value);
      assert.ok(
        validDocument(parsed),
        `${key} breaks the schema: ${JSON.stringify(validDocument.errors)}`,
      );
    }
    const before = this.storage.items.get(NAMES.main) ?? null;
    if (key === NAMES.main && before !== null && hasProblems(before) && !this.discarding) {
      assert.equal(
        this.storage.items.get(NAMES.recovery),
        before,
        "overwritten without a copy kept aside",
      );
    }
  }

  deliver(count = Number.POSITIVE_INFINITY) {
    for (let n = 0; n < count && this.queue.length; n += 1) {
      const { from, ...event } = this.queue.shift();
      this.tabs.forEach(({ keeper }, index) => {
        if (index !== from) keeper.heard(event);
      });
    }
  }

  // A tab said these answers were saved (with what it had pending): the ledger holds them until
  // a later save says otherwise. The time of a widget's last change is no answer.
  saved({ stored, after }) {
    for (const step of footprint(stored, after)) {
      if (step.path[2] !== "t") this.ledger.set(JSON.stringify(step.path), step.after);
    }
  }

  forget() {
    this.ledger.clear();
  }

  // Everything a tab said was saved is in storage, or in a copy the reader can restore; or a tab
  // that found it undone (another tab wrote over it) is saving it again, and says it is unsaved.
  checkLedger() {
    const copies = [NAMES.main, NAMES.recovery, NAMES.backup].map((key) =>
      readable(this.storage.items.get(key) ?? null),
    );
    const retrying = this.tabs.map(({ keeper }) => keeper.view()).filter((view) => view.unsaved);
    copies.push(...retrying.map((view) => view.document));
    for (const [path, value] of this.ledger) {
      const found = copies.some((copy) => copy && same(answerAt(copy, JSON.parse(path)), value));
      assert.ok(
        found,
        `said saved but lost: ${path} = ${JSON.stringify(value)}; stored ${this.storage.items.get(NAMES.main)}`,
      );
    }
  }
}

// ---- Running one sequence --------------------------------------------------------------------

const commit = (world, index, made, options) => {
  const { keeper } = world.tabs[index];
  const result = keeper.commit({ ...made, at: AT }, options);
  if (result.outcome === "saved") {
    world.saved(result);
    // Saved means saved: the change's answers are in storage now.
    const now = readable(world.storage.items.get(NAMES.main) ?? null);
    for (const step of footprint(result.before, result.after)) {
      assert.ok(
        same(answerAt(now, step.path), step.after),
        `said saved, not stored: ${JSON.stringify(step)}`,
      );
    }
  } else if (options?.keep || result.outcome === "blocked") {
    // Not saved, but kept: the tab shows it, and says it is not saved.
    assert.notEqual(keeper.view().unsaved, null, "an unsaved change is shown as saved");
  }
  return result;
};

const undoable = (world, index, result) => {
  if (result.outcome === "saved") {
    world.tabs[index].undo = { type: "undo", footprint: footprint(result.before, result.after) };
  }
};

export const RUN = {
  change: (world, { tab: index, change: made }) => commit(world, index, made, { keep: true }),
  reset: (world, { tab: index, widget: id }) =>
    commit(world, index, {
      type: "reset",
      widget: id,
      answers: { items: Object.fromEntries(ITEMS.map((key) => [key, false])), notes: "" },
    }),
  "log-add": (world, { tab: index, id }) =>
    commit(world, index, { type: "log-add", entry: entry(id, "2026-02-01", { b: 3 }) }),
  "log-edit": (world, { tab: index, id, label }) => {
    const { document } = world.tabs[index].keeper.view();
    if (document.log.some((kept) => kept.id === id))
      commit(world, index, { type: "log-edit", id, values: { label } });
  },
  "log-delete": (world, { tab: index, id }) => commit(world, index, { type: "log-delete", id }),
  "record-add": (world, { tab: index, id }) =>
    commit(world, index, { type: "record-add", widget: TOOL, id, most: CONFIG.limits.records }),
  "record-move": (world, { tab: index, id, by }) =>
    commit(world, index, { type: "record-move", widget: TOOL, id, by }),
  // Deleting a record offers Undo, as the tool does.
  "record-delete": (world, { tab: index, id }) =>
    undoable(world, index, commit(world, index, { type: "record-delete", widget: TOOL, id })),
  share: (world, { tab: index, widget: id, items }) =>
    undoable(world, index, commit(world, index, { type: "share", widget: id, answers: { items } })),
  import: (world, { tab: index, replace, answers: theirs }) => {
    const { keeper } = world.tabs[index];
    const clean = check(theirs, CONFIG).document;
    if (!keeper.keepBackup()) return;
    undoable(
      world,
      index,
      commit(world, index, {
        type: replace ? "replace" : "merge",
        answers: { widgets: clean.widgets, log: clean.log, records: clean.records },
      }),
    );
  },
  undo: (world, { tab: index }) => {
    const { undo } = world.tabs[index];
    if (!undo) return;
    const result = commit(world, index, undo);
    if (result.outcome !== "saved") return;
    world.tabs[index].undo = null;
    // Exactly its own change: only answers it names move, each back to where it was if it still
    // held what the change wrote.
    const named = new Set(undo.footprint.map((step) => JSON.stringify(step.path)));
    for (const step of footprint(result.before, result.after)) {
      assert.ok(named.has(JSON.stringify(step.path)), `undo changed ${JSON.stringify(step.path)}`);
    }
    for (const step of undo.footprint) {
      if (step.path[2] === "t" || !same(answerAt(result.before, step.path), step.after)) continue;
      assert.ok(
        same(answerAt(result.after, step.path), step.before),
        `undo missed ${JSON.stringify(step.path)}`,
      );
    }
  },
  "delete-all": (world, { tab: index }) => {
    if (world.tabs[index].keeper.deleteAll() === "saved" && !world.storage.blocked) world.forget();
  },
  discard: (world, { tab: index }) => {
    world.discarding = true;
    try {
      world.tabs[index].keeper.discardAside();
    } finally {
      world.discarding = false;
    }
  },
  deliver: (world, { count }) => world.deliver(count),
  // Two tabs write at the same moment: the second reads what the first read, and writes after it.
  // Tabs hear each other before they collide again, and before a reader does anything else: a
  // collision is a matter of milliseconds, and so is a storage event.
  concurrent: (world, { first, second, a, b }) => {
    if (first === second) return;
    world.deliver();
    world.storage.onSet = () => commit(world, second, b, { keep: true });
    commit(world, first, a, { keep: true });
    world.storage.onSet = null;
    world.deliver();
  },
  full: (world, { on }) => {
    world.storage.full = on;
  },
  blocked: (world, { on }) => {
    world.storage.blocked = on;
  },
  // Another program clears the origin's storage, or writes what this site cannot read: the
  // reader's answers go with it, through no fault of the keeper's.
  clear: (world) => {
    if (world.storage.blocked) return;
    world.storage.clear();
    world.forget();
    world.queue.push({ from: -1, key: null, newValue: null });
  },
  unreadable: (world, { raw }) => {
    if (world.storage.blocked) return;
    world.storage.items.set(NAMES.main, raw);
    world.forget();
    world.queue.push({ from: -1, key: NAMES.main, newValue: raw });
  },
  "garbage-event": (world, { tab: index, key, value }) => {
    world.tabs[index].keeper.heard({ key, newValue: value });
  },
};

export const runSequence = (start, commands) => {
  if (process.env.DEBRIEF_MODEL_TRACE) console.error(JSON.stringify([start, commands]));
  const world = new World(start);
  for (const step of commands) {
    RUN[step.kind](world, step);
    for (const { keeper } of world.tabs) keeper.view(); // showing never throws
    if (!world.queue.length && !world.storage.blocked) world.checkLedger();
  }
  world.storage.full = false;
  world.storage.blocked = false;
  world.deliver();
  for (const { keeper } of world.tabs) keeper.flush();
  world.deliver();
  world.checkLedger();
};
