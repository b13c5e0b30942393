"""Where a knowledge file's cache database lives, and whether it answers for the file as it is now.

This is the part of the cache that a Tab press needs, kept apart from the record types, JSON and
YAML: completing a name opens the database, checks it here and reads its names table, and costs
little more than starting Python. cache.py builds the database and reads records from it.
"""

from __future__ import annotations

import os
import sqlite3
from stat import S_ISREG

try:  # hashlib's own BLAKE2 without hashlib, which loads OpenSSL first: milliseconds on every lookup
    from _blake2 import blake2b
except ImportError:  # an interpreter without the module (not CPython)
    from hashlib import blake2b

from . import __version__

CACHE_FORMAT = 3
"""Bumped by hand only when the database layout changes in a way the format key cannot see."""
DERIVED_BY = ("model.py", "codec.py", "cache.py", "resolve.py", "loader.py")
"""The modules whose code decides what the cache holds: records, their rows, the normalised names."""
RACY_NS = 2 * 10**9
"""A file changed this close to (or after) the moment its cache recorded it is checked by content.

Two seconds covers the coarsest timestamps in use (FAT) and the lag of the kernel's coarse clock."""
CACHE_ERRORS = (sqlite3.Error, ValueError, KeyError, TypeError, IndexError)
"""What reading a damaged cache raises: SQLite's errors, bad JSON (a ValueError), rows of the wrong shape."""
MMAP_BYTES = 1 << 30
"""How much of a cache database SQLite may map into memory (address space, not memory: only pages read count)."""
KIND_CODES = {"work": "w", "character": "c", "person": "p"}
KINDS = {code: kind for kind, code in KIND_CODES.items()}

FRESH, CHECK, STALE = "fresh", "check", "stale"
"""What a cache is worth: trusted as it is, trusted if the file's content hash is the one it recorded, rebuilt."""

READ_META = "SELECT k, v FROM meta"
RESTAMP = "UPDATE meta SET v = ? WHERE k = ?"
NAMES_LIKE = "SELECT name, key, kind FROM names WHERE name LIKE :p ESCAPE '\\' OR key LIKE :p ESCAPE '\\' ORDER BY pos"
URI_ESCAPES = str.maketrans({"%": "%25", "?": "%3F", "#": "%23"})
"""What would end or escape a path inside a URI."""
LIKE_ESCAPES = str.maketrans({"\\": "\\\\", "%": "\\%", "_": "\\_"})
"""LIKE's wildcards and its escape, typed as text."""


def cache_dir() -> str:
    """Where caches live: $WICK_CACHE, else the platform's user cache folder."""
    folder = os.environ.get("WICK_CACHE")
    if folder:
        return folder
    import platformdirs

    return platformdirs.user_cache_dir("wick", appauthor=False)


def cache_path(path: str) -> str:
    """The cache database of one knowledge file."""
    digest = blake2b(os.path.abspath(path).encode(), digest_size=12).hexdigest()
    return os.path.join(cache_dir(), f"{digest}.sqlite")


def format_key() -> str:
    """A digest of everything that shapes the cache's contents, so code that changes them rebuilds it.

    It covers the source of the modules that build, encode and normalise the records, and the
    Unicode tables that normalising folds accents with. Reading a few small source files costs
    tens of microseconds, and nothing is imported for it. An install without those sources is
    keyed by the records' field layout instead, which needs the record types.
    """
    import unicodedata

    digest = blake2b(digest_size=12)
    digest.update(f"{CACHE_FORMAT}|{unicodedata.unidata_version}".encode())
    here = os.path.dirname(__file__)
    complete = True
    for name in DERIVED_BY:
        try:
            with open(os.path.join(here, name), "rb") as source:
                digest.update(source.read())
        except OSError:
            digest.update(f"{name}: no source".encode())
            complete = False
    if not complete:
        from . import codec, model

        records = tuple(v for v in vars(model).values() if isinstance(v, type) and codec.is_record(v))
        digest.update(codec.layout(records).encode())
    return digest.hexdigest()


def stat_of(path: str) -> os.stat_result | None:
    """The file's status, or None if it cannot be read."""
    try:
        return os.stat(path)
    except OSError:
        return None


