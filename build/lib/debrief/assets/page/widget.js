// One widget on its page: a checklist, a worksheet, or any kind in kinds/. Its state flows one
// way: the keeper's document → answersFor() → the kind's show() → the controls. What the reader
// does becomes a change (a plain value) that the keeper applies and saves; the status line says
// truthfully whether it was saved.

import { lengthOf } from "../store/document.js";
import { keeperFor } from "../store/keeper.js";
import { openShare, sharedHash } from "./share.js";
import { translate } from "./strings.js";
import { startTools } from "./tools.js";
import { commitControl, refresh, say } from "./view.js";

// Notes over the site's limit (counted in characters, as the schema counts) stay on the page,
// unsaved, and the status line says so until they fit: nothing the reader typed is cut.
const typedNotes = (widget) => {
  const { notes, config } = widget;
  widget.section.querySelector(".debrief-notes-print").textContent = notes.value;
  const over = lengthOf(notes.value) - config.notes;
  widget.notesOver = over > 0 ? notes.value : null;
  if (over > 0) return say(widget, "");
  commitControl(widget, { type: "note", text: notes.value });
};

const listen = (widget) => {
  widget.section.addEventListener("input", (event) => {
    if (widget.shared) return;
    if (event.target === widget.notes) return typedNotes(widget);
    const change = widget.kind.changeOf(widget, event);
    if (change) commitControl(widget, change);
  });
};

// Sets up one widget section: `kind` is its module from kinds/, `site` where the site lives.
export const startWidget = (section, kind, site) => {
  const config = JSON.parse(section.dataset.config);
  const entry = {
    id: section.id,
    kind: section.dataset.debrief,
    previous: JSON.parse(section.dataset.previous || "{}"),
    ...kind.describe(section),
  };
  const widget = {
    section,
    kind,
    entry,
    config,
    t: translate(section),
    keeper: keeperFor(config, site.root, section.dataset.keep || "device"),
    notes: section.querySelector(".debrief-notes textarea"),
    shared: null, // the answers of a share link, while its preview shows
  };
  listen(widget);
  startTools(widget);
  refresh(widget);
  section.dataset.ready = "1";
  const hash = sharedHash(location.hash);
  if (hash && hash.id === entry.id) openShare(widget, hash);
  return widget;
};
