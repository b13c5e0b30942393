"""Answer the plain forms of the lookups without importing Typer, and hand everything else to it.

A lookup is most of what wick is asked, and building the whole command line costs more than
answering. This module knows just enough of it (the commands below, their options and values)
to recognise a request it can answer exactly as the Typer app would; help, usage errors, the
quiz and anything it does not recognise go to the app (cli.py), which stays the one definition
of the command line. tests/test_dispatch.py checks this table against the app's own definitions
and runs every command with every option both ways, comparing stdout, stderr and exit code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence

COMPLETE_VAR = "_WICK_COMPLETE"


# Plain classes rather than named tuples: a Tab press imports no typing (see complete.py).
class Option:
    """An option of a command: the parameter it sets, its spellings, and its value (None: a flag)."""

    __slots__ = ("dest", "flag", "kinds", "names", "value")

    def __init__(
        self,
        dest: str,
        names: tuple[str, ...],
        value: Callable[[str], object] | None = None,
        flag: bool = True,
        kinds: tuple[str, ...] = (),
    ) -> None:
        self.dest = dest
        self.names = names
        self.value = value
        self.flag = flag
        """For a flag, the value it sets (``--no-spoilers`` sets False)."""
        self.kinds = kinds
        """The kinds of record its value names, for completion (empty: it completes nothing)."""


class Command:
    """What the dispatcher knows of one lookup: its words, its options and their defaults."""

    __slots__ = ("defaults", "kinds", "options", "required", "words")

    def __init__(
        self,
        words: str | None,
        required: bool,
        kinds: tuple[str, ...],
        options: tuple[Option, ...],
        defaults: Mapping[str, object],
    ) -> None:
        self.words = words
        """The parameter the command's words go to, or None if it takes none."""
        self.required = required
        self.kinds = kinds
        """The kinds of record its words name, for completion (empty: they complete nothing)."""
        self.options = options
        self.defaults = defaults


class Request:
    """A recognised command line: the knowledge file, the command, its words and its options."""

    __slots__ = ("command", "data", "options", "words")

    def __init__(self, data: str | None, command: str, words: list[str], options: dict[str, object]) -> None:
        self.data = data
        self.command = command
        self.words = words
        self.options = options


def _count(value: str) -> int:
    """A count of 1 or more, written in ASCII digits; anything else is for Typer to refuse."""
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise ValueError(value)
    return int(value)


def _order(value: str) -> str:
    if value not in ("story", "release"):
        raise ValueError(value)
    return value


def _text(value: str) -> str:
    return value


JSON = Option("as_json", ("--json",))
COMMANDS: dict[str, Command] = {
    "who-plays": Command(
        "name",
        True,
        ("character", "person"),
        (Option("film", ("--film", "-f"), _text, kinds=("work",)), JSON),
        {"film": None, "as_json": False},
    ),
    "roles": Command("person", True, ("person",), (JSON,), {"as_json": False}),
    "release-date": Command("title", False, ("work",), (JSON,), {"as_json": False}),
    "timeline": Command(
        None, False, (), (Option("order", ("--order", "-o"), _order), JSON), {"order": "story", "as_json": False}
    ),
    "cast": Command("title", True, ("work",), (JSON,), {"as_json": False}),
    "info": Command(
        "name",
        True,
        ("work", "character", "person"),
        (Option("spoilers", ("--spoilers",)), Option("spoilers", ("--no-spoilers",), flag=False), JSON),
        {"spoilers": True, "as_json": False},
    ),
    "search": Command(
        "query", True, (), (Option("limit", ("--limit", "-n"), _count), JSON), {"limit": 10, "as_json": False}
    ),
    "about": Command(None, False, (), (JSON,), {"as_json": False}),
    "ask": Command(
        "question",
        True,
        (),
        (
            Option("spoilers", ("--spoilers",)),
            Option("seen_through", ("--seen-through",), _text, kinds=("work",)),
            JSON,
        ),
        {"spoilers": False, "seen_through": None, "as_json": False},
    ),
}
"""The lookups the dispatcher answers, as the Typer app defines them (checked by a test)."""
ROOT_OPTIONS = ("--data",)


def answer(args: Sequence[str], environ: Mapping[str, str] = os.environ) -> int | None:
    """Answer a plain lookup or completion and return its exit code; None hands the request to Typer."""
    if environ.get(_complete_var()):
        return _complete(environ)
    request = parse(args)
    if request is None:
        return None
    from . import lookup

    lookup.utf8_streams()
    state = lookup.State(request.data)
    command = COMMANDS[request.command]
    words = [request.words] if command.words else []
    call = getattr(lookup, request.command.replace("-", "_"))
    return lookup.guarded(lambda: call(state, *words, **request.options))


