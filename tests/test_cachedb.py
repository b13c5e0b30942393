"""The rules that decide whether a cache answers for its knowledge file, and how completion reads its names."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import time
from contextlib import closing
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest

from wickcli import __version__, cache, cachedb, complete

from .conftest import MINI, cache_trusted

STAMPED = 10**18
"""When the cache recorded the file: any moment will do, the rules compare times."""
LONG_AGO = STAMPED - 3600 * 10**9


def stat(size: int = 100, mtime: int = LONG_AGO, ctime: int = LONG_AGO, ino: int = 7, dev: int = 1) -> os.stat_result:
    fields = SimpleNamespace(st_size=size, st_mtime_ns=mtime, st_ctime_ns=ctime, st_ino=ino, st_dev=dev)
    return cast(os.stat_result, fields)


def meta(**changed: str) -> dict[str, str]:
    recorded = {
        "version": __version__,
        "format": cachedb.format_key(),
        "stat": cachedb.fingerprint(stat()),
        "stamped_ns": str(STAMPED),
    }
    return {k: v for k, v in {**recorded, **changed}.items() if v != "-"}


@pytest.mark.parametrize(
    ("recorded", "now", "expected", "reason"),
    [
        (meta(), stat(), cachedb.FRESH, "every stat field as recorded, last changed an hour before the record"),
        (meta(version="0.0.9"), stat(), cachedb.STALE, "written by another version of wick"),
        (meta(version="-"), stat(), cachedb.STALE, "no version recorded"),
        (meta(format="another"), stat(), cachedb.STALE, "written by other code of the same version"),
        (meta(format="-"), stat(), cachedb.STALE, "no format recorded"),
        (meta(), stat(size=101), cachedb.CHECK, "another size"),
        (meta(), stat(mtime=LONG_AGO + 1), cachedb.CHECK, "another modification time, by a nanosecond"),
        (meta(), stat(ctime=LONG_AGO + 1), cachedb.CHECK, "another change time: cp -p or touch -d put the mtime back"),
        (meta(), stat(ino=8), cachedb.CHECK, "another inode: the file was replaced by a rename"),
        (meta(), stat(dev=2), cachedb.CHECK, "another device"),
        (
            meta(stat=cachedb.fingerprint(stat(mtime=STAMPED - cachedb.RACY_NS - 1))),
            stat(mtime=STAMPED - cachedb.RACY_NS - 1),
            cachedb.FRESH,
            "changed just outside the racy window before the record",
        ),
        (
            meta(stat=cachedb.fingerprint(stat(mtime=STAMPED - cachedb.RACY_NS))),
            stat(mtime=STAMPED - cachedb.RACY_NS),
            cachedb.CHECK,
            "changed at the racy window's edge: a same-tick edit would leave the times alike",
        ),
        (
            meta(stat=cachedb.fingerprint(stat(ctime=STAMPED - 1))),
            stat(ctime=STAMPED - 1),
            cachedb.CHECK,
            "the change time, not only the modification time, is within the window",
        ),
        (
            meta(stat=cachedb.fingerprint(stat(mtime=STAMPED + 10**9))),
            stat(mtime=STAMPED + 10**9),
            cachedb.CHECK,
            "changed after the record (a clock set back)",
        ),
    ],
)
def test_verdict(recorded: dict[str, str], now: os.stat_result, expected: str, reason: str) -> None:
    assert cachedb.verdict(recorded, now) == expected


def test_verdict_of_a_meta_table_without_the_file_stat_is_a_damaged_cache() -> None:
    with pytest.raises(KeyError):
        cachedb.verdict(meta(stat="-"), stat())


@pytest.fixture
def settled(tmp_path: Path) -> Path:
    """The small knowledge file with its cache, recorded ten seconds after the file's last change of any kind."""
    path = tmp_path / "mini.yaml"
    shutil.copy(MINI, path)
    cache_trusted(path)
    return path


