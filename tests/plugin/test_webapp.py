"""The service worker and the web app manifest as the build writes them (debrief/webapp.py): the
worker at the site's root with this build's data, keeping from the first visit only files the
build wrote, the interview-day page and all it loads among them; every page linking the manifest
and registering the worker; a manifest with what a phone needs and icons that are what
scripts/make_icons.py draws; and none of it where it cannot work or the site has its own.
tests/browser/test_service_worker.py runs them in Chromium."""

from __future__ import annotations

import json
import re
import runpy
import shutil
import struct
from pathlib import Path
from typing import Any

import pytest
import yaml

from debrief import webapp
from debrief.assets import REGISTER
from debrief.collect import assets_version
from tests.conftest import ROOT, mkdocs_build

FIXTURE = ROOT / "tests" / "fixtures" / "plugin-site"
DAY = "prepare/interview-day/"
YOUR_DAY = "prepare/your-interview-day/"  # kept first (`precache`), before DAY


def worker_data(site: Path) -> dict[str, Any]:
    found = re.search(r"^self\.debriefBuild = (\{.*?\});$", (site / "sw.js").read_text(), re.M)
    assert found, "sw.js holds no build data"
    return json.loads(found[1])


def built_file(site: Path, address: str) -> Path:
    """The file an address of the site names (a folder's index.html for a page)."""
    path = site / address.split("?", 1)[0]
    return path / "index.html" if address.endswith("/") or address == "./" else path


def test_the_worker_keeps_the_home_and_interview_day_pages_with_what_they_load(
        built_site: Path) -> None:
    data = worker_data(built_site)
    assert re.fullmatch(r"[0-9a-f]{16}", data["version"])
    assert data["assets"] == assets_version()
    keep = data["keep"]
    assert keep[:3] == ["./", YOUR_DAY, DAY]
    # The sheet's own script, which it preloads, is kept with it for reading offline.
    assert any(a.startswith("assets/debrief/pages/interview-day.js?v=") for a in keep)
    assert len(keep) == len(set(keep))
    for address in keep:  # each a file this build wrote: the install fails on none
        assert not re.match(r"[a-z]+:|/", address), address
        assert built_file(built_site, address).is_file(), address
        if "?v=" in address:
            assert address.endswith(f"?v={assets_version()}"), address
    # What the interview-day page loads (read here with a pattern of its own): all kept.
    page = (built_site / DAY / "index.html").read_text()
    loaded = {re.sub(r"^(\.\./)+", "", address) for address in re.findall(
        r'<(?:script[^>]*\bsrc|link[^>]*rel="(?:stylesheet|modulepreload|icon)"[^>]*href)='
        r'"([^"#]+)"', page)}
    assert any("bundle" in a for a in loaded) and any("debrief.js" in a for a in loaded)
    assert loaded <= set(keep), loaded - set(keep)


def test_every_page_links_the_manifest_and_registers_the_worker(built_site: Path) -> None:
    pages = list(built_site.rglob("index.html"))
    assert len(pages) > 40
    for path in pages:
        depth = len(path.relative_to(built_site).parts) - 1
        html = path.read_text()
        head = html.split("</head>", 1)[0]
        assert f'<link rel="manifest" href="{"../" * depth}manifest.webmanifest">' in head, path
        assert len(re.findall(r'rel="manifest"', html)) == 1, path
        assert re.search(rf'<script src="(\.\./)*assets/debrief/{REGISTER}\?v=\w+" '
                         r'type="module"></script>', html), path


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", path
    return struct.unpack(">II", data[16:24])


