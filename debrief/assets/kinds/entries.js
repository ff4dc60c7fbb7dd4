// An entries tool: a list of records with the same fields (a story bank, a list of
// applications), added, edited, moved up or down and deleted, with Undo for a delete. Its
// answers are its records, { records: [{ id, values, rank, t }] } in their order, from the
// document's `records` (store/document.js). The build writes one record's form as a <template>;
// each record on the page is a copy of it whose ids carry the record's id. What a record holds
// never goes into a share link (the tool has no share button), and a value over the schema's
// limit is not saved.

import { eventsFrom } from "../calendar/events.js";
import { calendarFile, fileNameFor } from "../calendar/ics.js";
import { offerDownload } from "../page/download.js";
import { outcomeText, overLimit, refresh, say, widgetChange } from "../page/view.js";
import { answersFor, footprint, recordName } from "../store/document.js";

const MARK = "--@--"; // where the template's ids take the record's id
const listOf = (section) => section.querySelector(".debrief-record-list");
const recordsOf = (widget) => answersFor(widget.keeper.view().document, widget.entry).records;
const newId = () => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const undoBar = (widget) => widget.section.querySelector(".debrief-record-undo");
const firstControl = (widget, id) =>
  widget.section.querySelector(`[data-record="${CSS.escape(id ?? "")}"] [data-field]`);

// A record's heading: its name (its title, or else its first field), or "Entry 3".
const titleOf = (widget, record, number) =>
  recordName(record.values, widget.entry.items[0]?.id) || widget.t("record-untitled", { number });

// A copy of the template for the record `id`.
const made = (widget, id) => {
  const template = widget.section.querySelector(".debrief-record-template");
  const item = template.content.firstElementChild.cloneNode(true);
  item.dataset.record = id;
  item.id = `${widget.entry.id}--${id}`;
  for (const node of item.querySelectorAll("[id], [for], [aria-describedby]")) {
    for (const name of ["id", "for", "aria-describedby"]) {
      const value = node.getAttribute(name);
      if (value) node.setAttribute(name, value.replace(MARK, `--${id}--`));
    }
  }
  return item;
};

// The record's values onto its controls; a value typed over the limit stays as typed.
const fill = (widget, item, record, number, count) => {
  item.querySelector(".debrief-record-title").textContent = titleOf(widget, record, number);
  for (const control of item.querySelectorAll("[data-field]")) {
    const name = control.dataset.field;
    const value = Object.hasOwn(record.values, name) ? record.values[name] : "";
    if (control.type === "checkbox") {
      control.checked = Array.isArray(value) && value.includes(control.value);
      continue;
    }
    const shown = widget.over?.[`${record.id} ${name}`] ?? (typeof value === "string" ? value : "");
    if (control.value !== shown) control.value = shown;
  }
  // Not `disabled`: a button that moved to the edge keeps the keyboard's focus.
  item.querySelector("[data-record-act=up]").setAttribute("aria-disabled", String(number === 1));
  const last = String(number === count);
  item.querySelector("[data-record-act=down]").setAttribute("aria-disabled", last);
};

// ---- Add to calendar: a date of a record as events, in a .ics file made here -----------------

const addToCalendar = (widget, id, button) => {
  const record = recordsOf(widget).find((kept) => kept.id === id);
  const name = button.dataset.for;
  const start = String(record?.values[name] ?? "").slice(0, 16);
  const label = widget.entry.items.find((item) => item.id === name)?.text ?? name;
  if (!start) return say(widget, widget.t("calendar-empty", { label }));
  const title = titleOf(widget, record, recordsOf(widget).indexOf(record) + 1);
  // What the record says, one line a value, goes with each event.
  const description = widget.entry.items
    .map((item) => [item.text, record.values[item.id]])
    .filter(([, value]) => value?.length)
    .map(([text, value]) => `${text}: ${[value].flat().join(", ")}`)
    .join("\n");
  const events = eventsFrom(button.dataset.calendar.split(" "), start, (kind) => ({
    uid: `${id}-${name}-${kind}@${widget.config.ns}`,
    summary: widget.t(`event-${kind}`, { record: title }),
    description,
  }));
  const prodId = `-//Debrief//${widget.config.ns}//EN`;
  const text = calendarFile(events, { now: new Date(), prodId });
  offerDownload(text, fileNameFor(events[0].summary), "text/calendar");
};

// A change made with a button: saved whole, or not at all, as the status line says.
const act = (widget, change) => widget.keeper.commit(widgetChange(widget, change));

const move = (widget, id, button, by) => {
  if (button.getAttribute("aria-disabled") === "true") return;
  const { outcome } = act(widget, { type: "record-move", id, by });
  refresh(widget, outcomeText(widget, outcome));
  button.focus(); // the record moved, its buttons with it
};

