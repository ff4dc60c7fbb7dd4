"""Which script a build ships: with Material's offline plugin on (or `offline: true`), one classic
script and the manifest in the progress and log pages, for a site read from files; else the
modules. A setting that cannot work is a warning or an error that says how to fix it."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from debrief.assets.bundle import BUNDLE
from tests.conftest import ROOT, mkdocs_build

FIXTURE = ROOT / "tests" / "fixtures" / "plugin-site"
CLASSIC = f'<script src="assets/debrief/{BUNDLE}" defer></script>'


def build(tmp_path: Path, plugins: list[Any], fixture: Path = FIXTURE,
          **config: Any) -> tuple[Path, str, int]:
    project = tmp_path / "project"
    shutil.copytree(fixture, project)
    written = yaml.safe_load((project / "mkdocs.yml").read_text())
    (project / "mkdocs.yml").write_text(yaml.safe_dump({**written, "plugins": plugins, **config}))
    result = mkdocs_build(project, tmp_path / "out")
    return tmp_path / "out", result.stdout + result.stderr, result.returncode


def test_the_offline_plugin_gets_the_classic_script(tmp_path: Path) -> None:
    out, output, code = build(tmp_path, ["offline", "debrief"])
    assert code == 0, output
    files = {p.relative_to(out / "assets/debrief").as_posix()
             for p in (out / "assets/debrief").rglob("*")}
    assert {BUNDLE, "debrief.css", "pages/app.css", "manifest.json"} <= files
    assert not any(name.endswith(".js") and name != BUNDLE for name in files)
    for page in ("index.html", "rate.html", "progress.html", "log.html"):
        html = (out / page).read_text()
        assert CLASSIC in html
        assert 'type="module"' not in html and "modulepreload" not in html
    # The progress and log pages carry the manifest they cannot fetch from file://.
    manifest = json.loads((out / "assets/debrief/manifest.json").read_text())
    for page in ("progress.html", "log.html"):
        embedded = re.search(r"<script type=\"application/json\" data-debrief-manifest>(.*?)"
                             r"</script>", (out / page).read_text())
        assert embedded and json.loads(embedded[1]) == manifest
    assert "data-debrief-manifest" not in (out / "index.html").read_text()


@pytest.mark.parametrize("plugins", [
    [{"offline": {"enabled": False}}, "debrief"],
    ["offline", {"debrief": {"offline": False}}],
], ids=["offline plugin disabled", "offline: false"])
def test_otherwise_the_modules(tmp_path: Path, plugins: list[Any]) -> None:
    out, output, code = build(tmp_path, plugins)
    assert code == 0, output
    html = (out / "index.html").read_text()
    module = r'<script src="assets/debrief/debrief\.js\?v=\w+" type="module"></script>'
    assert re.search(module, html)
    assert BUNDLE not in html and not (out / "assets/debrief" / BUNDLE).exists()
    progress = out / "progress.html"  # with the offline plugin on, links name files
    progress = progress if progress.exists() else out / "progress" / "index.html"
    assert "data-debrief-manifest" not in progress.read_text()


def test_offline_true_without_the_plugin(tmp_path: Path) -> None:
    """Asked for by name, and with links a browser can follow between files."""
    out, output, code = build(tmp_path, [{"debrief": {"offline": True}}],
                              use_directory_urls=False)
    assert code == 0, output
    assert CLASSIC in (out / "index.html").read_text()


def test_offline_with_folder_links_is_a_warning(tmp_path: Path) -> None:
    _, output, code = build(tmp_path, [{"debrief": {"offline": True}}])
    assert code != 0, output
    assert "offline is on but use_directory_urls is too" in output
    assert "Fix: set `use_directory_urls: false`" in output and "Traceback" not in output


def test_a_bad_offline_value_is_an_error(tmp_path: Path) -> None:
    _, output, code = build(tmp_path, [{"debrief": {"offline": "sometimes"}}])
    assert code != 0, output
    assert "offline 'sometimes' is not one of auto, true, false" in output, output
    assert "Fix:" in output and "Traceback" not in output


def test_a_kind_the_classic_build_cannot_take_stops_the_build(tmp_path: Path) -> None:
    kind_site = tmp_path / "kind-site"
    shutil.copytree(ROOT / "tests" / "fixtures" / "kind-site", kind_site)
    poll = kind_site / "poll.js"
    poll.write_text(poll.read_text() + "\nexport let answered = 0;\n")
    line = poll.read_text().count("\n")
    _, output, code = build(tmp_path, ["search", "offline", "debrief"], fixture=kind_site)
    assert code != 0, output
    assert f"poll.js:{line}: the classic build (for sites read from files) cannot take " \
           "this export" in output, output
    assert "Fix:" in output and "Traceback" not in output
