"""What an author did wrong in a widget block, and how it is told to them."""

from __future__ import annotations

import logging

# A child of MkDocs' logger, so `mkdocs build --strict` counts these and stops.
log = logging.getLogger("mkdocs.extensions.debrief")


class WidgetProblem(ValueError):
    """One mistake in a block: what is wrong and how to fix it."""

    def __init__(self, message: str, fix: str, near: str = "", nth: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix
        # Text on the offending line, used to point at it more closely than the block header.
        self.near = near
        self.nth = nth  # which occurrence of `near` after the block header is meant
        self.text = ""  # the full message once reported


class WidgetProblems(ValueError):
    """Several independent mistakes in one option or content, all reported at once."""

    def __init__(self, problems: list[WidgetProblem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def raise_all(problems: list[WidgetProblem]) -> None:
    """Raise nothing, the one problem, or all of them."""
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise WidgetProblems(problems)


def describe(source: str, line: int | None, subject: str, problem: WidgetProblem) -> str:
    """Format a problem as `file:line: subject: what is wrong. Fix: how.`"""
    where = source or "<markdown>"
    if line:
        where += f":{line}"
    return f"{where}: {subject}: {problem.message}. Fix: {problem.fix}."


def report(source: str, line: int | None, subject: str, problem: WidgetProblem) -> str:
    """Log a problem as an error and return the text that was logged."""
    text = describe(source, line, subject, problem)
    log.error(text)
    return text


def warn(source: str, line: int | None, subject: str, problem: WidgetProblem) -> str:
    """Log a problem that leaves the page built, but not as the author meant, as a warning."""
    text = describe(source, line, subject, problem)
    log.warning(text)
    return text
