"""The knowledge model: immutable records and one Franchise aggregate that indexes them.

Records are named tuples: immutable, hashable, and about five times cheaper to define at import
than frozen dataclasses, which matters for a command that should start as fast as Python does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cached_property
from typing import Literal, NamedTuple

Sources = tuple[str, ...]


class Release(NamedTuple):
    """One release of a work: a date in a region through a medium."""

    date: dt.date
    region: str
    medium: str
    status: str = "released"
    note: str | None = None
    sources: Sources = ()
    venue: str | None = None
    service: str | None = None


class DateChange(NamedTuple):
    """An earlier announced release date that moved, and why."""

    date: dt.date
    reason: str | None = None
    sources: Sources = ()


class CrewCredit(NamedTuple):
    """A person's job on a work (director, writer, producer, ...)."""

    person: str
    job: str
    note: str | None = None
    sources: Sources = ()


class Trailer(NamedTuple):
    """A trailer or teaser and the day it came out."""

    date: dt.date
    label: str
    sources: Sources = ()


class Sequel(NamedTuple):
    """Where a sequel to a work stands."""

    status: str
    sources: Sources = ()


class Budget(NamedTuple):
    """What a work cost to make: an amount, or a range from amount to up_to."""

    amount: int
    up_to: int | None = None
    currency: str = "USD"
    note: str | None = None
    sources: Sources = ()


class Gross(NamedTuple):
    """One box-office figure: what a work took in, where, and when that was reported."""

    measure: str
    amount: int
    region: str | None = None
    currency: str = "USD"
    as_of: dt.date | None = None
    note: str | None = None
    sources: Sources = ()


class Score(NamedTuple):
    """A reception score: a CinemaScore grade, a review aggregator's score."""

    by: str
    score: str
    as_of: dt.date | None = None
    note: str | None = None
    sources: Sources = ()


class Certificate(NamedTuple):
    """An age rating in one country (the MPA's R in the US)."""

    region: str
    rating: str
    body: str | None = None
    reason: str | None = None
    sources: Sources = ()


class Filming(NamedTuple):
    """When and where a work was shot."""

    start: dt.date | None = None
    end: dt.date | None = None
    locations: tuple[str, ...] = ()
    note: str | None = None
    sources: Sources = ()


class Episode(NamedTuple):
    """One episode of a series: its number, title and first air date."""

    number: int
    title: str
    date: dt.date | None = None
    note: str | None = None
    sources: Sources = ()


class StoryPlace(NamedTuple):
    """Where a work sits in the in-universe timeline."""

    order: int | None = None
    set: str | None = None


class Work(NamedTuple):
    """A film, series or announced project of the franchise."""

    id: str
    title: str
    kind: str
    status: str
    aliases: tuple[str, ...] = ()
    runtime: int | None = None
    episodes: int | None = None
    synopsis: str | None = None
    studios: tuple[str, ...] = ()
    distributors: tuple[str, ...] = ()
    streaming: tuple[str, ...] = ()
    story: StoryPlace = StoryPlace()
    releases: tuple[Release, ...] = ()
    release_history: tuple[DateChange, ...] = ()
    crew: tuple[CrewCredit, ...] = ()
    trailers: tuple[Trailer, ...] = ()
    sequel: Sequel | None = None
    sources: Sources = ()
    budget: Budget | None = None
    box_office: tuple[Gross, ...] = ()
    reception: tuple[Score, ...] = ()
    certificates: tuple[Certificate, ...] = ()
    filming: Filming | None = None
    episode_list: tuple[Episode, ...] = ()

    @property
    def first_release(self) -> Release | None:
        """The earliest release, or None for an undated project."""
        return min(self.releases, key=lambda r: r.date, default=None)

    @property
    def main_release(self) -> Release | None:
        """The release people mean: US theatrical first, then any US release, then the earliest."""
        ranked = sorted(
            self.releases,
            key=lambda r: (
                r.region != "US" or r.medium != "theatrical",
                r.region != "US",
                r.medium == "premiere",
                r.date,
            ),
        )
        return ranked[0] if ranked else None

    @property
    def year(self) -> int | None:
        """The year of the first release."""
        first = self.first_release
        return first.date.year if first else None

    @property
    def display_title(self) -> str:
        """The title with its year, which tells apart a film and its namesake character."""
        return titled(self.title, self.year)


class Person(NamedTuple):
    """A real person: an actor or a member of the crew."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    born: dt.date | None = None
    died: dt.date | None = None
    sources: Sources = ()


class Character(NamedTuple):
    """A character of the story, with the other names it goes by."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    description: str | None = None
    sources: Sources = ()


class Credit(NamedTuple):
    """Who plays which character in which work."""

    work: str
    character: str
    person: str
    billing: int | None = None
    note: str | None = None
    sources: Sources = ()


class Fact(NamedTuple):
    """A short trivia statement, optionally with a question form for the quiz."""

    id: str
    text: str
    about: tuple[str, ...] = ()
    spoils: str | None = None
    tags: tuple[str, ...] = ()
    question: str | None = None
    answer: str | None = None
    choices: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    sources: Sources = ()


def billing_order(credit: Credit) -> tuple[bool, int]:
    """A credit's place in billing order: by its billing (0 is a billing too), unbilled credits last."""
    return (credit.billing is None, credit.billing or 0)


Record = Work | Person | Character
Kind = Literal["work", "person", "character"]


def kind_of(record: Record) -> Kind:
    """The kind of a named record, as a person would say it."""
    if isinstance(record, Work):
        return "work"
    if isinstance(record, Person):
        return "person"
    return "character"


def titled(title: str, year: int | None) -> str:
    """A work's title with its year when it has one: 'John Wick (2014)'."""
    return f"{title} ({year})" if year else title


