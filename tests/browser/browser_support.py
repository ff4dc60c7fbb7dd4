"""Helpers shared by the browser tests: where the widgets are, and how to read their state."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

from playwright.sync_api import Locator, Page, expect

# Where the handbook keeps answers: derived from site_url in mkdocs.yml (`data-config` "ns"),
# and the namespace it used before, whose answers a first visit adopts (a copy: never moved).
NAMESPACE = "debrief.example.org"
PREVIOUS_NAMESPACE = "debrief"

# Pages with widgets, and the widgets each holds, as the built site has them.
WIDGET_PAGES: dict[str, tuple[str, ...]] = {
    "": ("home-start",),
    "after/asking-for-feedback/": ("after-ask-ready",),
    "prepare/interview-day/": ("prepare-day-before", "prepare-on-the-day"),
    "prepare/mock-interviews/": ("prepare-mock-interviewer",),
    "learn/self-rating/": ("learn-self-rating",),
    "employers/structured-interviews/": ("employers-interview-scorecard",
                                         "employers-structured-interview"),
}

CHECKLIST_PAGE, CHECKLIST = "after/asking-for-feedback/", "after-ask-ready"
CHECKLIST_ITEMS = ("thank-you-sent", "decision-received", "right-person", "two-questions",
                   "easy-format", "notes-ready", "listen-mindset")
WORKSHEET_PAGE, WORKSHEET = "learn/self-rating/", "learn-self-rating"
CRITERIA = ("communication", "content-knowledge", "interpersonal", "preparation", "examples",
            "questions-asked", "closing")

# The fields tool of the research page, and the thank-you notes that refer to its fields.
FIELDS_PAGE, FIELDS = "prepare/research/", "prepare-brief"
FIELD_NAMES = ("your_name", "employer", "role", "interviewer", "interview_date",
               "interview_format", "place", "panel", "criteria", "evidence", "organisation",
               "pressures",
               "interest", "my_questions", "feedback_culture")
THANK_YOU_PAGE = "after/thank-you/"
FEEDBACK_REQUEST_PAGE = "after/asking-for-feedback/"
# The employer's side: its own fields tool (the reader's name is the brief's `your_name`).
EMPLOYER_TEMPLATES_PAGE, EMPLOYER_FIELDS = "employers/templates/", "employers-template-details"

# The entries tools: the story bank, and the applications list of the waiting page.
STORIES_PAGE, STORY_BANK = "prepare/stories/", "prepare-story-bank"
APPLICATIONS_PAGE, APPLICATIONS = "after/waiting/", "after-applications"

SAVED = "Saved on this device."
NOT_SAVED = "Not saved: this browser blocks storage."


DOC_KEY = f"debrief:{NAMESPACE}"  # all of the site's answers, one JSON document (schema v2)
PREVIOUS_DOC_KEY = f"debrief:{PREVIOUS_NAMESPACE}"


def v1_key(widget_id: str) -> str:
    """Where schema v1 kept one widget's answers; the script migrates these into DOC_KEY."""
    return f"debrief:{NAMESPACE}:{widget_id}"


def open_page(page: Page, url: str) -> Page:
    """Load `url` and wait until the script has set up every widget on it."""
    page.goto(url)
    wait_ready(page)
    return page


def wait_ready(page: Page) -> None:
    """Wait until the page has widgets and the script has set up each of them."""
    page.wait_for_function(
        "() => { const all = [...document.querySelectorAll('.debrief[data-debrief]')];"
        " return all.length > 0 && all.every((w) => w.dataset.ready === '1'); }"
    )


def widget(page: Page, widget_id: str) -> Locator:
    return page.locator(f"section.debrief#{widget_id}")


def field_control(page: Page, name: str, widget_id: str = "prepare-brief") -> Locator:
    """The control of the field `name` in a fields tool."""
    return widget(page, widget_id).locator(f'[data-field="{name}"]')


def records(page: Page, widget_id: str = STORY_BANK) -> Locator:
    """The records an entries tool shows, in their order."""
    return widget(page, widget_id).locator("li.debrief-record")


def record_control(page: Page, number: int, name: str, widget_id: str = STORY_BANK) -> Locator:
    """The control of the field `name` in the entries tool's record `number` (from 1); each
    box of a choice of several."""
    return records(page, widget_id).nth(number - 1).locator(f'[data-field="{name}"]')


