// The pure core (debrief/assets/store/document.js, merge.js): checking whatever comes from
// storage, a file or a link; applying every change; taking a change back.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  answersFor,
  apply,
  check,
  counted,
  footprint,
  isDay,
  normaliseLines,
  shown,
} from "../../debrief/assets/store/document.js";
import { mergeAnswers } from "../../debrief/assets/store/merge.js";
import { AT, CONFIG, doc, entry, LATER } from "./support.js";

const PAST = "2026-01-01T00:00:00.000Z";
const FUTURE = "2999-01-01T00:00:00.000Z";

describe("check", () => {
  test("keeps what it can and says what it left out, in the document's order", () => {
    const bad = { worksheet: "w", label: "L", date: "2026-02-30", ratings: {} };
    const { document, problems } = check(
      doc({ good: { items: { a: true } }, bad: { items: { a: "yes" } } }, [
        { ...bad, id: "e", date: "2026-02-28" },
        bad,
      ]),
      CONFIG,
    );
    assert.deepEqual(Object.keys(document.widgets), ["good"]);
    assert.deepEqual(
      document.log.map((kept) => kept.id),
      ["e"],
    );
    assert.deepEqual(problems, [
      ["bad-widget", { id: "bad" }],
      ["bad-entry", { number: 2 }],
    ]);
  });

  test("a __proto__ key is data, never a prototype: it is left out as a bad id", () => {
    const text =
      '{"v":2,"widgets":{"__proto__":{"ratings":{"a":9}},"w":{"ratings":{"a":2}}},"log":[]}';
    const { document, problems } = check(JSON.parse(text), CONFIG, { w: 5 });
    assert.deepEqual(Object.keys(document.widgets), ["w"]);
    assert.equal(Object.getPrototypeOf(document.widgets), Object.prototype);
    assert.deepEqual(problems, [["bad-widget", { id: "__proto__" }]]);
  });

  test('"constructor" is a fine id: own properties only, for scales too', () => {
    const { document, problems } = check(doc({ constructor: { ratings: { b: 1 } } }), CONFIG, {});
    assert.deepEqual(document.widgets.constructor, { ratings: { b: 1 } });
    assert.deepEqual(problems, []);
  });

  test("unknown fields are left out, and said so, so what is kept keeps to the schema", () => {
    const { document, problems } = check(
      {
        ...doc({ w: { items: { a: true }, huge: "x".repeat(2e6) } }, [
          entry("e", "2026-01-02", {}, { extra: 1 }),
        ]),
        more: {},
      },
      CONFIG,
    );
    assert.deepEqual(document.widgets.w, { items: { a: true } });
    assert.equal("extra" in document.log[0], false);
    assert.deepEqual(problems, [
      ["unknown-part", { name: "more" }],
      ["unknown-part", { name: "w: huge" }],
      ["unknown-part", { name: "1: extra" }],
    ]);
  });

  test("a field nested 20,000 levels deep is left out without a stack overflow", () => {
    const deep = `${"[".repeat(20000)}${"]".repeat(20000)}`;
    const text = `{"v":2,"widgets":{"w":{"items":{"a":true},"deep":${deep}}},"log":[]}`;
    const { document } = check(JSON.parse(text), CONFIG);
    assert.deepEqual(document.widgets.w, { items: { a: true } });
  });

  test("ratings off a worksheet's scale are refused when the scales are known", () => {
    const { document } = check(doc({ w: { ratings: { c: 4 } } }), CONFIG, { w: 3 });
    assert.deepEqual(document.widgets, {});
  });

  test("duplicate log ids are renamed, within the id limit, so Delete removes the one chosen", () => {
    const longest = "e".repeat(CONFIG.limits.id);
    const { document } = check(
      doc({}, [
        entry("e", "2026-02-28", {}),
        entry("e", "2026-02-28", {}),
        entry(longest, "2026-02-28", {}),
        entry(longest, "2026-02-28", {}),
      ]),
      CONFIG,
    );
    assert.deepEqual(
      document.log.map((kept) => kept.id),
      ["e", "e-2", longest, `${"e".repeat(CONFIG.limits.id - 2)}-2`],
    );
  });

  test("every kind of line ending in notes becomes \\n; a label is one line", () => {
    const notes = "one\rtwo\r\nthree\u2028four\u2029five\u0085six";
    const { document } = check(
      doc({ w: { notes } }, [entry("e", "2026-01-02", {}, { notes, label: "a\rb" })]),
      CONFIG,
    );
    assert.equal(document.widgets.w.notes, "one\ntwo\nthree\nfour\nfive\nsix");
    assert.equal(document.log[0].notes, "one\ntwo\nthree\nfour\nfive\nsix");
    assert.equal(document.log[0].label, "a b");
  });

  test("notes and labels count characters: 2,000 emoji fit a 2,000 limit", () => {
    const emoji = "🙂".repeat(CONFIG.limits.label);
    const { problems } = check(doc({}, [entry("e", "2026-01-02", {}, { label: emoji })]), CONFIG);
    assert.deepEqual(problems, []);
  });

  test("notes longer than a site's typing limit are kept: the limit is for typing", () => {
    const { document } = check(doc({ w: { notes: "n".repeat(CONFIG.notes + 1) } }), CONFIG);
    assert.equal(document.widgets.w.notes.length, CONFIG.notes + 1);
  });

  test("a log longer than the limit keeps its first entries and says so", () => {
    const log = Array.from({ length: CONFIG.limits.entries + 1 }, (_, n) =>
      entry(`e${n}`, "2026-01-02", {}),
    );
    const { document, problems } = check(doc({}, log), CONFIG);
    assert.equal(document.log.length, CONFIG.limits.entries);
    assert.deepEqual(problems, [["too-many", { max: CONFIG.limits.entries }]]);
  });

  test("anything at all gives a document, never a throw", () => {
    for (const value of [
      null,
      3,
      "text",
      [],
      { widgets: [] },
      { log: {} },
      { site: { toString: 1 } },
    ]) {
      const { document } = check(value, CONFIG);
      assert.deepEqual(document, { v: CONFIG.schema, widgets: {}, log: [] });
    }
  });
});

