"""Debrief wired in every way, on every builder: MkDocs with the plugin and the hook both on
(the controls work), Zensical with a worksheet's "Save to log" form (saving lands on the log
page), and one line with no traceback for a misspelt setting on MkDocs, ProperDocs and
Zensical, with the settings of the configuration being built."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from debrief.settings import OPTION_NAMES
from debrief.strings import table
from tests.browser.browser_support import rate, script_errors, wait_app, wait_ready, widget
from tests.browser.conftest import SiteHandler, serve_folder
from tests.conftest import ROOT, write_site
from tests.plugin.test_wiring import PAGES, SITE_URL, output_of

from .conftest import BIN, ENV, copy_handbook
from .test_journey import JOURNEYS

ZENSICAL_STYLE = ("extra_css:\n  - assets/debrief/debrief.css\n"
                  "extra_javascript:\n  - path: assets/debrief/debrief.js\n    type: module\n")


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True,
                          timeout=300, check=False)


# ---- The handbook with the plugin and the hook both on ----------------------------------------


@pytest.fixture(scope="module")
def handbook_wired_twice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    project = copy_handbook(tmp_path_factory.mktemp("twice") / "project")
    (project / "debrief").symlink_to(ROOT / "debrief")  # mkdocs.yml watches it
    config = (project / "mkdocs.yml").read_text()
    assert "plugins:\n  - search\n" in config
    (project / "mkdocs.yml").write_text(config.replace("plugins:\n  - search\n",
                                                       "plugins:\n  - search\n  - debrief\n", 1))
    result = run([sys.executable, "-m", "mkdocs", "build", "-d", str(project / "site")], project)
    output = output_of(result)
    assert result.returncode == 0, output
    with serve_folder(project / "site", SiteHandler) as url:
        yield output, url


def test_the_handbook_wired_twice_warns_once(handbook_wired_twice: tuple[str, str]) -> None:
    output, _ = handbook_wired_twice
    warnings = [line for line in output.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1 and "Debrief is wired in twice" in warnings[0], output
    assert "Traceback" not in output


def test_the_handbook_wired_twice_keeps_its_controls(handbook_wired_twice: tuple[str, str],
                                                     browser: Browser) -> None:
    """Before, every control disappeared and the console said `"undefined" is not valid
    JSON`: a tick is made, survives a reload and reaches the progress page."""
    _, url = handbook_wired_twice
    context = browser.new_context()
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = script_errors(page)
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" else None)
    page_path, widget_id, progress_path = JOURNEYS["mkdocs"]
    page.goto(url + page_path)
    wait_ready(page)
    section = widget(page, widget_id)
    first = section.locator("input[type=checkbox]").first
    first.check()
    page.reload()
    wait_ready(page)
    expect(first).to_be_checked()
    expect(section.get_by_role("button", name=table("en")["reset"])).to_be_visible()
    page.goto(url + progress_path)
    wait_app(page)
    expect(page.locator(f"li[data-widget={widget_id}]")).to_contain_text("1 of ")
    context.close()
    assert not errors, errors


# ---- Zensical: the worksheet's "Save to log" form ---------------------------------------------


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp("zensical")
    write_site(project, PAGES, SITE_URL + ZENSICAL_STYLE +
               "markdown_extensions:\n  - attr_list\n  - debrief.widgets\n")
    for command in ([sys.executable, "-m", "debrief", "assets", "--strict", "docs/assets/debrief"],
                    [str(BIN / "zensical"), "build", "--strict"]):
        result = run(command, project)
        assert result.returncode == 0, output_of(result)
    with serve_folder(project / "site", SiteHandler) as url:
        yield url


def test_zensical_worksheets_save_to_the_log(zensical_site: str, browser: Browser) -> None:
    context = browser.new_context()
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = script_errors(page)
    page.goto(zensical_site + "rate/")
    wait_ready(page)
    form = widget(page, "run").locator(".debrief-log-form")
    expect(form).to_be_visible()
    rate(page, "run", "clarity", 4)
    page.locator("#run--log-label").fill("Acme mock")
    page.locator("#run--log-date").fill("2024-03-01")
    form.get_by_role("button", name="Save to log").click()
    expect(widget(page, "run").locator(".debrief-saved")).to_have_text(
        f" {table('en')['script.logged']}")
    form.get_by_role("link").first.click()  # the form's link to the log page
    wait_app(page)
    assert page.url.rstrip("/").endswith("/log"), page.url
    expect(page.locator("section[data-debrief-app]")).to_contain_text("Acme mock")
    context.close()
    assert not errors, errors


# ---- One line per mistake, no traceback, on each builder -------------------------------------

BUILDERS = ("mkdocs", "properdocs", "zensical")
TYPO = "markdown_extensions:\n  - attr_list\n  - debrief.widgets:\n      colour: red\n"
TYPO_LINE = ("mkdocs.yml: markdown_extensions: debrief.widgets: unknown option 'colour'. Fix: "
             f"use one of: {', '.join(OPTION_NAMES)}.")


def build(builder: str, project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    if builder == "mkdocs":
        return run([sys.executable, "-m", "mkdocs", "build", "--strict", *extra], project)
    return run([str(BIN / builder), "build", "--strict", *extra], project)


@pytest.mark.parametrize("builder", BUILDERS)
def test_a_misspelt_extension_setting_is_one_line(tmp_path: Path, builder: str) -> None:
    write_site(tmp_path, PAGES, SITE_URL + ZENSICAL_STYLE + TYPO)
    result = build(builder, tmp_path)
    output = output_of(result)
    assert "Traceback" not in output, output
    lines = [line for line in output.splitlines() if "colour" in line]
    assert len(lines) == 1 and lines[0].endswith(TYPO_LINE), output
    assert output.count("Fix:") == 1, output
    if builder != "zensical":  # Zensical's --strict counts no extension's message
        assert result.returncode != 0, output
    else:  # each widget shows the mistake in place
        page = (tmp_path / "site" / "index.html").read_text()
        assert "unknown option &#x27;colour&#x27;" in page or "unknown option 'colour'" in page


@pytest.mark.parametrize("builder", ("mkdocs", "properdocs"))
def test_settings_under_plugin_and_extension_are_one_message(tmp_path: Path,
                                                             builder: str) -> None:
    write_site(tmp_path, PAGES, SITE_URL + "plugins:\n  - debrief:\n      namespace: mine\n"
               "markdown_extensions:\n  - debrief.widgets:\n      scale: [Low, High]\n")
    output = output_of(result := build(builder, tmp_path))
    assert result.returncode != 0 and "Traceback" not in output, output
    lines = [line for line in output.splitlines() if "Debrief" in line]
    assert len(lines) == 1 and "settings are written twice, under plugins: debrief " \
        "(namespace) and under markdown_extensions: debrief.widgets (scale). Fix: " in lines[0]


@pytest.mark.parametrize("builder", BUILDERS)
def test_the_config_given_with_f_is_the_one_read(tmp_path: Path, builder: str) -> None:
    """Run beside a mkdocs.yml in Japanese with a misspelt setting, a build of another
    configuration is that one's: English, its namespace, no message."""
    here, other = tmp_path / "here", tmp_path / "other"
    write_site(here, PAGES, SITE_URL + "markdown_extensions:\n  - debrief.widgets:\n"
               "      language: ja\n      colour: red\n", language="ja")
    write_site(other, PAGES, "site_url: https://other.example.org/guide/\n" + ZENSICAL_STYLE
               + "markdown_extensions:\n  - attr_list\n  - debrief.widgets\n")
    (other / "docs" / "assets" / "debrief").mkdir(parents=True)
    result = build(builder, here, "-f", "../other/mkdocs.yml",
                   *(["-d", str(other / "site")] if builder != "zensical" else []))
    output = output_of(result)
    assert result.returncode == 0 and "colour" not in output and "Traceback" not in output, \
        output
    page = (other / "site" / "index.html").read_text()
    assert "&quot;ns&quot;:&quot;other.example.org_guide&quot;" in page, page[:2000]
    assert f">{table('en')['reset']}<" in page


