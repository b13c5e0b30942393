"""The resolver over the real knowledge file: right hits, near misses and ambiguous names."""

from __future__ import annotations

import pytest

from wickcli.errors import Ambiguous, NotFound, WrongKind
from wickcli.model import Franchise, names_of
from wickcli.resolve import PREFIX_COST, STOPWORDS, TYPO_COST, Resolver, accounts_for, normalise, word_cost


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
        ("John Wick: Chapter Two", "john wick chapter 2"),  # number words are numbers
        ("john wick II", "john wick 2"),  # Roman numerals too
        ("John Wick IV", "john wick 4"),
        ("the 2nd film", "2 film"),  # ordinals written with digits
        ("second", "2"),  # and in words
        ("twenty-one", "21"),  # a tens word and a unit make one number
        ("twenty first", "21"),
        ("I am", "i am"),  # a lone "i" is a word, not a numeral
        ("The", "the"),  # an article alone is kept: it is all there is
        ("A Hard Day", "hard day"),  # "a" and "an" start a name as "the" does
        ("An Eye for an Eye", "eye for an eye"),  # only the first word is an article dropped
        ("AN OFFICER", "officer"),
        ("30.04", "30 04"),  # a leading zero stays: "30.04" is not "30.4"
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
    # A swap of two neighbouring letters is one typo
    ("Macrus", "marcus"),
    ("Mahyew", "mayhew"),
    ("Jaiver", "javier"),
    ("Comomn", "common"),
    ("Chraon", "charon"),
    ("Shmiazu Koji", "shimazu-koji"),
    ("Kenau Reevs", "keanu-reeves"),  # a typo in each word
    ("sofa", "sofia-al-azwar"),  # one letter missing from a five-letter word
    # Numbers in any spelling
    ("john wick two", "jw2"),
    ("john wick II", "jw2"),
    ("john wick iv", "jw4"),
    ("jw iv", "jw4"),
    ("chapter three", "jw3"),
    ("john wick 3rd", "jw3"),
    ("john wick chapter four", "jw4"),
    ("Chapter Five", "jw5"),
    ("john wick 2014", "jw1"),  # a year names the work of that year
    ("john wick 2025", "ballerina"),  # (2017 has three works: Chapter 2, the VR game and the comic)
    ("chapter 3 2019", "jw3"),  # the year and a word only Parabellum has, of the two works of 2019
    ("hex 2019", "john-wick-hex"),  # the other way round
    # Words in any order; the name may have words the query lacks
    ("Reeves Keanu", "keanu-reeves"),
    ("tarasov viggo", "viggo-tarasov"),
    ("de armas", "ana-de-armas"),
    ("stahelski", "chad-stahelski"),
    ("bowery", "the-bowery-king"),
    # A prefix of four letters or more stands for the word
    ("parab", "jw3"),
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
    # (query, first suggestion): names that must never resolve to a wrong record
    ("Ballerina 2", "From the World of John Wick: Ballerina (2025) (work)"),  # a number the name lacks
    ("Ballerina two", "From the World of John Wick: Ballerina (2025) (work)"),  # in words too
    ("John Wick 6", "John Wick (2014) (work)"),
    ("Chapter 9", "John Wick (2014) (work)"),
    ("John Wick Payday", "John Wick (2014) (work)"),  # a word the name lacks
    ("Winston Churchill", "Winston Scott (character in John Wick, John Wick: Chapter 2, ...)"),
    ("Winston Potter", "Winston Scott (character in John Wick, John Wick: Chapter 2, ...)"),
    ("Harry Potter", "Harry (character in John Wick)"),
    ("Michael Caine", "Caine (untitled John Wick spinoff) (work)"),
    ("David Bowie", "David Leitch (person)"),  # shares a first name only
    ("Peter Sellers", "Peter Stormare (person)"),
    ("keanu reeves keanu", "Keanu Reeves (person)"),  # each word needs a word of its own
    ("Hugo Weaving", None),  # shares no word: letters inside a word ("avi") never match
    ("Navigator", None),
    ("Sacre Coeur", None),
    ("daisy", None),
    ("xyzzy", None),
    ("the", None),
    ("of the", None),  # only stopwords
    ("j", None),  # too short to guess at
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
        ("john wick 2023", "The Continental: From the World of John Wick (2023) (work)"),  # two works that year
        ("john wick 2023", "John Wick: Chapter 4 (2023) (work)"),
        # A year names every work of that year alike: the shorter title does not win for lacking fewer words.
        ("john wick 2019", "John Wick: Chapter 3 – Parabellum (2019) (work)"),
        ("john wick 2019", "John Wick Hex (2019) (work)"),
        ("2019", "John Wick: Chapter 3 – Parabellum (2019) (work)"),
        ("wick 2017", "John Wick: Chapter 2 (2017) (work)"),
        ("wick 2017", "John Wick (Dynamite comic series) (2017) (work)"),
        ("marq", "Sven Marquardt (person)"),  # a prefix of two names
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


