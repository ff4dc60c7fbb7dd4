// The reader's document: everything one site keeps of their answers, as plain data.
//
//   { v: 2, widgets: { WIDGET-ID: { items: {ITEM: bool}, ratings: {ITEM: 0-10}, notes, t } },
//     log: [ { id, worksheet, label, date, ratings, notes, t } ],
//     fields: { FIELD-NAME: { value, t } },
//     records: { TOOL-ID: { RECORD-ID: { values: { FIELD-NAME: text or [choices] }, rank, t } } },
//     t, n }
//
// `fields` holds what the reader wrote in the `/// fields` tools: site-wide by name (every tool
// that declares `employer`, and every `<<employer>>` on any page, shows the one value). It is
// missing until the reader writes a value, and goes with "Delete all my data" like the rest.
// `records` holds the `/// entries` tools' records (a story bank, a list of applications), each
// tool's by record id, in the order of their `rank`: every change touches records one by one, so
// two tabs that each change a record of their own both keep theirs.
//
// Its JSON Schema is debrief/schema/document.schema.json. Everything here is pure: plain data
// in, plain data out; nothing reads storage, the page or the clock (a change carries its own
// time, `at`). keeper.js keeps the document in the browser; the pages turn what readers do into
// changes and hand them to it.
//
// `rules` is what the page says about the site (data-config): the schema version, the id rule,
// the notes limit for typing, and the limits of what a document may hold.

import { mergeAnswers } from "./merge.js";
import { get, isRecord, keysOf, recordOf } from "./records.js";

// ---- Text that came from outside ----------------------------------------------------------------

// Every line ending readers' text may carry (CR, CRLF, NEL, the Unicode line and paragraph
// separators) becomes "\n": a summary then cannot be broken out of by a stray "\r".
export const normaliseLines = (text) => text.replace(/\r\n?|[\u0085\u2028\u2029]/g, "\n");
const oneLine = (text) => normaliseLines(text).replace(/\n/g, " ");

// Lengths count characters (code points), as the schema does: "🙂" is one, not two.
export const lengthOf = (text) => [...text].length;

// Text from a file or another site, safe to put in a message: no control or direction marks.
export const shown = (text, longest = 60) => {
  const plain = [...text.replace(/\p{C}/gu, "")];
  return plain.length > longest ? `${plain.slice(0, longest).join("")}…` : plain.join("");
};

const DAY = /^\d{4}-\d\d-\d\d$/;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;

