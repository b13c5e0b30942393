"""The cache's name index: it finds every candidate the resolver's rules accept, and a lookup reads only its records."""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from wickcli import answers, cache, loader, resolve
from wickcli.model import Franchise, Work
from wickcli.resolve import (
    FULL_SCAN,
    MIN_FUZZY,
    Names,
    Resolver,
    bigrams_kept,
    content_words,
    fit,
    normalise,
    score,
    typo_allowance,
)

from .conftest import REAL, ROOT

T = TypeVar("T")
SYNTHETIC_CHARACTERS = 7000
"""Enough for more names than resolve.FULL_SCAN, so the index, not a scan, answers."""


def stored(path: Path, where: Path) -> tuple[Franchise, cache.StoredFranchise]:
    data = path.read_bytes()
    parsed = loader.parse(data, str(path))
    cache._write(where, parsed, data, path.stat(), time.time_ns())
    return parsed, cache.StoredFranchise(where, str(path))


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> tuple[Franchise, cache.StoredFranchise]:
    return stored(REAL, tmp_path_factory.mktemp("index") / "shipped.sqlite")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Franchise, cache.StoredFranchise]:
    folder = tmp_path_factory.mktemp("synthetic")
    path = folder / "big.yaml"
    make = [sys.executable, str(ROOT / "bench" / "make_big_kb.py"), "--characters", str(SYNTHETIC_CHARACTERS)]
    subprocess.run([*make, "-o", str(path)], check=True)
    return stored(path, folder / "big.sqlite")


FILES = ["shipped", "synthetic"]


def both(request: pytest.FixtureRequest, which: str) -> tuple[Franchise, cache.StoredFranchise]:
    pair: tuple[Franchise, cache.StoredFranchise] = request.getfixturevalue(which)
    return pair


_MADE: dict[tuple[str, int], Any] = {}


def once(what: str, franchise: Franchise, make: Callable[[], T]) -> T:
    """Made once per franchise (franchises are not hashable) for every example of a property."""
    key = (what, id(franchise))
    if key not in _MADE:
        _MADE[key] = make()
    made: T = _MADE[key]
    return made


def resolvers(parsed: Franchise, cached: cache.StoredFranchise) -> tuple[Resolver, Resolver]:
    """A resolver over the parsed file (every name in memory, scanned whole) and one over its cache."""
    return once("resolvers", parsed, lambda: (Resolver(parsed), Resolver(cached)))


def test_synthetic_file_is_past_the_full_scan(synthetic: tuple[Franchise, cache.StoredFranchise]) -> None:
    assert int(synthetic[1].meta["names"]) > FULL_SCAN


BIGRAMS_KEPT = [
    ("wick", 1, 2, "five marked bigrams, one edit breaks at most three"),
    ("charon", 1, 4, "seven bigrams"),
    ("continental", 2, 5, "eleven distinct bigrams (nt is there twice), two edits"),
    ("aaaa", 1, 0, "three distinct bigrams: no bound, every word of a near length is a candidate"),
    ("abc", 0, 4, "no edit allowed keeps every bigram"),
]


@pytest.mark.parametrize(("typed", "edits", "kept"), [r[:3] for r in BIGRAMS_KEPT], ids=[r[3] for r in BIGRAMS_KEPT])
def test_bigrams_kept(typed: str, edits: int, kept: int) -> None:
    assert bigrams_kept(typed, edits) == kept


LETTERS = "abcdeiklmnorstuvwyz0"


@st.composite
def typos(draw: st.DrawFn, words: list[str]) -> str:
    """A word of the names with up to two random edits: letters changed, dropped, put in or swapped."""
    word = list(draw(st.sampled_from(words)))
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, max(len(word) - 1, 0)))
        edit = draw(st.sampled_from(["change", "drop", "insert", "swap"]))
        letter = draw(st.sampled_from(LETTERS))
        if edit == "change" and word:
            word[at] = letter
        elif edit == "drop" and len(word) > 1:
            del word[at]
        elif edit == "insert":
            word.insert(at, letter)
        elif edit == "swap" and at + 1 < len(word):
            word[at], word[at + 1] = word[at + 1], word[at]
    return "".join(word)


