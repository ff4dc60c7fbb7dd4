"""Lighthouse (desktop) on the built handbook, offline, with Debian's Chromium.

Builds the site, serves it on loopback, and runs the `lighthouse` package from npm (installed in
bench/node_modules by `make lighthouse`) on the home page, a checklist page, a worksheet page,
the progress page and the log (with nothing stored: a first visit). Prints each
page's performance, accessibility and best-practices scores and its cumulative layout shift.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PAGES = {"home": "", "checklist": "after/asking-for-feedback/",
         "worksheet": "learn/self-rating/", "progress": "progress/", "log": "log/"}
FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
         "--disable-component-update")


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                   cwd=ROOT, env=env, check=True)


def audit(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run([str(BENCH / "node_modules" / ".bin" / "lighthouse"), url, "--preset=desktop",
                    "--only-categories=performance,accessibility,best-practices",
                    f"--chrome-flags={FLAGS}", "--output=json", f"--output-path={out}",
                    "--quiet"], env=env, check=True, timeout=300)
    report = json.loads(out.read_text())
    scores = {name: category["score"] for name, category in report["categories"].items()}
    scores["cls"] = report["audits"]["cumulative-layout-shift"]["numericValue"]
    return scores


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        build(site)
        server = ThreadingHTTPServer(("127.0.0.1", 0),
                                     functools.partial(Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        print(f"{'page':<10} {'perf':>5} {'a11y':>5} {'best':>5} {'CLS':>7}")
        for name, path in PAGES.items():
            s = audit(base + path, Path(work) / f"{name}.json")
            print(f"{name:<10} {s['performance']:>5.2f} {s['accessibility']:>5.2f} "
                  f"{s['best-practices']:>5.2f} {s['cls']:>7.3f}")
        server.shutdown()


if __name__ == "__main__":
    main()