def fingerprint(stat: os.stat_result) -> str:
    """What a change to a file alters even when a tool puts its modification time back (cp -p, touch -d)."""
    return f"{stat.st_size} {stat.st_mtime_ns} {stat.st_ctime_ns} {stat.st_ino} {stat.st_dev}"


def content_hash(data: bytes) -> str:
    """The digest of a knowledge file's bytes that its cache records."""
    return blake2b(data, digest_size=20).hexdigest()


def verdict(meta: dict[str, str], stat: os.stat_result) -> str:
    """Whether a cache with this meta table answers for a file with this status (FRESH, CHECK or STALE).

    A cache written by another version of wick, or by other code, is STALE. It is FRESH only when
    the file's size, times, inode and device are those it recorded, and the file was last changed
    well before that record was made (git's "racily clean" rule: a change within the same
    timestamp tick leaves the times alike). Otherwise the file's content decides (CHECK).
    """
    if meta.get("version") != __version__ or meta.get("format") != format_key():
        return STALE
    changed = max(stat.st_mtime_ns, stat.st_ctime_ns)
    if meta["stat"] == fingerprint(stat) and changed < int(meta["stamped_ns"]) - RACY_NS:
        return FRESH
    return CHECK


def restamp(where: str | os.PathLike[str], stat: os.stat_result, now: int) -> None:
    """Record a file's new times and when they were seen; a cache that cannot be written is left as it is."""
    try:
        db = sqlite3.connect(where)
        try:
            db.executemany(RESTAMP, [(fingerprint(stat), "stat"), (str(now), "stamped_ns")])
            db.commit()
        finally:
            db.close()
    except sqlite3.Error:
        pass


def connect(where: str | os.PathLike[str]) -> sqlite3.Connection:
    """Open a cache database for reading only."""
    # The path goes into a URI, where "?", "#" and "%" would end or escape it, and a path starting
    # with "//" would be read as an authority (a host): an absolute path goes after an empty one.
    path = os.fspath(where).translate(URI_ESCAPES)
    authority = "//" if path.startswith("/") else ""
    db = sqlite3.connect(f"file:{authority}{path}?mode=ro", uri=True, check_same_thread=False)
    # Pages read straight from the file's mapping, not copied into SQLite's cache: a search that
    # fits thousands of names reads them in half the time. A cache is only ever replaced by a
    # rename, never rewritten in place, so the mapped file does not change under a reader.
    db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    return db


def meta(db: sqlite3.Connection) -> dict[str, str]:
    """The cache's small meta table: what it was built from, and by which wick."""
    return dict(db.execute(READ_META))


def fresh(path: str) -> sqlite3.Connection | None:
    """The cache database of a regular file if it is FRESH, open for reading; None for anything else.

    Nothing is built, repaired or warned about here: a caller that gets None loads the file
    through cache.load, which does all of that.
    """
    stat = stat_of(path)
    where = cache_path(path)
    if stat is None or not S_ISREG(stat.st_mode) or not os.path.exists(where):
        return None
    try:
        db = connect(where)
    except sqlite3.Error:
        return None
    try:
        if verdict(meta(db), stat) == FRESH:
            return db
    except CACHE_ERRORS:
        pass
    db.close()
    return None


def starting_with(db: sqlite3.Connection, prefix: str, kinds: list[str]) -> list[tuple[str, str]]:
    """Names of records of these kinds that start with a prefix (see ``begins``), each with its kind, in the
    file's order: the names worth checking, which complete.py narrows to those the typed words start.

    SQLite's LIKE finds them ignoring ASCII case; ``begins`` settles the rest.
    """
    codes = {KIND_CODES[k] for k in kinds}
    rows = db.execute(NAMES_LIKE, {"p": prefix.translate(LIKE_ESCAPES) + "%"})
    return [(name, KINDS[code]) for name, key, code in rows if code in codes and begins(name, key, prefix)]


def begins(name: str, key: str, prefix: str) -> bool:
    """Whether a name starts with a prefix ignoring case, or its normalised key does ("angel" for "Ángel")."""
    folded = prefix.casefold()
    return name.casefold().startswith(folded) or key.startswith(folded)
