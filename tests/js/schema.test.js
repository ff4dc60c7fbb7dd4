// check() against the JSON Schema in debrief/schema/, on generated documents: whatever check()
// keeps passes the schema, and whatever the schema rejects, check() reports. (Time stamps are
// the one exception, and they are left valid here: check() drops a bad one without a word, as it
// is no answer of the reader's.)

import assert from "node:assert/strict";
import { test } from "node:test";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { check } from "../../debrief/assets/store/document.js";
import { AT, CONFIG, EXPORT_SCHEMA, SCHEMA } from "./support.js";

const RUNS = Number(process.env.DEBRIEF_MODEL_RUNS || 300);

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(SCHEMA);
ajv.addSchema(EXPORT_SCHEMA);
const isDocument = ajv.getSchema(SCHEMA.$id);
const isExport = ajv.getSchema(EXPORT_SCHEMA.$id);

// Values near the schema's edges, and some far from them.
const id = fc.oneof(
  fc.constantFrom(
    "a",
    "w",
    "constructor",
    "__proto__",
    "A",
    "a--b",
    "1a",
    "a-",
    "x".repeat(64),
    "x".repeat(65),
  ),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
);
const text = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom("a\rb", "🙂".repeat(120), "x".repeat(121)),
);
const answer = fc.oneof(
  fc.boolean(),
  fc.integer({ min: -1, max: 11 }),
  fc.double(),
  fc.string({ maxLength: 2 }),
  fc.constant(null),
);
const time = fc.constant(AT);
const state = fc.record(
  {
    items: fc.oneof(fc.dictionary(id, answer, { maxKeys: 3 }), answer),
    ratings: fc.oneof(fc.dictionary(id, answer, { maxKeys: 3 }), answer),
    notes: fc.oneof(text, answer),
    t: time,
    extra: answer,
  },
  { requiredKeys: [] },
);
const day = fc.oneof(
  fc.constantFrom("2024-02-29", "2023-02-29", "2024-13-01", "2024-1-01", "x"),
  fc
    .date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
);
const logEntry = fc.record(
  {
    id: fc.oneof(
      fc.string({ maxLength: 3 }),
      fc.constantFrom("", "e".repeat(40), "e".repeat(41)),
      answer,
    ),
    worksheet: id,
    label: fc.oneof(text, answer),
    date: fc.oneof(day, answer),
    ratings: fc.oneof(fc.dictionary(id, answer, { maxKeys: 3 }), answer),
    notes: fc.oneof(text, answer),
    t: time,
    extra: answer,
  },
  { requiredKeys: ["id", "worksheet", "label", "date", "ratings"] },
);
const recordLike = fc.record(
  {
    values: fc.oneof(
      fc.dictionary(
        fc.constantFrom("title", "shows", "Bad", "x".repeat(41)),
        fc.oneof(text, fc.array(fc.oneof(text, answer), { maxLength: 3 }), answer),
        { maxKeys: 3 },
      ),
      answer,
    ),
    rank: fc.oneof(fc.integer({ min: -1, max: 3 }), answer),
    t: time,
    extra: answer,
  },
  { requiredKeys: ["values", "rank"] },
);
const documentLike = fc.record(
  {
    records: fc.oneof(
      fc.dictionary(
        id,
        fc.dictionary(fc.constantFrom("r1", "r2", "R3", ""), fc.oneof(recordLike, answer), {
          maxKeys: 3,
        }),
        { maxKeys: 2 },
      ),
      answer,
    ),
    widgets: fc.oneof(
      { weight: 4, arbitrary: fc.dictionary(id, fc.oneof(state, answer), { maxKeys: 4 }) },
      answer,
    ),
    log: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.array(fc.oneof({ weight: 5, arbitrary: logEntry }, answer), { maxLength: 4 }),
      },
      answer,
    ),
    extra: answer,
  },
  { requiredKeys: [] },
);

// Documents the schema accepts, and the same with one thing made wrong.
const goodId = fc.stringMatching(/^[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,4})?$/);
const goodText = fc
  .string({ maxLength: 12 })
  .map((written) => written.replace(/[\r\u0085\u2028\u2029]/g, ""));