def add_record(page: Page, widget_id: str = STORY_BANK) -> None:
    """Add a record, and wait until it is on the page."""
    count = records(page, widget_id).count()
    widget(page, widget_id).get_by_role("button", name="Add an entry").click()
    expect(records(page, widget_id)).to_have_count(count + 1)


def references(page: Page, name: str) -> Locator:
    """Every `<<name>>` of the page, as the build drew it."""
    return page.locator(f'span.debrief-ref[data-debrief-field="{name}"]')


def first_note(page: Page) -> Locator:
    """The code element of the first message template on the page."""
    return page.locator("div.highlight code").first


def note_with(page: Page, words: str) -> Locator:
    """The code element of the one message template on the page that holds `words`."""
    return page.locator("div.highlight code").filter(has_text=words)


def box(page: Page, widget_id: str, item: str) -> Locator:
    return widget(page, widget_id).locator(f'input[type=checkbox][data-item="{item}"]')


def item_label(page: Page, widget_id: str, item: str) -> Locator:
    """The visible text of a checklist item: what a reader clicks."""
    return widget(page, widget_id).locator(f'li[data-item="{item}"] label span')


def radio(page: Page, widget_id: str, criterion: str, value: int) -> Locator:
    return page.locator(f'input[type=radio][name="{widget_id}--{criterion}"][value="{value}"]')


def rate(page: Page, widget_id: str, criterion: str, value: int) -> None:
    """Choose a rating by clicking its label, as a reader would."""
    radio(page, widget_id, criterion, value).locator("xpath=..").click()


def progress(page: Page, widget_id: str) -> Locator:
    return widget(page, widget_id).locator(".debrief-status .debrief-progress")


def saved(page: Page, widget_id: str) -> Locator:
    return widget(page, widget_id).locator(".debrief-status .debrief-saved")


def notes(page: Page, widget_id: str) -> Locator:
    return page.locator(f"textarea#{widget_id}--notes")


def stored_doc(page: Page) -> dict[str, Any] | None:
    raw = page.evaluate("(k) => localStorage.getItem(k)", DOC_KEY)
    return None if raw is None else json.loads(raw)


def stored(page: Page, widget_id: str) -> dict[str, Any] | None:
    """A widget's saved answers with the document's version as "v": only the items ticked and
    the criteria rated (the script also keeps unticked ones as false and unrated ones as 0)."""
    doc = stored_doc(page)
    if doc is None or widget_id not in doc["widgets"]:
        return None
    state = {**doc["widgets"][widget_id], "v": doc["v"]}
    for part in ("items", "ratings"):
        state[part] = {k: v for k, v in (state.get(part) or {}).items() if v}
    return state


def stored_widgets(page: Page) -> list[str]:
    """The ids of the widgets with saved answers."""
    doc = stored_doc(page)
    return sorted(doc["widgets"]) if doc else []


def put_state(page: Page, widget_id: str, state: dict[str, Any]) -> None:
    """Save answers for a widget as another tab of the site would."""
    page.evaluate("""([k, id, state]) => {
        const doc = JSON.parse(localStorage.getItem(k)) || {v: 2, widgets: {}, log: []};
        doc.widgets[id] = state;
        localStorage.setItem(k, JSON.stringify(doc));
    }""", [DOC_KEY, widget_id, state])


def header_bottom(page: Page) -> float:
    """Where Material's sticky header ends, in viewport pixels."""
    return page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")


def top_of(locator: Locator) -> float:
    return locator.evaluate("(e) => e.getBoundingClientRect().top")


def expect_checked(page: Page, widget_id: str, ticked: set[str], items: tuple[str, ...]) -> None:
    for item in items:
        if item in ticked:
            expect(box(page, widget_id, item)).to_be_checked()
        else:
            expect(box(page, widget_id, item)).not_to_be_checked()


