"""A cache of validated knowledge files, so a lookup neither parses YAML nor loads the whole file.

Each knowledge file gets one SQLite database in the user's cache folder: data, never code. It
holds the records as JSON rows with indexes by id, credit and fact links, and the resolver's
normalised names, so a lookup reads only the rows it needs, and a file of 100,000 characters
answers almost as fast as a small one. The database records the file's size, times, inode and
content hash, wick's version and a digest of the code that built it: a changed file, or a cache
written by another version of wick, rebuilds it silently; a corrupt cache is rebuilt with a warning
(which says so when the folder cannot take a new one).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from pathlib import Path
from stat import S_ISREG
from typing import Any, TypeVar

from . import __version__, cachedb, codec, errors
from .cachedb import CACHE_ERRORS, CHECK, FRESH, KIND_CODES, KINDS
from .files import paused_gc, read_bytes
from .model import Character, Credit, CrewCredit, Fact, Franchise, Person, Record, Work
from .resolve import Names, bigrams, bigrams_kept, content_words

T = TypeVar("T")

SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE records (id TEXT PRIMARY KEY, kind TEXT NOT NULL, pos INTEGER NOT NULL, rank INTEGER,
                      row TEXT NOT NULL);
CREATE TABLE credits (work TEXT NOT NULL, character TEXT NOT NULL, person TEXT NOT NULL, row TEXT NOT NULL);
CREATE TABLE fact_about (record TEXT NOT NULL, fact TEXT NOT NULL);
CREATE TABLE crew (person TEXT NOT NULL, work TEXT NOT NULL);
CREATE TABLE names (pos INTEGER PRIMARY KEY, key TEXT NOT NULL, owner TEXT NOT NULL, kind TEXT NOT NULL,
                    name TEXT NOT NULL);
CREATE TABLE vocab (id INTEGER PRIMARY KEY, word TEXT NOT NULL, positions TEXT NOT NULL, sizes TEXT NOT NULL);
CREATE TABLE grams (gram TEXT PRIMARY KEY, words TEXT NOT NULL) WITHOUT ROWID;
"""
INDEXES = """
CREATE INDEX records_kind ON records (kind, pos);
CREATE INDEX records_rank ON records (kind, rank);
CREATE INDEX credits_work ON credits (work);
CREATE INDEX credits_character ON credits (character);
CREATE INDEX credits_person ON credits (person);
CREATE INDEX fact_about_record ON fact_about (record);
CREATE INDEX crew_person ON crew (person);
CREATE INDEX names_key ON names (key);
CREATE UNIQUE INDEX vocab_word ON vocab (word);
"""
"""Made once the rows are in: building an index in one pass is faster than keeping it up to date row by row."""


def load(path: str, warn: Callable[[str], object] | None = None, meter: bool = True) -> Franchise:
    """Load a knowledge file through its cache; every answer is the same as from loader.load.

    The cache is trusted without reading the file only when the file's size, times, inode and
    device are those it recorded, and the file was last changed well before that record was
    made (git's "racily clean" rule: a change within the same timestamp tick leaves the times
    alike, so a file changed that recently is checked by its content hash). A cache that cannot be
    read, now or at any later lookup, is set aside with one warning and the file answers.
    With ``meter``, a build that takes more than a second shows a progress bar on stderr, when
    stderr is a terminal.
    """
    say = warn or errors.warn
    where = Path(cachedb.cache_path(path))
    now = time.time_ns()
    stat = cachedb.stat_of(path)
    if stat is None or not S_ISREG(stat.st_mode):
        # A pipe or a device has no stable identity to check a cache against: always read it.
        from .loader import parse

        return parse(read_bytes(path), path)
    data: bytes | None = None
    unreadable = False
    if where.exists():
        stored: StoredFranchise | None = None
        try:
            stored = StoredFranchise(where, path, say)
            worth = cachedb.verdict(stored.meta, stat)
            if worth == FRESH:
                return stored
            if worth == CHECK:
                data = read_bytes(path)
                if stored.meta["hash"] == cachedb.content_hash(data):
                    cachedb.restamp(where, stat, now)  # touched but unchanged: no need to hash it again next time
                    return stored
        except CACHE_ERRORS:
            unreadable = True
        if stored is not None:
            stored.close()
    franchise, written = _build(where, path, stat, now, data, meter, say)
    if unreadable:
        say(_unreadable(where, written))
    return franchise


