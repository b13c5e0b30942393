"""The matching rules one by one, as a user sees them: the scores search shows, the suggestions, the labels."""

from __future__ import annotations

from pathlib import Path

import pytest

from wickcli import loader
from wickcli.errors import Ambiguous, NotFound
from wickcli.model import Franchise, Kind
from wickcli.resolve import MARGIN, Resolver, describe, normalise, word_cost

SEARCH_SCORES = [
    # (query, the best records with the score `wick search` shows, why)
    ("Winston Scott", [("winston-scott", 100.0)], "the exact name scores 100"),
    ("reeves keanu", [("keanu-reeves", 99.9)], "every word, another order: just under the exact name"),
    ("keanu reevs", [("keanu-reeves", 94.0)], "a typo costs 6"),
    ("kenau reevs", [("keanu-reeves", 88.0)], "each typo costs 6"),
    ("winstn", [("winston-scott", 94.0)], "a typo against the alias 'Winston'"),
    ("parab", [("jw3", 97.0)], "standing for a longer word costs 3"),
    ("sofi", [("sofia-al-azwar", 97.0)], "a prefix that is also one typo costs as a prefix"),
    ("stahelski", [("chad-stahelski", 98.0)], "each word of the name the query lacks costs 2"),
    (
        "wick 2019",
        [("jw3", 99.9), ("john-wick-hex", 99.9)],
        "but none when the query gives a year: the year names every work of that year alike",
    ),
    (
        "marq",
        [("vincent-bisset-de-gramont", 97.0), ("sven-marquardt", 95.0), ("mark-dacascos", 92.0)],
        "a prefix (The Marquis), a prefix and a word lacking, then a typo and a word lacking",
    ),
]


@pytest.mark.parametrize(("query", "best", "why"), SEARCH_SCORES, ids=[s[0] for s in SEARCH_SCORES])
def test_search_scores(resolver: Resolver, query: str, best: list[tuple[str, float]], why: str) -> None:
    found = [(m.record.id, round(m.score, 1)) for m in resolver.search(query)]
    assert found[: len(best)] == best, why


@pytest.mark.parametrize(
    ("text", "ids", "why"),
    [
        ("Keanu Reeves", ["keanu-reeves"], "a person's own name"),
        ("keanu reeves", ["keanu-reeves"], "after folding case"),
        ("John Wick", ["jw1", "john-wick"], "a work and a character share the name, in the file's order"),
        ("Kenau Reeves", [], "no typo is forgiven"),
        ("Keanu Reeves Jr", [], "nor a word the name lacks"),
    ],
)
def test_named_is_exact(resolver: Resolver, text: str, ids: list[str], why: str) -> None:
    assert [r.id for r in resolver.named(text)] == ids, why


@pytest.mark.parametrize(
    ("typed", "word", "cost", "why"),
    [
        ("sotrmaer", "stormare", 12.0, "eight letters allow two edits"),
        ("wintsno", "winston", None, "seven letters allow one"),
        ("stromare", "stormare", 6.0, "a swap is one edit of the two"),
        ("stxrmxrx", "stormare", None, "but not three, however long the word"),
        ("parxbxllxm", "parabellum", None, "ten letters allow two edits too, not three"),
    ],
)
def test_long_words_allow_two_typos(typed: str, word: str, cost: float | None, why: str) -> None:
    assert word_cost(typed, word) == cost, why


@pytest.mark.parametrize(
    ("prefix", "kinds", "names", "why"),
    [
        ("Wi", ["character"], [("Winston Scott", "character"), ("Winston", "character")], "names and aliases"),
        ("wi", ["person"], [("Willem Dafoe", "person")], "case ignored, other kinds left out"),
        ("Winston S", ["character"], [("Winston Scott", "character")], "a prefix of the whole name"),
    ],
)
def test_names_starting_with(
    resolver: Resolver, prefix: str, kinds: list[str], names: list[tuple[str, str]], why: str
) -> None:
    assert list(resolver.names.starting_with(prefix, kinds)) == names, why


@pytest.mark.parametrize(
    ("record_id", "label", "why"),
    [
        ("harry", "Harry (character in John Wick)", "one work"),
        ("helen-wick", "Helen Wick (character in John Wick, John Wick: Chapter 2)", "two works, both named"),
        (
            "the-bowery-king",
            "The Bowery King (character in John Wick: Chapter 2, John Wick: Chapter 3 – Parabellum, ...)",
            "three works: two named, then an ellipsis",
        ),
        ("keanu-reeves", "Keanu Reeves (person)", "a person by kind"),
        ("jw1", "John Wick (2014) (work)", "a work by its title and year"),
    ],
)
def test_describe_tells_records_apart(franchise: Franchise, record_id: str, label: str, why: str) -> None:
    record = franchise.get(record_id)
    assert record is not None
    assert describe(franchise, record) == label, why


