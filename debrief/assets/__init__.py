"""The widgets' script and styles, minified as the site ships them, and what each kind of page
may load of them."""

from __future__ import annotations

import gzip
from pathlib import Path

import rcssmin
import rjsmin

FOLDER = Path(__file__).parent
MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}

# What each kind of page loads as it opens, and its budget in gzipped bytes: a page with a
# checklist or a worksheet must stay light; the progress and log pages may load more, only on
# those pages. Every other script is a module a page imports when a reader first needs it (an
# import, a share link, another tab's save...), each within ON_DEMAND_BUDGET together with the
# style sheet it adds to the page as it loads (MODULE_STYLES).
WIDGET_PAGE = ("debrief.js", "debrief.css")
WIDGET_PAGE_BUDGET = 4 * 1024
APP_PAGES = {
    "progress": ("debrief-app.js", "debrief-app.css", "debrief-progress.js", "debrief-store.js"),
    "feedback-log": ("debrief-app.js", "debrief-app.css", "debrief-feedback-log.js",
                     "debrief-store.js"),
}
APP_PAGE_BUDGET = 6 * 1024  # on top of WIDGET_PAGE
ON_DEMAND_BUDGET = 4 * 1024
MODULE_STYLES = {"debrief-actions.js": ("debrief-actions.css",)}


def on_demand_modules() -> tuple[str, ...]:
    """The shipped scripts no page loads as it opens."""
    at_start = set(WIDGET_PAGE).union(*APP_PAGES.values(), *MODULE_STYLES.values())
    return tuple(name for name in shipped_assets() if name not in at_start)


def with_styles(module: str) -> tuple[str, ...]:
    """What loading this module brings: itself and the style sheet it adds, if any."""
    return (module, *MODULE_STYLES.get(module, ()))


def shipped_assets() -> dict[str, str]:
    """File name to minified text, for every script and style sheet in this folder."""
    return {path.name: MINIFIERS[path.suffix](path.read_text())
            for path in sorted(FOLDER.iterdir()) if path.suffix in MINIFIERS}


def gzipped_size(names: tuple[str, ...]) -> int:
    """Bytes on the wire for these shipped files, each gzipped on its own as a server would."""
    shipped = shipped_assets()
    return sum(len(gzip.compress(shipped[name].encode(), 9)) for name in names)