def _unreadable(where: Path, rebuilt: bool) -> str:
    """The warning for a cache set aside: whether a new one took its place, or the file answers alone."""
    if rebuilt:
        return f"cache {where} was unreadable; rebuilt it"
    return f"cache {where} is unreadable and could not be rebuilt; answering from the knowledge file"


def _build(
    where: Path,
    path: str,
    stat: os.stat_result | None,
    now: int,
    data: bytes | None = None,
    meter: bool = False,
    warn: Callable[[str], object] | None = None,
) -> tuple[Franchise, bool]:
    """Parse the knowledge file itself and write its cache; the franchise, and whether the cache was written.

    With ``warn``, the franchise answers from the cache just written (as every later run will):
    a lookup then reads its few rows instead of indexing the whole parsed file again.
    """
    if data is None:
        data = read_bytes(path)
    from .loader import parse
    from .meter import Meter

    shown = Meter(f"Reading {os.path.basename(path)}") if meter else None
    try:
        franchise = parse(data, path, shown)
        if shown is not None:
            shown.step("Indexing names")
        written = _write(where, franchise, data, stat, now)
    finally:
        if shown is not None:
            shown.close()
    if written and warn is not None:
        try:
            return StoredFranchise(where, path, warn), written
        except CACHE_ERRORS:
            pass
    return franchise, written


def _write(where: Path, franchise: Franchise, data: bytes, stat: os.stat_result | None, now: int) -> bool:
    """Build the database beside its final place and rename it there; a cache that cannot be written is skipped."""
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only a rebuild writes

        fd, tmp = tempfile.mkstemp(dir=where.parent, prefix=".cache-", suffix=".tmp")
        os.close(fd)
        try:
            db = sqlite3.connect(tmp)
            try:
                _fill(db, franchise, data, stat, now)
                db.commit()
            finally:
                db.close()
            os.replace(tmp, where)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, sqlite3.Error):
        return False
    return True