// A day that exists, as YYYY-MM-DD: "2023-02-29" is not one.
export const isDay = (value) => {
  if (typeof value !== "string" || !DAY.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
};

export const isTime = (value) =>
  typeof value === "string" && TIME.test(value) && !Number.isNaN(Date.parse(value));

// ---- The document -------------------------------------------------------------------------------

export const blank = (rules) => ({ v: rules.schema, widgets: {}, log: [] });

// The parts a widget's answers have, and what each answer may be. A kind of widget with answers
// of a new shape adds its part here and to the schema.
const PARTS = {
  items: (value) => typeof value === "boolean",
  ratings: (value, points) => Number.isInteger(value) && value >= 0 && value <= points,
};
const STATE_FIELDS = new Set([...Object.keys(PARTS), "notes", "t"]);
const ENTRY_FIELDS = new Set(["id", "worksheet", "label", "date", "ratings", "notes", "t"]);
const DOCUMENT_FIELDS = new Set(["v", "widgets", "log", "fields", "records", "t", "n", "w"]);
const FIELD_NAME = /^[a-z][a-z0-9_]*$/;
const RECORD_ID = /^[a-z0-9]{1,40}$/;
const RECORD_FIELDS = new Set(["values", "rank", "t"]);
const LARGEST_RANK = 1e9;
const WRITE_MARK = /^[a-z0-9]{1,12}$/;
const WRITES_KEPT = 20;
const LARGEST_SCALE = 10;

const idTest = (rules) => {
  const rule = new RegExp(rules.id);
  return (value) => typeof value === "string" && rule.test(value);
};

// ---- check: what can be kept of anything, and what was left out ---------------------------------
// check(value, rules, scales) → { document, problems }. `problems` lists what was left out, each
// as [string key, values] for the page to word (progress.* strings). `scales` (worksheet id →
// points), when given, bounds each worksheet's ratings: an import gives it.

export const check = (value, rules, scales = {}) => {
  const problems = [];
  const input = isRecord(value) ? value : {};
  if (!isRecord(value)) problems.push(["no-answers"]);
  const document = blank(rules);
  for (const field of Object.keys(input)) {
    if (!DOCUMENT_FIELDS.has(field)) problems.push(["unknown-part", { name: shown(field) }]);
  }
  const widgets = get(input, "widgets");
  if (isRecord(value) && !isRecord(widgets)) problems.push(["no-answers"]);
  document.widgets = checkWidgets(isRecord(widgets) ? widgets : {}, rules, scales, problems);
  const log = get(input, "log");
  if (isRecord(value) && !Array.isArray(log)) problems.push(["no-log"]);
  document.log = checkLog(Array.isArray(log) ? log : [], rules, scales, problems);
  const fields = get(input, "fields");
  if (fields !== undefined) {
    const kept = checkFields(isRecord(fields) ? fields : {}, rules, problems);
    if (!isRecord(fields)) problems.push(["unknown-part", { name: "fields" }]);
    if (Object.keys(kept).length) document.fields = kept;
  }
  const records = get(input, "records");
  if (records !== undefined) {
    const kept = checkRecords(isRecord(records) ? records : {}, rules, problems);
    if (!isRecord(records)) problems.push(["unknown-part", { name: "records" }]);
    if (Object.keys(kept).length) document.records = kept;
  }
  if (isTime(get(input, "t"))) document.t = input.t;
  const count = get(input, "n");
  if (Number.isSafeInteger(count) && count >= 1) document.n = count;
  const writes = get(input, "w");
  const marks = (marks) =>
    marks.length <= WRITES_KEPT &&
    marks.every((mark) => typeof mark === "string" && WRITE_MARK.test(mark));
  if (Array.isArray(writes) && marks(writes)) document.w = writes;
  return { document, problems };
};

// Field values by name: a name that breaks the rule, or a value too long or not text, is left out.
export const isFieldName = (name, rules) =>
  typeof name === "string" && FIELD_NAME.test(name) && lengthOf(name) <= rules.limits.fieldName;

const checkFields = (fields, rules, problems) => {
  const kept = [];
  const names = Object.keys(fields);
  if (names.length > rules.limits.fields)
    problems.push(["too-many-tools", { max: rules.limits.fields }]);
  for (const name of names.slice(0, rules.limits.fields)) {
    const field = fields[name];
    const value = get(field, "value");
    const fine =
      isFieldName(name, rules) &&
      isRecord(field) &&
      typeof value === "string" &&
      lengthOf(value) <= rules.limits.field &&
      Object.keys(field).every((key) => key === "value" || key === "t");
    if (!fine) {
      problems.push(["bad-widget", { id: shown(name, 64) }]);
      continue;
    }
    kept.push([
      name,
      isTime(get(field, "t"))
        ? { value: normaliseLines(value), t: field.t }
        : { value: normaliseLines(value) },
    ]);
  }
  return recordOf(kept);
};

// A field's value as a page shows it: "" when the reader wrote none.
export const fieldValue = (document, name) => get(get(document.fields, name), "value") ?? "";

// ---- Records of the entries tools ---------------------------------------------------------------

// A record's value: text, or the options chosen (each once), within the limits; else undefined.
const recordValue = (value, rules) => {
  const { record: longest, choices } = rules.limits;
  const fits = (text) => typeof text === "string" && lengthOf(text) <= longest;
  if (fits(value)) return normaliseLines(value);
  const fine =
    Array.isArray(value) &&
    value.length <= choices &&
    value.every(fits) &&
    new Set(value).size === value.length;
  return fine ? [...new Set(value.map(normaliseLines))] : undefined;
};

const checkRecord = (record, rules) => {
  const values = get(record, "values");
  const rank = get(record, "rank");
  const fine =
    isRecord(values) &&
    Number.isInteger(rank) &&
    rank >= 0 &&
    rank <= LARGEST_RANK &&
    Object.keys(record).every((key) => RECORD_FIELDS.has(key)) &&
    Object.keys(values).length <= rules.limits.recordValues;
  if (!fine) return null;
  const kept = [];
  for (const name of Object.keys(values)) {
    const value = recordValue(values[name], rules);
    if (!isFieldName(name, rules) || value === undefined) return null;
    kept.push([name, value]);
  }
  const t = get(record, "t");
  return isTime(t) ? { values: recordOf(kept), rank, t } : { values: recordOf(kept), rank };
};

// Records by tool: a record not in the expected form is left out, and said so.
const checkRecords = (records, rules, problems) => {
  const isId = idTest(rules);
  const { recordTools, records: most } = rules.limits;
  const tools = Object.keys(records);
  if (tools.length > recordTools) problems.push(["too-many-tools", { max: recordTools }]);
  const kept = [];
  for (const tool of tools.slice(0, recordTools)) {
    const list = records[tool];
    if (!isId(tool) || !isRecord(list)) {
      problems.push(["bad-widget", { id: shown(tool, 64) }]);
      continue;
    }
    const ids = Object.keys(list);
    if (ids.length > most) problems.push(["too-many-records", { id: shown(tool, 64), max: most }]);
    const good = [];
    for (const id of ids.slice(0, most)) {
      const record = RECORD_ID.test(id) ? checkRecord(list[id], rules) : null;
      if (record) good.push([id, record]);
      else problems.push(["bad-widget", { id: `${shown(tool, 64)}: ${shown(id, 40)}` }]);
    }
    if (good.length) kept.push([tool, recordOf(good)]);
  }
  return recordOf(kept);
};

// A tool's records in their order, each as { id, values, rank, t }.
export const recordsOf = (document, tool) =>
  Object.entries(get(document.records, tool) ?? {})
    .map(([id, record]) => ({ id, ...record }))
    .sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : Number(a.id > b.id)));

