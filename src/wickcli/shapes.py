"""The shapes of the answers, for the type checker and the modules that build on them (ask.py).

Kept apart from answers.py so that a lookup does not define fifteen TypedDicts it never uses at
run time: answers.py imports them only when type-checking.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

from .model import Kind


class Ref(TypedDict):
    """A short reference to a record; a work's has its year and status too."""

    id: str
    kind: Kind
    name: str
    year: NotRequired[int | None]
    status: NotRequired[str]


class CreditAnswer(TypedDict):
    """Who plays which character in which work."""

    work: Ref
    character: Ref
    person: Ref
    billing: int | None
    note: str | None
    sources: list[str]


class CrewAnswer(TypedDict):
    """A job someone did on a work."""

    work: Ref
    job: str
    note: str | None
    sources: list[str]


class WhoPlaysAnswer(TypedDict):
    """``wick who-plays`` of a character."""

    answer: Literal["who-plays"]
    query: str
    matched: str
    score: float
    character: Ref
    film: Ref | None
    credits: list[CreditAnswer]


class RolesAnswer(TypedDict):
    """``wick roles``, and ``wick who-plays`` of a person."""

    answer: Literal["roles"]
    query: str
    matched: str
    score: float
    person: Ref
    film: Ref | None
    credits: list[CreditAnswer]
    crew: list[CrewAnswer]


class CastAnswer(TypedDict):
    """``wick cast``."""

    answer: Literal["cast"]
    query: str
    matched: str
    score: float
    work: Ref
    credits: list[CreditAnswer]


class TimelineRow(TypedDict):
    """One work on the timeline."""

    work: Ref
    aliases: list[str]
    kind: str
    status: str
    story_order: int | None
    set: str | None
    release_order: int | None
    released: str | None


class TimelineAnswer(TypedDict):
    """``wick timeline``."""

    answer: Literal["timeline"]
    order: str
    works: list[TimelineRow]
    unplaced: list[TimelineRow]


class SearchMatch(Ref):
    """One ranked match of ``wick search``."""

    matched: str
    score: float
    label: str


class SearchAnswer(TypedDict):
    """``wick search``."""

    answer: Literal["search"]
    query: str
    matches: list[SearchMatch]


class ReleaseAnswer(TypedDict):
    """One release of a work."""

    date: str
    region: str
    medium: str
    status: str
    note: str | None
    venue: str | None
    service: str | None
    days_from_today: int
    sources: list[str]


class WorkDates(TypedDict):
    """A work's first release, and whether it is still to come."""

    work: Ref
    status: str
    release: ReleaseAnswer | None
    upcoming: bool


class ReleaseDatesAnswer(TypedDict):
    """``wick release-date`` with no title: every work's first release."""

    answer: Literal["release-dates"]
    today: str
    works: list[WorkDates]


class EarlierDate(TypedDict):
    """A date announced before, and why it moved."""

    date: str
    reason: str | None
    sources: list[str]


class ReleaseDateAnswer(TypedDict):
    """``wick release-date TITLE``."""

    answer: Literal["release-date"]
    query: str
    matched: str
    score: float
    today: str
    work: Ref
    status: str
    release: ReleaseAnswer | None
    upcoming: bool
    releases: list[ReleaseAnswer]
    earlier_dates: list[EarlierDate]
    streaming: list[str]
    sources: list[str]


class AboutAnswer(TypedDict):
    """``wick about``."""

    answer: Literal["about"]
    version: str
    franchise: str
    data_file: str
    data_as_of: str | None
    counts: dict[str, int]
