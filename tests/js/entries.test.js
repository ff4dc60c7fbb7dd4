// The entries tools' records (`/// entries`): kept in the document's `records` map, changed one
// record at a time by the pure core, merged record by record, and counted, summarised and
// never shared by the kind's module.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { EVENTS, eventsFrom } from "../../debrief/assets/calendar/events.js";
import { calendarFile } from "../../debrief/assets/calendar/ics.js";
import entries from "../../debrief/assets/kinds/entries.js";
import { translate } from "../../debrief/assets/page/strings.js";
import { markdown } from "../../debrief/assets/pages/summary.js";
import {
  answersFor,
  apply,
  check,
  counted,
  footprint,
  recordName,
  recordsOf,
} from "../../debrief/assets/store/document.js";
import { mergeAnswers } from "../../debrief/assets/store/merge.js";
import { AT, CONFIG, doc, LATER, sectionFor } from "./support.js";

const TOOL = "bank";
const MOST = CONFIG.limits.records;
const ENTRY = {
  id: TOOL,
  kind: "entries",
  title: "Your story bank",
  items: [
    { id: "title", text: "Story name" },
    { id: "criteria", text: "Criteria it proves" },
    { id: "action", text: "Action" },
  ],
  total: 3,
  previous: {},
};

const change = (type, more, at = AT) => ({ type, widget: TOOL, at, ...more });
const add = (document, id, at = AT) =>
  apply(document, change("record-add", { id, most: MOST }, at));
const edit = (document, id, name, value, at = AT) =>
  apply(document, change("record-edit", { id, name, value }, at));
const move = (document, id, by, at = AT) => apply(document, change("record-move", { id, by }, at));
const remove = (document, id) => apply(document, change("record-delete", { id }));
const order = (document) => recordsOf(document, TOOL).map((record) => record.id);

// Three stories, in the order written.
const three = () => {
  let document = doc();
  for (const id of ["r1", "r2", "r3"]) {
    document = edit(add(document, id), id, "title", `Story ${id}`);
  }
  return document;
};

describe("records", () => {
  test("a new record goes last; an edit sets one value, emptied values go", () => {
    const before = doc();
    const document = edit(edit(three(), "r2", "criteria", ["Communication"]), "r2", "action", "x");
    assert.equal(before.records, undefined, "the document given is left as it was");
    assert.deepEqual(order(document), ["r1", "r2", "r3"]);
    assert.deepEqual(recordsOf(document, TOOL)[1].values, {
      title: "Story r2",
      criteria: ["Communication"],
      action: "x",
    });
    const emptied = edit(edit(document, "r2", "criteria", []), "r2", "action", "");
    assert.deepEqual(recordsOf(emptied, TOOL)[1].values, { title: "Story r2" });
  });

  test("text is kept with \\n line endings and choices once each, as check() reads them", () => {
    const document = edit(edit(three(), "r1", "action", "a\r\nb\u2028c"), "r1", "criteria", [
      "A",
      "A",
      "B",
    ]);
    const { values } = recordsOf(document, TOOL)[0];
    assert.equal(values.action, "a\nb\nc");
    assert.deepEqual(values.criteria, ["A", "B"]);
    assert.deepEqual(check(document, CONFIG), { document, problems: [] });
  });

  test("moving swaps two neighbours and touches no other record", () => {
    const before = three();
    const after = move(before, "r3", -1, LATER);
    assert.deepEqual(order(after), ["r1", "r3", "r2"]);
    assert.deepEqual(
      footprint(before, after).map((step) => step.path[2]),
      ["r2", "r3"],
    );
    assert.equal(move(after, "r1", -1), after, "the first cannot go up");
    assert.equal(move(after, "r2", 1), after, "the last cannot go down");
    assert.deepEqual(order(move(move(after, "r1", 1), "r1", 1)), ["r3", "r2", "r1"]);
  });

  test("ranks a merge made equal are numbered in their order before a move", () => {
    const tied = {
      ...doc(),
      records: {
        [TOOL]: {
          b: { values: {}, rank: 1 },
          a: { values: {}, rank: 1 },
          c: { values: {}, rank: 1 },
        },
      },
    };
    assert.deepEqual(order(tied), ["a", "b", "c"]);
    assert.deepEqual(order(move(tied, "c", -1)), ["a", "c", "b"]);
  });

  test("a record deleted meanwhile stays deleted: an edit or a move changes nothing", () => {
    const deleted = remove(three(), "r2");
    assert.deepEqual(order(deleted), ["r1", "r3"]);
    assert.equal(edit(deleted, "r2", "title", "typed in a stale tab"), deleted);
    assert.equal(move(deleted, "r2", 1), deleted);
    assert.equal(add(deleted, "r1"), deleted, "an add applied twice is made once");
  });

  test("a full list takes no more", () => {
    let document = doc();
    for (let n = 0; n < MOST; n += 1) document = add(document, `r${n}`);
    assert.equal(recordsOf(document, TOOL).length, MOST);
    assert.equal(add(document, "extra"), document);
  });

  test("undo of a delete puts the record back where it was, unless changed since", () => {
    const before = three();
    const after = remove(before, "r2");
    const undo = { type: "undo", footprint: footprint(before, after), at: LATER };
    assert.deepEqual(apply(after, undo).records, before.records);
    assert.deepEqual(counted(undo.footprint), {
      ticks: 0,
      ratings: 0,
      notes: 0,
      entries: 0,
      records: 1,
    });
    // Another tab wrote a record with the same id since (it never does: ids are random).
    const since = edit(add(after, "r2", LATER), "r2", "title", "New");
    assert.equal(recordsOf(apply(since, undo), TOOL)[2].values.title, "New");
  });

  test("the last record deleted leaves no empty map behind; a reset deletes every record", () => {
    let document = three();
    for (const id of ["r1", "r2", "r3"]) document = remove(document, id);
    assert.equal(document.records, undefined);
    const reset = apply(three(), change("reset", { answers: entries.cleared(ENTRY) }, LATER));
    assert.equal(reset.records, undefined);
    assert.deepEqual(answersFor(reset, ENTRY).records, []);
  });

  test("delete all, replace and adopt take records as they take answers", () => {
    const mine = three();
    assert.equal(apply(mine, { type: "delete-all" }).records, undefined);
    const theirs = { widgets: {}, log: [], records: { other: { x1: { values: {}, rank: 0 } } } };
    assert.deepEqual(apply(mine, { type: "replace", answers: theirs }).records, theirs.records);
    const adopted = apply(mine, { type: "adopt", answers: theirs }).records;
    assert.deepEqual(Object.keys(adopted).sort(), [TOOL, "other"]);
  });
});