// A record's name, as its tool heads it and the self-rating worksheet links to it: its `title`,
// else the field named `first` (its tool's first), else its first text; "" while it has none.
export const recordName = (values, first) => {
  const texts = [get(values, "title"), get(values, first), ...Object.values(values)];
  const found = texts.find((value) => typeof value === "string" && value.trim());
  return found ? found.trim().split("\n")[0].trim() : "";
};

// `record` with `key` set to `value` where it was (at the end if new), or without it (undefined).
const withKey = (record, key, value) => {
  const pairs = Object.entries(record ?? {}).filter(
    ([name]) => name !== key || value !== undefined,
  );
  const at = pairs.findIndex(([name]) => name === key);
  if (value === undefined) return recordOf(pairs);
  if (at < 0) return recordOf([...pairs, [key, value]]);
  pairs[at] = [key, value];
  return recordOf(pairs);
};

const withRecords = (document, records) => {
  const { records: _dropped, ...rest } = document;
  return records && Object.keys(records).length ? { ...rest, records } : rest;
};

// The document with one record set, or removed (undefined); a tool left with none is left out.
const withRecord = (document, tool, id, record) => {
  const list = withKey(get(document.records, tool), id, record);
  return withRecords(
    document,
    withKey(document.records, tool, Object.keys(list).length ? list : undefined),
  );
};

const checkWidgets = (widgets, rules, scales, problems) => {
  const isId = idTest(rules);
  const kept = [];
  const ids = Object.keys(widgets);
  if (ids.length > rules.limits.widgets)
    problems.push(["too-many-tools", { max: rules.limits.widgets }]);
  for (const id of ids.slice(0, rules.limits.widgets)) {
    const points = get(scales, id) ?? LARGEST_SCALE;
    const state = isId(id) ? checkState(widgets[id], rules, points, id, problems) : null;
    if (state) kept.push([id, state]);
    else problems.push(["bad-widget", { id: shown(id, 64) }]);
  }
  return recordOf(kept);
};

