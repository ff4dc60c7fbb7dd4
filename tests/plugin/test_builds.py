"""What the tools around a build change (see debrief/builds.py): `mkdocs serve` replaces
site_url with its own address, and mkdocs-static-i18n builds a site once per language. The
browser tests test_mike.py and test_i18n.py take readers through the same sites."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from tests.conftest import mkdocs_build
from tests.plugin.test_plugin_site import FIXTURE

CONFIG = re.compile(r'data-config="([^"]*)"')


def config_of(page: str) -> dict:
    """The settings a built page hands its scripts (data-config of its first section)."""
    found = CONFIG.search(page)
    assert found, "no widget on the page"
    return json.loads(html.unescape(found[1]))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_preview_keeps_answers_under_the_published_sites_name(tmp_path: Path) -> None:
    """`mkdocs serve` builds with site_url set to its own address: a preview whose answers
    were named after it would export files "from another site" for the published one."""
    site = tmp_path / "project"
    shutil.copytree(FIXTURE, site)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=site, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        page = ""
        for _ in range(600):  # up to a minute on a busy machine
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/notes/rate/") as reply:
                    page = reply.read().decode()
                break
            except OSError:
                time.sleep(0.1)
        assert config_of(page)["ns"] == "coach.example.net_notes"
        # No service worker: it would outlive the preview in the author's browser.
        assert "page/worker.js" not in page and 'rel="manifest"' in page
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/notes/sw.js")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_each_language_of_a_suffixed_site_gets_its_strings_log_and_manifest(
        tmp_path: Path) -> None:
    """mkdocs-static-i18n's other layout: `rate.fr.md` beside `rate.md`."""
    site = tmp_path / "project"
    shutil.copytree(FIXTURE, site)
    for page in ("index", "rate", "progress", "log"):
        english = (site / "docs" / f"{page}.md").read_text()
        (site / "docs" / f"{page}.fr.md").write_text(english.replace("# ", "# FR ", 1))
    config = yaml.safe_load((site / "mkdocs.yml").read_text())
    del config["nav"]
    config["plugins"] = ["search", {"i18n": {"docs_structure": "suffix", "languages": [
        {"locale": "en", "default": True, "name": "English"},
        {"locale": "fr", "name": "Français"}]}}, "debrief"]
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True))
    out = tmp_path / "out"
    result = mkdocs_build(site, out)
    assert result.returncode == 0, result.stdout + result.stderr

    for lang, prefix in (("en", ""), ("fr", "fr/")):
        rate = (out / prefix / "rate" / "index.html").read_text()
        assert f'lang="{lang}"' in rate
        assert config_of(rate)["manifest"] == f"manifest.{lang}.json"
        # The form links to the log page of its own language: ../log/ from /fr/rate/.
        assert re.search(r'class="debrief-log-form".*?<a href="\.\./log/">', rate, re.S)
        manifest = json.loads((out / "assets" / "debrief" / f"manifest.{lang}.json").read_text())
        urls = [w["page"]["url"] for w in manifest["widgets"]]
        assert urls == [prefix, f"{prefix}rate/"]
        assert all(w["page"]["title"].startswith("FR ") == (lang == "fr")
                   for w in manifest["widgets"])
    french = json.loads((Path(__file__).parents[2] / "debrief/strings/fr.json").read_text())
    assert french["log.save-button"] in (out / "fr" / "rate" / "index.html").read_text()
    assert not (out / "assets" / "debrief" / "manifest.json").exists()