def _fill(db: sqlite3.Connection, f: Franchise, data: bytes, stat: os.stat_result | None, now: int) -> None:
    # The database is written beside its final place and renamed there only when complete, so a
    # journal would protect nothing: a crash leaves a temporary file that is never read.
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.executescript(SCHEMA)
    names = Names.build(f)
    meta = {
        "format": cachedb.format_key(),
        "version": __version__,
        "hash": cachedb.content_hash(data),
        "stat": cachedb.fingerprint(stat) if stat else "",
        "stamped_ns": str(now),
        "name": f.name,
        "data_as_of": _iso(f.data_as_of),
        "file_format": str(f.format),
        "counts": json.dumps(f.counts()),
        "names": str(len(names.keys)),
    }
    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    ranks = {w.id: i for i, w in enumerate(f.works_by_release)}
    dumps = codec.dumps
    db.executemany(
        "INSERT INTO records VALUES (?, 'work', ?, ?, ?)",
        ((w.id, i, ranks[w.id], dumps(w)) for i, w in enumerate(f.works)),
    )
    others: list[tuple[str, Sequence[Character | Person | Fact]]] = [
        ("character", f.characters),
        ("person", f.people),
        ("fact", f.facts),
    ]
    for kind, records in others:
        db.executemany(
            "INSERT INTO records VALUES (?, ?, ?, NULL, ?)", ((r.id, kind, i, dumps(r)) for i, r in enumerate(records))
        )
    db.executemany(
        "INSERT INTO credits VALUES (?, ?, ?, ?)", ((c.work, c.character, c.person, dumps(c)) for c in f.credits)
    )
    db.executemany("INSERT INTO fact_about VALUES (?, ?)", ((a, x.id) for x in f.facts for a in x.about))
    db.executemany("INSERT INTO crew VALUES (?, ?)", dict.fromkeys((c.person, w.id) for w in f.works for c in w.crew))
    db.executemany(
        "INSERT INTO names VALUES (?, ?, ?, ?, ?)",
        zip(
            range(len(names.keys)),
            names.keys,
            names.owners,
            [KIND_CODES[kind] for kind in names.kinds],
            names.names,
            strict=True,
        ),
    )
    # Every word of the names with the positions that have it, and every bigram with the words
    # that have it: a lookup reads the few rows of its own words instead of every name.
    # Each position's count of content words goes beside it, so a search can bound a name's score unread.
    grams: dict[str, list[str]] = {}
    vocab = []
    sizes = [str(len(content_words(key))) for key in names.keys]
    for number, (word, positions) in enumerate(names.word_positions().items()):
        vocab.append((number, word, " ".join(map(str, positions)), " ".join(sizes[p] for p in positions)))
        for gram in bigrams(word):
            grams.setdefault(gram, []).append(str(number))
    db.executemany("INSERT INTO vocab VALUES (?, ?, ?, ?)", vocab)
    db.executemany("INSERT INTO grams VALUES (?, ?)", ((g, " ".join(ids)) for g, ids in grams.items()))
    db.executescript(INDEXES)


