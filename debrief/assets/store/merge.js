// Merging answers from a file into the reader's own, one answer at a time. Pure.
//
// - An empty answer (unticked, not rated, no notes) never replaces a real one, however new.
// - Of two real answers, the side whose widget (or log entry, or record) changed last wins.
// - A time in the future (a wrong clock, or a forged file) counts as older than any other.

import { keysOf, get as own, recordOf } from "./records.js";

const DAY_MS = 864e5;

// A time to compare by, or "" when it cannot be trusted.
const trusted = (time, at) => {
  const latest = new Date(Date.parse(at) + DAY_MS).toISOString();
  return typeof time === "string" && time <= latest ? time : "";
};

const isEmpty = (answer) =>
  answer === undefined || answer === false || answer === 0 || answer === "";

const chosen = (mine, theirs, theirsIsNewer) => {
  if (isEmpty(theirs)) return mine;
  if (!isEmpty(mine) && !theirsIsNewer) return mine;
  return theirs;
};

const eachAnswer = (mine, theirs, theirsIsNewer) =>
  recordOf(
    keysOf(mine, theirs).map((key) => [
      key,
      chosen(own(mine, key), own(theirs, key), theirsIsNewer),
    ]),
  );

const mergeState = (mine, theirs, at) => {
  if (!mine || !theirs) return mine || theirs;
  const theirsIsNewer = trusted(theirs.t, at) > trusted(mine.t, at);
  const merged = {
    items: eachAnswer(mine.items, theirs.items, theirsIsNewer),
    ratings: eachAnswer(mine.ratings, theirs.ratings, theirsIsNewer),
  };
  const notes = chosen(mine.notes, theirs.notes, theirsIsNewer);
  if (notes !== undefined) merged.notes = notes;
  const time = theirsIsNewer ? theirs.t : mine.t;
  if (time !== undefined) merged.t = time;
  return merged;
};

const mergeLog = (mine, theirs, at) => {
  const byId = new Map(mine.map((entry) => [entry.id, entry]));
  for (const entry of theirs) {
    const kept = byId.get(entry.id);
    const theirsIsNewer = kept && trusted(entry.t, at) > trusted(kept.t, at);
    byId.set(entry.id, kept && !theirsIsNewer ? kept : entry);
  }
  return [...byId.values()];
};

// Field values, name by name: an empty value never replaces a written one; of two written
// values, the newer wins.
const mergeFields = (mine = {}, theirs = {}, at) =>
  recordOf(
    keysOf(mine, theirs).map((name) => {
      const [kept, other] = [own(mine, name), own(theirs, name)];
      if (!kept || !other) return [name, kept || other];
      const theirsIsNewer = trusted(other.t, at) > trusted(kept.t, at);
      return [name, chosen(kept.value, other.value, theirsIsNewer) === kept.value ? kept : other];
    }),
  );

// Records, tool by tool and record by record: each side's own come in; of two versions of one
// record, the one changed last wins, its place in the list with it.
const mergeRecords = (mine = {}, theirs = {}, at) =>
  recordOf(
    keysOf(mine, theirs).map((tool) => {
      const [kept, other] = [own(mine, tool) ?? {}, own(theirs, tool) ?? {}];
      return [
        tool,
        recordOf(
          keysOf(kept, other).map((id) => {
            const [a, b] = [own(kept, id), own(other, id)];
            const theirsIsNewer = a && b && trusted(b.t, at) > trusted(a.t, at);
            return [id, a && !theirsIsNewer ? a : b];
          }),
        ),
      ];
    }),
  );

// `mine` and `theirs` are checked documents (or { widgets, log, fields?, records? }); `at` is
// now. The merged field values and records are left out when neither side has any.
export const mergeAnswers = (mine, theirs, at) => ({
  ...(mine.fields || theirs.fields ? { fields: mergeFields(mine.fields, theirs.fields, at) } : {}),
  ...(mine.records || theirs.records
    ? { records: mergeRecords(mine.records, theirs.records, at) }
    : {}),
  widgets: recordOf(
    keysOf(mine.widgets, theirs.widgets).map((id) => [
      id,
      mergeState(own(mine.widgets, id), own(theirs.widgets, id), at),
    ]),
  ),
  log: mergeLog(mine.log, theirs.log, at),
});
