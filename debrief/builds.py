"""What the tools around an MkDocs build change, and how Debrief keeps readers' answers steady
through it. Each one rewrites part of the config that Debrief's settings are derived from:

- `mkdocs serve` replaces `site_url` with the dev server's address, and mike's plugin adds the
  version it deploys (`https://x.org/guide/` becomes `https://x.org/guide/2.0`). Answers are
  named after the `site_url` the site's config file gives, so a preview, each version and the
  published site all keep them under one name.
- mike builds each version with MIKE_DOCS_VERSION set; `versions: separate` keys answers by that
  version, so an alias (`latest`) shares them with the version it points to.
- mkdocs-static-i18n builds the whole site once per language into one folder: each language
  gets its own manifest, named after it.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from .settings import Settings, default_namespace, legacy_namespace

MIKE_VERSION = "MIKE_DOCS_VERSION"  # set by `mike deploy` for the build of one version


def configured_site_url(config: MkDocsConfig) -> str:
    """`site_url` as the config file gives it (with its `INHERIT` and `!ENV` values), before
    `mkdocs serve` or mike change it; the built config's own without a file to read."""
    built = config.site_url or ""
    if not config.config_file_path or not (mike_version() or _serving(config)):
        return built  # as written: reading the file again costs a plain build 6% of its time
    try:
        with open(config.config_file_path, "rb") as file:
            written = yaml_load(file, get_yaml_loader(config=config))
    except (OSError, ConfigurationError):
        return built
    value = written.get("site_url")
    return value if isinstance(value, str) else ""


def _serving(config: MkDocsConfig) -> bool:
    """Whether `mkdocs serve` put its own address in `site_url` (it does before any plugin
    runs)."""
    address = config.dev_addr
    return bool(address) and (config.site_url or "").startswith(
        f"http://{address.host}:{address.port}/")


def mike_version() -> str:
    """The version mike is building ("" when mike is not building)."""
    return os.environ.get(MIKE_VERSION, "").strip()


def i18n_language(config: MkDocsConfig) -> str:
    """The language mkdocs-static-i18n is building ("" without that plugin)."""
    plugin = config.plugins.get("i18n")
    return str(getattr(plugin, "current_language", "") or "")


def i18n_languages(config: MkDocsConfig) -> tuple[str, ...]:
    """Every language mkdocs-static-i18n builds (none without that plugin)."""
    plugin = config.plugins.get("i18n")
    return tuple(str(language) for language in getattr(plugin, "all_languages", None) or ())


def for_build(settings: Settings, options: dict[str, Any], config: MkDocsConfig,
              site_url: str) -> Settings:
    """`settings`, resolved from the configured `site_url`, adjusted to this build: the version
    mike builds, the names its answers had when they were derived from the versioned address,
    and the manifest of the language being built."""
    version = mike_version()
    previous = settings.previous_namespaces
    built_url = config.site_url or ""
    if version and not options.get("namespace") and built_url.rstrip("/") != site_url.rstrip("/"):
        # Earlier builds named each version's answers after its own address: adopt them.
        earlier = (default_namespace(config.site_name, built_url), legacy_namespace(built_url))
        previous = tuple(dict.fromkeys(
            n for n in (*previous, *earlier) if n != settings.namespace))
    language = i18n_language(config)
    return replace(settings, previous_namespaces=previous,
                   version=version if settings.versions == "separate" else "",
                   manifest=f"manifest.{language}.json" if language else "")
