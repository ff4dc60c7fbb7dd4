// Calendar files (calendar/ics.js): RFC 5545 text made from plain data. The Python test
// tests/build/test_ics.py reads the same output with the icalendar library.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { calendarFile, escapeText, fileNameFor, fold } from "../../debrief/assets/calendar/ics.js";

const NOW = new Date(Date.UTC(2026, 2, 9, 8, 5, 7));
const OPTIONS = { now: NOW, prodId: "-//Debrief//Calendar//EN" };
const file = (...events) => calendarFile(events, OPTIONS);
const event = (extra = {}) => ({
  uid: "one@debrief",
  start: "2026-03-12",
  summary: "Chase",
  ...extra,
});
// The logical lines of a file: folds undone (3.1), CRLF taken off.
const unfolded = (text) => text.replace(/\r\n /g, "").split("\r\n");
const octets = (line) => new TextEncoder().encode(line).length;

describe("escaping text", () => {
  test("backslash, semicolon, comma and line ends are escaped; colons are not", () => {
    assert.equal(escapeText("a\\b;c,d:e"), "a\\\\b\\;c\\,d:e");
    assert.equal(escapeText("one\r\ntwo\nthree\rfour"), "one\\ntwo\\nthree\\nfour");
  });

  test("summary and description are escaped in the file", () => {
    const lines = unfolded(file(event({ summary: "Call; then, write", description: "a\nb" })));
    assert.ok(lines.includes("SUMMARY:Call\\; then\\, write"));
    assert.ok(lines.includes("DESCRIPTION:a\\nb"));
  });
});

describe("folding", () => {
  test("a short line is left as it is", () => {
    assert.equal(fold("SUMMARY:short"), "SUMMARY:short");
  });

  test("a long line folds at 75 octets, continuations start with a space", () => {
    const line = `DESCRIPTION:${"x".repeat(200)}`;
    const parts = fold(line).split("\r\n");
    assert.ok(parts.length > 2);
    assert.ok(parts.every((part) => octets(part) <= 75));
    assert.equal(octets(parts[0]), 75);
    assert.ok(parts.slice(1).every((part) => part.startsWith(" ")));
    assert.equal(parts.map((part, n) => (n ? part.slice(1) : part)).join(""), line);
  });

  test("octets are counted in UTF-8 and no character is split", () => {
    const line = `SUMMARY:${"é".repeat(50)}${"😀".repeat(30)}`;
    const parts = fold(line).split("\r\n");
    for (const part of parts) {
      assert.ok(octets(part) <= 75, `${octets(part)} octets`);
      assert.ok(!part.includes("\uFFFD"));
      // Each part is whole UTF-8 on its own: no lone surrogate from a split emoji.
      assert.equal(Buffer.from(part, "utf8").toString("utf8"), part);
      assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(part), "no half emoji at an end");
    }
    // 'é' is 2 octets: the first line holds "SUMMARY:" (8) and 33 of them (66), not a half.
    assert.equal(octets(parts[0]), 74);
    assert.equal(parts.map((part, n) => (n ? part.slice(1) : part)).join(""), line);
  });

  test("every line of a file keeps to 75 octets and ends with CRLF", () => {
    const text = file(event({ summary: "ü".repeat(100), description: "Ж,".repeat(90) }));
    assert.ok(text.endsWith("\r\n"));
    assert.ok(!/[^\r]\n/.test(text), "no bare LF");
    for (const line of text.slice(0, -2).split("\r\n")) assert.ok(octets(line) <= 75);
  });
});

