"""The quiz rules one by one: what each kind of question asks, what answers it, how hard it is, what grades right."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from wickcli import loader, quiz
from wickcli.model import Franchise
from wickcli.resolve import Resolver

from .conftest import DATA, MINI


@pytest.fixture(scope="module")
def questions(franchise: Franchise, resolver: Resolver) -> dict[str, quiz.Question]:
    return {q.id: q for q in quiz.all_questions(franchise, resolver)}


@pytest.fixture(scope="module")
def mini() -> dict[str, quiz.Question]:
    return {q.id: q for q in quiz.all_questions(loader.load(str(MINI)))}


QUESTIONS: list[tuple[str, dict[str, Any], str]] = [
    # (question id, fields it must have, why)
    (
        "cast:jw1:john-wick:keanu-reeves",
        {
            "category": "cast",
            "difficulty": "easy",
            "prompt": "Who plays John Wick in John Wick (2014)?",
            "answer": "Keanu Reeves",
            "works": ("jw1",),
            "answer_ids": ("keanu-reeves",),
            "answer_kind": "person",
            "free": True,
        },
        "who plays a part: a person, graded as a record",
    ),
    (
        "role:jw1:clarke-peters",
        {
            "category": "cast",
            "difficulty": "hard",
            "prompt": "Which character does Clarke Peters play in John Wick (2014)?",
            "answer": "Harry",
            "works": ("jw1",),
            "answer_ids": ("harry",),
            "answer_kind": "character",
        },
        "which part an actor plays: a character; a one-film part is hard",
    ),
    (
        "crew:jw1:director",
        {
            "category": "crew",
            "difficulty": "easy",
            "prompt": "Who directed John Wick (2014)?",
            "answer": "Chad Stahelski",
            "answer_ids": ("chad-stahelski", "david-leitch"),
            "answer_kind": "person",
            "works": ("jw1",),
        },
        "every director is a right answer, the first credited is the one shown",
    ),
    (
        "cast:jw1:charlie:david-patrick-kelly",
        {"difficulty": "easy"},
        "a part in three works is easy, though not the lead",
    ),
    ("crew:jw1:writer", {"difficulty": "medium", "prompt": "Who wrote John Wick (2014)?"}, "writers: medium"),
    (
        "crew:jw1:composer",
        {"difficulty": "hard", "prompt": "Who composed the music for John Wick (2014)?", "distractors": ("Raffertie",)},
        "composers: hard; the options are the franchise's other composers",
    ),
    (
        "release:jw1",
        {
            "category": "release",
            "difficulty": "easy",
            "prompt": "In what year was John Wick first released (US theatrical)?",
            "answer": "2014",
            "answer_ids": (),
            "answer_kind": None,
            "works": ("jw1",),
        },
        "a film's year is easy, and is graded as text",
    ),
    (
        "released-first:jw1:jw2",
        {
            "category": "timeline",
            "difficulty": "easy",
            "prompt": "Which came out first: John Wick or John Wick: Chapter 2?",
            "answer": "John Wick",
            "works": ("jw1", "jw2"),
            "answer_ids": ("jw1",),
            "answer_kind": "work",
            "distractors": ("John Wick: Chapter 2",),
        },
        "works of different years: easy",
    ),
    ("released-first:jw4:the-continental", {"difficulty": "hard"}, "two works of the same year: hard"),
    (
        "story-first:jw1:jw2",
        {
            "difficulty": "medium",
            "prompt": "Which is set earlier in the story: John Wick: Chapter 2 or John Wick?",
            "answer": "John Wick",
            "distractors": ("John Wick: Chapter 2",),
        },
        "story order: the later one is named first, so the order of the prompt gives nothing away",
    ),
    (
        "set:jw3",
        {
            "category": "timeline",
            "difficulty": "hard",
            "prompt": "When in the story is John Wick: Chapter 3 – Parabellum set?",
            "answer": "Immediately after Chapter 2",
            "free": False,
            "works": ("jw3",),
        },
        "where a work is set: choice only, the options the other works' settings",
    ),
    (
        "fact:jw4-dedicated-to-reddick",
        {
            "category": "trivia",
            "difficulty": "medium",
            "answer": "Lance Reddick",
            "answer_ids": ("lance-reddick",),
            "answer_kind": "person",
            "works": ("jw4",),
        },
        "a fact whose answer is a person's own name is graded as that person",
    ),
    (
        "fact:charon-killed-by-marquis-jw4",
        {"answer_ids": ("charon",), "answer_kind": "character"},
        "or a character",
    ),
    ("fact:jw4-worldwide-gross", {"difficulty": "hard", "answer_ids": ()}, "box-office facts are hard"),
    ("fact:parabellum-ending", {"answer": "Winston", "answer_ids": ()}, "a nickname is not a record's own name"),
]


@pytest.mark.parametrize(("qid", "fields", "why"), QUESTIONS, ids=[q[0] for q in QUESTIONS])
def test_question(questions: dict[str, quiz.Question], qid: str, fields: dict[str, Any], why: str) -> None:
    question = questions[qid]
    assert {k: getattr(question, k) for k in fields} == fields, why


@pytest.mark.parametrize(
    ("qid", "asked", "why"),
    [
        ("released-first:jw1:jw2", True, "years apart"),
        (
            "released-first:john-wick-chronicles:jw2",
            False,
            "the game came out the day before Chapter 2 opened, "
            "but after Chapter 2's premiere: which came first depends on the reading, so it is not asked",
        ),
        ("released-first:jw2:john-wick-chronicles", False, "nor the other way round"),
        ("released-first:john-wick-chronicles:john-wick-comic", True, "February and November of 2017"),
        ("story-first:the-continental:jw1", True, "the 1970s before 2014"),
    ],
)
def test_which_came_first_is_asked_only_when_certain(
    questions: dict[str, quiz.Question], qid: str, asked: bool, why: str
) -> None:
    assert (qid in questions) == asked, why


MINI_QUESTIONS: list[tuple[str, dict[str, Any], str]] = [
    (
        "cast:hl1:ellen-gray:ada-voss",
        {"difficulty": "easy", "distractors": ("Ben Okafor",), "sources": ("https://example.org/hl1",)},
        "the lead of a film is easy; the options are the rest of that work's cast",
    ),
    (
        "cast:hl1:tom-gray:ben-okafor",
        {"difficulty": "hard", "prompt": "Who plays Tom Gray in Harbor Lights (2010)?", "distractors": ("Ada Voss",)},
        "a second-billed part in one work is hard",
    ),
    (
        "cast:hl0:ellen-gray:cleo-marchetti",
        {"difficulty": "medium", "prompt": "Who plays Ellen Gray in Harbor Lights: Low Tide (2015)?"},
        "a character in two works is medium, and a series lead is not a film's lead",
    ),
    (
        "role:hl1:ada-voss",
        {"answer": "Ellen Gray", "distractors": ("Tom Gray",)},
        "the options for a part are the other parts of that work",
    ),
    (
        "release:hl0",
        {
            "difficulty": "medium",
            "prompt": "In what year was Harbor Lights: Low Tide first released (US streaming)?",
            "answer": "2015",
            "distractors": ("2016", "2014", "2017", "2013", "2018", "2012"),
        },
        "a series' year is medium; nearby years, nearest first, the later of two as near first",
    ),
    (
        "release:hl1",
        {"difficulty": "easy", "distractors": ("2011", "2012", "2013", "2014", "2015", "2016")},
        "years after it, up to the last the file knows (its data_as_of, 2026), no earlier than the first",
    ),
    (
        "crew:hl1:director",
        {
            "prompt": "Who directed Harbor Lights (2010)?",
            "answer": "Mara Quill",
            "distractors": (),
            "difficulty": "easy",
        },
        "the only director has no other directors to be confused with",
    ),
    (
        "story-first:hl0:hl1",
        {
            "prompt": "Which is set earlier in the story: Harbor Lights or Harbor Lights: Low Tide?",
            "answer": "Harbor Lights: Low Tide",
            "works": ("hl0", "hl1"),
        },
        "the series is set first",
    ),
    (
        "set:hl1",
        {"answer": "Autumn 1999", "distractors": ("Summer 1980",), "free": False},
        "the options for a setting are the other settings",
    ),
    (
        "fact:hl-lighthouse",
        {
            "category": "trivia",
            "difficulty": "medium",
            "prompt": "Was the lighthouse in Harbor Lights real or built for the film?",
            "answer": "Built for the film",
            "works": ("hl1",),
            "answer_ids": (),
        },
        "a fact with its own question",
    ),
]


@pytest.mark.parametrize(("qid", "fields", "why"), MINI_QUESTIONS, ids=[q[0] for q in MINI_QUESTIONS])
def test_question_of_another_franchise(
    mini: dict[str, quiz.Question], qid: str, fields: dict[str, Any], why: str
) -> None:
    question = mini[qid]
    assert {k: getattr(question, k) for k in fields} == fields, why


def test_every_question_of_another_franchise(mini: dict[str, quiz.Question]) -> None:
    """A part played by another actor in another work is asked of each; the announced film (hl2) gives nothing."""
    assert sorted(mini) == [
        "cast:hl0:ellen-gray:cleo-marchetti",
        "cast:hl1:ellen-gray:ada-voss",
        "cast:hl1:tom-gray:ben-okafor",
        "crew:hl1:director",
        "fact:hl-lighthouse",
        "release:hl0",
        "release:hl1",
        "released-first:hl1:hl0",
        "role:hl0:cleo-marchetti",
        "role:hl1:ada-voss",
        "role:hl1:ben-okafor",
        "set:hl0",
        "set:hl1",
        "story-first:hl0:hl1",
    ]


TRIVIA = [
    # (fact, right records, their kind, the works it is about, the options drawn, difficulty, why)
    (
        "vane-actor",
        ("omar-haddad",),
        "person",
        ("t2",),
        ("Ines Roth", "Yusuf Kaya", "Lena Park", "Rosa Delgado"),
        "medium",
        "a person: that work's crew and cast first, then the other people",
    ),
    (
        "mira-part",
        ("mira-solis",),
        "character",
        ("t1",),
        ("Captain Vane", "Old Tom", "Nell"),
        "medium",
        "a character: that work's parts first, then the other characters",
    ),
    (
        "first-film",
        ("t1",),
        "work",
        ("t1", "t2"),
        ("Tidewater Rising", "Tidewater Nights"),
        "medium",
        "a work: the other works",
    ),
    ("budget", (), None, ("t1",), ("$40 million",), "medium", "a sum: the sums of facts sharing a tag"),
    ("gross", (), None, ("t2",), ("$12 million",), "hard", "box office is hard"),
    (
        "studio",
        (),
        None,
        ("t1",),
        ("Tidewater", "Old Tom"),
        "medium",
        "a phrase: answers of facts sharing a tag that are not sums, whatever record they name",
    ),
    (
        "spoiler",
        ("old-tom",),
        "character",
        ("t2",),
        ("Captain Vane", "Mira Solis", "Nell"),
        "medium",
        "a fact about a character spoils the work it names",
    ),
]


@pytest.mark.parametrize(
    ("fact", "ids", "kind", "works", "distractors", "difficulty", "why"), TRIVIA, ids=[t[0] for t in TRIVIA]
)
def test_trivia_options_are_drawn_from_the_file(
    fact: str,
    ids: tuple[str, ...],
    kind: str | None,
    works: tuple[str, ...],
    distractors: tuple[str, ...],
    difficulty: str,
    why: str,
) -> None:
    franchise = loader.load(str(DATA / "trivia.yaml"))
    question = {q.id: q for q in quiz.all_questions(franchise, categories=["trivia"])}[f"fact:{fact}"]
    got = (question.answer_ids, question.answer_kind, question.works, question.distractors, question.difficulty)
    assert got == (ids, kind, works, distractors, difficulty), why


HINTS = [
    # (question id, the answer instead (None: its own), a right record instead, the three hints, why)
    (
        "crew:jw1:director",
        None,
        None,
        ["Initials: C. S.", "Also in John Wick: Chapter 2 (2017).", "Starts: Ch… Stahe…"],
        "a person: another work they worked on",
    ),
    ("role:jw1:clarke-peters", None, None, ["Initials: H.", "One word of 5 letters.", "Starts: Har…"], "one work only"),
    ("fact:jw4-cinemascore-a", None, None, ["Initials: A.", "One word of 1 letter.", "Starts: A"], "one letter"),
    (
        "fact:high-table-twelve-seats",
        None,
        None,
        ["Initials: 1…", "One word of 2 letters.", "Starts: 12"],
        "a number that is not a year of release has no decade",
    ),
    (
        "fact:jw1-fantastic-fest-premiere",
        None,
        None,
        ["Initials: F. F. A. T.", "4 words, of 9, 4, 6 and 5 letters.", "Starts: Fanta… Fe… Aus… Tex…"],
        "brackets and commas are not letters",
    ),
    (
        "fact:jw1-original-title-scorn",
        "Xavier",
        None,
        ["Initials: X.", "One word of 6 letters.", "Starts: Xav…"],
        "an answer starting with X",
    ),
    (
        "released-first:jw1:jw2",
        None,
        "jw5",
        ["Initials: J. W.", "It is a film not yet released.", "Starts: Jo… Wi…"],
        "a work without a date",
    ),
]


@pytest.mark.parametrize(("qid", "answer", "record", "hints", "why"), HINTS, ids=[h[0] for h in HINTS])
def test_hints(
    franchise: Franchise,
    questions: dict[str, quiz.Question],
    qid: str,
    answer: str | None,
    record: str | None,
    hints: list[str],
    why: str,
) -> None:
    question = questions[qid]
    if answer is not None:
        question = replace(question, answer=answer)
    if record is not None:
        question = replace(question, answer_ids=(record,))
    assert [quiz.hint(question, franchise, n) for n in range(3)] == hints, why


GRADES = [
    # (question id, answer typed, correct, read as, why)
    ("cast:jw1:john-wick:keanu-reeves", "Reeves, Keanu", True, None, "surname first, after a comma"),
    ("crew:jw1:director", "Stahelski, Stahelski", False, "Chad Stahelski", "the same person twice is still wrong"),
    ("crew:jw1:director", "Leitch, Chad Stahelski", True, "David Leitch and Chad Stahelski", "two people, a comma"),
    ("role:jw4:hiroyuki-sanada", "Shimazu", True, "Shimazu Koji", "his alias, though another name holds it too"),
    ("role:jw4:hiroyuki-sanada", "Akira", False, "Akira", "his daughter"),
    ("fact:jw3-opening-weekend", "$56.8 million", True, None, "the answer"),
    (
        "fact:jw3-opening-weekend",
        "$56.8 billion",
        False,
        None,
        "a magnitude is a number: 'billion' is no typo of 'million'",
    ),
    ("fact:jw3-opening-weekend", "56.8 thousand", False, None, "nor is 'thousand'"),
    ("fact:jw4-opening-weekend-record", "$73.8 million", True, None, "the answer"),
    ("fact:jw4-opening-weekend-record", "$8.73 million", False, None, "the same digits in another order: another sum"),
    ("fact:jw1-us-release-date", "2014-10-24", True, "October 24, 2014", "a date in any usual spelling is that day"),
    ("fact:jw1-us-release-date", "2014-24-10", False, None, "its numbers swapped: no date at all"),
    ("fact:jw1-us-release-date", "10/24/2014", True, "October 24, 2014", "month first, as in the US"),
    ("fact:jw1-us-release-date", "24/10/2014", True, "October 24, 2014", "day first, as in Europe"),
    ("fact:jw1-us-release-date", "24.10.2014", True, "October 24, 2014", "with dots: no decimal number"),
    ("fact:jw1-us-release-date", "Oct. 24, 2014", True, "October 24, 2014", "a month's short name"),
    ("fact:jw1-us-release-date", "October 25, 2014", False, None, "another day"),
    ("fact:jw4-two-delays", "5/21/2021", True, "May 21, 2021", "unambiguous: 21 is no month"),
    ("fact:jw4-two-delays", "5/12/2021", False, None, "May 12 or December 5: neither is the day"),
    ("fact:franchise-crossed-one-billion", "May 2023", True, None, "a month, not a day: compared as words"),
    (
        "fact:jw1-us-release-date",
        "24 October 2014",
        True,
        None,
        "an accepted spelling, as written",
    ),
    ("fact:jw4-opening-weekend-record", "$73 8 million", False, None, "a decimal point is part of a sum"),
    ("fact:jw4-opening-weekend-record", "$73 million 8", False, None, "so is the order of its words"),
    ("fact:jw4-opening-weekend-record", "£73.8 million", False, None, "another currency"),
    ("fact:jw4-opening-weekend-record", "$73.08 million", False, None, "a leading zero after the point is a digit"),
    ("fact:jw4-opening-weekend-record", "73.8 million", True, None, "without the currency sign"),
    ("fact:jw4-opening-weekend-record", "$73.80 million", True, "$73.8 million", "a zero ending the decimals"),
    ("fact:parabellum-title-meaning", "If you want war, prepare for peace", False, None, "the saying reversed"),
    ("fact:parabellum-title-meaning", "Si vis bellum, para pacem", False, None, "in Latin too"),
    (
        "fact:parabellum-title-meaning",
        "if you want pease prepare for war",
        True,
        "If you want peace, prepare for war",
        "a typo",
    ),
    ("fact:daisy-played-by-male-beagle-andy", "Addy", False, None, "a name of the file (a character) is no typo"),
    ("fact:daisy-played-by-male-beagle-andy", "Anddy", True, "Andy", "a letter doubled is"),
    ("fact:continental-peacock-premiere", "9/22/2023", True, "September 22, 2023", "month first, no leading zero"),
    ("fact:continental-peacock-premiere", "9" * 4301, False, None, "a number too long to read as one: wrong, no crash"),
    (
        "fact:continental-peacock-premiere",
        "September 22 2023 \u1369",
        False,
        None,
        "a digit of another script: no crash",
    ),
    ("fact:jw4-longest-film-169-minutes", "2 hours 49 minutes", True, None, "an accepted spelling"),
    ("fact:jw4-longest-film-169-minutes", "49 hours 2 minutes", False, None, "its numbers swapped"),
    ("fact:jw4-longest-film-169-minutes", "2 hours and 49 minutes", True, None, "an 'and' where the answer is no list"),
    ("fact:anime-prequel-impossible-task", "The Impossible Task", True, None, "the answer"),
    (
        "fact:anime-prequel-impossible-task",
        "The Imposible Task",
        True,
        "The Impossible Task",
        "a letter dropped is a typo",
    ),
    ("fact:anime-prequel-impossible-task", "The Possible Task", False, None, "a typo keeps the first letter"),
    ("fact:jw4-premiere-blue-ribbons", "glue", False, None, "another word, not a typo: the first letter differs"),
    ("fact:jw4-premiere-blue-ribbons", "lbue", True, "Blue", "the first two letters swapped is still a typo"),
]


@pytest.mark.parametrize(("qid", "typed", "correct", "read_as", "why"), GRADES)
def test_names_typed_in_free_text(
    questions: dict[str, quiz.Question],
    resolver: Resolver,
    qid: str,
    typed: str,
    correct: bool,
    read_as: str | None,
    why: str,
) -> None:
    result = quiz.grade(questions[qid], typed, resolver, mode="free")
    assert (result.correct, result.read_as) == (correct, read_as), why


@pytest.mark.parametrize(
    ("qid", "options", "labels", "why"),
    [
        ("fact:jw4-cinemascore-a", ("A-", "A", "B+", "A+"), "1234", "an option that is a letter: numbered"),
        ("fact:high-table-twelve-seats", ("7", "9", "12", "15"), "abcd", "a one-digit option is not a letter"),
        ("fact:jw4-cinemascore-a", ("A-", "B+", "AB", "A+"), "abcd", "letters inside a longer option do not count"),
    ],
)
def test_option_labels(
    questions: dict[str, quiz.Question], qid: str, options: tuple[str, ...], labels: str, why: str
) -> None:
    assert quiz.labels(replace(questions[qid], options=options)) == labels, why


WRONG_NAMES = [
    # (answer typed to "Who plays John Wick in John Wick (2014)?", hints taken, how it was read, why)
    ("and", 1, None, "no word that could be a name: wrong, as typed, the hint still counted"),
    ("Zzyzx Qwerty", 2, None, "a name no record has: wrong, read as nothing"),
    ("Willem Dafoe", 1, "Willem Dafoe", "another person of the film: wrong, read as him"),
]


@pytest.mark.parametrize(("typed", "hints", "read_as", "why"), WRONG_NAMES, ids=[w[0] for w in WRONG_NAMES])
def test_a_wrong_name_is_kept_as_typed_with_its_hints(
    questions: dict[str, quiz.Question], resolver: Resolver, typed: str, hints: int, read_as: str | None, why: str
) -> None:
    """What a round's --json result shows of a wrong answer: the text typed, how it was read, the hints taken."""
    question = questions["cast:jw1:john-wick:keanu-reeves"]
    assert quiz.grade(question, typed, resolver, mode="free", hints=hints) == quiz.Grade(
        False, typed, read_as, hints
    ), why