SUGGESTIONS = [
    # (query that does not resolve, the "Did you mean" list, why)
    (
        "John Wick Payday",
        [
            "John Wick (2014) (work)",
            "John Wick (character in John Wick, John Wick: Chapter 2, ...)",
            "John Wick: Chapter 2 (2017) (work)",
        ],
        "those sharing both words first, the fewest extra words before the rest",
    ),
    (
        "David Bowie",
        ["David Leitch (person)", "David Castañeda (person)", "David Patrick Kelly (person)"],
        "one shared word each: the name with fewer other words first",
    ),
    ("Winston Churchill", ["Winston Scott (character in John Wick, John Wick: Chapter 2, ...)"], "one record"),
    ("k 2", ["John Wick: Chapter 2 (2017) (work)"], "a three-letter query still gets its suggestions"),
    ("keanu reeves keanu", ["Keanu Reeves (person)"], "a word typed twice shares it once"),
    (
        "johnwick",
        [
            "John Wick (2014) (work)",
            "John Wick (character in John Wick, John Wick: Chapter 2, ...)",
            "John Wick: Chapter 2 (2017) (work)",
        ],
        "no word shared: the closest whole names, three of them",
    ),
]


@pytest.mark.parametrize(("query", "suggestions", "why"), SUGGESTIONS, ids=[s[0] for s in SUGGESTIONS])
def test_suggestions(resolver: Resolver, query: str, suggestions: list[str], why: str) -> None:
    with pytest.raises(NotFound) as error:
        resolver.resolve(query)
    assert list(error.value.suggestions) == suggestions, why


@pytest.mark.parametrize(
    ("query", "kinds", "ids", "why"),
    [
        ("katie", None, ["katie-mcgrath"], "a winner by exactly the margin (98 against Katia's 94) resolves"),
        ("lynn", None, ["common"], "Common's alias by the margin over Jerome Flynn's typo"),
        ("john", ("person",), ["john-leguizamo"], "the only person of that name, whatever the works are called"),
    ],
)
def test_clear_winner_resolves(
    resolver: Resolver, query: str, kinds: tuple[str, ...] | None, ids: list[str], why: str
) -> None:
    assert [m.record.id for m in resolver.resolve(query, kinds)] == ids, why  # type: ignore[arg-type]


def test_near_ties_of_the_wanted_kind_stay_ambiguous(resolver: Resolver) -> None:
    """Two characters fit 'wick' as well as a work does: the question is which character, not a pointer to the work."""
    with pytest.raises(Ambiguous) as error:
        resolver.resolve("wick", ("character", "person"))
    assert error.value.candidates == (
        "John Wick (character in John Wick, John Wick: Chapter 2, ...)",
        "Helen Wick (character in John Wick, John Wick: Chapter 2)",
    )


def test_two_records_of_another_kind_are_ambiguous_not_a_pointer(resolver: Resolver) -> None:
    with pytest.raises(Ambiguous) as error:
        resolver.resolve("john wick 2023", ("character",))
    assert error.value.candidates == (
        "John Wick: Chapter 4 (2023) (work)",
        "The Continental: From the World of John Wick (2023) (work)",
    )


def test_ambiguous_lists_every_near_tie_not_only_the_first_ten(resolver: Resolver) -> None:
    found = resolver.search("wick", limit=50)
    ties = {describe(resolver.franchise, m.record) for m in found if found[0].score - m.score < MARGIN}
    with pytest.raises(Ambiguous) as error:
        resolver.resolve("wick", ("person",))
    assert len(ties) > 10
    assert sorted(error.value.candidates) == sorted(ties)


def _franchise(tmp_path: Path, people: list[str], aliases: tuple[str, ...] = ()) -> Resolver:
    """People of these names, the first of them with these aliases."""
    rows = "\n".join(
        f"  - {{id: p{i}, name: {name}, aliases: [{', '.join(aliases if i == 0 else ())}], sources: [https://example.org/p]}}"
        for i, name in enumerate(people)
    )
    path = tmp_path / "people.yaml"
    path.write_text(f"format: 1\nfranchise: People\nworks: []\ncharacters: []\npeople:\n{rows}\n")
    return Resolver(loader.load(str(path)))


