"""The progress rules one by one: ratings, best rounds, what a history entry must hold, migration, set-aside files."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wickcli import progress as progress_module
from wickcli.progress import Progress, ProgressFile, RoundRecord, Unfit, check_box, check_card, check_round, rating

NOW = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)
CARD: dict[str, Any] = {
    "due": "2026-03-02T12:00:00+00:00",
    "state": 2,
    "step": None,
    "stability": 2.3065,
    "difficulty": 2.11810397,
    "last_review": "2026-03-01T12:00:00+00:00",
}


@pytest.mark.parametrize(
    ("correct", "hints", "expected", "why"),
    [
        (False, 0, 1, "wrong: Again"),
        (False, 2, 1, "wrong after hints is still Again"),
        (True, 1, 2, "right after a hint: Hard"),
        (True, 3, 2, "right after several hints: still Hard"),
        (True, 0, 3, "right without help: Good"),
    ],
)
def test_rating_of_an_answer(correct: bool, hints: int, expected: int, why: str) -> None:
    assert rating(correct, hints) == expected, why


@pytest.mark.parametrize(
    ("tallies", "best", "why"),
    [
        ([(1, 1), (9, 10), (3, 3)], (9, 10), "the most right answers wins over a better ratio"),
        ([(3, 5), (3, 4), (3, 6)], (3, 4), "equal right: the fewest asked"),
        ([(1, 2), (1, 1)], (1, 1), "a later round with as many right and fewer asked replaces the earlier"),
        ([(1, 5), (2, 2)], (2, 2), "more right wins even when the earlier round asked more"),
        ([(2, 2), (1, 3)], (2, 2), "fewer right never replaces"),
        ([None, (1, 2)], (1, 2), "a round without categories (an old or interrupted one) is passed over"),
    ],
)
def test_best_round_per_category(tallies: list[tuple[int, int] | None], best: tuple[int, int], why: str) -> None:
    progress = Progress()
    for tally in tallies:
        summary: RoundRecord = {"score": 0, "asked": 1}
        if tally:
            summary = {"score": tally[0], "asked": tally[1], "by_category": {"cast": list(tally)}}
        progress.add_round(summary, [], NOW)
    assert progress.best() == {"cast": best}, why


ROUND_UNFIT: list[tuple[object, str, str]] = [
    # (round as stored, message, why)
    ("x", 'r: expected a round, got "x"', "a round is a mapping"),
    ({"score": 1, "asked": 1, "seed": -1}, "r.seed: expected a whole number of at least 0, got -1", "seed"),
    ({"score": 1, "asked": 1, "mode": 5}, "r.mode: expected text, got 5", "mode is text"),
    ({"score": 1, "asked": 1, "points": -1}, "r.points: expected a number, got -1", "negative points"),
    ({"score": 1, "asked": 1, "points": float("nan")}, "r.points: expected a number, got NaN", "points not finite"),
    ({"score": 1, "asked": 1, "points": "1"}, 'r.points: expected a number, got "1"', "points as text"),
    ({"score": 1, "asked": 1, "points": True}, "r.points: expected a number, got true", "a flag is no number"),
    ({"score": 1, "asked": 2, "points": 2}, "r: points 2.0 are more than the score 1", "points over the score"),
    ({"score": 1, "asked": 1, "planned": -1}, "r.planned: expected a whole number of at least 0, got -1", "planned"),
    ({"score": 1, "asked": 1, "complete": "yes"}, 'r.complete: expected true or false, got "yes"', "complete"),
    ({"score": 1, "asked": 1, "at": 5}, "r.at: expected a date and time, got 5", "a time is text"),
    (
        {"score": 1, "asked": 1, "at": "2026-03-01T12:00:00"},
        'r.at: expected a time with its zone, got "2026-03-01T12:00:00"',
        "a time without its zone is ambiguous",
    ),
    (
        {"score": 1, "asked": 1, "by_category": {"cast": [1]}},
        "r.by_category.cast: expected [right, asked], got [1]",
        "a tally is two numbers",
    ),
    (
        {"score": 1, "asked": 1, "by_category": {"cast": [-1, 2]}},
        "r.by_category.cast[0]: expected a whole number of at least 0, got -1",
        "right is not negative",
    ),
    (
        {"score": 0, "asked": 1, "by_category": {"cast": [0, 0]}},
        "r.by_category.cast[1]: expected a whole number of at least 1, got 0",
        "a category in a round was asked at least once",
    ),
    (
        {"score": 1, "asked": 3, "by_category": {"cast": [3, 2]}},
        "r.by_category.cast: 3 right of 2 asked",
        "more right than asked",
    ),
]


@pytest.mark.parametrize(("raw", "message", "why"), ROUND_UNFIT)
def test_a_round_that_does_not_fit_is_named_exactly(raw: object, message: str, why: str) -> None:
    with pytest.raises(Unfit) as caught:
        check_round(raw, "r")
    assert str(caught.value) == message, why


@pytest.mark.parametrize(
    ("raw", "kept", "why"),
    [
        (
            {"score": 1, "asked": 2, "points": 0.5, "planned": 3, "complete": False, "seed": 0, "mode": "free"},
            {"score": 1, "asked": 2, "points": 0.5, "planned": 3, "complete": False, "seed": 0, "mode": "free"},
            "every optional field is kept",
        ),
        (
            {"score": 1, "asked": 1, "points": 1, "at": "2026-03-01T14:00:00.123456+02:00"},
            {"score": 1, "asked": 1, "points": 1.0, "at": "2026-03-01T14:00:00+02:00"},
            "points as a float; a time to the second, in its own zone",
        ),
        ({"score": 0, "asked": 0, "unknown": 1}, {"score": 0, "asked": 0}, "a field wick does not know is dropped"),
    ],
)
def test_a_round_that_fits_is_kept(raw: dict[str, Any], kept: dict[str, Any], why: str) -> None:
    assert check_round(raw, "r") == kept, why


@pytest.mark.parametrize(
    ("change", "message", "why"),
    [
        ({"state": True}, "c.state: expected 1, 2 or 3, got true", "a flag is no state"),
        ({"state": 4}, "c.state: expected 1, 2 or 3, got 4", "FSRS has three states"),
        ({"state": 0}, "c.state: expected 1, 2 or 3, got 0", "nor a state 0"),
        ({"step": -1}, "c.step: expected a whole number of at least 0, got -1", "step"),
        (
            {"state": 3, "step": None},
            "c.step: expected the step of a relearning card, got null",
            "a relearning card without its step would stop the quiz when answered",
        ),
        ({"stability": -1}, "c.stability: expected a number, got -1", "stability"),
        ({"difficulty": "x"}, 'c.difficulty: expected a number, got "x"', "difficulty"),
        ({"last_review": "soon"}, 'c.last_review: expected a date and time, got "soon"', "last review"),
    ],
)
def test_a_card_that_does_not_fit_is_named_exactly(change: dict[str, Any], message: str, why: str) -> None:
    with pytest.raises(Unfit) as caught:
        check_card({**CARD, **change}, "c")
    assert str(caught.value) == message, why


def test_a_card_must_be_a_mapping() -> None:
    with pytest.raises(Unfit) as caught:
        check_card([1], "c")
    assert str(caught.value) == "c: expected a card, got [1]"


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"state": 1}, "learning"),
        ({"state": 3, "step": 0}, "relearning, at its step"),
        ({"step": 0}, "a learning step"),
        ({"stability": None, "difficulty": None, "last_review": None}, "a card never reviewed"),
    ],
)
def test_a_card_that_fits_is_kept(change: dict[str, Any], why: str) -> None:
    assert check_card({**CARD, **change}, "c") == {**CARD, **change}, why


@pytest.mark.parametrize(
    ("raw", "message", "why"),
    [
        ("x", 'b: expected a box, got "x"', "a box is a mapping"),
        ({"box": 6, "last_round": 1}, "b.box: expected a box from 1 to 5, got 6", "five boxes"),
        ({"box": 0, "last_round": 1}, "b.box: expected a box from 1 to 5, got 0", "the first box is 1"),
        (
            {"box": 5, "last_round": 0},
            "b.last_round: expected a whole number of at least 1, got 0",
            "rounds count from 1",
        ),
    ],
)
def test_a_box_that_does_not_fit_is_named_exactly(raw: object, message: str, why: str) -> None:
    with pytest.raises(Unfit) as caught:
        check_box(raw, "b")
    assert str(caught.value) == message, why


def test_the_last_box_fits() -> None:
    assert check_box({"box": 5, "last_round": 1}, "b") == {"box": 5, "last_round": 1}


def v2(section: object) -> bytes:
    return json.dumps({"format": 2, "franchises": {"John Wick": section}}).encode()


BAD = {"score": 2, "asked": 1}


@pytest.mark.parametrize(
    ("content", "unfit", "why"),
    [
        (v2("x"), "John Wick: expected a franchise's progress", "the section is named by its franchise"),
        (v2({"rounds": "x"}), "John Wick.rounds: expected a list of rounds", "rounds are a list"),
        (v2({"cards": []}), "cards: expected a mapping, got []", "cards are a mapping"),
        (v2({"leitner": 5}), "boxes: expected a mapping, got 5", "boxes are a mapping"),
        (
            json.dumps({"format": 1, "rounds": "x", "boxes": {}}).encode(),
            "John Wick.rounds: expected a list of rounds",
            "a format-1 history is read as the franchise's section",
        ),
        (v2({"rounds": [BAD, BAD]}), "rounds[0]: score 2 is more than the 1 asked (and 1 more)", "two unfit"),
        (v2({"rounds": [BAD, BAD, BAD]}), "rounds[0]: score 2 is more than the 1 asked (and 2 more)", "three"),
    ],
)
def test_unfit_parts_are_named_in_the_warning(tmp_path: Path, content: bytes, unfit: str, why: str) -> None:
    (tmp_path / "history.json").write_bytes(content)
    store = ProgressFile(tmp_path, "John Wick")
    assert store.load(NOW).rounds == [], why
    (backup,) = tmp_path.glob("history.json.*")
    assert store.warnings == [
        f"quiz history had entries that do not fit ({unfit}); kept the file as {backup} and left them out"
    ], why


def test_a_section_without_rounds_has_none(tmp_path: Path) -> None:
    (tmp_path / "history.json").write_bytes(v2({"cards": {"q": CARD}}))
    store = ProgressFile(tmp_path, "John Wick")
    assert store.load(NOW) == Progress(cards={"q": CARD})
    assert (store.warnings, list(tmp_path.glob("history.json.*"))) == ([], [])


def test_a_card_never_reviewed_can_be_reviewed(tmp_path: Path) -> None:
    never = {**CARD, "state": 1, "stability": None, "difficulty": None, "last_review": None}
    (tmp_path / "history.json").write_bytes(v2({"cards": {"q": never}}))
    store = ProgressFile(tmp_path, "John Wick")
    assert store.record({"score": 1, "asked": 1}, [("q", 3)], NOW)
    card = store.load(NOW).cards["q"]
    assert (card["last_review"], card["due"]) == ("2026-03-01T12:00:00+00:00", "2026-03-03T12:00:00+00:00")


@pytest.fixture
def tokyo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's clock in another zone than UTC, so that a time kept in local time would show."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


MIGRATED: list[tuple[dict[str, Any], list[dict[str, Any]], str, str, str]] = [
    # (box, rounds, last review, due, why)
    (
        {"box": 1, "last_round": 1},
        [{"score": 0, "asked": 1, "at": "2026-02-20T10:00:00+00:00"}],
        "2026-02-20T10:00:00+00:00",
        "2026-02-21T10:00:00+00:00",
        "box 1: missed when last asked, due the next day",
    ),
    (
        {"box": 2, "last_round": 1},
        [{"score": 1, "asked": 1, "at": "2026-02-20T10:00:00+00:00"}],
        "2026-02-20T10:00:00+00:00",
        "2026-02-22T10:00:00+00:00",
        "box 2: right once, due two days on",
    ),
    (
        {"box": 3, "last_round": 2},
        [{"score": 1, "asked": 1}, {"score": 1, "asked": 1, "at": "2026-02-25T10:00:00+00:00"}],
        "2026-02-25T10:00:00+00:00",
        "2026-03-08T10:00:00+00:00",
        "box 3: right twice running, due eleven days after the round it was last asked in",
    ),
    (
        {"box": 4, "last_round": 1},
        [{"score": 1, "asked": 1, "at": "2026-02-20T12:00:00+02:00"}],
        "2026-02-20T10:00:00+00:00",
        "2026-04-07T10:00:00+00:00",
        "box 4: right three times, 46 days; the time in UTC",
    ),
    (
        {"box": 2, "last_round": 1},
        [{"score": 1, "asked": 1}],
        "2026-03-01T12:00:00+00:00",
        "2026-03-03T12:00:00+00:00",
        "a round without its time: as if asked now",
    ),
    (
        {"box": 2, "last_round": 2},
        [{"score": 1, "asked": 1, "at": "2026-02-20T10:00:00+00:00"}],
        "2026-03-01T12:00:00+00:00",
        "2026-03-03T12:00:00+00:00",
        "a box naming a round the history lacks: as if asked now",
    ),
]


@pytest.mark.parametrize(("box", "rounds", "last", "due", "why"), MIGRATED)
@pytest.mark.usefixtures("tokyo")
def test_a_leitner_box_becomes_a_card(
    tmp_path: Path, box: dict[str, Any], rounds: list[dict[str, Any]], last: str, due: str, why: str
) -> None:
    (tmp_path / "history.json").write_text(json.dumps({"format": 1, "rounds": rounds, "boxes": {"q": box}}))
    store = ProgressFile(tmp_path, "John Wick")
    card = store.load(NOW).cards["q"]
    assert (card["last_review"], card["due"]) == (last, due), why
    assert store.warnings == [], why


STAMPED = r"history\.json\.{}-\d{{8}}-\d{{6}}-\d+"


@pytest.mark.parametrize(
    ("content", "kind", "why"),
    [
        (b"{", "corrupt", "an unreadable file is set aside whole"),
        (v2({"rounds": [BAD]}), "corrupt", "a file with unfit entries is copied before they are left out"),
        (json.dumps({"format": 1, "rounds": [], "boxes": {}}).encode(), "format-1", "a migrated file is kept"),
    ],
)
def test_a_file_set_aside_is_named_by_kind_time_and_process(
    tmp_path: Path, content: bytes, kind: str, why: str
) -> None:
    (tmp_path / "history.json").write_bytes(content)
    ProgressFile(tmp_path, "John Wick").load(NOW)
    (backup,) = tmp_path.glob("history.json.*")
    assert re.fullmatch(STAMPED.format(kind), backup.name), why
    assert backup.read_bytes() == content, why


def test_an_unreadable_file_is_moved_aside_once(tmp_path: Path) -> None:
    (tmp_path / "history.json").write_bytes(b"{")
    ProgressFile(tmp_path, "John Wick").load(NOW)
    assert not (tmp_path / "history.json").exists()
    again = ProgressFile(tmp_path, "John Wick")
    assert (again.load(NOW), again.warnings, len(list(tmp_path.glob("history.json.*")))) == (Progress(), [], 1)


def test_recording_a_round_sets_unfit_entries_aside(tmp_path: Path) -> None:
    content = v2({"rounds": [BAD]})
    (tmp_path / "history.json").write_bytes(content)
    store = ProgressFile(tmp_path, "John Wick")
    assert store.record({"score": 1, "asked": 1}, [], NOW)
    (backup,) = tmp_path.glob("history.json.corrupt-*")
    assert backup.read_bytes() == content
    assert store.warnings == [
        "quiz history had entries that do not fit (rounds[0]: score 2 is more than the 1 asked);"
        f" kept the file as {backup} and left them out"
    ]
    assert ProgressFile(tmp_path, "John Wick").load(NOW).rounds == [{"score": 1, "asked": 1}]


def test_rounds_recorded_on_a_sound_file_set_nothing_aside(tmp_path: Path) -> None:
    store = ProgressFile(tmp_path, "John Wick")
    for _ in range(3):
        assert store.record({"score": 1, "asked": 1}, [("q", 3)], NOW)
    assert (store.warnings, list(tmp_path.glob("history.json.*"))) == ([], [])


def test_the_file_is_readable_text(tmp_path: Path) -> None:
    ProgressFile(tmp_path, "Amélie").record({"score": 0, "asked": 1}, [], NOW)
    assert (tmp_path / "history.json").read_text(encoding="utf-8") == (
        '{\n "format": 2,\n "franchises": {\n  "Amélie": {\n   "rounds": [\n    {\n     "score": 0,\n'
        '     "asked": 1\n    }\n   ],\n   "cards": {}\n  }\n }\n}'
    )


def test_without_a_time_given_the_clock_is_read_in_utc(tmp_path: Path) -> None:
    (tmp_path / "history.json").write_text(
        json.dumps({"format": 1, "rounds": [{"score": 1, "asked": 1}], "boxes": {"m": {"box": 1, "last_round": 1}}})
    )
    store = ProgressFile(tmp_path, "John Wick")
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    migrated = store.load().cards["m"]["last_review"] or ""
    assert store.record({"score": 1, "asked": 1}, [("q", 3)])
    recorded = store.load().cards["q"]["last_review"] or ""
    after = dt.datetime.now(dt.UTC)
    for text in (migrated, recorded):
        assert text.endswith("+00:00")
        assert before <= dt.datetime.fromisoformat(text) <= after


def test_data_folder_follows_the_platform(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WICK_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert progress_module.data_dir() == tmp_path / "wick"
    monkeypatch.setenv("WICK_HOME", str(tmp_path / "home"))
    assert progress_module.data_dir() == tmp_path / "home"


def test_a_file_where_a_folder_should_be_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = ProgressFile(blocker / "wick", "John Wick")
    assert not store.record({"score": 0, "asked": 1}, [], NOW)
    assert store.warnings == [f"could not save quiz progress in {blocker / 'wick'}: {blocker} is a file, not a folder"]


def test_a_lock_that_cannot_be_taken_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    content = v2({"rounds": [BAD]})
    (tmp_path / "history.json").write_bytes(content)
    (tmp_path / "history.lock").mkdir()
    store = ProgressFile(tmp_path, "John Wick")
    assert store.load(NOW) == Progress()
    assert store.warnings == [f"could not save quiz progress in {tmp_path}: Is a directory"]
    assert (tmp_path / "history.json").read_bytes() == content
    assert list(tmp_path.glob("history.json.*")) == []


def test_a_file_that_cannot_be_set_aside_is_not_written_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = v2({"rounds": [BAD]})
    (tmp_path / "history.json").write_bytes(content)

    def full(src: Path, dst: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", full)
    store = ProgressFile(tmp_path, "John Wick")
    assert not store.record({"score": 1, "asked": 1}, [], NOW)
    assert store.warnings == [
        f"quiz history {tmp_path / 'history.json'} could not be set aside: No space left on device",
        "this round was not saved, so that the history is not written over",
    ]
    assert (tmp_path / "history.json").read_bytes() == content


def test_recording_on_a_format_1_file_migrates_at_the_round_time(tmp_path: Path) -> None:
    boxes = {"m": {"box": 1, "last_round": 1}}
    (tmp_path / "history.json").write_text(
        json.dumps({"format": 1, "rounds": [{"score": 0, "asked": 1}], "boxes": boxes})
    )
    assert ProgressFile(tmp_path, "John Wick").record({"score": 1, "asked": 1}, [], NOW)
    card = ProgressFile(tmp_path, "John Wick").load(NOW).cards["m"]
    assert (card["last_review"], card["due"]) == ("2026-03-01T12:00:00+00:00", "2026-03-02T12:00:00+00:00")


def test_a_relearning_card_without_its_step_is_set_aside_not_answered(tmp_path: Path) -> None:
    (tmp_path / "history.json").write_bytes(v2({"cards": {"q": {**CARD, "state": 3}}}))
    store = ProgressFile(tmp_path, "John Wick")
    assert store.record({"score": 1, "asked": 1}, [("q", 3)], NOW)
    card = ProgressFile(tmp_path, "John Wick").load(NOW).cards["q"]
    assert (card["state"], card["due"]) == (2, "2026-03-03T12:00:00+00:00")
