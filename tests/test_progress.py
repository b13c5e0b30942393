"""Quiz progress: atomic writes, corrupt files set aside, concurrent rounds both kept, Leitner boxes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wickcli.cli import app
from wickcli.progress import Progress, ProgressFile

SUMMARY = {"score": 1, "asked": 2, "by_category": {"cast": [1, 2]}}


def test_first_round_creates_the_file(tmp_path: Path) -> None:
    store = ProgressFile(tmp_path)
    assert store.record(SUMMARY, [("q1", True), ("q2", False)])
    data = json.loads((tmp_path / "history.json").read_text())
    assert data["format"] == 1
    assert data["boxes"] == {"q1": {"box": 2, "last_round": 1}, "q2": {"box": 1, "last_round": 1}}


def test_missed_questions_are_due_first() -> None:
    progress = Progress()
    progress.add_round(SUMMARY, [("right", True), ("missed", False)])
    assert progress.due(["right", "missed", "new"]) == ["missed"]
    progress.add_round(SUMMARY, [])
    assert progress.due(["right", "missed"]) == ["missed", "right"]


def test_right_answers_climb_the_boxes() -> None:
    progress = Progress()
    for _ in range(7):
        progress.add_round(SUMMARY, [("q", True)])
    assert progress.boxes["q"]["box"] == 5


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "empty file"),
        (b"{not json", "not valid JSON"),
        (b'{"format": 1, "rounds": [1, 2], "boxes": {}}', "'rounds' is not a list of rounds"),
        (b"[1, 2, 3]", "not a wick history file"),
        (b'{"format": 1, "rounds": [], "boxes": {"q": {"box": 9}}}', "'boxes' is malformed"),
        (b"\xff\xfe", "not valid JSON"),
    ],
)
def test_unreadable_history_is_set_aside_not_lost(tmp_path: Path, content: bytes, why: str) -> None:
    (tmp_path / "history.json").write_bytes(content)
    store = ProgressFile(tmp_path)
    assert store.load() == Progress()
    backups = list(tmp_path.glob("history.json.corrupt-*"))
    assert [b.read_bytes() for b in backups] == [content]
    assert store.warnings == [f"quiz history was unreadable ({why}); kept it as {backups[0]} and started afresh"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder")
def test_read_only_folder_warns(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        store = ProgressFile(tmp_path / "sub")
        assert not store.record(SUMMARY, [("q", True)])
        assert store.warnings[0].startswith("could not save quiz progress")
    finally:
        tmp_path.chmod(0o700)


def test_unwritable_location_warns(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = ProgressFile(blocker / "wick")
    assert not store.record(SUMMARY, [("q", True)])
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


def test_concurrent_processes_lose_no_round(tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from wickcli.progress import ProgressFile\n"
        "store = ProgressFile(Path(sys.argv[1]))\n"
        "for i in range(20): store.record({'score': 0, 'asked': 1}, [(f'{sys.argv[2]}-{i}', True)])\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path), f"p{n}"]) for n in range(4)]
    assert [p.wait(timeout=60) for p in procs] == [0, 0, 0, 0]
    data = json.loads((tmp_path / "history.json").read_text())
    assert len(data["rounds"]) == 80
    assert len(data["boxes"]) == 80
