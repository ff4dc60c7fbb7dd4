// `<<name>>` on a page: the build drew each as <span class="debrief-ref"
// data-debrief-field="name"> holding the field's example (or its label in brackets); this puts
// the reader's value in, and the example back when the value is emptied. Loaded only on pages
// with a reference; `holder` carries the site's settings (data-config).

import { fieldValue } from "../store/document.js";
import { keeperFor } from "../store/keeper.js";

const built = new WeakMap(); // each span's text as the build drew it

// A date or a date and time as a date field stores it ("2026-03-14T10:30") reads as the page's
// language writes it in a message ("14 March 2026 at 10:30"); any other value as typed.
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

export const readable = (value, lang) => {
  const found = DATE.exec(value);
  if (!found) return value;
  const [year, month, day, hour, minute] = found.slice(1).map(Number);
  const when = new Date(Date.UTC(year, month - 1, day, hour || 0, minute || 0));
  if (when.getUTCMonth() !== month - 1) return value; // no such day: leave it as written
  const style = { dateStyle: "long", timeZone: "UTC", ...(found[4] ? { timeStyle: "short" } : {}) };
  try {
    return new Intl.DateTimeFormat(lang || undefined, style).format(when);
  } catch {
    return value; // a language the browser does not know
  }
};

const fill = (keeper) => {
  const stored = keeper.view().document;
  for (const span of document.querySelectorAll("span.debrief-ref[data-debrief-field]")) {
    if (!built.has(span)) built.set(span, span.textContent);
    const value = fieldValue(stored, span.dataset.debriefField);
    const text = value ? readable(value, document.documentElement.lang) : built.get(span);
    if (span.textContent !== text) span.textContent = text;
  }
};

let listening = null;

export const start = (holder, site) => {
  const keeper = keeperFor(JSON.parse(holder.dataset.config), site.root);
  const refresh = () => fill(keeper);
  // Live as the reader types in a fields tool on this page, or resets it: after the tool's own
  // listener has saved the change (it listens on its section, nearer the control).
  if (listening) {
    removeEventListener("input", listening);
    removeEventListener("click", listening);
  }
  listening = refresh;
  addEventListener("input", refresh);
  addEventListener("click", refresh);
  refresh();
  return { refresh };
};
