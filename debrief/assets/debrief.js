// Debrief widgets: checklists and worksheets that keep a reader's answers in this browser only.
// One module, no framework. All of a site's answers are one versioned JSON document in
// localStorage under "debrief:<site namespace>"; nothing is sent anywhere.
(() => {
  "use strict";
  const VERSION = 2;
  const assets = new URL(".", document.currentScript.src).href;
  const memory = {}; // the documents, kept for this visit when the browser refuses storage
  const live = new Set(); // widgets on the current page, refreshed when another tab saves
  let storing = true;
  let persisting = false;

  const keyOf = (ns) => `debrief:${ns}`;
  const blank = () => ({ v: VERSION, widgets: {}, log: [] });
  const now = () => new Date().toISOString();

  const refuse = () => {
    storing = false;
    document.querySelectorAll(".debrief-notice").forEach((n) => { n.hidden = false; });
  };

  // Version 1 kept one key per widget ("debrief:<ns>:<id>"); gather them into one document.
  const migrate = (ns) => {
    const doc = blank();
    const old = Object.keys(localStorage).filter((key) => {
      try {
        const { v, ...state } = JSON.parse(localStorage.getItem(key));
        if (v !== 1 || !key.startsWith(`${keyOf(ns)}:`)) return false;
        doc.widgets[key.slice(keyOf(ns).length + 1)] = state;
        return true;
      } catch { return false; } // not ours, or unreadable: left alone
    });
    if (old.length && write(ns, doc)) old.forEach((k) => localStorage.removeItem(k));
    return doc;
  };

  const read = (ns) => {
    let raw;
    try { raw = storing && localStorage.getItem(keyOf(ns)); } catch { refuse(); }
    if (!storing) return memory[ns] || (memory[ns] = blank());
    let doc;
    try { doc = JSON.parse(raw); } catch { /* unreadable: start afresh, the next save replaces it */ }
    return doc && doc.v === VERSION ? doc : migrate(ns);
  };

  const write = (ns, doc) => {
    doc.t = now();
    memory[ns] = doc;
    if (!storing) return false;
    try { localStorage.setItem(keyOf(ns), JSON.stringify(doc)); } catch { refuse(); return false; }
    if (!persisting && navigator.storage && navigator.storage.persist) {
      persisting = true;
      navigator.storage.persist().catch(() => {});
    }
    return true;
  };

  const update = (ns, change) => { const doc = read(ns); change(doc); write(ns, doc); return doc; };

  const setup = (root) => {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    const ns = JSON.parse(root.dataset.config).ns;
    const one = (s) => root.querySelector(s);
    const all = (s) => [...root.querySelectorAll(s)];
    const progress = one(".debrief-progress");
    const saved = one(".debrief-saved");
    const confirm = one(".debrief-confirm");
    const banner = one(".debrief-share");
    const form = one(".debrief-log-form");
    const boxes = all("input[type=checkbox][data-item]");
    const groups = all("fieldset[data-item]");
    const notes = one("textarea");
    const printed = one(".debrief-notes-print");
    const weakest = one(".debrief-weakest");
    const previous = JSON.parse(root.dataset.previous || "{}");
    let shared = null; // answers from a share link, shown until the reader accepts or dismisses

    // A renamed widget or item finds its answers under the ids it had before.
    const pick = (map, id) => (map && id in map ? map[id]
      : (previous[id] || []).map((old) => map && map[old]).find((v) => v !== undefined));
    const stateOf = (doc) => doc.widgets[root.id] ||
      (previous[root.id] || []).map((old) => doc.widgets[old]).find(Boolean) || {};

    const show = (state) => {
      boxes.forEach((b) => { b.checked = !!pick(state.items, b.dataset.item); });
      groups.forEach((g) => {
        const value = pick(state.ratings, g.dataset.item) | 0;
        (g.querySelector(`input[value="${value}"]`) || g.querySelector("input")).checked = true;
      });
      if (notes) printed.textContent = notes.value = state.notes || "";
    };

    const answers = () => ({
      items: Object.fromEntries(boxes.map((b) => [b.dataset.item, b.checked])),
      ratings: Object.fromEntries(groups.map((g) => [g.dataset.item,
        +g.querySelector("input:checked").value])),
    });

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

    const refresh = () => { if (!shared) { show(stateOf(read(ns))); summarise(""); } };

    const change = () => {
      if (shared) return;
      update(ns, (doc) => {
        const state = doc.widgets[root.id] = { ...stateOf(doc), t: now() };
        const given = answers();
        state.items = { ...state.items, ...given.items };
        state.ratings = { ...state.ratings, ...given.ratings };
        if (notes) printed.textContent = state.notes = notes.value;
      });
      summarise(storing ? "Saved on this device." : "Not saved: this browser blocks storage.");
    };

    const preview = (on) => {
      all("input, textarea, form button").forEach((c) => { c.disabled = on; });
      banner.hidden = !on;
      if (on) {
        show(shared);
        summarise("");
        banner.querySelector("p").textContent = `This is a shared copy: ${progress.textContent} ` +
          "Nothing is saved on this device unless you choose to.";
        banner.focus();
      } else {
        shared = null;
        history.replaceState(history.state, "", `#${root.id}`);
        refresh();
      }
    };

    const act = {
      reset: () => { confirm.hidden = false; one("[data-act=confirm]").focus(); },
      cancel: () => { confirm.hidden = true; one("[data-act=reset]").focus(); },
      confirm: () => {
        boxes.forEach((b) => { b.checked = false; });
        groups.forEach((g) => { g.querySelector("input").checked = true; });
        if (notes) notes.value = "";
        change();
        act.cancel();
        summarise("Cleared.");
      },
      copy: (hash = root.id, what = "Link") => {
        const url = `${location.href.split("#")[0]}#${hash}`;
        const told = (ok) => summarise(ok ? `${what} copied.` : `Copy this link: ${url}`);
        if (navigator.clipboard) navigator.clipboard.writeText(url).then(() => told(true), () => told(false));
        else told(false);
      },
      // Ticks and ratings only: notes never travel in a link.
      share: () => {
        const { items, ratings } = answers();
        const chosen = groups.length
          ? Object.entries(ratings).filter(([, v]) => v).map(([id, v]) => `${id}=${v}`)
          : Object.keys(items).filter((id) => items[id]);
        act.copy(`share=${root.id}:${chosen.join(",")}`, "Share link");
      },
      accept: () => {
        const answers = { ...shared, notes: stateOf(read(ns)).notes }; // links carry no notes
        preview(false);
        show(answers);
        change();
      },
      decline: () => preview(false),
    };

    const open = (payload) => {
      const state = { items: {}, ratings: {} };
      const points = groups.length && groups[0].querySelectorAll("input").length - 1;
      for (const part of payload.split(",").filter(Boolean)) {
        const [id, value] = part.split("=");
        if (boxes.some((b) => b.dataset.item === id)) state.items[id] = true;
        else if (groups.some((g) => g.dataset.item === id) && value > 0 && value <= points) {
          state.ratings[id] = +value;
        }
      }
      shared = state;
      preview(true);
    };

    root.addEventListener("change", (e) => { if (e.target.matches("input:not(form input)")) change(); });
    root.addEventListener("click", (e) => {
      const button = e.target.closest("[data-act]");
      if (button) act[button.dataset.act]();
    });
    if (notes) notes.addEventListener("input", change);
    if (form) {
      form.hidden = false;
      form.date.value = new Date().toLocaleDateString("sv"); // today, local, as YYYY-MM-DD
      form.addEventListener("submit", (e) => {
        e.preventDefault();
        if (shared) return;
        const { ratings } = answers();
        update(ns, (doc) => doc.log.push({
          id: `e${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
          worksheet: root.id,
          label: form.label.value.trim(),
          date: form.date.value,
          ratings: Object.fromEntries(Object.entries(ratings).filter(([, v]) => v)),
          notes: notes ? notes.value : "",
          t: now(),
        }));
        form.label.value = "";
        summarise("Saved to your feedback log.");
      });
    }
    one(".debrief-tools").hidden = false;
    one(".debrief-notice").hidden = storing;
    live.add(refresh);
    refresh();
    const link = /^#share=([a-z0-9-]+):([a-z0-9=,-]*)$/.exec(location.hash);
    if (link && link[1] === root.id) open(link[2]);
  };

  const api = { assets, read, write, update, storing: () => storing, blank, onchange: null };
  window.debrief = api;

  const start = () => {
    live.clear();
    api.onchange = null;
    document.querySelectorAll(".debrief[data-debrief]").forEach((root) => {
      delete root.dataset.ready;
      setup(root);
    });
    const apps = document.querySelectorAll("section[data-debrief-app]");
    if (apps.length) import(`${assets}debrief-app.js`).then((app) => app.start(api, [...apps]));
  };

  // Another tab saved: show its answers here too.
  window.addEventListener("storage", (e) => {
    if (e.key !== null && !e.key.startsWith("debrief:")) return;
    live.forEach((refresh) => refresh());
    if (api.onchange) api.onchange();
  });

  // Material's instant navigation swaps pages without reloading: it announces each on document$.
  if (window.document$) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
