"""Quiz progress: FSRS cards, one section per knowledge file, migration, and a history that is never lost."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from wickcli.cli import app
from wickcli.progress import Progress, ProgressFile, RoundRecord

SUMMARY: RoundRecord = {"score": 1, "asked": 2, "by_category": {"cast": [1, 2]}}
NOW = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)


def days_until_due(progress: Progress, qid: str) -> int:
    return (dt.datetime.fromisoformat(progress.cards[qid]["due"]) - NOW).days


def test_first_round_creates_the_file_with_a_card_per_question(tmp_path: Path) -> None:
    store = ProgressFile(tmp_path, "John Wick")
    assert store.record(SUMMARY, [("q1", 3), ("q2", 1)], NOW)
    data = json.loads((tmp_path / "history.json").read_text())
    assert data["format"] == 2
    section = data["franchises"]["John Wick"]
    assert section["rounds"] == [SUMMARY]
    assert section["cards"]["q2"]["due"] == "2026-03-02T12:00:00+00:00"
    assert section["cards"]["q2"]["last_review"] == "2026-03-01T12:00:00+00:00"


@pytest.mark.parametrize(
    ("ratings", "days", "why"),
    [
        ([1], 1, "a question missed is due the next day"),
        ([2], 1, "right after a hint: a short interval"),
        ([3], 2, "right: a little longer"),
        ([3, 3], 11, "right twice: longer again"),
        ([3, 3, 3], 46, "right three times: over a month"),
        ([3, 3, 1], 2, "missed after two rights: back to a short interval"),
    ],
)
def test_fsrs_schedules_each_answer(ratings: list[int], days: int, why: str) -> None:
    progress = Progress()
    when = NOW
    for grade in ratings:
        progress.review("q", grade, when)
        when = dt.datetime.fromisoformat(progress.cards["q"]["due"])
    last = dt.datetime.fromisoformat(progress.cards["q"]["last_review"] or "")
    assert (dt.datetime.fromisoformat(progress.cards["q"]["due"]) - last).days == days, why


def test_due_lists_the_longest_overdue_first() -> None:
    progress = Progress()
    progress.review("known", 3, NOW)
    progress.review("missed", 1, NOW)
    progress.review("missed-earlier", 1, NOW - DAY)
    assert progress.due(NOW) == ["missed-earlier"]
    assert progress.due(NOW + DAY) == ["missed-earlier", "missed"]
    assert progress.due(NOW + 7 * DAY) == ["missed-earlier", "missed", "known"]


def test_best_is_the_round_with_most_right() -> None:
    progress = Progress()
    for right, asked in [(1, 1), (9, 10), (3, 3)]:
        progress.add_round({"score": right, "asked": asked, "by_category": {"cast": [right, asked]}}, [], NOW)
    assert progress.best() == {"cast": (9, 10)}


def test_each_knowledge_file_keeps_its_own_progress(tmp_path: Path) -> None:
    ProgressFile(tmp_path, "John Wick").record(SUMMARY, [("q1", 3)], NOW)
    ProgressFile(tmp_path, "The Matrix").record({"score": 0, "asked": 1}, [("m1", 1)], NOW)
    wick, matrix = ProgressFile(tmp_path, "John Wick").load(NOW), ProgressFile(tmp_path, "The Matrix").load(NOW)
    assert (len(wick.rounds), list(wick.cards)) == (1, ["q1"])
    assert (len(matrix.rounds), list(matrix.cards)) == (1, ["m1"])


FORMAT_1 = {
    "format": 1,
    "rounds": [
        {
            "answer": "quiz",
            "at": "2026-02-20T10:00:00+00:00",
            "seed": 7,
            "mode": "choice",
            "score": 1,
            "asked": 2,
            "planned": 2,
            "complete": True,
            "by_category": {"cast": [1, 1], "crew": [0, 1]},
        },
        {
            "answer": "quiz",
            "at": "2026-02-25T10:00:00+00:00",
            "seed": 8,
            "mode": "free",
            "score": 1,
            "asked": 1,
            "planned": 10,
            "complete": False,
            "by_category": {"cast": [1, 1]},
        },
    ],
    "boxes": {"cast:a": {"box": 3, "last_round": 2}, "crew:b": {"box": 1, "last_round": 1}},
}


def test_history_of_the_previous_format_migrates_once_losing_nothing(tmp_path: Path) -> None:
    original = json.dumps(FORMAT_1).encode()
    (tmp_path / "history.json").write_bytes(original)
    store = ProgressFile(tmp_path, "John Wick")
    progress = store.load(NOW)
    assert store.warnings == []
    assert progress.rounds == [{k: v for k, v in r.items() if k != "answer"} for r in FORMAT_1["rounds"]]  # type: ignore[attr-defined]
    assert progress.leitner == FORMAT_1["boxes"]
    assert progress.cards["crew:b"]["last_review"] == "2026-02-20T10:00:00+00:00"
    assert progress.due(NOW) == ["crew:b"]  # missed (box 1): due; right twice running (box 3): not yet
    assert progress.cards["cast:a"]["last_review"] == "2026-02-25T10:00:00+00:00"
    backups = list(tmp_path.glob("history.json.format-1-*"))
    assert [b.read_bytes() for b in backups] == [original]
    migrated = json.loads((tmp_path / "history.json").read_text())
    assert migrated["format"] == 2
    assert ProgressFile(tmp_path, "John Wick").load(NOW) == progress
    assert len(list(tmp_path.glob("history.json.*"))) == 1


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "empty file"),
        (b"{not json", "not valid JSON"),
        (b"[1, 2, 3]", "not a wick history file"),
        (b'{"format": 3}', "not a wick history file"),
        (b'{"format": 2, "franchises": []}', "'franchises' is not a mapping"),
        (b"\xff\xfe", "not valid JSON"),
    ],
)
def test_unreadable_history_is_set_aside_not_lost(tmp_path: Path, content: bytes, why: str) -> None:
    (tmp_path / "history.json").write_bytes(content)
    store = ProgressFile(tmp_path, "John Wick")
    assert store.load(NOW) == Progress()
    backups = list(tmp_path.glob("history.json.corrupt-*"))
    assert [b.read_bytes() for b in backups] == [content]
    assert store.warnings == [f"quiz history was unreadable ({why}); kept it as {backups[0]} and started afresh"]


def v2(section: dict[str, Any]) -> bytes:
    return json.dumps({"format": 2, "franchises": {"John Wick": section}}).encode()


GOOD_ROUND = {"score": 2, "asked": 3}


@pytest.mark.parametrize(
    ("content", "unfit"),
    [
        (v2({"rounds": [{"score": "x"}, GOOD_ROUND]}), "rounds[0]: a round needs 'score' and 'asked'"),
        (
            v2({"rounds": [{"score": "x", "asked": 1}, GOOD_ROUND]}),
            'rounds[0].score: expected a whole number of at least 0, got "x"',
        ),
        (
            v2({"rounds": [{"score": None, "asked": 1}, GOOD_ROUND]}),
            "rounds[0].score: expected a whole number of at least 0, got null",
        ),
        (
            v2({"rounds": [{"score": 1, "asked": 1, "by_category": "x"}, GOOD_ROUND]}),
            'rounds[0].by_category: expected categories, got "x"',
        ),
        (
            v2({"rounds": [{"asked": -3, "score": 10}, GOOD_ROUND]}),
            "rounds[0].asked: expected a whole number of at least 0, got -3",
        ),
        (v2({"rounds": [{"asked": 3, "score": 10}, GOOD_ROUND]}), "rounds[0]: score 10 is more than the 3 asked"),
        (
            json.dumps({**FORMAT_1, "rounds": [GOOD_ROUND], "boxes": {"q": {"box": True, "last_round": 1}}}).encode(),
            "boxes['q'].box: expected a box from 1 to 5, got true",
        ),
        (
            v2({"rounds": [GOOD_ROUND], "cards": {"q": {"due": "soon", "state": 2}}}),
            "cards['q'].due: expected a date and time, got \"soon\"",
        ),
        (
            v2({"rounds": [GOOD_ROUND, {"score": 1, "asked": 2, "at": 5}]}),
            "rounds[1].at: expected a date and time, got 5",
        ),
    ],
)
def test_entries_that_do_not_fit_are_set_aside_and_the_rest_kept(tmp_path: Path, content: bytes, unfit: str) -> None:
    (tmp_path / "history.json").write_bytes(content)
    store = ProgressFile(tmp_path, "John Wick")
    assert store.load(NOW).rounds == [GOOD_ROUND]
    (backup,) = tmp_path.glob("history.json.corrupt-*")
    assert backup.read_bytes() == content
    assert store.warnings == [
        f"quiz history had entries that do not fit ({unfit}); kept the file as {backup} and left them out"
    ]
    again = ProgressFile(tmp_path, "John Wick")
    assert (again.load(NOW).rounds, again.warnings) == ([GOOD_ROUND], [])


def test_unreadable_history_is_never_written_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = ProgressFile(tmp_path, "John Wick")
    for _ in range(5):
        store.record(SUMMARY, [("q", 3)], NOW)
    before = (tmp_path / "history.json").read_bytes()

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    store = ProgressFile(tmp_path, "John Wick")
    assert not store.record(SUMMARY, [("q", 1)], NOW)
    monkeypatch.undo()
    assert (tmp_path / "history.json").read_bytes() == before
    assert store.warnings == [
        f"cannot read quiz history {tmp_path / 'history.json'}: Permission denied",
        "this round was not saved, so that the history is not written over",
    ]


def test_unwritable_location_warns(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = ProgressFile(blocker / "wick", "John Wick")
    assert not store.record(SUMMARY, [("q", 3)], NOW)
    assert store.warnings[0].startswith(f"could not save quiz progress in {blocker / 'wick'}")


@pytest.mark.parametrize(
    ("args", "warning"),
    [
        (
            ["quiz", "--seed", "1", "-n", "1", "--answers", "-"],
            "could not save quiz progress in {home}: it is a file, not a folder",
        ),
        (["stats"], "cannot read quiz history {home}/history.json: {home} is a file, not a folder"),
    ],
    ids=["quiz", "stats"],
)
def test_wick_home_that_is_a_file_is_named_so(tmp_path: Path, args: list[str], warning: str) -> None:
    home = tmp_path / "home-file"
    home.write_text("not a folder")
    result = CliRunner().invoke(app, args, input="a\n", env={"WICK_HOME": str(home)})
    assert result.exit_code == 0
    assert result.stderr == f"Warning: {warning.format(home=home)}\n"
    assert home.read_text() == "not a folder"


@pytest.mark.slow
def test_concurrent_processes_lose_no_round(tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from wickcli.progress import ProgressFile\n"
        "store = ProgressFile(Path(sys.argv[1]), 'John Wick')\n"
        "for i in range(20): store.record({'score': 0, 'asked': 1}, [(f'{sys.argv[2]}-{i}', 3)])\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path), f"p{n}"]) for n in range(4)]
    assert [p.wait(timeout=60) for p in procs] == [0, 0, 0, 0]
    data = json.loads((tmp_path / "history.json").read_text())["franchises"]["John Wick"]
    assert len(data["rounds"]) == 80
    assert len(data["cards"]) == 80


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder")
def test_read_only_folder_warns(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        store = ProgressFile(tmp_path / "sub", "John Wick")
        assert not store.record(SUMMARY, [("q", 3)], NOW)
        assert store.warnings[0].startswith("could not save quiz progress")
    finally:
        tmp_path.chmod(0o700)