describe("isDay and shown", () => {
  for (const [day, real] of [
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2024-13-01", false],
    ["20240-01-01", false],
    ["2024-1-01", false],
    [null, false],
  ]) {
    test(`${day} is ${real ? "" : "not "}a day`, () => assert.equal(isDay(day), real));
  }

  test("text from another site loses control and direction marks before it is shown", () => {
    assert.equal(shown("evil\u202Etxt.exe\u0000"), "eviltxt.exe");
    assert.equal(shown("x".repeat(80)).length, 61);
  });

  test("normaliseLines leaves plain text alone", () => {
    assert.equal(normaliseLines("a\nb"), "a\nb");
  });
});

describe("apply", () => {
  const base = doc({ w: { items: { a: true }, t: PAST } }, [entry("e1", "2026-01-02", { c: 2 })]);

  test("leaves the document it was given as it was", () => {
    const before = structuredClone(base);
    apply(base, { type: "tick", widget: "w", item: "b", value: true, at: AT });
    assert.deepEqual(base, before);
  });

  test("tick, rate and note change one answer, and the widget's time", () => {
    let next = apply(base, { type: "tick", widget: "w", item: "b", value: true, at: AT });
    next = apply(next, { type: "rate", widget: "s", item: "c", value: 3, at: AT });
    next = apply(next, { type: "note", widget: "s", text: "a\r\nb", at: LATER });
    assert.deepEqual(next.widgets.w, { items: { a: true, b: true }, t: AT });
    assert.deepEqual(next.widgets.s, { ratings: { c: 3 }, notes: "a\nb", t: LATER });
  });

  test("a renamed widget's first answer takes the answers saved under its old id along", () => {
    const change = {
      type: "tick",
      widget: "new",
      item: "b",
      value: true,
      at: AT,
      formerIds: ["w"],
    };
    assert.deepEqual(apply(base, change).widgets.new.items, { a: true, b: true });
  });

  test("log entries are added once, edited and deleted by id", () => {
    const added = apply(base, { type: "log-add", entry: entry("e2", "2026-01-03", {}) });
    assert.deepEqual(
      apply(added, { type: "log-add", entry: entry("e2", "2026-01-03", {}) }),
      added,
    );
    const edited = apply(added, { type: "log-edit", id: "e2", values: { label: "New" }, at: AT });
    assert.equal(edited.log[1].label, "New");
    assert.deepEqual(
      apply(edited, { type: "log-delete", id: "e1" }).log.map((kept) => kept.id),
      ["e2"],
    );
  });

  test("replace takes the file's answers; delete-all leaves nothing; adopt only fills gaps", () => {
    const theirs = { widgets: { x: { items: { q: true } } }, log: [] };
    assert.deepEqual(apply(base, { type: "replace", answers: theirs }).widgets, theirs.widgets);
    assert.deepEqual(apply(base, { type: "delete-all" }), doc());
    const adopted = apply(base, {
      type: "adopt",
      answers: {
        widgets: { w: {}, x: {} },
        log: [entry("e1", "2026-09-09", {}), entry("e9", "2026-09-09", {})],
      },
    });
    assert.deepEqual(adopted.widgets.w, base.widgets.w);
    assert.deepEqual(
      adopted.log.map((kept) => [kept.id, kept.date]),
      [
        ["e1", "2026-01-02"],
        ["e9", "2026-09-09"],
      ],
    );
  });

  test("an unknown change is a programming error, said at once", () => {
    assert.throws(() => apply(base, { type: "toString" }), /no such change/);
  });
});

