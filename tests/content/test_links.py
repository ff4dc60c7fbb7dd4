"""Every internal link and anchor in the built site points at something that exists."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

BASE = "http://site.invalid/"


class LinksAndIds(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        if tag == "a" and found.get("href"):
            self.links.append(found["href"] or "")


def parse(path: Path) -> LinksAndIds:
    parser = LinksAndIds()
    parser.feed(path.read_text())
    return parser


def target_file(site: Path, url: str) -> Path:
    path = site / unquote(urlparse(url).path.removeprefix(urlparse(BASE).path))
    return path / "index.html" if url.endswith("/") or path.is_dir() else path


def test_internal_links_and_anchors_resolve(built_site: Path) -> None:
    pages = {p: parse(p) for p in built_site.rglob("*.html")}
    broken = []
    checked = 0
    for page, parsed in pages.items():
        page_url = urljoin(BASE, page.relative_to(built_site).as_posix())
        for href in parsed.links:
            url = urljoin(page_url, href)
            if not url.startswith(BASE):
                continue
            target = target_file(built_site, url)
            fragment = urlparse(url).fragment
            checked += 1
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)}: {href} (no such file)")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if fragment not in ids:
                    broken.append(f"{page.relative_to(built_site)}: {href} (no such anchor)")
    assert checked > 500, checked  # the site really is cross-linked
    assert not broken, "\n".join(broken)