def name_of(record: Record) -> str:
    """A record's own name: a work's title, a person's or a character's name."""
    return record.title if isinstance(record, Work) else record.name


def display_name(record: Record) -> str:
    """How a record is named on its own: a work with its year, which tells it from a namesake character."""
    return record.display_title if isinstance(record, Work) else record.name


def names_of(record: Record) -> tuple[str, ...]:
    """Every name a record answers to: its name or title first, then its aliases."""
    return (name_of(record), *record.aliases)


class Franchise:
    """Everything a knowledge file knows, with indexes for lookups.

    The records are held in memory here; a subclass may fetch them on demand instead (the cache
    does, so that a lookup in a very large file reads only what it needs). Lookups go through
    ``get``, ``credits_of``, ``facts_about`` and ``counts``, which such a subclass overrides.
    """

    def __init__(
        self,
        name: str,
        data_as_of: dt.date | None,
        works: tuple[Work, ...] = (),
        people: tuple[Person, ...] = (),
        characters: tuple[Character, ...] = (),
        credits: tuple[Credit, ...] = (),
        facts: tuple[Fact, ...] = (),
        format: int = 1,
        path: str = "",
    ) -> None:
        self.name = name
        self.data_as_of = data_as_of
        self._works = works
        self._people = people
        self._characters = characters
        self._credits = credits
        self._facts = facts
        self.format = format
        self.path = path

    @property
    def works(self) -> tuple[Work, ...]:
        """Every work, in the file's order."""
        return self._works

    @property
    def people(self) -> tuple[Person, ...]:
        """Every person."""
        return self._people

    @property
    def characters(self) -> tuple[Character, ...]:
        """Every character."""
        return self._characters

    @property
    def credits(self) -> tuple[Credit, ...]:
        """Every credit."""
        return self._credits

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every trivia fact."""
        return self._facts

    def _data(self) -> tuple[object, ...]:
        return (
            self.name,
            self.data_as_of,
            self.format,
            self.works,
            self.people,
            self.characters,
            self.credits,
            self.facts,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Franchise) and self._data() == other._data()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Franchise({self.name!r}, {self.path!r})"

    def stored_names(self) -> object | None:
        """Normalised names kept by a cache, if any (see resolve.Names)."""
        return None

    def counts(self) -> dict[str, int]:
        """How many records of each kind the file holds."""
        return {
            "works": len(self.works),
            "people": len(self.people),
            "characters": len(self.characters),
            "credits": len(self.credits),
            "facts": len(self.facts),
        }

    @cached_property
    def by_id(self) -> dict[str, Record]:
        """Works, people and characters by id."""
        return {r.id: r for r in self.records()}

    def get(self, id_: str) -> Record | None:
        """The work, character or person with this id, if there is one."""
        return self.by_id.get(id_)

    def records(self) -> Iterator[Record]:
        """Every named record: works, then characters, then people."""
        yield from self.works
        yield from self.characters
        yield from self.people

    def work(self, id_: str) -> Work:
        """The work with this id."""
        record = self.get(id_)
        assert isinstance(record, Work)
        return record

    def person(self, id_: str) -> Person:
        """The person with this id."""
        record = self.get(id_)
        assert isinstance(record, Person)
        return record

    def character(self, id_: str) -> Character:
        """The character with this id."""
        record = self.get(id_)
        assert isinstance(record, Character)
        return record

    def credits_of(self, record: Record) -> list[Credit]:
        """Credits of a work, character or person, in release order then billing."""
        found = self._credits_for(record.id)
        return sorted(found, key=lambda c: (self.release_rank(c.work), billing_order(c)))

    def _credits_for(self, id_: str) -> list[Credit]:
        return self._credits_by.get(id_, [])

    @cached_property
    def _credits_by(self) -> dict[str, list[Credit]]:
        """Credits indexed by the id of their work, character and person (ids are unique across kinds)."""
        index: dict[str, list[Credit]] = {}
        for credit in self.credits:
            index.setdefault(credit.work, []).append(credit)
            index.setdefault(credit.character, []).append(credit)
            index.setdefault(credit.person, []).append(credit)
        return index

    def facts_about(self, id_: str) -> list[Fact]:
        """Facts that concern a record."""
        return [f for f in self.facts if id_ in f.about]

    def crew_of(self, person_id: str) -> list[tuple[Work, CrewCredit]]:
        """A person's jobs behind the camera."""
        return [(w, c) for w in self.works_by_release for c in w.crew if c.person == person_id]

    @cached_property
    def works_by_release(self) -> tuple[Work, ...]:
        """Works in the order of the dates people mean (`Work.main_release`, the date a timeline shows), the
        earliest release breaking a tie; undated projects last, in file order."""
        dated = [w for w in self.works if w.first_release]
        undated = [w for w in self.works if not w.first_release]
        return (*sorted(dated, key=lambda w: (w.main_release.date, w.first_release.date)), *undated)  # type: ignore[union-attr]

    @cached_property
    def works_by_story(self) -> tuple[Work, ...]:
        """Works in in-universe order; works with no known place last, in release order."""
        placed = sorted((w for w in self.works if w.story.order is not None), key=lambda w: w.story.order)  # type: ignore[arg-type, return-value]
        rest = [w for w in self.works_by_release if w.story.order is None]
        return (*placed, *rest)

    def release_rank(self, work_id: str) -> int:
        """Position of a work in release order."""
        return self._release_ranks.get(work_id, len(self._release_ranks))

    @cached_property
    def _release_ranks(self) -> dict[str, int]:
        return {w.id: i for i, w in enumerate(self.works_by_release)}
