"""A site that is not the handbook and only lists `debrief` under `plugins:` gets everything:
widgets, assets, the manifest, the progress page and the log. Its options are checked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from debrief import webapp
from debrief.assets import shipped_assets
from tests.conftest import ROOT, mkdocs_build

FIXTURE = ROOT / "tests" / "fixtures" / "plugin-site"


def copy_site(tmp_path: Path, **plugin_options: object) -> Path:
    """The fixture site in `tmp_path`, with the plugin's options replaced."""
    site = tmp_path / "project"
    shutil.copytree(FIXTURE, site)
    config = yaml.safe_load((site / "mkdocs.yml").read_text())
    config["plugins"] = [{"debrief": plugin_options}] if plugin_options else ["debrief"]
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config))
    return site


def test_the_plugin_alone_ships_everything(tmp_path: Path) -> None:
    site = copy_site(tmp_path)
    result = mkdocs_build(site, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    out = tmp_path / "out"
    folder = out / "assets" / "debrief"
    assets = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    icons = [f"icons/{name}" for name, _, _ in webapp.ICONS]  # the web app manifest's
    assert assets == sorted([*shipped_assets(), "manifest.json", *icons])
    assert (out / "sw.js").is_file() and (out / "manifest.webmanifest").is_file()
    assert {"debrief.js", "debrief.css", "store/keeper.js", "pages/progress.js"} <= set(assets)
    page = (out / "index.html").read_text()
    assert 'assets/debrief/debrief.js' in page and 'assets/debrief/debrief.css' in page
    assert "&quot;ns&quot;:&quot;coach.example.net_notes&quot;" in page
    manifest = json.loads((out / "assets" / "debrief" / "manifest.json").read_text())
    assert [w["id"] for w in manifest["widgets"]] == ["session-prep", "practice-run"]
    assert 'data-debrief-app="progress"' in (out / "progress" / "index.html").read_text()
    assert 'data-debrief-app="feedback-log"' in (out / "log" / "index.html").read_text()
    assert 'class="debrief-log-form"' in (out / "rate" / "index.html").read_text()


def test_a_site_without_a_log_drops_the_page_its_nav_entry_and_every_form(tmp_path: Path) -> None:
    site = copy_site(tmp_path, log_page="")
    result = mkdocs_build(site, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    out = tmp_path / "out"
    assert not (out / "log").exists()
    assert 'href="log/"' not in (out / "index.html").read_text()
    assert "debrief-log-form" not in (out / "rate" / "index.html").read_text()


@pytest.mark.parametrize(("options", "message"), [
    # The same message as the extension's, once: MkDocs's own option check adds none.
    ({"colour": "red"}, "plugins: debrief: unknown option 'colour'. Fix: use one of: "
                        "namespace, previous_namespaces"),
    # A warning (the site builds in English without --strict: see test_unknown_language.py).
    ({"language": "xx"}, "Debrief has no strings for language 'xx', so its widgets are in "
                         "English"),
    ({"strings": {"rest": "Again"}}, "strings has no key 'rest'"),
    ({"log_page": "missing.md"}, "log_page 'missing.md' is not a page of this site"),
    ({"language": "sv", "strings": {"reset": "Börja om"}}, "language 'sv' has no text for"),
    ({"service_worker": "yes"}, "service_worker 'yes' is not true or false"),
    ({"precache": ["missing.md"]}, "precache 'missing.md' is not a page of this site"),
    ({"precache": "rate"}, "precache 'rate' is not a page path"),
])
def test_bad_plugin_options_stop_a_strict_build(tmp_path: Path, options: dict,
                                                message: str) -> None:
    site = copy_site(tmp_path, **options)
    result = mkdocs_build(site, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert message in output and "Fix:" in output, output
    assert output.count("Fix:") == 1, output
    assert "Traceback" not in output
