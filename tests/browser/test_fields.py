"""The fields tool and `<<name>>` references in the handbook: a reader writes the employer once
on the research page, and the thank-you notes show it, live, after a reload, and after export →
delete all → import; without a script the notes read as they did (the labels in brackets);
the copy button of a note copies the filled text; the reader's name signs the feedback request
and the employer's letters; axe finds nothing on the tool."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import mkdocs_build, write_site

from .browser_support import *
from .conftest import serve_folder

EMPLOYER = "Northwind Trading"
READER = "Sam Patel"


def test_a_value_written_once_fills_every_reference(page: Page, site_url: str,
                                                    page_errors: list) -> None:
    open_page(page, site_url + FIELDS_PAGE)
    field_control(page, "employer").fill(EMPLOYER)
    field_control(page, "interviewer").fill("Ms Okafor")
    expect(widget(page, FIELDS).locator(".debrief-saved")).to_have_text(SAVED)
    expect(widget(page, FIELDS).locator(".debrief-progress")).to_have_text(
        f"2 of {len(FIELD_NAMES)} filled in.")
    stored = saved_doc(page)
    assert stored is not None and stored["fields"]["employer"]["value"] == EMPLOYER

    open_page(page, site_url + THANK_YOU_PAGE)
    expect(references(page, "employer").first).to_have_text(EMPLOYER)
    assert set(references(page, "employer").all_text_contents()) == {EMPLOYER}
    assert set(references(page, "interviewer").all_text_contents()) == {"Ms Okafor"}
    assert set(references(page, "role").all_text_contents()) == {"[Role]"}  # not written yet
    note = first_note(page)
    assert f"the [Role] position\nat {EMPLOYER}." in note.text_content()
    assert "Dear Ms Okafor," in note.text_content()

    page.reload()
    wait_ready(page)
    expect(references(page, "employer").first).to_have_text(EMPLOYER)
    assert page_errors == []


def test_references_follow_the_reader_as_they_type(page: Page, site_url: str) -> None:
    """On the research page itself, and in another tab of the same site."""
    open_page(page, site_url + FIELDS_PAGE)
    other = page.context.new_page()
    open_page(other, site_url + THANK_YOU_PAGE)
    field_control(page, "role").fill("Data analyst")
    expect(references(other, "role").first).to_have_text("Data analyst")
    field_control(page, "role").fill("")  # emptied: the page reads as it did
    expect(references(other, "role").first).to_have_text("[Role]")


def test_reset_empties_the_values_and_the_pages_show_the_examples(page: Page,
                                                                  site_url: str) -> None:
    open_page(page, site_url + FIELDS_PAGE)
    field_control(page, "employer").fill(EMPLOYER)
    widget(page, FIELDS).locator("[data-act=reset]").click()
    widget(page, FIELDS).locator("[data-act=confirm]").click()
    expect(field_control(page, "employer")).to_have_value("")
    expect(widget(page, FIELDS).locator(".debrief-progress")).to_have_text(
        f"0 of {len(FIELD_NAMES)} filled in.")
    stored = saved_doc(page)
    assert stored is not None and stored["fields"]["employer"]["value"] == ""
    open_page(page, site_url + THANK_YOU_PAGE)
    assert set(references(page, "employer").all_text_contents()) == {"[Employer]"}


def test_the_copy_button_copies_the_filled_note(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_page(page, site_url + FIELDS_PAGE)
    field_control(page, "employer").fill(EMPLOYER)
    open_page(page, site_url + THANK_YOU_PAGE)
    expect(references(page, "employer").first).to_have_text(EMPLOYER)
    block = page.locator("div.highlight").filter(has_text="Thank you for meeting me").first
    code = block.locator("code")
    # Material copies the code element's text: the filled spans are part of it.
    assert f"at {EMPLOYER}." in code.evaluate("(element) => element.textContent")
    block.hover()
    block.locator("button[data-md-type=copy]").click()  # the theme's (content.code.copy)
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert f"at {EMPLOYER}." in copied and "Dear [Interviewer's name]," in copied


def test_export_delete_import_keeps_the_values(page: Page, site_url: str) -> None:
    open_page(page, site_url + FIELDS_PAGE)
    field_control(page, "employer").fill(EMPLOYER)
    expect(widget(page, FIELDS).locator(".debrief-saved")).to_have_text(SAVED)

    open_app(page, site_url + PROGRESS_PAGE)
    name, content = download(page, "Export all my answers")
    assert json.loads(content)["fields"]["employer"]["value"] == EMPLOYER
    app(page, PROGRESS_APP).get_by_role("button", name="Delete all my data").click()
    app(page, PROGRESS_APP).get_by_role("button", name="Yes, delete everything").click()
    expect(app_status(page, PROGRESS_APP)).to_have_text(
        "Deleted every answer and log entry on this device.")
    open_page(page, site_url + THANK_YOU_PAGE)
    expect(references(page, "employer").first).to_have_text("[Employer]")

    open_app(page, site_url + PROGRESS_PAGE)
    choose_file(page, content, name)
    choice = app(page, PROGRESS_APP).locator(".debrief-import-choice")
    choice.get_by_role("button", name="Merge").click()
    expect(app_status(page, PROGRESS_APP)).to_contain_text("Imported")
    open_page(page, site_url + THANK_YOU_PAGE)
    expect(references(page, "employer").first).to_have_text(EMPLOYER)
    open_page(page, site_url + FIELDS_PAGE)
    expect(field_control(page, "employer")).to_have_value(EMPLOYER)


def test_the_readers_name_signs_the_feedback_request_and_the_employers_letters(
        page: Page, site_url: str, page_errors: list) -> None:
    """`your_name`, written once in the brief, signs the candidate's feedback request (email and
    phone script) and, being the reader's name whichever side they write from, the employer's
    rejection email too; the employer's own fields fill the rest of it, live."""
    open_page(page, site_url + FIELDS_PAGE)
    for name, value in [("your_name", READER), ("employer", EMPLOYER), ("role", "Data analyst"),
                        ("interviewer", "Ms Okafor")]:
        field_control(page, name).fill(value)
    expect(widget(page, FIELDS).locator(".debrief-saved")).to_have_text(SAVED)

    open_page(page, site_url + FEEDBACK_REQUEST_PAGE)
    email = note_with(page, "a request for feedback")
    expect(email).to_contain_text(f"Kind regards,\n{READER}\n[Phone number]")
    text = email.text_content()
    assert text.startswith("Subject: Data analyst interview \u2013 a request for feedback\n"), text
    assert "Dear Ms Okafor," in text and f"on the role and on\n{EMPLOYER}, and" in text
    assert "[" not in text.replace("[Phone number]", ""), text  # nothing left to fill in
    script = note_with(page, "Is now a good time to talk")
    assert script.text_content().startswith(
        f"Hello Ms Okafor, this is {READER}. I interviewed for the\nData analyst role at "
        f"{EMPLOYER} on [day].")

    open_page(page, site_url + EMPLOYER_TEMPLATES_PAGE)
    expect(field_control(page, "your_name", EMPLOYER_FIELDS)).to_have_value(READER)
    rejection = note_with(page, "Your application for")
    expect(rejection).to_contain_text(
        f"Best wishes,\n{READER}\n[Your job title], [Your organisation]")
    assert "Data analyst" not in rejection.text_content()  # the candidate's role is not theirs
    field_control(page, "vacancy", EMPLOYER_FIELDS).fill("Payroll officer")
    field_control(page, "our_organisation", EMPLOYER_FIELDS).fill("Fabrikam")
    expect(rejection).to_contain_text("Subject: Your application for Payroll officer\n")
    expect(rejection).to_contain_text("your interest in Fabrikam.")
    assert "Dear [first name]," in rejection.text_content()  # the candidate's name is not kept
    page.reload()
    wait_ready(page)
    expect(note_with(page, "Your application for")).to_contain_text(
        f"{READER}\n[Your job title], Fabrikam")
    assert page_errors == []