describe("the calendar and its events", () => {
  test("a calendar has its version, product id and one event per event given", () => {
    const lines = unfolded(file(event(), event({ uid: "two@debrief" })));
    assert.deepEqual(lines.slice(0, 3), [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      `PRODID:${OPTIONS.prodId}`,
    ]);
    assert.equal(lines.at(-2), "END:VCALENDAR");
    assert.equal(lines.at(-1), "", "the last line ends with CRLF too");
    assert.equal(lines.filter((line) => line === "BEGIN:VEVENT").length, 2);
    assert.deepEqual(
      lines.filter((line) => line.startsWith("UID:")),
      ["UID:one@debrief", "UID:two@debrief"],
    );
    assert.ok(lines.includes("DTSTAMP:20260309T080507Z"), "DTSTAMP is now, in UTC");
  });

  test("a day event lasts the day, the end being the next day", () => {
    const lines = unfolded(file(event({ start: "2026-02-28" })));
    assert.ok(lines.includes("DTSTART;VALUE=DATE:20260228"));
    assert.ok(lines.includes("DTEND;VALUE=DATE:20260301"));
    const leap = unfolded(file(event({ start: "2028-12-31" })));
    assert.ok(leap.includes("DTEND;VALUE=DATE:20290101"));
  });

  test("a timed event is floating local time, an hour long unless told", () => {
    const hour = unfolded(file(event({ start: "2026-03-12T14:30" })));
    assert.ok(hour.includes("DTSTART:20260312T143000"));
    assert.ok(hour.includes("DTEND:20260312T153000"));
    assert.ok(!hour.some((line) => /^DT(START|END).*Z$/.test(line)), "no zone: floating");
    const late = unfolded(file(event({ start: "2026-03-12T23:30", minutes: 45 })));
    assert.ok(late.includes("DTEND:20260313T001500"), "an event may end the next day");
  });

  test("a reminder is a display alarm the given minutes before", () => {
    const lines = unfolded(file(event({ summary: "Thank-you note", reminderMinutes: 30 })));
    const alarm = lines.slice(lines.indexOf("BEGIN:VALARM"), lines.indexOf("END:VALARM") + 1);
    assert.deepEqual(alarm, [
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      "DESCRIPTION:Thank-you note",
      "TRIGGER:-PT30M",
      "END:VALARM",
    ]);
    assert.ok(!unfolded(file(event())).includes("BEGIN:VALARM"), "no reminder, no alarm");
    assert.ok(unfolded(file(event({ reminderMinutes: 0 }))).includes("TRIGGER:-PT0M"));
  });

  test("no description, no DESCRIPTION line", () => {
    assert.ok(!unfolded(file(event())).some((line) => line.startsWith("DESCRIPTION")));
  });

  test("a start or a length the calendar cannot hold is refused with what is wrong", () => {
    assert.throws(() => file(event({ start: "12/03/2026" })), /not YYYY-MM-DD/);
    assert.throws(() => file(event({ start: "2026-02-30" })), /does not exist|not a date/);
    assert.throws(() => file(event({ start: "2026-03-12T24:00" })), /not a date/);
    assert.throws(() => file(event({ start: "2026-03-12T10:00", minutes: 0 })), /minutes/);
    assert.throws(() => file(event({ reminderMinutes: -5 })), /reminderMinutes/);
    assert.throws(() => file(event({ uid: "" })), /uid/);
  });
});

describe("file names", () => {
  test("a summary becomes a safe name ending .ics", () => {
    assert.equal(fileNameFor("Interview: Northwind, Trading"), "Interview-Northwind-Trading.ics");
    assert.equal(fileNameFor("../../etc/passwd"), "etc-passwd.ics");
    assert.equal(fileNameFor('a<b>c"d|e?f*g\\h/i'), "a-b-c-d-e-f-g-h-i.ics");
    assert.equal(fileNameFor("Entretien chez Café Müller"), "Entretien-chez-Café-Müller.ics");
    assert.equal(fileNameFor("面接 😀 準備"), "面接-準備.ics");
  });

  test("an empty or symbol-only summary still gives a name, and a long one is cut", () => {
    assert.equal(fileNameFor(""), "event.ics");
    assert.equal(fileNameFor("!!!"), "event.ics");
    assert.equal(fileNameFor(undefined), "event.ics");
    const long = fileNameFor(`${"word ".repeat(40)}`);
    assert.ok(long.length <= 64 && long.endsWith(".ics") && !long.includes("-.ics"));
  });
});
