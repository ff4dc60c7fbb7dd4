// The registry of widget kinds. Each kind is one module in this folder, named after its block
// (`/// checklist` → checklist.js), whose default export says how to read its section, show its
// answers, turn a reader's input into a change, count, summarise and share them:
//
//   describe(section)                      → { items: [{ id, text }], scale? }, as the manifest
//   show({ section, entry, t }, answers)      the answers onto the controls
//   changeOf({ section, entry, t }, event) → a change (store/document.js), or null
//   cleared(entry)                         → the answers a reset sets
//   count(entry, answers)                  → { done, total }, for the progress page
//   progress(entry, answers, t)            → the widget's status line
//   summary(entry, answers, t)             → the blocks of a summary for a coach (pages/summary.js)
//   share.encode(entry, answers)           → the parts of a share link
//   share.decode(entry, parts)             → { answers, unknown }, or null for a damaged link
//   sheet({ section, entry, t })           → optional: the tool as a table for "Print this
//                                            tool", { head?, rows, notes? } (page/print.js);
//                                            without it the tool prints as it is shown
//
// `entry` is the widget as the manifest lists it (debrief/collect.py); `answers` come from
// answersFor() in store/document.js. The built-in kinds come with this module, so a page's
// widgets start at once; any other kind is loaded by name, only on the pages that have one.

import checklist from "./checklist.js";
import worksheet from "./worksheet.js";

const BUILT_IN = { checklist, worksheet };
const loaded = new Map();

// The kind `name`: at once when it is built in, else a promise of it.
export const kindOf = (name) => {
  if (Object.hasOwn(BUILT_IN, name)) return BUILT_IN[name];
  if (!/^[a-z][a-z-]*$/.test(name)) return Promise.reject(new Error(`no widget kind "${name}"`));
  if (!loaded.has(name))
    loaded.set(
      name,
      import(`./${name}.js`).then((module) => module.default),
    );
  return loaded.get(name);
};