def test_the_manifest_has_what_a_phone_needs(built_site: Path) -> None:
    app = json.loads((built_site / "manifest.webmanifest").read_text())
    site_name = re.search(r"^site_name: (.+)$", (ROOT / "mkdocs.yml").read_text(), re.M)
    assert site_name and app["name"] == app["short_name"] == site_name[1]
    # Relative to the manifest: the app opens the site under any sub-path or version folder.
    assert app["start_url"] == app["scope"] == "./"
    assert app["display"] == "standalone" and app["lang"] == "en" and app["dir"] == "ltr"
    assert app["theme_color"] == "#4051b5"  # Material's indigo, the handbook's primary colour
    sizes = {(icon["sizes"], icon["purpose"]) for icon in app["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in app["icons"]:
        width, height = png_size(built_site / icon["src"])
        assert icon["sizes"] == f"{width}x{height}" and icon["type"] == "image/png"


def test_the_icons_are_what_the_script_draws() -> None:
    script = runpy.run_path(str(ROOT / "scripts" / "make_icons.py"))
    assert script["main"](["--check"]) == 0
    assert {name for name, _, _ in webapp.ICONS} == set(script["ICONS"])


def test_a_new_build_has_a_new_version(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("one")
    (tmp_path / "sw.js").write_text("the worker itself is left out")
    first = webapp.build_version(tmp_path)
    (tmp_path / "sw.js").write_text("changed")
    assert webapp.build_version(tmp_path) == first
    (tmp_path / "index.html").write_text("two")
    assert webapp.build_version(tmp_path) != first


def test_what_a_page_loads_is_read_from_this_site_only() -> None:
    page = ('<link rel="stylesheet" href="../assets/a.css?v=1"><link rel="canonical" href="x/">'
            '<script src="https://cdn.example.com/x.js"></script><script src="//cdn/x.js">'
            '</script><script src="/root.js"></script><img src="data:image/png;base64,AA">'
            '<link rel="icon" href=\'../img/fav.png\'><img src="pic.png#top">'
            '<script src="../../../outside.js"></script>')
    assert webapp.loaded_by(page, "guide/page/", images=False) == {
        "guide/assets/a.css?v=1", "guide/img/fav.png"}
    assert webapp.loaded_by(page, "guide/page/", images=True) == {
        "guide/assets/a.css?v=1", "guide/img/fav.png", "guide/page/pic.png"}
    assert webapp.loaded_by(page, "guide/page.html", images=True) >= {"assets/a.css?v=1"}


def build(tmp_path: Path, docs: dict[str, str] | None = None, strict: bool = True,
          site: dict[str, Any] | None = None, **plugin: Any) -> tuple[Path, str, int]:
    """The plugin site built with these pages added to docs/, these settings of mkdocs.yml
    (`site`) and these options of the plugin."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    for name, text in (docs or {}).items():
        (project / "docs" / name).write_text(text)
    config = {**yaml.safe_load((project / "mkdocs.yml").read_text()), **(site or {}),
              "plugins": [{"debrief": plugin} if plugin else "debrief"]}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config))
    result = mkdocs_build(project, tmp_path / "out", strict=strict)
    return tmp_path / "out", result.stdout + result.stderr, result.returncode


def test_a_plugin_site_keeps_the_pages_it_names(tmp_path: Path) -> None:
    out, output, code = build(tmp_path, precache=["rate.md"])
    assert code == 0, output
    assert worker_data(out)["keep"][:2] == ["./", "rate/"]
    assert "manifest.json" in " ".join(worker_data(out)["keep"])  # the progress page reads it
    app = json.loads((out / "manifest.webmanifest").read_text())
    assert app["name"] == "Coaching notes"


@pytest.mark.parametrize("options", [{"service_worker": False}, {"offline": True}],
                         ids=["turned off", "read from files"])
def test_none_of_it_when_turned_off_or_read_from_files(tmp_path: Path,
                                                       options: dict[str, Any]) -> None:
    out, output, code = build(tmp_path, site={"use_directory_urls": False}, **options)
    assert code == 0, output
    assert not (out / "sw.js").exists() and not (out / "manifest.webmanifest").exists()
    assert not (out / "assets" / "debrief" / "icons").exists()
    page = (out / "index.html").read_text()
    assert 'rel="manifest"' not in page and REGISTER not in page


def test_a_sites_own_worker_is_kept_with_a_warning(tmp_path: Path) -> None:
    own = "// the site's own worker\n"
    _, output, code = build(tmp_path / "strict", {"sw.js": own})
    assert code != 0 and "docs/sw.js is the site's own service worker" in output, output
    assert output.count("Fix:") == 1 and "service_worker: false" in output
    out, output, code = build(tmp_path / "lenient", {"sw.js": own}, strict=False)
    assert code == 0, output
    assert (out / "sw.js").read_text() == own
    page = (out / "index.html").read_text()
    assert REGISTER not in page  # nothing registers it in place of theirs
    assert 'rel="manifest"' in page  # the manifest does not depend on the worker


def test_a_sites_own_manifest_is_kept_with_a_warning(tmp_path: Path) -> None:
    own = '{"name": "Theirs"}\n'
    out, output, code = build(tmp_path, {"manifest.webmanifest": own}, strict=False)
    assert code == 0, output
    assert "docs/manifest.webmanifest is the site's own web app manifest" in output
    assert (out / "manifest.webmanifest").read_text() == own
    assert 'rel="manifest"' not in (out / "index.html").read_text()
    assert (out / "sw.js").is_file()


def test_the_theme_colour_is_the_sites_own(tmp_path: Path) -> None:
    theme = {"name": "material", "font": False, "palette": [{"primary": "teal"}]}
    out, output, code = build(tmp_path, site={"theme": theme})
    assert code == 0, output
    assert json.loads((out / "manifest.webmanifest").read_text())["theme_color"] == "#009485"
