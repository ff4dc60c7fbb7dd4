"""Browser fixtures: the built site served on loopback, and Chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Error, Page, expect

# Flags that keep Chromium from calling home: the machine has no network, and tests must see
# only the requests the site itself makes.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]

# Generous for a page served from loopback, short enough that a broken wait fails quickly.
TIMEOUT_MS = 10_000
# `expect` keeps its own clock (5 s by default): give it the same, for two workers on two cores.
expect.set_options(timeout=TIMEOUT_MS)


def chromium_path() -> str | None:
    """Debian's Chromium where there is one; else Playwright's own download (None)."""
    for candidate in (os.environ.get("DEBRIEF_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


_LOC = re.compile(rb"<loc>(https?://[^/<]+/)")


class SiteHandler(QuietHandler):
    """Serves the built site as if it were deployed at its `site_url`.

    Material's instant navigation only intercepts links listed in sitemap.xml, after moving the
    sitemap's URLs to the current protocol and host name but *not* port. Built for
    https://debrief.example.org/ and served on 127.0.0.1:<port>, no link would match and every
    click would be a full page load, so instant navigation would go untested. Rewriting the
    sitemap's origin to the one serving it restores what readers of the deployed site get.
    """

    def do_GET(self) -> None:
        if self.path.split("?")[0] != "/sitemap.xml":
            super().do_GET()
            return
        body = (Path(self.directory) / "sitemap.xml").read_bytes()
        found = _LOC.search(body)
        if found:
            host, port = self.server.server_address[:2]
            body = body.replace(found.group(1), f"http://{host}:{port}/".encode())
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class SwitchedSiteHandler(SiteHandler):
    """Serves whichever build its server's `switch` names, or, with the switch off, answers
    nothing: every connection is closed unanswered, which a service worker's fetch sees as no
    network (Playwright's `set_offline` does not reach service workers)."""

    def __init__(self, request: Any, address: Any, server: Any) -> None:
        super().__init__(request, address, server, directory=str(server.switch.folder))

    def handle(self) -> None:
        if self.server.switch.online:
            super().handle()


class Switch:
    """What a switched site serves: `folder` (a build), and whether it answers at all."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.online = True


@contextlib.contextmanager
def serve_switched(folder: Path) -> Iterator[tuple[str, Switch]]:
    """Serve `folder` as if deployed at its site_url (see SiteHandler), through a `Switch` a test
    turns off (offline) or points at another build at the same address; yields the address and
    the switch."""
    switch = Switch(folder)
    server = ThreadingHTTPServer(("127.0.0.1", 0), SwitchedSiteHandler)
    server.switch = switch  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", switch
    finally:
        server.shutdown()


@contextlib.contextmanager
def serve_folder(folder: Path, handler: type = QuietHandler) -> Iterator[str]:
    """Serve `folder` on loopback for as long as the block runs; yields its address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(SiteHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


# Contexts block service workers unless a test asks for them (`new_page(service_workers=
# "allow")`, as tests/browser/test_service_worker.py does): a reader in a private window, and a
# page whose every request `page.route` sees (it cannot see what a worker answers).
WORKERS = "block"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser context per test, so no test sees another's saved answers."""
    context = browser.new_context(service_workers=WORKERS)
    context.set_default_timeout(TIMEOUT_MS)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """Opens a page in a fresh context made with the given options (colour scheme, permissions,
    JavaScript off...); every context it made is closed after the test."""
    contexts: list[BrowserContext] = []

    def make(**options: Any) -> Page:
        context = browser.new_context(**{"service_workers": WORKERS, **options})
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page_errors(page: Page) -> list[Error]:
    """Uncaught script errors of `page`, collected from the start of the test."""
    errors: list[Error] = []

    def record(error: Error) -> None:
        errors.append(error)

    page.on("pageerror", record)
    return errors