const ACTS = {
  add(widget) {
    const most = widget.config.limits.records;
    if (recordsOf(widget).length >= most)
      return say(widget, widget.t("records-full", { max: most }));
    const id = newId();
    const { outcome } = act(widget, { type: "record-add", id, most });
    refresh(widget, outcomeText(widget, outcome));
    if (outcome === "saved") firstControl(widget, id)?.focus();
  },
  calendar: addToCalendar,
  up: (widget, id, button) => move(widget, id, button, -1),
  down: (widget, id, button) => move(widget, id, button, 1),
  delete(widget, id) {
    const records = recordsOf(widget);
    const number = records.findIndex((record) => record.id === id) + 1;
    if (!number) return refresh(widget);
    const title = titleOf(widget, records[number - 1], number);
    const { outcome, before, after } = act(widget, { type: "record-delete", id });
    if (outcome !== "saved") return refresh(widget, outcomeText(widget, outcome));
    // Undo puts back the record as it was, where it was, unless another tab changed it since.
    widget.undoing = { type: "undo", footprint: footprint(before, after) };
    const bar = undoBar(widget);
    bar.querySelector("span").textContent = `${widget.t("record-deleted", { title })} `;
    bar.hidden = false;
    refresh(widget, outcomeText(widget, outcome));
    bar.querySelector("button").focus();
  },
  undo(widget) {
    if (!widget.undoing) return;
    const change = { ...widget.undoing, at: new Date().toISOString() };
    const { outcome } = widget.keeper.commit(change);
    if (outcome !== "saved") return refresh(widget, outcomeText(widget, outcome));
    const id = widget.undoing.footprint.find((step) => step.path[0] === "records")?.path[2];
    widget.undoing = null;
    undoBar(widget).hidden = true;
    refresh(widget, widget.t("undone"));
    (firstControl(widget, id) ?? widget.section.querySelector("[data-record-act=add]")).focus();
  },
};

// The buttons work once the script runs: until then the page shows none of them.
const listen = (widget) => {
  if (widget.listening) return;
  widget.listening = true;
  widget.section.querySelector("[data-records-add]").hidden = false;
  widget.section.addEventListener("click", (event) => {
    const button = event.target.closest("[data-record-act]");
    if (!button || widget.shared) return;
    ACTS[button.dataset.recordAct](widget, button.closest("[data-record]")?.dataset.record, button);
  });
};

export default {
  describe: (section) => {
    const template = section.querySelector(".debrief-record-template").content;
    return {
      items: [...template.querySelectorAll("[data-type]")].map((row) => ({
        id: row.querySelector("[data-field]").dataset.field,
        text: row.querySelector("label, legend").textContent.trim(),
      })),
      total: Number(section.dataset.aim) || 1,
    };
  },

  // Records are matched to their elements by id, so a value being typed, and the focus, stay
  // where they are while another tab adds, moves or deletes records.
  show(widget, answers) {
    listen(widget);
    const list = listOf(widget.section);
    const focused = list.contains(document.activeElement) ? document.activeElement : null;
    const items = new Map([...list.children].map((item) => [item.dataset.record, item]));
    answers.records.forEach((record, n) => {
      const item = items.get(record.id) ?? made(widget, record.id);
      items.delete(record.id);
      if (list.children[n] !== item) list.insertBefore(item, list.children[n] ?? null);
      fill(widget, item, record, n + 1, answers.records.length);
    });
    for (const gone of items.values()) gone.remove();
    if (focused?.isConnected && document.activeElement !== focused) focused.focus();
    widget.section.querySelector("[data-records-none]").hidden = answers.records.length > 0;
    if (!widget.arrived) {
      // A link to one record (from the self-rating worksheet) lands on it once it is drawn.
      widget.arrived = true;
      const target = location.hash && document.getElementById(location.hash.slice(1));
      if (target && list.contains(target)) target.scrollIntoView();
    }
  },

  changeOf(widget, event) {
    const control = event.target;
    const name = control.dataset?.field;
    const id = control.closest?.("[data-record]")?.dataset.record;
    if (!name || !id) return null;
    if (control.type === "checkbox") {
      const boxes = control.closest("[data-type]").querySelectorAll("input[type=checkbox]");
      const value = [...boxes].filter((box) => box.checked).map((box) => box.value);
      return { type: "record-edit", id, name, value };
    }
    const label = widget.entry.items.find((item) => item.id === name)?.text ?? name;
    const { record: limit } = widget.config.limits;
    if (overLimit(widget, `${id} ${name}`, control.value, label, limit)) return null;
    return { type: "record-edit", id, name, value: control.value };
  },

  cleared: () => ({ records: {} }),

  count: (entry, answers) => ({
    done: answers.records.length,
    total: Math.max(answers.records.length, entry.total ?? 1),
  }),

  progress(entry, answers, t) {
    const count = answers.records.length;
    const aim = entry.total ?? 1;
    return aim > 1 && count < aim ? t("written-aim", { count, aim }) : t("written", { count });
  },

  // Each record under its heading: a line per value, and text of several lines as notes.
  summary: (entry, answers) =>
    answers.records.flatMap((record, n) => [
      ["h3", `${n + 1}. ${recordName(record.values, entry.items[0]?.id)}`.trim()],
      ...entry.items.flatMap(({ id, text }) => {
        const value = Object.hasOwn(record.values, id) ? record.values[id] : "";
        if (Array.isArray(value))
          return value.length ? [["value", `${text}: ${value.join(", ")}`]] : [];
        if (!value) return [];
        return value.includes("\n")
          ? [
              ["p", `${text}:`],
              ["notes", value],
            ]
          : [["value", `${text}: ${value}`]];
      }),
    ]),

  // On paper (page/print.js): a row per record, headed by its name, with each value it holds
  // on a line of its own ("Action: ..."), so a story bank fits on one sheet for a coach.
  sheet: (widget) => ({
    rows: recordsOf(widget).map((record, n) => [
      titleOf(widget, record, n + 1),
      widget.entry.items
        .filter(({ id }) => id !== "title" && id !== widget.entry.items[0].id) // in its name
        .map(({ id, text }) => [text, [record.values[id] ?? ""].flat().join(", ")])
        .filter(([, value]) => value.trim())
        .map(([text, value]) => `${text}: ${value}`)
        .join("\n"),
    ]),
  }),

  // What a reader writes never travels in a link: nothing to encode, and no link to read.
  share: { encode: () => [], decode: () => null },
};
