"""The widgets' scripts and styles, minified as the site ships them, at addresses that carry
their version (`with_version`); which of them each kind of page loads, read from the scripts' own
imports; and the budget each kind of page keeps to.

The scripts are ES modules laid out by what they are (see `debrief.js`): `store/`, `kinds/`,
`page/`, `pages/`. A page loads `debrief.js` and what it imports, the kinds of widget it has
(`kinds/<name>.js`, loaded by name), and on the progress and log pages `pages/app.js`, the page's
own module and what they import. Nothing loads later, when a reader first needs it: a reader who
loses the connection once the page is open can still do everything. A site read from files
(file://), where browsers run no module, gets them all as one classic script (`bundle.py`).
Every page the plugin builds also loads `page/worker.js`, which registers the service worker,
`sw.js`: the one script here that is not shipped under assets/debrief/ but at the site's root,
with the build's own data (see debrief/webapp.py).
"""

from __future__ import annotations

import gzip
import hashlib
import re
from functools import cache
from pathlib import Path, PurePosixPath

import rcssmin
import rjsmin

FOLDER = Path(__file__).parent
MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}

ENTRY = "debrief.js"
STYLES = "debrief.css"
APP_STYLES = "pages/app.css"
APP_ENTRY = "pages/app.js"
# pages/<kind>.js, for `/// progress`, the log and `/// interview-day`
APP_KINDS = ("progress", "feedback-log", "interview-day")
BUILT_IN_KINDS = ("checklist", "worksheet")
# Kinds of this package loaded by name, only on the pages that have one (kinds/index.js).
NAMED_KINDS = ("fields", "entries")
REFERENCES = "page/references.js"  # fills in `<<name>>`, on the pages that have one
# Modules that only a kind loaded by name imports (the entries kind's calendar files), so they
# load only on the pages that have such a kind, never on every widget page.
LIBRARIES = ("calendar/ics.js", "calendar/events.js", "page/download.js")
REGISTER = "page/worker.js"  # registers the service worker, on every page (not from files)
WORKER = "sw.js"  # the service worker: at the site's root, not among the modules

# Gzipped bytes each kind of page may load as it opens: a page with widgets (every built-in kind
# counted, as if a page had one of each), and the progress and log pages on top of that. Every
# write path is here from the start (a reader offline after the page loaded can still save,
# reset, share, log, import and delete), and the scripts are written to be read, not golfed; the
# widget page was 4 KB as it opened and up to 8.4 KB more on first use before (see the README).
# 17 KB since the store keeps the site-wide field values (check, merge, undo: 0.75 KB); 18 KB
# since each tool prints alone ("Print this tool": page/print.js, the worksheet's table and its
# print styles, 1 KB); 19.5 KB since the store keeps the entries tools' records (check, add,
# edit, move, delete, merge, undo: 0.8 KB) and worksheets link their weakest criteria to the
# stories tagged with them (0.2 KB).
WIDGET_PAGE_BUDGET = 19 * 1024 + 512
APP_PAGE_BUDGET = 9 * 1024

# A kind loaded by name adds its own module to a widget page; the filler of `<<name>>` loads on
# every page with a reference, most of which have no widget: it reuses the store and stays small.
# 3 KB since the entries kind (adding, editing, moving, deleting and undoing records: 2.4 KB).
NAMED_KIND_BUDGET = 3 * 1024
REFERENCES_BUDGET = 1024
# What a kind loaded by name imports on top of its own module: libraries, and page helpers the
# progress and log pages load too (page/download.js brings page/dom.js). The calendar files and
# their download are 2 KB.
LIBRARY_BUDGET = 3 * 1024
# The registration loads on every page, widgets or not; the worker is fetched once, when the
# browser installs it, and again only when a build changes it.
REGISTER_BUDGET = 512
WORKER_BUDGET = 1536
# A site read from files (file://, Material's offline plugin) loads every script as one classic
# script on every page (see bundle.py), read from disk rather than a network: it keeps to what
# the module build's progress page may load, the widgets' part and its own together, and one
# kind loaded by name's worth more (3 KB since the entries kind and the calendar files, which
# the classic script holds too: 5 KB of them all).
OFFLINE_PAGE_BUDGET = WIDGET_PAGE_BUDGET + APP_PAGE_BUDGET + NAMED_KIND_BUDGET

# `import ... from "./x.js";` (static), and `import("./x.js")` or `import(`./${name}.js`)`.
_STATIC_IMPORT = re.compile(r'^import\s[^;]*?\sfrom\s+"(\.{1,2}/[^"]+)";', re.M | re.S)
_DYNAMIC_IMPORT = re.compile(r'\bimport\(\s*[`"](\.{1,2}/[^`"]*)[`"]')


def minified(path: Path) -> str:
    return MINIFIERS[path.suffix](path.read_text(encoding="utf-8"))


@cache
def shipped_assets() -> dict[str, str]:
    """Path under the assets folder (e.g. "store/keeper.js") to minified text, for every script
    and style sheet."""
    return {path.relative_to(FOLDER).as_posix(): minified(path)
            for path in sorted(FOLDER.rglob("*")) if path.suffix in MINIFIERS
            and path != FOLDER / WORKER}