@pytest.mark.parametrize(
    ("typed", "read_as", "why"),
    [
        ("Salt and Pepper", "The Duo", "an alias holding 'and' is one name, not two"),
        ("salt & pepper", "The Duo", "nor with '&', which reads as 'and'"),
        ("Salt", "The Duo", "a part of it alone is read as the duo, as a lookup reads it"),
    ],
)
def test_a_name_holding_and_is_one_answer(tmp_path: Path, typed: str, read_as: str, why: str) -> None:
    """A double act credited as one person: its alias with 'and' names it, not two people."""
    path = tmp_path / "duo.yaml"
    path.write_text(
        "format: 1\nfranchise: Duo\nworks: []\ncharacters: []\npeople:\n"
        "  - {id: duo, name: The Duo, aliases: [Salt and Pepper], sources: [https://example.org/p]}\n"
    )
    question = quiz.Question(
        id="role:duo",
        category="cast",
        difficulty="hard",
        prompt="Who plays the twins?",
        answer="The Duo",
        sources=(),
        answer_ids=("duo",),
        answer_kind="person",
    )
    result = quiz.grade(question, typed, Resolver(loader.load(str(path))), mode="free")
    assert (result.correct, result.read_as) == (True, read_as), why


DATE_GRADES = [
    # (a written answer that is a day, the answer typed, correct, why)
    ("January 1, 2020", "1/1/2020", True, "the first day of the first month is a day"),
    ("December 31, 2020", "12/31/2020", True, "and the last day of the last month"),
    ("December 31, 2020", "31/12/2020", True, "31 first is a day, not a year"),
    ("January 13, 2020", "13/1/2020", True, "13 is no month: only January 13"),
    ("January 1, 2020", "ja 1 2020", False, "two letters are no month"),
    ("January 1, 2020", "1/1/" + "9" * 4301, False, "a year too long to read as a number: wrong, no crash"),
    ("October 24, 2014", "Octobr 24, 2014", False, "a month is never a typo: 'Octobr' is not October"),
]


