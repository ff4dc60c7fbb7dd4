"""The settings a site gives Debrief, checked once, whichever builder reads them.

They come from the plugin's options (`plugins: [debrief: {...}]`, MkDocs and ProperDocs) or from
the Markdown extension's options (`markdown_extensions: [debrief.widgets: {...}]`, which Zensical
and every Python-Markdown host pass on). Both go through `resolve`, so a value means the same
everywhere and a mistake gets the same message.
"""

from __future__ import annotations

import hashlib
import logging
import posixpath
import re
from dataclasses import dataclass, fields
from typing import Any

from . import strings as string_tables
from .schema import LIMITS
from .strings import Strings
from .widgets.ids import ID_RULE, MAX_ID_LENGTH
from .widgets.problems import WidgetProblem
from .widgets.validate import type_scale

log = logging.getLogger("mkdocs.plugins.debrief")

DEFAULT_LOG_PAGE = "log.md"
SCHEMA_VERSION = 2  # of the document the scripts keep in localStorage (see CONTRIBUTING.md)
STORAGE_PREFIX = "debrief:"
NAMESPACE_RULE = re.compile(r"[A-Za-z0-9._-]{1,100}")
NOTES_LIMITS = (100, LIMITS.notes)  # what a site may set; the schema allows the largest
DEFAULT_NOTES_LIMIT = 2000
IMPORT_FILE_LIMIT = 10_000_000  # bytes: a larger file is no export, and is not even read
VERSION_MODES = ("shared", "separate")


class SettingsError(ValueError):
    """A setting that cannot be used: the message says where it is and how to fix it."""


@dataclass(frozen=True)
class Options:
    """What a site may set, with the defaults it gets when it sets nothing."""

    namespace: str = ""  # "" = derived from site_url (host and path), else from site_name
    previous_namespaces: tuple[str, ...] = ()  # answers saved under these are carried over
    scale: Any = None  # the default rating scale; None = the language's own
    log_page: str | None = None  # None = log.md when the site has it; "" = no feedback log
    notes_limit: int = DEFAULT_NOTES_LIMIT  # characters a reader may type in one notes field
    language: str = ""  # "" = theme.language, else English
    strings: Any = None  # per-key overrides of the language's strings
    versions: str = "shared"  # versioned sites (mike): one set of answers, or one per version
    offline: Any = "auto"  # read from files (file://): one classic script; auto = Material's
    service_worker: Any = True  # keep the pages a reader opened for reading offline (MkDocs)
    precache: Any = ()  # pages kept from a reader's first visit, beside the home page


OPTION_NAMES = tuple(f.name for f in fields(Options))


@dataclass(frozen=True)
class Settings:
    """Checked settings, with every default filled in."""

    namespace: str
    previous_namespaces: tuple[str, ...]
    scale: tuple[str, ...]
    log_page: str | None
    notes_limit: int
    strings: Strings
    versions: str
    language_from: str = "language"  # the setting the language came from, for messages
    version: str = ""  # with `versions: separate`: the version mike builds, which keys answers
    manifest: str = ""  # the manifest's file name when not manifest.json (one per language)
    unnamed: bool = False  # no namespace, site_url or site_name in ASCII to name answers after
    offline: bool | None = None  # the classic-script build for file://; None: as the site's
    # offline plugin (Material's) says, which only the MkDocs plugin can see
    service_worker: bool = True  # the service worker and web app manifest (debrief/webapp.py)
    precache: tuple[str, ...] = ()  # docs paths of the pages the worker keeps as it installs

    @property
    def language(self) -> str:
        return self.strings.language

    def script_config(self) -> dict[str, Any]:
        """What every script needs to know about the site, handed over in the page."""
        return {
            "ns": self.namespace,
            "previous": list(self.previous_namespaces),
            "versions": self.versions,
            "notes": self.notes_limit,  # for typing; what is kept may be longer (see limits)
            # What a document may hold, set in debrief/schema, and the largest file an import
            # reads.
            "limits": {"entries": LIMITS.entries, "label": LIMITS.label, "id": LIMITS.entry_id,
                       "notes": LIMITS.notes, "widgets": LIMITS.widgets,
                       "answers": LIMITS.answers, "file": IMPORT_FILE_LIMIT,
                       "fields": LIMITS.fields, "field": LIMITS.field_value,
                       "fieldName": LIMITS.field_name, "recordTools": LIMITS.record_tools,
                       "records": LIMITS.records, "recordValues": LIMITS.record_values,
                       "record": LIMITS.record_value, "choices": LIMITS.choices},
            "schema": SCHEMA_VERSION,
            "prefix": STORAGE_PREFIX,
            "id": f"^(?=.{{1,{MAX_ID_LENGTH}}}$){ID_RULE.pattern}$",
            # Only on the builds that have them (see debrief/builds.py).
            **({"version": self.version} if self.version else {}),
            **({"manifest": self.manifest} if self.manifest else {}),
        }


