// A widget's less frequent actions, loaded by debrief.js when first needed: copying a link to
// the widget or a share link, opening a share link (a preview that writes nothing until the
// reader saves it, then adds to their answers, with Undo), resetting, and saving to the log.
// Each action gets the widget `w` that debrief.js set up.

import { isDay, persist } from "./debrief-store.js";

const SHARE = /^#share=[a-z0-9-]+:([a-z0-9=,-]*)$/;

// What this module shows (the share preview, the reset question) is styled by a sheet it adds
// to the page's head. Material's instant navigation drops what scripts added there, so it is
// added again whenever missing; both wait for it (or for its failing to load), so neither
// shows unstyled.
let sheet;
let styled;
const styles = () => {
  if (!sheet?.isConnected) {
    sheet = Object.assign(document.createElement("link"),
      { rel: "stylesheet", href: new URL("debrief-actions.css", import.meta.url).href });
    styled = new Promise((done) => { sheet.onload = sheet.onerror = done; });
    document.head.append(sheet);
  }
  return styled;
};

const points = (w) => w.groups.length && w.groups[0].querySelectorAll("input").length - 1;

const answers = (w) => ({
  items: Object.fromEntries(w.boxes.map((b) => [b.dataset.item, b.checked])),
  ratings: Object.fromEntries(w.groups.map((g) => [g.dataset.item, +g.querySelector("input:checked").value])),
});

// ---- Links -------------------------------------------------------------------------------------

const copyUrl = (w, hash, done) => {
  const url = `${location.href.split("#")[0]}#${hash}`;
  const told = (ok) => w.summarise(ok ? w.t(done) : w.t("copy-this", { url }));
  if (navigator.clipboard) navigator.clipboard.writeText(url).then(() => told(true), () => told(false));
  else told(false);
};

export const copy = (w) => copyUrl(w, w.root.id, "link-copied");

// Ticks and ratings only: notes never travel in a link.
export const share = (w) => {
  const { items, ratings } = answers(w);
  const chosen = w.groups.length
    ? Object.entries(ratings).filter(([, v]) => v).map(([id, v]) => `${id}=${v}`)
    : Object.keys(items).filter((id) => items[id]);
  copyUrl(w, `share=${w.root.id}:${chosen.join(",")}`, "share-copied");
};

// ---- A shared copy -------------------------------------------------------------------------------

// What saving the shared answers would do to the reader's own: it only adds ticks, and sets
// the ratings it has (changing those the reader gave otherwise).
const effect = (w, shared) => {
  const own = answers(w);
  const adds = Object.keys(shared.items).filter((id) => !own.items[id]).length +
    Object.keys(shared.ratings).filter((id) => !own.ratings[id]).length;
  const changes = Object.keys(shared.ratings).filter((id) => own.ratings[id] && own.ratings[id] !== shared.ratings[id]).length;
  const parts = [adds && w.t("share-adds", { count: adds }), changes && w.t("share-changes", { count: changes })];
  return parts.filter(Boolean).join(" ") || w.t("share-same");
};

const controls = (w) => [...w.root.querySelectorAll("input, textarea, form button, [data-act=reset]")];
const banner = (w) => w.one(".debrief-share");

const end = (w) => {
  controls(w).forEach((c) => { c.disabled = false; });
  w.shared = null;
  history.replaceState(history.state, "", `#${w.root.id}`);
  w.refresh();
};

// Only ids this widget has, and ratings on its scale, make it into the preview; then the one
// validator has its say, as for every answer the site reads.
export const open = async (w) => {
  await styles();
  const payload = (SHARE.exec(location.hash) || [])[1] || "";
  const state = { items: {}, ratings: {} };
  for (const part of payload.split(",").filter(Boolean)) {
    const [id, value] = part.split("=");
    if (w.boxes.some((b) => b.dataset.item === id)) state.items[id] = true;
    else if (w.groups.some((g) => g.dataset.item === id) && value > 0 && value <= points(w)) state.ratings[id] = +value;
  }
  const checked = window.debrief.check(w.config, { widgets: { [w.root.id]: state } }).doc.widgets[w.root.id];
  const change = effect(w, checked);
  w.shared = checked;
  controls(w).forEach((c) => { c.disabled = true; });
  w.show(checked);
  w.summarise("");
  banner(w).hidden = false;
  banner(w).querySelector("p").textContent = `${w.t("shared", { progress: w.one(".debrief-progress").textContent })} ${change}`;
  banner(w).focus();
};

export const accept = (w) => {
  const { items, ratings } = w.shared;
  w.before = window.debrief.read(w.config).widgets[w.root.id];
  end(w);
  w.save({ items, ratings });
  w.refresh();
  let undo = w.one("[data-act=undo]");
  if (!undo) {
    undo = w.one("[data-act=accept]").cloneNode();
    undo.dataset.act = "undo";
    undo.textContent = w.t("undo");
    banner(w).append(undo);
  }
  w.one("[data-act=accept]").hidden = true;
  undo.hidden = false;
  banner(w).querySelector("p").textContent = w.t("share-saved");
  undo.focus();
};

// Puts the widget's answers back as they were before the shared ones were saved.
export const undo = (w) => {
  const { before } = w;
  const result = window.debrief.update(w.config, (doc) => {
    if (before) doc.widgets[w.root.id] = before;
    else delete doc.widgets[w.root.id];
  });
  decline(w);
  w.refresh();
  w.summarise(w.t(result === "saved" ? "undone" : result));
};

export const decline = (w) => {
  if (w.shared) end(w);
  banner(w).hidden = true;
  w.one("[data-act=accept]").hidden = false;
  w.one("[data-act=undo]")?.remove();
};

// ---- Reset -------------------------------------------------------------------------------------

export const reset = async (w) => {
  await styles();
  w.one(".debrief-confirm").hidden = false;
  w.one("[data-act=confirm]").focus();
};

export const cancel = (w) => {
  w.one(".debrief-confirm").hidden = true;
  w.one("[data-act=reset]").focus();
};

export const confirm = (w) => {
  const { items, ratings } = answers(w);
  w.show({});
  w.save({ items: Object.fromEntries(Object.keys(items).map((id) => [id, false])),
    ratings: Object.fromEntries(Object.keys(ratings).map((id) => [id, 0])), notes: "" }, "cleared");
  cancel(w);
};

// ---- Save to log: the current ratings as a dated entry, within the limits an import checks ----

const entryOf = (w, form) => ({
  id: `e${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
  worksheet: w.root.id,
  label: form.label.value.trim().slice(0, w.config.limits.label),
  date: form.date.value,
  ratings: Object.fromEntries(Object.entries(answers(w).ratings).filter(([, v]) => v)),
  notes: w.notes ? w.notes.value : "",
  t: new Date().toISOString(),
});

export const log = (w) => {
  if (w.shared) return;
  const form = w.one(".debrief-log-form");
  const entry = entryOf(w, form);
  if (!isDay(entry.date)) return w.summarise(w.t("bad-date"));
  const { entries } = w.config.limits;
  if (window.debrief.read(w.config).log.length >= entries) return w.summarise(w.t("log-full", { max: entries }));
  const result = window.debrief.update(w.config, (doc) => {
    if (!doc.log.some((e) => e.id === entry.id)) doc.log.push(entry);
  });
  if (result === "saved") form.label.value = "";
  if (result === "saved") persist(); // the log is worth asking the browser to keep
  w.summarise(w.t(result === "saved" ? "logged" : result));
};