// One widget's answers; null when a part is not in the expected form. Unknown fields are left
// out (and said so): what is stored or exported keeps to the schema.
const checkState = (state, rules, points, id, problems) => {
  if (!isRecord(state)) return null;
  const isId = idTest(rules);
  const kept = {};
  for (const [part, fits] of Object.entries(PARTS)) {
    const answers = get(state, part);
    if (answers === undefined) continue;
    if (!isRecord(answers)) return null;
    const keys = Object.keys(answers);
    if (keys.length > rules.limits.answers) return null;
    if (!keys.every((key) => isId(key) && fits(answers[key], points))) return null;
    kept[part] = recordOf(keys.map((key) => [key, answers[key]]));
  }
  const notes = get(state, "notes");
  if (notes !== undefined) {
    if (typeof notes !== "string" || lengthOf(notes) > rules.limits.notes) return null;
    kept.notes = normaliseLines(notes);
  }
  if (isTime(get(state, "t"))) kept.t = state.t;
  for (const field of Object.keys(state)) {
    if (!STATE_FIELDS.has(field))
      problems.push(["unknown-part", { name: `${id}: ${shown(field)}` }]);
  }
  return kept;
};

const checkLog = (log, rules, scales, problems) => {
  const { entries: most } = rules.limits;
  if (log.length > most) problems.push(["too-many", { max: most }]);
  const taken = new Set();
  const kept = [];
  log.slice(0, most).forEach((entry, index) => {
    const checked = checkEntry(entry, rules, scales, problems, index + 1);
    if (!checked) {
      problems.push(["bad-entry", { number: index + 1 }]);
      return;
    }
    checked.id = uniqueId(checked.id, taken, rules.limits.id);
    taken.add(checked.id);
    kept.push(checked);
  });
  return kept;
};

const checkEntry = (entry, rules, scales, problems, number) => {
  if (!isRecord(entry)) return null;
  const isId = idTest(rules);
  const { id, worksheet, label, date, ratings, notes, t } = Object.fromEntries(
    [...ENTRY_FIELDS].map((field) => [field, get(entry, field)]),
  );
  const points = get(scales, worksheet) ?? LARGEST_SCALE;
  const fine =
    isId(worksheet) &&
    typeof label === "string" &&
    lengthOf(label) <= rules.limits.label &&
    isDay(date) &&
    isRecord(ratings) &&
    Object.keys(ratings).length <= rules.limits.answers &&
    Object.keys(ratings).every((key) => isId(key) && PARTS.ratings(ratings[key], points)) &&
    (notes === undefined || (typeof notes === "string" && lengthOf(notes) <= rules.limits.notes));
  if (!fine) return null;
  for (const field of Object.keys(entry)) {
    if (!ENTRY_FIELDS.has(field))
      problems.push(["unknown-part", { name: `${number}: ${shown(field)}` }]);
  }
  const usable = typeof id === "string" && id !== "" && lengthOf(id) <= rules.limits.id;
  if (!usable) problems.push(["bad-entry-id", { number }]);
  const kept = {
    id: usable ? id : "entry",
    worksheet,
    label: oneLine(label),
    date,
    ratings: recordOf(Object.keys(ratings).map((key) => [key, ratings[key]])),
  };
  if (notes !== undefined) kept.notes = normaliseLines(notes);
  if (isTime(t)) kept.t = t;
  return kept;
};

// Entry ids are unique, so Delete removes the entry chosen: a second "e1" becomes "e1-2",
// still within the id limit.
const uniqueId = (id, taken, longest) => {
  let candidate = id;
  for (let number = 2; taken.has(candidate); number += 1) {
    const suffix = `-${number}`;
    candidate = [...id].slice(0, longest - suffix.length).join("") + suffix;
  }
  return candidate;
};

// ---- A widget's answers, whatever ids they were saved under -------------------------------------
// `entry` describes the widget as the manifest does: { id, items: [{id}], previous }. An author
// who renames a widget or an item lists the old ids under `previous`; answers saved under an old
// id still count, and the newest write (under the current id) comes first.

export const answersFor = (document, entry) => {
  const previous = entry.previous || {};
  const namesOf = (id) => [id, ...(get(previous, id) || [])];
  const states = namesOf(entry.id)
    .map((name) => get(document.widgets, name))
    .filter(isRecord);
  const find = (part, id) => {
    for (const state of states) {
      for (const name of namesOf(id)) {
        const value = get(get(state, part), name);
        if (value !== undefined) return value;
      }
    }
    return undefined;
  };
  const answers = {
    notes: states.map((state) => state.notes).find((notes) => notes !== undefined) ?? "",
  };
  for (const part of Object.keys(PARTS)) {
    answers[part] = recordOf(entry.items.map((item) => [item.id, find(part, item.id)]));
  }
  // A fields tool's values are the site's, by name (its items are its fields).
  answers.fields = recordOf(entry.items.map((item) => [item.id, fieldValue(document, item.id)]));
  answers.records = recordsOf(document, entry.id);
  return answers;
};

