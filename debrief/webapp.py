"""The site as an app a reader keeps, on an MkDocs or ProperDocs build (the plugin): a service
worker that keeps the pages a reader opened for reading offline, and a web app manifest so a
phone can add the site to its home screen.

The worker must sit at the site's root to serve every page (a static host cannot send the
`Service-Worker-Allowed` header that would let it live elsewhere), so the plugin writes `sw.js`
and `manifest.webmanifest` there; `page/worker.js` registers the worker from every page. The
worker keeps the home page and the pages named in `precache` from the first visit, with what they
load (found in the built pages), and its cache is named after a hash of the whole build, so a new
build installs a new worker that replaces the cache (see debrief/assets/sw.js).

Left out where no worker can help or run: a site read from files (`offline`), `mkdocs serve`
(a worker would outlive the preview in the author's browser), Zensical (no plugin runs), and a
site that has a worker or a manifest of its own, which it keeps (with a warning).
"""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from .assets import worker_script

WORKER_FILE = "sw.js"
MANIFEST_FILE = "manifest.webmanifest"
# What a site of its own may call its manifest at the root of its docs.
MANIFEST_NAMES = (MANIFEST_FILE, "site.webmanifest", "manifest.json")
ICON_FOLDER = Path(__file__).parent / "icons"  # drawn by scripts/make_icons.py
# (file, size, purpose): "any" is a rounded square; "maskable" fills the square, for launchers
# that cut icons to their own shape.
ICONS = (("icon-192.png", 192, "any"), ("icon-512.png", 512, "any"),
         ("maskable-512.png", 512, "maskable"))
# Material's default primary colour (indigo), for a theme whose colour cannot be read.
DEFAULT_COLOUR = "#4051b5"
BACKGROUND = "#ffffff"


def own_files(docs: Path) -> tuple[str, str]:
    """The site's own worker and manifest at the root of its docs ("" for none)."""
    worker = WORKER_FILE if (docs / WORKER_FILE).is_file() else ""
    manifest = next((name for name in MANIFEST_NAMES if (docs / name).is_file()), "")
    return worker, manifest


def icons(folder: str) -> dict[str, bytes]:
    """The icons by their path in the site, under `folder`."""
    return {f"{folder}/{name}": (ICON_FOLDER / name).read_bytes() for name, _, _ in ICONS}


def manifest(name: str, description: str, language: str, direction: str, colour: str,
             folder: str) -> str:
    """The web app manifest. Its addresses are relative to itself, at the site's root, so the app
    opens the site wherever it is published: under a sub-path, or in one of mike's version
    folders (each version is an app of its own)."""
    app: dict[str, Any] = {
        "name": name,
        "short_name": name,
        **({"description": description} if description else {}),
        "lang": language,
        "dir": direction,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": colour,
        "background_color": BACKGROUND,
        "icons": [{"src": f"{folder}/{file}", "sizes": f"{size}x{size}", "type": "image/png",
                   "purpose": purpose} for file, size, purpose in ICONS],
    }
    return json.dumps(app, ensure_ascii=False, indent=2) + "\n"


def theme_colour(config: Any) -> str:
    """The theme's primary colour as a hex code: Material's `palette.primary`, looked up in the
    theme's own palette styles; its default (indigo) for any other theme or colour."""
    theme = config.theme
    palette = theme.get("palette") if theme else None
    first = palette[0] if isinstance(palette, list) and palette else palette
    primary = str(first.get("primary") or "indigo") if isinstance(first, dict) else "indigo"
    pattern = re.compile(r"\[data-md-color-primary=" + re.escape(primary.replace(" ", "-"))
                         + r"\]\{--md-primary-fg-color:(#[0-9a-fA-F]{3,8})[;}]")
    for folder in getattr(theme, "dirs", []):
        for styles in sorted(Path(folder, "assets", "stylesheets").glob("palette*.css")):
            found = pattern.search(styles.read_text(encoding="utf-8", errors="replace"))
            if found:
                return found[1].lower()
    return DEFAULT_COLOUR


# What a page loads: scripts, style sheets, icons and preloads; images only on the pages kept
# from the first visit (an image of another page is kept when a reader opens it).
_TAG = re.compile(r"<(script|link|img)\b([^>]*)>", re.I)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_NEEDED_LINKS = {"stylesheet", "modulepreload", "preload", "icon", "manifest"}


def loaded_by(page_html: str, page_url: str, images: bool) -> set[str]:
    """The site-relative addresses of the files the page loads from this site (those of another
    origin are never kept), with their query (`?v=`), from its HTML."""
    found = set()
    for tag, attributes in _TAG.findall(page_html):
        values = {name.lower(): html.unescape("".join(quoted))  # one of the three is found
                  for name, *quoted in _ATTRIBUTE.findall(attributes)}
        tag = tag.lower()
        if tag == "link":
            if not set(values.get("rel", "").lower().split()) & _NEEDED_LINKS:
                continue
            address = values.get("href", "")
        elif tag == "script" or images:
            address = values.get("src", "")
        else:
            continue
        resolved = _within_site(address, page_url)
        if resolved:
            found.add(resolved)
    return found


def _within_site(address: str, page_url: str) -> str:
    """`address`, written on the page at `page_url`, relative to the site's root; "" for one of
    another origin, a `data:` address, or one outside the site."""
    if not address or re.match(r"[a-zA-Z][\w+.-]*:|[/#]", address):
        return ""
    address = address.split("#", 1)[0]
    path, _, query = address.partition("?")
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    joined = posixpath.normpath(posixpath.join(folder, path))
    if joined == ".." or joined.startswith("../") or joined == ".":
        return ""
    return joined + (f"?{query}" if query else "")


@dataclass
class Keep:
    """What the worker keeps from a reader's first visit, gathered while pages are built."""

    wanted: tuple[str, ...] = ()  # docs paths of the pages named in `precache`
    pages: dict[str, str] = field(default_factory=dict)  # site URL of the home page and those
    files: set[str] = field(default_factory=set)  # what the pages load

    def add_page(self, src_uri: str, url: str, page_html: str, home: bool) -> None:
        kept = home or src_uri in self.wanted
        if kept:
            self.pages["" if home else src_uri] = url or "./"
        self.files |= loaded_by(page_html, url, images=kept)

    def addresses(self, site: Path) -> list[str]:
        """Every address to keep: the home page, the pages named in `precache` in their order,
        then what the pages load, each a file the build wrote (no request made in vain)."""
        pages = [self.pages[uri] for uri in ("", *self.wanted) if uri in self.pages]
        files = sorted(a for a in self.files
                       if a != WORKER_FILE and (site / unquote(a.split("?", 1)[0])).is_file())
        return list(dict.fromkeys([*pages, *files]))


def build_version(site: Path) -> str:
    """A hash of every file the build wrote (but the worker): a new build, a new cache."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        if name != WORKER_FILE:
            digest.update(f"{name}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def worker(site: Path, assets_version: str, keep: list[str]) -> str:
    """The service worker of this build: its data, then the script."""
    data = {"version": build_version(site), "assets": assets_version, "keep": keep}
    return (f"// Written by Debrief for this build: see debrief/assets/sw.js.\n"
            f"self.debriefBuild = {json.dumps(data, separators=(',', ':'))};\n"
            f"{worker_script()}\n")