def vocabulary(franchise: Franchise) -> list[str]:
    return once("vocabulary", franchise, lambda: sorted(Names.build(franchise).vocabulary()))


def titles(franchise: Franchise) -> list[str]:
    return once("titles", franchise, lambda: [r.title if isinstance(r, Work) else r.name for r in franchise.records()])


@pytest.mark.parametrize("which", FILES)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_index_finds_every_word_a_typo_can_stand_for(
    request: pytest.FixtureRequest, which: str, data: st.DataObject
) -> None:
    parsed, cached = both(request, which)
    words = vocabulary(parsed)
    typed = data.draw(typos(words))
    edits = typo_allowance(typed)
    within = {w for w in words if abs(len(w) - len(typed)) <= edits and OSA.distance(typed, w) <= edits}
    assert within <= set(cached.stored_names().words_near(typed, edits))


@st.composite
def queries(draw: st.DrawFn, names: list[str]) -> str:
    """One to three words of real names, each perhaps mistyped or cut to a prefix, as a person might type them."""
    words = normalise(draw(st.sampled_from(names))).split() + normalise(draw(st.sampled_from(names))).split()
    picked = draw(st.lists(st.sampled_from(words), min_size=1, max_size=3))
    out = []
    for word in picked:
        how = draw(st.sampled_from(["as is", "typo", "prefix"]))
        out.append(word[: max(4, len(word) - 2)] if how == "prefix" else draw(typos([word])) if how == "typo" else word)
    return " ".join(out)


def found(resolver: Resolver, query: str, suggest: bool) -> list[tuple[str, float, str]]:
    matches = resolver.suggest(query) if suggest else resolver.search(query, limit=50)
    return [(m.record.id, m.score, m.name) for m in matches]


@pytest.mark.parametrize("which", FILES)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_cached_search_finds_what_a_full_scan_finds(
    request: pytest.FixtureRequest, which: str, data: st.DataObject
) -> None:
    full, indexed = resolvers(*both(request, which))
    query = data.draw(queries(titles(full.franchise)))
    assert found(indexed, query, False) == found(full, query, False)
    if which == "shipped":  # a whole-string suggestion scans every name of a file this small, cached or not
        assert found(indexed, query, True) == found(full, query, True)


LISTINGS = [
    # (a query too short to match words, why)
    ("of the", "only stopwords: the names holding both, read from the first word's row"),
    ("ka", "two letters: the names with a word starting with them"),
]


@pytest.mark.parametrize("which", FILES)
@pytest.mark.parametrize(("query", "why"), LISTINGS, ids=[q[0] for q in LISTINGS])
def test_cached_listing_finds_what_a_full_scan_finds(
    request: pytest.FixtureRequest, which: str, query: str, why: str
) -> None:
    full, indexed = resolvers(*both(request, which))
    expected = found(full, query, False)
    assert expected, why
    assert found(indexed, query, False) == expected, why


WHOLE_STRINGS = [
    # (a query of the synthetic file sharing no word with any name, why)
    ("ivanrossi", "a first name and a surname typed as one word"),
    ("ivanro ssi", "the space in the wrong place: the query's letters run together find the names"),
    ("iva nrossi", "the space one letter late: its words are no words of the names"),
]
SCANS = [
    # (names beyond FULL_SCAN, CLOSE_NAMES, whether every name is scored as a whole, why)
    (0, resolve.CLOSE_NAMES, True, "up to FULL_SCAN names, every name is scored"),
    (1, resolve.CLOSE_NAMES, False, "beyond it, only the names of the words sharing the most bigrams with the query"),
    (1, 300, False, "those words' names until about CLOSE_NAMES: here 300, reached with the 353 Rossis"),
]


@pytest.mark.parametrize(("beyond", "close_names", "every_name", "scan"), SCANS, ids=[s[3] for s in SCANS])
@pytest.mark.parametrize(("query", "why"), WHOLE_STRINGS, ids=[w[0] for w in WHOLE_STRINGS])
def test_a_big_file_suggests_whole_names_as_scoring_every_name_does(
    synthetic: tuple[Franchise, cache.StoredFranchise],
    monkeypatch: pytest.MonkeyPatch,
    beyond: int,
    close_names: int,
    every_name: bool,
    scan: str,
    query: str,
    why: str,
) -> None:
    """A query sharing no word gets the closest whole names: beyond FULL_SCAN, from the bigram index alone."""
    parsed, cached = synthetic
    full, _ = resolvers(parsed, cached)
    indexed = Resolver(cache.StoredFranchise(cached.where, cached.path))
    monkeypatch.setattr(resolve, "FULL_SCAN", indexed.names.size() - beyond)
    monkeypatch.setattr(resolve, "CLOSE_NAMES", close_names)
    expected = found(full, query, True)
    assert len(expected) == 3, why
    assert found(indexed, query, True) == expected, why
    assert ("keys" in vars(indexed.names)) == every_name, scan


