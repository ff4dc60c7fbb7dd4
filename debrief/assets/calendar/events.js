// The dates of an entries tool's record (an application's) as calendar events: when each kind
// of event falls, from the date or date and time it is added from. Plain data in and out; the
// kinds are those an author lists under a date's `calendar:` (debrief/widgets/fields.py).

// A local date and time ("YYYY-MM-DDTHH:MM"), `minutes` later; a day alone stays as it is.
const later = (start, minutes) => {
  if (start.length < 16) return start;
  const moved = new Date(Date.parse(`${start}Z`) + minutes * 60_000);
  return moved.toISOString().slice(0, 16);
};
const at = (start, time) => `${start.slice(0, 10)}T${time}`;

// When each event falls, from the date it is added from: the interview, a thank-you note two
// hours after it starts (the same day), rating yourself that evening, chasing a decision and a
// next step in the morning of their day.
export const EVENTS = {
  interview: (start) => ({ start, minutes: 60, reminderMinutes: 60 }),
  "thank-you": (start) => ({ start: later(start, 120), minutes: 30, reminderMinutes: 0 }),
  "rate-yourself": (start) => {
    const evening = at(start, "19:00");
    return { start: [evening, later(start, 120)].sort().at(-1), minutes: 30, reminderMinutes: 0 };
  },
  chase: (start) => ({ start: at(start, "09:00"), minutes: 15, reminderMinutes: 0 }),
  "next-step": (start) => ({
    start: start.length < 16 ? at(start, "09:00") : start,
    minutes: 30,
    reminderMinutes: 0,
  }),
};

// The events of these kinds, from `start`, each with what `made(kind)` gives (uid, summary...).
export const eventsFrom = (kinds, start, made) =>
  kinds.map((kind) => ({ ...made(kind), ...EVENTS[kind](start) }));