@pytest.mark.parametrize(
    ("query", "kinds", "kind", "name"),
    [
        # (query, kinds asked for, kind found, the name to type instead)
        ("keanu", ("work",), "person", "Keanu Reeves"),
        ("parabellum", ("character", "person"), "work", "Parabellum"),
        ("charon", ("person",), "character", "Charon"),
        ("John Wick", ("person",), "character", "John Wick"),  # a character before a work of the same name
        ("Ballerina", ("person",), "character", "The Ballerina"),  # Eve's alias before the work, whatever their ids
        ("continental", ("character", "person"), "work", "The Continental"),  # exact work beats a partial alias
    ],
)
def test_name_of_another_kind_points_there(
    resolver: Resolver, query: str, kinds: tuple[str, ...], kind: str, name: str
) -> None:
    with pytest.raises(WrongKind) as error:
        resolver.resolve(query, kinds)  # type: ignore[arg-type]
    assert (error.value.kind, error.value.name) == (kind, name)


@pytest.mark.parametrize(
    ("typed", "word", "cost"),
    [
        # (typed word, word of a name, what it costs or None when it cannot stand for it)
        ("marcus", "marcus", 0.0),  # exact
        ("macrus", "marcus", TYPO_COST),  # an adjacent swap is one edit
        ("marq", "marquis", PREFIX_COST),  # a prefix of four letters
        ("mar", "marquis", None),  # three letters are too few for a prefix
        ("avi", "navigator", None),  # letters inside a word
        ("ian", "iain", None),  # a three-letter word allows no typo
        ("anna", "ana", TYPO_COST),  # four letters allow one
        ("winstn", "winston", TYPO_COST),
        ("chraon", "charon", TYPO_COST),
        ("charon", "chiron", TYPO_COST),  # one substitution
        ("charon", "cheron", TYPO_COST),
        ("sharon", "chiron", None),  # two edits in a six-letter word
        ("serafinowicz", "serafinowics", TYPO_COST),  # eight letters or more allow two
        ("skarsgaard", "skarsgard", TYPO_COST),
        ("2", "2", 0.0),
        ("2", "3", None),  # numbers match only exactly
        ("20", "2014", None),  # not even as a prefix
        ("2014", "2015", None),
        ("billion", "million", None),  # a word of magnitude is a number: exact only
        ("mill", "million", None),  # not even as a prefix
        ("sharon", "charon", None),  # a typo keeps the first letter: another start is another word
        ("possible", "impossible", None),
        ("hcaron", "charon", TYPO_COST),  # or swaps the first two letters
        ("kenau", "keanu", TYPO_COST),
    ],
)
def test_word_cost(typed: str, word: str, cost: float | None) -> None:
    assert word_cost(typed, word) == cost


@pytest.mark.parametrize(
    ("query", "name", "expected"),
    [
        ("Winston", "Winston Scott", True),  # the name may have words the query lacks
        ("Winston Churchill", "Winston Scott", False),  # the query may not
        ("the marquis", "Marquis Vincent Bisset de Gramont", True),  # stopwords need no match
        ("Chad Stahelski", "Stahelski", False),
        ("john wick two", "John Wick: Chapter 2", True),
        ("john wick three", "John Wick: Chapter 2", False),
        ("wick wick", "John Wick", False),  # each word needs its own
        ("", "John Wick", False),
    ],
)
def test_accounts_for(query: str, name: str, expected: bool) -> None:
    assert accounts_for(query, name) is expected


def _own_words(franchise: Franchise, record_id: str) -> set[str]:
    record = franchise.get(record_id)
    assert record is not None
    return {w for n in names_of(record) for w in normalise(n).split()}


def test_a_name_with_a_word_it_lacks_never_resolves_to_it(franchise: Franchise, resolver: Resolver) -> None:
    """Every name and alias, with one more word from another record's name, is not that record."""
    names = resolver.names
    pairs = [(names.name(i), names.owner(i)) for i in range(len(names.keys))]
    words = sorted({(w, names.owner(i)) for i, k in enumerate(names.keys) for w in k.split() if w not in STOPWORDS})
    # A record's own words include those of its indexed keys, such as a work's year ("John Wick: Chapter 2 2017").
    keyed: dict[str, set[str]] = {}
    for i, k in enumerate(names.keys):
        keyed.setdefault(names.owner(i), set()).update(k.split())
    checked = 0
    for n, (name, owner) in enumerate(pairs):
        own = _own_words(franchise, owner) | keyed.get(owner, set())
        # A fixed spread of other records' words for each name keeps the run short and repeatable.
        for word, other in words[n % 7 :: 37]:
            if other == owner or any(word_cost(word, w) is not None for w in own):
                continue
            query = f"{name} {word}"
            try:
                found = [m.record.id for m in resolver.resolve(query)]
            except (NotFound, Ambiguous):
                found = []
            assert owner not in found, query
            checked += 1
    assert checked > 1000