describe("check", () => {
  test("leaves out a record it cannot read, and says so; keeps the rest", () => {
    const { document, problems } = check(
      {
        ...doc(),
        records: {
          [TOOL]: {
            r1: { values: { title: "Kept" }, rank: 0 },
            r2: { values: { Title: "bad name" }, rank: 1 },
            r3: { values: {}, rank: -1 },
            r4: { values: {}, rank: 2, more: 1 },
            "R-5": { values: {}, rank: 3 },
          },
          "Bad-Id": {},
        },
      },
      CONFIG,
    );
    assert.deepEqual(Object.keys(document.records[TOOL]), ["r1"]);
    assert.equal(problems.length, 5);
  });

  test("a list over the limit keeps the first records and says so", () => {
    const list = Object.fromEntries(
      Array.from({ length: MOST + 1 }, (_, n) => [`r${n}`, { values: {}, rank: n }]),
    );
    const { document, problems } = check({ ...doc(), records: { [TOOL]: list } }, CONFIG);
    assert.equal(Object.keys(document.records[TOOL]).length, MOST);
    assert.deepEqual(problems, [["too-many-records", { id: TOOL, max: MOST }]]);
  });
});

describe("merge", () => {
  test("record by record: each side's own come in, and the newer version of one wins", () => {
    const mine = edit(three(), "r1", "title", "Mine, later", LATER);
    const theirs = edit(
      edit(add(three(), "r9"), "r1", "title", "Theirs, earlier"),
      "r2",
      "title",
      "Theirs, later",
      LATER,
    );
    const merged = mergeAnswers(mine, theirs, LATER);
    const titles = Object.fromEntries(
      Object.entries(merged.records[TOOL]).map(([id, record]) => [id, record.values.title]),
    );
    assert.deepEqual(titles, {
      r1: "Mine, later",
      r2: "Theirs, later",
      r3: "Story r3",
      r9: undefined,
    });
    assert.equal(mergeAnswers(doc(), doc(), AT).records, undefined);
  });
});

