"""The quiz engine: questions from the knowledge file, fair options, reproducible rounds, fair grading."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from wickcli import loader, quiz
from wickcli.model import Franchise
from wickcli.resolve import Resolver, normalise

from .conftest import MINI


@pytest.fixture(scope="module")
def questions(franchise: Franchise, resolver: Resolver) -> dict[str, quiz.Question]:
    return {q.id: q for q in quiz.all_questions(franchise, resolver)}


def test_every_category_has_questions(questions: dict[str, quiz.Question]) -> None:
    assert set(Counter(q.category for q in questions.values())) == set(quiz.CATEGORIES)


def test_every_question_has_a_source(questions: dict[str, quiz.Question]) -> None:
    assert [q.id for q in questions.values() if not q.sources] == []


def test_same_seed_same_round(franchise: Franchise) -> None:
    first = quiz.select(franchise, random.Random(42), 10)
    again = quiz.select(franchise, random.Random(42), 10)
    assert [(q.id, q.options) for q in first] == [(q.id, q.options) for q in again]


def test_round_spreads_over_categories(franchise: Franchise) -> None:
    round_ = quiz.select(franchise, random.Random(1), 10)
    assert len({q.category for q in round_}) == 5


@pytest.mark.parametrize("seed", range(20))
def test_options_hold_the_answer_once_and_no_duplicates(franchise: Franchise, seed: int) -> None:
    for question in quiz.select(franchise, random.Random(seed), 15):
        fold = quiz.answer_key(question.answer)
        keys = [fold(o) for o in question.options]
        assert keys.count(fold(question.answer)) == 1
        assert len(keys) == len(set(keys))
        assert 2 <= len(keys) <= 4


def test_cast_distractors_are_people(franchise: Franchise, questions: dict[str, quiz.Question]) -> None:
    people = {p.name for p in franchise.people}
    question = questions["cast:jw1:john-wick:keanu-reeves"]
    assert question.prompt == "Who plays John Wick in John Wick (2014)?"
    assert set(question.distractors) <= people
    assert "Keanu Reeves" not in question.distractors


def test_release_year_distractors_are_nearby_years(questions: dict[str, quiz.Question]) -> None:
    question = questions["release:jw1"]
    assert question.answer == "2014"
    assert question.distractors == ("2015", "2016", "2017", "2018", "2019", "2020")  # none before the first film


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        ({"categories": ["crew"]}, lambda q: q.category == "crew"),
        ({"difficulty": "easy"}, lambda q: q.difficulty == "easy"),
        ({"mode": "free"}, lambda q: q.free),
    ],
)
def test_filters(franchise: Franchise, filters: dict[str, object], check: object) -> None:
    round_ = quiz.select(franchise, random.Random(5), 10, **filters)  # type: ignore[arg-type]
    assert round_ and all(check(q) for q in round_)  # type: ignore[operator]


def test_seen_through_leaves_out_later_works(franchise: Franchise) -> None:
    jw2 = franchise.work("jw2")
    round_ = quiz.select(franchise, random.Random(3), 500, seen_through=jw2)
    assert round_
    assert {w for q in round_ for w in q.works} <= {"jw1", "jw2"}


def test_short_round_when_few_questions_match(franchise: Franchise) -> None:
    round_ = quiz.select(franchise, random.Random(3), 50, categories=["release"])
    assert len(round_) == 5  # nine release questions, but only five different years: each answer once a round


def test_other_franchise_makes_questions() -> None:
    mini = loader.load(str(MINI))
    ids = {q.id for q in quiz.all_questions(mini)}
    assert "cast:hl1:ellen-gray:ada-voss" in ids
    assert "fact:hl-lighthouse" in ids


JW1 = "cast:jw1:john-wick:keanu-reeves"
HARRY = "role:jw1:clarke-peters"
WINSTON = "role:jw1:ian-mcshane"
DIRECTORS = "crew:jw1:director"
DELAYED = "fact:jw4-two-delays"
TWINS = "fact:continental-frankie-killed-by-twins"
BETWEEN = "fact:ballerina-set-between-ch3-and-ch4"

GRADES = [
    # (question id, answer typed, correct, read as, why)
    # cast: a person's name, typos forgiven, every word typed must be in the name
    (JW1, "Keanu Reeves", True, None, "the answer as written"),
    (JW1, "KEANU REEVES", True, None, "case does not matter"),
    (JW1, "Keanu Reevs", True, "Keanu Reeves", "a dropped letter is one typo"),
    (JW1, "Kaenu Reeves", True, "Keanu Reeves", "a swap of two letters is one typo"),
    (JW1, "Reeves", True, "Keanu Reeves", "a surname alone names him"),
    (JW1, "Keanu Reeves Jr", False, None, "a word the name lacks"),
    (JW1, "Ian McShane", False, "Ian McShane", "another actor, and the feedback says who"),
    (JW1, "", False, None, "nothing typed"),
    (JW1, "the", False, None, "only a stopword"),
    (JW1, "xyzzy", False, None, "nobody"),
    ("cast:ballerina:javier:david-castaneda", "david castaneda", True, None, "accents and case folded"),
    ("cast:ballerina:javier:david-castaneda", "Davd Castañeda", True, "David Castañeda", "one typo"),
    ("role:ballerina:ana-de-armas", "Eve", True, "Eve Macarro", "a part shared with a younger self is still hers"),
    # cast: a character's name
    (HARRY, "Harry", True, None, "the character"),
    (HARRY, "Harry Potter", False, None, "a word the answer lacks"),
    (WINSTON, "Winston", True, "Winston Scott", "his first name alone"),
    (WINSTON, "Winston Potter", False, None, "a word the answer lacks"),
    (WINSTON, "Winstn Scott", True, "Winston Scott", "one typo"),
    ("role:jw1:lance-reddick", "Chraon", True, "Charon", "a swap is one typo"),
    ("role:jw1:willem-dafoe", "Macrus", True, "Marcus", "a swap is one typo"),
    ("role:ballerina:david-castaneda", "Jaiver", True, "Javier", "a swap is one typo"),
    ("role:jw3:halle-berry", "sofia", True, "Sofia Al-Azwar", "her first name"),
    ("role:jw3:halle-berry", "The Director", False, "The Director", "another character"),
    # crew: several people, in any order, one of them is enough, every one typed must be right
    (DIRECTORS, "Chad Stahelski and David Leitch", True, None, "both, as credited"),
    (DIRECTORS, "David Leitch & Chad Stahelski", True, None, "the other order, with &"),
    (DIRECTORS, "Stahelski, Leitch", True, "Chad Stahelski and David Leitch", "surnames joined by a comma"),
    (DIRECTORS, "Stahelski and Leitch", True, "Chad Stahelski and David Leitch", "surnames joined by and"),
    (DIRECTORS, "David Leitch", True, None, "one of the two is enough"),
    (DIRECTORS, "Chad Stahelski", True, None, "one of the two is enough"),
    (DIRECTORS, "Stahelski and Len Wiseman", False, "Len Wiseman", "one right and one wrong is wrong"),
    (DIRECTORS, "Stahelski and Stahelski", False, "Chad Stahelski", "the same person twice"),
    (DIRECTORS, "Len Wiseman", False, "Len Wiseman", "someone else"),
    # release: a year, exactly
    ("release:ballerina", "2025", True, None, "the year"),
    ("release:ballerina", "2024", False, None, "a year off is wrong"),
    ("release:ballerina", "2025 2024", False, None, "a second year"),
    ("release:jw1", "two thousand fourteen", False, None, "a year is typed in digits"),
    # timeline: a work, by title or nickname
    ("released-first:jw1:jw2", "John Wick", True, None, "the exact title, though other titles start with it"),
    ("released-first:jw1:jw2", "John Wick: Chapter 2", False, "John Wick: Chapter 2", "the other film"),
    ("released-first:jw2:jw3", "Chapter 2", True, "John Wick: Chapter 2", "part of the title"),
    ("released-first:jw2:jw3", "Chapter 3", False, "John Wick: Chapter 3 – Parabellum", "numbers must match"),
    # trivia: dates, sums, short codes, phrases
    (DELAYED, "May 21, 2021", True, None, "the date as written"),
    (DELAYED, "21 May 2021", True, None, "another order of the same date"),
    (DELAYED, "2021-05-21", True, "May 21, 2021", "an ISO date, read as the day"),
    (DELAYED, "June 21, 2021", False, None, "another month"),
    (DELAYED, "May 22, 2021", False, None, "another day"),
    (DELAYED, "May 2021", False, None, "the day is missing"),
    ("fact:jw4-worldwide-gross", "$440.1 million", True, None, "the sum as written"),
    ("fact:jw4-worldwide-gross", "440.1 million", True, None, "without the dollar sign"),
    ("fact:jw4-worldwide-gross", "$400 million", False, None, "another number"),
    ("fact:jw4-worldwide-gross", "$440.1 million million", False, None, "a word typed twice must be there twice"),
    ("fact:jw4-cinemascore-a", "a", True, None, "a grade by case only"),
    ("fact:jw4-cinemascore-a", "A-", False, None, "a grade with a sign is another grade"),
    (TWINS, "Hansel and Gretel", True, None, "both twins"),
    (TWINS, "Gretel & Hansel", True, None, "in the other order"),
    (TWINS, "Hansel", False, None, "the question asks for both"),
    (TWINS, "Hansel and Frankie", False, None, "a wrong second"),
    (BETWEEN, "Chapter 4 and Chapter 3", True, None, "two films in the other order"),
    (BETWEEN, "Chapter 2 and Chapter 3", False, None, "numbers must match"),
    ("fact:jw1-us-release-date", "Oct 24 2014", True, "October 24, 2014", "a short month"),
    ("fact:jw1-us-release-date", "October 24, 2015", False, None, "another year"),
    ("fact:parabellum-ending", "Winston Scott", True, None, "an accepted form"),
    ("fact:parabellum-ending", "Winston Potter", False, None, "a word the answer lacks"),
    ("fact:jw4-billion-franchise", "John Wick 4", True, None, "an accepted short title"),
    ("fact:jw4-billion-franchise", "Chapter 4", True, None, "an accepted short title"),
    ("fact:jw4-billion-franchise", "Chapter 3", False, "John Wick: Chapter 3 – Parabellum", "another film"),
    # names read as a lookup reads them (the resolver's rules), where the grader once read them its own way
    ("cast:jw4:killa-harkan:scott-adkins", "Adkins", True, "Scott Adkins", "his surname, not one typo from Askins"),
    ("cast:jw2:cassian:common", "Lonnie", True, "Common", "his given name, not a typo of Donnie"),
    ("cast:jw4:shimazu-koji:hiroyuki-sanada", "Sana", True, "Hiroyuki Sanada", "a word start beats a typo of Ana"),
    ("role:jw3:jason-mantzoukas", "Tick", True, "Tick Tock Man", "a word of his name, not a typo of Wick"),
    ("role:jw2:peter-stormare", "Tarsov", True, "Abram Tarasov", "his own alias, not a typo of Viggo's name"),
    ("cast:jw4:caine:donnie-yen", "Yen", False, None, "exactly a character's name: a person lookup declines it"),
    ("crew:jw3:writer", "Abram", False, None, "exactly a character's name, only a typo of Marc Abrams"),
    ("released-first:jw2:jw3", "2", False, None, "a bare number names no work in a lookup"),
]


@pytest.mark.parametrize(("qid", "typed", "correct", "read_as", "why"), GRADES)
def test_free_text_grading(
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
    ("typed", "correct"), [("d", True), ("D)", True), ("2014", True), ("a", False), ("2012", False)]
)
def test_choice_grading_by_letter_or_text(
    questions: dict[str, quiz.Question], resolver: Resolver, typed: str, correct: bool
) -> None:
    question = questions["release:jw1"]
    question = quiz.Question(**{**question.__dict__, "options": ("2012", "2013", "2015", "2014")})
    assert quiz.grade(question, typed, resolver).correct is correct


@pytest.mark.parametrize("typed", ["e", "", "5", "z", "ab", "2016"])
def test_choice_answer_that_picks_no_option(questions: dict[str, quiz.Question], typed: str) -> None:
    question = quiz.Question(**{**questions["release:jw1"].__dict__, "options": ("2012", "2013", "2015", "2014")})
    assert quiz.read_choice(question, typed) is None


@pytest.mark.parametrize(("typed", "correct"), [("2", True), ("a", True), ("A", True), ("1", False), ("b", False)])
def test_single_letter_answers_get_numbered_options(
    questions: dict[str, quiz.Question], resolver: Resolver, typed: str, correct: bool
) -> None:
    question = quiz.Question(**{**questions["fact:jw4-cinemascore-a"].__dict__, "options": ("A-", "A", "B+", "A+")})
    assert quiz.labels(question) == "1234"
    assert quiz.grade(question, typed, resolver).correct is correct


def test_crew_distractors_did_the_same_job(franchise: Franchise, questions: dict[str, quiz.Question]) -> None:
    for question in questions.values():
        if question.category == "crew":
            job = question.id.split(":")[2]
            did_it = {franchise.person(c.person).name for w in franchise.works for c in w.crew if c.job == job}
            assert set(question.distractors) <= did_it, question.id


def test_cast_distractors_are_the_same_works_cast(franchise: Franchise, questions: dict[str, quiz.Question]) -> None:
    for question in questions.values():
        if question.id.startswith("cast:"):
            work = franchise.work(question.works[0])
            cast = {franchise.person(c.person).name for c in franchise.credits_of(work)}
            assert set(question.distractors) <= cast - {question.answer}, question.id


def test_year_distractors_stay_within_the_franchise(franchise: Franchise, questions: dict[str, quiz.Question]) -> None:
    first = min(r.date.year for w in franchise.works for r in w.releases)
    assert franchise.data_as_of is not None
    for question in questions.values():
        if question.category == "release":
            assert all(first <= int(y) <= franchise.data_as_of.year for y in question.distractors), question.id


def test_no_credit_note_in_a_prompt(franchise: Franchise, questions: dict[str, quiz.Question]) -> None:
    notes = {f"({c.note})" for c in franchise.credits if c.note}
    assert "(cameo)" in notes
    assert [q.prompt for q in questions.values() if any(n in q.prompt for n in notes)] == []


@pytest.mark.parametrize("seed", range(15))
def test_no_question_gives_away_another(franchise: Franchise, resolver: Resolver, seed: int) -> None:
    round_ = quiz.select(franchise, random.Random(seed), 25)
    answers = [normalise(q.answer) for q in round_]
    assert len(answers) == len(set(answers))
    for question in round_:
        prompt = f" {normalise(question.prompt)} "
        assert [a for a in answers if a != normalise(question.answer) and f" {a} " in prompt] == []


@pytest.mark.parametrize(
    ("qid", "difficulty", "why"),
    [
        ("cast:jw1:john-wick:keanu-reeves", "easy", "the lead of every main film"),
        ("cast:jw4:winston-scott:ian-mcshane", "easy", "a recurring character, whatever the billing"),
        ("cast:jw4:charon:lance-reddick", "easy", "a recurring character"),
        ("cast:jw1:harry:clarke-peters", "hard", "a one-film part"),
        ("crew:jw1:director", "easy", "directors are well known"),
        ("crew:jw1:composer", "hard", "composers less so"),
    ],
)
def test_difficulty_follows_how_well_known_a_fact_is(
    questions: dict[str, quiz.Question], qid: str, difficulty: str, why: str
) -> None:
    assert questions[qid].difficulty == difficulty, why


def test_only_the_requested_categories_are_made(franchise: Franchise) -> None:
    assert {q.category for q in quiz.all_questions(franchise, categories=["crew", "release"])} == {"crew", "release"}


@pytest.mark.parametrize(
    ("qid", "hints"),
    [
        (
            "cast:jw1:john-wick:keanu-reeves",
            ["Initials: K. R.", "Also in John Wick: Chapter 2 (2017).", "Starts: Kea… Ree…"],
        ),
        ("release:jw1", ["Initials: 2…", "The 2010s.", "Starts: 20…"]),
        ("released-first:jw1:jw2", ["Initials: J. W.", "It came out in 2014.", "Starts: Jo… Wi…"]),
        ("fact:jw4-two-delays", ["Initials: M. 2… 2…", "3 words, of 3, 2 and 4 letters.", "Starts: Ma… 21 20…"]),
    ],
)
def test_hints_come_in_order_then_run_out(
    franchise: Franchise, questions: dict[str, quiz.Question], qid: str, hints: list[str]
) -> None:
    given = [quiz.hint(questions[qid], franchise, n) for n in range(4)]
    assert given == [*hints, None]


@pytest.mark.parametrize(("hints", "points"), [(0, 1.0), (1, 0.75), (2, 0.5), (3, 0.25)])
def test_a_hinted_right_answer_scores_less(
    questions: dict[str, quiz.Question], resolver: Resolver, hints: int, points: float
) -> None:
    result = quiz.grade(questions["release:jw1"], "2014", resolver, mode="free", hints=hints)
    assert (result.correct, result.points) == (True, points)


def test_every_answer_and_accepted_form_grades_right(questions: dict[str, quiz.Question], resolver: Resolver) -> None:
    refused = [
        (q.id, a)
        for q in questions.values()
        if q.free
        for a in (q.answer, *q.accept)
        if not quiz.grade(q, a, resolver, mode="free").correct
    ]
    assert refused == []


def test_no_wrong_option_grades_right_when_typed(questions: dict[str, quiz.Question], resolver: Resolver) -> None:
    accepted = [
        (q.id, d) for q in questions.values() for d in q.distractors if quiz.grade(q, d, resolver, mode="free").correct
    ]
    assert accepted == []
