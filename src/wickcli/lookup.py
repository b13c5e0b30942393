"""The lookups as plain calls: a command's words and options in, its answer printed, an exit code out.

Both ways into wick run these: the Typer app (cli.py), which is the one definition of the command
line, and the dispatcher (dispatch.py), which answers the plain forms of the lookups without
importing Typer. Errors become messages here, once, for both.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from .errors import (
    Ambiguous,
    CannotAnswer,
    DataFileError,
    ExitStatus,
    NotFound,
    UsageError,
    WickError,
    WrongKind,
    quoted,
)

if TYPE_CHECKING:
    from .model import Franchise
    from .resolve import Resolver

COMMAND_FOR_KIND = {"work": "cast", "character": "who-plays", "person": "roles"}
"""The command that answers for each kind of record, for pointing a name of another kind there."""


class State:
    """What every command shares: the knowledge file, loaded on first use."""

    def __init__(self, path: str | None) -> None:
        self.path = path

    @cached_property
    def franchise(self) -> Franchise:
        from . import cache, files

        return cache.load(self.path or files.default_path())

    @cached_property
    def resolver(self) -> Resolver:
        from .resolve import Resolver

        return Resolver(self.franchise)


def joined(words: Sequence[str], what: str = "name", example: str = "wick who-plays Rooney") -> str:
    """The words of a name typed without quotes, as one name; an empty name is a usage error."""
    name = " ".join(w.strip() for w in words if w.strip())
    if not name:
        raise UsageError(f"the {what} is empty: type a {what}, for example {example}")
    return name


def shell_word(text: str) -> str:
    """A name as it can be typed back into a shell."""
    import shlex

    return f'"{text}"' if " " in text and shlex.quote(text) == f"'{text}'" and '"' not in text else shlex.quote(text)


def report(error: WickError) -> None:
    """Print an error to stderr the way a person reads it: one line, then any suggestions."""
    out = sys.stderr
    if isinstance(error, DataFileError):
        out.write(f"{error}\n")
    elif isinstance(error, WrongKind):
        command = f"wick {COMMAND_FOR_KIND[error.kind]} {shell_word(error.name)}"
        out.write(f"Error: {quoted(error.query)} is {error.label}, not {error.wanted}: try {command}\n")
    elif isinstance(error, NotFound) and not error.suggestions:
        out.write(f"Error: nothing in the knowledge file matches {quoted(error.query)}.\n")
    elif isinstance(error, NotFound):
        out.write(f"Error: no close match for {quoted(error.query)}. Did you mean: {'; '.join(error.suggestions)}?\n")
    elif isinstance(error, CannotAnswer):
        out.write(f"{error}.\n" + (f"Closest: {'; '.join(error.suggestions)}\n" if error.suggestions else ""))
    elif isinstance(error, Ambiguous):
        shown = "; ".join(error.candidates[:5])
        more = f" (and {len(error.candidates) - 5} more)" if len(error.candidates) > 5 else ""
        out.write(f"Error: {quoted(error.query)} could mean: {shown}{more}. Be more specific.\n")
    else:
        out.write(f"Error: {error}\n")


def guarded(call: Callable[[], object]) -> int:
    """Run a command; any WickError becomes its message and exit code, Ctrl-C 130, a closed pipe 0."""
    try:
        call()
    except WickError as error:
        report(error)
        return error.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted.\n")
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        # The reader stopped early (wick ... | head): end quietly, and make sure the
        # final flush at exit cannot complain about the closed pipe either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return ExitStatus.OK


def emit(answer: Mapping[str, object], view: str, as_json: bool) -> None:
    """Print an answer: JSON for scripts, a table on a terminal, plain columns in a pipe."""
    if as_json:
        sys.stdout.write(json.dumps(answer, ensure_ascii=False, indent=2) + "\n")
        sys.stdout.flush()  # a closed pipe shows up here, inside the error boundary
        return
    from . import render

    doc = getattr(render, view)(answer)
    if terminal():
        render.new_console().print(render.to_rich(doc), crop=False)  # a whole line (an address) may run on
    else:
        sys.stdout.write(render.to_lines(doc))
        sys.stdout.flush()


def terminal() -> bool:
    """Whether stdout is a terminal, as Rich decides it: TTY_COMPATIBLE and FORCE_COLOR can say so for it."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    forced = os.environ.get("FORCE_COLOR")
    if forced is not None:
        return forced != ""
    try:
        return sys.stdout.isatty()
    except ValueError:  # a closed stream
        return False


