"""Quiz progress kept in the user's data folder: rounds played and an FSRS card for every question asked.

One file holds the progress of every knowledge file, each under its franchise's name. Writes are
atomic (write a temporary file, then rename) and serialised with a lock file, so two quizzes at once
both keep their rounds. Nothing is ever lost: a file that cannot be parsed is set aside whole, entries
that do not fit the shape below are set aside with a copy of the file, and a file that cannot be read
at all is never written over.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    import fsrs

FORMAT = 2
"""Format 1 (one franchise, Leitner boxes) is migrated on first read."""


class RoundRecord(TypedDict, total=False):
    """One round as the history keeps it (``score`` and ``asked`` are required)."""

    at: str
    seed: int
    mode: str
    score: int
    points: float
    asked: int
    planned: int
    complete: bool
    by_category: dict[str, list[int]]
    """Category to [right, asked]."""


class CardRecord(TypedDict):
    """A question's FSRS card: when it is due and how well it is known."""

    due: str
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    last_review: str | None


class LeitnerRecord(TypedDict):
    """A Leitner box from a format-1 history, kept as it was."""

    box: int
    last_round: int


def data_dir() -> Path:
    """Where progress lives: $WICK_HOME, else the platform's user data folder."""
    home = os.environ.get("WICK_HOME")
    if home:
        return Path(home)
    import platformdirs

    return Path(platformdirs.user_data_dir("wick", appauthor=False))


def _scheduler() -> fsrs.Scheduler:
    import fsrs

    # No same-day learning steps: a quiz is played a round at a time, so a missed question is due
    # the next day and a known one after days to months. No fuzz, so a schedule can be replayed.
    return fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def rating(correct: bool, hints: int) -> int:
    """The FSRS rating of an answer: Again when wrong, Hard when right after a hint, Good when right."""
    return 1 if not correct else 2 if hints else 3


@dataclass
class Progress:
    """Everything remembered about one knowledge file's rounds."""

    rounds: list[RoundRecord] = field(default_factory=list)
    cards: dict[str, CardRecord] = field(default_factory=dict)
    leitner: dict[str, LeitnerRecord] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The section's shape in the file."""
        section: dict[str, Any] = {"rounds": self.rounds, "cards": self.cards}
        if self.leitner:
            section["leitner"] = self.leitner
        return section

    def review(self, qid: str, grade: int, now: dt.datetime) -> None:
        """Update a question's card with an answer (an FSRS rating 1-4) given at ``now`` (UTC)."""
        import fsrs

        old = self.cards.get(qid)
        card = _card(old) if old else fsrs.Card(card_id=0, due=now)
        card, _ = _scheduler().review_card(card, fsrs.Rating(grade), now)
        self.cards[qid] = _card_record(card)

    def due(self, until: dt.datetime) -> list[str]:
        """Questions due at or before a time, the longest overdue first."""
        due = sorted((c["due"], qid) for qid, c in self.cards.items() if _when(c["due"]) <= until)
        return [qid for _, qid in due]

    def add_round(self, summary: RoundRecord, results: list[tuple[str, int]], now: dt.datetime) -> None:
        """Record a round and update the card of every question answered in it."""
        self.rounds.append(summary)
        for qid, grade in results:
            self.review(qid, grade, now)

    def best(self) -> dict[str, tuple[int, int]]:
        """The best round per category: the most right answers, then the fewest asked."""
        best: dict[str, tuple[int, int]] = {}
        for round_ in self.rounds:
            for category, (right, asked) in round_.get("by_category", {}).items():
                old = best.get(category)
                if old is None or (right, -asked) > (old[0], -old[1]):
                    best[category] = (right, asked)
        return best