def resolve(options: dict[str, Any], where: str, *, site_name: str = "", site_url: str = "",
            theme_language: str = "") -> Settings:
    """Check `options` (as written under `where` in mkdocs.yml) and fill in the defaults."""
    unknown = sorted(set(options) - set(OPTION_NAMES))
    if unknown:
        raise SettingsError(f"{where}: unknown option '{unknown[0]}'. "
                            f"Fix: use one of: {', '.join(OPTION_NAMES)}.")
    given = Options(**options)
    language = _language(given.language or theme_language or "en", where)
    overrides = _overrides(given.strings, where)
    site_strings = Strings.build(language, overrides)
    if given.scale is not None:  # `scale:` gives the labels the `scale` string would
        site_strings.missing = [key for key in site_strings.missing if key != "scale"]
    namespace = _namespace(given.namespace or default_namespace(site_name, site_url), where)
    unnamed = not given.namespace and not site_url and not _name_of(site_name)
    previous = [_namespace(n, where, "previous_namespaces")
                for n in _list(given.previous_namespaces, where, "previous_namespaces")]
    # A site whose name came from its address before the name was made to read back to one
    # address only adopts the answers kept under the name it had then.
    if not given.namespace and site_url:
        previous.append(legacy_namespace(site_url))
    return Settings(
        namespace=namespace,
        previous_namespaces=tuple(dict.fromkeys(n for n in previous if n != namespace)),
        scale=_scale(given.scale, language, site_strings, where),
        log_page=_log_page(given.log_page, where),
        notes_limit=_notes_limit(given.notes_limit, where),
        strings=site_strings,
        versions=_choice(given.versions, VERSION_MODES, where, "versions"),
        language_from="language" if given.language or not theme_language else "theme.language",
        unnamed=unnamed,
        offline=_offline(given.offline, where),
        service_worker=_switch(given.service_worker, where, "service_worker"),
        precache=_pages(given.precache, where, "precache"),
    )


def written_options(config_name: str, plugin: Any, extension: Any) -> tuple[dict[str, Any], str]:
    """The options a site wrote, and where (for messages), from the plugin's entry (`plugins:
    - debrief:`; None for a site that wires Debrief in with a hook) and the extension's
    (`markdown_extensions: - debrief.widgets:`, which Zensical also reads; None when it is not
    listed). A site writes them in one place: in both, neither would be sure to win."""
    at_plugin = f"{config_name}: plugins: debrief"
    at_extension = f"{config_name}: markdown_extensions: debrief.widgets"
    if plugin and extension:
        raise SettingsError(
            f"{config_name}: Debrief's settings are written twice, under plugins: debrief "
            f"({', '.join(map(str, plugin))}) and under markdown_extensions: debrief.widgets "
            f"({', '.join(map(str, extension))}). Fix: keep them in one place: under "
            "debrief.widgets if the site also builds with Zensical (which runs no plugins), "
            "else under the plugin.")
    if plugin or (plugin is not None and not extension):
        return dict(plugin or {}), at_plugin
    return dict(extension or {}), at_extension


_reported: set[str] = set()  # warnings given once per process (see `once` below)


