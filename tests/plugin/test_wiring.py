"""How Debrief is wired into a build: the plugin, the handbook's hook, the bare extension. Wired
twice, one wires the build and the other stands aside with one warning; settings written in two
places, or a misspelt one, stop the build with one message that names the place and the fix,
and no traceback; settings come from the configuration being built, not the working folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from debrief.cli import load_project, main
from debrief.settings import OPTION_NAMES
from debrief.strings import table
from tests.conftest import HOOK, mkdocs_build, write_site

PAGES = {
    "index.md": "# Home\n\n/// checklist | Start\n    id: start\n\n- [ ] One {#one}\n///\n",
    "rate.md": "# Rate\n\n/// worksheet | Run\n    id: run\n    criteria:\n"
               "      - id: clarity\n        label: Clarity\n///\n",
    "log.md": "# Log\n\n/// feedback-log | Ratings\n///\n",
}
SITE_URL = "site_url: https://coach.example.org/\n"
EXTENSION = "markdown_extensions:\n  - attr_list\n  - debrief.widgets:\n      scale: [Low, High]\n"
TWICE = "Debrief is wired in twice"


def output_of(result: subprocess.CompletedProcess[str]) -> str:
    return result.stdout + result.stderr


def lines_with(output: str, text: str) -> list[str]:
    return [line for line in output.splitlines() if text in line]


def test_plugin_and_hook_build_what_the_hook_alone_builds(tmp_path: Path) -> None:
    """Both on: before, every control vanished and the console said `"undefined" is not valid
    JSON`, and --strict passed. Now the plugin wires the build, the hook stands aside, the pages
    are those the hook alone builds, and the warning stops --strict."""
    alone, both = tmp_path / "alone", tmp_path / "both"
    write_site(alone, PAGES, SITE_URL + HOOK + EXTENSION)
    write_site(both, PAGES, SITE_URL + "plugins:\n  - search\n  - debrief\n" + HOOK + EXTENSION)
    result = mkdocs_build(alone, alone / "out")
    assert result.returncode == 0 and TWICE not in output_of(result), output_of(result)
    result = mkdocs_build(both, both / "out", strict=False)
    output = output_of(result)
    assert result.returncode == 0, output
    warnings = lines_with(output, "WARNING")
    assert len(warnings) == 1 and TWICE in warnings[0] and "Fix: keep one" in warnings[0], output
    assert "Traceback" not in output
    for page in ("index.html", "rate/index.html", "log/index.html"):
        built = (both / "out" / page).read_text()
        assert built == (alone / "out" / page).read_text(), page
        # The controls (the script reads the widget's settings from data-config).
        assert (f">{table('en')['reset']}<" in built and "data-config=" in built) or \
            "data-debrief-app" in built, page
    assert (both / "out" / "assets" / "debrief" / "manifest.json").read_text() == \
        (alone / "out" / "assets" / "debrief" / "manifest.json").read_text()
    strict = mkdocs_build(both, both / "strict")
    assert strict.returncode != 0 and TWICE in output_of(strict), output_of(strict)


def test_the_plugin_listed_twice_with_settings_on_the_second_stops(tmp_path: Path) -> None:
    write_site(tmp_path, PAGES, SITE_URL + "plugins:\n  - debrief\n  - debrief:\n"
               "      namespace: other\n")
    result = mkdocs_build(tmp_path, tmp_path / "out", strict=False)
    output = output_of(result)
    assert result.returncode != 0, output
    errors = lines_with(output, "ERROR")
    assert len(errors) == 1, output
    assert "plugins: debrief: " + TWICE in errors[0] and "(namespace)" in errors[0], output
    assert "Fix: list the plugin once" in errors[0] and "Traceback" not in output


def test_the_plugin_listed_twice_builds_once(tmp_path: Path) -> None:
    """MkDocs warns of a plugin listed twice itself: Debrief adds nothing to that."""
    write_site(tmp_path, PAGES, SITE_URL + "plugins:\n  - debrief\n  - debrief\n")
    result = mkdocs_build(tmp_path, tmp_path / "out", strict=False)
    output = output_of(result)
    assert result.returncode == 0, output
    assert len(lines_with(output, "WARNING")) == 1 and TWICE not in output, output
    page = (tmp_path / "out" / "index.html").read_text()
    assert page.count('data-debrief="checklist"') == 1
    assert f">{table('en')['reset']}<" in page


SETTINGS_TWICE = ("mkdocs.yml: Debrief's settings are written twice, under plugins: debrief "
                  "(namespace) and under markdown_extensions: debrief.widgets (scale). Fix: "
                  "keep them in one place")


@pytest.mark.parametrize("extra", ["", HOOK], ids=["plugin", "plugin-and-hook"])
def test_settings_under_plugin_and_extension_stop_with_one_message(
        tmp_path: Path, extra: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    write_site(tmp_path, PAGES, SITE_URL + "plugins:\n  - debrief:\n      namespace: mine\n"
               + extra + EXTENSION)
    result = mkdocs_build(tmp_path, tmp_path / "out", strict=False)
    output = output_of(result)
    assert result.returncode != 0, output
    assert len(lines_with(output, "ERROR")) == 1, output
    assert SETTINGS_TWICE in output and "Traceback" not in output, output
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert capsys.readouterr().err.strip() == f"debrief: {SETTINGS_TWICE}" + \
        SETTINGS_TWICE_REST


SETTINGS_TWICE_REST = (": under debrief.widgets if the site also builds with Zensical (which "
                       "runs no plugins), else under the plugin.")


WIRINGS = {
    "plugin": "plugins:\n  - debrief:\n      colour: red\n",
    "hook": HOOK + "markdown_extensions:\n  - attr_list\n  - debrief.widgets:\n      colour: red\n",
    "extension": "markdown_extensions:\n  - attr_list\n  - debrief.widgets:\n      colour: red\n",
}
WHERE = {"plugin": "mkdocs.yml: plugins: debrief",
         "hook": "mkdocs.yml: markdown_extensions: debrief.widgets",
         "extension": "mkdocs.yml: markdown_extensions: debrief.widgets"}


@pytest.mark.parametrize("wiring", WIRINGS)
def test_a_misspelt_setting_gives_one_line_and_no_traceback(tmp_path: Path, wiring: str) -> None:
    write_site(tmp_path, PAGES, SITE_URL + WIRINGS[wiring])
    result = mkdocs_build(tmp_path, tmp_path / "out")
    output = output_of(result)
    assert result.returncode != 0, output
    problems = [line for line in output.splitlines() if "colour" in line]
    assert problems == [f"ERROR   -  {WHERE[wiring]}: unknown option 'colour'. Fix: use one "
                        f"of: {', '.join(OPTION_NAMES)}."], output
    assert "Traceback" not in output and output.count("Fix:") == 1, output


@pytest.mark.parametrize("option", ["notes_limit: lots", "versions: both",
                                    "previous_namespaces: 3", "log_page: 7"])
def test_the_plugin_and_the_extension_give_one_and_the_same_message(tmp_path: Path,
                                                                   option: str) -> None:
    """MkDocs's own check of the plugin's options gave a second, different message."""
    messages = []
    for wiring, config in (("plugin", f"plugins:\n  - debrief:\n      {option}\n"),
                           ("hook", HOOK + "markdown_extensions:\n  - debrief.widgets:\n"
                                    f"      {option}\n")):
        project = tmp_path / wiring
        write_site(project, PAGES, SITE_URL + config)
        output = output_of(mkdocs_build(project, project / "out"))
        lines = [line for line in output.splitlines() if "ERROR" in line or "WARNING" in line]
        assert len(lines) == 1 and "Fix:" in lines[0] and "Traceback" not in output, output
        messages.append(lines[0].split(f"{WHERE[wiring]}: ", 1)[-1])
    assert messages[0] == messages[1], messages


@pytest.mark.parametrize("wiring", ["plugin", "hook", "extension"])
def test_settings_come_from_the_config_being_built(tmp_path: Path, wiring: str) -> None:
    """`mkdocs build -f ../other/mkdocs.yml` beside a mkdocs.yml in Japanese with a misspelt
    setting: the build is the other site's, in its language and under its name."""
    here, other = tmp_path / "here", tmp_path / "other"
    write_site(here, PAGES, SITE_URL + "markdown_extensions:\n  - debrief.widgets:\n"
               "      language: ja\n      colour: red\n", language="ja")
    config = {"plugin": "plugins:\n  - debrief\nmarkdown_extensions:\n  - attr_list\n",
              "hook": HOOK + "markdown_extensions:\n  - attr_list\n  - debrief.widgets\n",
              "extension": "markdown_extensions:\n  - attr_list\n  - debrief.widgets\n"}[wiring]
    write_site(other, PAGES, "site_url: https://other.example.org/guide/\n" + config)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "../other/mkdocs.yml",
         "-d", str(tmp_path / "out")], cwd=here, capture_output=True, text=True, timeout=300,
        check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    output = output_of(result)
    assert result.returncode == 0, output
    page = (tmp_path / "out" / "index.html").read_text()
    assert "&quot;ns&quot;:&quot;other.example.org_guide&quot;" in page, page[:3000]
    assert f">{table('en')['reset']}<" in page


