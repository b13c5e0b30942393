"""A cache of validated knowledge files, so a lookup neither parses YAML nor loads the whole file.

Each knowledge file gets one SQLite database in the user's cache folder: data, never code. It
holds the records as JSON rows with indexes by id, credit and fact links, and the resolver's
normalised names, so a lookup reads only the rows it needs, and a file of 100,000 characters
answers almost as fast as a small one. The database records the file's size, modification time
and content hash and wick's version: a changed file rebuilds it silently; a corrupt cache or one
from another version is rebuilt with a warning.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from functools import cached_property
from pathlib import Path
from typing import Any

from . import __version__
from .files import paused_gc, read_bytes
from .model import (
    Character,
    Credit,
    CrewCredit,
    DateChange,
    Fact,
    Franchise,
    Person,
    Record,
    Release,
    Sequel,
    StoryPlace,
    Trailer,
    Work,
)
from .resolve import STOPWORDS, Names

CACHE_FORMAT = 2
FULL_SCAN = 20_000
"""Up to this many names, fuzzy matching scores every one; beyond it, a prefilter picks candidates."""
KIND_CODES = {"work": "w", "character": "c", "person": "p"}
KINDS = {code: kind for kind, code in KIND_CODES.items()}

SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE records (id TEXT PRIMARY KEY, kind TEXT NOT NULL, pos INTEGER NOT NULL, row TEXT NOT NULL);
CREATE INDEX records_kind ON records (kind, pos);
CREATE TABLE credits (work TEXT NOT NULL, character TEXT NOT NULL, person TEXT NOT NULL, row TEXT NOT NULL);
CREATE INDEX credits_work ON credits (work);
CREATE INDEX credits_character ON credits (character);
CREATE INDEX credits_person ON credits (person);
CREATE TABLE fact_about (record TEXT NOT NULL, fact TEXT NOT NULL);
CREATE INDEX fact_about_record ON fact_about (record);
CREATE TABLE names (pos INTEGER PRIMARY KEY, key TEXT NOT NULL, owner TEXT NOT NULL, kind TEXT NOT NULL,
                    name TEXT NOT NULL);
CREATE INDEX names_key ON names (key);
"""


def cache_dir() -> Path:
    """Where caches live: $WICK_CACHE, else the platform's user cache folder."""
    folder = os.environ.get("WICK_CACHE")
    if folder:
        return Path(folder)
    import platformdirs

    return Path(platformdirs.user_cache_dir("wick", appauthor=False))


def cache_path(path: str) -> Path:
    """The cache database of one knowledge file."""
    digest = hashlib.blake2b(os.path.abspath(path).encode(), digest_size=12).hexdigest()
    return cache_dir() / f"{digest}.sqlite"


def load(path: str, warn: Callable[[str], object] | None = None) -> Franchise:
    """Load a knowledge file through its cache; every answer is the same as from loader.load."""
    say = warn or (lambda message: sys.stderr.write(f"Warning: {message}\n"))
    where = cache_path(path)
    stat = _stat(path)
    data: bytes | None = None
    if where.exists():
        try:
            stored = StoredFranchise(where, path)
            meta = stored.meta
            if meta.get("version") != __version__ or meta.get("format") != str(CACHE_FORMAT):
                say(f"cache {where} is from another version of wick; rebuilding it")
            elif stat is not None and (meta["size"], meta["mtime_ns"]) == (str(stat.st_size), str(stat.st_mtime_ns)):
                return stored
            else:
                data = read_bytes(path)
                if meta["hash"] == _hash(data):
                    _restamp(where, stat)  # touched but unchanged: no need to hash it again next time
                    return stored
        except (sqlite3.Error, KeyError, ValueError, TypeError, IndexError):
            say(f"cache {where} is unreadable; rebuilding it")
    if data is None:
        data = read_bytes(path)
    from .loader import parse

    franchise = parse(data, path)
    _write(where, franchise, data, stat)
    return franchise


