"""The wick command line: parse, call the domain, render, and turn errors into exit codes.

Exit codes (errors.ExitStatus): 0 answered, 1 not found, ambiguous or bad knowledge file, 2 usage error,
70 internal error, 130 interrupted.
"""

# No "from __future__ import annotations" here: Typer reads these annotations at every start,
# and evaluating them from strings each time costs more than defining them once.
import datetime as dt
import enum
import functools
import json
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from . import __version__, lookup, shell
from .errors import ExitStatus, UsageError, warn
from .lookup import State

if TYPE_CHECKING:
    from . import play

F = TypeVar("F", bound=Callable[..., Any])

EPILOG = """\b
Examples:
  wick ask is ballerina out yet     a question, as you would ask it
  wick who-plays Rooney             who played her, film by film
  wick release-date ballerina       when it came out, and how the date moved
  wick timeline                     every work in story order
  wick info "the director" --json   everything known, for scripts
  wick quiz -n 5 --mode free        a quick round, typing the answers

\b
Names are forgiving: case, accents, typos, nicknames, short titles, numbers in words;
no quotes needed. Every word typed must be a word of the name, or wick declines and suggests.
Exit codes: 0 answered, 1 not found / ambiguous / bad knowledge file, 2 usage error,
70 internal error (WICK_DEBUG=1 shows it), 130 interrupted.
"""

app = typer.Typer(
    name="wick",
    help="Answers about the John Wick films: who plays whom, when things came out, trivia and a quiz.",
    epilog=EPILOG,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,  # wick's own options below take the shell's name
)
shell.register()


class Order(enum.StrEnum):
    """Orders a timeline can take."""

    story = "story"
    release = "release"


CHARACTER = shell.Name("character", "person")
PERSON = shell.Name("person")
WORK = shell.Name("work")
ANY = shell.Name("work", "character", "person")


def _state(ctx: typer.Context) -> State:
    state = ctx.find_root().obj
    return state if isinstance(state, State) else State(None)


def _guard(func: F) -> F:
    """Turn any WickError raised by a command into its message and exit code (through lookup.guarded)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        code = lookup.guarded(lambda: func(*args, **kwargs))
        if code:
            raise typer.Exit(code)

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"wick {__version__}\n")
        raise typer.Exit()


JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document (shape in docs/json.md).")]


def _data_file(value: str | None) -> str | None:
    """A knowledge file named: an empty name (--data "$UNSET") is refused, never read as the shipped file."""
    if value is not None and not value.strip():
        raise typer.BadParameter("the path is empty: name a knowledge file, for example my-franchise.yaml")
    return value


@app.callback()
def main_options(
    ctx: typer.Context,
    data: Annotated[
        str | None,
        typer.Option(
            "--data",
            envvar="WICK_DATA",
            metavar="FILE",
            callback=_data_file,
            help="Knowledge file to use instead of the shipped one.",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    install_completion: Annotated[
        str | None,
        typer.Option(
            "--install-completion",
            metavar="[SHELL]",
            callback=shell.install_script,
            expose_value=False,
            is_eager=True,
            help="Install completion for a shell (bash, zsh or fish; the current one if left out).",
        ),
    ] = None,
    show_completion: Annotated[
        str | None,
        typer.Option(
            "--show-completion",
            metavar="[SHELL]",
            callback=shell.show,
            expose_value=False,
            is_eager=True,
            help="Print the completion script for a shell (bash, zsh or fish; the current one if left out).",
        ),
    ] = None,
) -> None:
    """Choose the knowledge file every command reads."""
    ctx.obj = State(data)


@app.command()
@_guard
def ask(
    ctx: typer.Context,
    question: Annotated[
        list[str], typer.Argument(metavar="QUESTION...", help="A question as you would ask it; quotes are optional.")
    ],
    spoilers: Annotated[bool, typer.Option("--spoilers", help="Answer with facts that reveal a plot.")] = False,
    seen_through: Annotated[
        str | None,
        typer.Option(metavar="TITLE", help="Reveal plots up to this work, in release order.", click_type=WORK),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Answer a question from the knowledge file, or say that it cannot (exit 1).

    Example: wick ask who plays the director in ballerina · wick ask is ballerina out yet
    """
    lookup.ask(_state(ctx), question, spoilers, seen_through, as_json)


