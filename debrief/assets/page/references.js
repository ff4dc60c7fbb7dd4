// `<<name>>` on a page: the build drew each as <span class="debrief-ref"
// data-debrief-field="name"> holding the field's example (or its label in brackets); this puts
// the reader's value in, and the example back when the value is emptied. Loaded only on pages
// with a reference; `holder` carries the site's settings (data-config).

import { fieldValue } from "../store/document.js";
import { keeperFor } from "../store/keeper.js";

const built = new WeakMap(); // each span's text as the build drew it

const fill = (keeper) => {
  const stored = keeper.view().document;
  for (const span of document.querySelectorAll("span.debrief-ref[data-debrief-field]")) {
    if (!built.has(span)) built.set(span, span.textContent);
    const text = fieldValue(stored, span.dataset.debriefField) || built.get(span);
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
