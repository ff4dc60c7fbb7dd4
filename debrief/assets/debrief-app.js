// Debrief's progress page and feedback log: shared helpers and the loader. Each page's own code
// is a module of its own, loaded only on that page. Everything shown is built from the answers
// saved in this browser and the build's manifest; text from storage or an imported file is only
// ever set as text, never parsed as HTML. Every string comes from the section's data-i18n.

import { readAll } from "./debrief-store.js";

export const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== false && value != null) node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children.flat().filter((c) => c != null && c !== false));
  return node;
};
export const button = (text, onclick, props = {}) =>
  el("button", { type: "button", class: "debrief-button", onclick, ...props }, text);
export const today = () => new Date().toLocaleDateString("sv"); // local date as YYYY-MM-DD

// A string whose placeholders are nodes (a link, a strong word): its parts, ready for el().
export const fill = (text, nodes) => text.split(/\{(\w+)\}/).map((part, n) => (n % 2 ? nodes[part] ?? "" : part));

// A day (YYYY-MM-DD) as readers of the page's language write it; the stored form if it is no day.
const dayFormat = (lang) => {
  const format = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" });
  return (day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? String(day) : format.format(date);
  };
};

// ---- Redrawing, and not wiping what the reader is in the middle of ---------------------------

let draws = [];
let statuses = []; // each page's live region and strings
let waiting = false; // another tab saved while the reader had a form or a question open
export const redraw = (message) => {
  waiting = false;
  draws.forEach((draw) => draw(message));
};
// A form or question closed without saving: catch up with what another tab saved meanwhile.
export const settled = () => { if (waiting) redraw(""); };
// A message, without redrawing what the reader is working in.
export const say = (key, values) => statuses.forEach(([status, t]) => { status.textContent = t(key, values); });

// A question after the button `after` (Yes / Cancel), asked once however often it is pressed.
export const ask = (t, after, question, yes, onyes) => {
  const open = after.nextElementSibling;
  if (open && open.matches(".debrief-confirm")) return;
  const bar = el("p", { class: "debrief-confirm" }, el("span", {}, question), " ");
  bar.append(button(yes, () => { bar.remove(); onyes(); }), " ",
    button(t("cancel"), () => { bar.remove(); after.focus(); settled(); }));
  after.after(bar);
};

const busy = (root) => root.querySelector(".debrief-edit, .debrief-import-choice > *, .debrief-confirm");

// What a page's draw() gets: storage, its strings and formats, the manifest, and where to draw.
const context = (api, root, manifest, home) => {
  const t = api.strings(root);
  const config = api.settings(root);
  return { api, t, manifest, home, config, day: dayFormat(t.lang), read: () => readAll(api, config),
    number: (n) => n.toLocaleString(t.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    root: root.querySelector(".debrief-app-root") };
};

export async function start(api, roots) {
  if (!document.querySelector("link[data-debrief-styles]")) {
    document.head.append(el("link", { rel: "stylesheet", href: `${api.assets}debrief-app.css`, "data-debrief-styles": true }));
  }
  const began = performance.now();
  // The list of widgets and the page's own module load side by side.
  const [manifest, pages] = await Promise.all([
    fetch(`${api.assets}manifest.json`).then((response) => response.json()),
    Promise.all(roots.map((root) => import(`./debrief-${root.dataset.debriefApp}.js`))),
  ]);
  const home = new URL("../../", api.assets);
  statuses = [];
  draws = roots.map((root, n) => {
    const page = context(api, root, manifest, home);
    // One live region that outlives every redraw, so each message is announced.
    const status = el("p", { role: "status", class: "debrief-status" });
    statuses.push([status, page.t]);
    page.root.before(status);
    return (message = "") => {
      const drawn = performance.now();
      pages[n].draw(page);
      root.dataset.drawMs = (performance.now() - drawn).toFixed(1);
      status.textContent = message;
    };
  });
  redraw();
  roots.forEach((root) => { root.dataset.readyMs = (performance.now() - began).toFixed(1); });
  api.onchange = () => {
    if (!roots.some(busy)) return redraw(statuses[0][1]("updated"));
    waiting = true;
    say("waiting");
  };
}

addEventListener("afterprint", () => document.documentElement.classList.remove("debrief-printing"));