@pytest.mark.parametrize(("answer", "typed", "correct", "why"), DATE_GRADES, ids=[d[3] for d in DATE_GRADES])
def test_days_typed_in_free_text(resolver: Resolver, answer: str, typed: str, correct: bool, why: str) -> None:
    question = quiz.Question(
        id="fact:day", category="trivia", difficulty="medium", prompt="When?", answer=answer, sources=()
    )
    assert quiz.grade(question, typed, resolver, mode="free").correct == correct, why


def test_a_choice_that_picks_no_option_is_kept_as_typed(
    questions: dict[str, quiz.Question], resolver: Resolver
) -> None:
    """A round's --json result shows what was typed when it picked none of the options."""
    question = replace(
        questions["crew:jw1:director"], options=("Chad Stahelski", "Derek Kolstad", "Tyler Bates", "Keanu Reeves")
    )
    assert quiz.grade(question, "z", resolver) == quiz.Grade(False, "z")


def test_who_plays_offers_the_rest_of_the_cast_in_billing_order(questions: dict[str, quiz.Question]) -> None:
    assert questions["cast:jw1:john-wick:keanu-reeves"].distractors[:5] == (
        "Michael Nyqvist",
        "Alfie Allen",
        "Adrianne Palicki",
        "Bridget Moynahan",
        "Dean Winters",
    )