def tab_to(page: Page, target: Locator, within: Locator, limit: int = 10) -> None:
    """Press Tab until `target` has the focus, never leaving `within` on the way."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("(e) => e === document.activeElement"):
            return
        assert within.evaluate("(e) => e.contains(document.activeElement)"), (
            "Tab left the widget before reaching " + target.evaluate("(e) => e.outerHTML"))
    raise AssertionError(f"{limit} presses of Tab did not reach the target")


# ---- The progress page, the feedback log, and the one document of answers (schema v2) ----------
# Added for test_progress_page, test_feedback_log, test_export_import, test_share_link,
# test_content_changes and test_tabs.

BACKUP_KEY = f"debrief-backup:{NAMESPACE}"  # the document as it was before the last import
RECOVERY_KEY = f"debrief-recovery:{NAMESPACE}"  # a document the site could not read, kept aside
PROGRESS_PAGE, PROGRESS_APP = "progress/", "debrief-progress"
LOG_PAGE, LOG_APP = "log/", "debrief-feedback-log"
EXPORTED = "2024-06-01T12:00:00.000Z"


def shown_date(day: str) -> str:
    """A date (YYYY-MM-DD) as the English pages show it: Intl.DateTimeFormat("en", medium)."""
    from datetime import date

    parsed = date.fromisoformat(day)
    return f"{parsed:%b} {parsed.day}, {parsed.year}"


def saved_json(page: Page, storage_key: str) -> Any:
    """The JSON saved under a localStorage key, parsed; None if there is nothing."""
    raw = page.evaluate("(k) => localStorage.getItem(k)", storage_key)
    return None if raw is None else json.loads(raw)


def saved_doc(page: Page) -> dict[str, Any] | None:
    return saved_json(page, DOC_KEY)


def make_doc(widgets: dict[str, Any] | None = None,
             log: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"v": 2, "widgets": widgets or {}, "log": log or [], "t": EXPORTED}


def worksheet_doc(ratings: dict[str, int], notes: str = "") -> dict[str, Any]:
    """A stored document holding only the test worksheet's `ratings` and `notes`."""
    return make_doc({WORKSHEET: {"items": {}, "ratings": ratings, "notes": notes}})


def make_entry(entry_id: str, date: str, ratings: dict[str, int], label: str = "",
               notes: str = "", worksheet: str = WORKSHEET, t: str = "") -> dict[str, Any]:
    """A feedback log entry as a worksheet's "Save to log" writes it."""
    return {"id": entry_id, "worksheet": worksheet, "label": label or f"Interview {entry_id}",
            "date": date, "ratings": ratings, "notes": notes, "t": t or f"{date}T18:00:00.000Z"}


def make_export(widgets: dict[str, Any], log: list[dict[str, Any]],
                site: str = NAMESPACE) -> dict[str, Any]:
    """A file as "Export all my answers" writes it."""
    return {"format": "debrief", "version": 2, "site": site, "exported": EXPORTED,
            "widgets": widgets, "log": log}


def with_storage(url: str, entries: dict[str, Any]) -> dict[str, Any]:
    """`storage_state` for a new context whose origin (that of `url`) starts with these
    localStorage entries; values that are not strings are saved as JSON."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return {"cookies": [], "origins": [{
        "origin": f"{parts.scheme}://{parts.netloc}",
        "localStorage": [{"name": name, "value": value if isinstance(value, str)
                          else json.dumps(value)} for name, value in entries.items()],
    }]}


def returning_reader(new_page: Callable[..., Page], site_url: str, doc: Any) -> Page:
    """A new page whose site storage already holds `doc`, as a returning reader's does."""
    return new_page(storage_state=with_storage(site_url, {DOC_KEY: doc}))


def app(page: Page, app_id: str) -> Locator:
    """The section of the progress page or of the feedback log."""
    return page.locator(f"section#{app_id}[data-debrief-app]")


def wait_app(page: Page) -> None:
    """Wait until the script has drawn every progress page or log on the page."""
    page.wait_for_function(
        "() => { const all = [...document.querySelectorAll('section[data-debrief-app]')];"
        " return all.length > 0 && all.every((s) => s.dataset.readyMs !== undefined); }")


def open_app(page: Page, url: str) -> Page:
    page.goto(url)
    wait_app(page)
    return page


def app_status(page: Page, app_id: str) -> Locator:
    """The live region above a progress page or log, where its messages appear."""
    return app(page, app_id).locator("p.debrief-status[role=status]")


def choose_file(page: Page, content: bytes | dict[str, Any], name: str = "export.json") -> None:
    """Pick a file for "Import answers from an export file"."""
    data = content if isinstance(content, bytes) else json.dumps(content).encode()
    page.locator("#debrief-import-file").set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": data})


