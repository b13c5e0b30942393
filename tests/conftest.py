"""Shared fixtures: paths to the real knowledge file and the small test files."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wickcli import cache, cachedb, loader
from wickcli.model import Franchise
from wickcli.resolve import Resolver

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
REAL = ROOT / "data" / "franchise.yaml"
MINI = DATA / "mini.yaml"


def cache_trusted(path: Path) -> None:
    """Build a knowledge file's cache, recorded ten seconds after the file's last change of any kind: every
    later run trusts it by the file's stat alone, with no check of a change within the racy window."""
    cache.load(str(path))
    with closing(sqlite3.connect(cachedb.cache_path(str(path)))) as db:
        db.execute("UPDATE meta SET v = ? WHERE k = 'stamped_ns'", (str(time.time_ns() + 10 * 10**9),))
        db.commit()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep the user's own settings and files out of every test."""
    monkeypatch.delenv("WICK_DATA", raising=False)
    monkeypatch.setenv("WICK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("WICK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture(scope="session")
def franchise() -> Franchise:
    """The shipped knowledge file, loaded once for the whole run."""
    return loader.load(str(REAL))


@pytest.fixture(scope="session")
def resolver(franchise: Franchise) -> Resolver:
    """A resolver over the shipped knowledge file."""
    return Resolver(franchise)


@pytest.fixture(scope="session")
def _cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def shared_cache(monkeypatch: pytest.MonkeyPatch, _cache_dir: Path) -> Path:
    """One cache of the shipped file for tests that only read it: building it for every test is slow."""
    monkeypatch.setenv("WICK_CACHE", str(_cache_dir))
    return _cache_dir


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Let each session make its own ids, for runs of several sessions in one process (mutmut's).

    pytest keeps the ids it made for a ``parametrize`` on the mark and takes them as given ids in the
    next session of the same process, escaping them again: an id with a letter outside ASCII
    (ballerína, ٣) becomes ``baller\\\\xedna`` and the test is no longer found by its id.
    """
    for mark in metafunc.definition.iter_markers("parametrize"):
        source = mark._param_ids_from
        if source is not None and source._param_ids_generated is not None:
            object.__setattr__(source, "_param_ids_generated", None)