const goodState = fc.record(
  {
    items: fc.dictionary(goodId, fc.boolean(), { maxKeys: 3 }),
    ratings: fc.dictionary(goodId, fc.integer({ min: 0, max: 10 }), { maxKeys: 3 }),
    notes: goodText,
    t: time,
  },
  { requiredKeys: [] },
);
const goodEntry = fc.record(
  {
    id: fc.stringMatching(/^e[a-z0-9]{0,6}$/),
    worksheet: goodId,
    label: goodText.map((label) => label.replace(/\n/g, " ")),
    date: day.filter(
      (written) =>
        /^\d{4}-\d\d-\d\d$/.test(written) &&
        !Number.isNaN(Date.parse(written)) &&
        new Date(written).toISOString().startsWith(written),
    ),
    ratings: fc.dictionary(goodId, fc.integer({ min: 0, max: 10 }), { maxKeys: 3 }),
    notes: goodText,
    t: time,
  },
  { requiredKeys: ["id", "worksheet", "label", "date", "ratings"] },
);
const goodRecord = fc.record(
  {
    values: fc.dictionary(
      fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/),
      fc.oneof(goodText, fc.uniqueArray(goodText, { maxLength: 3 })),
      { maxKeys: 3 },
    ),
    rank: fc.nat(20),
    t: time,
  },
  { requiredKeys: ["values", "rank"] },
);
const goodDocument = fc.record(
  {
    widgets: fc.dictionary(goodId, goodState, { maxKeys: 4 }),
    log: fc.uniqueArray(goodEntry, { maxLength: 4, selector: (kept) => kept.id }),
    records: fc.dictionary(
      goodId,
      fc.dictionary(fc.stringMatching(/^r[a-z0-9]{0,6}$/), goodRecord, { minKeys: 1, maxKeys: 3 }),
      { maxKeys: 2 },
    ),
  },
  { requiredKeys: ["widgets", "log"] },
);
const BASE_RECORD = { values: { title: "T", shows: ["a", "b"] }, rank: 1, t: AT };
const withRecord = (doc, record, id = "r1") => ({ ...doc, records: { list: { [id]: record } } });
// One thing made wrong, for each rule the schema has: check() must say so every time.
const BASE_STATE = { items: { a: true }, ratings: { b: 2 }, notes: "n", t: AT };
const BASE_ENTRY = { id: "e0", worksheet: "w", label: "L", date: "2024-02-29", ratings: { b: 1 } };
const MISTAKES = {
  "an item that is no boolean": (doc, wrong) => ({
    ...doc,
    widgets: { ...doc.widgets, w: { ...BASE_STATE, items: { a: wrong } } },
  }),
  "a rating off the largest scale": (doc, wrong) => ({
    ...doc,
    widgets: { ...doc.widgets, w: { ...BASE_STATE, ratings: { b: wrong } } },
  }),
  "an unknown field in a widget": (doc) => ({
    ...doc,
    widgets: { ...doc.widgets, w: { ...BASE_STATE, more: 1 } },
  }),
  "a widget id off the rule": (doc) => ({
    ...doc,
    widgets: { ...doc.widgets, "Bad-Id": BASE_STATE },
  }),
  "notes that are too long": (doc) => ({
    ...doc,
    widgets: { ...doc.widgets, w: { ...BASE_STATE, notes: "n".repeat(CONFIG.limits.notes + 1) } },
  }),
  "an entry on a day that does not exist": (doc, wrong) => ({
    ...doc,
    log: [...doc.log, { ...BASE_ENTRY, date: wrong }],
  }),
  "an unknown field in an entry": (doc) => ({
    ...doc,
    log: [...doc.log, { ...BASE_ENTRY, more: 1 }],
  }),
  "a label that is too long": (doc) => ({
    ...doc,
    log: [...doc.log, { ...BASE_ENTRY, label: "L".repeat(CONFIG.limits.label + 1) }],
  }),
  "an entry id that is empty or too long": (doc, wrong) => ({
    ...doc,
    log: [
      ...doc.log,
      { ...BASE_ENTRY, id: typeof wrong === "number" ? "e".repeat(CONFIG.limits.id + 1) : "" },
    ],
  }),
  "an entry's rating off the scale": (doc) => ({
    ...doc,
    log: [...doc.log, { ...BASE_ENTRY, ratings: { b: 11 } }],
  }),
  "a widgets part that is no record": (doc, wrong) => ({
    ...doc,
    widgets: Array.isArray(wrong) ? wrong : [wrong],
  }),
  "a log that is no list": (doc, wrong) => ({ ...doc, log: wrong === null ? {} : { 0: wrong } }),
  "an unknown field in the document": (doc) => ({ ...doc, more: 1 }),
  "a record value that is too long": (doc) =>
    withRecord(doc, { ...BASE_RECORD, values: { title: "x".repeat(CONFIG.limits.record + 1) } }),
  "a record value that is no text": (doc, wrong) =>
    withRecord(doc, { ...BASE_RECORD, values: { title: typeof wrong === "string" ? 3 : wrong } }),
  "a choice listed twice": (doc) =>
    withRecord(doc, { ...BASE_RECORD, values: { shows: ["a", "a"] } }),
  "a record's rank that is no whole number": (doc, wrong) =>
    withRecord(doc, { ...BASE_RECORD, rank: typeof wrong === "number" && wrong > 0 ? 2.5 : wrong }),
  "an unknown field in a record": (doc) => withRecord(doc, { ...BASE_RECORD, more: 1 }),
  "a record id off the rule": (doc) => withRecord(doc, BASE_RECORD, "R-1"),
  "records that are no record": (doc, wrong) => ({ ...doc, records: [wrong] }),
};
const wrongValue = fc.constantFrom(11, -1, 2.5, "3", null, "2023-02-29", "2024-13-01");
const broken = fc
  .tuple(goodDocument, fc.constantFrom(...Object.keys(MISTAKES)), wrongValue)
  .map(([good, mistake, wrong]) => MISTAKES[mistake](good, wrong));