def download(page: Page, button_name: str) -> tuple[str, bytes]:
    """Click a button that downloads a file; its suggested name and its content."""
    with page.expect_download() as info:
        page.get_by_role("button", name=button_name, exact=True).click()
    got = info.value
    with open(got.path(), "rb") as file:
        return got.suggested_filename, file.read()


def site_manifest(site: Any) -> dict[str, Any]:
    """The manifest of the site built into the folder `site` (a Path)."""
    return json.loads((site / "assets" / "debrief" / "manifest.json").read_text(encoding="utf-8"))


AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]},
    "rules": {"target-size": {"enabled": True}},
    "resultTypes": ["violations"],
}


def open_shared(page: Page, url: str) -> None:
    """Open a share link (`...#share=<widget>:<answers>`) and wait for the widgets to start."""
    page.goto(url)
    wait_ready(page)


def share_banner(page: Page, widget_id: str) -> Locator:
    """The preview a share link shows above a widget, with its Save and Dismiss buttons."""
    return widget(page, widget_id).locator(".debrief-share")


def expect_scheme(page: Page, scheme: str) -> None:
    """Wait until Material shows the page in `scheme` ("light" or "dark") as the reader prefers."""
    expect(page.locator("body")).to_have_attribute(
        "data-md-color-scheme", {"light": "default", "dark": "slate"}[scheme])


def axe_report(page: Page, state: str, within: str | None = None) -> str:
    """Every axe violation on the whole page, or only in the elements matching the selector
    `within`, none excused; "" when there is none."""
    from axe_playwright_python.sync_playwright import Axe

    scope = {"include": [[within]]} if within else None
    results = Axe().run(page, context=scope, options=AXE_OPTIONS).response
    lines = []
    for violation in results["violations"]:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {' '.join(map(str, node['target']))}\n      {node['html'][:160]}\n"
                     f"      {(node.get('failureSummary') or '').replace(chr(10), ' ')}"
                     for node in violation["nodes"])
    return f"axe violations on {page.url} ({state}):\n" + "\n".join(lines) if lines else ""