def every_name_scored(franchise: Franchise, query: str, limit: int, kind: str | None) -> list[tuple[str, float, str]]:
    """The search rules applied the slow way: every name scored, each record's best name, best records first."""
    names = Names.build(franchise)
    key = normalise(query)
    best: dict[str, tuple[float, int]] = {}
    for i, name in enumerate(names.keys):
        fits = fit(key, name)
        if fits is None or (kind is not None and names.kinds[i] != kind):
            continue
        value, owner = score(key, name, fits), names.owners[i]
        if owner not in best or (-value, i) < (-best[owner][0], best[owner][1]):
            best[owner] = (value, i)
    ordered = sorted(best.values(), key=lambda h: (-h[0], h[1]))[:limit]
    return [(names.owners[i], value, names.names[i]) for value, i in ordered]


SHARED_WORDS = [
    ("Rossi", 10, "a surname hundreds of names share: ranking reads only the first names in order"),
    ("Rossi", 1, "the limit reached with the very first name"),
    ("Rossi", 500, "more records than the first chunks of names hold"),
    ("Rosi", 10, "a typo of the shared surname: every name scores the same, the file's order breaks the tie"),
    ("blade", 50, "a word of many titles, with names of works and characters of different lengths"),
    ("keanu", 10, "a word of one name, with its aliases"),
]


@pytest.mark.parametrize("which", FILES)
@pytest.mark.parametrize("kind", [None, "work", "person"])
@pytest.mark.parametrize(("query", "limit", "reason"), SHARED_WORDS)
def test_search_ranks_as_scoring_every_name_does(
    request: pytest.FixtureRequest, which: str, kind: str | None, query: str, limit: int, reason: str
) -> None:
    parsed, cached = both(request, which)
    expected = every_name_scored(parsed, query, limit, kind)
    for franchise in (cached, parsed):
        matches = Resolver(franchise).search(query, [kind] if kind else None, limit=limit)  # type: ignore[list-item]
        assert [(m.record.id, m.score, m.name) for m in matches] == expected


@pytest.mark.parametrize("which", FILES)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_search_of_typed_words_ranks_as_scoring_every_name_does(
    request: pytest.FixtureRequest, which: str, data: st.DataObject
) -> None:
    parsed, cached = both(request, which)
    query = data.draw(queries(titles(parsed)))
    assume(len(normalise(query)) >= MIN_FUZZY and content_words(normalise(query)))  # shorter ones list word starts
    limit = data.draw(st.integers(1, 12))
    matches = Resolver(cached).search(query, limit=limit)
    assert [(m.record.id, m.score, m.name) for m in matches] == every_name_scored(parsed, query, limit, None)


def unique_character(franchise: Franchise) -> str:
    names = Names.build(franchise)
    counts = Counter(names.keys)
    return next(c.name for c in franchise.characters if counts[normalise(c.name)] == 1 and franchise.credits_of(c))


@pytest.mark.parametrize("which", FILES)
def test_cached_lookup_decodes_only_the_records_it_shows(request: pytest.FixtureRequest, which: str) -> None:
    parsed, cached = both(request, which)
    fresh = cache.StoredFranchise(cached.where, cached.path)
    answer = answers.who_plays(fresh, Resolver(fresh), unique_character(parsed))
    credits = answer["credits"]
    shown = {answer["character"]["id"]} | {c[k]["id"] for c in credits for k in ("work", "character", "person")}
    assert fresh.decoded == len(credits) + len(shown)
    assert "works" not in vars(fresh) and "works_by_release" not in vars(fresh)
    assert answer == answers.who_plays(parsed, Resolver(parsed), unique_character(parsed))