def test_a_part_several_actors_share_in_one_work_is_not_asked(questions: dict[str, quiz.Question]) -> None:
    """Zero's shinobi are played by several actors in Parabellum: 'who plays them' has no single answer."""
    assert not [q for q in questions if q.startswith("cast:jw3:zeros-shinobi:")]


def test_which_part_offers_the_work_other_parts_in_billing_order(questions: dict[str, quiz.Question]) -> None:
    assert questions["role:jw1:clarke-peters"].distractors[:4] == (
        "John Wick",
        "Viggo Tarasov",
        "Iosef Tarasov",
        "Ms. Perkins",
    )


HINTED_GRADES = [
    # (question id, typed, hints taken, the grade, its points, why)
    ("cast:jw1:john-wick:keanu-reeves", "?!", 2, quiz.Grade(False, "?!", None, 2), 0.0, "no words: wrong, as typed"),
    (
        "cast:jw1:john-wick:keanu-reeves",
        "keanu reeves",
        1,
        quiz.Grade(True, "keanu reeves", None, 1),
        0.75,
        "a right name: as typed, a quarter of the point off for the hint",
    ),
    (
        "cast:jw1:john-wick:keanu-reeves",
        "Keanu Reevs",
        3,
        quiz.Grade(True, "Keanu Reevs", "Keanu Reeves", 3),
        0.25,
        "a typo forgiven: read as the name, hints kept",
    ),
    (
        "cast:jw1:john-wick:keanu-reeves",
        "Keanu",
        1,
        quiz.Grade(True, "Keanu", "Keanu Reeves", 1),
        0.75,
        "a part of the name, read as a lookup reads it: as typed, read as the name, hints kept",
    ),
    ("release:jw1", "1999", 1, quiz.Grade(False, "1999", None, 1), 0.0, "a wrong year: as typed, hints kept"),
    ("release:jw1", "2014", 2, quiz.Grade(True, "2014", None, 2), 0.5, "the right year with two hints"),
]