def script_errors(page: Page) -> list[str]:
    """Uncaught script errors of `page` from now on, as a list that fills as they happen."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{error.message}\n{error.stack}"))
    return errors


# ---- How controls and text look: borders, contrast, sizes --------------------------------------
# Added for test_other_themes.

# An element's colours as painted, each composited onto what is behind it ([r, g, b], 0-255):
# the background around it (its ancestors'), its own background over that, its border on each
# side over its own background (with the side's style and width), and its text over its own
# background. The canvas reads any colour syntax getComputedStyle may return.
_LOOKS = """(e) => {
  const ctx = document.createElement('canvas').getContext('2d', {willReadFrequently: true});
  const rgba = (c) => { ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data; return [d[0], d[1], d[2], d[3] / 255]; };
  const over = ([r, g, b, a], under) => [r, g, b].map((c, n) => c * a + under[n] * (1 - a));
  const behind = (n) => n ? over(rgba(getComputedStyle(n).backgroundColor), behind(
    n.parentElement)) : [255, 255, 255];
  const s = getComputedStyle(e);
  const around = behind(e.parentElement), own = over(rgba(s.backgroundColor), around);
  return {around, own, text: over(rgba(s.color), own), fontSize: parseFloat(s.fontSize),
    box: e.getBoundingClientRect().toJSON(),
    sides: ['Top', 'Right', 'Bottom', 'Left'].map((side) => ({style: s[`border${side}Style`],
      width: parseFloat(s[`border${side}Width`]), colour: over(rgba(s[`border${side}Color`]),
      own)}))};
}"""


def looks(control: Locator) -> dict[str, Any]:
    """How `control` is painted: see _LOOKS."""
    return control.evaluate(_LOOKS)


def contrast(one: list[float], other: list[float]) -> float:
    """The WCAG contrast ratio of two opaque colours ([r, g, b], 0-255)."""
    def luminance(rgb: list[float]) -> float:
        linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4
                  for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def faint_borders(control: Locator) -> list[str]:
    """The sides of `control` whose border a reader cannot see: none drawn, or under 3:1 (WCAG
    1.4.11) against the background outside it or inside it; [] when all four are visible."""
    seen = looks(control)
    faint = []
    for name, side in zip(("top", "right", "bottom", "left"), seen["sides"], strict=True):
        ratio = min(contrast(side["colour"], seen["around"]), contrast(side["colour"], seen["own"]))
        if side["style"] in ("none", "hidden") or side["width"] <= 0 or ratio < 3:
            faint.append(f"{name}: {side['style']} {side['width']}px, {ratio:.2f}:1")
    return faint


# Every piece of text in Debrief's sections that is drawn: each element with text of its own
# (not only in its children), its font size in pixels, and what it says.
_TEXT_SIZES = """() => [...document.querySelectorAll('section.debrief, section[data-debrief-app]')]
  .flatMap((section) => [section, ...section.querySelectorAll('*')])
  .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())
    && e.getClientRects().length && getComputedStyle(e).visibility === 'visible')
  .map((e) => [parseFloat(getComputedStyle(e).fontSize),
    `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${e.textContent.trim()
      .slice(0, 30)}"`])"""


def text_sizes(page: Page) -> list[tuple[float, str]]:
    """(font size in px, which text) for all the text Debrief draws on the page."""
    return [tuple(found) for found in page.evaluate(_TEXT_SIZES)]


# ---- Faults: a full disk, another tab ------------------------------------------------------------
# Added for test_keeping_answers and test_one_keeper.

QUOTA = "new DOMException('The quota has been exceeded.', 'QuotaExceededError')"


def full_for(prefix: str) -> str:
    """An init script: writes to keys starting with `prefix` fail as on a full disk while
    `window.__full` is true (it starts true)."""
    return f"""(() => {{
      const setItem = Storage.prototype.setItem;
      window.__full = true;
      Storage.prototype.setItem = function (key, value) {{
        if (window.__full && key.startsWith({json.dumps(prefix)})) throw {QUOTA};
        return setItem.call(this, key, value);
      }};
    }})();"""


# ---- What the site writes, checked against its JSON Schema (debrief/schema) --------------------
# Added for test_schema and test_fuzz_storage.

# An init script: every localStorage write of the site's keys goes to the test as well.
_REPORT_WRITES = """(() => {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    setItem.call(this, key, value);
    if (this === window.localStorage && String(key).startsWith("debrief")) {
      window.__debriefWrote(String(key), String(value));
    }
  };
})();"""


def watch_writes(page: Page) -> list[tuple[str, str]]:
    """From the next page load on, every (key, value) the site's scripts save in localStorage,
    in order. Call before opening a page; the test's own setItem calls are recorded too."""
    writes: list[tuple[str, str]] = []
    page.context.expose_binding("__debriefWrote",
                                lambda _source, key, value: writes.append((key, value)))
    page.context.add_init_script(_REPORT_WRITES)
    return writes


def schema_problems(kind: str, data: Any) -> list[str]:
    """What `data` breaks of the "document" or "export" schema, one line each; [] if nothing."""
    from debrief.schema import validator

    errors = validator(kind).iter_errors(data)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message[:200]}"
            for e in errors]


def written_problems(page: Page, writes: list[tuple[str, str]]) -> list[str]:
    """What the documents in `writes` break of the schema; the answers and the backup kept
    before an import are documents, what was kept aside is a copy of foreign data."""
    page.evaluate("0")  # a round trip, so every write reported so far has arrived
    found = []
    for n, (key, value) in enumerate(writes):
        if key.startswith("debrief-recovery:"):
            continue
        if key not in (DOC_KEY, BACKUP_KEY):
            found.append(f"write {n}: unexpected key {key}")
            continue
        doc = json.loads(value)
        found.extend(f"write {n} ({key}): {p}" for p in schema_problems("document", doc))
    return found

# ---- Printing: "Print this tool", and what a print gives --------------------------------------
# Added for test_print_tool.

# As Chrome's print dialog sets an A4 page by default: about a centimetre on each side.
A4 = {"format": "A4", "margin": {side: "10mm" for side in ("top", "right", "bottom", "left")}}


def ask_print(page: Page, widget_id: str) -> None:
    """Choose "Print this tool" on a widget, with the print dialog stubbed (it would block the
    page): the page is then set to print that tool alone, until the browser says the print is
    over (`afterprint`)."""
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    widget(page, widget_id).get_by_role("button", name="Print this tool").click()
    assert page.evaluate("() => window.printed") == 1, "the print dialog was asked for once"


