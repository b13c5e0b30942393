"""Playing a quiz round: draw it, ask, read answers (a person at a terminal or a file), grade, remember.

Nothing here prints: what a person sees is built by render.py and handed to a ``show`` callback,
and only the CLI writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from rich.console import RenderableType

from . import render
from .errors import NothingToAsk, UsageError, WickError
from .model import Franchise, Work
from .progress import Progress, ProgressFile, RoundRecord, rating
from .quiz import Grade, Question, grade, hint, labels, read_choice, select, without_choices
from .resolve import Resolver

Reader = Callable[[str], str]
Show = Callable[[RenderableType], None]
HINT = "?"
"""Typed in free mode for the next hint."""


@dataclass(frozen=True, kw_only=True)
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
    daily: bool = False
    export: str | None = None
    output: str | None = None
    as_json: bool = False


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

    @property
    def points(self) -> float:
        """Right answers, each less a quarter per hint taken."""
        return sum(g.points for _, g in self.asked)

    def by_category(self) -> dict[str, list[int]]:
        """Category to [right, asked]."""
        tallies: dict[str, list[int]] = {}
        for question, result in self.asked:
            tally = tallies.setdefault(question.category, [0, 0])
            tally[0] += result.correct
            tally[1] += 1
        return tallies

    def record(self, now: dt.datetime) -> RoundRecord:
        """The round as the history keeps it."""
        return {
            "at": now.isoformat(timespec="seconds"),
            "seed": self.seed,
            "mode": self.mode,
            "score": self.score,
            "points": self.points,
            "asked": len(self.asked),
            "planned": len(self.questions),
            "complete": len(self.asked) == len(self.questions),
            "by_category": self.by_category(),
        }

    def summary(self, now: dt.datetime) -> dict[str, Any]:
        """The round as JSON: score, and each question with the answer given, how it was read and its source."""
        return {
            "answer": "quiz",
            **self.record(now),
            "questions": [
                {
                    "id": q.id,
                    "category": q.category,
                    "difficulty": q.difficulty,
                    "prompt": q.prompt,
                    "options": list(q.options),
                    "given": g.given,
                    "read_as": g.read_as,
                    "hints": g.hints,
                    "answer": q.answer,
                    "correct": g.correct,
                    "points": g.points,
                    "sources": list(q.sources),
                }
                for q, g in self.asked
            ],
        }


def file_reader(handle: TextIO) -> Reader:
    """Answers from a file or pipe, one per line, read whole before the round; EOFError when they run out.

    A byte-order mark at the start is not part of the first answer; text that is not UTF-8 is an error.
    """
    try:
        lines = iter(handle.read().lstrip("\ufeff").splitlines())
    except UnicodeDecodeError as exc:
        name = getattr(handle, "name", "the answers")
        raise WickError(f"cannot read answers from {name}: not UTF-8 text (byte {exc.start + 1})") from None

    def read(_: str) -> str:
        try:
            return next(lines)
        except StopIteration:
            raise EOFError from None

    return read


def _open_answers(path: str) -> TextIO:
    try:
        return open(path, encoding="utf-8-sig")
    except OSError as exc:
        raise UsageError(f"cannot read answers from {path}: {exc.strerror}") from None


def play(round_: Round, resolver: Resolver, read: Reader, show: Show | None, plain: bool) -> Round:
    """Ask every question; ``show`` (a person at a terminal) sees each one and its feedback.

    At a terminal, a choice answer that picks no option is asked again. In free mode "?" gives
    the next hint. Ends early on EOF or Ctrl-C.
    """
    total = len(round_.questions)
    for number, question in enumerate(round_.questions, 1):
        # Ctrl-C may come while a question or its feedback is shown, not only at the prompt:
        # wherever it comes, the answers given so far are kept.
        try:
            if show is not None:
                show(render.question_panel(number, total, question, plain))
            given, hints = _answer(round_, question, resolver.franchise, read, show, plain)
            result = grade(question, given, resolver, round_.mode, hints)
            round_.asked.append((question, result))
            if show is not None:
                show(render.feedback(question, result, plain))
        except EOFError:
            break
        except KeyboardInterrupt:
            round_.interrupted = True
            break
    return round_


def _answer(
    round_: Round, question: Question, franchise: Franchise, read: Reader, show: Show | None, plain: bool
) -> tuple[str, int]:
    """What was answered, after any hints asked for."""
    marks = labels(question)[: len(question.options)]
    choice = round_.mode == "choice" and bool(question.options)
    prompt = f"Your answer ({marks[0]}-{marks[-1]}): " if choice else "Your answer (? for a hint): "
    hints = 0
    given = read(prompt)
    while True:
        if choice and show is not None and read_choice(question, given) is None:
            given = read(f"Type one of {', '.join(marks)}: ")
        elif not choice and given.strip() == HINT:
            text = hint(question, franchise, hints)
            if text is not None:
                hints += 1
            if show is not None:
                show(render.hint_line(text, plain))
            given = read(prompt)
        else:
            return given, hints


def remember(round_: Round, store: ProgressFile, now: dt.datetime) -> bool:
    """Save the round (even a partial one) and update the card of every question answered."""
    if not round_.asked:
        return True
    return store.record(round_.record(now), [(q.id, rating(g.correct, g.hints)) for q, g in round_.asked], now)


def new_seed() -> int:
    """A seed for a round nobody asked to replay."""
    return random.SystemRandom().randrange(1, 1_000_000)


def daily_seed(day: dt.date, franchise: str) -> int:
    """The same seed for everyone playing a franchise's daily round on the same day."""
    digest = hashlib.sha256(f"wick daily {day.isoformat()} {franchise}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % 1_000_000


@dataclass
class Prepared:
    """A round ready to play or export, and what the person should be told about it."""

    questions: list[Question]
    seed: int
    notes: list[str]


def prepare(
    franchise: Franchise, resolver: Resolver, options: Options, progress: Progress | None, now: dt.datetime
) -> Prepared:
    """Draw the round the options ask for (the questions due, with ``--review``)."""
    if options.daily and options.seed is not None:
        raise UsageError("--daily chooses its own seed; leave out --seed")
    if options.daily:
        seed = daily_seed(now.date(), franchise.name)
    else:
        seed = options.seed if options.seed is not None else new_seed()
    through = resolver.resolve_one(options.seen_through, ("work",)).record if options.seen_through else None
    assert through is None or isinstance(through, Work)
    due: list[str] = []
    if options.review:
        tonight = dt.datetime.combine(now.date(), dt.time.max, tzinfo=dt.UTC)
        due = progress.due(tonight) if progress is not None else []
        if not due:
            return Prepared([], seed, ["Nothing is due for review today."])
    questions = select(
        franchise,
        random.Random(seed),
        options.count,
        categories=options.categories,
        difficulty=options.difficulty,
        mode=options.mode,
        seen_through=through,
        first=due,
        only_first=options.review,
    )
    if not questions and options.review:
        return Prepared([], seed, ["Nothing is due for review today."])
    filtered = bool(options.categories or options.difficulty or through or options.mode != "choice")
    left_out = (
        without_choices(franchise, options.categories, options.difficulty, through)
        if options.mode == "choice" and len(questions) < options.count and not options.review
        else []
    )
    if not questions and left_out:
        raise UsageError(f"no question can be asked with choices: {_left_out(left_out, more=False)}")
    if not questions and filtered:
        raise UsageError("no questions match these options; try fewer filters")
    if not questions:
        raise NothingToAsk(franchise.path or franchise.name)
    notes = []
    if len(questions) < options.count:
        verb = "matches" if len(questions) == 1 else "match"
        why = f"; {_left_out(left_out, more=True)}" if left_out else ""
        notes.append(f"Note: only {render.count(len(questions), 'question')} {verb}; the round is shorter{why}.")
    return Prepared(questions, seed, notes)


def _left_out(questions: Sequence[Question], more: bool) -> str:
    """Why a choice round left questions out: no wrong answer to offer; the facts among them named."""
    facts = [q.id.removeprefix("fact:") for q in questions if q.category == "trivia"]
    named = f" (facts without choices: {', '.join(facts[:3])}{', ...' if len(facts) > 3 else ''})" if facts else ""
    many = len(questions) != 1
    counted = render.count(len(questions), "more question" if more else "question")
    return (
        f"{counted} {'have' if many else 'has'} no wrong answers to offer as choices{named}; "
        f"--mode free asks {'them' if many else 'it'}"
    )
