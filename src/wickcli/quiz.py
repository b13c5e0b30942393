"""Quiz questions made from the knowledge file, and fair grading. Pure: no I/O, seeded by a Random."""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from .errors import WickError
from .model import Credit, Franchise, Kind, Record, Work, billing_order, kind_of, name_of
from .resolve import STOPWORDS, Resolver, content_words, normalise, word_cost

CATEGORIES = ("cast", "crew", "release", "timeline", "trivia")
DIFFICULTIES = ("easy", "medium", "hard")
MODES = ("choice", "free")
LETTERS = "abcd"
NUMBERS = "1234"
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
    answer_kind: Kind | None = None
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
    """How the answer was read (an option, a name with a typo forgiven), when that differs from what was typed."""
    hints: int = 0
    """Hints taken before answering."""

    @property
    def points(self) -> float:
        """1 for a right answer, less a quarter for each hint; 0 for a wrong one."""
        return max(0.0, 1 - HINT_COST * self.hints) if self.correct else 0.0


def answer_key(answer: str) -> Callable[[str], str]:
    """How answers compare: short codes such as grades ("A", "A-", "B+") by case only, the rest normalised."""
    return str.casefold if len(answer) <= 3 and not answer.isdigit() else normalise


def _fame(appearances: int, lead: bool) -> str:
    """How well known a part is: recurring characters and actors, and a main film's lead, are easy."""
    if appearances >= 3 or lead:
        return "easy"
    return "medium" if appearances == 2 else "hard"


def _cast_questions(franchise: Franchise) -> Iterator[Question]:
    """Who plays a part, and which part an actor plays, in each released work (the options: that work's cast)."""
    works_of: dict[str, set[str]] = {}
    by_work: dict[str, list[Credit]] = {}
    for credit in franchise.credits:
        works_of.setdefault(credit.character, set()).add(credit.work)
        works_of.setdefault(credit.person, set()).add(credit.work)
        by_work.setdefault(credit.work, []).append(credit)
    for work in franchise.works_by_release:
        if work.status != "released" or work.id not in by_work:
            continue
        credits = sorted(by_work[work.id], key=billing_order)
        people = {c.person: franchise.person(c.person) for c in credits}
        parts = {c.character: franchise.character(c.character) for c in credits}
        players: dict[str, set[str]] = {}
        roles: dict[str, set[str]] = {}
        for credit in credits:
            players.setdefault(credit.character, set()).add(credit.person)
            roles.setdefault(credit.person, set()).add(credit.character)
        asked: set[str] = set()
        for credit in credits:
            character, person = parts[credit.character], people[credit.person]
            known = max(len(works_of[character.id]), len(works_of[person.id]))
            difficulty = _fame(known, lead=work.kind == "film" and credit.billing == 1)
            # A part shared by several actors in one work (a younger self) has no single answer.
            if len(players[character.id]) == 1 and character.id not in asked:
                asked.add(character.id)
                yield Question(
                    id=f"cast:{work.id}:{character.id}:{person.id}",
                    category="cast",
                    difficulty=difficulty,
                    prompt=f"Who plays {character.name} in {work.display_title}?",
                    answer=person.name,
                    sources=credit.sources,
                    works=(work.id,),
                    answer_ids=(person.id,),
                    answer_kind="person",
                    distractors=tuple(p.name for p in people.values() if p.id not in players[character.id]),
                )
            if len(roles[person.id]) == 1:
                others = {c.character for c in credits if c.person != person.id and c.character != character.id}
                yield Question(
                    id=f"role:{work.id}:{person.id}",
                    category="cast",
                    difficulty=difficulty,
                    prompt=f"Which character does {person.name} play in {work.display_title}?",
                    answer=character.name,
                    sources=credit.sources,
                    works=(work.id,),
                    answer_ids=(character.id,),
                    answer_kind="character",
                    distractors=tuple(parts[c].name for c in sorted(others, key=list(parts).index)),
                )


def _crew_questions(franchise: Franchise) -> Iterator[Question]:
    """Who directed, wrote or scored a work (the options: people who did the same job in the franchise)."""
    by_job: dict[str, list[str]] = {}
    for work in franchise.works_by_release:
        for c in work.crew:
            by_job.setdefault(c.job, [])
            if c.person not in by_job[c.job]:
                by_job[c.job].append(c.person)
    for work in franchise.works_by_release:
        for job, template in _JOB_PROMPTS.items():
            ids = {c.person for c in work.crew if c.job == job}
            if not ids:
                continue
            people = [franchise.person(i) for i in dict.fromkeys(c.person for c in work.crew if c.job == job)]
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
                distractors=tuple(franchise.person(i).name for i in by_job[job] if i not in ids),
            )


