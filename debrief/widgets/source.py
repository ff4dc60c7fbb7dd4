"""Where each widget block starts in the Markdown source, so that problems can name a line.

Python-Markdown hands block processors paragraphs, not line numbers. This preprocessor runs
first, notes the line of every widget header outside code fences, and lets each block claim
its header in document order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown.preprocessors import Preprocessor

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


@dataclass
class Header:
    """A `/// name | title` line found in the source."""

    line: int
    name: str
    title: str
    claimed: bool = False


class HeaderTracker(Preprocessor):
    """Records widget header lines; blocks claim them as they are parsed."""

    def __init__(self, md, names: tuple[str, ...]) -> None:
        super().__init__(md)
        self.header = re.compile(
            r"^\s*/{3,}\s*(" + "|".join(names) + r")\s*(?:\|\s*(.*?))?\s*$", re.IGNORECASE
        )
        self.line_offset = 0
        self.lines: list[str] = []
        self.headers: list[Header] = []

    def run(self, lines: list[str]) -> list[str]:
        self.lines = list(lines)
        self.headers = []
        fence = ""
        for index, text in enumerate(lines):
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
                name, title = found.group(1).lower(), found.group(2) or ""
                self.headers.append(Header(self.source_line(index), name, title))
        return lines

    def source_line(self, index: int) -> int:
        """The 1-based line in the author's file of the 0-based Markdown line `index`."""
        return index + 1 + self.line_offset

    def claim(self, name: str, title: str | None) -> int | None:
        """Mark the next unclaimed header of this block as read and return its line."""
        waiting = [h for h in self.headers if not h.claimed and h.name == name]
        exact = [h for h in waiting if h.title == (title or "")]
        header = (exact or waiting or [None])[0]
        if header is None:
            return None
        header.claimed = True
        return header.line

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

    def options_of(self, header: Header) -> tuple[str, int]:
        """The indented option lines under a header, and the source line of the first one."""
        first = header.line - self.line_offset  # 0-based index of the line after the header
        index = first
        while index < len(self.lines) and self.lines[index].startswith("    "):
            index += 1
        return "\n".join(self.lines[first:index]), self.source_line(first)
