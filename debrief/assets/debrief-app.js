// Debrief's progress page and feedback log: shared helpers and the loader. Each page's own code
// is a module of its own, loaded only on that page. Everything shown is built from the answers
// saved in this browser and the build's manifest; text from storage or an imported file is only
// ever set as text, never parsed as HTML.

export const MAX_NOTES = 2000;
export const ID = /^[a-z][a-z0-9-]{0,63}$/;

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
export const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
export const today = () => new Date().toLocaleDateString("sv"); // local date as YYYY-MM-DD

export const confirmBar = (question, yes, onyes) => {
  const bar = el("p", { class: "debrief-confirm" }, el("span", {}, question), " ");
  bar.append(button(yes, () => { onyes(); bar.remove(); }), " ",
    button("Cancel", () => { const back = bar.previousElementSibling; bar.remove(); back?.focus(); }));
  return bar;
};

let draws = [];
export const redraw = (message) => draws.forEach((draw) => draw(message));

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
  draws = roots.map((root, n) => {
    const place = root.querySelector(".debrief-app-root");
    // One live region that outlives every redraw, so each message is announced.
    const status = el("p", { role: "status", class: "debrief-status" });
    place.before(status);
    root.querySelector(".debrief-noscript").hidden = true;
    return (message = "") => {
      const drawn = performance.now();
      pages[n].draw(api, JSON.parse(root.dataset.config).ns, manifest, place, home);
      root.dataset.drawMs = (performance.now() - drawn).toFixed(1);
      status.textContent = message;
    };
  });
  redraw();
  roots.forEach((root) => { root.dataset.readyMs = (performance.now() - began).toFixed(1); });
  api.onchange = () => redraw("Updated from another tab.");
}

addEventListener("afterprint", () => document.documentElement.classList.remove("debrief-printing"));
