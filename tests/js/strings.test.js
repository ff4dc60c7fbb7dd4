// The shipped string tables against the browser's plural rules: every plural string has each
// category Intl.PluralRules chooses among for the table's language (Babel's are checked in
// tests/plugin/test_settings.py), so no count falls back to a form written for another.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { translate } from "../../debrief/assets/page/strings.js";

const folder = new URL("../../debrief/strings/", import.meta.url);
const tables = Object.fromEntries(
  readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .map((name) => [name.slice(0, -5), JSON.parse(readFileSync(new URL(name, folder), "utf8"))]),
);

describe("shipped string tables", () => {
  for (const [lang, table] of Object.entries(tables)) {
    test(`${lang}: every plural has each category Intl uses`, () => {
      const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const [key, value] of Object.entries(table)) {
        if (typeof value !== "object" || Array.isArray(value)) continue;
        const lacking = needed.filter((category) => !Object.hasOwn(value, category));
        assert.deepEqual(lacking, [], key);
      }
    });
  }

  test("a page's language picks the form: Polish few and many, Portuguese zero", () => {
    const section = (lang, table) => ({ lang, dataset: { i18n: JSON.stringify(table) } });
    const polish = translate(section("pl", { tools: tables.pl["app.tools"] }));
    assert.deepEqual(
      [1, 2, 5, 22, 25].map((count) => polish("tools", { count })),
      ["1 narzędzie", "2 narzędzia", "5 narzędzi", "22 narzędzia", "25 narzędzi"],
    );
    const brazil = translate(section("pt-BR", { tools: tables.pt["app.tools"] }));
    const portugal = translate(section("pt-PT", { tools: tables["pt-PT"]["app.tools"] }));
    assert.equal(brazil("tools", { count: 0 }), "0 ferramenta");
    assert.equal(portugal("tools", { count: 0 }), "0 ferramentas");
  });
});