def _restamp(where: Path, stat: os.stat_result | None) -> None:
    """Record a file's new size and modification time; a cache that cannot be written is left as it is."""
    if stat is None:
        return
    try:
        with closing(sqlite3.connect(where)) as db:
            db.executemany(
                "UPDATE meta SET v = ? WHERE k = ?", [(str(stat.st_size), "size"), (str(stat.st_mtime_ns), "mtime_ns")]
            )
            db.commit()
    except sqlite3.Error:
        pass


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _write(where: Path, franchise: Franchise, data: bytes, stat: os.stat_result | None) -> None:
    """Build the database beside its final place and rename it there; a cache that cannot be written is skipped."""
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=where.parent, prefix=".cache-", suffix=".tmp")
        os.close(fd)
        try:
            db = sqlite3.connect(tmp)
            try:
                _fill(db, franchise, data, stat)
                db.commit()
            finally:
                db.close()
            os.replace(tmp, where)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, sqlite3.Error):
        pass


def _fill(db: sqlite3.Connection, f: Franchise, data: bytes, stat: os.stat_result | None) -> None:
    db.executescript(SCHEMA)
    meta = {
        "format": str(CACHE_FORMAT),
        "version": __version__,
        "hash": _hash(data),
        "size": str(stat.st_size if stat else -1),
        "mtime_ns": str(stat.st_mtime_ns if stat else -1),
        "name": f.name,
        "data_as_of": _iso(f.data_as_of),
        "file_format": str(f.format),
        "counts": json.dumps(f.counts()),
    }
    names = Names.build(f)
    meta["keys"] = "\n".join(names.keys)
    meta["owners"] = "\n".join(names.owners)
    meta["kinds"] = "".join(KIND_CODES[k] for k in names.kinds)
    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    rows: list[tuple[str, str, int, str]] = []
    kinds: list[tuple[str, Sequence[Any], Callable[[Any], list[Any]]]] = [
        ("work", f.works, _encode_work),
        ("character", f.characters, _encode_character),
        ("person", f.people, _encode_person),
        ("fact", f.facts, _encode_fact),
    ]
    for kind, records, encode in kinds:
        rows += [(r.id, kind, pos, _dumps(encode(r))) for pos, r in enumerate(records)]
    db.executemany("INSERT INTO records VALUES (?, ?, ?, ?)", rows)
    db.executemany(
        "INSERT INTO credits VALUES (?, ?, ?, ?)",
        ((c.work, c.character, c.person, _dumps(_encode_credit(c))) for c in f.credits),
    )
    db.executemany("INSERT INTO fact_about VALUES (?, ?)", ((a, x.id) for x in f.facts for a in x.about))
    try:
        # A full-text index finds the names that share a word with a query, which a whole-string
        # metric misses; some SQLite builds lack FTS5, and then fuzzy matching scans every name.
        db.execute("CREATE VIRTUAL TABLE names_words USING fts5(key, content='')")
        db.executemany("INSERT INTO names_words (rowid, key) VALUES (?, ?)", enumerate(names.keys))
        db.execute("INSERT INTO meta VALUES ('words', '1')")
    except sqlite3.OperationalError:
        pass
    db.executemany(
        "INSERT INTO names VALUES (?, ?, ?, ?, ?)",
        (
            (i, k, o, KIND_CODES[kind], n)
            for i, (k, o, kind, n) in enumerate(zip(names.keys, names.owners, names.kinds, names.names, strict=True))
        ),
    )