@cache
def sources() -> dict[str, str]:
    """The scripts as written, by the same paths."""
    return {path.relative_to(FOLDER).as_posix(): path.read_text()
            for path in sorted(FOLDER.rglob("*.js")) if path != FOLDER / WORKER}


def worker_script() -> str:
    """The service worker, minified, before the build adds its own data (see webapp.py)."""
    return minified(FOLDER / WORKER)


def _resolve(importer: str, target: str) -> str:
    parts: list[str] = []
    for part in (PurePosixPath(importer).parent / target).parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


@cache  # asked for every page's script list: the sources do not change during a build
def static_imports(name: str) -> tuple[str, ...]:
    """The modules `name` imports as it loads (none known for a script from outside, such as a
    site's own kind of widget)."""
    source = sources().get(name, "")
    return tuple(_resolve(name, target) for target in _STATIC_IMPORT.findall(source))


def dynamic_imports(name: str) -> tuple[str, ...]:
    """The modules `name` may import later; a path made from a name (`./${name}.js`) stands
    for every module of that folder."""
    found = []
    for target in _DYNAMIC_IMPORT.findall(sources()[name]):
        if "${" in target:
            folder = PurePosixPath(_resolve(name, target)).parent.as_posix()
            found += [path for path in sources() if PurePosixPath(path).parent.as_posix() == folder
                      and path != name]
        else:
            found.append(_resolve(name, target))
    return tuple(found)


def loaded_with(*names: str) -> tuple[str, ...]:
    """`names` and every module they import as they load, in the order first met."""
    seen: dict[str, None] = {}
    waiting = list(names)
    while waiting:
        name = waiting.pop(0)
        if name not in seen:
            seen[name] = None
            waiting.extend(static_imports(name))
    return tuple(seen)


def kind_script(kind: str) -> str:
    return f"kinds/{kind}.js"


@cache
def page_loads(kinds: tuple[str, ...] = (), app: str = "",
               references: bool = False) -> tuple[str, ...]:
    """What a page with these widget kinds (and this app page: "progress", "feedback-log"; and
    `<<name>>` references) loads as it opens, styles included."""
    modules = [ENTRY, *map(kind_script, kinds), *((REFERENCES,) if references else ())]
    if app:
        modules += [APP_ENTRY, f"pages/{app}.js"]
    return (*loaded_with(*modules), STYLES, *((APP_STYLES,) if app else ()))


WIDGET_PAGE = page_loads(BUILT_IN_KINDS)
APP_PAGES = {app: tuple(name for name in page_loads(BUILT_IN_KINDS, app) if name not in WIDGET_PAGE)
             for app in APP_KINDS}
# What each kind loaded by name (its own module, and the libraries it imports), and the
# references' filler, add to a widget page.
NAMED_KIND_PAGES = {kind: tuple(name for name in page_loads((*BUILT_IN_KINDS, kind))
                                if name not in WIDGET_PAGE) for kind in NAMED_KINDS}
REFERENCE_PAGE = tuple(name for name in page_loads(references=True) if name not in WIDGET_PAGE)
# What every page loads when the service worker is on: the registration alone, importing nothing.
REGISTER_PAGE = loaded_with(REGISTER)


def version_of(assets: dict[str, str]) -> str:
    """A hash of every file a site ships under assets/debrief/ (path to text)."""
    digest = hashlib.sha256()
    for name, text in sorted(assets.items()):
        digest.update(f"{name}\0{text}\0".encode())
    return digest.hexdigest()[:12]


# A relative module address as the minified scripts import it: `from"./x.js"`, `import("./x.js")`
# and `import(`./${name}.js`)`; the match ends where `?v=` goes.
_VERSIONED_IMPORT = re.compile(
    r"""(?:\bfrom\s*|\bimport\s*\(\s*)(["'`])\.{1,2}/[^"'`?]*?\.js(?=\1)""")


def with_version(assets: dict[str, str]) -> dict[str, str]:
    """`assets` with every import between the modules at its versioned address, `?v=` and the
    hash of them all, which the plugin gives the page's entry, styles and preload links too.
    After an upgrade every address is new, so a browser's cache can never hand a new page an
    old module, nor a new module an old one it imports. The files keep their names and the
    sources stay as written; one hash for the set keeps the imports simple (a module loaded by
    name, `./${name}.js`, needs no table of hashes)."""
    version = version_of(assets)
    return {name: _VERSIONED_IMPORT.sub(rf"\g<0>?v={version}", text) if name.endswith(".js")
            else text for name, text in assets.items()}


def gzipped_size(names: tuple[str, ...]) -> int:
    """Bytes on the wire for these shipped files (imports versioned, as `with_version` ships
    them), each gzipped on its own as a server would; `WORKER` is the worker as minified."""
    shipped = {**with_version(shipped_assets()), WORKER: worker_script()}
    return sum(len(gzip.compress(shipped[name].encode(), 9)) for name in names)