def _when(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _card(record: CardRecord) -> fsrs.Card:
    import fsrs

    last = record["last_review"]
    return fsrs.Card(
        card_id=0,
        state=fsrs.State(record["state"]),
        step=record["step"],
        stability=record["stability"],
        difficulty=record["difficulty"],
        due=_when(record["due"]),
        last_review=_when(last) if last else None,
    )


def _card_record(card: fsrs.Card) -> CardRecord:
    return {
        "due": card.due.isoformat(timespec="seconds"),
        "state": int(card.state),
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "last_review": card.last_review.isoformat(timespec="seconds") if card.last_review else None,
    }


class Unfit(ValueError):
    """A value in the history that does not fit its shape."""


def _int(value: object, where: str, low: int = 0) -> int:
    if type(value) is not int or value < low:
        raise Unfit(f"{where}: expected a whole number of at least {low}, got {json.dumps(value)}")
    return value


def _num(value: object, where: str) -> float:
    if type(value) not in (int, float) or not math.isfinite(value) or value < 0:  # type: ignore[arg-type, operator]
        raise Unfit(f"{where}: expected a number, got {json.dumps(value)}")
    return float(value)  # type: ignore[arg-type]


def _str(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise Unfit(f"{where}: expected text, got {json.dumps(value)}")
    return value


def _time(value: object, where: str) -> str:
    try:
        when = dt.datetime.fromisoformat(_str(value, where))
    except ValueError:
        raise Unfit(f"{where}: expected a date and time, got {json.dumps(value)}") from None
    if when.tzinfo is None:
        raise Unfit(f"{where}: expected a time with its zone, got {json.dumps(value)}")
    return when.isoformat(timespec="seconds")


def check_round(raw: object, where: str) -> RoundRecord:
    """A round from the file, every field checked; Unfit says what does not fit."""
    if not isinstance(raw, dict):
        raise Unfit(f"{where}: expected a round, got {json.dumps(raw)}")
    if "score" not in raw or "asked" not in raw:
        raise Unfit(f"{where}: a round needs 'score' and 'asked'")
    asked = _int(raw["asked"], f"{where}.asked")
    score = _int(raw["score"], f"{where}.score")
    if score > asked:
        raise Unfit(f"{where}: score {score} is more than the {asked} asked")
    round_: RoundRecord = {"score": score, "asked": asked}
    if "at" in raw:
        round_["at"] = _time(raw["at"], f"{where}.at")
    if "seed" in raw:
        round_["seed"] = _int(raw["seed"], f"{where}.seed")
    if "mode" in raw:
        round_["mode"] = _str(raw["mode"], f"{where}.mode")
    if "points" in raw:
        round_["points"] = _num(raw["points"], f"{where}.points")
        if round_["points"] > score:
            raise Unfit(f"{where}: points {round_['points']} are more than the score {score}")
    if "planned" in raw:
        round_["planned"] = _int(raw["planned"], f"{where}.planned")
    if "complete" in raw:
        if type(raw["complete"]) is not bool:
            raise Unfit(f"{where}.complete: expected true or false, got {json.dumps(raw['complete'])}")
        round_["complete"] = raw["complete"]
    if "by_category" in raw:
        round_["by_category"] = _by_category(raw["by_category"], f"{where}.by_category")
    return round_


def _by_category(raw: object, where: str) -> dict[str, list[int]]:
    if not isinstance(raw, dict):
        raise Unfit(f"{where}: expected categories, got {json.dumps(raw)}")
    tallies: dict[str, list[int]] = {}
    for category, tally in raw.items():
        if not isinstance(tally, list) or len(tally) != 2:
            raise Unfit(f"{where}.{category}: expected [right, asked], got {json.dumps(tally)}")
        right, asked = _int(tally[0], f"{where}.{category}[0]"), _int(tally[1], f"{where}.{category}[1]", low=1)
        if right > asked:
            raise Unfit(f"{where}.{category}: {right} right of {asked} asked")
        tallies[category] = [right, asked]
    return tallies


def check_card(raw: object, where: str) -> CardRecord:
    """A question's card from the file, every field checked."""
    if not isinstance(raw, dict):
        raise Unfit(f"{where}: expected a card, got {json.dumps(raw)}")
    state = raw.get("state")
    if type(state) is not int or state not in (1, 2, 3):
        raise Unfit(f"{where}.state: expected 1, 2 or 3, got {json.dumps(state)}")
    step = raw.get("step")
    if state == 3 and step is None:  # the scheduler cannot review a relearning card without its step
        raise Unfit(f"{where}.step: expected the step of a relearning card, got null")
    last = raw.get("last_review")
    return {
        "due": _time(raw.get("due"), f"{where}.due"),
        "state": state,
        "step": None if step is None else _int(step, f"{where}.step"),
        "stability": None if raw.get("stability") is None else _num(raw["stability"], f"{where}.stability"),
        "difficulty": None if raw.get("difficulty") is None else _num(raw["difficulty"], f"{where}.difficulty"),
        "last_review": None if last is None else _time(last, f"{where}.last_review"),
    }


def check_box(raw: object, where: str) -> LeitnerRecord:
    """A format-1 Leitner box, every field checked."""
    if not isinstance(raw, dict):
        raise Unfit(f"{where}: expected a box, got {json.dumps(raw)}")
    box = raw.get("box")
    if type(box) is not int or not 1 <= box <= 5:
        raise Unfit(f"{where}.box: expected a box from 1 to 5, got {json.dumps(box)}")
    return {"box": box, "last_round": _int(raw.get("last_round"), f"{where}.last_round", low=1)}


@dataclass
class _Parsed:
    sections: dict[str, Any]
    """Every franchise's section as stored (other franchises' are kept untouched)."""
    progress: Progress
    unfit: list[str]
    migrated: bool = False


def _entries(raw: object, where: str, unfit: list[str]) -> Iterator[tuple[str, object]]:
    if isinstance(raw, dict):
        yield from raw.items()
    else:
        unfit.append(f"{where}: expected a mapping, got {json.dumps(raw)}")


def _section(raw: object, name: str, unfit: list[str]) -> Progress:
    """One franchise's progress; entries that do not fit are listed in ``unfit`` and left out."""
    progress = Progress()
    if not isinstance(raw, dict):
        unfit.append(f"{name}: expected a franchise's progress")
        return progress
    rounds = raw.get("rounds", [])
    if not isinstance(rounds, list):
        unfit.append(f"{name}.rounds: expected a list of rounds")
        rounds = []
    for i, item in enumerate(rounds):
        try:
            progress.rounds.append(check_round(item, f"rounds[{i}]"))
        except Unfit as exc:
            unfit.append(str(exc))
    for qid, item in _entries(raw.get("cards", {}), "cards", unfit):
        try:
            progress.cards[qid] = check_card(item, f"cards[{qid!r}]")
        except Unfit as exc:
            unfit.append(str(exc))
    for qid, item in _entries(raw.get("leitner", {}), "boxes", unfit):
        try:
            progress.leitner[qid] = check_box(item, f"boxes[{qid!r}]")
        except Unfit as exc:
            unfit.append(str(exc))
    return progress


def _parse(raw: bytes, franchise: str, now: dt.datetime) -> _Parsed:
    """The file's content for one franchise; ValueError when it is not a history at all."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ValueError("not valid JSON" if raw.strip() else "empty file") from exc
    if not isinstance(data, dict) or data.get("format") not in (1, FORMAT):
        raise ValueError("not a wick history file")
    unfit: list[str] = []
    if data["format"] == 1:
        progress = _section({"rounds": data.get("rounds"), "leitner": data.get("boxes")}, franchise, unfit)
        _migrate_boxes(progress, now)
        return _Parsed({franchise: progress.to_json()}, progress, unfit, migrated=True)
    sections = data.get("franchises")
    if not isinstance(sections, dict):
        raise ValueError("'franchises' is not a mapping")
    progress = _section(sections[franchise], franchise, unfit) if franchise in sections else Progress()
    return _Parsed(sections, progress, unfit)


def _migrate_boxes(progress: Progress, now: dt.datetime) -> None:
    """Give every question in a Leitner box a card.

    Box 1 was missed when last asked; box n was answered right n - 1 times running, each time when
    it was due, the last of them when it was last asked.
    """
    for qid, box in progress.leitner.items():
        index = box["last_round"] - 1
        at = progress.rounds[index].get("at") if index < len(progress.rounds) else None
        last = _when(at).astimezone(dt.UTC) if at else now
        answers = [rating(False, 0)] if box["box"] == 1 else [rating(True, 0)] * (box["box"] - 1)
        scratch = Progress()
        when = last
        for grade in answers:
            scratch.review(qid, grade, when)
            when = _when(scratch.cards[qid]["due"])
        card = scratch.cards[qid]
        shift = last - _when(card["last_review"] or card["due"])
        card["due"] = (_when(card["due"]) + shift).isoformat(timespec="seconds")
        card["last_review"] = last.isoformat(timespec="seconds")
        progress.cards[qid] = card


class ProgressFile:
    """The history file, its lock, and the section of one knowledge file (named by its franchise)."""

    def __init__(self, folder: Path | None = None, franchise: str = "") -> None:
        self.folder = folder or data_dir()
        self.path = self.folder / "history.json"
        self.franchise = franchise
        self.warnings: list[str] = []
        self.unreadable = False
        """The file exists but could not be read: it must not be written over."""

    def load(self, now: dt.datetime | None = None) -> Progress:
        """This knowledge file's progress; what cannot be used is set aside with a warning."""
        now = now or dt.datetime.now(dt.UTC)
        parsed = self._read(now)
        if parsed.unfit or parsed.migrated:
            try:
                with self._locked():
                    parsed = self._read(now, repair=True)
            except OSError as exc:
                msg = _reason(self.folder, exc, "it")
                self.warnings.append(f"could not save quiz progress in {self.folder}: {msg}")
        return parsed.progress

    def _read(self, now: dt.datetime, repair: bool = False) -> _Parsed:
        """Read the file; with ``repair`` (under the lock), set aside what does not fit and write the rest."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return _Parsed({}, Progress(), [])
        except OSError as exc:
            self.unreadable = True
            self.warnings.append(f"cannot read quiz history {self.path}: {_reason(self.folder, exc)}")
            return _Parsed({}, Progress(), [])
        try:
            parsed = _parse(raw, self.franchise, now)
        except ValueError as exc:
            self._set_aside(f"quiz history was unreadable ({exc}); kept it as {{}} and started afresh")
            return _Parsed({}, Progress(), [])
        if not repair or not (parsed.unfit or parsed.migrated):
            return parsed
        if parsed.unfit:
            more = f" (and {len(parsed.unfit) - 1} more)" if len(parsed.unfit) > 1 else ""
            message = f"quiz history had entries that do not fit ({parsed.unfit[0]}{more}); kept the file as {{}}"
            kept = self._set_aside(message + " and left them out", copy=True)
        else:
            kept = self._set_aside("", copy=True, suffix="format-1")
        if kept:
            self._write(parsed.sections, parsed.progress)
            parsed.unfit, parsed.migrated = [], False
        return parsed

    def _write(self, sections: dict[str, Any], progress: Progress) -> None:
        document = {"format": FORMAT, "franchises": {**sections, self.franchise: progress.to_json()}}
        _write_atomic(self.path, json.dumps(document, ensure_ascii=False, indent=1).encode())

    def _set_aside(self, message: str, copy: bool = False, suffix: str = "") -> bool:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(f"history.json.{suffix or 'corrupt'}-{stamp}-{os.getpid()}")
        try:
            if copy:
                shutil.copyfile(self.path, backup)
            else:
                os.replace(self.path, backup)
        except OSError as exc:
            self.unreadable = True
            self.warnings.append(f"quiz history {self.path} could not be set aside: {exc.strerror or exc}")
            return False
        if message:
            self.warnings.append(message.format(backup))
        return True

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        import fcntl

        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / "history.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def record(self, summary: RoundRecord, results: list[tuple[str, int]], now: dt.datetime | None = None) -> bool:
        """Add a round (question ids with FSRS ratings) under the lock and write atomically.

        A history that could not be read is left as it is and the round is not saved: warn and
        return False, as when the folder cannot be written.
        """
        now = now or dt.datetime.now(dt.UTC)
        try:
            with self._locked():
                parsed = self._read(now, repair=True)
                if self.unreadable:
                    self.warnings.append("this round was not saved, so that the history is not written over")
                    return False
                parsed.progress.add_round(summary, results, now)
                self._write(parsed.sections, parsed.progress)
            return True
        except OSError as exc:
            self.warnings.append(f"could not save quiz progress in {self.folder}: {_reason(self.folder, exc, 'it')}")
            return False


def _reason(folder: Path, exc: OSError, itself: str | None = None) -> str:
    """Why a folder could not be used, in words: a file where a folder should be is named as such."""
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        for path in (folder, *folder.parents):
            if path.exists() and not path.is_dir():
                return f"{itself if itself and path == folder else path} is a file, not a folder"
    return exc.strerror or str(exc)


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".history-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
