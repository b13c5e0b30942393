"""The resolver over the real knowledge file: right hits, near misses and ambiguous names."""

from __future__ import annotations

import pytest

from wickcli.errors import Ambiguous, NotFound
from wickcli.resolve import Resolver, normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sacré-Cœur", "sacre coeur"),
        ("SACRE COEUR", "sacre coeur"),
        ("The Director", "director"),
        ("JW4", "jw 4"),
        ("John Wick: Chapter 3 – Parabellum", "john wick chapter 3 parabellum"),
        ("Ms. Perkins", "ms perkins"),
        ("Bill Skarsgård", "bill skarsgard"),
    ],
)
def test_normalise_folds_case_accents_and_punctuation(text: str, expected: str) -> None:
    assert normalise(text) == expected


HITS = [
    # (query, record id) - a clear winner resolves silently
    ("Rooney", "eve-macarro"),
    ("rooney", "eve-macarro"),
    ("Baba Yaga", "john-wick"),
    ("jardani", "john-wick"),
    ("Charron", "charon"),
    ("Winstn", "winston-scott"),
    ("Winstin", "winston-scott"),
    ("winston scott", "winston-scott"),
    ("Keanu Reevs", "keanu-reeves"),
    ("keanu", "keanu-reeves"),
    ("anna de armas", "ana-de-armas"),
    ("Halle Bery", "halle-berry"),
    ("Skarsgard", "bill-skarsgard"),
    ("ian", "ian-mcshane"),
    ("parabellum", "jw3"),
    ("chapter 4", "jw4"),
    ("wick 4", "jw4"),
    ("jw 3", "jw3"),
    ("JW1", "jw1"),
    ("John Wick 2", "jw2"),
    ("john wick chapter 4", "jw4"),
    ("John Wick: Chapter 3 - Parabellum", "jw3"),
    ("John Wick (2014)", "jw1"),
    ("scorn", "jw1"),
    ("continental", "the-continental"),
    ("chapter 5", "jw5"),
    ("director", "the-director"),
    ("Bowry King", "the-bowery-king"),
    ("marquis", "vincent-bisset-de-gramont"),
    ("Ms Perkins", "ms-perkins"),
    ("tracker", "mr-nobody"),
    ("viggo", "viggo-tarasov"),
]


@pytest.mark.parametrize(("query", "record_id"), HITS)
def test_query_resolves_to_record(resolver: Resolver, query: str, record_id: str) -> None:
    assert resolver.resolve_one(query).record.id == record_id


@pytest.mark.parametrize(
    ("query", "kinds", "ids"),
    [
        ("John Wick", None, ["jw1", "john-wick"]),
        ("Caine", None, ["caine-spinoff", "caine"]),
        ("Ballerina", None, ["ballerina", "eve-macarro"]),
        ("John Wick", ("character", "person"), ["john-wick"]),
        ("Caine", ("character", "person"), ["caine"]),
        ("Ballerina", ("work",), ["ballerina"]),
    ],
)
def test_name_shared_by_work_and_character(
    resolver: Resolver, query: str, kinds: tuple[str, ...] | None, ids: list[str]
) -> None:
    assert [m.record.id for m in resolver.resolve(query, kinds)] == ids  # type: ignore[arg-type]


NEAR_MISSES = [
    # Names that must never resolve to a wrong record
    ("Ballerina 2", "From the World of John Wick: Ballerina (2025) (work)"),
    ("John Wick 6", "John Wick (2014) (work)"),
    ("Chapter 9", "John Wick (2014) (work)"),
    ("Sacre Coeur", None),
    ("daisy", None),
    ("xyzzy", None),
    ("the", None),
    ("j", None),
    ("!!!", None),
    ("", None),
]


@pytest.mark.parametrize(("query", "first_suggestion"), NEAR_MISSES)
def test_near_miss_is_not_found(resolver: Resolver, query: str, first_suggestion: str | None) -> None:
    with pytest.raises(NotFound) as error:
        resolver.resolve(query)
    assert (error.value.suggestions[0] if error.value.suggestions else None) == first_suggestion


@pytest.mark.parametrize(
    ("query", "candidate"),
    [
        ("wick", "John Wick: Chapter 2 (2017) (work)"),
        ("Tarasov", "Iosef Tarasov (character in John Wick)"),
        ("chapter", "John Wick: Chapter 4 (2023) (work)"),
    ],
)
def test_ambiguous_lists_candidates_with_kind(resolver: Resolver, query: str, candidate: str) -> None:
    with pytest.raises(Ambiguous) as error:
        resolver.resolve(query)
    assert candidate in error.value.candidates


def test_search_ranks_distinct_records(resolver: Resolver) -> None:
    ids = [m.record.id for m in resolver.search("winston")]
    assert ids[0] == "winston-scott"
    assert len(ids) == len(set(ids))