const documents = fc.oneof(goodDocument, { weight: 2, arbitrary: broken }, documentLike);

// As the keeper writes a document: the version, a time and a write count.
const stamped = (value) => ({ v: CONFIG.schema, ...value, t: AT, n: 1 });

test("whatever check() keeps passes the schema", () => {
  fc.assert(
    fc.property(documents, (value) => {
      const { document } = check(value, CONFIG);
      assert.ok(isDocument(stamped(document)), JSON.stringify(isDocument.errors));
      const file = {
        format: "debrief",
        version: CONFIG.schema,
        site: CONFIG.ns,
        exported: AT,
        widgets: document.widgets,
        log: document.log,
        ...(document.records ? { records: document.records } : {}),
      };
      assert.ok(isExport(file), JSON.stringify(isExport.errors));
    }),
    { numRuns: RUNS * 3 },
  );
});

test("whatever the schema rejects, check() reports", () => {
  fc.assert(
    fc.property(documents, (value) => {
      if (isDocument(stamped(value))) return;
      assert.notDeepEqual(check(value, CONFIG).problems, [], JSON.stringify(isDocument.errors));
    }),
    { numRuns: RUNS * 3 },
  );
});

test("each mistake breaks the schema, and check() reports it", () => {
  for (const [name, mistake] of Object.entries(MISTAKES)) {
    for (const wrong of [11, -1, 2.5, "3", null, "2023-02-29"]) {
      const value = mistake({ widgets: {}, log: [] }, wrong);
      if (name === "an item that is no boolean" && typeof wrong === "boolean") continue;
      assert.equal(isDocument(stamped(value)), false, `${name} (${wrong}) passes the schema`);
      assert.notDeepEqual(check(value, CONFIG).problems, [], `${name} (${wrong}) is not reported`);
    }
  }
});

test("the generators reach both sides of the schema", () => {
  const samples = fc.sample(documents, 600);
  const valid = samples.filter((value) => isDocument(stamped(value)));
  assert.ok(valid.length > 100 && valid.length < 450, `${valid.length} of 600 valid`);
  assert.ok(
    valid.filter((value) => value.log.length && Object.keys(value.widgets).length).length > 50,
  );
});

test("what the schema accepts, check() keeps whole", () => {
  fc.assert(
    fc.property(documents, (value) => {
      if (!isDocument(stamped(value))) return;
      const { document, problems } = check(stamped(value), CONFIG);
      assert.deepEqual(problems, []);
      const plain = (data) => JSON.parse(JSON.stringify(data));
      assert.deepEqual(plain(document.widgets), plain(value.widgets));
      assert.deepEqual(plain(document.log), plain(value.log));
      assert.deepEqual(plain(document.records ?? {}), plain(value.records ?? {}));
    }),
    { numRuns: RUNS * 3 },
  );
});