class StoredFranchise(Franchise):
    """A franchise read from its cache database row by row, as lookups ask for them.

    Opening it reads only the small meta table: a lookup decodes the records it shows and no
    others, whatever the size of the file. Any read that fails (a page damaged after the first,
    a missing table, a row that is not JSON) sets the cache aside: one warning, then the
    knowledge file is parsed, the cache is rebuilt from it, and every later question is answered
    from the parsed file.
    """

    def __init__(self, where: Path, path: str, warn: Callable[[str], object] = errors.warn) -> None:
        self.where = where
        self.warn = warn
        self.db = cachedb.connect(where)
        # Closed when this franchise is dropped or at exit, whichever comes first.
        self.close = weakref.finalize(self, self.db.close)
        self._parsed: Franchise | None = None
        self.meta = cachedb.meta(self.db)
        super().__init__(
            self.meta["name"], _day(self.meta["data_as_of"]), format=int(self.meta["file_format"]), path=path
        )
        self._loaded: dict[str, Record | None] = {}
        self._ranks: dict[str, int] = {}
        self.decoded = 0
        """How many records have been decoded from their rows: what a lookup costs grows with this alone."""

    def _read(self, read: Callable[[], T], again: Callable[[Franchise], T]) -> T:
        """Read from the cache; if it fails, from the knowledge file (parsed once, the cache rebuilt)."""
        if self._parsed is None:
            try:
                return read()
            except CACHE_ERRORS:
                self.close()
                self._parsed, written = _build(self.where, self.path, cachedb.stat_of(self.path), time.time_ns())
                self.warn(_unreadable(self.where, written))
        return again(self._parsed)

    def _decode(self, cls: type[Any], rows: Iterable[tuple[str]]) -> tuple[Any, ...]:
        decode = codec.decoder(cls)
        with paused_gc():
            found = tuple(decode(json.loads(r)) for (r,) in rows)
        self.decoded += len(found)
        return found

    def _all(self, kind: str, cls: type[Any], order: str = "pos") -> tuple[Any, ...]:
        return self._decode(cls, self.db.execute(f"SELECT row FROM records WHERE kind = ? ORDER BY {order}", (kind,)))

    @cached_property
    def works(self) -> tuple[Work, ...]:
        """Every work, read on first use."""
        return self._read(lambda: self._all("work", Work), lambda f: f.works)

    @cached_property
    def works_by_release(self) -> tuple[Work, ...]:
        """Works in release order, as the cache stored it."""
        return self._read(lambda: self._all("work", Work, "rank"), lambda f: f.works_by_release)

    @cached_property
    def people(self) -> tuple[Person, ...]:
        """Every person, read on first use."""
        return self._read(lambda: self._all("person", Person), lambda f: f.people)

    @cached_property
    def characters(self) -> tuple[Character, ...]:
        """Every character, read on first use."""
        return self._read(lambda: self._all("character", Character), lambda f: f.characters)

    @cached_property
    def facts(self) -> tuple[Fact, ...]:
        """Every fact, read on first use."""
        return self._read(lambda: self._all("fact", Fact), lambda f: f.facts)

    @cached_property
    def credits(self) -> tuple[Credit, ...]:
        """Every credit, read on first use."""
        return self._read(
            lambda: self._decode(Credit, self.db.execute("SELECT row FROM credits ORDER BY rowid")), lambda f: f.credits
        )

    def counts(self) -> dict[str, int]:
        """Counts kept when the cache was built."""

        def read() -> dict[str, int]:
            counts = json.loads(self.meta["counts"])
            if not isinstance(counts, dict):
                raise TypeError("counts")
            return counts

        return self._read(read, lambda f: f.counts())

    def _stored(self, id_: str) -> Record | None:
        if id_ not in self._loaded:
            row = self.db.execute("SELECT kind, row FROM records WHERE id = ?", (id_,)).fetchone()
            if row is None or row[0] == "fact":
                self._loaded[id_] = None
            else:
                (self._loaded[id_],) = self._decode(RECORD_TYPES[row[0]], [(row[1],)])
        return self._loaded[id_]

    def get(self, id_: str) -> Record | None:
        """One record by id, read once."""
        return self._read(lambda: self._stored(id_), lambda f: f.get(id_))

    def _linked(self, id_: str, cls: type[T], again: Callable[[Franchise], T]) -> T:
        """A record that the cache's own rows link to: one missing, or of another kind, is a damaged cache."""

        def read() -> T:
            record = self._stored(id_)
            if not isinstance(record, cls):
                raise KeyError(f"no {cls.__name__.lower()} {id_!r}")
            return record

        return self._read(read, again)

    def work(self, id_: str) -> Work:
        """The work with this id."""
        return self._linked(id_, Work, lambda f: f.work(id_))

    def person(self, id_: str) -> Person:
        """The person with this id."""
        return self._linked(id_, Person, lambda f: f.person(id_))

    def character(self, id_: str) -> Character:
        """The character with this id."""
        return self._linked(id_, Character, lambda f: f.character(id_))

    def release_rank(self, work_id: str) -> int:
        """A work's place in release order, as the cache stored it.

        Every caller asks about a work the file has, so a work the cache lacks is a damaged cache.
        """

        def read() -> int:
            if work_id not in self._ranks:
                row = self.db.execute("SELECT rank FROM records WHERE id = ? AND kind = 'work'", (work_id,)).fetchone()
                if row is None:
                    raise KeyError(f"no work {work_id!r}")
                self._ranks[work_id] = int(row[0])
            return self._ranks[work_id]

        return self._read(read, lambda f: f.release_rank(work_id))

    def crew_of(self, person_id: str) -> list[tuple[Work, CrewCredit]]:
        """A person's jobs behind the camera, reading only the works they worked on."""

        def read() -> list[tuple[Work, CrewCredit]]:
            ids = [w for (w,) in self.db.execute("SELECT work FROM crew WHERE person = ? ORDER BY rowid", (person_id,))]
            works = sorted((self.work(w) for w in ids), key=lambda w: self.release_rank(w.id))
            return [(w, c) for w in works for c in w.crew if c.person == person_id]

        return self._read(read, lambda f: f.crew_of(person_id))

    def _credits_for(self, id_: str) -> list[Credit]:
        def read() -> list[Credit]:
            # Named, not numbered (?1): Python 3.12.0-3.12.3 warn that a numbered placeholder is named.
            query = "SELECT row FROM credits WHERE work = :id OR character = :id OR person = :id ORDER BY rowid"
            rows = self.db.execute(query, {"id": id_})
            return list(self._decode(Credit, rows))

        return self._read(read, lambda f: f._credits_for(id_))

    def facts_about(self, id_: str) -> list[Fact]:
        """Facts that concern a record, through the link table."""

        def read() -> list[Fact]:
            rows = self.db.execute(
                "SELECT r.row FROM fact_about a JOIN records r ON r.id = a.fact WHERE a.record = ? ORDER BY r.pos",
                (id_,),
            )
            return list(self._decode(Fact, rows))

        return self._read(read, lambda f: f.facts_about(id_))

    def stored_names(self) -> StoredNames:
        """The resolver's names, read from the cache."""
        return StoredNames(self)

    @cached_property
    def built_names(self) -> Names:
        """The names built from the parsed knowledge file, once the cache has been set aside."""
        assert self._parsed is not None
        return Names.build(self._parsed)