LOG_CASES = {
    # A change log at log.md is no feedback log: worksheets offer no "Save to log" form.
    "changelog-at-log.md": (
        {"log.md": "# Changes\n\n- 1.0: first\n"}, "",
        "docs/log.md has no `/// feedback-log` block, so it is not taken for the feedback log",
        "Fix: set `log_page: ''` if the site keeps no feedback log, or add the block to "
        "docs/log.md."),
    "block-elsewhere-unset": (
        {"log.md": None, "journal.md": "# Journal\n\n/// feedback-log | Ratings\n///\n"}, "",
        "log_page is not set, and docs/journal.md holds the `/// feedback-log` block",
        "Fix: set `log_page: journal.md`."),
    "log-page-without-block": (
        {"notes.md": "# Notes\n"}, "log_page: notes.md",
        "log_page 'notes.md' names a page without a `/// feedback-log` block",
        "Fix: add the block to docs/notes.md, or set log_page to the page that holds it "
        "(docs/log.md has one), or to '' for no feedback log."),
}


def log_site(project: Path, case: str) -> None:
    changes, option, _, _ = LOG_CASES[case]
    pages = {**PAGES, **changes}
    write_site(project, {k: v for k, v in pages.items() if v is not None},
               SITE_URL + "plugins:\n  - debrief" + (f":\n      {option}\n" if option else "\n")
               # listed for Zensical too, which `debrief check` would warn of otherwise
               + "markdown_extensions:\n  - attr_list\n  - debrief.widgets\n")


