"""The scripts as one classic script, for a site read from files (`file://`).

Browsers refuse to run ES modules from `file://` (their requests have no origin to check), so a
site shipped as a folder or a zip (Material's `offline` plugin) loads this instead, with a plain
`<script src>`. It is made at build time from the very modules the site otherwise ships: each
module becomes a function in a registry keyed by its path, which runs the first time something
imports it, as a module does. Only the statements the scripts use are rewritten, line by line:

    import { a, b as c } from "./x.js";   ->  const { a, b: c } = __require("kinds/x.js");
    import x from "./x.js";               ->  const x = __require("kinds/x.js").default;
    import * as x from "./x.js";          ->  const x = __require("kinds/x.js");
    export const a = ... / export class A / export function f / export default ...
                                          ->  the same without `export`; the module's function
                                              returns { a, A, f, default } at its end
    import(`./${name}.js`)                ->  __import(`./${name}.js`): a promise of the module
                                              found in the registry, as the browser would load it
    import.meta.url                       ->  the module's own address beside this script

Imported names are copied when the importing module runs, not kept live; that is the same as
long as no module reassigns what it exports (none does: `export let` is refused) and the static
imports form no cycle (refused too). Anything else the rewriting does not know is an error that
names the file and line, so a script from outside (a site's own kind of widget) that uses it is
caught at build time, not in a reader's browser.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath

from . import _resolve

BUNDLE = "debrief-classic.js"

_IMPORT = re.compile(
    r"""^import\s+(?P<clause>[^;'"]*?)\s*from\s*(?P<q>["'])(?P<target>[^"']+)(?P=q);""",
    re.M | re.S)
_BARE_IMPORT = re.compile(r"""^import\s*(?P<q>["'])(?P<target>[^"']+)(?P=q);""", re.M)
_DECLARED = re.compile(
    r"^export\s+(?P<what>const|class|function\*?|async\s+function\*?)\s+(?P<name>[\w$]+)", re.M)
_DEFAULT = re.compile(
    r"^export\s+default\s+(?:(?P<what>class|function\*?|async\s+function\*?)\s+(?P<name>[\w$]+))?",
    re.M)
_LIST = re.compile(r"^export\s*\{(?P<names>[^}]*)\};", re.M)
_DYNAMIC = re.compile(r"(?<![\w$.])import\s*\(")
_META = re.compile(r"(?<![\w$.])import\.meta\b")
_LEFT = re.compile(r"^[ \t]*(?:import|export)(?=[\s{*])", re.M)


class BundleError(ValueError):
    """A script the classic build cannot take: the message names the file, line and fix."""


def _line(source: str, at: int) -> int:
    return source.count("\n", 0, at) + 1


def _bindings(clause: str, name: str, at: int, source: str) -> tuple[str, bool]:
    """The names an import clause binds, as a destructuring pattern, and whether it takes the
    default export (`import x from`)."""
    clause = " ".join(clause.split())
    if clause.startswith("* as "):
        return clause[5:], False
    default, _, named = clause.partition(",") if not clause.startswith("{") else ("", "", clause)
    default, named = default.strip(), named.strip()
    parts = []
    if named:
        if not (named.startswith("{") and named.endswith("}")):
            raise BundleError(f"{name}:{_line(source, at)}: cannot bundle `import {clause}`. "
                              "Fix: import named exports as `import { a, b as c } from`.")
        for name in filter(None, (n.strip() for n in named[1:-1].split(","))):
            own, _, local = name.partition(" as ")
            parts.append(f"{own.strip()}: {local.strip()}" if local else own)
    if default and parts:
        parts.insert(0, f"default: {default}")
        return "{ " + ", ".join(parts) + " }", False
    if default:
        return default, True
    return "{ " + ", ".join(parts) + " }", False


def module_function(path: str, source: str, name: str | None = None) -> str:
    """The module at `path` (under the assets folder) as a function of (__require, __import,
    __meta) that returns its exports. Messages call its file `name` (else `path`)."""
    name = name or path
    exported: list[str] = []

    def imported(match: re.Match[str]) -> str:
        target = _resolve(path, match["target"])
        pattern, default = _bindings(match["clause"], name, match.start(), source)
        return f"const {pattern} = __require({json.dumps(target)}){'.default' if default else ''};"

    def declared(match: re.Match[str]) -> str:
        exported.append(match["name"])
        return match[0].removeprefix("export").lstrip()

    def default(match: re.Match[str]) -> str:
        if match["name"]:
            exported.append(f"default: {match['name']}")
            return match[0].removeprefix("export").lstrip().removeprefix("default").lstrip()
        exported.append("default: __default")
        return "const __default = "

    def listed(match: re.Match[str]) -> str:
        for name in filter(None, (n.strip() for n in match["names"].split(","))):
            local, _, own = name.partition(" as ")
            exported.append(f"{own.strip()}: {local.strip()}" if own else local)
        return ""

    for statement in (r"^export\s+(?:let|var)\b", r"""^export\s[^;]*\sfrom\s*["']""",
                      r"^export\s*\*"):
        found = re.search(statement, source, re.M)
        if found:
            raise BundleError(
                f"{name}:{_line(source, found.start())}: the classic build (for sites read "
                "from files) cannot take this export. Fix: export `const` values, functions "
                "or classes declared in this module.")
    text = _IMPORT.sub(imported, source)
    text = _BARE_IMPORT.sub(lambda m: f"__require({json.dumps(_resolve(path, m['target']))});",
                            text)
    text = _DEFAULT.sub(default, text)
    text = _DECLARED.sub(declared, text)
    text = _LIST.sub(listed, text)
    text = _META.sub("__meta", _DYNAMIC.sub("__import(", text))
    left = _LEFT.search(text)
    if left:
        raise BundleError(
            f"{name}:{_line(text, left.start())}: the classic build (for sites read from files) "
            f"cannot take `{text[left.start():].splitlines()[0].strip()}`. Fix: write imports "
            "as `import { a } from \"./x.js\";` and exports as `export const`, on a line of "
            "their own.")
    returned = "return { " + ", ".join(exported) + " };" if exported else "return {};"
    return f"(__require, __import, __meta) => {{\n{text.rstrip()}\n{returned}\n}}"


def _static_targets(path: str, source: str) -> list[str]:
    return [_resolve(path, m["target"])
            for pattern in (_IMPORT, _BARE_IMPORT) for m in pattern.finditer(source)]


def _check_graph(modules: dict[str, str], entry: str, names: dict[str, str]) -> None:
    """Every static import names a module of the bundle, and none imports itself in a circle
    (a copied binding would be read before the module that exports it has run)."""
    state: dict[str, str] = {}

    def visit(path: str, trail: tuple[str, ...]) -> None:
        if state.get(path) == "done":
            return
        if state.get(path) == "open":
            circle = " -> ".join((*trail[trail.index(path):], path))
            raise BundleError(f"{names.get(path, path)}: imports form a circle ({circle}), "
                              "which the classic build cannot order. Fix: move what both "
                              "need into a module of its own.")
        state[path] = "open"
        for target in _static_targets(path, modules[path]):
            if target not in modules:
                raise BundleError(f"{names.get(path, path)}: imports {target}, which is not "
                                  "among the scripts. Fix: import a module of debrief/assets "
                                  "or of the kind itself.")
            visit(target, (*trail, path))
        state[path] = "done"

    for path in [entry, *sorted(modules)]:
        visit(path, ())


# What runs the registry: the modules' own code is untouched apart from the lines above.
_PRELUDE = """\
// Debrief's scripts as one classic script, for a site read from files (file://), where browsers
// do not run ES modules. Made by debrief/assets/bundle.py from the modules of debrief/assets;
// edit those, not this.
(() => {
  "use strict";
  const base = new URL(".", document.currentScript.src);
  const made = new Map();
  const resolve = (from, target) => {
    const parts = from.split("/").slice(0, -1);
    for (const part of target.split("/")) {
      if (part === "..") parts.pop();
      else if (part !== ".") parts.push(part);
    }
    return parts.join("/");
  };
  const __require = (path) => {
    if (!made.has(path)) {
      const meta = { url: new URL(path, base).href };
      const load = (target) =>
        new Promise((done, failed) => {
          const wanted = resolve(path, target);
          if (Object.hasOwn(modules, wanted)) done(__require(wanted));
          else failed(new Error(`no script ${wanted} in this build`));
        });
      made.set(path, modules[path](__require, load, meta));
    }
    return made.get(path);
  };
  const modules = {
"""


def classic_bundle(modules: dict[str, str], entry: str,
                   names: dict[str, str] | None = None) -> str:
    """One classic script holding `modules` (path under the assets folder -> source as
    written), which runs `entry` as it loads. `names`: what messages call a module's file, for
    one from outside the package (a site's own kind of widget)."""
    names = names or {}
    if entry not in modules:
        raise BundleError(f"{entry}: the entry script is not among the scripts to bundle.")
    _check_graph(modules, entry, names)
    order = sorted(modules, key=lambda p: (PurePosixPath(p).parent.as_posix(), p))
    bodies = [f"{json.dumps(path)}: {module_function(path, modules[path], names.get(path))},"
              for path in order]
    return _PRELUDE + "\n".join(bodies) + f"\n  }};\n  __require({json.dumps(entry)});\n}})();\n"