def test_fresh_opens_a_trusted_cache_for_reading_only(settled: Path) -> None:
    db = cachedb.fresh(str(settled))
    assert db is not None
    with closing(db), pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("DELETE FROM names")


@pytest.mark.parametrize(
    ("disturb", "reason"),
    [
        ("no cache", "never built, or removed"),
        ("edited", "the file changed since the cache recorded it"),
        ("touched", "same content, new times: only its hash can tell, which cache.load checks"),
        ("no meta", "a damaged database"),
        ("not a database", "garbage where the cache was"),
        ("a folder", "the knowledge file is a folder"),
        ("missing file", "the knowledge file is gone"),
    ],
)
def test_fresh_declines_every_cache_it_cannot_trust_as_it_is(settled: Path, disturb: str, reason: str) -> None:
    where = Path(cachedb.cache_path(str(settled)))
    path = settled
    if disturb == "no cache":
        where.unlink()
    elif disturb == "edited":
        settled.write_text(settled.read_text().replace("Harbor Lights", "Harbour Lights"))
    elif disturb == "touched":
        os.utime(settled)
    elif disturb == "no meta":
        with closing(sqlite3.connect(where)) as db:
            db.execute("DROP TABLE meta")
            db.commit()
    elif disturb == "not a database":
        where.write_bytes(b"\xa5" * 8192)
    elif disturb == "a folder":
        path = settled.parent
    else:
        settled.unlink()
    assert cachedb.fresh(str(path)) is None