@pytest.mark.parametrize("case", LOG_CASES)
def test_a_log_page_setting_that_fails_silently_warns(tmp_path: Path, case: str) -> None:
    _, _, what, fix = LOG_CASES[case]
    log_site(tmp_path, case)
    result = mkdocs_build(tmp_path, tmp_path / "out", strict=False)
    output = output_of(result)
    assert result.returncode == 0, output
    warnings = lines_with(output, "WARNING")
    assert len(warnings) == 1, output
    assert f"mkdocs.yml: plugins: debrief: {what}" in warnings[0] and fix in warnings[0], output
    strict = mkdocs_build(tmp_path, tmp_path / "strict")
    assert strict.returncode != 0 and "Traceback" not in output_of(strict), output_of(strict)


@pytest.mark.parametrize("case", LOG_CASES)
def test_debrief_check_gives_the_same_log_page_warning(
        tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _, _, what, fix = LOG_CASES[case]
    log_site(tmp_path, case)
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    warnings = lines_with(capsys.readouterr().err, "warning:")
    assert len(warnings) == 1 and what in warnings[0] and fix in warnings[0], warnings
    assert main(["check", "--strict"]) == 1


def test_a_change_log_at_log_md_gets_no_save_to_log_form(tmp_path: Path) -> None:
    log_site(tmp_path, "changelog-at-log.md")
    assert mkdocs_build(tmp_path, tmp_path / "out", strict=False).returncode == 0
    assert "debrief-log-form" not in (tmp_path / "out" / "rate" / "index.html").read_text()


def test_a_log_page_with_its_block_gives_no_warning(tmp_path: Path) -> None:
    write_site(tmp_path, PAGES, SITE_URL + "plugins:\n  - debrief\n")
    result = mkdocs_build(tmp_path, tmp_path / "out")
    assert result.returncode == 0 and "WARNING" not in output_of(result), output_of(result)
    assert "debrief-log-form" in (tmp_path / "out" / "rate" / "index.html").read_text()


# `debrief` on Zensical's own projects, and on a site only MkDocs can build

ZENSICAL_TOML = """[project]
site_name = "Coaching"
site_url = "https://coach.example.org/notes/"
extra_css = ["assets/debrief/debrief.css"]
extra_javascript = [{ path = "assets/debrief/debrief.js", type = "module" }]
"""


def test_a_zensical_toml_project_is_read_with_its_site_url(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """What `zensical new` makes: before, a raw YAML error and the namespace `debrief`."""
    write_site(tmp_path, PAGES, "")
    (tmp_path / "mkdocs.yml").unlink()
    (tmp_path / "zensical.toml").write_text(
        ZENSICAL_TOML + '\n[project.markdown_extensions.attr_list]\n'
        '[project.markdown_extensions."debrief.widgets"]\nscale = ["Low", "High"]\n')
    monkeypatch.chdir(tmp_path)
    assert main(["assets", "docs/assets/debrief"]) == 0, capsys.readouterr().err
    assert load_project(Path("zensical.toml")).settings.namespace == "coach.example.org_notes"
    assert main(["check"]) == 0, capsys.readouterr().err


def test_an_unquoted_extension_name_in_zensical_toml_is_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    write_site(tmp_path, PAGES, "")
    (tmp_path / "mkdocs.yml").unlink()
    (tmp_path / "zensical.toml").write_text(
        ZENSICAL_TOML + "\n[project.markdown_extensions.debrief.widgets]\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "debrief: zensical.toml: markdown_extensions names debrief.widgets without quotes, so "
        "Zensical looks for an extension called `debrief`. Fix: quote the name: "
        '`[project.markdown_extensions."debrief.widgets"]`.'], err


ZENSICAL_LEAVES = "so Zensical leaves every Debrief block as text. Fix: add `- debrief.widgets` " \
    "under markdown_extensions in mkdocs.yml"


def test_check_warns_that_zensical_runs_no_plugin(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A plugin-style mkdocs.yml built by Zensical shows raw `/// checklist` text while Zensical
    reports success: `debrief check` says so (a warning: MkDocs alone may build the site),
    `--strict` and `debrief assets`, the Zensical step, stop on it."""
    write_site(tmp_path, PAGES, SITE_URL + "plugins:\n  - debrief\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    warnings = lines_with(capsys.readouterr().err, "warning:")
    assert len(warnings) == 1 and ZENSICAL_LEAVES in warnings[0], warnings
    assert "Zensical runs no plugins" in warnings[0]
    assert main(["check", "--strict"]) == 1
    assert ZENSICAL_LEAVES in capsys.readouterr().err
    assert main(["assets", "docs/assets/debrief"]) == 1
    err = capsys.readouterr().err
    assert ZENSICAL_LEAVES in err and not (tmp_path / "docs" / "assets").exists(), err


def test_check_stops_a_zensical_toml_without_the_extension(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    write_site(tmp_path, PAGES, "")
    (tmp_path / "mkdocs.yml").unlink()
    (tmp_path / "zensical.toml").write_text(ZENSICAL_TOML)
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert "zensical.toml does not list the `debrief.widgets` extension, so Zensical leaves " \
           'every Debrief block as text. Fix: add `[project.markdown_extensions."debrief.' \
           'widgets"]` to zensical.toml.' in err, err