def test_zensical_leaves_a_plugin_style_site_as_text_and_check_says_so(tmp_path: Path) -> None:
    """Zensical runs no plugins and reports success: `debrief check` is what tells."""
    write_site(tmp_path, PAGES, SITE_URL + "plugins:\n  - debrief\n")
    result = build("zensical", tmp_path)
    assert result.returncode == 0, output_of(result)
    assert "/// checklist" in (tmp_path / "site" / "index.html").read_text()
    check = run([sys.executable, "-m", "debrief", "check", "--strict"], tmp_path)
    assert check.returncode == 1 and "Zensical runs no plugins" in check.stderr, check.stderr
    assert "Traceback" not in output_of(check)



ZENSICAL_TOML = """[project]
site_name = "Coaching"
site_url = "https://coach.example.org/notes/"
extra_css = ["assets/debrief/debrief.css"]
extra_javascript = [{ path = "assets/debrief/debrief.js", type = "module" }]

[project.markdown_extensions.attr_list]
[project.markdown_extensions."debrief.widgets"]
"""


@pytest.mark.parametrize("typo", [False, True], ids=["as-written", "misspelt"])
def test_a_zensical_toml_project_builds_under_its_site_url(tmp_path: Path, typo: bool) -> None:
    """What `zensical new` makes: the namespace comes from its site_url (it was `debrief`), and
    a mistake is one line naming zensical.toml."""
    write_site(tmp_path, PAGES, "")
    (tmp_path / "mkdocs.yml").unlink()
    (tmp_path / "zensical.toml").write_text(ZENSICAL_TOML + ('colour = "red"\n' if typo else ""))
    (tmp_path / "docs" / "assets" / "debrief").mkdir(parents=True)
    result = build("zensical", tmp_path)
    output = output_of(result)
    assert result.returncode == 0 and "Traceback" not in output, output
    lines = [line for line in output.splitlines() if "debrief" in line]
    if typo:
        assert lines == ["zensical.toml: markdown_extensions: debrief.widgets: unknown option "
                         "'colour'. Fix: use one of: "
                         f"{', '.join(OPTION_NAMES)}."], output
        return
    assert lines == [], output
    page = (tmp_path / "site" / "rate" / "index.html").read_text()
    assert "&quot;ns&quot;:&quot;coach.example.org_notes&quot;" in page, page[:2000]
    assert "debrief-log-form" in page
