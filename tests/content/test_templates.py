"""Every message template in the handbook is ready to copy: its code blocks take the names the
reader wrote once (`<<your_name>>`, `<<employer>>`...) instead of asking for them in brackets.

Checked on the built pages, where each reference is a `span.debrief-ref` inside the template's
`<code>`: a bracket placeholder that a field holds (`[Your name]`, `[role]`) is text outside
those spans, so it is found after they are taken out.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

# The candidate's brief (prepare/research.md) and the employer's details (employers/templates.md).
BRIEF = {"your_name", "employer", "role", "interviewer"}
EMPLOYER = {"your_name", "your_job_title", "our_organisation", "vacancy"}

# Each page with message templates, and the fields its templates must use between them.
TEMPLATES: dict[str, set[str]] = {
    "after/thank-you": BRIEF,
    "after/asking-for-feedback": BRIEF,
    "after/waiting": BRIEF,
    "after/refusal-or-silence": BRIEF,
    "after/offers": BRIEF - {"interviewer"},  # to whoever made the offer
    "after/negotiating": BRIEF - {"interviewer"},
    "after/unfair-treatment": {"role", "your_name"},  # to the head of HR
    "prepare/adjustments": BRIEF - {"interviewer"},  # to the contact for adjustments
    "prepare/research": BRIEF - {"interviewer"},  # to a contact, and to the recruiter
    "prepare/interview-day": BRIEF - {"employer"},
    "prepare/mock-interviews": BRIEF - {"interviewer"},
    "prepare/resume-review": BRIEF - {"interviewer"},
    "prepare/internal-candidates": {"role", "your_name"},
    "prepare/formats": {"role"},
    "employers/templates": EMPLOYER,
    "employers/references-and-tasks": EMPLOYER,
    "employers/running-an-interview": {"your_name", "your_job_title"},
}

# Placeholders a field now holds, by whose side the page is on. On an employer's page `[role]`
# can be a panel member's, which no field holds; the candidate's name is never kept.
CANDIDATE_COVERED = {"your name", "role", "job title", "organisation", "employer",
                     "interviewer's name"}
EMPLOYER_COVERED = {"your name", "job title", "organisation"}
# Pages whose templates are someone else's voice, signed with a name no field of theirs holds.
SIGNED_BY_OTHERS = {"coaches", "coaches/sessions"}  # as built: coaches/index.md is coaches/

CODE = re.compile(r'<div class="[^"]*\bhighlight\b[^"]*"><pre>.*?<code>(.*?)</code>', re.S)
REFERENCE = re.compile(r'<span class="debrief-ref" data-debrief-field="([a-z0-9_]+)">[^<]*</span>')
TAG = re.compile(r"<[^>]+>")
PLACEHOLDER = re.compile(r"\[([^\[\]\n]{1,40})\]")


def code_blocks(site: Path, page: str) -> list[str]:
    """The HTML inside each fenced code block of a built page."""
    return CODE.findall((site / page / "index.html").read_text())


def covered_placeholders(block: str, covered: set[str]) -> list[str]:
    """The bracket placeholders of a block, outside references, that a field holds."""
    text = html.unescape(TAG.sub("", REFERENCE.sub("", block)))
    return [f"[{found}]" for found in PLACEHOLDER.findall(text) if found.lower() in covered]


@pytest.mark.parametrize("page", sorted(TEMPLATES))
def test_each_template_page_fills_in_the_names_a_field_holds(built_site: Path, page: str) -> None:
    blocks = code_blocks(built_site, page)
    assert blocks, f"docs/{page}.md has no code block: is it still a template page?"
    used = {name for block in blocks for name in REFERENCE.findall(block)}
    missing = TEMPLATES[page] - used
    assert not missing, f"docs/{page}.md: no template uses <<{'>>, <<'.join(sorted(missing))}>>"
    covered = EMPLOYER_COVERED if page.startswith("employers/") else CANDIDATE_COVERED
    left = [(number, found) for number, block in enumerate(blocks, 1)
            for found in covered_placeholders(block, covered)]
    assert not left, (f"docs/{page}.md: code blocks (by number) still ask for what a field "
                      f"holds: {left}; write the field's <<name>> instead")


def test_no_other_page_asks_a_reader_to_sign_by_hand(built_site: Path) -> None:
    """A template added later, anywhere, signs with <<your_name>> too, unless it is written in
    someone else's voice (a coach's to a client)."""
    unsigned = set()
    for path in built_site.rglob("index.html"):
        page = path.parent.relative_to(built_site).as_posix()
        if page not in SIGNED_BY_OTHERS and any(covered_placeholders(block, {"your name"})
                                                for block in code_blocks(built_site, page)):
            unsigned.add(page)
    assert not unsigned, f"signed [your name], not <<your_name>>: {sorted(unsigned)}"


def test_the_check_finds_a_placeholder_beside_a_reference() -> None:
    """The check itself: a bracket placeholder counts, the label a reference shows does not."""
    block = ('Dear <span class="debrief-ref" data-debrief-field="interviewer">'
             "[Interviewer&#x27;s name]</span>,\nKind regards,\n[Your name]\n[Phone number]")
    assert covered_placeholders(block, CANDIDATE_COVERED) == ["[Your name]"]
    assert REFERENCE.findall(block) == ["interviewer"]