// ---- apply: every change a reader, another tab or a file makes ----------------------------------
// apply(document, change) → a new document; the one given is left as it was. A change is a plain
// value with a `type`; those made by a reader carry `at`, the time they were made. A change to a
// widget an author renamed carries its `formerIds`: its first answer under the new id takes the
// answers saved under an old one along.

const withState = (document, widgetId, update, at, formerIds = []) => {
  const former = formerIds.map((id) => get(document.widgets, id)).find(isRecord);
  const state = get(document.widgets, widgetId) || former || {};
  const widgets = recordOf([
    ...Object.entries(document.widgets),
    [widgetId, { ...update(state), t: at }],
  ]);
  return { ...document, widgets };
};

// Answers given as { items: {...}, ratings: {...}, notes }: each one replaces the one saved.
const setAnswers = (document, { widget: widgetId, at, formerIds }, answers) =>
  withState(
    document,
    widgetId,
    (state) => {
      const next = { ...state };
      for (const part of Object.keys(PARTS)) {
        if (answers[part]) next[part] = { ...state[part], ...answers[part] };
      }
      if (answers.notes !== undefined) next.notes = normaliseLines(answers.notes);
      return next;
    },
    at,
    formerIds,
  );

// An entry as check() reads it back: its label on one line, its notes with "\n" line endings.
const readableEntry = (entry) => ({
  ...entry,
  label: oneLine(entry.label),
  notes: normaliseLines(entry.notes ?? ""),
});

