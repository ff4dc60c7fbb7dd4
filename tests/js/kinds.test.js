// The widget kinds' pure parts (debrief/assets/kinds/), the strings helper, and the summary for a
// coach: nothing in them needs a page.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import MarkdownIt from "markdown-it";
import { marked } from "marked";
import checklist from "../../debrief/assets/kinds/checklist.js";
import worksheet from "../../debrief/assets/kinds/worksheet.js";
import { translate } from "../../debrief/assets/page/strings.js";
import { dayFormat } from "../../debrief/assets/pages/frame.js";
import { markdown } from "../../debrief/assets/pages/summary.js";
import { answersFor, check } from "../../debrief/assets/store/document.js";
import { CONFIG, doc, entry, sectionFor } from "./support.js";

const LIST = {
  id: "c",
  kind: "checklist",
  title: "Ready",
  items: [
    { id: "a", text: "A" },
    { id: "b", text: "B" },
  ],
};
const SHEET = {
  id: "w",
  kind: "worksheet",
  title: "Rate it",
  scale: ["Weak", "Fair", "Strong"],
  items: [
    { id: "c1", text: "One" },
    { id: "c2", text: "Two" },
    { id: "c3", text: "Three" },
  ],
  previous: { w: ["old-w"], c2: ["old-c2"] },
};
const widgetStrings = translate(sectionFor("widget"));

describe("strings", () => {
  test("choose plural forms and keep unknown placeholders", () => {
    const t = translate({
      lang: "en",
      dataset: {
        i18n: JSON.stringify({
          n: { one: "{count} tick", other: "{count} ticks" },
          hi: "Hi {name}, {missing}",
        }),
      },
    });
    assert.deepEqual(
      [t("n", { count: 1 }), t("n", { count: 3 }), t("hi", { name: "Ana" }), t("absent")],
      ["1 tick", "3 ticks", "Hi Ana, {missing}", "absent"],
    );
  });

  test("a key named like an Object method is no string", () => {
    assert.equal(translate({ lang: "en", dataset: { i18n: "{}" } })("constructor"), "constructor");
  });
});

describe("counting", () => {
  test("a worksheet counts ratings on its scale, under old ids too", () => {
    const stored = doc({ "old-w": { ratings: { c1: 2, "old-c2": 3, c3: 9 }, notes: "n" } });
    assert.deepEqual(worksheet.count(SHEET, answersFor(stored, SHEET)), { done: 2, total: 3 });
  });

  for (const [items, done] of [
    [{}, 0],
    [{ a: true }, 1],
    [{ a: true, b: true }, 2],
  ]) {
    test(`a checklist with ${done} ticked counts ${done}`, () => {
      const stored = doc({ c: { items: { ...items, unknown: true } } });
      assert.deepEqual(checklist.count(LIST, answersFor(stored, LIST)), { done, total: 2 });
    });
  }

  test("the status line says the average of the ratings on the scale", () => {
    const answers = answersFor(doc({ w: { ratings: { c1: 1, c2: 2 } } }), SHEET);
    assert.equal(
      worksheet.progress(SHEET, answers, widgetStrings),
      "2 of 3 rated, average 1.5 of 3.",
    );
  });
});

describe("share links", () => {
  test("encode what is ticked or rated, and decode it back", () => {
    const answers = answersFor(
      doc({ c: { items: { a: true, b: false } }, w: { ratings: { c1: 3 } } }),
      LIST,
    );
    assert.deepEqual(checklist.share.encode(LIST, answers), ["a"]);
    assert.deepEqual(checklist.share.decode(LIST, ["a", "zzz"]), {
      answers: { items: { a: true } },
      unknown: 1,
    });
    assert.deepEqual(worksheet.share.decode(SHEET, ["c1=3", "c2=9", "c3=0", "x=1"]), {
      answers: { ratings: { c1: 3 } },
      unknown: 3,
    });
  });

  test("a part that cannot be read makes the link damaged", () => {
    assert.equal(worksheet.share.decode(SHEET, ["c1=three"]), null);
    assert.equal(worksheet.share.decode(SHEET, ["c1=1=2"]), null);
    assert.equal(checklist.share.decode(LIST, ["a=1"]), null);
  });
});

// ---- The summary for a coach keeps the reader's words as text ---------------------------------

const page = {
  t: translate(sectionFor("progress")),
  day: dayFormat("en"),
  kinds: { checklist, worksheet },
};
const HOSTILE =
  "line one\r# 10 of 10\r<img src=x onerror=alert(1)>\u2028[click](https://evil.example)\u0085end";
const LABEL = "Acme https://evil.example www.evil.example me@evil.example <b>";

const summaryOf = (stored) => {
  const checked = check(stored, CONFIG).document;
  const widget = {
    ...SHEET,
    page: { title: "Self-rating", section: "Learn" },
    done: 1,
    total: 3,
    answers: answersFor(checked, SHEET),
  };
  return markdown(page, [{ widget }, { entry: checked.log[0] }], new Map([["w", SHEET]]));
};

const renderers = {
  "markdown-it with linkify": (text) => new MarkdownIt({ linkify: true }).render(text),
  marked: (text) => marked.parse(text, { gfm: true }),
};

for (const [name, render] of Object.entries(renderers)) {
  test(`rendered by ${name}, notes and labels stay text: no heading, link, image or HTML`, () => {
    const stored = doc({ w: { ratings: { c1: 3 }, notes: HOSTILE } }, [
      entry("e1", "2026-01-02", { c1: 2 }, { worksheet: "w", label: LABEL, notes: HOSTILE }),
    ]);
    const html = render(summaryOf(stored));
    assert.doesNotMatch(html, /<a /);
    assert.doesNotMatch(html, /<img/);
    assert.doesNotMatch(html, /<b>/);
    assert.equal((html.match(/<h1/g) || []).length, 1);
    assert.doesNotMatch(html, /<h1>10 of 10/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });
}
