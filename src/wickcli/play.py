"""Playing a quiz round: ask, read answers (a person at a terminal or a file), grade, score, remember."""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .errors import UsageError
from .model import Franchise, Work
from .progress import ProgressFile
from .quiz import LETTERS, Grade, Question, grade, select
from .render import new_console
from .resolve import Resolver

Reader = Callable[[str], str]


@dataclass
class Round:
    """A round being played or played."""

    questions: list[Question]
    mode: str
    seed: int
    asked: list[tuple[Question, Grade]] = field(default_factory=list)
    interrupted: bool = False

    @property
    def score(self) -> int:
        """Right answers so far."""
        return sum(g.correct for _, g in self.asked)

    def summary(self) -> dict[str, Any]:
        """The round as JSON: score, and each question with the answer given."""
        by_category: dict[str, list[int]] = {}
        for question, result in self.asked:
            tally = by_category.setdefault(question.category, [0, 0])
            tally[0] += result.correct
            tally[1] += 1
        return {
            "answer": "quiz",
            "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "seed": self.seed,
            "mode": self.mode,
            "score": self.score,
            "asked": len(self.asked),
            "planned": len(self.questions),
            "complete": len(self.asked) == len(self.questions),
            "by_category": {k: tuple(v) for k, v in by_category.items()},
            "questions": [
                {
                    "id": q.id,
                    "category": q.category,
                    "difficulty": q.difficulty,
                    "prompt": q.prompt,
                    "options": list(q.options),
                    "given": g.given,
                    "read_as": g.read_as,
                    "answer": q.answer,
                    "correct": g.correct,
                    "sources": list(q.sources),
                }
                for q, g in self.asked
            ],
        }


def file_reader(handle: TextIO) -> Reader:
    """Answers from a file or pipe, one per line; EOFError when they run out."""
    lines: Iterator[str] = iter(handle)

    def read(_: str) -> str:
        try:
            return next(lines).rstrip("\n")
        except StopIteration:
            raise EOFError from None

    return read


def question_panel(number: int, total: int, question: Question, plain: bool) -> Panel | Group:
    """The question as a person sees it."""
    body = Text(question.prompt, style="" if plain else "bold")
    for letter, option in zip(LETTERS, question.options, strict=False):
        body.append(f"\n  {letter}) {option}")
    title = f"Question {number}/{total} · {question.category} · {question.difficulty}"
    if plain:
        return Group(Text(title), body)
    return Panel(body, title=Text(title), title_align="left")


def feedback(question: Question, result: Grade, plain: bool) -> Text:
    """What a person is told after answering."""
    if result.correct:
        text = Text("Right!", style="" if plain else "bold green")
        if result.read_as:
            text.append(f" (read {result.given.strip()!r} as {result.read_as})")
    else:
        text = Text("Wrong.", style="" if plain else "bold red")
        text.append(f" The answer is {question.answer}.")
    if question.sources:
        text.append(f"\nSource: {question.sources[0]}", style="" if plain else "dim")
    return text


def play(round_: Round, resolver: Resolver, read: Reader, console: Console | None, plain: bool) -> Round:
    """Ask every question; a console shows each one and its feedback. Ends early on EOF or Ctrl-C."""
    total = len(round_.questions)
    for number, question in enumerate(round_.questions, 1):
        if console is not None:
            console.print(question_panel(number, total, question, plain))
        try:
            letters = f" (a-{LETTERS[len(question.options) - 1]})" if question.options else ""
            given = read(f"Your answer{letters}: ")
        except EOFError:
            break
        except KeyboardInterrupt:
            round_.interrupted = True
            break
        result = grade(question, given, resolver, round_.mode)
        round_.asked.append((question, result))
        if console is not None:
            console.print(feedback(question, result, plain))
            console.print()
    return round_


def score_table(round_: Round, plain: bool) -> Table:
    """Question, your answer, right answer and result, with the total."""
    table = Table(
        title=None if plain else f"Score: {round_.score}/{len(round_.asked)}",
        box=None if plain else box.ROUNDED,
        show_edge=not plain,
        show_footer=True,
    )
    table.add_column("#", footer="")
    table.add_column("Question", overflow="fold", footer="Total")
    table.add_column("Your answer", overflow="fold", footer="")
    table.add_column("Right answer", overflow="fold", footer="")
    table.add_column("Result", footer=f"{round_.score}/{len(round_.asked)}")
    for number, (question, result) in enumerate(round_.asked, 1):
        given = result.given + (f" ({result.read_as})" if result.read_as else "")
        cells = (str(number), question.prompt, given or "-", question.answer, "right" if result.correct else "wrong")
        table.add_row(*map(Text, cells))  # answers and data as written, never as markup
    return table


def closing_lines(round_: Round) -> list[str]:
    """What is said after the table: a short round, an interruption, the seed to replay."""
    lines = []
    if len(round_.asked) < len(round_.questions):
        lines.append(f"Round ended after {len(round_.asked)} of {len(round_.questions)} questions.")
    lines.append(f"Seed {round_.seed}: replay this round with --seed {round_.seed}.")
    return lines


