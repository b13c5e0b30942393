"""The cache of validated knowledge files: hits, misses on change, corrupt or foreign caches, same answers."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import NoReturn

import pytest
from typer.testing import CliRunner, Result

from wickcli import __version__, cache, cachedb, complete, loader
from wickcli.cli import app
from wickcli.errors import DataFileError
from wickcli.model import Work

from .conftest import MINI, REAL, cache_trusted


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    shutil.copy(MINI, path)
    return path


def cache_file() -> Path:
    (found,) = Path(cachedb.cache_dir()).glob("*.sqlite")
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
    assert warnings == [f"cache {cache_file()} was unreadable; rebuilt it"]
    assert meta(cache_file())["version"] == __version__


def test_a_corrupt_cache_that_cannot_be_replaced_says_the_file_answers(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk (or a folder wick may not write): no promise of a rebuild that did not happen."""
    cache.load(str(mini))
    cache_file().write_bytes(b"{broken")

    def full(*args: object, **kwargs: object) -> NoReturn:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", full)
    warnings: list[str] = []
    assert cache.load(str(mini), warnings.append) == loader.load(str(mini))
    assert warnings == [
        f"cache {cache_file()} is unreadable and could not be rebuilt; answering from the knowledge file"
    ]
    assert cache_file().read_bytes() == b"{broken"  # left as it was: nothing half-written in its place


def test_cache_from_another_version_is_rebuilt_silently(mini: Path) -> None:
    cache.load(str(mini))
    with closing(sqlite3.connect(cache_file())) as db:
        db.execute("UPDATE meta SET v = '0.0.0-old' WHERE k = 'version'")
        db.commit()
    warnings: list[str] = []
    assert cache.load(str(mini), warnings.append) == loader.load(str(mini))
    assert warnings == []
    assert meta(cache_file())["version"] == __version__


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
    assert meta(cache_file())["stat"].split()[1] == "1"


HOUR_AGO_NS = (time.time_ns() // 10**9 - 3600) * 10**9  # whole seconds, which tar keeps


@pytest.fixture
def settled(mini: Path) -> Path:
    """The small file, modified an hour ago, its cache recorded ten seconds after its last change of any kind."""
    os.utime(mini, ns=(HOUR_AGO_NS, HOUR_AGO_NS))
    cache_trusted(mini)
    return mini


def _same_length(path: Path) -> bytes:
    edited = path.read_bytes().replace(b"franchise: Harbor Lights", b"franchise: Harbor Nights")
    assert len(edited) == path.stat().st_size
    return edited


def cp_p(path: Path, tmp: Path) -> None:
    other = tmp / "other.yaml"
    other.write_bytes(_same_length(path))
    os.utime(other, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns))
    subprocess.run(["cp", "-p", str(other), str(path)], check=True)


def sed_i_then_touch_r(path: Path, tmp: Path) -> None:
    subprocess.run(["cp", "-p", str(path), str(tmp / "ref")], check=True)
    subprocess.run(["sed", "-i", "s/^franchise: Harbor Lights/franchise: Harbor Nights/", str(path)], check=True)
    subprocess.run(["touch", "-r", str(tmp / "ref"), str(path)], check=True)


def tar_extract(path: Path, tmp: Path) -> None:
    (tmp / "t").mkdir()
    other = tmp / "t" / path.name
    other.write_bytes(_same_length(path))
    os.utime(other, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns))
    subprocess.run(["tar", "-C", str(tmp / "t"), "-cf", str(tmp / "x.tar"), path.name], check=True)
    subprocess.run(["tar", "-C", str(path.parent), "-xf", str(tmp / "x.tar")], check=True)


def write_then_utime(path: Path, tmp: Path) -> None:
    before = path.stat()
    path.write_bytes(_same_length(path))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


EDITS = [cp_p, sed_i_then_touch_r, tar_extract, write_then_utime]


@pytest.mark.parametrize("edit", EDITS, ids=[e.__name__ for e in EDITS])
def test_edit_that_keeps_size_and_mtime_is_seen(
    settled: Path, edit: Callable[[Path, Path], None], tmp_path: Path
) -> None:
    before = settled.stat()
    edit(settled, tmp_path)
    after = settled.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)  # the edit hid itself
    assert cache.load(str(settled)).name == "Harbor Nights"


