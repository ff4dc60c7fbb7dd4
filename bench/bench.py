"""Debrief's size and speed figures, measured in one run: `make bench`.

1. Widget JS + CSS, gzipped, against the 4 KB budget (and mkdocs-quiz's 11.8 KB).
2. Build time of the real site with the widgets against the same site with them turned off.
3. Generated sites of 100 and 1,000 pages with widgets: the widgets' Markdown work must grow
   linearly; whole builds are shown with and without widgets for comparison.
"""

from __future__ import annotations

import gzip
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

import markdown
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "debrief" / "assets"
BUDGET = 4 * 1024
QUIZ = 11.8 * 1024
ROUNDS = 5

PAGE = """---
description: Generated page {n} for the build benchmark.
---

# Page {n}

Some text about interview number {n}, with a [link](page-{next}.md).

/// checklist | Checklist {n}
    id: check-{n}

- [ ] Prepare three stories {{#stories}}
- [ ] Research the employer {{#research}}
- [ ] Write two questions {{#questions}}
- [ ] Plan the journey {{#journey}}
- [ ] Send a thank-you note {{#thanks}}
///

/// worksheet | Worksheet {n}
    id: rate-{n}
    criteria:
      - {{id: communication, label: Communication, hint: Clear answers}}
      - {{id: evidence, label: Examples and evidence}}
      - {{id: questions, label: Questions asked}}
      - {{id: closing, label: Closing and follow-up}}
///
"""


def asset_sizes() -> None:
    files = [ASSETS / "debrief.js", ASSETS / "debrief.css"]
    raw = sum(len(f.read_bytes()) for f in files)
    packed = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)
    print(f"assets: {raw} B raw, {packed} B gzipped = {packed / BUDGET:.2f} of the 4 KB budget, "
          f"{packed / QUIZ:.2f}x mkdocs-quiz")


def timed_build(config_file: Path, site_dir: Path) -> float:
    config = load_config(str(config_file), site_dir=str(site_dir))
    started = time.perf_counter()
    build(config)
    return time.perf_counter() - started


def config_without_widgets(work: Path) -> Path:
    """The real site's config with the hook and the extension taken out."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    config["hooks"] = []
    config["markdown_extensions"] = [e for e in config["markdown_extensions"]
                                     if e != "debrief.widgets"]
    config["docs_dir"] = str(ROOT / "docs")
    config["validation"] = {"anchors": "info"}  # widget title anchors are gone, links stay
    path = work / "mkdocs-off.yml"
    path.write_text(yaml.safe_dump(config))
    return path


def overhead(work: Path) -> None:
    on, off = ROOT / "mkdocs.yml", config_without_widgets(work)
    times: dict[str, list[float]] = {"on": [], "off": []}
    timed_build(on, work / "warm")  # first build imports everything; not counted
    for _ in range(ROUNDS):
        times["off"].append(timed_build(off, work / "off"))
        times["on"].append(timed_build(on, work / "on"))
    on_s, off_s = statistics.median(times["on"]), statistics.median(times["off"])
    print(f"real site: {on_s:.3f} s with widgets, {off_s:.3f} s without "
          f"(median of {ROUNDS}) = {on_s / off_s:.3f}x (budget 1.05x)")


def generated_site(work: Path, pages: int, widgets: bool) -> Path:
    site = work / f"gen-{pages}-{'on' if widgets else 'off'}"
    docs = site / "docs"
    docs.mkdir(parents=True)
    for n in range(pages):
        (docs / f"page-{n}.md").write_text(PAGE.format(n=n, next=(n + 1) % pages))
    (docs / "index.md").write_text("---\ndescription: Generated index.\n---\n\n# Index\n")
    wiring = (f"hooks:\n  - {ROOT / 'hooks' / 'debrief.py'}\n" if widgets else "")
    (site / "mkdocs.yml").write_text(
        "site_name: Generated\ntheme:\n  name: material\n  font: false\n" + wiring +
        "markdown_extensions:\n  - attr_list\n" + ("  - debrief.widgets\n" if widgets else ""))
    return site / "mkdocs.yml"


def conversion_time(pages: int) -> float:
    """Python-Markdown alone, with the site's extensions, over `pages` generated pages."""
    sources = [PAGE.format(n=n, next=n + 1) for n in range(pages)]
    started = time.perf_counter()
    for source in sources:
        markdown.Markdown(extensions=["attr_list", "debrief.widgets"]).convert(source)
    return time.perf_counter() - started


def scaling(work: Path) -> None:
    convert = {n: min(conversion_time(n) for _ in range(3)) for n in (100, 1000)}
    print(f"generated, Markdown with widgets: 100 pages {convert[100] * 1000:.0f} ms, "
          f"1000 pages {convert[1000] * 1000:.0f} ms = {convert[1000] / convert[100]:.2f}x "
          "for 10x the pages (linear: 10x)")
    for widgets in (True, False):
        took = {n: timed_build(generated_site(work, n, widgets), work / f"out-{n}-{widgets}")
                for n in (100, 1000)}
        print(f"generated, whole build {'with' if widgets else 'without'} widgets: "
              f"100 pages {took[100]:.2f} s, 1000 pages {took[1000]:.2f} s = "
              f"{took[1000] / took[100]:.2f}x")
    print("  (the theme renders the whole navigation into every page, so whole builds grow "
          "faster than linearly with or without widgets)")


def main() -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    sys.setrecursionlimit(10_000)
    asset_sizes()
    with tempfile.TemporaryDirectory() as tmp:
        overhead(Path(tmp))
        scaling(Path(tmp))


if __name__ == "__main__":
    main()
