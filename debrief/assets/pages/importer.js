// Importing an export file on the progress page. The file is checked as everything the site
// reads is (store/document.js: check, with each worksheet's own scale); the reader sees what
// cannot be read, and what Merge and Replace would each change; a backup of their answers is
// kept before either, and Undo takes back exactly what the import changed.

import { button, el } from "../page/dom.js";
import { apply, check, counted, footprint, shown } from "../store/document.js";
import { get, isRecord, parse } from "../store/records.js";
import { outcomeKey, redraw, settled } from "./frame.js";

const WRAPPER = ["format", "version", "site", "exported"];
const NAMESPACE = /^[A-Za-z0-9._-]{1,100}$/;

// Why the file cannot be imported at all ([string key, values]), or null.
const refusal = (data, config) => {
  if (!isRecord(data) || get(data, "format") !== "debrief") return ["no-mark"];
  const version = get(data, "version");
  if (!Number.isInteger(version) || version < 1) return ["bad-version"];
  if (version > config.schema) return ["newer"];
  if (version < config.schema) return ["bad-version"];
  const site = get(data, "site");
  if (site !== config.ns && !config.previous.includes(site)) {
    return typeof site === "string" && NAMESPACE.test(site)
      ? ["other-site", { site: shown(site) }]
      : ["no-site"];
  }
  return null;
};

// The file's readable answers, and the problems to list.
const read = (text, page) => {
  const { config, manifest } = page;
  const data = parse(text);
  if (data === undefined) return { refused: ["not-json"] };
  const refused = refusal(data, config);
  if (refused) return { refused };
  const log = get(data, "log");
  if (Array.isArray(log) && log.length > config.limits.entries) {
    return { refused: ["too-many", { max: config.limits.entries }] };
  }
  const scales = Object.fromEntries(
    manifest.widgets
      .filter((widget) => widget.scale)
      .map((widget) => [widget.id, widget.scale.length]),
  );
  const answers = Object.fromEntries(
    Object.keys(data)
      .filter((key) => !WRAPPER.includes(key))
      .map((key) => [key, data[key]]),
  );
  const { document, problems } = check(answers, config, scales);
  return { document, problems };
};

// Tools with answers: a list's records count its tool too.
const sizes = (t, document) => ({
  tools: t("tools", {
    count: new Set([...Object.keys(document.widgets), ...Object.keys(document.records ?? {})]).size,
  }),
  entries: t("entries", { count: document.log.length }),
});

const effectText = (t, steps) => {
  const counts = counted(steps);
  const parts = ["ticks", "ratings", "notes", "entries", "records"]
    .filter((part) => counts[part])
    .map((part) => t(part, { count: counts[part] }));
  if (!parts.length) return t("no-change");
  return t("will-change", { list: new Intl.ListFormat(t.lang).format(parts) });
};

// ---- Merge or replace ---------------------------------------------------------------------------

const importChange = (theirs, replace) => ({
  type: replace ? "replace" : "merge",
  answers: {
    widgets: theirs.widgets,
    log: theirs.log,
    fields: theirs.fields,
    records: theirs.records,
  },
  at: new Date().toISOString(),
});

// Saves the import after a backup; if there is no room for the backup, nothing is imported.
const save = (page, theirs, replace) => {
  const { keeper, t, config } = page;
  const change = importChange(theirs, replace);
  const mine = keeper.view();
  if (mine.held) return redraw(t("import-held"));
  const merged = apply(mine.document, change);
  if (merged.log.length > config.limits.entries) {
    return redraw(t("too-long", { max: config.limits.entries }));
  }
  const lists = Object.values(merged.records ?? {});
  if (lists.some((list) => Object.keys(list).length > config.limits.records)) {
    return redraw(t("too-long-list", { max: config.limits.records }));
  }
  if (!keeper.keepBackup()) return redraw(t("no-backup"));
  const { outcome, before, after } = keeper.commit(change);
  if (outcome !== "saved") return redraw(t(`import-${outcome}`));
  navigator.storage?.persist?.().catch(() => {});
  page.lastImport = { type: "undo", footprint: footprint(before, after) };
  redraw(t("imported", sizes(t, theirs)));
};

