// Building elements. Text from storage or a file is only ever set as text, never parsed as HTML.

export const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (value !== false && value != null) node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.flat().filter((child) => child != null && child !== false));
  return node;
};

export const button = (text, onclick, attributes = {}) =>
  el("button", { type: "button", class: "debrief-button", onclick, ...attributes }, text);

// A string whose placeholders are elements (a link, a strong word): its parts, for el().
export const fill = (text, nodes) =>
  text.split(/\{(\w+)\}/).map((part, n) => (n % 2 ? (nodes[part] ?? "") : part));

// Today, in the reader's time zone, as YYYY-MM-DD.
export const today = () => new Date().toLocaleDateString("sv");

export const download = (name, type, text) => {
  const link = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
};