describe("the entries kind", () => {
  const t = translate(sectionFor("widget"));
  const answers = answersFor(edit(three(), "r1", "criteria", ["A", "B"]), ENTRY);

  test("counts records out of the number to aim for, then every record written", () => {
    assert.deepEqual(entries.count(ENTRY, answersFor(doc(), ENTRY)), { done: 0, total: 3 });
    assert.equal(entries.progress(ENTRY, answersFor(doc(), ENTRY), t), "0 of 3 entries.");
    const four = answersFor(add(three(), "r4"), ENTRY);
    assert.deepEqual(entries.count(ENTRY, four), { done: 4, total: 4 });
    assert.equal(entries.progress(ENTRY, four, t), "4 entries.");
    const noAim = { ...ENTRY, total: 1 };
    assert.equal(entries.progress(noAim, answersFor(doc(), ENTRY), t), "0 entries.");
    assert.deepEqual(entries.count(noAim, answersFor(doc(), ENTRY)), { done: 0, total: 1 });
  });

  test("names a record by its title, else its first field, else its first text", () => {
    assert.equal(recordName({ title: " Rota rescue \nmore" }, "employer"), "Rota rescue");
    assert.equal(recordName({ role: "Analyst", employer: "Northwind" }, "employer"), "Northwind");
    assert.equal(recordName({ role: "Analyst" }, "employer"), "Analyst");
    assert.equal(recordName({ criteria: ["A"] }, "employer"), "");
  });

  test("a coach summary escapes one-line values and keeps several lines as notes", () => {
    const hostile = edit(
      edit(
        edit(three(), "r1", "criteria", ["A", "B"]),
        "r1",
        "title",
        "# [link](http://x.example)",
      ),
      "r1",
      "action",
      "one\n# two",
    );
    const widget = {
      ...ENTRY,
      page: { title: "Stories", section: "Prepare" },
      done: 3,
      total: 3,
      answers: answersFor(hostile, ENTRY),
    };
    const page = { t: translate(sectionFor("progress")), day: (day) => day, kinds: { entries } };
    const text = markdown(page, [{ widget }], new Map());
    assert.ok(text.includes("### 1\\. \\# \\[link\\]\\(http\\:\\/\\/x\\.example\\)\n"), text);
    assert.match(text, /^Action:\n\n {4}one\n {4}# two$/m);
    assert.match(text, /^- Criteria it proves\\: A, B$/m);
  });

  test("never shares: nothing to encode, and no link to read", () => {
    assert.deepEqual(entries.share.encode(ENTRY, answers), []);
    assert.equal(entries.share.decode(ENTRY, ["title=x"]), null);
  });
});

describe("an application's dates as calendar events", () => {
  const made = (kind) => ({ uid: kind, summary: kind });
  const starts = (kinds, start) => eventsFrom(kinds, start, made).map((event) => event.start);

  test("the interview, a thank-you two hours on, rating yourself that evening", () => {
    const events = eventsFrom(
      ["interview", "thank-you", "rate-yourself"],
      "2026-03-12T10:30",
      made,
    );
    assert.deepEqual(
      events.map(({ uid, start, reminderMinutes }) => [uid, start, reminderMinutes]),
      [
        ["interview", "2026-03-12T10:30", 60],
        ["thank-you", "2026-03-12T12:30", 0],
        ["rate-yourself", "2026-03-12T19:00", 0],
      ],
    );
    // A late interview: the rating comes after it, across midnight if it must.
    assert.deepEqual(starts(["thank-you", "rate-yourself"], "2026-03-12T23:00"), [
      "2026-03-13T01:00",
      "2026-03-13T01:00",
    ]);
    // A day without a time: the interview and the note take the day, the rating the evening.
    assert.deepEqual(starts(["interview", "thank-you", "rate-yourself"], "2026-03-12"), [
      "2026-03-12",
      "2026-03-12",
      "2026-03-12T19:00",
    ]);
  });

  test("chasing and a next step fall in the morning of their day", () => {
    assert.deepEqual(starts(["chase", "next-step"], "2026-03-19"), [
      "2026-03-19T09:00",
      "2026-03-19T09:00",
    ]);
    assert.deepEqual(starts(["next-step"], "2026-03-19T14:00"), ["2026-03-19T14:00"]);
  });

  test("what the site's calendar files hold passes their own checks", () => {
    const events = eventsFrom(Object.keys(EVENTS), "2026-03-12T10:30", made);
    const file = calendarFile(events, { now: new Date(AT), prodId: "-//Debrief//test//EN" });
    assert.equal(file.match(/BEGIN:VEVENT/g).length, Object.keys(EVENTS).length);
  });
});