// Undo, until the page is left: puts back what the import changed, where it still holds.
const undoButton = (page) => {
  const { keeper, t } = page;
  if (!page.lastImport) return null;
  const undo = () => {
    const { outcome } = keeper.commit({ ...page.lastImport, at: new Date().toISOString() });
    if (outcome === "saved") page.lastImport = null;
    redraw(t(outcomeKey(outcome, "import-undone")));
  };
  return el("p", { class: "debrief-actions" }, button(t("undo-import"), undo));
};

const offer = (page, choice, theirs, clear) => {
  const { t, keeper } = page;
  const mine = keeper.view().document;
  const after = (replace) => apply(mine, importChange(theirs, replace));
  choice.replaceChildren(
    el("p", {}, t("file-has", sizes(t, theirs))),
    el(
      "ul",
      {},
      el("li", {}, t("merge-effect", { effect: effectText(t, footprint(mine, after(false))) })),
      el("li", {}, t("replace-effect", { effect: effectText(t, footprint(mine, after(true))) })),
    ),
    el(
      "p",
      { class: "debrief-actions" },
      button(t("merge"), () => save(page, theirs, false)),
      " ",
      button(t("replace"), () => save(page, theirs, true)),
      " ",
      button(t("cancel"), clear),
    ),
  );
  choice.querySelector("button").focus();
};

// ---- The file field and its error summary -------------------------------------------------------

// As in GOV.UK's error summary: focus moves to it, and each link puts the focus on the field it
// is about; the theme's instant navigation must not see the click, or it moves the focus back.
const showErrors = (page, errors, field, problems, more) => {
  const { t } = page;
  const toField = (event) => {
    event.preventDefault();
    event.stopPropagation();
    field.focus();
  };
  const listed = problems.slice(0, 20).map(([key, values]) => t(key, values));
  if (problems.length > 20) listed.push(t("more-problems", { count: problems.length - 20 }));
  errors.replaceChildren(
    el("h3", {}, t("problem")),
    el(
      "ul",
      {},
      listed.map((text) => el("li", {}, el("a", { href: `#${field.id}`, onclick: toField }, text))),
    ),
    more ? el("p", {}, t("rest-importable")) : null,
  );
  errors.hidden = false;
  errors.focus();
};

const chosen = async (page, field, errors, choice, clear) => {
  const { t, config } = page;
  errors.hidden = true;
  choice.replaceChildren();
  const file = field.files[0];
  if (!file) return;
  if (file.size > config.limits.file) {
    const size = new Intl.NumberFormat(t.lang, { style: "unit", unit: "megabyte" });
    return showErrors(page, errors, field, [
      ["too-large", { size: size.format(config.limits.file / 1e6) }],
    ]);
  }
  const { refused, document, problems } = read(await file.text(), page);
  if (refused) return showErrors(page, errors, field, [refused]);
  // The choice first, then the problems: the focus ends on what the reader must read first.
  const readable =
    Object.keys(document.widgets).length +
      document.log.length +
      Object.keys(document.fields ?? {}).length +
      Object.keys(document.records ?? {}).length >
    0;
  if (!problems.length || readable) offer(page, choice, document, clear);
  if (problems.length) showErrors(page, errors, field, problems, readable);
};

export const importer = (page) => {
  const field = el("input", {
    type: "file",
    id: "debrief-import-file",
    accept: ".json,application/json",
  });
  const choice = el("div", { class: "debrief-import-choice" });
  const errors = el("div", {
    class: "debrief-error-summary",
    role: "alert",
    tabindex: "-1",
    hidden: true,
  });
  const clear = () => {
    choice.replaceChildren();
    field.value = "";
    settled();
  };
  field.addEventListener("change", () => chosen(page, field, errors, choice, clear));
  const label = el("label", { for: field.id }, page.t("import"), " ");
  return [undoButton(page), errors, el("p", {}, label, field), choice];
};