def print_tool(page: Page, widget_id: str) -> bytes:
    """The A4 PDF of "Print this tool" on a widget. Chromium prints as a dialog would, with
    `beforeprint` before and `afterprint` after, so the page is back as it was once it returns."""
    ask_print(page, widget_id)
    return page.pdf(**A4)


def after_print(page: Page) -> None:
    """What the browser does once its print dialog closes."""
    page.evaluate("() => dispatchEvent(new Event('afterprint'))")


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page of a PDF."""
    from pypdf import PdfReader

    return [sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf)).pages]


# ---- The service worker: tests/browser/test_service_worker.py ------------------------------------

INTERVIEW_DAY_PAGE = "prepare/interview-day/"  # kept from a reader's first visit (`precache`)
DAY_BEFORE = "prepare-day-before"  # a checklist on it


# ---- Your interview day: tests/browser/test_interview_day.py -------------------------------------

YOUR_DAY_PAGE, YOUR_DAY = "prepare/your-interview-day/", "debrief-interview-day"
ON_THE_DAY = "prepare-on-the-day"  # the day's checklist it shows


def day_part(page: Page, part: str) -> Locator:
    """A part of the interview-day sheet: "brief", "stories", "questions" or "checklist"."""
    return app(page, YOUR_DAY).locator(f'[data-part="{part}"]')


def wait_controlled(page: Page) -> None:
    """Wait until the site's service worker serves the page (installed, with what it keeps from
    the first visit, and active)."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")


def wait_kept(page: Page, url: str) -> None:
    """Wait until a cache of the site holds `url`."""
    page.wait_for_function("async (url) => Boolean(await caches.match(url))", arg=url)


def cache_names(page: Page) -> list[str]:
    return page.evaluate("() => caches.keys()")


# What every browser test imports with `from .browser_support import *`: the built site's
# pages, widgets and storage keys, and the steps and checks the tests share.
__all__ = [
    "A4",
    "APPLICATIONS",
    "APPLICATIONS_PAGE",
    "AXE_OPTIONS",
    "BACKUP_KEY",
    "CHECKLIST",
    "CHECKLIST_ITEMS",
    "CHECKLIST_PAGE",
    "CRITERIA",
    "DAY_BEFORE",
    "DOC_KEY",
    "EMPLOYER_FIELDS",
    "EMPLOYER_TEMPLATES_PAGE",
    "EXPORTED",
    "FEEDBACK_REQUEST_PAGE",
    "FIELDS",
    "FIELDS_PAGE",
    "FIELD_NAMES",
    "INTERVIEW_DAY_PAGE",
    "LOG_APP",
    "LOG_PAGE",
    "NAMESPACE",
    "NOT_SAVED",
    "ON_THE_DAY",
    "PREVIOUS_DOC_KEY",
    "PREVIOUS_NAMESPACE",
    "PROGRESS_APP",
    "PROGRESS_PAGE",
    "RECOVERY_KEY",
    "SAVED",
    "STORIES_PAGE",
    "STORY_BANK",
    "THANK_YOU_PAGE",
    "WIDGET_PAGES",
    "WORKSHEET",
    "WORKSHEET_PAGE",
    "YOUR_DAY",
    "YOUR_DAY_PAGE",
    "add_record",
    "after_print",
    "app",
    "app_status",
    "ask_print",
    "axe_report",
    "box",
    "cache_names",
    "choose_file",
    "contrast",
    "day_part",
    "download",
    "expect_checked",
    "expect_scheme",
    "faint_borders",
    "field_control",
    "first_note",
    "full_for",
    "header_bottom",
    "item_label",
    "looks",
    "make_doc",
    "make_entry",
    "make_export",
    "note_with",
    "notes",
    "open_app",
    "open_page",
    "open_shared",
    "pdf_pages",
    "print_tool",
    "progress",
    "put_state",
    "radio",
    "rate",
    "record_control",
    "records",
    "references",
    "returning_reader",
    "saved",
    "saved_doc",
    "saved_json",
    "schema_problems",
    "script_errors",
    "share_banner",
    "shown_date",
    "site_manifest",
    "stored",
    "stored_doc",
    "stored_widgets",
    "tab_to",
    "text_sizes",
    "top_of",
    "v1_key",
    "wait_app",
    "wait_controlled",
    "wait_kept",
    "wait_ready",
    "watch_writes",
    "widget",
    "with_storage",
    "worksheet_doc",
    "written_problems",
]