describe("answersFor", () => {
  const widget = {
    id: "w",
    items: [{ id: "c1" }, { id: "c2" }, { id: "c3" }],
    previous: { w: ["old-w"], c2: ["old-c2"] },
  };

  test("finds answers under old widget and item ids, the current ones first", () => {
    const stored = doc({
      "old-w": { ratings: { c1: 2, "old-c2": 3 }, notes: "old" },
      w: { ratings: { c1: 4 } },
    });
    const answers = answersFor(stored, widget);
    assert.deepEqual(answers.ratings, { c1: 4, c2: 3, c3: undefined });
    assert.equal(answers.notes, "old");
  });
});

describe("footprint and undo", () => {
  const mine = doc(
    { w: { items: { a: true }, t: PAST }, s: { ratings: { c: 2 }, notes: "mine", t: PAST } },
    [entry("e1", "2026-01-02", { c: 2 })],
  );

  test("undo takes back exactly its own change", () => {
    const share = { type: "share", widget: "w", answers: { items: { b: true, c: true } }, at: AT };
    const shared = apply(mine, share);
    const undo = { type: "undo", footprint: footprint(mine, shared), at: LATER };
    assert.deepEqual(apply(shared, undo), mine);
  });

  test("answers changed since stay as they are; the rest go back", () => {
    const share = { type: "share", widget: "w", answers: { items: { b: true, c: true } }, at: AT };
    const shared = apply(mine, share);
    const later = apply(shared, { type: "tick", widget: "w", item: "b", value: false, at: LATER });
    const noted = apply(later, { type: "note", widget: "s", text: "written after", at: LATER });
    const undone = apply(noted, { type: "undo", footprint: footprint(mine, shared), at: LATER });
    assert.deepEqual(undone.widgets.w.items, { a: true, b: false });
    assert.equal(undone.widgets.w.t, LATER);
    assert.equal(undone.widgets.s.notes, "written after");
  });

  test("an import's undo puts back replaced log entries and removes added ones", () => {
    const theirs = { widgets: {}, log: [entry("e2", "2026-01-03", {})] };
    const replaced = apply(mine, { type: "replace", answers: theirs });
    const undone = apply(replaced, {
      type: "undo",
      footprint: footprint(mine, replaced),
      at: LATER,
    });
    assert.deepEqual(undone.log, mine.log);
    assert.deepEqual(undone.widgets, mine.widgets);
  });

  test("what would change is counted per answer; a new time alone changes nothing", () => {
    const before = doc({ w: { items: { a: true, b: false }, ratings: { c: 2 }, notes: "x" } }, [
      entry("e1", "2026-01-02", {}, { t: PAST }),
    ]);
    const after = doc(
      { w: { items: { a: true, b: true }, ratings: { c: 4, d: 1 }, notes: "x", t: AT } },
      [entry("e1", "2026-01-02", {}, { t: LATER }), entry("e2", "2026-01-02", {})],
    );
    assert.deepEqual(counted(footprint(before, after)), {
      ticks: 1,
      ratings: 2,
      notes: 0,
      entries: 2,
      records: 0,
    });
  });
});

describe("merge", () => {
  test("an empty answer never replaces a real one, however new", () => {
    const mine = doc({ w: { items: { a: true }, ratings: { c: 3 }, notes: "mine", t: PAST } });
    const theirs = doc({ w: { items: { a: false }, ratings: { c: 0 }, notes: "", t: LATER } });
    const { widgets } = mergeAnswers(mine, theirs, AT);
    assert.deepEqual(widgets.w, { items: { a: true }, ratings: { c: 3 }, notes: "mine", t: LATER });
  });

  test("of two real answers the newer side wins, and a future date counts as oldest", () => {
    const mine = doc({ w: { ratings: { c: 3 }, notes: "mine", t: PAST } });
    const newer = doc({ w: { ratings: { c: 5 }, notes: "theirs", t: LATER } });
    const forged = doc({ w: { ratings: { c: 1 }, notes: "forged", t: FUTURE } });
    assert.equal(mergeAnswers(mine, newer, AT).widgets.w.ratings.c, 5);
    assert.equal(mergeAnswers(mine, newer, AT).widgets.w.notes, "theirs");
    assert.equal(mergeAnswers(mine, forged, AT).widgets.w.notes, "mine");
  });

  test("keeps every answer either side has", () => {
    const mine = doc({ w: { items: { a: true }, t: PAST }, "mine-only": { items: { x: true } } }, [
      entry("e1", "2026-01-02", {}),
    ]);
    const theirs = doc({ w: { items: { b: true }, t: PAST }, "theirs-only": { notes: "n" } }, [
      entry("e2", "2026-01-02", {}),
    ]);
    const merged = mergeAnswers(mine, theirs, AT);
    assert.deepEqual(merged.widgets.w.items, { a: true, b: true });
    assert.deepEqual(Object.keys(merged.widgets).sort(), ["mine-only", "theirs-only", "w"]);
    assert.deepEqual(
      merged.log.map((kept) => kept.id),
      ["e1", "e2"],
    );
  });
});
