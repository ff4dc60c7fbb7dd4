// Field values (`/// fields`, `<<name>>`): one value per name for the whole site, kept in the
// document's `fields` map, applied by the pure core like every other change.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  answersFor,
  apply,
  check,
  counted,
  fieldValue,
  footprint,
} from "../../debrief/assets/store/document.js";
import { mergeAnswers } from "../../debrief/assets/store/merge.js";
import { AT, CONFIG, doc, LATER } from "./support.js";

const typed = (document, name, value, at = AT) =>
  apply(document, { type: "field", name, value, at, widget: "brief" });

describe("the field change", () => {
  test("sets one value by name, with its time, and leaves the rest as it was", () => {
    const before = doc({ list: { items: { a: true } } });
    const after = typed(typed(before, "employer", "Northwind Trading"), "role", "Analyst");
    assert.deepEqual(after.fields, {
      employer: { value: "Northwind Trading", t: AT },
      role: { value: "Analyst", t: AT },
    });
    assert.deepEqual(after.widgets, before.widgets);
    assert.equal(before.fields, undefined, "the document given is left as it was");
    assert.equal(fieldValue(typed(after, "employer", "Contoso"), "employer"), "Contoso");
    assert.equal(fieldValue(after, "interviewer"), "");
  });

  test("a value's line endings become \\n, as check() reads them back", () => {
    const after = typed(doc(), "criteria", "one\r\ntwo\u2028three");
    assert.equal(fieldValue(after, "criteria"), "one\ntwo\nthree");
    assert.deepEqual(check(after, CONFIG).document.fields, after.fields);
  });

  test("every tool that declares a name shows the one value", () => {
    const after = typed(doc(), "employer", "Northwind Trading");
    const entry = (id) => ({ id, items: [{ id: "employer" }, { id: "role" }] });
    assert.deepEqual(
      answersFor(after, entry("brief")).fields,
      answersFor(after, entry("other")).fields,
    );
    assert.deepEqual(answersFor(after, entry("brief")).fields, {
      employer: "Northwind Trading",
      role: "",
    });
  });

  test("reset empties the tool's values; undo puts them back", () => {
    const filled = typed(doc(), "employer", "Northwind Trading");
    const reset = apply(filled, {
      type: "reset",
      widget: "brief",
      at: LATER,
      answers: { fields: { employer: "" } },
    });
    assert.equal(fieldValue(reset, "employer"), "");
    const steps = footprint(filled, reset).filter((step) => step.path[0] === "fields");
    assert.deepEqual(steps, [
      {
        path: ["fields", "employer"],
        before: { value: "Northwind Trading", t: AT },
        after: { value: "", t: LATER },
      },
    ]);
    assert.deepEqual(counted(steps), { ticks: 0, ratings: 0, notes: 1, entries: 0, records: 0 });
    const undone = apply(reset, { type: "undo", footprint: footprint(filled, reset), at: LATER });
    assert.equal(fieldValue(undone, "employer"), "Northwind Trading");
  });

  test("undo of a first value leaves no empty map behind", () => {
    const before = doc();
    const after = typed(before, "employer", "Northwind Trading");
    const undone = apply(after, { type: "undo", footprint: footprint(before, after), at: LATER });
    assert.equal(undone.fields, undefined);
  });

  test('"Delete all my data" removes them', () => {
    const after = apply(typed(doc(), "employer", "Northwind Trading"), { type: "delete-all" });
    assert.equal(after.fields, undefined);
  });
});

describe("check of field values", () => {
  test("keeps good values and leaves out, and names, a bad name or a value too long", () => {
    const long = "x".repeat(CONFIG.limits.field + 1);
    const { document, problems } = check(
      {
        ...doc(),
        fields: {
          employer: { value: "Northwind", t: AT },
          Employer: { value: "Bad name" },
          role: { value: long },
          interviewer: { value: 3 },
          extra: { value: "x", colour: "red" },
        },
      },
      CONFIG,
    );
    assert.deepEqual(document.fields, { employer: { value: "Northwind", t: AT } });
    assert.deepEqual(
      problems.map(([key, values]) => [key, values.id]),
      [
        ["bad-widget", "Employer"],
        ["bad-widget", "role"],
        ["bad-widget", "interviewer"],
        ["bad-widget", "extra"],
      ],
    );
  });

  test("no more values than the schema allows", () => {
    const fields = Object.fromEntries(
      Array.from({ length: CONFIG.limits.fields + 1 }, (_, n) => [`f${n}`, { value: "v" }]),
    );
    const { document, problems } = check({ ...doc(), fields }, CONFIG);
    assert.equal(Object.keys(document.fields).length, CONFIG.limits.fields);
    assert.deepEqual(problems, [["too-many-tools", { max: CONFIG.limits.fields }]]);
  });

  test("a document without values has no `fields` part, and fields that are not a map are said so", () => {
    assert.equal(check(doc(), CONFIG).document.fields, undefined);
    assert.deepEqual(check({ ...doc(), fields: [] }, CONFIG).problems, [
      ["unknown-part", { name: "fields" }],
    ]);
  });
});

describe("import", () => {
  const mine = typed(typed(doc(), "employer", "Mine"), "role", "Analyst", LATER);
  const theirs = {
    widgets: {},
    log: [],
    fields: {
      employer: { value: "Theirs", t: LATER },
      role: { value: "", t: "2027-01-01T00:00:00.000Z" },
      interviewer: { value: "Ms Lee", t: AT },
    },
  };

  test("a merge goes name by name: the newer value wins, an empty one never replaces", () => {
    const merged = apply(mine, { type: "merge", answers: theirs, at: LATER });
    assert.equal(fieldValue(merged, "employer"), "Theirs");
    assert.equal(fieldValue(merged, "role"), "Analyst");
    assert.equal(fieldValue(merged, "interviewer"), "Ms Lee");
    assert.deepEqual(Object.keys(mergeAnswers(doc(), doc(), AT)), ["widgets", "log"]);
  });

  test("a replace takes the file's values, or none", () => {
    const replaced = apply(mine, { type: "replace", answers: theirs });
    assert.deepEqual(replaced.fields, theirs.fields);
    assert.equal(apply(mine, { type: "replace", answers: doc() }).fields, undefined);
  });

  test("export → delete all → import gives the values back", () => {
    const exported = JSON.parse(JSON.stringify(mine));
    const deleted = apply(mine, { type: "delete-all" });
    const { document } = check(exported, CONFIG);
    const back = apply(deleted, { type: "merge", answers: document, at: LATER });
    assert.equal(fieldValue(back, "employer"), "Mine");
    assert.equal(fieldValue(back, "role"), "Analyst");
  });
});

describe("a reference to a date field", () => {
  test("reads as the page's language writes a date, and a date and time", async () => {
    const { readable } = await import("../../debrief/assets/page/references.js");
    assert.equal(readable("2026-03-14", "en-GB"), "14 March 2026");
    assert.match(readable("2026-03-14T10:30", "en-GB"), /^14 March 2026(,| at) 10:30$/);
    assert.equal(readable("2026-03-14", "de"), "14. März 2026");
  });

  test("anything else shows as typed", async () => {
    const { readable } = await import("../../debrief/assets/page/references.js");
    for (const value of ["Northwind Trading", "2026-02-30", "2026-3-4", "14/03/2026", "2026"])
      assert.equal(readable(value, "en"), value);
    assert.equal(readable("2026-03-14", "not a language!"), "2026-03-14");
  });
});