def today() -> dt.date:
    """Today, or the day WICK_TODAY names (ISO), so answers about 'how long ago' can be tested."""
    fixed = os.environ.get("WICK_TODAY")
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            raise UsageError(f"WICK_TODAY={fixed!r} is not a date like 2025-06-06") from None
    return dt.date.today()


def utf8_streams() -> None:
    """Write UTF-8 where the locale says ASCII (LANG=C), so accented names print instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or ""
        if encoding.lower().replace("-", "").replace("_", "") in ("ascii", "ansix3.41968", "646", "usascii"):
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]


# The lookups. Each takes the words and options as parsed; names typed as several words are joined.


def who_plays(state: State, name: Sequence[str], film: str | None, as_json: bool) -> None:
    """Who plays a character, work by work."""
    from . import answers

    if film is not None and not film.strip():
        raise UsageError("--film is empty: type a title, for example --film Ballerina")
    emit(answers.who_plays(state.franchise, state.resolver, joined(name), film), "who_plays", as_json)


def roles(state: State, person: Sequence[str], as_json: bool) -> None:
    """A person's roles across the franchise."""
    from . import answers

    emit(
        answers.roles(state.franchise, state.resolver, joined(person, "name", "wick roles Keanu Reeves")),
        "roles",
        as_json,
    )


def release_date(state: State, title: Sequence[str] | None, as_json: bool) -> None:
    """When a work came out or comes out; every work when no title is given."""
    from . import answers

    query = joined(title, "title", "wick release-date Ballerina") if title else None
    emit(answers.release_date(state.franchise, state.resolver, query, today()), "release_date", as_json)


def timeline(state: State, order: str, as_json: bool) -> None:
    """Every work in story or release order."""
    from . import answers

    emit(answers.timeline(state.franchise, order), "timeline", as_json)


def cast(state: State, title: Sequence[str], as_json: bool) -> None:
    """The cast of one work."""
    from . import answers

    emit(answers.cast(state.franchise, state.resolver, joined(title, "title", "wick cast Parabellum")), "cast", as_json)


def info(state: State, name: Sequence[str], spoilers: bool, as_json: bool) -> None:
    """Everything known about a work, character or person."""
    from . import answers

    emit(
        answers.info(state.franchise, state.resolver, joined(name, "name", "wick info Winston"), today(), spoilers),
        "info",
        as_json,
    )


def search(state: State, query: Sequence[str], limit: int, as_json: bool) -> None:
    """Ranked matches across works, characters and people."""
    from . import answers

    emit(
        answers.search(state.franchise, state.resolver, joined(query, "query", "wick search wick"), limit),
        "search",
        as_json,
    )


def ask(state: State, question: Sequence[str], spoilers: bool, seen_through: str | None, as_json: bool) -> None:
    """Answer a question from the knowledge file, or decline."""
    from . import ask as asking

    typed = joined(question, "question", "wick ask who plays Rooney")
    outcome = asking.ask(
        state.franchise,
        state.resolver,
        typed,
        today(),
        spoilers,
        seen_through,
    )
    emit(outcome.to_json(), "ask", as_json)


def about(state: State, as_json: bool) -> None:
    """Version, knowledge file and counts."""
    from . import __version__, answers

    emit(answers.about(state.franchise, __version__), "about", as_json)
