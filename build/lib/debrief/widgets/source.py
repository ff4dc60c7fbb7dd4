"""Widget blocks as they stand in the author's file: the line of each header, and its options.

Python-Markdown hands block processors paragraphs, not line numbers. This preprocessor runs
first, notes the line of every widget header outside code fences, and lets each block claim
its header in document order, so that problems can name a line.

It also reads each block's options once, with libyaml where PyYAML has it, and blanks them
out: pymdownx would parse them again with PyYAML's pure-Python loader, which alone cost more
than the rest of the widgets' build time. A block then finds its options through its header,
which it claims by name and title in document order; a header no block claims is reported.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from typing import Any

import yaml
from markdown.preprocessors import Preprocessor

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_LINE_STARTS = ("`", "~", "/")  # what a fence or a header starts with, after white space
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _indent(line: str) -> int:
    """Columns of leading white space; a blank line counts as not indented."""
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip()) if expanded.strip() else 0


@dataclass
class Header:
    """A `/// name | title` line found in the source, with its options once read."""

    line: int
    name: str
    title: str
    options: dict[str, Any] = field(default_factory=dict)
    error: tuple[int, str] | None = None  # where and why the options could not be read
    claimed: bool = False


class HeaderTracker(Preprocessor):
    """Records widget headers and their options; blocks claim them as they are parsed."""

    def __init__(self, md, names: tuple[str, ...], site: Any = None) -> None:
        super().__init__(md)
        self.site = site  # tells each page's front-matter lines, which the converter never sees
        self.header = re.compile(
            r"^(\s*)/{3,}\s*(" + "|".join(names) + r")\s*(?:\|\s*(.*?))?\s*$", re.IGNORECASE
        )
        self.line_offset = 0
        self.lines: list[str] = []
        self.headers: list[Header] = []

    def run(self, lines: list[str]) -> list[str]:
        self.line_offset = self.site.line_offset if self.site else 0
        self.lines = list(lines)
        self.headers = []
        out = list(lines)
        fence = ""
        for index, text in enumerate(lines):
            if not text.lstrip().startswith(_LINE_STARTS):
                continue  # neither a fence nor a header: most lines, skipped without a regex
            opening = _FENCE.match(text)
            if fence:
                closing = opening.group(1) if opening else ""
                if closing[:1] == fence[0] and len(closing) >= len(fence):
                    fence = ""
                continue
            if opening:
                fence = opening.group(1)
                continue
            found = self.header.match(text)
            if found:
                name, title = found.group(2).lower(), found.group(3) or ""
                header = Header(self.source_line(index), name, title)
                self.headers.append(header)
                self.read_options(header, index, found.group(1), out)
        return out

    def read_options(self, header: Header, index: int, indent: str, out: list[str]) -> None:
        """Parse the option lines under the header at `index`, and blank them out."""
        depth = len(indent.expandtabs(4)) + 4
        end = index + 1
        while end < len(self.lines) and _indent(self.lines[end]) >= depth:
            end += 1
        if end == index + 1:
            return
        text = textwrap.dedent("\n".join(line.expandtabs(4) for line in self.lines[index + 1:end]))
        try:
            options = yaml.load(text, Loader=_LOADER)  # a safe loader: C or pure Python
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            last = end - 1  # an error "at the end of the stream" is on the last option line
            line = self.source_line(min(index + 1 + (mark.line if mark else 0), last))
            why = getattr(error, "problem", None) or error
            header.error = (line, f"its options are not valid YAML ({why})")
            return
        if not isinstance(options, dict):
            header.error = (header.line + 1, "its options are not a set of `key: value` lines")
            return
        header.options = options
        for blank in range(index + 1, end):
            out[blank] = ""

    def source_line(self, index: int) -> int:
        """The 1-based line in the author's file of the 0-based Markdown line `index`."""
        return index + 1 + self.line_offset

    def claim(self, name: str, title: str | None) -> Header | None:
        """Mark this block's header as read: the next unclaimed one of its name and title."""
        waiting = [h for h in self.headers if not h.claimed and h.name == name]
        exact = [h for h in waiting if h.title == (title or "")]
        header = (exact or waiting or [None])[0]
        if header is not None:
            header.claimed = True
        return header

    def find_after(self, line: int | None, needle: str, nth: int = 1) -> int | None:
        """The source line of the `nth` line at or after `line` that contains `needle`."""
        if line is None or not needle:
            return None
        start = line - 1 - self.line_offset
        for index in range(max(start, 0), len(self.lines)):
            if needle in self.lines[index]:
                nth -= 1
                if not nth:
                    return self.source_line(index)
        return None

    def unclaimed(self) -> list[Header]:
        return [h for h in self.headers if not h.claimed]
