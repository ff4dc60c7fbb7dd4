// Debrief's widgets: checklists, worksheets and the pages built from them (My progress, the
// feedback log), keeping a reader's answers in this browser only. No framework; nothing is sent
// anywhere. This entry finds what is on the page and starts it, again after every instant
// navigation of Material's theme. How it is laid out:
//
//   store/   the reader's document: document.js (pure: check, apply), merge.js (pure), and
//            keeper.js, the one module that touches the browser's storage
//   kinds/   one module per kind of widget (checklist.js, worksheet.js, fields.js), loaded by name
//   page/    one widget on its page: widget.js, view.js, tools.js, share.js, strings.js, dom.js
//   pages/   the pages built from every widget's answers: progress.js, feedback-log.js
//
// What the site is called, its limits and every string shown come from the page (data-config,
// data-i18n), written by the build from debrief/settings.py and debrief/strings/.

import { kindOf } from "./kinds/index.js";
import { refresh } from "./page/view.js";
import { startWidget } from "./page/widget.js";
import { whenStoredChanges } from "./store/keeper.js";

const assets = new URL(".", import.meta.url);
const site = { assets, root: new URL("../../", assets).pathname };
let onPage = []; // what is on the current page: { refresh } for each widget and page part

// A widget whose kind could not be loaded (the connection dropped while the page loaded) says
// so: its controls would save nothing.
const failed = (section) => {
  const notice = section.querySelector(".debrief-notice");
  if (notice) {
    notice.textContent = notice.dataset.failed || notice.textContent;
    notice.hidden = false;
  }
};

// Widgets of a built-in kind start at once, before the browser scrolls to a link's widget.
const startWidgets = () =>
  [...document.querySelectorAll(".debrief[data-debrief]")].map((section) => {
    const started = (kind) => {
      const widget = startWidget(section, kind, site);
      return { refresh: () => refresh(widget) };
    };
    const kind = kindOf(section.dataset.debrief);
    return kind instanceof Promise ? kind.then(started, () => failed(section)) : started(kind);
  });

// `<<name>>` references to the reader's field values: their module, on the pages that have one.
const startReferences = () => {
  const holder = document.querySelector("[data-debrief-refs]");
  if (!holder) return [];
  return [import("./page/references.js").then((references) => references.start(holder, site))];
};

const startPages = () => {
  const sections = [...document.querySelectorAll("section[data-debrief-app]")];
  if (!sections.length) return [];
  return [import("./pages/app.js").then((app) => app.start(sections, site))];
};

const start = async () => {
  onPage = [];
  const started = await Promise.all([...startWidgets(), ...startPages(), ...startReferences()]);
  onPage = started.flat().filter(Boolean);
};

// Another tab changed this site's answers: show what is saved now.
whenStoredChanges(() => {
  for (const part of onPage) part.refresh();
});

// Material's instant navigation swaps pages without reloading: it announces each on document$.
// On a page read from files it does not run, and document$ ends without announcing this one.
const followPages = (pages) => {
  let announced = false;
  const next = () => {
    announced = true;
    start();
  };
  pages.subscribe({ next, complete: () => announced || start() });
};

if (window.document$) followPages(window.document$);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
