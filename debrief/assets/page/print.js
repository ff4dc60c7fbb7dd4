// "Print this tool": one tool alone on paper, with the reader's answers. For that one print the
// rest of the page (header, navigation, prose, other tools, footer) is left out, and it comes
// back after it (`afterprint`); printing the whole page (Ctrl+P) is as it always was.
//
// A kind may lay itself out for paper with `sheet(widget)` → { head?, rows, notes? }: plain
// text, drawn here as one table (a worksheet: criterion, level, what it means; a fields tool:
// label and value), with the notes under it. A kind without one prints as it is shown, in the
// site's print styles.

const OFF = "data-debrief-print-off"; // debrief.css leaves these out of the print
const PRINTING = "data-debrief-printing"; // on <html>: a page no taller than the tool
let restore = null; // ends the print state, if a print is on

// A new element in `parent`, holding `text`. (Not dom.js's el(): that module is the progress
// page's, and this one is on every widget page.)
const add = (parent, tag, text = "") => {
  const node = parent.appendChild(document.createElement(tag));
  node.textContent = text;
  return node;
};

// The tool's title as written: without the theme's permalink ("¶") in its heading.
const titleOf = (section) =>
  [...(section.querySelector(".debrief-title")?.childNodes ?? [])]
    .filter((node) => !node.classList?.contains("headerlink"))
    .map((node) => node.textContent)
    .join("")
    .trim();

// The tool's table: its title as the caption, a header row if the kind gives one (each cell
// its column's header), and each row's first cell as that row's header; the notes under it.
const sheetOf = (widget) => {
  const { head, rows, notes } = widget.kind.sheet(widget);
  const sheet = document.createElement("div");
  sheet.className = "debrief-print-sheet";
  const table = add(sheet, "table");
  table.className = "debrief-print-table";
  add(table, "caption", titleOf(widget.section));
  const row = (parent, cells, scope) => {
    const line = add(parent, "tr");
    cells.forEach((text, n) => {
      if (n && scope === "row") add(line, "td", text);
      else add(line, "th", text).scope = scope;
    });
  };
  if (head) row(add(table, "thead"), head, "col");
  const body = add(table, "tbody");
  for (const cells of rows) row(body, cells, "row");
  if (notes) {
    add(sheet, "p", notes[0]).className = "debrief-print-label";
    add(sheet, "p", notes[1]);
  }
  return sheet;
};

// Every element beside the path from `target` up to <body>: what this print leaves out.
const besidePath = (target) => {
  const beside = [];
  for (let node = target; node !== document.body; node = node.parentElement) {
    for (const sibling of node.parentElement.children) if (sibling !== node) beside.push(sibling);
  }
  return beside;
};

export const printTool = (widget) => {
  restore?.();
  const sheet = widget.kind.sheet ? sheetOf(widget) : null;
  if (sheet) widget.section.after(sheet);
  const beside = besidePath(sheet ?? widget.section);
  for (const node of beside) node.setAttribute(OFF, "");
  document.documentElement.setAttribute(PRINTING, "");
  restore = () => {
    document.documentElement.removeAttribute(PRINTING);
    for (const node of beside) node.removeAttribute(OFF);
    sheet?.remove();
    removeEventListener("afterprint", restore);
    restore = null;
  };
  addEventListener("afterprint", restore);
  print();
};
