"""A cache of validated knowledge files, so a lookup does not parse and validate YAML every time.

The cache is plain JSON (data, never code) in the user's cache folder, one file per knowledge
file path, holding the content hash and wick's version it was built from. A changed file
rebuilds it silently; a corrupt cache or one from another version is rebuilt with a warning.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
import tempfile
from dataclasses import replace
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
    Release,
    Sequel,
    StoryPlace,
    Trailer,
    Work,
)

CACHE_FORMAT = 1


def cache_dir() -> Path:
    """Where caches live: $WICK_CACHE, else the platform's user cache folder."""
    folder = os.environ.get("WICK_CACHE")
    if folder:
        return Path(folder)
    import platformdirs

    return Path(platformdirs.user_cache_dir("wick", appauthor=False))


def load(path: str, warn: Any = None) -> Franchise:
    """Load a knowledge file through the cache; the answer is the same as loader.load's."""
    data = read_bytes(path)
    digest = hashlib.blake2b(data, digest_size=20).hexdigest()
    where = cache_dir() / f"{hashlib.blake2b(os.path.abspath(path).encode(), digest_size=12).hexdigest()}.json"
    say = warn or (lambda message: sys.stderr.write(f"Warning: {message}\n"))
    try:
        raw = where.read_bytes()
    except OSError:
        raw = None
    if raw is not None:
        try:
            with paused_gc():
                cached = json.loads(raw)
                if cached["version"] != __version__ or cached["format"] != CACHE_FORMAT:
                    say(f"cache {where} is from another version of wick; rebuilding it")
                elif cached["hash"] == digest:
                    keys, owners, names = cached["names"]
                    return replace(decode(cached["model"], path), name_index=(keys, owners, names))
        except (ValueError, KeyError, TypeError, IndexError, AttributeError):
            say(f"cache {where} is unreadable; rebuilding it")
    from .loader import parse

    franchise = parse(data, path)
    from .resolve import name_index

    payload = {
        "format": CACHE_FORMAT,
        "version": __version__,
        "hash": digest,
        "model": encode(franchise),
        "names": name_index(franchise),
    }
    _write(where, json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode())
    return franchise


def _write(where: Path, data: bytes) -> None:
    """Write atomically; a cache that cannot be written is simply not kept."""
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=where.parent, prefix=".cache-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, where)
    except OSError:
        pass


def _d(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def encode(f: Franchise) -> dict[str, Any]:
    """The model as compact JSON-ready rows, one list per kind, fields in declaration order."""
    return {
        "name": f.name,
        "data_as_of": _d(f.data_as_of),
        "format": f.format,
        "works": [
            [
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
            for w in f.works
        ],
        "people": [[p.id, p.name, p.aliases, _d(p.born), _d(p.died), p.sources] for p in f.people],
        "characters": [[c.id, c.name, c.aliases, c.description, c.sources] for c in f.characters],
        "credits": [[c.work, c.character, c.person, c.billing, c.note, c.sources] for c in f.credits],
        "facts": [
            [x.id, x.text, x.about, x.spoils, x.tags, x.question, x.answer, x.choices, x.accept, x.sources]
            for x in f.facts
        ],
    }


def decode(m: dict[str, Any], path: str) -> Franchise:
    """Rebuild the model from encode's rows."""
    t = tuple
    works = tuple(
        Work(
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
        for w in m["works"]
    )
    return Franchise(
        name=m["name"],
        data_as_of=_day(m["data_as_of"]),
        works=works,
        people=t(Person(p[0], p[1], t(p[2]), _day(p[3]), _day(p[4]), t(p[5])) for p in m["people"]),
        characters=t(Character(c[0], c[1], t(c[2]), c[3], t(c[4])) for c in m["characters"]),
        credits=t(Credit(c[0], c[1], c[2], c[3], c[4], t(c[5])) for c in m["credits"]),
        facts=t(Fact(x[0], x[1], t(x[2]), x[3], t(x[4]), x[5], x[6], t(x[7]), t(x[8]), t(x[9])) for x in m["facts"]),
        format=m["format"],
        path=path,
    )
