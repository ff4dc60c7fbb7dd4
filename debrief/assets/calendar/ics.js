// Calendar files (RFC 5545), made in the browser from plain data: no server, no DOM. A reader's
// dates become events any calendar app imports, each with an optional reminder.
//
//   calendarFile(events, { now, prodId }) -> the text of one .ics file
//   event = { uid, start: "YYYY-MM-DD" | "YYYY-MM-DDTHH:MM", minutes?, summary, description?,
//             reminderMinutes? }
//
// A start with a time is local "floating" time (no zone): the event is at that hour wherever
// the reader's calendar is, as the reader typed it. A day lasts the whole day.

const CRLF = "\r\n";
const LINE_OCTETS = 75; // RFC 5545 3.1: lines longer than this are folded
const DEFAULT_MINUTES = 60;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const encoder = new TextEncoder();
const two = (n) => String(n).padStart(2, "0");

// TEXT values (3.3.11): backslash, semicolon and comma escaped, every line end as \n.
export const escapeText = (text) =>
  String(text)
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/[\\;,]/g, (mark) => `\\${mark}`)
    .replace(/\n/g, "\\n");

// A content line folded (3.1) into lines of at most 75 octets of UTF-8, each continuation
// starting with a space (which counts), never splitting a character: a calendar app that
// reads bytes would otherwise get half an accent or half an emoji.
export const fold = (line) => {
  const lines = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > LINE_OCTETS) {
      lines.push(current);
      current = " ";
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
};

// The parts of `start`, checked: a date the calendar cannot hold is the caller's mistake, said
// here rather than in the reader's calendar app.
const parseStart = (start) => {
  const match = DAY_TIME.exec(start) ?? DAY.exec(start);
  if (!match) {
    throw new Error(`calendar: start "${start}" is not YYYY-MM-DD or YYYY-MM-DDTHH:MM`);
  }
  const [year, month, day, hour = 0, minute = 0] = match.slice(1).map(Number);
  const at = new Date(Date.UTC(year, month - 1, day, hour, minute));
  const valid =
    at.getUTCFullYear() === year &&
    at.getUTCMonth() === month - 1 &&
    at.getUTCDate() === day &&
    hour < 24 &&
    minute < 60;
  if (!valid) throw new Error(`calendar: start "${start}" is not a date and time that exists`);
  // The clock is read as UTC only to count days and minutes: the file says no zone.
  return { at, timed: match.length > 4 };
};

const whole = (value, name, least) => {
  if (!Number.isInteger(value) || value < least) {
    throw new Error(`calendar: ${name} must be a whole number of at least ${least}`);
  }
  return value;
};

const dateOf = (at) => `${at.getUTCFullYear()}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}`;
const dateTimeOf = (at) =>
  `${dateOf(at)}T${two(at.getUTCHours())}${two(at.getUTCMinutes())}${two(at.getUTCSeconds())}`;

const eventLines = (event, stamp) => {
  if (!event.uid) throw new Error("calendar: every event needs a uid");
  const { at, timed } = parseStart(event.start);
  const lines = ["BEGIN:VEVENT", `UID:${escapeText(event.uid)}`, `DTSTAMP:${stamp}`];
  if (timed) {
    const minutes = whole(event.minutes ?? DEFAULT_MINUTES, "minutes", 1);
    const end = new Date(at.getTime() + minutes * 60_000);
    lines.push(`DTSTART:${dateTimeOf(at)}`, `DTEND:${dateTimeOf(end)}`);
  } else {
    // A day event ends (exclusively) on the next day (3.6.1).
    const next = new Date(at.getTime() + 86_400_000);
    lines.push(`DTSTART;VALUE=DATE:${dateOf(at)}`, `DTEND;VALUE=DATE:${dateOf(next)}`);
  }
  lines.push(`SUMMARY:${escapeText(event.summary ?? "")}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.reminderMinutes != null) {
    const before = whole(event.reminderMinutes, "reminderMinutes", 0);
    lines.push(
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `DESCRIPTION:${escapeText(event.summary ?? "")}`,
      `TRIGGER:-PT${before}M`,
      "END:VALARM",
    );
  }
  lines.push("END:VEVENT");
  return lines;
};

export const calendarFile = (events, { now, prodId }) => {
  const stamp = `${dateTimeOf(now)}Z`; // UTC (3.8.7.2)
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${escapeText(prodId)}`,
    "CALSCALE:GREGORIAN",
    ...events.flatMap((event) => eventLines(event, stamp)),
    "END:VCALENDAR",
  ];
  return lines.map(fold).join(CRLF) + CRLF;
};

// A file name from an event's summary: letters and digits of any script kept, every run of
// anything else one hyphen, so no system refuses it ("Interview: Northwind" ->
// "Interview-Northwind.ics").
export const fileNameFor = (summary) => {
  const stem = String(summary ?? "")
    .normalize("NFC")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return `${[...stem].slice(0, 60).join("").replace(/-+$/, "") || "event"}.ics`;
};