def report_missing_strings(settings: Settings, where: str, *, once: bool = False) -> None:
    """A missing translation, or a language with none, falls back to English with a warning
    (so --strict stops). `once`: not again in this process, for a host that makes the
    extension afresh for every page."""
    strings = settings.strings
    missing = strings.missing
    if not missing:
        return
    shipped = ", ".join(string_tables.languages())
    if strings.asked:
        origin = f" (from {settings.language_from})" if settings.language_from != "language" \
            else ""
        message = (f"{where}: Debrief has no strings for language '{strings.asked}'{origin}, so "
                   f"its widgets are in English. Fix: set `language:` to one of {shipped}, or "
                   "give every string under `strings:` (the keys are in "
                   "debrief/strings/en.json).")
    else:
        message = (
            f"{where}: language '{settings.language}' has no text for {len(missing)} "
            f"string{'s' if len(missing) != 1 else ''} ({', '.join(missing[:5])}"
            f"{', ...' if len(missing) > 5 else ''}); English is shown instead. Fix: add them "
            f"under `strings:`, or use a language Debrief ships: {shipped}.")
    if once and message in _reported:
        return
    _reported.add(message)
    log.warning(message)


def report_unnamed(settings: Settings, where: str) -> None:
    """A site whose answers fall back to the name `debrief` shares them with every other such
    site on its origin (a warning, so --strict stops)."""
    if settings.unnamed:
        log.warning(
            f"{where}: readers' answers are kept under the name '{settings.namespace}', which "
            "other sites on the same address may share: there is no site_url, and site_name has "
            "no ASCII letters or digits to derive a name from. Fix: set `site_url` to the "
            "address readers use, or `namespace:` to a name of ASCII letters (A-Z, a-z), "
            "digits, dots, hyphens and underscores.")


def _address(site_url: str) -> tuple[str, str]:
    """The host (lowercase: hosts ignore case) and the path (as written: paths do not)."""
    address = site_url.split("://", 1)[-1].split("?")[0].split("#")[0]
    host, _, path = address.partition("/")
    return host.lower(), path.strip("/")


# A namespace keeps these characters as they are; "/" becomes "_", and every other character
# becomes "X" and the two upper-case hex digits of each of its UTF-8 bytes. Nothing kept is "_"
# or upper case, so the name reads back to one address only: two sites on one origin never
# share it, whatever their paths ("/Team/" and "/Beam/" stay apart).
_KEPT = re.compile(r"[a-z0-9.-]")
_LONGEST = 100


def _encoded(text: str) -> str:
    return "".join(
        char if _KEPT.fullmatch(char) else "_" if char == "/"
        else "".join(f"X{byte:02X}" for byte in char.encode()) for char in text)


def default_namespace(site_name: str, site_url: str) -> str:
    """The name a site's answers are kept under, from its address: two forks on one origin
    (`user.github.io/a/`, `user.github.io/b/`) differ in host or path, and so in name. A name
    longer than a namespace may be ends in "H" and a hash of the whole. Without a site_url, the
    site's name stands in."""
    if not site_url:
        return _name_of(site_name) or "debrief"
    host, path = _address(site_url)
    name = _encoded(f"{host}/{path}" if path else host)
    if len(name) <= _LONGEST:
        return name or "debrief"
    digest = hashlib.sha256(name.encode()).hexdigest()[:16]
    return f"{name[:_LONGEST - 17]}H{digest}"


def _name_of(site_name: str) -> str:
    """A namespace from the site's name: its ASCII letters and digits, "" for none."""
    return re.sub(r"[^a-z0-9._]+", "-", site_name.lower()).strip("-.")[:_LONGEST]


def legacy_namespace(site_url: str) -> str:
    """The name derived before the one above (lower-case letters only, "/" as "-"): its answers
    are adopted as those of a previous name."""
    host, path = _address(site_url)
    text = "-".join(p for p in (host, path) if p)
    return re.sub(r"[^a-z0-9._]+", "-", text).strip("-.")[:_LONGEST] or "debrief"


def _namespace(value: Any, where: str, name: str = "namespace") -> str:
    if not isinstance(value, str) or not NAMESPACE_RULE.fullmatch(value):
        raise SettingsError(f"{where}: {name} '{value}' is not valid. Fix: use 1 to 100 ASCII "
                            "letters (A-Z, a-z), digits, dots, hyphens and underscores.")
    return value