def test_an_ambiguous_name_lists_at_most_fifty_records(tmp_path: Path) -> None:
    resolver = _franchise(tmp_path, [f"Agent K{i}" for i in range(60)])
    with pytest.raises(Ambiguous) as error:
        resolver.resolve("agent")
    assert error.value.candidates[:2] == ("Agent K0 (person)", "Agent K1 (person)")
    assert len(error.value.candidates) == 50


def test_each_typed_word_takes_the_cheapest_free_word(tmp_path: Path) -> None:
    """'Ivan' is Ivan exactly and 'Ivaan' a typo of Ivana: one typo (94), not a prefix and a typo (91)."""
    resolver = _franchise(tmp_path, ["Ivan Ivana"])
    assert [(m.name, m.score) for m in resolver.search("Ivan Ivaan")] == [("Ivan Ivana", 94.0)]


def test_a_typo_reaches_every_word_within_its_edits(tmp_path: Path) -> None:
    resolver = _franchise(tmp_path, ["Mark", "Marc", "Mars", "Mary", "Mara", "Mare"])
    assert sorted((m.name, m.score) for m in resolver.search("marx")) == [
        ("Mara", 94.0),
        ("Marc", 94.0),
        ("Mare", 94.0),
        ("Mark", 94.0),
        ("Mars", 94.0),
        ("Mary", 94.0),
    ]


@pytest.mark.parametrize(
    ("query", "ids", "why"),
    [
        ("of the", ["rome-continental-manager"], "only stopwords: names holding those words, in that order"),
        (
            "the co",
            ["the-continental", "john-wick-comic", "jimmy"],
            "the article dropped: names with a word starting with 'co'",
        ),
    ],
)
def test_short_listing_queries(resolver: Resolver, query: str, ids: list[str], why: str) -> None:
    assert [m.record.id for m in resolver.search(query)][: len(ids)] == ids, why


def test_a_record_of_many_spellings_leaves_room_for_two_other_suggestions(tmp_path: Path) -> None:
    """The five closest whole names are all Maria Rossi's: the next two records are still offered."""
    resolver = _franchise(
        tmp_path,
        ["Maria Rossi", "Marta Rossini", "Carla Rossi"],
        ("Marie Rossi", "Mary Rossi", "Maria Rossa", "Mario Rossi"),
    )
    with pytest.raises(NotFound) as error:
        resolver.resolve("mariarossi")
    assert error.value.suggestions == ("Maria Rossi (person)", "Marta Rossini (person)", "Carla Rossi (person)")


def test_a_person_named_as_a_character_comes_after_it(tmp_path: Path) -> None:
    """A musician playing himself: one name, two records, answered in the order work, character, person."""
    path = tmp_path / "cameo.yaml"
    path.write_text(
        "format: 1\nfranchise: Cameos\nworks: []\n"
        "people:\n  - {id: marilyn-manson, name: Marilyn Manson, sources: [https://example.org/p]}\n"
        "characters:\n  - {id: marilyn-himself, name: Marilyn Manson, sources: [https://example.org/p]}\n"
    )
    resolver = Resolver(loader.load(str(path)))
    assert [m.record.id for m in resolver.resolve("marilyn manson")] == ["marilyn-himself", "marilyn-manson"]


@pytest.mark.parametrize(
    ("query", "why"),
    [("of the", "two stopwords no name has"), ("and the", "nor these: nothing to list, no name to read")],
)
def test_a_listing_of_words_no_name_has_finds_nothing(tmp_path: Path, query: str, why: str) -> None:
    assert _franchise(tmp_path, ["Agent Smith"]).search(query) == [], why


def test_suggestions_weigh_words_shared_against_typos_and_words_lacking(tmp_path: Path) -> None:
    """Of three words typed, each shared is worth a third of 100, each edit costs 6, each word lacking 2.

    Both titles share two words mistyped twice each (24): with three words lacking (6) the shorter one
    beats Zed's one exact word; with six (12), the longer one does not.
    """
    path = tmp_path / "long.yaml"
    path.write_text(
        "format: 1\nfranchise: Long\n"
        "works:\n"
        "  - {id: w8, title: Bartholomew Kingsbridge Rides Again Into the Crimson Western Sunset, kind: film,\n"
        "     status: announced, sources: [https://example.org/p]}\n"
        "  - {id: w5, title: Bartholomew Kingsbridge Rides Into the Sunset, kind: film, status: announced,\n"
        "     sources: [https://example.org/p]}\n"
        "people:\n  - {id: zed, name: Zed, sources: [https://example.org/p]}\n"
        "characters: []\n"
    )
    with pytest.raises(NotFound) as error:
        Resolver(loader.load(str(path))).resolve("batholomwe kinsgbrigde zed")
    assert error.value.suggestions == (
        "Bartholomew Kingsbridge Rides Into the Sunset (work)",
        "Zed (person)",
        "Bartholomew Kingsbridge Rides Again Into the Crimson Western Sunset (work)",
    )