RECORD_TYPES: dict[str, type[Any]] = {"work": Work, "character": Character, "person": Person}


class StoredNames(Names):
    """The resolver's names in the cache, read through indexes: a lookup reads the rows of its own words.

    Words are found by the vocabulary table (exactly, or by prefix in its sorted index), typos
    through the bigram table, names by position; the full lists are read only for a whole-string
    scan of a small file. Like the records, every read falls back to the knowledge file when the
    cache fails.
    """

    def __init__(self, franchise: StoredFranchise) -> None:  # the lists are read lazily, below
        self.franchise = franchise
        self.db = franchise.db
        self._rows: dict[int, tuple[str, str, str, str]] = {}
        self._vocab: dict[str, tuple[list[int], list[int]]] = {}

    def _read(self, read: Callable[[], T], again: Callable[[Names], T]) -> T:
        return self.franchise._read(read, lambda f: again(self.franchise.built_names))

    @cached_property
    def keys(self) -> list[str]:  # type: ignore[override]
        """Every normalised name, for a whole-string scan."""
        return self._read(
            lambda: [k for (k,) in self.db.execute("SELECT key FROM names ORDER BY pos")], lambda n: n.keys
        )

    def exact(self, key: str) -> list[int]:
        """Positions whose key is exactly this one, through the index."""

        def read() -> list[int]:
            return [p for (p,) in self.db.execute("SELECT pos FROM names WHERE key = ? ORDER BY pos", (key,))]

        return self._read(read, lambda n: n.exact(key))

    def vocabulary(self) -> list[str]:
        """Every distinct word of the names."""
        return self._read(
            lambda: [w for (w,) in self.db.execute("SELECT word FROM vocab ORDER BY id")],
            lambda n: list(n.vocabulary()),
        )

    def _vocab_row(self, word: str) -> tuple[list[int], list[int]]:
        """A word's positions and their names' counts of content words, read once."""
        if word not in self._vocab:
            row = self.db.execute("SELECT positions, sizes FROM vocab WHERE word = ?", (word,)).fetchone()
            self._vocab[word] = (
                ([int(p) for p in row[0].split()], [int(n) for n in row[1].split()]) if row else ([], [])
            )
        return self._vocab[word]

    def with_word(self, word: str) -> list[int]:
        """Positions whose key has this word, from its row of the vocabulary."""
        return self._read(lambda: self._vocab_row(word)[0], lambda n: n.with_word(word))

    def word_sizes(self, word: str) -> list[int]:
        """The counts of content words of the names at ``with_word``'s positions, from the same row."""
        return self._read(lambda: self._vocab_row(word)[1], lambda n: n.word_sizes(word))

    def words_starting(self, prefix: str) -> list[str]:
        """Words starting with a prefix, read in order from the vocabulary's index until one does not."""

        def read() -> list[str]:
            found = []
            for (word,) in self.db.execute("SELECT word FROM vocab WHERE word >= ? ORDER BY word", (prefix,)):
                if not word.startswith(prefix):
                    break
                found.append(word)
            return found

        return self._read(read, lambda n: n.words_starting(prefix))

    def _sharing(self, grams: Iterable[str]) -> Counter[str]:
        """How many of these bigrams each word of the vocabulary has, by the word's number."""
        rows = self.db.execute(
            "SELECT words FROM grams WHERE gram IN (SELECT value FROM json_each(?))", (json.dumps(list(grams)),)
        )
        return Counter(number for (ids,) in rows for number in ids.split())

    def _numbered(self, numbers: Iterable[str]) -> list[str]:
        rows = self.db.execute(
            "SELECT word FROM vocab WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
            (json.dumps([int(n) for n in numbers]),),
        )
        return [w for (w,) in rows]

    def words_near(self, typed: str, edits: int) -> list[str]:
        """Words that keep enough of the typed word's bigrams to be within reach (see resolve.bigrams_kept)."""

        def read() -> list[str]:
            kept = bigrams_kept(typed, edits)
            if kept == 0:
                words = self.vocabulary()  # a word too short to bound: every word is within reach
            else:
                words = self._numbered(n for n, count in self._sharing(bigrams(typed)).items() if count >= kept)
            return [w for w in words if abs(len(w) - len(typed)) <= edits]

        return self._read(read, lambda n: list(n.words_near(typed, edits)))

    def fetch(self, positions: Iterable[int]) -> None:
        """Read the rows of these positions in one query."""
        wanted = [i for i in dict.fromkeys(positions) if i not in self._rows]
        if not wanted:
            return

        def read() -> None:
            query = "SELECT pos, key, owner, kind, name FROM names WHERE pos IN (SELECT value FROM json_each(?))"
            for pos, key, owner, code, name in self.db.execute(query, (json.dumps(wanted),)):
                self._rows[pos] = (key, owner, KINDS[code], name)

        self._read(read, lambda n: None)

    def _row(self, i: int) -> tuple[str, str, str, str]:
        def read() -> tuple[str, str, str, str]:
            if i not in self._rows:
                self.fetch([i])
            return self._rows[i]

        return self._read(read, lambda n: (n.key(i), n.owner(i), n.kind(i), n.name(i)))

    def key(self, i: int) -> str:
        """The normalised key at a position."""
        return self._row(i)[0]

    def owner(self, i: int) -> str:
        """The id of the record named at a position."""
        return self._row(i)[1]

    def kind(self, i: int) -> str:
        """The kind of the record named at a position."""
        return self._row(i)[2]

    def name(self, i: int) -> str:
        """The name at a position, as written."""
        return self._row(i)[3]

    def starting_with(self, prefix: str, kinds: Iterable[str]) -> Iterator[tuple[str, str]]:
        """Names starting with a prefix, found by SQLite (LIKE ignores ASCII case; casefold settles the rest)."""
        wanted = list(kinds)

        def read() -> list[tuple[str, str]]:
            return cachedb.starting_with(self.db, prefix, wanted)

        return iter(self._read(read, lambda n: list(n.starting_with(prefix, wanted))))

    def size(self) -> int:
        """How many names there are, as the cache counted them."""
        return self._read(lambda: int(self.franchise.meta["names"]), lambda n: n.size())

    def words_sharing(self, grams: set[str], most: int) -> list[str] | None:
        """The words that share the most of these bigrams, from the cache's bigram index."""

        def read() -> list[str] | None:
            return self._numbered(n for n, _ in self._sharing(grams).most_common(most))

        return self._read(read, lambda n: n.words_sharing(grams, most))


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
