// The strings a section hands its script (data-i18n), as a function: t(key, values). Values fill
// "{name}" placeholders; a plural string is chosen by `values.count` with Intl.PluralRules.

export const translate = (section) => {
  const table = JSON.parse(section.dataset.i18n || "{}");
  const lang = section.lang || "en";
  const plurals = new Intl.PluralRules(lang);
  const t = (key, values = {}) => {
    let text = Object.hasOwn(table, key) ? table[key] : key;
    if (typeof text === "object") text = text[plurals.select(values.count)] ?? text.other;
    return text.replace(/\{(\w+)\}/g, (whole, name) =>
      name in values ? String(values[name]) : whole,
    );
  };
  t.lang = lang;
  t.number = (value) =>
    value.toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return t;
};
