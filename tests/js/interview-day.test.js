// Your interview day: which stories the sheet shows for the brief's top criteria. A story is
// picked by the first line that names a criterion it proves, in the order of the lines, then
// of the bank; five at most; with none picked, the bank's first five, said so.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { storiesFor } from "../../debrief/assets/pages/interview-day.js";

const story = (id, ...proves) => ({ id, values: { title: id, criteria: proves } });

describe("storiesFor", () => {
  test("in the order of the lines that name their criteria, then of the bank", () => {
    const bank = [
      story("pricing", "Content knowledge"),
      story("migration", "Communication"),
      story("planning", "Closing and follow-up"),
      story("churn", "Content knowledge", "Communication"),
    ];
    const lines = ["Communication with clients", "content knowledge: SQL", "Curiosity"];
    const { matched, stories } = storiesFor(lines, bank);
    assert.equal(matched, true);
    assert.deepEqual(
      stories.map((record) => record.id),
      ["migration", "churn", "pricing"],
    );
  });

  test("five at most", () => {
    const bank = Array.from({ length: 7 }, (_, n) => story(`s${n}`, "Communication"));
    assert.equal(storiesFor(["Communication"], bank).stories.length, 5);
  });

  test("with no line naming a criterion, the first five, not matched", () => {
    const bank = Array.from({ length: 6 }, (_, n) => story(`s${n}`, "Communication"));
    const { matched, stories } = storiesFor(["Resilience"], bank);
    assert.equal(matched, false);
    assert.deepEqual(
      stories.map((record) => record.id),
      ["s0", "s1", "s2", "s3", "s4"],
    );
  });
});