def test_settled_unchanged_file_is_trusted_without_reading_it(settled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(path: str) -> bytes:
        raise AssertionError("read again")

    monkeypatch.setattr(cache, "read_bytes", fail)
    assert cache.load(str(settled)).name == "Harbor Lights"


def test_racily_clean_file_is_checked_by_content(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Written just now, so its times are as new as the cache's record of them; a same-length edit
    # within the same timestamp tick leaves every stat field alike (simulated by freezing the stat).
    cache.load(str(mini))
    frozen = os.stat(mini)
    mini.write_bytes(_same_length(mini))
    monkeypatch.setattr(cachedb, "stat_of", lambda path: frozen)
    assert cache.load(str(mini)).name == "Harbor Nights"


def test_validate_parses_the_file_even_when_the_cache_believes_it(
    settled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frozen = os.stat(settled)
    broken = settled.read_bytes().replace(b"franchise: Harbor Lights", b"franchise: [Harbor Li")
    settled.write_bytes(broken)
    monkeypatch.setattr(cachedb, "stat_of", lambda path: frozen)  # an edit no stat field shows
    result = CliRunner().invoke(app, ["validate", str(settled)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{settled}:4:11: YAML syntax error: ")


@pytest.mark.parametrize("folder", ["why?", "hash#tag", "per%20cent", "all?#%3f", "//double slash", "relative"])
def test_cache_folder_with_uri_characters_is_read_back(
    folder: str, mini: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    if folder.startswith("//"):  # "//" then the absolute path: POSIX reads it as the same folder
        folder = "/" + str(tmp_path / folder.lstrip("/"))
    elif folder != "relative":
        folder = str(tmp_path / folder)
    monkeypatch.setenv("WICK_CACHE", folder)
    warnings: list[str] = []
    cache.load(str(mini), warnings.append)
    os.utime(mini, ns=(HOUR_AGO_NS, HOUR_AGO_NS))  # settled, so the next load trusts the cache as it is
    again = cache.load(str(mini), warnings.append)
    assert isinstance(again, cache.StoredFranchise)
    assert again.name == "Harbor Lights"
    assert warnings == []
    assert complete.names(str(mini), [], "tom", ("character",)) == [("Tom Gray", "character"), ("Tommy", "character")]


def test_bad_file_is_reported_not_cached(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("franchise: [\n")
    with pytest.raises(DataFileError):
        cache.load(str(bad))
    assert not Path(cachedb.cache_dir()).exists() or not list(Path(cachedb.cache_dir()).glob("*.sqlite"))


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


def test_completion_from_a_trusted_cache_reads_its_names_alone(settled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("loaded the franchise")

    monkeypatch.setattr(cache, "load", fail)
    assert complete.names(str(settled), [], "t", ("character", "person")) == [
        ("The Keeper", "character"),
        ("Tom Gray", "character"),
        ("Tommy", "character"),
    ]


HIDDEN_RENAME = (b"name: Tom Gray,", b"name: Tim Gray,")
"""A same-length edit of a name that completion offers."""


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("write", "the file's times and size are no longer those the cache recorded"),
        ("frozen stat", "every stat field alike, but the file changed within the cache's racy window"),
    ],
)
def test_completion_after_an_edit_offers_the_new_name(
    mini: Path, monkeypatch: pytest.MonkeyPatch, change: str, reason: str
) -> None:
    assert complete.names(str(mini), [], "T", ("character",))[1] == ("Tom Gray", "character")
    frozen = os.stat(mini)
    mini.write_bytes(mini.read_bytes().replace(*HIDDEN_RENAME))
    if change == "frozen stat":
        monkeypatch.setattr(cachedb, "stat_of", lambda path: frozen)
    assert complete.names(str(mini), [], "T", ("character",))[1] == ("Tim Gray", "character")


def truncate_after(pages: int) -> Callable[[Path], None]:
    def damage(where: Path) -> None:
        with where.open("r+b") as db:
            db.truncate(pages * 4096)

    damage.__name__ = f"truncated_after_{pages}_pages"
    return damage


def scribble_from(page: int) -> Callable[[Path], None]:
    def damage(where: Path) -> None:
        with where.open("r+b") as db:
            db.seek(page * 4096)
            db.write(b"\xa5" * 4096 * 8)

    damage.__name__ = f"garbage_from_page_{page}"
    return damage


def sql(statement: str) -> Callable[[Path], None]:
    def damage(where: Path) -> None:
        with closing(sqlite3.connect(where)) as db:
            db.execute(statement)
            db.commit()

    damage.__name__ = statement
    return damage


DAMAGES = [
    truncate_after(1),
    truncate_after(12),
    truncate_after(40),
    scribble_from(20),
    scribble_from(45),
    sql("UPDATE records SET row = '{not json' WHERE kind = 'person'"),
    sql("UPDATE records SET row = '[1]' WHERE kind = 'character'"),
    sql("UPDATE credits SET row = 'null'"),
    sql("DROP TABLE credits"),
    sql("DROP TABLE names"),
    sql("DROP TABLE fact_about"),
    sql("UPDATE meta SET v = '{' WHERE k = 'counts'"),
    sql("DELETE FROM records WHERE id = 'ian-mcshane'"),  # valid SQLite, but a credit links to nobody
    sql("DELETE FROM records WHERE id = 'jw1'"),
    sql("UPDATE records SET kind = 'character' WHERE id = 'keanu-reeves'"),
]
DAMAGED_LOOKUPS = [["who-plays", "Rooney"], ["info", "winston"], ["search", "wick"], ["about"], ["quiz", "--seed", "1"]]
"""Between them these read every table of the cache; each damage above is met by at least one."""


@pytest.mark.parametrize("damage", DAMAGES, ids=[d.__name__ for d in DAMAGES])
def test_damaged_cache_answers_from_the_file_with_one_warning(damage: Callable[[Path], None], tmp_path: Path) -> None:
    real = tmp_path / "franchise.yaml"
    shutil.copy(REAL, real)
    runner = CliRunner()
    env = {"WICK_TODAY": "2026-11-27"}

    def run(args: list[str]) -> Result:
        json_args = [*args, "--export", "json"] if args[0] == "quiz" else [*args, "--json"]
        return runner.invoke(app, ["--data", str(real), *json_args], env=env)

    expected = [run(args).stdout for args in DAMAGED_LOOKUPS]
    os.utime(real, ns=(HOUR_AGO_NS, HOUR_AGO_NS))
    cache_trusted(real)  # trusted from now on by its stat alone
    damage(cache_file())
    results = [run(args) for args in DAMAGED_LOOKUPS]
    assert [(r.exit_code, r.stdout) for r in results] == [(0, out) for out in expected]
    assert "".join(r.stderr for r in results) == f"Warning: cache {cache_file()} was unreadable; rebuilt it\n"


@pytest.mark.parametrize("damage", DAMAGES, ids=[d.__name__ for d in DAMAGES])
def test_completion_over_a_damaged_cache_offers_the_same_names_silently(
    damage: Callable[[Path], None], settled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = complete.names(str(settled), ["tom"], "g", ("character",))
    assert expected == [("Gray", "character")]
    damage(cache_file())
    assert complete.names(str(settled), ["tom"], "g", ("character",)) == expected
    assert capsys.readouterr() == ("", "")


def test_every_infobox_field_survives_the_cache(tmp_path: Path) -> None:
    """The format's own example uses every field of a work; a cached load gives back the same records."""
    from .test_schema import _example

    path = tmp_path / "example.yaml"
    path.write_text(_example(), encoding="utf-8")
    cache.load(str(path))
    stored = cache.load(str(path))
    assert isinstance(stored, cache.StoredFranchise)
    assert stored.works == loader.load(str(path)).works
    assert stored.work("hl1").box_office[1].amount == 61_234_567
    assert [f for f in Work._fields if not any(getattr(w, f) for w in stored.works)] == []


def test_completion_never_reads_a_pipe(tmp_path: Path) -> None:
    """A Tab press with WICK_DATA a FIFO would wait for a writer, or take what it writes: it completes nothing."""
    fifo = tmp_path / "franchise.yaml"
    os.mkfifo(fifo)
    # A writer, so that a completion which did read the pipe would get a file and fail, not hang.
    writer = threading.Thread(target=fifo.write_bytes, args=(MINI.read_bytes(),), daemon=True)
    writer.start()
    assert complete.names(str(fifo), [], "t", ("character",)) == []
    assert fifo.read_bytes() == MINI.read_bytes()  # the pipe's data is still there for its reader
    writer.join()
