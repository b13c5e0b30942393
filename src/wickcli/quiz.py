"""Quiz questions made from the knowledge file, and fair grading. Pure: no I/O, seeded by a Random."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from .errors import Ambiguous, NotFound
from .model import Franchise, Record, Work, kind_of
from .resolve import Resolver, normalise

CATEGORIES = ("cast", "crew", "release", "timeline", "trivia")
DIFFICULTIES = ("easy", "medium", "hard")
MODES = ("choice", "free")
LETTERS = "abcd"
_DIGITS = re.compile(r"\d+")
_JOB_PROMPTS = {"director": "Who directed {}?", "writer": "Who wrote {}?", "composer": "Who composed the music for {}?"}
_JOB_DIFFICULTY = {"director": "easy", "writer": "medium", "composer": "hard"}


@dataclass(frozen=True)
class Question:
    """One question: its prompt, the right answer, how to grade it, and where the answer comes from."""

    id: str
    category: str
    difficulty: str
    prompt: str
    answer: str
    sources: tuple[str, ...]
    works: tuple[str, ...] = ()
    """Works the question reveals something about (for --seen-through)."""
    answer_ids: tuple[str, ...] = ()
    """Records that are right answers, when the answer is a record: graded through the resolver."""
    answer_kind: str | None = None
    accept: tuple[str, ...] = ()
    """Other ways to write a right answer that is not a record."""
    distractors: tuple[str, ...] = ()
    """Plausible wrong answers of the same kind, best first."""
    free: bool = True
    """Whether the question can be answered in free text."""
    options: tuple[str, ...] = field(default=(), compare=False)

    def with_options(self, rng: random.Random) -> Question:
        """The question with its multiple-choice options drawn and shuffled."""
        fold = answer_key(self.answer)
        wrong = {fold(d): d for d in reversed(self.distractors) if fold(d) != fold(self.answer)}
        picked = list(reversed(wrong.values()))[:6]
        rng.shuffle(picked)
        options = [self.answer, *picked[:3]]
        rng.shuffle(options)
        return replace(self, options=tuple(options))


@dataclass(frozen=True)
class Grade:
    """The result of one answer."""

    correct: bool
    given: str
    read_as: str | None = None
    """What a forgiven typo or alias was read as, when it differs from what was typed."""


def answer_key(answer: str) -> Callable[[str], str]:
    """How answers compare: short codes such as grades ("A", "A-", "B+") by case only, the rest normalised."""
    return str.casefold if len(answer) <= 3 and not answer.isdigit() else normalise


def _difficulty_by_billing(billing: int | None, shift: int = 0) -> str:
    level = 0 if billing is not None and billing <= 3 else 1 if billing is not None and billing <= 8 else 2
    return DIFFICULTIES[min(level + shift, 2)]


def _year_distractors(year: int) -> tuple[str, ...]:
    return tuple(str(year + d) for d in (1, -1, 2, -2, 3, -3))


def _cast_questions(franchise: Franchise) -> Iterator[Question]:
    actors = [franchise.person(i) for i in dict.fromkeys(c.person for c in franchise.credits)]
    for credit in franchise.credits:
        work = franchise.work(credit.work)
        if work.status != "released":
            continue
        character = franchise.character(credit.character)
        person = franchise.person(credit.person)
        role = [c for c in franchise.credits if c.work == work.id and c.character == character.id]
        same_role = {c.person for c in role}
        if not credit.note and sum(not c.note for c in role) > 1:
            continue  # two actors share the part with nothing to tell them apart
        cast_of_work = [franchise.person(c.person) for c in franchise.credits_of(work) if c.person not in same_role]
        others = [p for p in actors if p.id not in same_role and p not in cast_of_work]
        part = f"{character.name} ({credit.note})" if credit.note else character.name
        yield Question(
            id=f"cast:{work.id}:{character.id}:{person.id}",
            category="cast",
            difficulty=_difficulty_by_billing(credit.billing),
            prompt=f"Who plays {part} in {work.display_title}?",
            answer=person.name,
            sources=credit.sources,
            works=(work.id,),
            answer_ids=(person.id,),
            answer_kind="person",
            distractors=tuple(p.name for p in [*cast_of_work, *others]),
        )
        roles_in_work = {c.character for c in franchise.credits if c.work == work.id and c.person == person.id}
        if len(roles_in_work) == 1:
            other_parts = [
                franchise.character(c.character).name for c in franchise.credits_of(work) if c.character != character.id
            ]
            yield Question(
                id=f"role:{work.id}:{person.id}",
                category="cast",
                difficulty=_difficulty_by_billing(credit.billing, shift=1),
                prompt=f"Which character does {person.name} play in {work.display_title}?",
                answer=character.name,
                sources=credit.sources,
                works=(work.id,),
                answer_ids=(character.id,),
                answer_kind="character",
                distractors=tuple(dict.fromkeys(other_parts)),
            )


def _crew_questions(franchise: Franchise) -> Iterator[Question]:
    for work in franchise.works_by_release:
        for job, template in _JOB_PROMPTS.items():
            people = [franchise.person(c.person) for c in work.crew if c.job == job]
            if not people:
                continue
            ids = {p.id for p in people}
            crew = [
                (c.job == job, franchise.person(c.person))
                for w in franchise.works
                for c in w.crew
                if c.person not in ids
            ]
            peers = [p for same_job, p in sorted(crew, key=lambda jc: not jc[0])]
            rest = [p for p in franchise.people if p.id not in ids]
            yield Question(
                id=f"crew:{work.id}:{job}",
                category="crew",
                difficulty=_JOB_DIFFICULTY[job],
                prompt=template.format(work.display_title if work.year else work.title),
                answer=people[0].name,
                sources=tuple(s for c in work.crew if c.job == job for s in c.sources) or work.sources,
                works=(work.id,),
                answer_ids=tuple(sorted(ids)),
                answer_kind="person",
                distractors=tuple(p.name for p in dict.fromkeys([*peers, *rest])),
            )


def _release_questions(franchise: Franchise) -> Iterator[Question]:
    from .answers import main_release

    for work in franchise.works_by_release:
        release = main_release(work)
        if release is None or release.status != "released":
            continue
        yield Question(
            id=f"release:{work.id}",
            category="release",
            difficulty="easy" if work.kind == "film" else "medium",
            prompt=f"In what year was {work.title} first released ({release.region} {release.medium})?",
            answer=str(release.date.year),
            sources=release.sources or work.sources,
            works=(work.id,),
            distractors=_year_distractors(release.date.year),
        )


def _which_first(
    works: Sequence[Work], kind: str, template: str, difficulty: Callable[[Work, Work], str]
) -> Iterator[Question]:
    """For every pair of works in order: which one comes first (the earlier one is the answer)."""
    for i, first in enumerate(works):
        for second in works[i + 1 :]:
            yield Question(
                id=f"{kind}:{first.id}:{second.id}",
                category="timeline",
                difficulty=difficulty(first, second),
                prompt=template.format(first=first.title, second=second.title),
                answer=first.title,
                sources=(*first.sources[:1], *second.sources[:1]),
                works=(first.id, second.id),
                answer_ids=(first.id,),
                answer_kind="work",
                distractors=(second.title,),
            )


def _timeline_questions(franchise: Franchise) -> Iterator[Question]:
    released = [w for w in franchise.works_by_release if w.status == "released"]
    yield from _which_first(
        released,
        "released-first",
        "Which came out first: {first} or {second}?",
        lambda a, b: "easy" if a.year != b.year else "hard",
    )
    placed = [w for w in franchise.works_by_story if w.story.order is not None and w.status == "released"]
    yield from _which_first(
        placed, "story-first", "Which is set earlier in the story: {second} or {first}?", lambda a, b: "medium"
    )
    settings = [w for w in placed if w.story.set]
    for work in settings:
        yield Question(
            id=f"set:{work.id}",
            category="timeline",
            difficulty="hard",
            prompt=f"When in the story is {work.title} set?",
            answer=work.story.set or "",
            sources=work.sources,
            works=(work.id,),
            distractors=tuple(w.story.set or "" for w in settings if w is not work),
            free=False,
        )


def _is_number(text: str) -> bool:
    return bool(_DIGITS.search(text))


def _trivia_questions(franchise: Franchise, resolver: Resolver) -> Iterator[Question]:
    quizzable = [f for f in franchise.facts if f.question and f.answer]
    for fact in quizzable:
        assert fact.answer is not None and fact.question is not None
        record = _exact_record(resolver, fact.answer)
        if fact.choices:
            distractors: tuple[str, ...] = fact.choices
        elif record is not None:
            distractors = tuple(_display(r) for r in franchise.records() if type(r) is type(record) and r is not record)
        else:
            distractors = tuple(
                f.answer
                for f in quizzable
                if f is not fact
                and f.answer
                and set(f.tags) & set(fact.tags)
                and _is_number(f.answer) == _is_number(fact.answer)
            )
        works = tuple(a for a in fact.about if isinstance(franchise.get(a), Work))
        yield Question(
            id=f"fact:{fact.id}",
            category="trivia",
            difficulty="hard" if "box-office" in fact.tags else "medium",
            prompt=fact.question,
            answer=fact.answer,
            sources=fact.sources,
            works=(*works, *((fact.spoils,) if fact.spoils else ())),
            answer_ids=(record.id,) if record else (),
            answer_kind=kind_of(record) if record else None,
            accept=fact.accept,
            distractors=distractors,
        )


def _exact_record(resolver: Resolver, text: str) -> Record | None:
    """The record whose own name (not a nickname) an answer is, if there is exactly one."""
    named = [r for r in resolver.named(text) if normalise(_display(r)) == normalise(text)]
    return named[0] if len(named) == 1 else None


def all_questions(franchise: Franchise, resolver: Resolver | None = None) -> list[Question]:
    """Every question the knowledge file can answer, in a stable order."""
    return [
        *_cast_questions(franchise),
        *_crew_questions(franchise),
        *_release_questions(franchise),
        *_timeline_questions(franchise),
        *_trivia_questions(franchise, resolver or Resolver(franchise)),
    ]


def _seen(franchise: Franchise, question: Question, through: Work | None) -> bool:
    if through is None:
        return True
    limit = franchise.release_rank(through.id)
    return all(franchise.work(w).first_release and franchise.release_rank(w) <= limit for w in question.works)


def select(
    franchise: Franchise,
    rng: random.Random,
    count: int,
    categories: Sequence[str] = (),
    difficulty: str | None = None,
    mode: str = "choice",
    seen_through: Work | None = None,
    first: Iterable[str] = (),
) -> list[Question]:
    """A round: questions drawn evenly across categories, with ids in ``first`` asked before the rest."""
    pool = [
        q
        for q in all_questions(franchise)
        if (not categories or q.category in categories)
        and (difficulty is None or q.difficulty == difficulty)
        and (mode == "choice" or q.free)
        and _seen(franchise, q, seen_through)
    ]
    if mode == "choice":
        pool = [q for q in pool if len(set(q.distractors)) >= 1]
    by_id = {q.id: q for q in pool}
    chosen = [by_id[i] for i in first if i in by_id][:count]
    buckets: dict[str, list[Question]] = {}
    for question in pool:
        if question not in chosen:
            buckets.setdefault(question.category, []).append(question)
    for bucket in buckets.values():
        rng.shuffle(bucket)
    order = sorted(buckets)
    rng.shuffle(order)
    while len(chosen) < count and any(buckets.values()):
        for category in order:
            if buckets[category] and len(chosen) < count:
                chosen.append(buckets[category].pop())
    return [q.with_options(rng) if mode == "choice" else q for q in chosen]


def _numbers(text: str) -> list[str]:
    return _DIGITS.findall(text)


def grade(question: Question, given: str, resolver: Resolver, mode: str = "choice") -> Grade:
    """Grade one answer: an option letter or number, or free text read with the resolver."""
    text = given.strip()
    if mode == "choice" and question.options:
        key = text.lower().rstrip(")").strip()
        index = int(key) - 1 if key.isdigit() else LETTERS.find(key) if len(key) == 1 else -1
        if 0 <= index < len(question.options):
            text = question.options[index]
            given = f"{LETTERS[index]}) {text}"
    if not normalise(text):
        return Grade(False, given)
    right = (question.answer, *question.accept)
    fold = answer_key(question.answer)
    if fold is str.casefold:
        return Grade(text.casefold() in {r.casefold() for r in right}, given)
    if normalise(text) in {normalise(r) for r in right}:
        return Grade(True, given)
    if question.answer_ids:
        return _grade_record(question, text, given, resolver)
    from rapidfuzz import fuzz

    for answer in right:
        if _numbers(answer):
            if _numbers(text) == _numbers(answer):
                return Grade(True, given, read_as=question.answer)
        elif fuzz.ratio(normalise(text), normalise(answer)) >= 85:
            return Grade(True, given, read_as=question.answer)
    return Grade(False, given)


def _grade_record(question: Question, text: str, given: str, resolver: Resolver) -> Grade:
    try:
        matches = resolver.resolve(text, (question.answer_kind,) if question.answer_kind else None)  # type: ignore[arg-type]
    except (NotFound, Ambiguous):
        return Grade(False, given)
    record = matches[0].record
    if record.id not in question.answer_ids:
        return Grade(False, given)
    name = _display(record)
    return Grade(True, given, read_as=name if normalise(name) != normalise(text) else None)


def _display(record: Record) -> str:
    return record.title if isinstance(record, Work) else record.name
