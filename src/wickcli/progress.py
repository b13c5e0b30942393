"""Quiz progress kept in the user's data folder: history, best scores, and Leitner boxes for review.

Writes are atomic (write a temporary file, then rename) and serialised with a lock file, so two
quizzes at once both keep their rounds. A file that cannot be read is set aside, never lost.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = 1
BOX_INTERVALS = {1: 1, 2: 2, 3: 4, 4: 8, 5: 16}
"""Rounds to wait before a question in each Leitner box is due again."""


def data_dir() -> Path:
    """Where progress lives: $WICK_HOME, else the platform's user data folder."""
    home = os.environ.get("WICK_HOME")
    if home:
        return Path(home)
    import platformdirs

    return Path(platformdirs.user_data_dir("wick", appauthor=False))


@dataclass
class Progress:
    """Everything remembered about past rounds."""

    rounds: list[dict[str, Any]] = field(default_factory=list)
    boxes: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The file's shape."""
        return {"format": FORMAT, "rounds": self.rounds, "boxes": self.boxes}

    def due(self, ids: Iterable[str]) -> list[str]:
        """Questions due in the next round, lowest box (most often missed) first."""
        now = len(self.rounds) + 1
        wanted = set(ids)
        due = [
            (box["box"], box["last_round"], qid)
            for qid, box in self.boxes.items()
            if qid in wanted and now - box["last_round"] >= BOX_INTERVALS[box["box"]]
        ]
        return [qid for _, _, qid in sorted(due)]

    def add_round(self, summary: dict[str, Any], results: list[tuple[str, bool]]) -> None:
        """Record a round and move each question between Leitner boxes."""
        self.rounds.append(summary)
        number = len(self.rounds)
        for qid, correct in results:
            box = self.boxes.get(qid, {"box": 1, "last_round": number})["box"]
            self.boxes[qid] = {"box": min(box + 1, 5) if correct else 1, "last_round": number}

    def best(self) -> dict[str, tuple[int, int]]:
        """Best (right, asked) per category over all rounds, by share of right answers."""
        best: dict[str, tuple[int, int]] = {}
        for round_ in self.rounds:
            for category, (right, asked) in round_.get("by_category", {}).items():
                old = best.get(category)
                if old is None or right / asked > old[0] / old[1]:
                    best[category] = (right, asked)
        return best


class ProgressFile:
    """The history file and its lock."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or data_dir()
        self.path = self.folder / "history.json"
        self.warnings: list[str] = []

    def load(self) -> Progress:
        """Read progress; an unreadable file is renamed aside with a warning and a fresh start."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Progress()
        except OSError as exc:
            self.warnings.append(f"cannot read quiz history {self.path}: {_reason(self.folder, exc)}")
            return Progress()
        try:
            return _parse(raw)
        except ValueError as exc:
            self._set_aside(str(exc))
            return Progress()

    def _set_aside(self, why: str) -> None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(f"history.json.corrupt-{stamp}-{os.getpid()}")
        try:
            os.replace(self.path, backup)
            self.warnings.append(f"quiz history was unreadable ({why}); kept it as {backup} and started afresh")
        except OSError as exc:
            self.warnings.append(f"quiz history was unreadable ({why}) and could not be set aside: {exc.strerror}")

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

    def record(self, summary: dict[str, Any], results: list[tuple[str, bool]]) -> bool:
        """Add a round under the lock and write atomically; on failure warn and return False."""
        try:
            with self._locked():
                progress = self.load()
                progress.add_round(summary, results)
                _write_atomic(self.path, json.dumps(progress.to_json(), ensure_ascii=False, indent=1).encode())
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


def _parse(raw: bytes) -> Progress:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError("not valid JSON" if raw.strip() else "empty file") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a wick history file")
    rounds, boxes = data.get("rounds"), data.get("boxes")
    if not isinstance(rounds, list) or not all(isinstance(r, dict) for r in rounds):
        raise ValueError("'rounds' is not a list of rounds")
    if not isinstance(boxes, dict) or not all(
        isinstance(b, dict) and b.get("box") in BOX_INTERVALS and isinstance(b.get("last_round"), int)
        for b in boxes.values()
    ):
        raise ValueError("'boxes' is malformed")
    return Progress(rounds, boxes)


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