@app.command("who-plays")
@_guard
def who_plays(
    ctx: typer.Context,
    name: Annotated[
        list[str],
        typer.Argument(
            metavar="CHARACTER...",
            help="A character (or an actor, to list their roles); quotes are optional.",
            click_type=CHARACTER,
        ),
    ],
    film: Annotated[
        str | None, typer.Option("--film", "-f", metavar="TITLE", help="Only this work.", click_type=WORK)
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Who plays a character, work by work.

    Example: wick who-plays baba yaga · wick who-plays Winston --film "The Continental"
    """
    lookup.who_plays(_state(ctx), name, film, as_json)


@app.command()
@_guard
def roles(
    ctx: typer.Context,
    person: Annotated[
        list[str],
        typer.Argument(metavar="PERSON...", help="An actor or crew member; quotes are optional.", click_type=PERSON),
    ],
    as_json: JsonOption = False,
) -> None:
    """A person's roles across the franchise, in front of and behind the camera.

    Example: wick roles keanu reeves
    """
    lookup.roles(_state(ctx), person, as_json)


@app.command("release-date")
@_guard
def release_date(
    ctx: typer.Context,
    title: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[TITLE...]",
            help="A film or series (quotes are optional); leave out for every work.",
            click_type=WORK,
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """When a work came out or comes out, how long ago or how far away that is, and how the date moved.

    Example: wick release-date Ballerina · wick release-date "chapter 4" · wick release-date
    """
    lookup.release_date(_state(ctx), title, as_json)


@app.command()
@_guard
def timeline(
    ctx: typer.Context,
    order: Annotated[
        Order,
        typer.Option(
            "--order", "-o", case_sensitive=False, help="story: in-universe order; release: as they came out."
        ),
    ] = Order.story,
    as_json: JsonOption = False,
) -> None:
    """Every work in story order (or release order), with when each is set and came out.

    Example: wick timeline · wick timeline --order release
    """
    lookup.timeline(_state(ctx), order.value, as_json)


@app.command()
@_guard
def cast(
    ctx: typer.Context,
    title: Annotated[
        list[str],
        typer.Argument(metavar="TITLE...", help="A film or series; quotes are optional.", click_type=WORK),
    ],
    as_json: JsonOption = False,
) -> None:
    """The cast of one work, in billing order.

    Example: wick cast parabellum · wick cast chapter 4
    """
    lookup.cast(_state(ctx), title, as_json)


@app.command()
@_guard
def info(
    ctx: typer.Context,
    name: Annotated[
        list[str],
        typer.Argument(metavar="NAME...", help="Any work, character or person; quotes are optional.", click_type=ANY),
    ],
    spoilers: Annotated[bool, typer.Option("--spoilers/--no-spoilers", help="Show facts that reveal a plot.")] = True,
    as_json: JsonOption = False,
) -> None:
    """Everything the knowledge file knows about a work, character or person, with sources.

    Example: wick info "the director" · wick info ballerina --no-spoilers
    """
    lookup.info(_state(ctx), name, spoilers, as_json)


@app.command()
@_guard
def search(
    ctx: typer.Context,
    query: Annotated[
        list[str], typer.Argument(metavar="QUERY...", help="Any text: part of a title or name, a nickname.")
    ],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, metavar="N", help="How many matches at most.")] = 10,
    as_json: JsonOption = False,
) -> None:
    """Ranked matches across works, characters and people.

    Example: wick search wick
    """
    lookup.search(_state(ctx), query, limit, as_json)


class Category(enum.StrEnum):
    """Quiz categories."""

    cast = "cast"
    crew = "crew"
    release = "release"
    timeline = "timeline"
    trivia = "trivia"


class Difficulty(enum.StrEnum):
    """Quiz difficulties."""

    easy = "easy"
    medium = "medium"
    hard = "hard"


class Mode(enum.StrEnum):
    """How quiz questions are answered."""

    choice = "choice"
    free = "free"


class Export(enum.StrEnum):
    """Formats a quiz can be exported in."""

    markdown = "markdown"
    json = "json"
    anki = "anki"


def _now() -> dt.datetime:
    """Now in UTC, or noon on the day WICK_TODAY names, so schedules can be tested."""
    if os.environ.get("WICK_TODAY"):
        return dt.datetime.combine(lookup.today(), dt.time(12), tzinfo=dt.UTC)
    return dt.datetime.now(dt.UTC)


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        warn(warning)
    warnings.clear()


@app.command()
@_guard
def quiz(
    ctx: typer.Context,
    count: Annotated[int, typer.Option("--count", "-n", min=1, metavar="N", help="How many questions.")] = 10,
    seed: Annotated[int | None, typer.Option(metavar="N", help="Same seed, same quiz.")] = None,
    category: Annotated[
        list[Category] | None, typer.Option("--category", "-c", help="Only these (repeatable).")
    ] = None,
    difficulty: Annotated[
        Difficulty | None, typer.Option(help="easy: what most fans know; hard: one-scene roles and box office.")
    ] = None,
    mode: Annotated[
        Mode, typer.Option(help="choice: pick an option; free: type the answer (? for a hint).")
    ] = Mode.choice,
    seen_through: Annotated[
        str | None,
        typer.Option(metavar="TITLE", help="Nothing that spoils works after this one.", click_type=WORK),
    ] = None,
    answers: Annotated[
        str | None, typer.Option(metavar="FILE", help="Answers, one per line ('-' for stdin): play without prompts.")
    ] = None,
    review: Annotated[
        bool, typer.Option("--review", help="Ask the questions due for review (spaced repetition).")
    ] = False,
    daily: Annotated[bool, typer.Option("--daily", help="Today's round: the same for everyone.")] = False,
    export: Annotated[
        Export | None, typer.Option(help="Write the questions and an answer key instead of playing.")
    ] = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="FILE", help="Where an export goes (needed for anki).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Play a quiz round made from the knowledge file; your progress is remembered.

    Example: wick quiz · wick quiz -n 5 --category cast --mode free · wick quiz --export anki -n 200 -o wick.apkg
    """
    from . import play

    options = play.Options(
        count=count,
        seed=seed,
        categories=[c.value for c in category or ()],
        difficulty=difficulty.value if difficulty else None,
        mode=mode.value,
        seen_through=seen_through,
        answers=answers,
        review=review,
        daily=daily,
        export=export.value if export else None,
        output=output,
        as_json=as_json,
    )
    code = _play_quiz(_state(ctx), options)
    if code:
        raise typer.Exit(code)


def _play_quiz(state: State, options: "play.Options") -> ExitStatus:
    """Draw a round, then export it or play it and save it; questions go to stderr when stdout is JSON."""
    from . import play, render
    from .progress import ProgressFile

    now = _now()
    store = ProgressFile(franchise=state.franchise.name)
    progress = store.load(now) if options.review else None
    _warn(store.warnings)
    prepared = play.prepare(state.franchise, state.resolver, options, progress, now)
    for note in prepared.notes:
        sys.stderr.write(note + "\n")
    if not prepared.questions:
        return ExitStatus.OK
    if options.export:
        _export(state.franchise.name, prepared, options)
        return ExitStatus.OK
    round_ = play.Round(prepared.questions, options.mode, prepared.seed)
    console = render.new_console(highlight=False, stderr=options.as_json)
    plain = not console.is_terminal
    if options.answers is not None and options.answers != "-":
        with play._open_answers(options.answers) as handle:
            play.play(round_, state.resolver, play.file_reader(handle), None, plain)
    elif options.answers == "-":
        if sys.stdin is not None and not sys.stdin.closed:
            play.play(round_, state.resolver, play.file_reader(sys.stdin), None, plain)
    elif sys.stdin is not None and not sys.stdin.closed:
        play.play(round_, state.resolver, console.input, console.print, plain)
    play.remember(round_, store, now)
    summary = round_.summary(now)
    if options.as_json:
        sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    else:
        if round_.asked and plain:
            console.file.write(render.to_lines(render.score_doc(summary)))
        elif round_.asked:
            console.print(render.score_table(summary))
        # A review draws the questions due, which change as they are answered: no seed replays it.
        for line in render.closing_lines(summary, replayable=not options.review):
            console.print(line, markup=False)
    _warn(store.warnings)
    if round_.interrupted:
        sys.stderr.write("Interrupted: the partial score was saved.\n")
        return ExitStatus.INTERRUPTED
    return ExitStatus.OK


def _export(franchise: str, prepared: "play.Prepared", options: "play.Options") -> None:
    from pathlib import Path

    from . import export

    if options.export == "anki" and options.output in (None, "-"):
        raise UsageError("--export anki writes a file: give it with --output FILE.apkg")
    try:
        if options.export == "anki":
            written = export.to_anki(prepared.questions, franchise, Path(options.output or ""))
            sys.stderr.write(f"Wrote {written} note{'' if written == 1 else 's'} to {options.output}.\n")
            return
        if options.export == "json":
            text = export.to_json(prepared.questions, prepared.seed, options.mode)
        else:
            text = export.to_markdown(prepared.questions, prepared.seed, options.mode, franchise)
        if options.output and options.output != "-":  # "-" is stdout, as everywhere
            Path(options.output).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    except BrokenPipeError:
        raise  # stdout closed by its reader: handled as for every command
    except OSError as exc:  # a missing folder, a folder, no permission, a full disk
        raise UsageError(f"cannot write {options.output}: {exc.strerror or exc}") from None


@app.command()
@_guard
def stats(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Your quiz progress for this knowledge file: rounds, recall rate, best rounds, questions due for review."""
    from . import answers
    from .progress import ProgressFile

    now = _now()
    name = _state(ctx).franchise.name
    store = ProgressFile(franchise=name)
    answer = answers.stats(store.load(now), str(store.path), name, now)
    _warn(store.warnings)
    lookup.emit(answer, "stats", as_json)


@app.command()
@_guard
def about(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Version, knowledge file, its 'data as of' date and what it holds."""
    lookup.about(_state(ctx), as_json)


@app.command()
@_guard
def validate(
    ctx: typer.Context,
    file: Annotated[
        str | None,
        typer.Argument(
            metavar="[FILE]", callback=_data_file, help="Knowledge file to check (default: the one in use)."
        ),
    ] = None,
) -> None:
    """Check a knowledge file and print a summary and any warnings, or every problem in it (exit 1).

    Warnings (on stderr) point at things the format allows but that are probably not meant.
    Example: wick validate my-franchise.yaml
    """
    from . import files, loader

    path = file or _state(ctx).path or files.default_path()
    franchise, warnings = loader.check(files.read_bytes(path), path)
    for warning in warnings:
        warn(warning.render(path))
    summary = ", ".join(f"{n} {kind}" for kind, n in franchise.counts().items())
    noted = f" ({len(warnings)} warning{'s' if len(warnings) != 1 else ''})" if warnings else ""
    sys.stdout.write(f"ok: {franchise.path}: {summary}{noted}\n")


def main() -> None:
    """Console entry point."""
    lookup.utf8_streams()
    app(args=shell.name_the_shell(sys.argv[1:]))