def test_without_a_script_the_page_reads_as_before(new_page: Any, site_url: str) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(site_url + THANK_YOU_PAGE)
    assert set(references(page, "employer").all_text_contents()) == {"[Employer]"}
    assert set(references(page, "interviewer").all_text_contents()) == {"[Interviewer's name]"}
    assert "Dear [Interviewer's name]," in first_note(page).text_content()
    assert "<<" not in page.locator("article").inner_text()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_fields_tool(new_page: Any, site_url: str, scheme: str) -> None:
    page = new_page(color_scheme=scheme)
    open_page(page, site_url + FIELDS_PAGE)
    expect_scheme(page, scheme)
    within = f"section#{FIELDS}"
    assert axe_report(page, f"{scheme}, empty", within) == ""
    field_control(page, "employer").fill(EMPLOYER)
    field_control(page, "interview_format").select_option("Video")
    field_control(page, "criteria").fill("Analysis\nCommunication")
    expect(widget(page, FIELDS).locator(".debrief-saved")).to_have_text(SAVED)
    widget(page, FIELDS).locator("[data-act=reset]").click()
    expect(widget(page, FIELDS).locator(".debrief-confirm")).to_be_visible()
    assert axe_report(page, f"{scheme}, filled", within) == ""


def test_axe_finds_nothing_on_the_employers_fields_tool(page: Page, site_url: str) -> None:
    """Its title is a level-3 heading under "How to use these templates": no heading skipped."""
    open_page(page, site_url + EMPLOYER_TEMPLATES_PAGE)
    field_control(page, "vacancy", EMPLOYER_FIELDS).fill("Payroll officer")
    expect(widget(page, EMPLOYER_FIELDS).locator(".debrief-saved")).to_have_text(SAVED)
    assert axe_report(page, "employer's details", f"section#{EMPLOYER_FIELDS}") == ""
    title = widget(page, EMPLOYER_FIELDS).locator("h3")
    expect(title).to_contain_text("Your details for these templates")


