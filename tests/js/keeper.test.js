// The keeper (debrief/assets/store/keeper.js) over a Storage in memory: what it saves, what it
// keeps aside, how tabs keep in step, and what it says when it cannot save.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Keeper, namesFor } from "../../debrief/assets/store/keeper.js";
import { AT, CONFIG, doc, entry, MemoryStorage, tabView } from "./support.js";

const NAMES = namesFor(CONFIG, "/");
const MAIN = NAMES.main;

const open = (storage, config = CONFIG) =>
  new Keeper({
    storage: () => storage,
    names: namesFor(config, "/"),
    rules: config,
    now: () => AT,
  });

const stored = (storage, key = MAIN) => JSON.parse(storage.getItem(key));
const tick = (item, value = true, widget = "w") => ({ type: "tick", widget, item, value, at: AT });

// Tabs on one origin: each write of one tab reaches the others (not itself) as a storage event,
// later, when `deliver` is called.
const tabs = (storage, count) => {
  const queue = [];
  const keepers = Array.from({ length: count }, (_, tab) => {
    const own = tabView(storage, {
      wrote: (key, newValue) => queue.push({ from: tab, key, newValue }),
    });
    return new Keeper({ storage: () => own, names: NAMES, rules: CONFIG, now: () => AT });
  });
  const deliver = () => {
    while (queue.length) {
      const { from, ...event } = queue.shift();
      keepers.forEach((keeper, tab) => {
        if (tab !== from) keeper.heard(event);
      });
    }
  };
  return { keepers, deliver };
};

describe("saving", () => {
  test("a change is saved over what is stored, with the time, a write count and its mark", () => {
    const storage = new MemoryStorage();
    const keeper = open(storage);
    assert.equal(keeper.commit(tick("a")).outcome, "saved");
    const { w, ...saved } = stored(storage);
    assert.deepEqual(saved, {
      v: 2,
      widgets: { w: { items: { a: true }, t: AT } },
      log: [],
      t: AT,
      n: 1,
    });
    assert.equal(w.length, 1);
    keeper.commit(tick("b"));
    assert.deepEqual(stored(storage).w.slice(0, 1), w, "a write keeps the marks of those before");
  });

  test("full storage is told apart, the change stays on the page, and saving resumes", () => {
    const storage = new MemoryStorage();
    const keeper = open(storage);
    storage.full = true;
    assert.equal(keeper.commit(tick("a"), { keep: true }).outcome, "full");
    assert.equal(keeper.view().unsaved, "full");
    assert.equal(keeper.view().document.widgets.w.items.a, true);
    storage.full = false;
    assert.equal(keeper.commit(tick("b"), { keep: true }).outcome, "saved");
    assert.deepEqual(stored(storage).widgets.w.items, { a: true, b: true });
    assert.equal(keeper.view().unsaved, null);
  });

  test("an action that cannot be saved is not kept for later", () => {
    const storage = new MemoryStorage();
    const keeper = open(storage);
    storage.full = true;
    assert.equal(
      keeper.commit({ type: "log-add", entry: entry("e1", "2026-01-01", {}) }).outcome,
      "full",
    );
    storage.full = false;
    keeper.commit(tick("a"));
    assert.deepEqual(stored(storage).log, []);
  });

  test("where the browser refuses storage, changes last for the visit and say so", () => {
    const storage = new MemoryStorage();
    storage.blocked = true;
    const keeper = open(storage);
    assert.equal(keeper.commit(tick("a"), { keep: true }).outcome, "blocked");
    assert.equal(
      keeper.commit({ type: "reset", widget: "w", answers: { items: { a: false } }, at: AT })
        .outcome,
      "blocked",
    );
    const view = keeper.view();
    assert.equal(view.blocked, true);
    assert.deepEqual(view.document.widgets.w.items, { a: false });
  });
});