def _year_distractors(year: int, first: int, last: int) -> tuple[str, ...]:
    """Nearby years within the franchise's span (never after the last year it knows of), nearest first."""
    near = [year + d for step in range(1, 8) for d in (step, -step)]
    return tuple(str(y) for y in near if first <= y <= last)[:6]


def _release_questions(franchise: Franchise) -> Iterator[Question]:
    years = [r.date.year for w in franchise.works for r in w.releases if r.status == "released"]
    if not years:
        return
    first, last = min(years), max(years)
    if franchise.data_as_of is not None:
        last = max(last, franchise.data_as_of.year)
    for work in franchise.works_by_release:
        release = work.main_release
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
            distractors=_year_distractors(release.date.year, first, min(last, release.date.year + 7)),
        )


def _which_first(
    works: Sequence[Work],
    kind: str,
    template: str,
    difficulty: Callable[[Work, Work], str],
    before: Callable[[Work, Work], bool],
) -> Iterator[Question]:
    """For every pair of works in order of which one certainly comes first: which one (the answer)."""
    for i, first in enumerate(works):
        for second in works[i + 1 :]:
            if not before(first, second):
                continue
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
        _came_out_before,
    )
    placed = [w for w in franchise.works_by_story if w.story.order is not None and w.status == "released"]
    yield from _which_first(
        placed,
        "story-first",
        "Which is set earlier in the story: {second} or {first}?",
        lambda a, b: "medium",
        lambda a, b: (a.story.order or 0) < (b.story.order or 0),
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


def _came_out_before(first: Work, second: Work) -> bool:
    """Whether a work came out before another by every reading of "came out": both its main release (the
    date people mean) and its earliest release (a premiere) are earlier, not on the same day."""
    pairs = ((first.main_release, second.main_release), (first.first_release, second.first_release))
    return all(a is not None and b is not None and a.date < b.date for a, b in pairs)


def _looks_numeric(text: str) -> bool:
    """Whether an answer is a number, a sum or a date, so its distractors should be too."""
    return any(word.isdigit() for word in normalise(text).split())


def _related(franchise: Franchise, record: Record, about: Sequence[str]) -> tuple[str, ...]:
    """Records of the same kind as an answer, those in the works a fact is about first, a dozen at most."""
    if isinstance(record, Work):
        return tuple(w.title for w in franchise.works_by_release if w.id != record.id)[:12]
    near: list[str] = []
    for work_id in about:
        work = franchise.get(work_id)
        if isinstance(work, Work):
            credits = franchise.credits_of(work)
            ids = [c.person for c in work.crew] if kind_of(record) == "person" else []
            ids += [c.person if kind_of(record) == "person" else c.character for c in credits]
            near += [i for i in ids if i != record.id]
    names = [name_of(r) for i in dict.fromkeys(near) if (r := franchise.get(i)) is not None]
    if len(names) < 12:
        pool = franchise.people if kind_of(record) == "person" else franchise.characters
        names += [name_of(r) for r in pool[:40] if r.id != record.id and r.id not in near]
    return tuple(dict.fromkeys(names))[:12]


def _trivia_questions(franchise: Franchise, resolver: Resolver) -> Iterator[Question]:
    quizzable = [f for f in franchise.facts if f.question and f.answer]
    for fact in quizzable:
        assert fact.answer is not None and fact.question is not None
        record = _exact_record(resolver, fact.answer)
        if fact.choices:
            distractors: tuple[str, ...] = fact.choices
        elif record is not None:
            distractors = _related(franchise, record, fact.about)
        else:
            distractors = tuple(
                f.answer
                for f in quizzable
                if f is not fact
                and f.answer
                and set(f.tags) & set(fact.tags)
                and _looks_numeric(f.answer) == _looks_numeric(fact.answer)
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
    named = [r for r in resolver.named(text) if normalise(name_of(r)) == normalise(text)]
    return named[0] if len(named) == 1 else None


_GENERATORS: dict[str, Callable[[Franchise, Resolver | None], Iterator[Question]]] = {
    "cast": lambda f, r: _cast_questions(f),
    "crew": lambda f, r: _crew_questions(f),
    "release": lambda f, r: _release_questions(f),
    "timeline": lambda f, r: _timeline_questions(f),
    "trivia": lambda f, r: _trivia_questions(f, r or Resolver(f)),
}


def all_questions(
    franchise: Franchise, resolver: Resolver | None = None, categories: Sequence[str] = ()
) -> list[Question]:
    """Every question the knowledge file can answer (of these categories only), in a stable order."""
    return [
        q
        for category in CATEGORIES
        if not categories or category in categories
        for q in _GENERATORS[category](franchise, resolver)
    ]


def _apart(one: Question, other: Question) -> bool:
    """Whether two questions can share a round: different answers, and neither's answer in the other's prompt."""
    a, b = normalise(one.answer), normalise(other.answer)
    return a != b and f" {a} " not in f" {normalise(other.prompt)} " and f" {b} " not in f" {normalise(one.prompt)} "


def _seen(franchise: Franchise, question: Question, through: Work | None) -> bool:
    if through is None:
        return True
    limit = franchise.release_rank(through.id)
    return all(franchise.work(w).first_release and franchise.release_rank(w) <= limit for w in question.works)


def _allowed(
    franchise: Franchise, categories: Sequence[str], difficulty: str | None, mode: str, seen_through: Work | None
) -> list[Question]:
    """The questions the filters let through."""
    return [
        q
        for q in all_questions(franchise, categories=categories)
        if (difficulty is None or q.difficulty == difficulty)
        and (mode == "choice" or q.free)
        and _seen(franchise, q, seen_through)
    ]


def _askable(question: Question, mode: str) -> bool:
    """Whether a round of this mode can ask the question: a choice needs a wrong answer to offer."""
    return mode != "choice" or bool(question.distractors)


def without_choices(
    franchise: Franchise,
    categories: Sequence[str] = (),
    difficulty: str | None = None,
    seen_through: Work | None = None,
) -> list[Question]:
    """Questions the filters allow that a multiple-choice round leaves out, having no wrong answer to offer."""
    return [
        q
        for q in _allowed(franchise, categories, difficulty, "choice", seen_through)
        if q.free and not _askable(q, "choice")
    ]


def select(
    franchise: Franchise,
    rng: random.Random,
    count: int,
    categories: Sequence[str] = (),
    difficulty: str | None = None,
    mode: str = "choice",
    seen_through: Work | None = None,
    first: Iterable[str] = (),
    only_first: bool = False,
) -> list[Question]:
    """A round: questions drawn evenly across categories, with ids in ``first`` asked before the rest.

    With ``only_first`` the round holds only those (a review of the questions due).
    """
    pool = [q for q in _allowed(franchise, categories, difficulty, mode, seen_through) if _askable(q, mode)]
    by_id = {q.id: q for q in pool}
    chosen = [by_id[i] for i in first if i in by_id][:count]
    if only_first:
        pool = []
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
            while buckets[category] and len(chosen) < count:
                candidate = buckets[category].pop()
                if all(_apart(candidate, q) for q in chosen):
                    chosen.append(candidate)
                    break
    return [q.with_options(rng) if mode == "choice" else q for q in chosen]


_PARTS = re.compile(r"\s*(?:,|&|\band\b)\s*", re.IGNORECASE)
_MONTH_NAMES = (
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
)
_MONTHS = frozenset(_MONTH_NAMES)
HINT_COST = 0.25
"""Points a right answer loses for each hint taken."""


def labels(question: Question) -> str:
    """The labels of a question's options: letters, or numbers when an option is itself a letter ("A")."""
    if any(len(o) == 1 and o.casefold() in LETTERS for o in question.options):
        return NUMBERS
    return LETTERS


def read_choice(question: Question, text: str) -> int | None:
    """The option a choice answer picks: by its label or its whole text; None when it picks none."""
    key = text.strip().casefold().rstrip(").").strip()
    marks = labels(question)[: len(question.options)]
    if len(key) == 1 and key in marks:
        return marks.index(key)
    for index, option in enumerate(question.options):
        fold = answer_key(option)
        if key and fold(key) == fold(option):
            return index
    return None


def grade(question: Question, given: str, resolver: Resolver, mode: str = "choice", hints: int = 0) -> Grade:
    """Grade one answer: an option's label in choice mode, or free text read by the word rules in docs/quiz.md."""
    if mode == "choice" and question.options:
        index = read_choice(question, given)
        if index is None:
            return Grade(False, given)
        option = question.options[index]
        return Grade(option == question.answer, f"{labels(question)[index]}) {option}")
    text = given.strip()
    if not normalise(text):
        return Grade(False, given, hints=hints)
    for right in (question.answer, *question.accept):
        if _same_text(text, right, resolver.words, ordered=not question.answer_ids):
            return Grade(True, given, read_as=_shown(right, text), hints=hints)
    if question.answer_ids:
        return _grade_records(question, text, given, resolver, hints)
    return Grade(False, given, hints=hints)


def _same_text(typed: str, right: str, vocabulary: Container[str], ordered: bool = True) -> bool:
    """A written answer (a year, a sum, a date, a phrase): the same words in the same order, typos forgiven.

    Short codes such as grades ("A", "A-", "B+") compare by case only. A day may be written in any
    usual way. Otherwise the items of a list joined by "and" may come in any order, but within an item
    every word must stand for the word in its place ("If you want war, prepare for peace" is not the
    saying reversed; a name, not ``ordered``, may put its words in any order: "Reeves, Keanu"), months
    and numbers exactly, the decimal points and currency as written ("$73 8 million" is not "$73.8
    million", "£73.8 million" not "$73.8 million"); a word the knowledge file itself uses ("Addy") is
    never a typo of another ("Andy").
    """
    if answer_key(right) is str.casefold:
        return typed.casefold() == right.casefold()
    typed, right = _DECIMAL.sub(_plain_decimal, typed), _DECIMAL.sub(_plain_decimal, right)
    words, right_words = normalise(typed).split(), normalise(right).split()
    if not content_words(" ".join(words)):
        return False
    day = _dates(right_words)
    if len(day) == 1 and (typed_days := _dates(words)):
        return typed_days == day  # a day in any usual spelling; "5/6/2025", May 6 or June 5, is neither
    if _marks(typed) != _marks(right):
        return False
    typed_items, right_items = _items(words), _items(right_words)
    if len(right_items) == 1:  # no list: an "and" typed is a word to leave out ("2 hours and 49 minutes")
        typed_items = [[w for item in typed_items for w in item]]
    if len(typed_items) != len(right_items):
        return False
    return any(
        all(
            len(t) == len(r)  # (before trying the orders of a name's words: the right answer bounds them)
            and any(_same_words(w, r, vocabulary) for w in (itertools.permutations(t) if not ordered else [t]))
            for t, r in zip(order, right_items, strict=True)
        )
        for order in itertools.permutations(typed_items)
    )


_DECIMAL = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")  # not a part of "24.10.2014"
_CURRENCY = re.compile(r"[$£€¥]")


def _plain_decimal(number: re.Match[str]) -> str:
    """A decimal number without the zeros that end it: "73.80" is "73.8", "7.0" is "7"."""
    return number.group().rstrip("0").rstrip(".")


def _marks(text: str) -> tuple[list[str], set[str]]:
    """What normalising a written answer drops but a sum needs: its decimal numbers and its currency signs."""
    return sorted(_DECIMAL.findall(text)), set(_CURRENCY.findall(text))


def _items(words: list[str]) -> list[list[str]]:
    """An answer's items (split at "and"), each the list of its content words."""
    items: list[list[str]] = [[]]
    for word in words:
        if word == "and":
            items.append([])
        elif word not in STOPWORDS:
            items[-1].append(word)
    return [item for item in items if item]


def _same_words(typed: Sequence[str], right: Sequence[str], vocabulary: Container[str]) -> bool:
    """Whether each typed word stands for the word in its place of the right item."""
    if len(typed) != len(right):
        return False
    for t, r in zip(typed, right, strict=True):
        if t == r:
            continue
        if t in vocabulary or t in _MONTHS or r in _MONTHS or word_cost(t, r) is None:
            return False  # another word of the file, another month, or no typo of this word
    return True


def _dates(words: list[str]) -> set[tuple[int, int, int]]:
    """The calendar days a normalised answer can mean, as (year, month, day), if it is a day and nothing else.

    "2014 10 24" (from 2014-10-24), "october 24 2014", "24 october 2014", "oct 24 2014" and "10 24 2014"
    are one day; "5 6 2025" is two (May 6 or June 5), "2014" or "october 2014" none.
    """
    if len(words) != 3 or any(w.isdigit() and not (w.isascii() and len(w) <= 4) for w in words):
        return set()
    numbers = [int(w) for w in words if w.isdigit()]
    months = [i for i, name in enumerate(_MONTH_NAMES, 1) for w in words if len(w) > 2 and name.startswith(w)]
    if len([w for w in words if not w.isdigit()]) != len(months) or len(months) > 1:
        return set()
    if months and len(numbers) == 2:
        readings = [(max(numbers), months[0], min(numbers))]
    elif not months and len(numbers) == 3 and numbers[0] > 31:
        readings = [(numbers[0], numbers[1], numbers[2])]
    elif not months and len(numbers) == 3 and numbers[2] > 31:
        readings = [(numbers[2], numbers[0], numbers[1]), (numbers[2], numbers[1], numbers[0])]
    else:
        return set()
    return {d for d in readings if 1 <= d[1] <= 12 and 1 <= d[2] <= 31}


def _grade_records(question: Question, text: str, given: str, resolver: Resolver, hints: int) -> Grade:
    """An answer naming records (people, characters, works): each name typed must be one right answer.

    Several people may be typed in any order, joined by "and", "&" or commas; naming any one of the
    right people is enough, but every name typed must be one of them. A name is read as a lookup
    reads it (the resolver's rules), so an answer is right only where ``wick`` would find that record.
    """
    if not content_words(normalise(text)):
        return Grade(False, given, hints=hints)
    kind: Kind = question.answer_kind or "person"
    whole = [r for r in resolver.named(text) if kind_of(r) == kind]  # a name that itself holds "and"
    parts = [text] if len(whole) == 1 else [p for p in _PARTS.split(text) if normalise(p)]
    read: list[Record] = []
    for part in parts:
        record = whole[0] if len(whole) == 1 else _read_name(resolver, part, kind)
        if record is None:
            return Grade(False, given, hints=hints)
        if record.id not in question.answer_ids or record in read:
            return Grade(False, given, read_as=name_of(record), hints=hints)
        read.append(record)
    shown = " and ".join(name_of(r) for r in read)
    return Grade(True, given, read_as=_shown(shown, text), hints=hints)


def _read_name(resolver: Resolver, text: str, kind: Kind) -> Record | None:
    """The one record of this kind a typed name means, or None where a lookup would decline."""
    try:
        return resolver.resolve_one(text, (kind,)).record
    except WickError:  # not found, ambiguous, or a name of another kind: never a guess
        return None


def _shown(right: str, typed: str) -> str | None:
    """How an answer was read, when that differs from what was typed."""
    return right if _words(right) != _words(typed) else None


def _words(text: str) -> list[str]:
    return sorted(content_words(normalise(text)))


def hint(question: Question, franchise: Franchise, taken: int) -> str | None:
    """The next hint after ``taken`` hints: the initials, then the year or a work, then the first letters."""
    hints = (_initials(question.answer), _context(question, franchise), _first_letters(question.answer))
    return hints[taken] if taken < len(hints) else None


def _hint_words(answer: str) -> list[str]:
    # Brackets and quotes are not letters of a word: "(Austin," starts with A.
    return [w for w in (w.strip(",.;:!?()[]\"'“”‘’") for w in answer.split()) if w]


def _initials(answer: str) -> str:
    return "Initials: " + " ".join(f"{w[0]}." if not w[0].isdigit() else f"{w[0]}…" for w in _hint_words(answer))


def _first_letters(answer: str) -> str:
    return "Starts: " + " ".join(w if len(w) <= 2 else f"{w[: (len(w) + 1) // 2]}…" for w in _hint_words(answer))


def _context(question: Question, franchise: Franchise) -> str:
    """The year of a work, another work a person or character is in, a decade, or how many words."""
    record = franchise.get(question.answer_ids[0]) if question.answer_ids else None
    if isinstance(record, Work):
        return f"It came out in {record.year}." if record.year else f"It is a {record.kind} not yet released."
    if record is not None:
        works = [franchise.work(c.work) for c in franchise.credits_of(record)]
        works += [w for w, _ in franchise.crew_of(record.id)] if kind_of(record) == "person" else []
        others = [w for w in dict.fromkeys(works) if w.id not in question.works]
        if others:
            return f"Also in {others[0].display_title}."
    if question.category == "release" and question.answer.isdigit():
        return f"The {int(question.answer) // 10 * 10}s."
    lengths = [str(len(w)) for w in _hint_words(question.answer)]
    if len(lengths) == 1:
        return f"One word of {lengths[0]} letter{'' if lengths[0] == '1' else 's'}."
    return f"{len(lengths)} words, of {', '.join(lengths[:-1])} and {lengths[-1]} letters."