def _list(value: Any, where: str, name: str) -> list:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list | tuple):
        raise SettingsError(f"{where}: {name} must be a list. Fix: write `{name}: [old-name]`.")
    return list(value)


def _language(language: Any, where: str) -> str:
    """A language code; one Debrief has no strings for is shown in English, with a warning
    (`report_missing_strings`), as a missing translation is."""
    if not isinstance(language, str) or not re.fullmatch(r"[a-zA-Z]{2,3}([-_][A-Za-z0-9]+)*",
                                                         language):
        raise SettingsError(f"{where}: language '{language}' is not a language code. "
                            "Fix: use a code such as en, fr or pt-BR.")
    return language


def _overrides(value: Any, where: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise SettingsError(f"{where}: strings must map string keys to text. "
                            "Fix: write `strings:` then lines like `  reset: Start again`.")
    unknown = string_tables.unknown_keys(value)
    if unknown:
        raise SettingsError(f"{where}: strings has no key '{unknown[0]}'. Fix: use a key of "
                            "debrief/strings/en.json, such as `reset` or `copy`.")
    for key, text in value.items():
        why = string_tables.check_shape(key, text)
        if why:
            raise SettingsError(f"{where}: strings: {why}. Fix: follow the shape of "
                                f"'{key}' in debrief/strings/en.json.")
    return dict(value)


def _scale(value: Any, language: str, site_strings: Strings, where: str) -> tuple[str, ...]:
    """A list, or one list per language (`{en: [...], fr: [...]}`) for a site that switches."""
    entry = ""
    if isinstance(value, dict):
        entry = next((key for key in (language, language.split("-")[0]) if key in value), "")
        if not entry:
            raise SettingsError(f"{where}: scale has no labels for language '{language}'. "
                                f"Fix: add `{language}: [...]` under `scale:`.")
        value = value[entry]
    try:
        return type_scale(site_strings["scale"] if value is None else value, str(entry))
    except WidgetProblem as problem:
        raise SettingsError(f"{where}: {problem.message}. Fix: {problem.fix}.") from None


def _log_page(value: Any, where: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise SettingsError(f"{where}: log_page '{value}' is not a page path. Fix: name the page "
                        "that holds the `/// feedback-log` block, as in `log_page: log.md`, or "
                        "write `log_page: ''` for no feedback log.")


def _notes_limit(value: Any, where: str) -> int:
    low, high = NOTES_LIMITS
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise SettingsError(f"{where}: notes_limit '{value}' is out of range. "
                            f"Fix: use a whole number from {low} to {high}.")
    return value


def _choice(value: Any, allowed: tuple[str, ...], where: str, name: str) -> str:
    if value not in allowed:
        raise SettingsError(f"{where}: {name} '{value}' is not one of {', '.join(allowed)}. "
                            f"Fix: use `{name}: {allowed[0]}`.")
    return value


def _offline(value: Any, where: str) -> bool | None:
    if value == "auto":
        return None
    if not isinstance(value, bool):
        raise SettingsError(f"{where}: offline '{value}' is not one of auto, true, false. "
                            "Fix: leave it out (auto: on when Material's offline plugin is), or "
                            "write `offline: true` or `offline: false`, without quotes.")
    return value


def _switch(value: Any, where: str, name: str) -> bool:
    if not isinstance(value, bool):
        raise SettingsError(f"{where}: {name} '{value}' is not true or false. "
                            f"Fix: write `{name}: true` or `{name}: false`, without quotes.")
    return value


def _pages(value: Any, where: str, name: str) -> tuple[str, ...]:
    """Pages named by their path under docs/, as a list (one alone may be written bare)."""
    pages = _list(value, where, name)
    for page in pages:
        if not isinstance(page, str) or not page.endswith(".md") or page.startswith("/"):
            raise SettingsError(f"{where}: {name} '{page}' is not a page path. Fix: name each "
                                "page by its file under docs/, as in "
                                f"`{name}: [prepare/interview-day.md]`.")
    return tuple(posixpath.normpath(page) for page in pages)


def page_link(log_page: str, page_uri: str) -> str:
    """The link from the page at `page_uri` to the log page, both relative to docs/."""
    here = posixpath.dirname(page_uri) or "."
    return posixpath.relpath(log_page, here)
