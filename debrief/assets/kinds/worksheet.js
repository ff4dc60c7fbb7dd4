// A worksheet: criteria a reader rates on a scale, with notes. Answers:
// { ratings: { CRITERION-ID: 0 (not rated) to the number of points }, notes }.

import { recordName, recordsOf } from "../store/document.js";

const groupsOf = (section) => [...section.querySelectorAll("fieldset[data-item]")];

// The ratings on this worksheet's scale, as [item, value] for the criteria rated.
const ratedOf = (entry, answers) =>
  entry.items
    .map((item) => [item, answers.ratings[item.id] ?? 0])
    .filter(([, value]) => Number.isInteger(value) && value >= 1 && value <= entry.scale.length);

const mean = (rated) => rated.reduce((sum, [, value]) => sum + value, 0) / rated.length;

// The records of the entries tool the worksheet's `stories` link names (a story bank) that are
// tagged with the criterion (a choice of several whose options are the criteria's labels), each
// linked; or that none is.
const storiesFor = ({ keeper, t }, stories, item) => {
  const [page, tool] = stories.href.split("#");
  const records = recordsOf(keeper.view().document, tool);
  const tagged = records.filter((record) =>
    Object.values(record.values).some((value) => Array.isArray(value) && value.includes(item.text)),
  );
  if (!tagged.length) return [t("stories-none")];
  const links = tagged.flatMap((record, n) => {
    const link = document.createElement("a");
    link.href = `${page}#${tool}--${record.id}`;
    const number = records.indexOf(record) + 1;
    link.textContent = recordName(record.values) || t("record-untitled", { number });
    return n ? [", ", link] : [link];
  });
  return [t("stories-for"), " ", ...links];
};

// The two lowest-rated criteria, each with the level chosen, its guide link and its stories.
const showWeakest = (widget, entry, rated) => {
  const { section, t } = widget;
  const box = section.querySelector(".debrief-weakest");
  const stories = box.querySelector(".debrief-stories");
  const lowest = [...rated].sort((a, b) => a[1] - b[1]).slice(0, 2);
  box.querySelector("ul").replaceChildren(
    ...lowest.map(([item, value]) => {
      const group = section.querySelector(`fieldset[data-item="${CSS.escape(item.id)}"]`);
      const line = document.createElement("li");
      const link = group.querySelector(".debrief-guide a");
      line.append(t("weakest-item", { criterion: item.text, level: entry.scale[value - 1] }));
      if (link) line.append(" ", link.cloneNode(true));
      if (stories) line.append(" ", ...storiesFor(widget, stories, item));
      return line;
    }),
  );
  box.hidden = !lowest.length;
};

export default {
  describe: (section) => {
    const groups = groupsOf(section);
    return {
      items: groups.map((group) => ({
        id: group.dataset.item,
        text: group.querySelector("legend").textContent.trim(),
      })),
      scale: groups.length
        ? [...groups[0].querySelectorAll(".debrief-level")]
            .slice(1)
            .map((level) => level.textContent)
        : [],
    };
  },

  show(widget, answers) {
    const { section, entry } = widget;
    for (const group of groupsOf(section)) {
      const value = answers.ratings[group.dataset.item] ?? 0;
      const radio = group.querySelector(`input[value="${value}"]`) ?? group.querySelector("input");
      radio.checked = true;
    }
    showWeakest(widget, entry, ratedOf(entry, answers));
  },

  // On paper (page/print.js): one row per criterion with the level chosen and what that level
  // means (its anchor, when the worksheet has them), then the notes.
  sheet({ section, t }) {
    const described = section.querySelector(".debrief-anchor");
    const rows = groupsOf(section).map((group) => {
      const chosen = group.querySelector("input:checked")?.closest("label");
      const text = (selector) => chosen?.querySelector(selector)?.textContent ?? "";
      const row = [group.querySelector("legend").textContent.trim(), text(".debrief-level")];
      return described ? [...row, text(".debrief-anchor")] : row;
    });
    const head = [t("print-criterion"), t("print-level"), t("print-description")];
    const notes = section.querySelector(".debrief-notes");
    return {
      head: head.slice(0, rows[0]?.length),
      rows,
      notes: notes && [
        notes.querySelector("label").textContent,
        notes.querySelector("textarea").value,
      ],
    };
  },

  changeOf(_widget, event) {
    const radio = event.target;
    if (radio.type !== "radio") return null;
    const item = radio.closest("fieldset[data-item]").dataset.item;
    return { type: "rate", item, value: Number(radio.value) };
  },

  cleared: (entry) => ({
    ratings: Object.fromEntries(entry.items.map((item) => [item.id, 0])),
    notes: "",
  }),

  count: (entry, answers) => ({ done: ratedOf(entry, answers).length, total: entry.items.length }),

  progress(entry, answers, t) {
    const rated = ratedOf(entry, answers);
    if (!rated.length) return t("rated", { count: 0, total: entry.items.length });
    const average = mean(rated).toLocaleString(t.lang, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    return t("average", {
      count: rated.length,
      total: entry.items.length,
      mean: average,
      points: entry.scale.length,
    });
  },

  summary: (entry, answers, t) =>
    entry.items.map((item) => {
      const value = answers.ratings[item.id] ?? 0;
      const level = entry.scale[value - 1] ?? t("not-rated");
      return ["li", t("summary-rating", { criterion: item.text, level })];
    }),

  // A share link lists the ratings given: "#share=WIDGET:criterion-a=3,criterion-b=4".
  share: {
    encode: (entry, answers) =>
      ratedOf(entry, answers).map(([item, value]) => `${item.id}=${value}`),
    decode: (entry, parts) => {
      const known = new Set(entry.items.map((item) => item.id));
      const ratings = {};
      let unknown = 0;
      for (const part of parts) {
        const [id, value, ...more] = part.split("=");
        if (more.length || !/^\d+$/.test(value ?? "")) return null;
        const points = Number(value);
        if (known.has(id) && points >= 1 && points <= entry.scale.length) ratings[id] = points;
        else unknown += 1;
      }
      return { answers: { ratings }, unknown };
    },
  },
};
