"""Errors that wick reports to a person: each message is ready to print as it is."""

from __future__ import annotations

import enum
import sys
from collections.abc import Sequence
from typing import NamedTuple

QUOTE_LIMIT = 60
"""The most of a query a message repeats: a pasted page is not echoed back."""


class ExitStatus(enum.IntEnum):
    """Every status wick ends with, as the README documents them."""

    OK = 0
    ERROR = 1
    """Not found, ambiguous, or a bad knowledge file."""
    USAGE = 2
    INTERNAL = 70
    """A fault in wick itself (the BSD sysexits EX_SOFTWARE)."""
    INTERRUPTED = 130


def quoted(text: str) -> str:
    """A query as a message shows it: quoted, and cut short with its length when it is long."""
    if len(text) <= QUOTE_LIMIT:
        return repr(text)
    return f"{text[:QUOTE_LIMIT]!r}… ({len(text):,} characters)"


def warn(message: str) -> None:
    """Tell the person about something wick went on despite: one line on stderr, stdout left clean."""
    sys.stderr.write(f"Warning: {message}\n")


class WickError(Exception):
    """Base of every error wick turns into a message and an exit code."""

    exit_code = ExitStatus.ERROR


class Problem(NamedTuple):
    """One problem found in a knowledge file, with where it is.

    A named tuple, not a dataclass: importing dataclasses costs a lookup several milliseconds.
    """

    line: int | None
    column: int | None
    where: str
    message: str

    def render(self, path: str) -> str:
        """Format as ``file:line:column: where: message``."""
        place = path if self.line is None else f"{path}:{self.line}:{self.column}"
        return f"{place}: {self.where}: {self.message}" if self.where else f"{place}: {self.message}"


class DataFileError(WickError):
    """A knowledge file that cannot be read or is not valid."""

    def __init__(self, path: str, problems: Sequence[Problem]) -> None:
        self.path = path
        self.problems = tuple(problems)
        super().__init__("\n".join(p.render(path) for p in self.problems))


class NotFound(WickError):
    """A name that matches nothing well enough."""

    def __init__(self, query: str, suggestions: Sequence[str] = (), what: str = "name") -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        super().__init__(f"no {what} matches {quoted(query)}")


class Ambiguous(WickError):
    """A name that matches several records equally well."""

    def __init__(self, query: str, candidates: Sequence[str]) -> None:
        self.query = query
        self.candidates = tuple(candidates)
        super().__init__(f"{quoted(query)} is ambiguous")


class WrongKind(NotFound):
    """A name that fits only a record of another kind than the one asked for."""

    def __init__(self, query: str, label: str, kind: str, name: str, wanted: str) -> None:
        super().__init__(query, (label,), what=wanted)
        self.label = label
        self.kind = kind
        self.name = name
        self.wanted = wanted


class NotInWork(WickError):
    """A character or person asked about in a work they are not credited in."""

    def __init__(self, name: str, title: str) -> None:
        super().__init__(f"{name} is not credited in {title}")


class CannotAnswer(WickError):
    """A question that wick cannot map to the knowledge file with confidence."""

    def __init__(self, suggestions: Sequence[str] = ()) -> None:
        self.suggestions = tuple(suggestions)
        super().__init__("wick can't answer that from the knowledge file")


class NothingToAsk(WickError):
    """A knowledge file from which no quiz question can be made."""

    def __init__(self, path: str) -> None:
        super().__init__(
            f"{path} has nothing to ask about: questions come from released works, their credits and crew, "
            "and facts with a question and an answer"
        )


class UsageError(WickError):
    """A request that makes no sense with the data at hand (bad option value)."""

    exit_code = ExitStatus.USAGE