const CHANGES = {
  tick: (document, change) =>
    setAnswers(document, change, { items: { [change.item]: change.value } }),
  rate: (document, change) =>
    setAnswers(document, change, { ratings: { [change.item]: change.value } }),
  note: (document, change) => setAnswers(document, change, { notes: change.text }),
  // Reset and a share link's answers are the same thing: answers set at once.
  reset: (document, change) =>
    setRecords(
      setFields(setAnswers(document, change, change.answers), change.answers.fields, change.at),
      change.widget,
      change.answers.records,
    ),
  share: (document, change) => setAnswers(document, change, change.answers),
  undo: (document, { footprint, at }) => revert(document, footprint, at),
  // A field's value, shared by every page: { name, value, at }.
  field: (document, { name, value, at }) => setFields(document, { [name]: value }, at),
  "log-add": (document, { entry }) =>
    document.log.some((kept) => kept.id === entry.id)
      ? document // applied twice (another tab's save at the same moment): once is enough
      : { ...document, log: [...document.log, readableEntry(entry)] },
  "log-edit": (document, { id, values, at }) => ({
    ...document,
    log: document.log.map((kept) =>
      kept.id === id ? readableEntry({ ...kept, ...values, t: at }) : kept,
    ),
  }),
  "log-delete": (document, { id }) => ({
    ...document,
    log: document.log.filter((entry) => entry.id !== id),
  }),
  // An entries tool's records: { widget, id, at }, and for an edit the field's `name` and
  // `value`; a new record goes last, unless the list holds `most` already. A record deleted
  // meanwhile (in another tab) stays deleted: editing or moving it changes nothing.
  "record-add": (document, { widget, id, at, most }) => {
    const list = recordsOf(document, widget);
    if (list.length >= most || list.some((record) => record.id === id)) return document;
    const rank = Math.min(Math.max(0, ...list.map((record) => record.rank + 1)), LARGEST_RANK);
    return withRecord(document, widget, id, { values: {}, rank, t: at });
  },
  "record-edit": (document, { widget, id, name, value, at }) => {
    const record = get(get(document.records, widget), id);
    if (!isRecord(record)) return document;
    const kept = Array.isArray(value)
      ? [...new Set(value.map(normaliseLines))]
      : normaliseLines(value);
    const values = withKey(record.values, name, kept.length ? kept : undefined);
    return withRecord(document, widget, id, { ...record, values, t: at });
  },
  // Swaps places with the record before (by -1) or after (by 1); ranks made equal by a merge are
  // first numbered in their order.
  "record-move": (document, { widget, id, by, at }) => {
    const list = recordsOf(document, widget);
    const from = list.findIndex((record) => record.id === id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= list.length) return document;
    const distinct = new Set(list.map((record) => record.rank)).size === list.length;
    const ranks = list.map((record, n) => (distinct ? record.rank : n));
    [ranks[from], ranks[to]] = [ranks[to], ranks[from]];
    return list.reduce((result, { id: name, ...record }, n) => {
      if (record.rank === ranks[n] && n !== from && n !== to) return result;
      return withRecord(result, widget, name, { ...record, rank: ranks[n], t: at });
    }, document);
  },
  "record-delete": (document, { widget, id }) => withRecord(document, widget, id, undefined),
  merge: (document, { answers, at }) => ({ ...document, ...mergeAnswers(document, answers, at) }),
  replace: (document, { answers }) =>
    withRecords(
      withFields({ ...document, widgets: answers.widgets, log: answers.log }, answers.fields),
      answers.records,
    ),
  // Answers kept from before (an earlier name, schema 1): what the document lacks, it takes.
  adopt: (document, { answers }) => ({
    ...document,
    widgets: { ...answers.widgets, ...document.widgets },
    log: [
      ...document.log,
      ...answers.log.filter((entry) => !document.log.some((kept) => kept.id === entry.id)),
    ],
    ...(answers.fields || document.fields
      ? { fields: { ...answers.fields, ...document.fields } }
      : {}),
    ...(answers.records || document.records
      ? { records: { ...answers.records, ...document.records } }
      : {}),
  }),
  "delete-all": (document) => ({ v: document.v, widgets: {}, log: [] }),
  // Changes this tab saved over `base` that another tab's write, made at the same moment, did
  // not see: made again, except where the document now differs from `base`: there another tab
  // changed the answer since (or the change is in already), and that answer stands.
  reapply: (document, { changes, base }) => {
    const changedSince = footprint(base, document).map((step) => step.path);
    const applied = changes.reduce(apply, document);
    return changedSince.reduce(
      (result, path) => putBack(result, { path, before: valueAt(document, path) }),
      applied,
    );
  },
};

// Field values given as { NAME: value }, each replacing the one saved.
const setFields = (document, values, at) =>
  values
    ? {
        ...document,
        fields: recordOf([
          ...Object.entries(document.fields ?? {}),
          ...Object.entries(values).map(([name, value]) => [
            name,
            { value: normaliseLines(value), t: at },
          ]),
        ]),
      }
    : document;

// A tool's records set at once (a reset: none), or left as they are when `records` is undefined.
const setRecords = (document, tool, records) =>
  records === undefined
    ? document
    : withRecords(
        document,
        withKey(document.records, tool, Object.keys(records).length ? records : undefined),
      );

// A document with these field values, or with none: an empty set is left out, as check() does.
const withFields = (document, fields) => {
  const { fields: _dropped, ...rest } = document;
  return fields && Object.keys(fields).length ? { ...rest, fields } : rest;
};

export const CHANGE_TYPES = Object.freeze(Object.keys(CHANGES));

export const apply = (document, change) => {
  const make = get(CHANGES, change.type);
  if (!make) throw new TypeError(`Debrief: no such change "${change.type}"`);
  return make(document, change);
};

// ---- What a change did, and taking it back ------------------------------------------------------
// footprint(before, after) lists every answer that differs, as { path, before, after }: a tick,
// a rating, a widget's notes, or a whole log entry. Undo puts back `before` only where the
// answer still holds `after`: later notes, ratings and other tabs' ticks stay.

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

