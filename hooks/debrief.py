"""MkDocs hook for Debrief: wires the widgets extension in, ships its assets once as files, and
checks what needs the whole site. The Markdown-to-HTML work lives in `debrief.widgets`."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from debrief.assets import shipped_assets
from debrief.site import SiteWidgets, site_settings, without_controls, without_markers

EXTENSION = "debrief.widgets"
ASSET_DIR = "assets/debrief"

site: SiteWidgets | None = None
hidden: dict[str, str] = {}  # page source -> its HTML with controls, while search reads it
log_page_required = False


# Hooks


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global site, log_page_required
    settings = site_settings(config)
    site = SiteWidgets(Path(config.config_file_path or ".").resolve().parent,
                       settings.pop("log_page"))
    log_page_required = settings.pop("log_page_required")
    if EXTENSION not in config.markdown_extensions:
        config.markdown_extensions.append(EXTENSION)
    config.mdx_configs.setdefault(EXTENSION, {}).update(settings, site=site)
    config.extra_css.append(f"{ASSET_DIR}/debrief.css")
    config.extra_javascript.append(f"{ASSET_DIR}/debrief.js")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert site is not None
    for name, content in shipped_assets().items():
        files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=content))
    site.files = files
    site.check_log_page(log_page_required)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    assert site is not None
    site.nav_order = {page.file.src_uri: n for n, page in enumerate(nav.pages)}
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert site is not None
    site.start_page(page, markdown)
    return markdown


# The theme's search plugin parses every page's HTML at priority 0: hand it the page without
# the widgets' controls (less to parse, nothing to index), then give the page its controls back.
@event_priority(100)
def _hide_controls(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    hidden[page.file.src_uri] = page.content or ""
    page.content = without_controls(page.content or "")
    return context


@event_priority(-100)
def _show_controls(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    page.content = without_markers(hidden.pop(page.file.src_uri, page.content or ""))
    return context


on_page_context = CombinedEvent(_hide_controls, _show_controls)


def on_env(env, config: MkDocsConfig, files: Files):
    assert site is not None
    site.check_unique_ids()
    return env


def on_post_build(config: MkDocsConfig) -> None:
    assert site is not None
    manifest = Path(config.site_dir) / ASSET_DIR / "manifest.json"
    namespace = config.mdx_configs[EXTENSION]["namespace"]
    manifest.write_text(json.dumps(site.manifest(namespace), ensure_ascii=False,
                                   separators=(",", ":")))