describe("what cannot be read", () => {
  test("is kept aside as it was before anything is written over it", () => {
    const storage = new MemoryStorage();
    const raw = JSON.stringify({ v: 99, widgets: { w: { answers: [1] } } });
    storage.setItem(MAIN, raw);
    const keeper = open(storage);
    assert.equal(keeper.view().aside, true);
    assert.equal(keeper.commit(tick("a")).outcome, "saved");
    assert.equal(storage.getItem(NAMES.recovery), raw);
    assert.deepEqual(stored(storage).widgets, { w: { items: { a: true }, t: AT } });
  });

  test("a second unreadable document never overwrites the first kept aside", () => {
    const storage = new MemoryStorage();
    storage.setItem(NAMES.recovery, "first");
    storage.setItem(MAIN, "second{");
    const keeper = open(storage);
    assert.equal(keeper.commit(tick("a"), { keep: true }).outcome, "held");
    assert.equal(storage.getItem(MAIN), "second{");
    assert.equal(keeper.view().held, true);
    // Discarded (after the reader downloaded it): the second is kept aside in its turn, and the
    // change made meanwhile is saved, not dropped.
    assert.equal(keeper.discardAside(), "saved");
    assert.equal(storage.getItem(NAMES.recovery), "second{");
    assert.deepEqual(stored(storage).widgets.w.items, { a: true });
  });

  test("changes made while saving is held are saved once another tab discards the copy", () => {
    const storage = new MemoryStorage();
    storage.setItem(NAMES.recovery, "first");
    storage.setItem(MAIN, "second{");
    const { keepers, deliver } = tabs(storage, 2);
    const [widgetTab, progressTab] = keepers;
    assert.equal(widgetTab.commit(tick("a"), { keep: true }).outcome, "held");
    progressTab.discardAside();
    deliver();
    assert.deepEqual(stored(storage).widgets.w.items, { a: true });
    assert.equal(widgetTab.view().unsaved, null);
  });
});

describe("two tabs", () => {
  test("two tabs saving at the same moment keep both answers", () => {
    const storage = new MemoryStorage();
    const { keepers, deliver } = tabs(storage, 2);
    const [first, second] = keepers;
    first.commit(tick("base"));
    deliver();
    // The second reads the same document as the first, and writes after it.
    storage.onSet = () => second.commit(tick("b"));
    first.commit(tick("a"));
    deliver();
    assert.deepEqual(stored(storage).widgets.w.items, { base: true, a: true, b: true });
  });

  test('a tab that hit "no room" never writes back a stale copy over another tab\'s delete', () => {
    const storage = new MemoryStorage();
    const { keepers, deliver } = tabs(storage, 2);
    const [stale, other] = keepers;
    stale.commit({ type: "log-add", entry: entry("e1", "2026-01-01", {}) });
    deliver();
    storage.full = true;
    stale.commit(tick("a"), { keep: true });
    storage.full = false;
    other.commit({ type: "log-delete", id: "e1" });
    deliver();
    stale.commit(tick("b"), { keep: true });
    deliver();
    const now = stored(storage);
    assert.deepEqual(now.log, [], "the deleted entry came back");
    assert.deepEqual(now.widgets.w.items, { a: true, b: true });
  });

  test('"Delete all my data" in another tab is not undone by a tab that held changes', () => {
    const storage = new MemoryStorage();
    const { keepers, deliver } = tabs(storage, 2);
    const [holding, deleting] = keepers;
    holding.commit(tick("a"));
    storage.full = true;
    holding.commit(tick("b"), { keep: true });
    storage.full = false;
    deleting.deleteAll();
    deliver();
    holding.commit(tick("c"), { keep: true });
    assert.deepEqual(stored(storage).widgets.w.items, { c: true });
  });

  test("an import refused for lack of room is never applied later", () => {
    const storage = new MemoryStorage();
    const { keepers, deliver } = tabs(storage, 2);
    const [importing, other] = keepers;
    storage.full = true;
    const answers = { widgets: { x: { items: { q: true } } }, log: [] };
    assert.equal(importing.commit({ type: "merge", answers, at: AT }).outcome, "full");
    storage.full = false;
    other.commit(tick("a"));
    deliver();
    importing.commit(tick("b"));
    assert.equal("x" in stored(storage).widgets, false);
  });

  test("a garbage storage event changes nothing and throws nothing", () => {
    const storage = new MemoryStorage();
    const keeper = open(storage);
    keeper.commit(tick("a"));
    const before = storage.getItem(MAIN);
    for (const event of [
      { key: MAIN, newValue: "{" },
      { key: MAIN, newValue: '{"n":"x"}' },
      { key: "other", newValue: null },
      { key: `${MAIN}x`, newValue: "1" },
    ]) {
      keeper.heard(event);
    }
    assert.equal(storage.getItem(MAIN), before);
  });

  test("another site's key on the same origin is not this site's business", () => {
    const keeper = open(new MemoryStorage());
    assert.equal(keeper.heard({ key: "debrief:other.example.org", newValue: "{}" }), false);
    assert.equal(keeper.heard({ key: `${MAIN}-more`, newValue: "{}" }), false);
  });
});

