// Debrief widgets: checklists and worksheets that keep a reader's answers in this browser only.
// One module, no framework. Each widget's answers are versioned JSON in localStorage under
// "debrief:<site namespace>:<widget id>"; nothing is ever sent anywhere.
(() => {
  "use strict";
  const VERSION = 1;
  const memory = {}; // answers kept for this visit when the browser refuses storage
  let storing = true;

  const refuse = () => {
    storing = false;
    document.querySelectorAll(".debrief-notice").forEach((n) => { n.hidden = false; });
  };

  const load = (key) => {
    let raw = null;
    try { raw = localStorage.getItem(key); } catch { refuse(); }
    try {
      const data = raw && JSON.parse(raw);
      if (data && data.v === VERSION) return data;
    } catch { /* unreadable: start afresh, the next save replaces it */ }
    return memory[key] || { v: VERSION };
  };

  const save = (key, data) => {
    data.t = new Date().toISOString();
    memory[key] = data;
    if (!storing) return;
    try { localStorage.setItem(key, JSON.stringify(data)); } catch { refuse(); }
  };

  const setup = (root) => {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    const key = `debrief:${root.dataset.ns}:${root.id}`;
    const one = (s) => root.querySelector(s);
    const all = (s) => [...root.querySelectorAll(s)];
    const progress = one(".debrief-progress");
    const saved = one(".debrief-saved");
    const confirm = one(".debrief-confirm");
    const boxes = all("input[type=checkbox][data-item]");
    const groups = all("fieldset[data-item]");
    const notes = one("textarea");
    const printed = one(".debrief-notes-print");
    const weakest = one(".debrief-weakest");
    let data = load(key);

    const show = () => {
      const ticks = data.items || {};
      boxes.forEach((b) => { b.checked = !!ticks[b.dataset.item]; });
      const ratings = data.ratings || {};
      groups.forEach((g) => {
        const chosen = g.querySelector(`input[value="${ratings[g.dataset.item] | 0}"]`);
        (chosen || g.querySelector("input")).checked = true;
      });
      if (notes) printed.textContent = notes.value = data.notes || "";
    };

    const read = () => {
      data.items = data.items || {};
      boxes.forEach((b) => {
        if (b.checked) data.items[b.dataset.item] = true;
        else delete data.items[b.dataset.item];
      });
      data.ratings = data.ratings || {};
      groups.forEach((g) => {
        const value = +g.querySelector("input:checked").value;
        if (value) data.ratings[g.dataset.item] = value;
        else delete data.ratings[g.dataset.item];
      });
      if (notes) printed.textContent = data.notes = notes.value;
    };

    const summarise = (note) => {
      if (!groups.length) {
        const done = boxes.filter((b) => b.checked).length;
        progress.textContent = `${done} of ${boxes.length} done.`;
      } else {
        const rated = groups
          .map((g) => [g, g.querySelector("input:checked")])
          .filter(([, r]) => +r.value);
        const points = groups[0].querySelectorAll("input").length - 1;
        const mean = rated.reduce((sum, [, r]) => sum + +r.value, 0) / rated.length;
        progress.textContent = `${rated.length} of ${groups.length} rated` +
          (rated.length ? `, average ${mean.toFixed(1)} of ${points}.` : ".");
        const lowest = rated.sort((a, b) => a[1].value - b[1].value).slice(0, 2);
        weakest.querySelector("ul").replaceChildren(...lowest.map(([g, r]) => {
          const li = document.createElement("li");
          const link = g.querySelector(".debrief-guide a");
          li.textContent = `${g.querySelector("legend").textContent}: ` +
            `${r.parentNode.querySelector(".debrief-level").textContent}. `;
          if (link) li.append(link.cloneNode(true));
          return li;
        }));
        weakest.hidden = !lowest.length;
      }
      saved.textContent = note ? ` ${note}` : "";
    };

    const change = () => {
      read();
      save(key, data);
      summarise(storing ? "Saved on this device." : "Not saved: this browser blocks storage.");
    };

    const act = {
      reset: () => { confirm.hidden = false; one("[data-act=confirm]").focus(); },
      cancel: () => { confirm.hidden = true; one("[data-act=reset]").focus(); },
      confirm: () => {
        data = { v: VERSION };
        save(key, data);
        show();
        act.cancel();
        summarise("Cleared.");
      },
      copy: () => {
        const url = `${location.href.split("#")[0]}#${root.id}`;
        const told = (ok) => summarise(ok ? "Link copied." : `Copy this link: ${url}`);
        if (navigator.clipboard) navigator.clipboard.writeText(url).then(() => told(true), () => told(false));
        else told(false);
      },
    };

    root.addEventListener("change", (e) => { if (e.target.matches("input")) change(); });
    root.addEventListener("click", (e) => {
      const button = e.target.closest("[data-act]");
      if (button) act[button.dataset.act]();
    });
    if (notes) notes.addEventListener("input", change);
    one(".debrief-tools").hidden = false;
    one(".debrief-notice").hidden = storing;
    show();
    summarise("");
  };

  const start = () => document.querySelectorAll(".debrief[data-debrief]").forEach(setup);
  // Material's instant navigation swaps pages without reloading: it announces each on document$.
  if (window.document$) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
