"""The cache of validated knowledge files: hits, misses on change, corrupt or foreign caches, same answers."""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wickcli import __version__, cache, complete, loader
from wickcli.cli import app
from wickcli.errors import DataFileError

from .conftest import MINI, REAL


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    shutil.copy(MINI, path)
    return path


def cache_file() -> Path:
    (found,) = cache.cache_dir().glob("*.sqlite")
    return found


def test_miss_then_hit_gives_the_same_model(mini: Path) -> None:
    first = cache.load(str(mini))
    assert cache_file().exists()
    assert cache.load(str(mini)) == first == loader.load(str(mini))


def test_hit_does_not_parse_yaml(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache.load(str(mini))

    def fail(data: bytes, path: str) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(loader, "parse", fail)
    assert cache.load(str(mini)).name == "Harbor Lights"


def test_changed_file_rebuilds_silently(mini: Path) -> None:
    warnings: list[str] = []
    cache.load(str(mini), warnings.append)
    mini.write_text(mini.read_text().replace("franchise: Harbor Lights", "franchise: Harbour Lights"))
    assert cache.load(str(mini), warnings.append).name == "Harbour Lights"
    assert warnings == []


def meta(where: Path) -> dict[str, str]:
    with closing(sqlite3.connect(where)) as db:
        return dict(db.execute("SELECT k, v FROM meta"))


@pytest.mark.parametrize("content", [b"{broken", b"SQLite format 3\x00" + b"\x01" * 200, b""])
def test_corrupt_cache_is_rebuilt_with_a_warning(mini: Path, content: bytes) -> None:
    cache.load(str(mini))
    cache_file().write_bytes(content)
    warnings: list[str] = []
    assert cache.load(str(mini), warnings.append) == loader.load(str(mini))
    assert warnings == [f"cache {cache_file()} is unreadable; rebuilding it"]
    assert meta(cache_file())["version"] == __version__


def test_cache_from_another_version_is_rebuilt_with_a_warning(mini: Path) -> None:
    cache.load(str(mini))
    with closing(sqlite3.connect(cache_file())) as db:
        db.execute("UPDATE meta SET v = '0.0.0-old' WHERE k = 'version'")
        db.commit()
    warnings: list[str] = []
    assert cache.load(str(mini), warnings.append) == loader.load(str(mini))
    assert warnings == [f"cache {cache_file()} is from another version of wick; rebuilding it"]


def test_unwritable_cache_folder_still_answers(mini: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("WICK_CACHE", str(blocker / "cache"))
    assert cache.load(str(mini)).name == "Harbor Lights"


def test_touched_but_unchanged_file_keeps_its_cache(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache.load(str(mini))
    os.utime(mini, ns=(1, 1))

    def fail(data: bytes, path: str) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(loader, "parse", fail)
    assert cache.load(str(mini)).name == "Harbor Lights"
    assert meta(cache_file())["mtime_ns"] == "1"


def test_bad_file_is_reported_not_cached(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("franchise: [\n")
    with pytest.raises(DataFileError):
        cache.load(str(bad))
    assert not cache.cache_dir().exists() or not list(cache.cache_dir().glob("*.sqlite"))


COMMANDS = [
    ["who-plays", "Rooney"],
    ["who-plays", "winston", "--film", "continental"],
    ["roles", "keanu reevs"],
    ["cast", "parabellum"],
    ["release-date", "ballerina"],
    ["release-date"],
    ["timeline"],
    ["timeline", "--order", "release"],
    ["info", "john wick"],
    ["info", "charon", "--no-spoilers"],
    ["search", "wick"],
    ["quiz", "--seed", "3", "--export", "json"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_every_lookup_answers_the_same_with_and_without_cache(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    env = {"WICK_TODAY": "2026-11-27"}
    json_args = args if "--export" in args else [*args, "--json"]
    cold = runner.invoke(app, ["--data", str(REAL), *json_args], env=env)
    warm = runner.invoke(app, ["--data", str(REAL), *json_args], env=env)
    monkeypatch.setattr(cache, "load", lambda path, warn=None: loader.load(path))
    uncached = runner.invoke(app, ["--data", str(REAL), *json_args], env=env)
    assert cold.exit_code == warm.exit_code == uncached.exit_code == 0
    assert cold.stdout == warm.stdout == uncached.stdout


@pytest.mark.parametrize(
    ("typed", "kinds", "expected"),
    [
        (
            "t",
            ("character", "person"),
            [("The Keeper", "character"), ("Tom Gray", "character"), ("Tommy", "character")],
        ),
        ("CL", ("person",), [("Cléo Marchetti", "person")]),
        ("low", ("work",), [("Low Tide", "work")]),
        ("zz", ("work", "character", "person"), []),
    ],
)
def test_completion_is_the_same_from_the_cache(
    mini: Path, typed: str, kinds: tuple[str, ...], expected: list[tuple[str, str]]
) -> None:
    first = complete.names(str(mini), [], typed, kinds)  # builds the cache, answers from the parsed file
    again = complete.names(str(mini), [], typed, kinds)  # answers from the cache
    assert first == again == expected