# ---- A site that lists only `plugins: [search, debrief]` ---------------------------------------

PLUGIN_SITE = "plugins:\n  - search\n  - debrief\nmarkdown_extensions:\n  - pymdownx.superfences\n"
BRIEF = """# Your brief

/// fields | The interview
    id: brief
    fields:
      - {name: employer, label: Employer, example: Acme}
///

/// fields | The same employer, asked again
    id: again
    fields:
      - {name: employer, label: Employer}
///
"""
TEMPLATE = """# A note

```text
Thanks from <<employer>>.
```
"""


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp("fields-site")
    write_site(project, {"index.md": BRIEF, "note.md": TEMPLATE}, PLUGIN_SITE)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_folder(project / "site") as url:
        yield url


def test_a_plugin_only_site_works_the_same_way(page: Page, new_page: Any,
                                               plugin_site: str) -> None:
    bare = new_page(java_script_enabled=False)
    bare.goto(plugin_site + "note/")
    assert references(bare, "employer").all_text_contents() == ["Acme"]  # the example

    open_page(page, plugin_site)
    field_control(page, "employer", "brief").fill(EMPLOYER)
    # The other tool that declares the name shows the value as it is typed, and after a reload.
    expect(field_control(page, "employer", "again")).to_have_value(EMPLOYER)
    page.reload()
    wait_ready(page)
    expect(field_control(page, "employer", "again")).to_have_value(EMPLOYER)
    page.goto(plugin_site + "note/")  # a page with no widget: the references' filler alone
    expect(references(page, "employer")).to_have_text([EMPLOYER])
    code = page.locator("div.highlight code").first
    assert code.evaluate("(element) => element.textContent") == f"Thanks from {EMPLOYER}.\n"


def test_what_a_reader_wrote_goes_to_a_coach_only_when_ticked(page: Page,
                                                              site_url: str) -> None:
    """The coach summary starts with the fields tool unticked: an employer's name or a date
    leaves the device only when the reader chooses it."""
    open_page(page, site_url + FIELDS_PAGE)
    field_control(page, "employer").fill(EMPLOYER)
    expect(widget(page, FIELDS).locator(".debrief-saved")).to_have_text(SAVED)
    open_app(page, site_url + PROGRESS_PAGE)
    picks = app(page, PROGRESS_APP).locator(".debrief-picks")
    choice = picks.locator("label").filter(has_text="Your one-page brief")
    expect(choice.locator("input")).not_to_be_checked()
    _, content = download(page, "Download summary (Markdown)")
    assert EMPLOYER not in content.decode("utf-8")
    choice.locator("input").check()
    _, content = download(page, "Download summary (Markdown)")
    assert EMPLOYER in content.decode("utf-8")
