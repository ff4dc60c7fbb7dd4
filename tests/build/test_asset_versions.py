"""Every address of a script or style sheet the site ships carries the assets' version (`?v=`, a
hash of them all), so after an upgrade a browser's cache can never pair new modules with old
ones: the page's entry and styles, its preload links and every import between the modules. The
files keep their names, and the scripts as written are left as they are.
tests/browser/test_network.py checks in the browser that each module is fetched once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from debrief import collect
from debrief.assets import dynamic_imports, sources, static_imports
from debrief.collect import assets_version, site_assets

ASSETS = "assets/debrief/"
# A relative module address in a shipped script, with what follows it up to the closing quote.
IMPORTED = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(\s*)(["'`])(\.{1,2}/[^"'`]*?)\1""")


def test_every_import_between_the_modules_carries_the_version() -> None:
    version = assets_version()
    assert re.fullmatch(r"[0-9a-f]{12}", version)
    shipped = site_assets()
    for name, source in sources().items():
        found = [target for _, target in IMPORTED.findall(shipped[name])]
        # As many as the script as written has (a name-made one, `./${name}.js`, counts once).
        written = len(static_imports(name)) + len(re.findall(r"\bimport\(", source))
        assert len(found) == written, (name, found)
        assert all(target.endswith(f".js?v={version}") for target in found), (name, found)
        # The files as written stay as they are.
        assert not [t for _, t in IMPORTED.findall(source) if "?" in t], name
    assert len(dynamic_imports("kinds/index.js")) > 0  # loaded by name: versioned too


def test_the_version_follows_what_is_shipped(monkeypatch: pytest.MonkeyPatch) -> None:
    before = assets_version()
    assert assets_version() == before  # the same files, the same version
    changed = {**collect.shipped_assets(), "store/merge.js": "export const merge = 1;"}
    monkeypatch.setattr(collect, "shipped_assets", lambda: changed)
    assert assets_version() != before
    assert f'"./merge.js?v={assets_version()}"' in site_assets()["store/document.js"]


def test_every_page_loads_the_assets_at_their_versioned_address(built_site: Path) -> None:
    version = assets_version()
    folder = built_site / "assets" / "debrief"
    # The files keep their names and hold what site_assets() ships.
    for name, text in site_assets().items():
        assert (folder / name).read_text(encoding="utf-8") == text, name
    for page, expected in (("after/asking-for-feedback/index.html", {"debrief.js", "debrief.css"}),
                           ("progress/index.html", {"pages/app.css", "pages/progress.js"})):
        html = (built_site / page).read_text(encoding="utf-8")
        addresses = re.findall(r'(?:href|src)="(?:\.\./)*' + ASSETS + r'([^"]+)"', html)
        assert addresses, page
        assert all(a.endswith(f"?v={version}") for a in addresses), (page, addresses)
        named = {a.split("?")[0] for a in addresses}
        assert expected <= named, (page, named)
        preloads = re.findall(r'<link rel="modulepreload" href="[^"]*?' + ASSETS + r'([^"?]+)',
                              html)
        assert "store/keeper.js" in preloads, page