@pytest.mark.parametrize(
    ("qid", "typed", "hints", "grade", "points", "why"), HINTED_GRADES, ids=[f"{g[0]}:{g[1]}" for g in HINTED_GRADES]
)
def test_a_grade_keeps_what_was_typed_and_the_hints_taken(
    questions: dict[str, quiz.Question],
    resolver: Resolver,
    qid: str,
    typed: str,
    hints: int,
    grade: quiz.Grade,
    points: float,
    why: str,
) -> None:
    given = quiz.grade(questions[qid], typed, resolver, mode="free", hints=hints)
    assert given == grade, why
    assert given.points == points, why


def test_a_round_in_each_mode_asks_what_that_mode_can(franchise: Franchise) -> None:
    """Choice rounds ask the questions that cannot be written freely too; free rounds offer no options."""
    choice = quiz.select(franchise, random.Random(1), 10_000, mode="choice")
    free = quiz.select(franchise, random.Random(1), 10_000, mode="free")
    assert sorted(q.id for q in choice if not q.free) == ["set:jw1", "set:jw2", "set:jw4"]
    assert all(q.options for q in choice)
    assert all(q.free and not q.options for q in free)


def test_a_round_seen_through_a_work_asks_only_of_the_works_out_by_then(franchise: Franchise) -> None:
    """--seen-through Chapter 2: John Wick, the game released before Chapter 2, and Chapter 2; nothing later."""
    drawn = quiz.select(franchise, random.Random(1), 10_000, seen_through=franchise.work("jw2"))
    assert {w for q in drawn for w in q.works} == {"jw1", "john-wick-chronicles", "jw2"}
