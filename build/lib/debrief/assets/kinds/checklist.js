// A checklist: items a reader ticks. Answers: { items: { ITEM-ID: true | false } }.

const boxesOf = (section) => [...section.querySelectorAll("input[type=checkbox][data-item]")];

const doneOf = (entry, answers) => entry.items.filter((item) => answers.items[item.id] === true);

export default {
  describe: (section) => ({
    items: boxesOf(section).map((box) => ({
      id: box.dataset.item,
      text: box.closest("label").textContent.trim(),
    })),
  }),

  show({ section }, answers) {
    for (const box of boxesOf(section)) box.checked = answers.items[box.dataset.item] === true;
  },

  changeOf(_widget, event) {
    const box = event.target;
    if (box.type !== "checkbox" || !box.dataset.item) return null;
    return { type: "tick", item: box.dataset.item, value: box.checked };
  },

  cleared: (entry) => ({ items: Object.fromEntries(entry.items.map((item) => [item.id, false])) }),

  count: (entry, answers) => ({ done: doneOf(entry, answers).length, total: entry.items.length }),

  progress: (entry, answers, t) =>
    t("done", { count: doneOf(entry, answers).length, total: entry.items.length }),

  summary: (entry, answers) =>
    entry.items.map((item) => ["tick", item.text, answers.items[item.id] === true]),

  // A share link lists the items ticked: "#share=WIDGET:item-a,item-b".
  share: {
    encode: (entry, answers) => doneOf(entry, answers).map((item) => item.id),
    decode: (entry, parts) => {
      const known = new Set(entry.items.map((item) => item.id));
      const items = {};
      let unknown = 0;
      for (const part of parts) {
        if (part.includes("=")) return null;
        if (known.has(part)) items[part] = true;
        else unknown += 1;
      }
      return { answers: { items }, unknown };
    },
  },
};