def remember(round_: Round, store: ProgressFile) -> None:
    """Save the round's results (even a partial round) to the history."""
    if round_.asked:
        summary = round_.summary()
        summary.pop("questions")
        store.record(summary, [(q.id, g.correct) for q, g in round_.asked])


def export_json(questions: list[Question], seed: int, mode: str) -> str:
    """A question sheet and a separate answer key, as JSON."""
    sheet = {
        "answer": "quiz-export",
        "seed": seed,
        "mode": mode,
        "questions": [
            {
                "number": i,
                "prompt": q.prompt,
                "options": list(q.options) if mode == "choice" else None,
                "category": q.category,
                "difficulty": q.difficulty,
                "source": q.sources[0] if q.sources else None,
            }
            for i, q in enumerate(questions, 1)
        ],
        "answer_key": [
            {
                "number": i,
                "answer": q.answer,
                "option": LETTERS[q.options.index(q.answer)] if mode == "choice" and q.answer in q.options else None,
            }
            for i, q in enumerate(questions, 1)
        ],
    }
    return json.dumps(sheet, ensure_ascii=False, indent=2)


def export_markdown(questions: list[Question], seed: int, mode: str, title: str) -> str:
    """A question sheet and a separate answer key, ready to print."""
    lines = [f"# {title} quiz", "", f"{len(questions)} questions · seed {seed}", ""]
    for i, q in enumerate(questions, 1):
        lines.append(f"{i}. {q.prompt}")
        if mode == "choice":
            lines.extend(f"   - {letter}) {option}" for letter, option in zip(LETTERS, q.options, strict=False))
        lines.append("")
    lines += ["## Answer key", ""]
    for i, q in enumerate(questions, 1):
        letter = f"{LETTERS[q.options.index(q.answer)]}) " if mode == "choice" and q.answer in q.options else ""
        source = f" ([source]({q.sources[0]}))" if q.sources else ""
        lines.append(f"{i}. {letter}{q.answer}{source}")
    return "\n".join(lines) + "\n"


def new_seed() -> int:
    """A seed for a round nobody asked to replay."""
    return random.SystemRandom().randrange(1, 1_000_000)


@dataclass(frozen=True)
class Options:
    """What the person asked for on the command line."""

    count: int = 10
    seed: int | None = None
    categories: Sequence[str] = ()
    difficulty: str | None = None
    mode: str = "choice"
    seen_through: str | None = None
    answers: str | None = None
    review: bool = False
    export: str | None = None
    as_json: bool = False


def run(franchise: Franchise, resolver: Resolver, options: Options) -> int:
    """Draw a round and play, export or review it; return the exit code."""
    seed = options.seed if options.seed is not None else new_seed()
    rng = random.Random(seed)
    through = resolver.resolve_one(options.seen_through, ("work",)).record if options.seen_through else None
    assert through is None or isinstance(through, Work)
    store = ProgressFile()
    first: list[str] = []
    if options.review:
        progress = store.load()
        first = progress.due(progress.boxes)  # select keeps those that are still questions
    questions = select(
        franchise, rng, options.count, options.categories, options.difficulty, options.mode, through, first
    )
    _warn(store)
    if not questions:
        raise UsageError("no questions match these options; try fewer filters")
    if len(questions) < options.count:
        sys.stderr.write(f"Note: only {len(questions)} questions match; the round is shorter.\n")
    if options.export:
        title = franchise.name
        sys.stdout.write(
            export_json(questions, seed, options.mode) + "\n"
            if options.export == "json"
            else export_markdown(questions, seed, options.mode, title)
        )
        return 0
    round_ = Round(questions, options.mode, seed)
    console = new_console(highlight=False)
    plain = not console.is_terminal
    if options.answers == "-":
        if sys.stdin is not None and not sys.stdin.closed:
            play(round_, resolver, file_reader(sys.stdin), None, plain)
    elif options.answers is not None:
        with _open_answers(options.answers) as handle:
            play(round_, resolver, file_reader(handle), None, plain)
    elif sys.stdin is None or sys.stdin.closed:
        pass  # no way to read answers: the round ends before it starts
    else:
        play(round_, resolver, console.input, console, plain)
    remember(round_, store)
    if options.as_json:
        sys.stdout.write(json.dumps(round_.summary(), ensure_ascii=False, indent=2) + "\n")
    else:
        if round_.asked:
            console.print(score_table(round_, plain))
        for line in closing_lines(round_):
            console.print(Text(line))
    _warn(store)
    if round_.interrupted:
        sys.stderr.write("Interrupted: the partial score was saved.\n")
        return 130
    return 0


def _open_answers(path: str) -> TextIO:
    try:
        return open(path, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read answers from {path}: {exc.strerror}") from None


def _warn(store: ProgressFile) -> None:
    for warning in store.warnings:
        sys.stderr.write(f"Warning: {warning}\n")
    store.warnings.clear()