export const footprint = (before, after) => {
  const steps = [];
  for (const id of keysOf(before.widgets, after.widgets)) {
    const [was, is] = [get(before.widgets, id) || {}, get(after.widgets, id) || {}];
    for (const part of Object.keys(PARTS)) {
      for (const key of keysOf(was[part], is[part])) {
        const step = {
          path: ["widgets", id, part, key],
          before: get(was[part], key),
          after: get(is[part], key),
        };
        if (step.before !== step.after) steps.push(step);
      }
    }
    // The time of the widget's last change goes back with its answers: last, so an undo can
    // tell whether anything changed since.
    for (const field of ["notes", "t"]) {
      if (was[field] !== is[field])
        steps.push({ path: ["widgets", id, field], before: was[field], after: is[field] });
    }
  }
  for (const name of keysOf(before.fields, after.fields)) {
    const step = {
      path: ["fields", name],
      before: get(before.fields, name),
      after: get(after.fields, name),
    };
    if (!same(step.before, step.after)) steps.push(step);
  }
  for (const tool of keysOf(before.records, after.records)) {
    const [was, is] = [get(before.records, tool), get(after.records, tool)];
    for (const id of keysOf(was, is)) {
      const step = { path: ["records", tool, id], before: get(was, id), after: get(is, id) };
      if (!same(step.before, step.after)) steps.push(step);
    }
  }
  const entries = (log) => recordOf(log.map((entry) => [entry.id, entry]));
  const [was, is] = [entries(before.log), entries(after.log)];
  for (const id of keysOf(was, is)) {
    if (!same(get(was, id), get(is, id)))
      steps.push({ path: ["log", id], before: get(was, id), after: get(is, id) });
  }
  return steps;
};

const valueAt = (document, [where, id, part, key]) => {
  if (where === "log") return document.log.find((entry) => entry.id === id);
  if (where === "fields") return get(document.fields, id);
  if (where === "records") return get(get(document.records, id), part);
  const state = get(document.widgets, id);
  return key === undefined ? get(state, part) : get(get(state, part), key);
};

// Steps whose answer changed since stay as they are; a widget whose answers all went back gets
// its earlier time back too, else the time of the undo.
const revert = (document, steps, at) => {
  let result = document;
  const changedSince = new Set();
  for (const step of steps) {
    const [where, id, field] = step.path;
    if (where === "widgets" && field === "t") {
      result = putBack(result, { ...step, before: changedSince.has(id) ? at : step.before });
    } else if (same(valueAt(result, step.path), step.after)) {
      result = putBack(result, step);
    } else {
      changedSince.add(id);
    }
  }
  return result;
};

const putBack = (document, { path: [where, id, part, key], before }) => {
  if (where === "log") {
    const log = document.log.filter((entry) => entry.id !== id);
    return { ...document, log: before === undefined ? log : [...log, before] };
  }
  if (where === "fields") {
    const others = Object.entries(document.fields ?? {}).filter(([name]) => name !== id);
    return withFields(
      document,
      recordOf(before === undefined ? others : [...others, [id, before]]),
    );
  }
  if (where === "records") return withRecord(document, id, part, before);
  const next = { ...(get(document.widgets, id) || {}) };
  if (key === undefined) {
    if (before === undefined) delete next[part];
    else next[part] = before;
  } else {
    const others = Object.entries(next[part] || {}).filter(([name]) => name !== key);
    next[part] = recordOf(before === undefined ? others : [...others, [key, before]]);
  }
  const widgets = Object.entries(document.widgets).filter(([name]) => name !== id);
  const empty = Object.keys(next).length === 0;
  return { ...document, widgets: recordOf(empty ? widgets : [...widgets, [id, next]]) };
};

// What a footprint changes, counted the way readers think of it: ticks, ratings, the notes of
// so many tools, log entries, records. Unticking counts as a tick changed; an empty answer and a
// missing one are the same to a reader.
export const counted = (steps) => {
  const counts = { ticks: 0, ratings: 0, notes: 0, entries: 0, records: 0 };
  const empty = (value) => value === undefined || value === false || value === 0 || value === "";
  for (const { path, before, after } of steps) {
    if (path[2] === "t" || (empty(before) && empty(after))) continue;
    // A field's value is the reader's own words, as notes are.
    const part =
      { log: "entries", fields: "notes", records: "records" }[path[0]] ??
      { items: "ticks", ratings: "ratings", notes: "notes" }[path[2]];
    counts[part] += 1;
  }
  return counts;
};