# Names of one word typed twice: "anna anna" may take a name's one "anna" for both in its best
# possible score (its bound), so names are scored in chunks, best bound first, until none left
# can rank. A file where the bound is loose shows that the stopping rule loses nothing: the name
# that fits best ("Anna Anna Smith", 98) has a lower bound (98) than the 64 names of two words
# read first (100 each), and one of those does not fit at all ("Anna Bell": one "anna" for two).
TWICE = ["Anna Bell", "Anna Annabel", *["Anna Anne"] * 61, "Anna Anna", "Anna Anna Smith"]


@pytest.mark.parametrize(
    ("limit", "first", "last", "why"),
    [
        (
            2,
            [("p63", 100.0, "Anna Anna"), ("p64", 98.0, "Anna Anna Smith")],
            "p64",
            "the second record is in the second chunk: a bound of 98 may still beat the 97 of the first",
        ),
        (
            63,
            [("p63", 100.0, "Anna Anna"), ("p64", 98.0, "Anna Anna Smith"), ("p1", 97.0, "Anna Annabel")],
            "p61",
            "as many records as the first chunk fitted: the last of them (94) decides whether to read on",
        ),
    ],
)
def test_scoring_stops_only_when_no_name_left_can_rank(
    tmp_path: Path, limit: int, first: list[tuple[str, float, str]], last: str, why: str
) -> None:
    found = _franchise(tmp_path, TWICE).search("anna anna", limit=limit)
    assert [(m.record.id, m.score, m.name) for m in found[: len(first)]] == first, why
    assert (len(found), found[-1].record.id) == (limit, last), why


# (typed, normalised, why): number words become digits, and a tens word with a unit one number
NUMBER_WORD_RULES = [
    ("chapter twenty one", "chapter 21", "a tens word and a unit after another word: one number, read once"),
    ("twenty one dollars", "21 dollars", "the words after the number are kept, each once"),
    ("twenty one twenty two", "21 22", "two numbers in a row, each of two words"),
    ("twenty dollars", "20 dollars", "a tens word before a word that is no number"),
    ("twenty zero", "20 0", "zero is no unit of a tens word: 'twenty zero' is not 20"),
    ("twenty ten", "20 10", "nor is ten: 'twenty ten' is not 30"),
    ("twenty iv", "20 4", "a Roman numeral is no unit of a tens word either"),
    ("one twenty", "1 20", "a unit before a tens word stays a number of its own"),
    ("thirty ninth", "39", "a tens word and an ordinal"),
    ("twentieth", "20", "the ordinals of the tens are numbers"),
    ("xx", "20", "Roman numerals up to twenty"),
]


@pytest.mark.parametrize(("typed", "normalised", "why"), NUMBER_WORD_RULES, ids=[n[0] for n in NUMBER_WORD_RULES])
def test_number_words_become_numbers(typed: str, normalised: str, why: str) -> None:
    assert normalise(typed) == normalised, why


@pytest.mark.parametrize(
    ("query", "kinds", "exact_wins", "ids", "why"),
    [
        ("ca", ["work"], False, ["caine-spinoff"], "a listing of a short query keeps to the kinds asked"),
        ("ha", ["work"], False, [], "no work has a word starting 'ha': none, though characters do"),
        ("ca", None, False, ["caine-spinoff", "cassian", "caine"], "every kind, when none is asked"),
        ("winston", ["work"], True, [], "an exact name of another kind does not win for the kinds asked"),
        ("winston", None, True, ["winston-scott"], "it wins when no kind is asked"),
    ],
)
def test_search_keeps_to_the_kinds_asked(
    resolver: Resolver, query: str, kinds: list[Kind] | None, exact_wins: bool, ids: list[str], why: str
) -> None:
    found = resolver.search(query, kinds, exact_wins=exact_wins)
    assert [m.record.id for m in found][: len(ids) or None] == ids, why