def parse(args: Sequence[str], partial: bool = False) -> Request | None:
    """The request these arguments make, or None if anything in them is not of a plain lookup.

    With ``partial``, the arguments are those before a word being completed: a missing required
    name is no reason to decline, and an option left waiting for its value is kept as ``pending``.
    """
    data: str | None = None
    rest = list(args)
    while rest and rest[0] != "--" and rest[0].startswith("-"):
        token = rest.pop(0)
        if token == "--data" and rest and not rest[0].startswith("-"):
            data = rest.pop(0)
        elif token.startswith("--data="):
            data = token.removeprefix("--data=")
        else:
            return None
        if not data.strip():
            return None  # an empty path: Typer's to refuse
    if not rest or rest[0] not in COMMANDS:
        return None
    name, *rest = rest
    command = COMMANDS[name]
    options = dict(command.defaults)
    words: list[str] = []
    spelled = {spelling: option for option in command.options for spelling in option.names}
    while rest:
        token = rest.pop(0)
        key, eq, inline = token.partition("=") if token.startswith("--") else (token, "", "")
        option = spelled.get(key)
        if option is None and token.startswith("-"):
            return None  # an unknown option, "--", "-" or a cluster of short options: Typer's to read
        if option is None:
            words.append(token)
        elif option.value is None:
            if eq:
                return None
            options[option.dest] = option.flag
        else:
            if not eq and not rest:
                if partial:
                    options["pending"] = option  # the value being completed
                    break
                return None
            value = inline if eq else rest.pop(0)
            if not eq and value.startswith("-"):
                return None
            try:
                options[option.dest] = option.value(value)
            except ValueError:
                return None
    if (command.words is None and words) or (command.required and not words and not partial):
        return None
    return Request(data, name, words, options)


def _complete_var() -> str:
    """The variable Click reads completion requests from, named after the program as it was run."""
    main = sys.modules.get("__main__")
    path = sys.argv[0] if sys.argv else ""
    if getattr(main, "__package__", None) in (None, ""):
        prog = os.path.basename(path)
    else:
        module = str(getattr(main, "__package__", ""))
        stem = os.path.splitext(os.path.basename(path))[0]
        module = module if stem == "__main__" else f"{module}.{stem}"
        prog = f"python -m {module.lstrip('.')}"
    return f"_{prog}_COMPLETE".replace("-", "_").upper()


def split(text: str) -> list[str]:
    """Shell words as Click splits them for completion: an unclosed quote keeps its partial word."""
    import shlex

    lex = shlex.shlex(text, posix=True)
    lex.whitespace_split = True
    lex.commenters = ""
    out: list[str] = []
    try:
        out.extend(lex)
    except ValueError:
        out.append(lex.token)
    return out


def _complete(environ: Mapping[str, str]) -> int | None:
    """Complete a name for bash, zsh or fish as shell.py's classes would; None for anything else."""
    if _complete_var() != COMPLETE_VAR:
        return None
    shell = {"complete_bash": "bash", "complete_zsh": "zsh", "complete_fish": "fish"}.get(environ[COMPLETE_VAR])
    if shell is None:
        return None
    typed = ""
    if shell == "bash":
        joined, cword = environ.get("COMP_WORDS"), environ.get("COMP_CWORD", "")
        if joined is None or not (cword.isascii() and cword.isdigit()):
            return None
        words = split(joined)
        args, incomplete = words[1 : int(cword)], (words[int(cword) :] or [""])[0]
        raw = joined.split("\n") if "\n" in joined else joined.split(" ")
        typed = raw[int(cword)] if int(cword) < len(raw) else ""
    else:
        line = environ.get("_TYPER_COMPLETE_ARGS", "")
        args = split(line)[1:]
        incomplete = args.pop() if args and not line.endswith(" ") else ""
    from . import complete

    args, incomplete, prefix = complete.option_value(args, incomplete)
    if incomplete.startswith("-") or incomplete == "=" or "--" in args:
        return None
    request = parse(args, partial=True)
    if request is None:
        return None
    command = COMMANDS[request.command]
    pending = request.options.get("pending")
    if prefix is not None and not isinstance(pending, Option):
        return None  # a value given to a flag or to an option of another command: Typer's to answer
    kinds, before = (pending.kinds, []) if isinstance(pending, Option) else (command.kinds, request.words)
    if not kinds:
        return None
    found = complete.names(request.data, before, incomplete, kinds)
    return _send(shell, found, typed, prefix or "", environ)


def _send(shell: str, found: list[tuple[str, str]], typed: str, prefix: str, environ: Mapping[str, str]) -> int:
    """Write completions in the shell's protocol (see shell.py) and return the exit code."""
    from . import complete

    if shell == "bash":
        text = "\n".join(prefix + complete.bash_word(rest, typed) for rest, _ in found)
    elif shell == "zsh":
        import shlex

        entries = " ".join(shlex.quote(complete.zsh_entry(prefix + rest, kinds)) for rest, kinds in found)
        text = f"local -a completions; completions=({entries}); _describe -t values value completions -U"
        text = text if found else "_files"
    else:
        action = environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
        if action == "is-args":
            return 0 if found else 1
        lines = [f"{prefix}{rest}\t{' '.join(kinds.split())}" if kinds else prefix + rest for rest, kinds in found]
        text = "\n".join(lines) if action == "get-args" else ""
    sys.stdout.write(text + "\n")
    return 0
