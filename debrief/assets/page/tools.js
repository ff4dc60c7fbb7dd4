// A widget's buttons: copy a link to it, copy a share link, print it alone, reset (after a
// question), and save a worksheet's ratings to the feedback log. All of them are here from the
// start: a reader who loses the connection after the page loaded can still use every one.

import { answersFor, isDay, lengthOf } from "../store/document.js";
import { printTool } from "./print.js";
import { accept, decline, undo } from "./share.js";
import { outcomeText, refresh, say, widgetChange } from "./view.js";

// ---- Links --------------------------------------------------------------------------------------

const copyUrl = (widget, hash, done) => {
  const url = `${location.href.split("#")[0]}#${hash}`;
  const told = (copied) => say(widget, copied ? widget.t(done) : widget.t("copy-this", { url }));
  if (navigator.clipboard)
    navigator.clipboard.writeText(url).then(
      () => told(true),
      () => told(false),
    );
  else told(false);
};

const copyLink = (widget) => copyUrl(widget, widget.entry.id, "link-copied");

// Ticks and ratings only: notes never travel in a link.
const copyShareLink = (widget) => {
  const answers = answersFor(widget.keeper.view().document, widget.entry);
  const parts = widget.kind.share.encode(widget.entry, answers);
  copyUrl(widget, `share=${widget.entry.id}:${parts.join(",")}`, "share-copied");
};

// ---- Reset --------------------------------------------------------------------------------------

const question = (widget) => widget.section.querySelector(".debrief-confirm");

const askReset = (widget) => {
  question(widget).hidden = false;
  widget.section.querySelector("[data-act=confirm]").focus();
};

const cancelReset = (widget) => {
  question(widget).hidden = true;
  widget.section.querySelector("[data-act=reset]").focus();
};

const reset = (widget) => {
  const change = widgetChange(widget, {
    type: "reset",
    answers: widget.kind.cleared(widget.entry),
  });
  const { outcome } = widget.keeper.commit(change);
  cancelReset(widget);
  refresh(widget, outcomeText(widget, outcome, "cleared"));
};

// ---- Save to log: the ratings saved now, as a dated entry, within the limits an import checks ---

const newEntryId = () => `e${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

// The entry to save, or the key of why it cannot be.
const logEntry = (widget, form) => {
  const { config, entry, keeper, notes } = widget;
  const { document } = keeper.view();
  const label = form.label.value.trim();
  const text = notes ? notes.value : "";
  if (!isDay(form.date.value)) return { problem: ["bad-date"] };
  if (lengthOf(label) > config.limits.label)
    return { problem: ["label-over", { limit: config.limits.label }] };
  if (lengthOf(text) > config.notes)
    return {
      problem: ["notes-over", { count: lengthOf(text) - config.notes, limit: config.notes }],
    };
  if (document.log.length >= config.limits.entries)
    return { problem: ["log-full", { max: config.limits.entries }] };
  const { ratings } = answersFor(document, entry);
  const at = new Date().toISOString();
  const rated = Object.entries(ratings).filter(
    ([, value]) => value >= 1 && value <= entry.scale.length,
  );
  return {
    entry: {
      id: newEntryId(),
      worksheet: entry.id,
      label,
      date: form.date.value,
      ratings: Object.fromEntries(rated),
      notes: text,
      t: at,
    },
  };
};

const saveToLog = (widget, form) => {
  if (widget.shared) return;
  const { entry, problem } = logEntry(widget, form);
  if (problem) return say(widget, widget.t(...problem));
  const { outcome } = widget.keeper.commit({ type: "log-add", entry });
  if (outcome === "saved") {
    form.label.value = "";
    navigator.storage?.persist?.().catch(() => {}); // the log is worth asking the browser to keep
  }
  say(widget, outcomeText(widget, outcome, "logged"));
};

// ---- Wiring -------------------------------------------------------------------------------------

const ACTIONS = {
  copy: copyLink,
  share: copyShareLink,
  print: printTool,
  reset: askReset,
  confirm: reset,
  cancel: cancelReset,
  accept,
  decline,
  undo,
};

export const startTools = (widget) => {
  const { section } = widget;
  section.addEventListener("click", (event) => {
    const action = event.target.closest("[data-act]")?.dataset.act;
    if (action && Object.hasOwn(ACTIONS, action)) ACTIONS[action](widget);
  });
  const form = section.querySelector(".debrief-log-form");
  if (form) {
    form.hidden = false;
    form.date.value = new Date().toLocaleDateString("sv"); // today, local, as YYYY-MM-DD
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      saveToLog(widget, form);
    });
  }
  section.querySelector(".debrief-tools").hidden = false;
};
