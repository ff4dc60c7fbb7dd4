// What the script tests share: the site's rules as a page hands them over (read from the JSON
// Schema, the one source of the limits), and a Storage held in memory that can fail on purpose.

import { readFileSync } from "node:fs";

const schemaPath = new URL("../../debrief/schema/document.schema.json", import.meta.url);
export const SCHEMA = JSON.parse(readFileSync(schemaPath, "utf8"));
const exportPath = new URL("../../debrief/schema/export.schema.json", import.meta.url);
export const EXPORT_SCHEMA = JSON.parse(readFileSync(exportPath, "utf8"));

const defs = SCHEMA.$defs;

// As Settings.script_config() in debrief/settings.py renders it for a site with the defaults.
export const CONFIG = {
  ns: "debrief.example.org",
  previous: ["debrief"],
  versions: "shared",
  notes: 2000,
  schema: defs.document.properties.v.const,
  prefix: "debrief:",
  id: `^(?=.{1,${defs.id.maxLength}}$)${defs.id.pattern.slice(1, -1)}$`,
  limits: {
    entries: defs.log.maxItems,
    label: defs.label.maxLength,
    id: defs["entry-id"].maxLength,
    notes: defs.notes.maxLength,
    widgets: defs.widgets.maxProperties,
    answers: defs.items.maxProperties,
    file: 10_000_000,
    fields: defs.fields.maxProperties,
    field: defs["field-value"].maxLength,
    fieldName: defs["field-name"].maxLength,
    recordTools: defs.records.maxProperties,
    records: defs["record-list"].maxProperties,
    recordValues: defs["record-values"].maxProperties,
    record: defs["record-value"].maxLength,
    choices: defs["record-values"].additionalProperties.oneOf[1].maxItems,
  },
};

export const AT = "2026-06-01T10:00:00.000Z";
export const LATER = "2026-06-02T10:00:00.000Z";

export const doc = (widgets = {}, log = []) => ({ v: CONFIG.schema, widgets, log });

export const entry = (id, date, ratings, more = {}) => ({
  id,
  worksheet: "sheet",
  label: `Interview ${id}`,
  date,
  ratings,
  notes: "",
  t: `${date}T18:00:00.000Z`,
  ...more,
});

const error = (name) => Object.assign(new Error(name), { name });

// A Storage in memory, as the browser's: getItem, setItem, removeItem, key, length, clear. It
// can refuse writes as a full disk does (`full`, or over `quota` characters) and refuse
// everything as a blocked browser does (`blocked`); `onSet` runs before each write lands.
export class MemoryStorage {
  constructor({ quota = Number.POSITIVE_INFINITY } = {}) {
    this.items = new Map();
    this.quota = quota;
    this.full = false;
    this.blocked = false;
    this.onSet = null;
  }

  #guard() {
    if (this.blocked) throw error("SecurityError");
  }

  get length() {
    this.#guard();
    return this.items.size;
  }

  key(index) {
    this.#guard();
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key) {
    this.#guard();
    return this.items.has(key) ? this.items.get(key) : null;
  }

  size() {
    let total = 0;
    for (const [key, value] of this.items) total += key.length + value.length;
    return total;
  }

  setItem(key, value) {
    this.#guard();
    const text = String(value);
    const grows = text.length - (this.items.get(key)?.length ?? -key.length);
    if (this.full || this.size() + grows > this.quota) throw error("QuotaExceededError");
    const hook = this.onSet;
    this.onSet = null;
    hook?.(key, text);
    this.items.set(key, text);
  }

  removeItem(key) {
    this.#guard();
    this.items.delete(key);
  }

  clear() {
    this.#guard();
    this.items.clear();
  }
}

// The strings a section of `kind` hands its script, in English, as Strings.for_script() in
// debrief/strings/__init__.py renders them (keys without their prefix).
const PREFIXES = {
  widget: ["script."],
  progress: ["app.", "progress."],
  "feedback-log": ["app.", "log."],
};
const english = JSON.parse(
  readFileSync(new URL("../../debrief/strings/en.json", import.meta.url), "utf8"),
);
export const sectionFor = (kind, lang = "en") => ({
  lang,
  dataset: {
    i18n: JSON.stringify(
      Object.fromEntries(
        Object.entries(english)
          .filter(([key]) => PREFIXES[kind].some((prefix) => key.startsWith(prefix)))
          .map(([key, value]) => [key.slice(key.indexOf(".") + 1), value]),
      ),
    ),
  },
});

// One tab's view of a Storage that several tabs share: what it writes goes to `wrote(key,
// newValue)` as well, for the storage event the other tabs hear; `before(key)` runs first.
export const tabView = (storage, { wrote, before = () => {} }) => ({
  get length() {
    return storage.length;
  },
  key: (index) => storage.key(index),
  getItem: (key) => storage.getItem(key),
  setItem: (key, value) => {
    before(key);
    storage.setItem(key, value);
    wrote(key, String(value));
  },
  removeItem: (key) => {
    before(key);
    storage.removeItem(key);
    wrote(key, null);
  },
});