@pytest.mark.parametrize(
    ("prefix", "kinds", "expected", "reason"),
    [
        (
            "t",
            ["character"],
            [("The Keeper", "character"), ("Tom Gray", "character"), ("Tommy", "character")],
            "by the file's order",
        ),
        ("TOM", ["character"], [("Tom Gray", "character"), ("Tommy", "character")], "ASCII case ignored"),
        (
            "cl",
            ["person"],
            [("Cléo Marchetti", "person")],
            "the typed prefix need not carry the name's accents later on",
        ),
        ("Clé", ["person"], [("Cléo Marchetti", "person")], "the name's own accents typed"),
        ("cle", ["person"], [("Cléo Marchetti", "person")], "the name's normalised key has no accents"),
        ("t", ["person"], [], "kinds not asked for are left out"),
        ("Low", ["work", "character"], [("Low Tide", "work")], "each name with its own kind"),
        ("%", ["work", "character", "person"], [], "a LIKE wildcard typed is a character, not a wildcard"),
        ("_om", ["character"], [], "so is the one-letter wildcard"),
        ("b", ["work"], [("Beacon", "work")], "an alias is a name of its own; 'Harbor Lights: Beacon' starts with H"),
        (
            "",
            ["character"],
            [
                ("Ellen Gray", "character"),
                ("The Keeper", "character"),
                ("Tom Gray", "character"),
                ("Tommy", "character"),
            ],
            "nothing typed: every name of the kinds",
        ),
    ],
)
def test_starting_with(
    settled: Path, prefix: str, kinds: list[str], expected: list[tuple[str, str]], reason: str
) -> None:
    db = cachedb.fresh(str(settled))
    assert db is not None
    with closing(db):
        assert cachedb.starting_with(db, prefix, kinds) == expected


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_CACHE_HOME names the user cache folder on Linux")
def test_cache_folder_is_the_platforms_user_cache_folder_unless_wick_cache_is_set(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("WICK_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cachedb.cache_dir() == str(tmp_path / "xdg" / "wick")
    monkeypatch.setenv("WICK_CACHE", str(tmp_path / "mine"))
    assert cachedb.cache_dir() == str(tmp_path / "mine")


def test_a_touched_file_checked_by_content_is_trusted_by_its_times_again(settled: Path) -> None:
    where = cachedb.cache_path(str(settled))
    os.utime(settled)  # new times, same content
    before = time.time_ns()
    cache.load(str(settled))  # reads and hashes the file, finds it unchanged, records its new times
    with closing(sqlite3.connect(where)) as db:
        recorded = dict(db.execute("SELECT k, v FROM meta"))
    assert recorded["stat"] == cachedb.fingerprint(os.stat(settled))
    assert before <= int(recorded["stamped_ns"]) <= time.time_ns()  # when it was checked, not when it was built


def test_each_knowledge_file_has_a_cache_of_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    shutil.copy(MINI, first)
    second.write_text(MINI.read_text().replace("franchise: Harbor Lights", "franchise: Other Lights"))
    assert cachedb.cache_path(str(first)) != cachedb.cache_path(str(second))
    cache.load(str(first))
    cache.load(str(second))

    def fail(data: bytes, path: str) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr("wickcli.loader.parse", fail)
    assert (cache.load(str(first)).name, cache.load(str(second)).name) == ("Harbor Lights", "Other Lights")


@pytest.fixture
def wildcards(tmp_path: Path) -> Path:
    """The small file with aliases that start with LIKE's wildcards and its escape character."""
    path = tmp_path / "wildcards.yaml"
    path.write_text(MINI.read_text().replace("aliases: [Tommy]", "aliases: [Tommy, '%Tommy', '_Tommy', '\\Tommy']"))
    cache_trusted(path)
    return path


@pytest.mark.parametrize(
    ("prefix", "expected", "reason"),
    [
        ("%t", ["%Tommy"], "'%' typed is the character, not any run of characters"),
        ("_t", ["_Tommy"], "'_' typed is the character, not any one character"),
        ("\\t", ["\\Tommy"], "the escape character typed is itself"),
        ("%", ["%Tommy"], "a wildcard alone"),
        ("tom", ["Tom Gray", "Tommy", "%Tommy", "_Tommy", "\\Tommy"], "keys without punctuation: complete.py narrows"),
    ],
)
def test_names_starting_with_a_wildcard(wildcards: Path, prefix: str, expected: list[str], reason: str) -> None:
    db = cachedb.fresh(str(wildcards))
    assert db is not None
    with closing(db):
        assert [name for name, _ in cachedb.starting_with(db, prefix, ["character"])] == expected


ACCENTED = {"aliases: [Tommy]": "aliases: [Tommy, Ángel Gray, The Élite Guard, Über Tom]"}


@pytest.mark.parametrize(
    ("typed", "expected", "reason"),
    [
        ("ang", [("Ángel Gray", "character")], "a first letter with an accent, typed without"),
        ("Áng", [("Ángel Gray", "character")], "or with it"),
        ("the el", [("The Élite Guard", "character")], "after an article"),
        ("eli", [("Élite Guard", "character")], "with the article left out, as typed"),
        ("uber", [("Über Tom", "character")], "an umlaut"),
        ("tom", [("Tom Gray", "character"), ("Tommy", "character")], "and the names without accents as before"),
    ],
)
def test_a_name_starting_with_an_accented_letter_completes_from_its_plain_spelling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, expected: list[tuple[str, str]], reason: str
) -> None:
    path = tmp_path / "accents.yaml"
    text = MINI.read_text()
    for old, new in ACCENTED.items():
        text = text.replace(old, new)
    path.write_text(text)
    assert complete.names(str(path), [], typed, ("character",)) == expected  # through the cache
    (tmp_path / "not a folder").write_text("")
    monkeypatch.setenv("WICK_CACHE", str(tmp_path / "not a folder"))  # no cache: the parsed file's names
    assert complete.names(str(path), [], typed, ("character",)) == expected


def test_completion_narrows_the_names_a_prefix_finds(wildcards: Path) -> None:
    assert complete.names(str(wildcards), [], "tom", ("character",)) == [
        ("Tom Gray", "character"),
        ("Tommy", "character"),
    ]
    assert complete.names(str(wildcards), [], "%t", ("character",)) == [("%Tommy", "character")]