class StoredFranchise(Franchise):
    """A franchise read from its cache database row by row, as lookups ask for them."""

    def __init__(self, where: Path, path: str) -> None:
        self.db = sqlite3.connect(f"file:{where}?mode=ro", uri=True, check_same_thread=False)
        self.meta = dict(self.db.execute("SELECT k, v FROM meta WHERE k NOT IN ('keys', 'owners', 'kinds')"))
        with paused_gc():
            rows = self.db.execute("SELECT row FROM records WHERE kind = 'work' ORDER BY pos")
            works = tuple(_work(json.loads(r)) for (r,) in rows)
        super().__init__(
            self.meta["name"], _day(self.meta["data_as_of"]), works, format=int(self.meta["file_format"]), path=path
        )
        self._loaded: dict[str, Record] = {w.id: w for w in works}

    def _all(self, kind: str, decode: Callable[[Any], Any]) -> tuple[Any, ...]:
        with paused_gc():
            rows = self.db.execute("SELECT row FROM records WHERE kind = ? ORDER BY pos", (kind,))
            return tuple(decode(json.loads(r)) for (r,) in rows)

    @cached_property
    def people(self) -> tuple[Person, ...]:
        """Every person, read on first use."""
        return self._all("person", _person)

    @cached_property
    def characters(self) -> tuple[Character, ...]:
        """Every character, read on first use."""
        return self._all("character", _character)

    @cached_property
    def facts(self) -> tuple[Fact, ...]:
        """Every fact, read on first use."""
        return self._all("fact", _fact)

    @cached_property
    def credits(self) -> tuple[Credit, ...]:
        """Every credit, read on first use."""
        with paused_gc():
            return tuple(_credit(json.loads(r)) for (r,) in self.db.execute("SELECT row FROM credits ORDER BY rowid"))

    def counts(self) -> dict[str, int]:
        """Counts kept when the cache was built."""
        counts: dict[str, int] = json.loads(self.meta["counts"])
        return counts

    def get(self, id_: str) -> Record | None:
        """One record by id, read once."""
        if id_ not in self._loaded:
            row = self.db.execute("SELECT kind, row FROM records WHERE id = ?", (id_,)).fetchone()
            if row is None or row[0] == "fact":
                return None
            decode: Callable[[list[Any]], Record] = _person if row[0] == "person" else _character
            self._loaded[id_] = decode(json.loads(row[1]))
        return self._loaded[id_]

    def _credits_for(self, id_: str) -> list[Credit]:
        rows = self.db.execute(
            "SELECT row FROM credits WHERE work = ?1 OR character = ?1 OR person = ?1 ORDER BY rowid", (id_,)
        )
        return [_credit(json.loads(r)) for (r,) in rows]

    def facts_about(self, id_: str) -> list[Fact]:
        """Facts that concern a record, through the link table."""
        rows = self.db.execute(
            "SELECT r.row FROM fact_about a JOIN records r ON r.id = a.fact WHERE a.record = ? ORDER BY r.pos", (id_,)
        )
        return [_fact(json.loads(r)) for (r,) in rows]

    def stored_names(self) -> StoredNames:
        """The resolver's names, read from the cache."""
        return StoredNames(self.db)


class StoredNames(Names):
    """The resolver's names in the cache: exact lookups by index, the full lists only when fuzzy matching needs them."""

    def __init__(self, db: sqlite3.Connection) -> None:  # the lists are read lazily, below
        self.db = db
        self._rows: dict[int, tuple[str, str, str]] = {}

    def _blob(self, key: str) -> str:
        value: str = self.db.execute("SELECT v FROM meta WHERE k = ?", (key,)).fetchone()[0]
        return value

    @cached_property
    def keys(self) -> list[str]:  # type: ignore[override]
        """Every normalised name, for fuzzy matching."""
        return self._blob("keys").split("\n")

    @cached_property
    def owners(self) -> list[str]:  # type: ignore[override]
        """The record id of every name."""
        return self._blob("owners").split("\n")

    @cached_property
    def kinds(self) -> list[str]:  # type: ignore[override]
        """The record kind of every name."""
        return [KINDS[c] for c in self._blob("kinds")]

    def exact(self, key: str) -> list[int]:
        """Positions whose key is exactly this one, through the index."""
        return [p for (p,) in self.db.execute("SELECT pos FROM names WHERE key = ? ORDER BY pos", (key,))]

    def _row(self, i: int) -> tuple[str, str, str]:
        if i not in self._rows:
            query = "SELECT owner, kind, name FROM names WHERE pos = ?"
            self._rows[i] = self.db.execute(query, (i,)).fetchone()
        return self._rows[i]

    def owner(self, i: int) -> str:
        """The id of the record named at a position."""
        return self._row(i)[0]

    def kind(self, i: int) -> str:
        """The kind of the record named at a position."""
        return KINDS[self._row(i)[1]]

    def name(self, i: int) -> str:
        """The name at a position, as written."""
        return self._row(i)[2]

    def starting_with(self, prefix: str, kinds: Iterable[str]) -> Iterator[tuple[str, str]]:
        """Names starting with a prefix, found by SQLite (LIKE ignores ASCII case; casefold settles the rest)."""
        codes = "".join(KIND_CODES[k] for k in kinds)
        pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self.db.execute("SELECT name, kind FROM names WHERE name LIKE ? ESCAPE '\\' ORDER BY pos", (pattern,))
        folded = prefix.casefold()
        for name, code in rows:
            if code in codes and name.casefold().startswith(folded):
                yield name, KINDS[code]

    def candidates(self, key: str) -> list[int] | None:
        """For many names: the closest whole strings, plus every name sharing a word (or word start) with the query."""
        if len(self.keys) <= FULL_SCAN or not self.db.execute("SELECT 1 FROM meta WHERE k = 'words'").fetchone():
            return None
        from rapidfuzz import fuzz, process

        close = process.extract(key, self.keys, scorer=fuzz.QRatio, processor=None, limit=1000, score_cutoff=50)
        words = [w for w in key.split() if w not in STOPWORDS]
        query = " OR ".join(f'"{w}"*' for w in words)
        sharing = self.db.execute("SELECT rowid FROM names_words WHERE names_words MATCH ? LIMIT 3000", (query,))
        return sorted({i for _, _, i in close} | {i for (i,) in sharing})


