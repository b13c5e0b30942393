"""The quiz engine: questions from the knowledge file, fair options, reproducible rounds, fair grading."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from wickcli import loader, quiz
from wickcli.model import Franchise
from wickcli.resolve import Resolver

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
    assert question.distractors == ("2015", "2013", "2016", "2012", "2017", "2011")


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
    assert len(round_) == 9


def test_other_franchise_makes_questions() -> None:
    mini = loader.load(str(MINI))
    ids = {q.id for q in quiz.all_questions(mini)}
    assert "cast:hl1:ellen-gray:ada-voss" in ids
    assert "fact:hl-lighthouse" in ids


GRADES = [
    # (question id, answer typed, correct, read as)
    ("cast:ballerina:eve-macarro:ana-de-armas", "ana de armas", True, None),
    ("cast:ballerina:eve-macarro:ana-de-armas", "Anna de Armas", True, "Ana de Armas"),
    ("cast:jw1:john-wick:keanu-reeves", "Keanu Reevs", True, "Keanu Reeves"),
    ("cast:jw1:john-wick:keanu-reeves", "KEANU REEVES", True, None),
    ("cast:jw1:john-wick:keanu-reeves", "Ian McShane", False, None),
    ("cast:jw1:john-wick:keanu-reeves", "Laurence Fishburne", False, None),
    ("cast:jw1:john-wick:keanu-reeves", "", False, None),
    ("cast:jw1:john-wick:keanu-reeves", "xyzzy", False, None),
    ("role:jw3:halle-berry", "sofia", True, "Sofia Al-Azwar"),
    ("role:jw3:halle-berry", "The Director", False, None),
    ("crew:jw1:director", "David Leitch", True, None),
    ("crew:jw1:director", "Chad Stahelski", True, None),
    ("crew:jw1:director", "Len Wiseman", False, None),
    ("release:ballerina", "2025", True, None),
    ("release:ballerina", "2024", False, None),
    ("fact:jw4-worldwide-gross", "$440.1 million", True, None),
    ("fact:jw4-worldwide-gross", "440.1 million", True, None),
    ("fact:jw4-worldwide-gross", "$400 million", False, None),
    ("fact:jw4-cinemascore-a", "a", True, None),
    ("fact:jw4-cinemascore-a", "A-", False, None),
]


@pytest.mark.parametrize(("qid", "typed", "correct", "read_as"), GRADES)
def test_free_text_grading(
    questions: dict[str, quiz.Question], resolver: Resolver, qid: str, typed: str, correct: bool, read_as: str | None
) -> None:
    result = quiz.grade(questions[qid], typed, resolver, mode="free")
    assert (result.correct, result.read_as) == (correct, read_as)


@pytest.mark.parametrize(("typed", "correct"), [("d", True), ("D)", True), ("4", True), ("a", False), ("e", False)])
def test_choice_grading_by_letter_or_number(
    questions: dict[str, quiz.Question], resolver: Resolver, typed: str, correct: bool
) -> None:
    question = questions["release:jw1"]
    question = quiz.Question(**{**question.__dict__, "options": ("2012", "2013", "2015", "2014")})
    assert quiz.grade(question, typed, resolver).correct is correct
