// What the progress page and the feedback log share: how a page part is drawn and redrawn, its
// one live region for messages, questions asked before anything is deleted, and dates.

import { button, el } from "../page/dom.js";

let draws = []; // each page part's draw(message)
let statuses = []; // each page part's live region and strings
let waiting = false; // another tab saved while the reader had a form or a question open

export const redraw = (message = "") => {
  waiting = false;
  for (const draw of draws) draw(message);
};

// A form or a question closed without saving: catch up with what another tab saved meanwhile.
export const settled = () => {
  if (waiting) redraw("");
};

// A message, without redrawing what the reader is working in.
export const say = (key, values) => {
  for (const [status, t] of statuses) status.textContent = t(key, values);
};

// Another tab saved: redraw, unless the reader is in the middle of something here.
export const heard = (sections) => {
  const busy = sections.some((section) =>
    section.querySelector(".debrief-edit, .debrief-import-choice > *, .debrief-confirm"),
  );
  if (!busy) return redraw(statuses[0][1]("updated"));
  waiting = true;
  say("waiting");
};

export const frame = (parts) => {
  draws = [];
  statuses = [];
  for (const { page, draw } of parts) {
    // One live region that outlives every redraw, so each message is announced.
    const status = el("p", { role: "status", class: "debrief-status" });
    statuses.push([status, page.t]);
    page.root.before(status);
    draws.push((message) => {
      const began = performance.now();
      draw(page);
      page.section.dataset.drawMs = (performance.now() - began).toFixed(1);
      status.textContent = message;
    });
  }
};

// A question after the button `after` (Yes / Cancel), asked once however often it is pressed.
export const ask = (t, after, question, yes, onYes) => {
  const open = after.nextElementSibling;
  if (open?.matches(".debrief-confirm")) return;
  const bar = el("p", { class: "debrief-confirm" }, el("span", {}, question), " ");
  bar.append(
    button(yes, () => {
      bar.remove();
      onYes();
    }),
    " ",
    button(t("cancel"), () => {
      bar.remove();
      after.focus();
      settled();
    }),
  );
  after.after(bar);
};

// A day (YYYY-MM-DD) as readers of the page's language write it; the stored form if it is none.
export const dayFormat = (lang) => {
  const format = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" });
  return (day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? String(day) : format.format(date);
  };
};

// What an outcome of the keeper says on these pages; "saved" says `done`.
export const outcomeKey = (outcome, done) =>
  ({ saved: done, full: "full", blocked: "visit-only", held: "held" })[outcome];