describe("answers from before", () => {
  test("schema 1's keys move into one document, and their keys go once it is saved", () => {
    const storage = new MemoryStorage();
    storage.setItem(`${MAIN}:one`, JSON.stringify({ v: 1, items: { a: true } }));
    storage.setItem(`${MAIN}:two`, JSON.stringify({ v: 1, notes: "kept" }));
    storage.setItem("unrelated", "x");
    const keeper = open(storage);
    keeper.adoptEarlier();
    assert.deepEqual(stored(storage).widgets, {
      one: { items: { a: true } },
      two: { notes: "kept" },
    });
    assert.deepEqual([...storage.items.keys()].sort(), [MAIN, "unrelated"]);
  });

  test("a tick made before adoption on a first visit keeps the earlier answers", () => {
    const storage = new MemoryStorage();
    storage.setItem(
      `debrief:${CONFIG.previous[0]}`,
      JSON.stringify(doc({ w: { items: { old: true } } })),
    );
    const keeper = open(storage);
    keeper.commit(tick("new"));
    assert.deepEqual(stored(storage).widgets.w.items, { old: true, new: true });
    assert.notEqual(
      storage.getItem(`debrief:${CONFIG.previous[0]}`),
      null,
      "the earlier copy stays",
    );
  });
});

describe("delete all and the backup", () => {
  test("delete all removes every key of this site under every name, and only those", () => {
    const storage = new MemoryStorage();
    for (const key of [
      MAIN,
      NAMES.backup,
      NAMES.recovery,
      `${MAIN}:w`,
      `${MAIN}@/v2/`,
      "debrief:debrief",
      "debrief:other.example.org",
      "mine",
    ]) {
      storage.setItem(key, "{}");
    }
    assert.equal(open(storage).deleteAll(), "saved");
    assert.deepEqual([...storage.items.keys()].sort(), ["debrief:other.example.org", "mine"]);
  });

  test("a backup is kept as the document was, or refused when there is no room", () => {
    const storage = new MemoryStorage();
    const keeper = open(storage);
    keeper.commit(tick("a"));
    assert.equal(keeper.keepBackup(), true);
    assert.equal(keeper.backupText(), storage.getItem(MAIN));
    storage.full = true;
    assert.equal(keeper.keepBackup(), false);
  });
});

describe("versions", () => {
  test("a site with separate versions keeps one document per version, and adopts the shared one", () => {
    const separate = { ...CONFIG, versions: "separate" };
    const names = namesFor(separate, "/v2/");
    assert.equal(names.main, `${MAIN}@/v2/`);
    assert.deepEqual(names.older, [MAIN, "debrief:debrief@/v2/", "debrief:debrief"]);
  });

  test("a version the build names is kept under that name, wherever an alias serves it", () => {
    const built = { ...CONFIG, versions: "separate", version: "2.0" };
    const alias = namesFor(built, "/guide/latest/");
    assert.equal(alias.main, `${MAIN}@2.0`);
    assert.equal(namesFor(built, "/guide/2.0/").main, alias.main);
    // What this path kept before the build named its version comes first, then the shared one.
    assert.deepEqual(alias.older, [
      `${MAIN}@/guide/latest/`,
      MAIN,
      "debrief:debrief@2.0",
      "debrief:debrief@/guide/latest/",
      "debrief:debrief",
    ]);
    assert.equal(alias.isOurs(`${MAIN}@2.0`), true);
  });

  test("a shared site ignores the version and lists each earlier key once", () => {
    const names = namesFor({ ...CONFIG, version: "2.0" }, "/guide/2.0/");
    assert.equal(names.main, MAIN);
    assert.deepEqual(names.older, ["debrief:debrief"]);
  });
});