def _dumps(row: list[Any]) -> str:
    return json.dumps(row, ensure_ascii=False, separators=(",", ":"))


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _encode_work(w: Work) -> list[Any]:
    return [
        w.id,
        w.title,
        w.kind,
        w.status,
        w.aliases,
        w.runtime,
        w.episodes,
        w.synopsis,
        w.studios,
        w.distributors,
        w.streaming,
        [w.story.order, w.story.set],
        [[r.date.isoformat(), r.region, r.medium, r.status, r.note, r.sources] for r in w.releases],
        [[c.date.isoformat(), c.reason, c.sources] for c in w.release_history],
        [[c.person, c.job, c.note, c.sources] for c in w.crew],
        [[t.date.isoformat(), t.label, t.sources] for t in w.trailers],
        [w.sequel.status, w.sequel.sources] if w.sequel else None,
        w.sources,
    ]


def _work(w: list[Any]) -> Work:
    t = tuple
    return Work(
        w[0],
        w[1],
        w[2],
        w[3],
        t(w[4]),
        w[5],
        w[6],
        w[7],
        t(w[8]),
        t(w[9]),
        t(w[10]),
        StoryPlace(*w[11]),
        t(Release(dt.date.fromisoformat(r[0]), r[1], r[2], r[3], r[4], t(r[5])) for r in w[12]),
        t(DateChange(dt.date.fromisoformat(c[0]), c[1], t(c[2])) for c in w[13]),
        t(CrewCredit(c[0], c[1], c[2], t(c[3])) for c in w[14]),
        t(Trailer(dt.date.fromisoformat(x[0]), x[1], t(x[2])) for x in w[15]),
        Sequel(w[16][0], t(w[16][1])) if w[16] else None,
        t(w[17]),
    )


def _encode_person(p: Person) -> list[Any]:
    return [p.id, p.name, p.aliases, _iso(p.born), _iso(p.died), p.sources]


def _person(p: list[Any]) -> Person:
    return Person(p[0], p[1], tuple(p[2]), _day(p[3]), _day(p[4]), tuple(p[5]))


def _encode_character(c: Character) -> list[Any]:
    return [c.id, c.name, c.aliases, c.description, c.sources]


def _character(c: list[Any]) -> Character:
    return Character(c[0], c[1], tuple(c[2]), c[3], tuple(c[4]))


def _encode_credit(c: Credit) -> list[Any]:
    return [c.work, c.character, c.person, c.billing, c.note, c.sources]


def _credit(c: list[Any]) -> Credit:
    return Credit(c[0], c[1], c[2], c[3], c[4], tuple(c[5]))


def _encode_fact(x: Fact) -> list[Any]:
    return [x.id, x.text, x.about, x.spoils, x.tags, x.question, x.answer, x.choices, x.accept, x.sources]


def _fact(x: list[Any]) -> Fact:
    t = tuple
    return Fact(x[0], x[1], t(x[2]), x[3], t(x[4]), x[5], x[6], t(x[7]), t(x[8]), t(x[9]))
