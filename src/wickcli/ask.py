"""Answer a question typed the way a fan types it, from the knowledge file, or decline.

A question is normalised with the resolver's rules, its fillers are dropped, and it is matched
against the forms below: each is a pattern of words, alternatives, optional parts and name slots,
with the answer it calls. A slot's words must resolve to a record by the resolver's own rules, and
every word of the question must be accounted for by the pattern or a slot; a question that fits
no form with confidence is declined (``CannotAnswer``) with the closest records or facts found.
The forms know only the words of questions; every fact comes from the knowledge file.
"""

# No "from __future__ import annotations": NamedTuple would compile every string annotation at import.

import datetime as dt
import functools
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Literal, NamedTuple, NoReturn

from . import answers
from .answers import Answer, money, plural, ref, relative
from .errors import Ambiguous, CannotAnswer, NotFound, NotInWork, WickError, WrongKind
from .lookup import shell_word
from .model import Character, Fact, Franchise, Person, Record, Release, Work, names_of
from .resolve import EXACT, Match, Resolver, content_words, describe, is_year, normalise, word_cost
from .shapes import CreditAnswer, Ref, RolesAnswer, TimelineRow

# ---------------------------------------------------------------------------------------------
# The words of questions (not of any franchise).

REWRITES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("whos",): ("who", "is"),
    ("who", "s"): ("who", "is"),
    ("whats",): ("what", "is"),
    ("what", "s"): ("what", "is"),
    ("wats",): ("what", "is"),
    ("wat",): ("what",),
    ("wheres",): ("where", "is"),
    ("where", "s"): ("where", "is"),
    ("whens",): ("when", "is"),
    ("when", "s"): ("when", "is"),
    ("hows",): ("how", "is"),
    ("how", "s"): ("how", "is"),
    ("wen",): ("when",),
    ("u",): ("you",),
    ("ya",): ("you",),
    ("isnt",): ("is", "not"),
}
"""Spellings of question words folded to one form: 'whos', "who's" and 'who is' read alike."""

LEADING_FILLERS: tuple[tuple[str, ...], ...] = (
    ("hey",),
    ("hi",),
    ("ok",),
    ("okay",),
    ("so",),
    ("um",),
    ("please",),
    ("quick", "question"),
    ("question",),
    ("can", "you", "tell", "me"),
    ("could", "you", "tell", "me"),
    ("tell", "me"),
    ("do", "you", "know"),
    ("does", "anyone", "know"),
    ("i", "want", "to", "know"),
    ("i", "wonder"),
    ("wondering",),
)
"""Openings that ask nothing themselves."""

TRAILING_FILLERS: tuple[tuple[str, ...], ...] = (
    ("please",),
    ("pls",),
    ("plz",),
    ("again",),
    ("anyone",),
    ("thanks",),
    ("thank", "you"),
)
"""Endings that ask nothing themselves."""

QUESTION_WORDS = frozenset(
    [
        "who",
        "whom",
        "what",
        "when",
        "where",
        "which",
        "how",
        "why",
        "is",
        "are",
        "was",
        "were",
        "does",
        "do",
        "did",
        "can",
        "could",
        "will",
        "would",
        "has",
        "have",
        "had",
        "there",
        "any",
        "in",
        "on",
        "at",
        "to",
        "for",
        "about",
        "me",
        "i",
        "you",
    ]
)
"""Words that shape a question without naming what it is about (for matching trivia facts)."""

MAX_WORDS = 40
"""A question longer than this is not a question wick can map (and every reading of it would be tried)."""

LITERAL_TYPO_MIN = 5
"""A word of a form this long may be typed with a typo (by the resolver's allowance); shorter ones exactly."""


# ---------------------------------------------------------------------------------------------
# Replies.


class Reply:
    """An answer to a question: the reply first, then what it rests on.

    A plain class, not a dataclass: wick ask should start as fast as a lookup, and each
    dataclass costs about a millisecond to define at import.
    """

    __slots__ = ("command", "records", "reply", "sources", "spoils")

    def __init__(
        self,
        reply: str,
        records: list[Record] | None = None,
        sources: list[str] | None = None,
        command: str | None = None,
        spoils: Work | None = None,
    ) -> None:
        self.reply = reply
        self.records = records if records is not None else []
        self.sources = sources if sources is not None else []
        self.command = command
        self.spoils = spoils

    def add(self, *sources: Sequence[str]) -> None:
        """Add sources, keeping each once, in order."""
        for group in sources:
            for source in group:
                if source not in self.sources:
                    self.sources.append(source)


class Asked(NamedTuple):
    """What an answer function is given: the franchise, its resolver, the slots and the options."""

    franchise: Franchise
    resolver: Resolver
    slots: dict[str, Match | str]
    today: dt.date
    spoilers: bool
    seen_through: Work | None

    def match(self, name: str) -> Match:
        """The resolved record of a slot."""
        value = self.slots[name]
        assert isinstance(value, Match)
        return value

    def work(self, name: str = "work") -> Work:
        """The work in a slot."""
        record = self.match(name).record
        assert isinstance(record, Work)
        return record

    def typed(self, name: str) -> str:
        """The name a slot matched, as the file writes it (for the equivalent command)."""
        return self.match(name).name

    def word(self, name: str) -> str:
        """A literal word the pattern captured (a chosen alternative)."""
        value = self.slots[name]
        assert isinstance(value, str)
        return value

    def hidden(self, spoils: str | None) -> bool:
        """Whether a fact that spoils this work stays hidden."""
        if spoils is None or self.spoilers:
            return False
        if self.seen_through is not None:
            work = self.franchise.get(spoils)
            rank = self.franchise.release_rank
            if isinstance(work, Work) and work.first_release and rank(spoils) <= rank(self.seen_through.id):
                return False
        return True


def _day(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _listed(items: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = list(items)
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _status(work: Work) -> str:
    return work.status.replace("-", " ")


# ---------------------------------------------------------------------------------------------
# Answer functions: each turns one form's slots into a reply, from the existing answers.


def _credit_line(credits: Sequence[CreditAnswer], by: Literal["person", "character"]) -> list[tuple[str, str]]:
    """Credits grouped by person (or character), each with its works: ('Keanu Reeves', 'A, B and C')."""
    groups: dict[str, list[str]] = {}
    for credit in credits:
        note = f" ({credit['note']})" if credit["note"] else ""
        groups.setdefault(credit[by]["name"], []).append(_ref_title(credit["work"]) + note)
    return [(name, _listed(works)) for name, works in groups.items()]


def _ref_title(work: Ref) -> str:
    return f"{work['name']} ({work['year']})" if work.get("year") else str(work["name"])


def who_plays(asked: Asked) -> Reply:
    """Who plays a character (in one work); for a person, their roles."""
    film = "work" in asked.slots
    query = asked.typed("name")
    answer = answers.who_plays(asked.franchise, asked.resolver, query, asked.typed("work") if film else None)
    if answer["answer"] == "roles":
        return _roles_reply(asked, answer)
    character = asked.match("name").record
    assert isinstance(character, Character)
    groups = _credit_line(answer["credits"], "person")
    if not groups:
        text = f"{character.name} has no credited actor in the knowledge file."
    elif len(groups) == 1:
        person, works = groups[0]
        text = f"{person} plays {character.name} in {works}."
    else:
        text = f"{character.name} is played by {'; '.join(f'{p} in {w}' for p, w in groups)}."
    reply = Reply(text, [character], command=f"wick who-plays {shell_word(character.name)}")
    if film:
        reply.records.append(asked.work())
        reply.command = f"{reply.command} --film {shell_word(asked.typed('work'))}"
    reply.add(*(c["sources"] for c in answer["credits"]), character.sources)
    return reply


def _roles_reply(asked: Asked, answer: RolesAnswer) -> Reply:
    """A person's roles and jobs; in one work, said once for that work."""
    person = asked.franchise.person(answer["person"]["id"])
    film = answer["film"]
    parts = []
    if film:
        characters = [c["character"]["name"] + (f" ({c['note']})" if c["note"] else "") for c in answer["credits"]]
        jobs = [j["job"].replace("-", " ") + (f" ({j['note']})" if j["note"] else "") for j in answer["crew"]]
        parts = [f"plays {_listed(list(dict.fromkeys(characters)))}"] if characters else []
        parts += [f"is {_listed(list(dict.fromkeys(jobs)))}"] if jobs else []
        text = f"In {_ref_title(film)}, {person.name} {' and '.join(parts)}."
    else:
        acting = _credit_line(answer["credits"], "character")
        parts = ["plays " + "; ".join(f"{c} in {w}" for c, w in acting)] if acting else []
        by_job: dict[str, list[str]] = {}
        for job in answer["crew"]:
            note = f" ({job['note']})" if job["note"] else ""
            by_job.setdefault(job["job"].replace("-", " "), []).append(_ref_title(job["work"]) + note)
        if by_job:
            parts.append("is " + "; ".join(f"{job} of {_listed(works)}" for job, works in by_job.items()))
        text = (
            f"{person.name} {' and '.join(parts)}." if parts else f"{person.name} has no credits in the knowledge file."
        )
    reply = Reply(text, [person], command=f"wick roles {shell_word(person.name)}")
    if film:
        reply.records.append(asked.franchise.work(film["id"]))
        reply.command = f"wick who-plays {shell_word(person.name)} --film {shell_word(asked.typed('work'))}"
    reply.add(person.sources, *(c["sources"] for c in answer["credits"]), *(j["sources"] for j in answer["crew"]))
    return reply


def roles(asked: Asked) -> Reply:
    """A person's roles and jobs, in one work when the question names one."""
    match = asked.match("person")
    work = asked.work() if "work" in asked.slots else None
    try:
        answer = answers.roles(asked.franchise, asked.resolver, match.name, match, work)
    except NotInWork:
        assert work is not None and isinstance(match.record, Person)
        return _not_credited(asked, match.record, work)
    return _roles_reply(asked, answer)


def _not_credited(asked: Asked, record: Person | Character, work: Work) -> Reply:
    text = f"No: the knowledge file does not credit {record.name} in {work.display_title}."
    reply = Reply(text, [record, work], command=f"wick cast {shell_word(asked.typed('work'))}")
    reply.add(work.sources)
    return reply


def is_in(asked: Asked) -> Reply:
    """Whether a person or character is credited in a work."""
    record = asked.match("name").record
    work = asked.work()
    if isinstance(record, Person):
        credits = [c for c in asked.franchise.credits_of(record) if c.work == work.id]
        jobs = [c for c in work.crew if c.person == record.id]
        if not credits and not jobs:
            return _not_credited(asked, record, work)
        parts = [f"plays {_listed([asked.franchise.character(c.character).name for c in credits])}"] if credits else []
        if jobs:
            parts.append("is " + _listed(list(dict.fromkeys(j.job.replace("-", " ") for j in jobs))))
        text = f"Yes: {record.name} {' and '.join(parts)} in {work.display_title}."
        command = f"wick who-plays {shell_word(record.name)} --film {shell_word(asked.typed('work'))}"
        reply = Reply(text, [record, work], command=command)
        reply.add(*(c.sources for c in credits), *(j.sources for j in jobs))
        return reply
    assert isinstance(record, Character)
    credits = [c for c in asked.franchise.credits_of(record) if c.work == work.id]
    if not credits:
        return _not_credited(asked, record, work)
    people = _listed([asked.franchise.person(c.person).name + (f" ({c.note})" if c.note else "") for c in credits])
    text = f"Yes: {record.name} is in {work.display_title}, played by {people}."
    command = f"wick who-plays {shell_word(record.name)} --film {shell_word(asked.typed('work'))}"
    reply = Reply(text, [record, work], command=command)
    reply.add(*(c.sources for c in credits))
    return reply


CREW_WORDS = {
    "director": "directed by",
    "writer": "written by",
    "producer": "produced by",
    "executive-producer": "executive produced by",
    "composer": "music by",
    "cinematographer": "shot by",
    "editor": "edited by",
    "creator": "created by",
    "developer": "developed by",
    "showrunner": "run by",
}
"""How a reply says each job of the knowledge format."""

JOBS_ASKED = {
    "directed": ("director",),
    "direct": ("director",),
    "directs": ("director",),
    "directing": ("director",),
    "director": ("director",),
    "directors": ("director",),
    "wrote": ("writer",),
    "write": ("writer",),
    "writing": ("writer",),
    "writer": ("writer",),
    "writers": ("writer",),
    "screenplay": ("writer",),
    "script": ("writer",),
    "produced": ("producer",),
    "produce": ("producer",),
    "producing": ("producer",),
    "producer": ("producer",),
    "producers": ("producer",),
    "composed": ("composer",),
    "composer": ("composer",),
    "music": ("composer",),
    "score": ("composer",),
    "scored": ("composer",),
    "soundtrack": ("composer",),
    "shot": ("cinematographer",),
    "filmed": ("cinematographer",),
    "editing": ("editor",),
    "writes": ("writer",),
    "cinematographer": ("cinematographer",),
    "cinematography": ("cinematographer",),
    "dp": ("cinematographer",),
    "edited": ("editor",),
    "editor": ("editor",),
    "created": ("creator", "developer"),
    "creator": ("creator", "developer"),
    "developed": ("developer",),
    "developer": ("developer",),
    "showrunner": ("showrunner",),
    "stunt coordinator": ("stunt-coordinator",),
    "stunt coordinators": ("stunt-coordinator",),
    "action director": ("action-director",),
}
"""Which job a word of a question asks about."""


def crew(asked: Asked) -> Reply:
    """Who did one or two jobs on a work."""
    work = asked.work()
    if "shot" in asked.slots.values():
        also = asked.resolver.named(asked.typed("work"))
        if any(isinstance(r, Character) for r in also):
            # "who shot john wick": the film's cinematographer, or who shoots the character? Both readings fit.
            raise CannotAnswer([describe(asked.franchise, r) for r in also])
    jobs: list[str] = []
    for key in ("job", "job2"):
        if key in asked.slots:
            meant = JOBS_ASKED[asked.word(key)]
            held = [job for job in meant if any(c.job == job for c in work.crew)]
            jobs += held or meant[:1]  # a word for several jobs ("created": creator, developer) means those held
    parts, people, sources = [], [], []
    for job in dict.fromkeys(jobs):
        found = [c for c in work.crew if c.job == job]
        names = [asked.franchise.person(c.person).name + (f" ({c.note})" if c.note else "") for c in found]
        if job == "developer" and not found and work.kind == "game":
            names = list(work.studios)  # a game's developer is its studio
        words = CREW_WORDS.get(job, f"{job.replace('-', ' ')}:")
        parts.append(f"{words} {_listed(names)}" if names else f"the knowledge file names no {job.replace('-', ' ')}")
        people += [asked.franchise.person(c.person) for c in found]
        sources += [c.sources for c in found]
    reply = Reply(f"{work.display_title}: {'; '.join(parts)}.", [work, *dict.fromkeys(people)])
    reply.command = f"wick info {shell_word(asked.typed('work'))}"
    reply.add(*sources)
    return reply


def _main_release(work: Work) -> tuple[dt.date, str] | None:
    main = work.main_release
    return (main.date, f"{main.region} {main.medium.replace('-', ' ')}") if main else None


def release(asked: Asked) -> Reply:
    """When a work came out or comes out, and how far that is from today."""
    work = asked.work()
    mode = asked.slots.get("mode", "when")
    main = _main_release(work)
    today = asked.today
    if main is None:
        if work.status == "cancelled":
            text = f"{work.title} was cancelled."  # the title keeps its capital after "No: "
            text = f"No: {text}" if mode == "yet" else text
        else:
            none = f"release date has been announced for {work.title} (status: {_status(work)})."
            text = f"No: no {none}" if mode == "yet" else f"No {none}"
    else:
        day, how = main
        when, past = relative(day, today), day <= today
        if mode == "until":
            text = (
                f"{work.display_title} already came out, {when}, on {_day(day)} ({how})."
                if past
                else f"{work.title} comes out {when}, on {_day(day)} ({how})."
            )
        else:
            text = (
                f"{work.display_title} came out on {_day(day)} ({how}), {when}."
                if past
                else f"{work.title} comes out on {_day(day)} ({how}), {when}."
            )
            if mode == "yet":
                text = f"{'Yes' if past else 'No'}: {text}"
    reply = Reply(text, [work], command=f"wick release-date {shell_word(asked.typed('work'))}")
    release_ = work.main_release
    reply.add(release_.sources if release_ else work.sources)
    return reply


REGIONS_ASKED = {
    **dict.fromkeys(("uk", "u k", "britain", "great britain", "england", "united kingdom"), "United Kingdom"),
    **dict.fromkeys(("us", "u s", "usa", "america", "united states", "states"), "US"),
    **{name.casefold(): name for name in ("Germany", "France", "Italy", "Japan", "Spain", "Canada", "Australia")},
}
"""The region of a release that a question's words name ("in the uk": the United Kingdom)."""
MEDIA_ASKED = {
    **dict.fromkeys(("blu ray", "bluray", "dvd", "disc", "home media"), "home-media"),
    **dict.fromkeys(("digital", "vod", "on demand", "digital download"), "digital"),
    "streaming": "streaming",
    **dict.fromkeys(("theaters", "theatres", "cinemas"), "theatrical"),
}
"""The medium of a release that a question's words name ("on blu-ray": home media)."""
REGION_WORDS = "|".join(REGIONS_ASKED)
"""The words of the regions, as a form captures them."""
ON_MEDIA_WORDS = "|".join(word for word, medium in MEDIA_ASKED.items() if medium != "theatrical")
"""The words of the media a release comes out "on" (theaters are "in")."""


def release_in(asked: Asked) -> Reply:
    """When a work came out in one region or on one medium: those releases (premieres only if nothing else)."""
    work = asked.work()
    region = REGIONS_ASKED[asked.word("region")] if "region" in asked.slots else None
    medium = MEDIA_ASKED[asked.word("medium")] if "medium" in asked.slots else None
    releases = [r for r in sorted(work.releases, key=lambda r: r.date) if medium is None or r.medium == medium]
    found = [r for r in releases if region is None or r.region == region]
    # A release everywhere is one in the country asked, where the file gives none of its own.
    found = found or [r for r in releases if r.region == "worldwide"]
    found = [r for r in found if r.medium != "premiere"] or found
    where = (
        f"in {region}"
        if region
        else "in theaters"
        if medium == "theatrical"
        else f"on {(medium or '').replace('-', ' ')}"
    )
    if found:
        dates = [f"{_day(r.date)} ({_release_label(r, region)})" for r in found]
        text = f"{work.display_title}, {where}: {_listed(dates)}."
    else:
        text = f"The knowledge file gives no release {where} for {work.display_title}."
    reply = Reply(text, [work], command=f"wick release-date {shell_word(asked.typed('work'))}")
    reply.add(*(r.sources for r in found))
    return reply


def _release_label(release: Release, region: str | None) -> str:
    """What sets a release apart in a list of one country's (its medium) or one medium's (its country)."""
    if region is None:
        return release.region
    medium = release.medium.replace("-", " ")
    if release.region == region:
        return medium
    return f"{release.region} {medium}" + (f", {release.note}" if release.note else "")


def premiere(asked: Asked) -> Reply:
    """Where and when a work premiered; a work with no premiere in the file says when it first came out."""
    work = asked.work()
    shown = [r for r in sorted(work.releases, key=lambda r: r.date) if r.medium == "premiere"]
    first = work.first_release
    if shown:
        places = [f"{_day(r.date)}" + (f" at {r.venue}" if r.venue else f" in {r.region}") for r in shown]
        text = f"{work.display_title} premiered on {_listed(places)}."
    elif first:
        text = (
            f"The knowledge file gives no premiere date for {work.display_title}; it first came out on "
            f"{_day(first.date)} ({first.region} {first.medium.replace('-', ' ')})."
        ) + (f" Note: {first.note}." if first.note else "")
    else:
        text = f"The knowledge file gives no premiere for {work.title}: it has no release date yet."
    reply = Reply(text, [work], command=f"wick release-date {shell_word(asked.typed('work'))}")
    reply.add(*(r.sources for r in shown or ([first] if first else [])))  # the releases the reply names
    return reply


def exists(asked: Asked) -> Reply:
    """Whether a work named in the question is coming ('will there be a ...')."""
    work = asked.work()
    main = _main_release(work)
    if main and main[0] <= asked.today:
        text = f"{work.display_title} already came out, on {_day(main[0])}."
    elif main:
        text = f"Yes: {work.title} comes out on {_day(main[0])}, {relative(main[0], asked.today)}."
    elif work.status == "cancelled":
        text = f"No: {work.title} was cancelled."
    else:
        text = f"Yes: {work.title} is {_status(work)}; no release date has been announced."
    reply = Reply(text, [work], command=f"wick release-date {shell_word(asked.typed('work'))}")
    reply.add(work.sources)
    return reply


def streaming(asked: Asked) -> Reply:
    """Where a work streams."""
    work = asked.work()
    releases = (r.service for r in work.releases if r.service and r.medium == "streaming")
    services = list(work.streaming) or list(dict.fromkeys(releases))
    if services:
        text = f"{work.display_title} streams on {_listed(services)}."
    else:
        text = f"The knowledge file names no streaming service for {work.display_title}."
    reply = Reply(text, [work], command=f"wick release-date {shell_word(asked.typed('work'))}")
    reply.add(work.sources)
    return reply


def trailers(asked: Asked) -> Reply:
    """The trailers of a work."""
    work = asked.work()
    shown = [f"{t.label} ({_day(t.date)})" for t in sorted(work.trailers, key=lambda t: t.date)]
    if shown:
        yes = "Yes: " if asked.slots.get("mode") == "yes" else ""  # only a question asked yes or no
        text = f"{yes}{work.display_title} has {plural(len(shown), 'trailer')}: {'; '.join(shown)}."
    else:
        text = f"The knowledge file lists no trailer for {work.display_title}."
    reply = Reply(text, [work], command=f"wick info {shell_word(asked.typed('work'))}")
    reply.add(*(t.sources for t in work.trailers))
    return reply


def sequel(asked: Asked) -> Reply:
    """Where a sequel to a work stands."""
    work = asked.work()
    if work.sequel:
        status = work.sequel.status
        text = f"Sequel to {work.display_title}: {status}" + ("" if status.endswith((".", "!", "?")) else ".")
    else:
        text = f"The knowledge file says nothing of a sequel to {work.display_title}."
    reply = Reply(text, [work], command=f"wick info {shell_word(asked.typed('work'))}")
    reply.add(work.sequel.sources if work.sequel else ())
    return reply


def sequel_numbered(asked: Asked) -> Reply:
    """'Will there be a W 2': the sequel of a work whose names carry no number."""
    work = asked.work()
    numbered = any(w.isdigit() and int(w) < 100 for n in (work.title, *work.aliases) for w in normalise(n).split())
    if asked.word("number") != "2" or numbered:  # 'W 2' is the sequel only of a work not itself numbered
        raise CannotAnswer([describe(asked.franchise, work)])
    return sequel(asked)


def _story_neighbours(
    asked: Asked, work: Work, order: str
) -> tuple[TimelineRow | None, TimelineRow | None, list[TimelineRow]]:
    rows = answers.timeline(asked.franchise, order)["works"]
    at = next((i for i, row in enumerate(rows) if row["work"]["id"] == work.id), None)
    if at is None:
        return None, None, rows
    before = rows[at - 1] if at > 0 else None
    after = rows[at + 1] if at + 1 < len(rows) else None
    return before, after, rows


def story(asked: Asked) -> Reply:
    """When in the story a work is set, and what comes before and after it."""
    work = asked.work()
    before, after, _ = _story_neighbours(asked, work, "story")
    text = f"{work.display_title} is set: {work.story.set}." if work.story.set else ""
    if work.story.order is not None:
        if before and after:
            text += (
                f" In story order it comes after {_ref_title(before['work'])} and before {_ref_title(after['work'])}."
            )
        elif after:
            text += f" It comes first in story order, before {_ref_title(after['work'])}."
        elif before:
            text += f" It comes last in story order, after {_ref_title(before['work'])}."
    if not text:
        text = f"The knowledge file does not say when in the story {work.display_title} is set."
    reply = Reply(text.strip(), [work], command="wick timeline")
    reply.add(work.sources)
    return reply


def next_work(asked: Asked) -> Reply:
    """What comes before or after a work, in story order or in release order."""
    work = asked.work()
    order = "release" if asked.slots.get("order") == "release" else "story"
    which = asked.word("which")
    before, after, _ = _story_neighbours(asked, work, order)
    neighbour = after if which == "after" else before
    place = "in story order" if order == "story" else "in release order"
    if neighbour is None:
        placed = work.story.order is not None if order == "story" else work.first_release is not None
        text = (
            f"Nothing comes {which} {work.display_title} {place} in the knowledge file."
            if placed
            else f"The knowledge file gives {work.display_title} no place {place}."
        )
        records: list[Record] = [work]
    else:
        other = asked.franchise.work(neighbour["work"]["id"])
        text = f"{other.display_title} comes {which} {work.display_title} {place}."
        records = [work, other]
    reply = Reply(text, records, command="wick timeline" + (" --order release" if order == "release" else ""))
    reply.add(work.sources)
    return reply


def synopsis(asked: Asked) -> Reply:
    """What a work is about, without spoilers."""
    work = asked.work()
    text = (
        f"{work.display_title}: {work.synopsis}"
        if work.synopsis
        else f"The knowledge file has no synopsis of {work.display_title}."
    )
    reply = Reply(text, [work], command=f"wick info {shell_word(asked.typed('work'))} --no-spoilers")
    reply.add(work.sources)
    return reply


def runtime(asked: Asked) -> Reply:
    """How long a work runs (or how many episodes it has)."""
    work = asked.work()
    parts = []
    if work.runtime:
        hours, minutes = divmod(work.runtime, 60)
        parts.append(
            f"runs {work.runtime} minutes ({hours} h {minutes} min)" if hours else f"runs {work.runtime} minutes"
        )
    if work.episodes:
        parts.append(f"has {plural(work.episodes, 'episode')}")
    text = (
        f"{work.display_title} {' and '.join(parts)}."
        if parts
        else f"The knowledge file gives no running time for {work.display_title}."
    )
    reply = Reply(text, [work], command=f"wick info {shell_word(asked.typed('work'))}")
    reply.add(work.sources)
    return reply


MEASURES = {
    "opening-weekend": "on its opening weekend",
    "domestic": "in the US and Canada",
    "worldwide": "worldwide",
    "international": "outside the US and Canada",
}
"""How a reply says each box-office measure of the knowledge format."""


def _gross(gross: Any) -> str:
    where = MEASURES.get(gross.measure, gross.measure.replace("-", " "))
    region = (
        f" ({gross.region})" if gross.region and gross.measure != "worldwide" and gross.region != "worldwide" else ""
    )
    if gross.region == "worldwide" and gross.measure != "worldwide":
        where += " worldwide"
    return f"{money(gross.amount, gross.currency)} {where}{region}"


def _infobox(asked: Asked, work: Work, text: str | None, missing: str, *sources: Sequence[str]) -> Reply:
    """A reply from one field of a work's infobox, or that the file does not give it; `wick info` shows more."""
    said = text or f"The knowledge file gives no {missing} for {work.display_title}."
    reply = Reply(said, [work], command=f"wick info {shell_word(asked.typed('work'))}")
    reply.add(*sources)
    return reply


def budget(asked: Asked) -> Reply:
    """What a work cost to make."""
    work = asked.work()
    b = work.budget
    text = f"{work.display_title} cost {money(b.amount, b.currency, b.up_to)} to make." if b else None
    return _infobox(asked, work, text, "budget", b.sources if b else ())


def box_office(asked: Asked) -> Reply:
    """What a work took in at the box office."""
    work = asked.work()
    totals = [g for g in work.box_office if g.measure == "worldwide"] or list(work.box_office)
    text = f"{work.display_title} took in {_listed([_gross(g) for g in totals])}." if totals else None
    return _infobox(asked, work, text, "box-office figures", *(g.sources for g in totals))


MEASURES_ASKED = {
    **dict.fromkeys(("north america", "america", "us", "u s", "usa", "united states", "states"), "domestic"),
    **dict.fromkeys(("domestically", "domestic box office", "us box office"), "domestic"),
    **dict.fromkeys(("opening weekend", "first weekend", "opening"), "opening-weekend"),
    **dict.fromkeys(("worldwide", "globally", "worldwide box office"), "worldwide"),
    **dict.fromkeys(("overseas", "abroad", "internationally"), "international"),
}
"""Which box-office measure the words of a question ask for ("in north america": the domestic total)."""


def box_office_measure(asked: Asked) -> Reply:
    """One box-office measure of a work: the domestic total, the opening weekend, worldwide or abroad."""
    work = asked.work()
    measure = MEASURES_ASKED[asked.word("where")]
    found = [g for g in work.box_office if g.measure == measure]
    text = f"{work.display_title} took in {_listed([_gross(g) for g in found])}." if found else None
    missing = f"box-office figure {MEASURES[measure]}"
    return _infobox(asked, work, text, missing, *(g.sources for g in found))


def cost_and_gross(asked: Asked) -> Reply:
    """What a work cost and what it took in."""
    first, second = budget(asked), box_office(asked)
    took = second.reply.removeprefix(asked.work().display_title + " ")
    reply = Reply(f"{first.reply} It {took}", first.records, command=first.command)
    reply.add(first.sources, second.sources)
    return reply


def filming(asked: Asked) -> Reply:
    """Where (and when) a work was filmed."""
    work = asked.work()
    shot = work.filming
    when = ""
    if shot and shot.start:
        when = f"Filming began on {_day(shot.start)}" + (f" and ended on {_day(shot.end)}." if shot.end else ".")
    elif shot and shot.note and any(is_year(w) for w in normalise(shot.note).split()):
        when = f"{shot.note}."  # a note with a year says when
    if asked.slots.get("mode") == "when":  # when: the dates, or the note that tells them
        text = when or f"The knowledge file does not say when {work.display_title} was filmed."
        text = f"{work.display_title}: {text}" if when else text
    elif shot and shot.locations:
        text = f"{work.display_title} was filmed in {_listed(list(shot.locations))}." + (
            f" {when}" if shot.start else ""
        )
    else:
        text = f"The knowledge file does not say where {work.display_title} was filmed."
    reply = Reply(text, [work], command=f"wick info {shell_word(asked.typed('work'))}")
    reply.add(shot.sources if shot else ())
    return reply


def cast(asked: Asked) -> Reply:
    """The top of a work's cast, in billing order."""
    answer = answers.cast(asked.franchise, asked.resolver, asked.typed("work"))
    work = asked.work()
    shown = [f"{c['person']['name']} ({c['character']['name']})" for c in answer["credits"][:6]]
    more = len(answer["credits"]) - len(shown)
    if shown:
        text = f"{work.display_title} stars {_listed(shown + ([plural(more, 'other')] if more else []))}."
    else:
        text = f"The knowledge file credits no cast for {work.display_title}."
    reply = Reply(text, [work], command=f"wick cast {shell_word(asked.typed('work'))}")
    reply.add(*(c["sources"] for c in answer["credits"][:6]))
    return reply


def in_both(asked: Asked) -> Reply:
    """Who is credited in both of two works."""
    one, two = asked.work(), asked.work("work2")
    if one.id == two.id:
        raise CannotAnswer([describe(asked.franchise, one)])
    credits = asked.franchise.credits_of(two)
    there = {c.person for c in credits}
    shown: dict[str, list[str]] = {}
    sources = []
    for credit in asked.franchise.credits_of(one):
        if credit.person in there:
            name = asked.franchise.person(credit.person).name
            shown.setdefault(name, [])
            character = asked.franchise.character(credit.character).name
            if character not in shown[name]:
                shown[name].append(character)
            sources.append(credit.sources)
    people = [f"{name} ({', '.join(chars)})" for name, chars in shown.items()]
    both = f"{one.display_title} and {two.display_title}"
    text = f"In both {both}: {_listed(people)}." if people else f"The knowledge file credits no one in both {both}."
    reply = Reply(text, [one, two])
    reply.add(*sources)
    return reply


def works_of(asked: Asked) -> Reply:
    """Which works a person is credited in, and how many."""
    person = asked.match("person").record
    assert isinstance(person, Person)
    acted = {c.work for c in asked.franchise.credits_of(person)}
    crewed = {w.id for w, _ in asked.franchise.crew_of(person.id)}
    works = [w for w in asked.franchise.works_by_release if w.id in acted | crewed]
    if works:
        text = (
            f"{person.name} is credited in {plural(len(works), 'work')}: {_listed([w.display_title for w in works])}."
        )
    else:
        text = f"{person.name} has no credits in the knowledge file."
    reply = Reply(text, [person], command=f"wick roles {shell_word(person.name)}")
    reply.add(person.sources)
    return reply


def most_works(asked: Asked) -> Reply:
    """Who is in the most works, counting acting credits."""
    counts: dict[str, set[str]] = {}
    for credit in asked.franchise.credits:
        counts.setdefault(credit.person, set()).add(credit.work)
    if not counts:
        raise CannotAnswer()
    top = max(len(works) for works in counts.values())
    people = [asked.franchise.person(p) for p, works in counts.items() if len(works) == top]
    people.sort(key=lambda p: p.name)
    if len(people) == 1:
        text = f"{people[0].name} has acting credits in the most works: {top}."
    else:
        text = f"{_listed([p.name for p in people])} have acting credits in the most works: {top} each."
    reply = Reply(text, list(people), command=None)
    reply.add(*(p.sources for p in people))
    return reply


def who_is(asked: Asked) -> Reply:
    """Who a character is (and who plays them), or a person's roles."""
    record = asked.match("name").record
    if isinstance(record, Person):
        return _roles_reply(
            asked, answers.roles(asked.franchise, asked.resolver, asked.typed("name"), asked.match("name"))
        )
    assert isinstance(record, Character)
    credits = answers.who_plays(asked.franchise, asked.resolver, asked.typed("name"))["credits"]
    played = _credit_line(credits, "person")
    text = f"{record.name}: {record.description}" if record.description else f"{record.name} is a character."
    if played:
        text = text.rstrip(".") + f". Played by {'; '.join(f'{p} in {w}' for p, w in played)}."
    reply = Reply(text, [record], command=f"wick info {shell_word(record.name)}")
    reply.add(record.sources)
    return reply


def _age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def person_dates(asked: Asked) -> Reply:
    """When a person was born (and died), and their age."""
    person = asked.match("person").record
    assert isinstance(person, Person)
    born, died = person.born, person.died
    if born is None:
        text = (
            f"{person.name} died on {_day(died)} (the knowledge file does not give a date of birth)."
            if died
            else f"The knowledge file does not say when {person.name} was born."
        )
    elif died is not None:
        text = f"{person.name} was born on {_day(born)}, and died on {_day(died)}, aged {_age(born, died)}."
    else:
        age = _age(born, asked.today)
        text = f"{person.name} was born on {_day(born)}" + (f": {age} years old today." if age >= 0 else ".")
    reply = Reply(text, [person], command=f"wick info {shell_word(person.name)}")
    reply.add(person.sources)
    return reply


def ratings(asked: Asked) -> Reply:
    """A work's age ratings."""
    work = asked.work()
    region = REGIONS_ASKED[asked.word("region")] if "region" in asked.slots else None
    found = [c for c in work.certificates if region is None or c.region == region]
    shown = [f"{c.rating} in {c.region}" + (f" ({c.body})" if c.body else "") for c in found]
    text = f"{work.display_title} is rated {_listed(shown)}." if shown else None
    missing = f"age rating in {region}" if region else "age rating"
    return _infobox(asked, work, text, missing, *(c.sources for c in found))


SCORES_ASKED = {
    **dict.fromkeys(("rotten tomatoes", "tomatometer", "rt"), ("Rotten Tomatoes", "Rotten Tomatoes score")),
    "cinemascore": ("CinemaScore", "CinemaScore grade"),
}
"""Which score a question names ("rt": Rotten Tomatoes), and what a reply calls it."""


def reception(asked: Asked) -> Reply:
    """How a work was received: its scores."""
    work = asked.work()
    by, called = SCORES_ASKED[asked.word("by")] if "by" in asked.slots else (None, "reception scores")
    found = [x for x in work.reception if by is None or x.by == by]
    shown = [f"{x.by} {x.score}" + (f" ({x.note})" if x.note else "") for x in found]
    text = f"{work.display_title}: {'; '.join(shown)}." if shown else None
    return _infobox(asked, work, text, called, *(x.sources for x in found))


def how_many_works(asked: Asked) -> Reply:
    """How many works the knowledge file holds, by kind."""
    works = asked.franchise.works
    kinds: dict[str, int] = {}
    for work in works:
        kinds[work.kind] = kinds.get(work.kind, 0) + 1
    released = sum(1 for w in works if w.status == "released")
    parts = _listed([f"{n} {kind}{'' if n == 1 else 's' if kind != 'series' else ''}" for kind, n in kinds.items()])
    text = f"The knowledge file holds {plural(len(works), 'work')} of {asked.franchise.name}: {parts}; {released} released."
    return Reply(text, [], command="wick release-date")


def fact_reply(asked: Asked, fact: Fact) -> Reply:
    """A trivia fact, hidden when it would spoil a work not yet seen."""
    records = [r for r in (asked.franchise.get(i) for i in fact.about) if r is not None]
    spoiled = asked.franchise.get(fact.spoils) if fact.spoils else None
    if asked.hidden(fact.spoils):
        assert isinstance(spoiled, Work)
        text = (
            f"That would spoil {spoiled.display_title}: ask again with --spoilers "
            f"(or --seen-through {shell_word(spoiled.aliases[0] if spoiled.aliases else spoiled.title)})."
        )
        return Reply(text, records, spoils=spoiled)
    reply = Reply(fact.text, records, spoils=spoiled if isinstance(spoiled, Work) else None)
    if records:
        reply.command = f"wick info {shell_word(names_of(records[0])[0])}"
    reply.add(fact.sources)
    return reply


ENDING_TAG = "ending"
"""The tag of the fact that tells how a work ends (see docs/knowledge-format.md)."""


def ending(asked: Asked) -> Reply:
    """How a work ends: its fact tagged as the ending, hidden unless spoilers are allowed."""
    work = asked.work()
    found = [f for f in asked.franchise.facts_about(work.id) if ENDING_TAG in f.tags]
    if len(found) != 1:
        raise CannotAnswer([f"trivia: {f.question or f.text}" for f in found])
    return fact_reply(asked, found[0])


# ---------------------------------------------------------------------------------------------
# The forms. Syntax: words (a word of five letters or more may be typed with a typo);
# (a|b c) alternatives; [...] optional; {slot:kind} a name resolved by the resolver, the kind being
# work, character, person or name (a character or a person); {slot:number} a number;
# {_:franchise} the franchise's own name (from the knowledge file); {key=a|b c} the words typed,
# kept in a slot; {key!value} a value given to a slot. Forms are tried in order: the first with a
# reading whose names all resolve answers; readings of one form that give different replies decline.


# fmt: off
FORMS: list[tuple[str, Callable[[Asked], Reply]]] = [
    ("who (is|are|was|were|appears|appear|appeared|acts|acted|stars|starred|has been|have been) [in] both {work:work} and {work2:work}", in_both),
    ("who (is|are|was|were|appears|appear|appeared|acts|acted|stars|starred|has been|have been) in {work:work} and [in] {work2:work} [both]", in_both),
    ("(which|what) (actors|people|characters|cast members) (is|are|was|were|appears|appear|appeared|acts|acted|stars|starred|has been|have been) in both {work:work} and {work2:work}", in_both),
    ("who (plays|played|is playing|portrays|portrayed|voices|voiced|is|was) {name:name} (in|on|from|for) {work:work}", who_plays),
    ("who (plays|played|is playing|portrays|portrayed|voices|voiced) {name:name}", who_plays),
    ("who (is|was) the (actor|actress) (for|of|playing|that plays|who plays) {name:name} [(in|on|from|for) {work:work}]", who_plays),
    ("(which|what) (actor|actress) (plays|played|portrays|portrayed) {name:name} [(in|on|from|for) {work:work}]", who_plays),
    ("who (does|did|is|will) {person:person} (play|playing|portray) [(in|on|from|for) {work:work}]", roles),
    ("(what|which) (character|role|part) (does|did|is|will) {person:person} (play|playing|have) [(in|on|from|for) {work:work}]", roles),
    ("what (is|was|are|were) {person:person} [s] (role|roles|part|parts|involvement|job|character) [(in|on|from|for) {work:work}]", roles),
    ("how (is|was) {person:person} involved (in|with) {work:work}", roles),
    ("what (roles|parts|characters) (does|did|has) {person:person} [(play|played|have)]", roles),
    ("{person:person} [s] (role|roles|part|character|involvement) [(in|on|from|for) {work:work}]", roles),
    ("(is|was|will|does|did) {name:name} [(be|going to be|appear|appears|appearing|star|starring|return|returning|play|playing|come back|coming back|back)] (in|for) {work:work}", is_in),
    ("(is|was|does|did) {work:work} (have|feature|star|include) {name:name}", is_in),
    ("who (is|was|are|were|will be) {job=directing|writing|producing} and {job2=directing|writing|producing} {work:work}", crew),
    ("who {job=directed|wrote|produced|composed|scored|shot|edited|created|developed} and {job2=directed|wrote|produced|composed|scored|shot|edited|created|developed} [the] [(film|movie|show|series|game)] {work:work}", crew),
    ("who (is|was|are|were|will be) {job=directing|writing|producing|editing} [the] [(film|movie|show|series|game)] {work:work}", crew),
    ("who (shot|filmed) the (film|movie|show|series) {work:work} {job!filmed}", crew),
    ("who {job=directed|directs|wrote|writes|produced|composed|scored|shot|edited|created|developed} [the] [(film|movie|show|series|game)] {work:work}", crew),
    ("who (wrote|composed|did|made|is doing|does) [the] {job=music|score|soundtrack|screenplay|script|cinematography} (for|of|in|on) {work:work}", crew),
    ("who (is|was|are|were) [the] {job=director|directors|writer|writers|producer|producers|composer|cinematographer|dp|editor|creator|developer|showrunner|stunt coordinator|stunt coordinators|action director} (of|for|on|behind) {work:work}", crew),
    ("{work:work} {job=director|directors|writer|writers|producer|producers|composer|cinematographer|editor|creator|developer|showrunner|music|soundtrack}", crew),
    ("{job=director|directors|writer|writers|producer|producers|composer|cinematographer|editor|creator|developer|showrunner} (of|for) {work:work}", crew),
    ("(when|what day|what year) (did|does|will|is) {work:work} (come out|came out|coming out|out|release|released|releasing|hit theaters|hit cinemas|open|opens|drop|debut)", release),
    ("(when|what day|what year) (was|is|will) {work:work} [(going to be|be)] (released|out|coming out|come out|dropping)", release),
    ("(when|what) (is|was) [the] {work:work} release [date]", release),
    ("(when|what day|what year) (did|does|will|was|is) {work:work} (come out|came out|coming out|out|release|released|open|opens|hit theaters|hit cinemas) in [the] {region=" + REGION_WORDS + "}", release_in),
    ("(when|what day) (did|does|will|was|is) {work:work} (come out|came out|coming out|out|released|release|come) on {medium=" + ON_MEDIA_WORDS + "}", release_in),
    ("when (is|was) {work:work} on {medium=" + ON_MEDIA_WORDS + "}", release_in),
    ("(when|what day) (did|does|will|was|is) {work:work} (come out|came out|coming out|out|released|release|open|opens|hit|play|playing) in {medium=theaters|theatres|cinemas}", release_in),
    ("(when|what) (is|was) the release date (of|for) {work:work}", release),
    ("{work:work} (release date|release|releases|date)", release),
    ("(when|where|what day) (did|does|will|was|is) {work:work} (premiere|premiered|have its premiere|debut)", premiere),
    ("(when|where|what day) (was|is|will) {work:work} [be] premiered", premiere),
    ("(when|where) (was|is|will be) the [(us|first)] premiere of {work:work}", premiere),
    ("(when|where) (was|is) [the] {work:work} [us] premiere", premiere),
    ("{work:work} [us] (premiere|premiere date|premieres)", premiere),
    ("release date (of|for) {work:work}", release),
    ("(is|has) {work:work} [already] (out|released|come out|been released|in theaters|in cinemas) [(yet|already)] {mode!yet}", release),
    ("(can|could) i (see|watch) {work:work} (yet|now) {mode!yet}", release),
    ("how (long|many days|many weeks|many months|soon) (until|till|til|before|to) {work:work} [(comes out|is out|is released|releases|release|premieres|arrives)] {mode!until}", release),
    ("how (long|many days|many weeks|many months) (until|till|til|before) the release of {work:work} {mode!until}", release),
    ("how long ago (did|was) {work:work} (come out|released|release) {mode!until}", release),
    ("(will|is) there (be|going to be) (a|an|another) {work:work}", exists),
    ("(is|are) (they|anyone) making (a|an|another) {work:work}", exists),
    ("(is|will) {work:work} (happening|coming|going to happen|be made|getting made)", exists),
    ("(will|is) there (be|going to be) (a|an|another) {work:work} {number:number}", sequel_numbered),
    ("(will|is|has) there (be|going to be|been) (a|an|any) (sequel|follow up|followup|second film) (to|for|of) {work:work}", sequel),
    ("(is|are) there (a|an|any) (sequel|follow up|followup) (to|for|of) {work:work} [(yet|coming|planned)]", sequel),
    ("(will|is) there (be|going to be) (a|an|another) {work:work} season {number:number}", sequel_numbered),
    ("(is|will|does) {work:work} (getting|get|going to get|have|got) (a|an) (sequel|follow up|season 2|second season)", sequel),
    ("{work:work} (sequel|follow up)", sequel),
    ("(is|was) (a|an) (sequel|follow up) (to|for|of) {work:work} (coming|happening|planned|announced|greenlit|in development)", sequel),
    ("is there a trailer (for|of) {work:work} [(yet|out|already)] {mode!yes}", trailers),
    ("(is|are) there (a|an|any) (trailer|trailers|teaser|teasers) (for|of|to) {work:work} [(yet|out|already)] {mode!yes}", trailers),
    ("(has|have) (the|a|any) (trailer|trailers|teaser) (for|of) {work:work} (come out|been released|dropped|released|come) [(out|yet)] {mode!yes}", trailers),
    ("(when|where) (did|does|will|was) (the|a) (trailer|teaser) (for|of) {work:work} (come out|drop|released|release|come) {mode!when}", trailers),
    ("(did|does|has) {work:work} (have|get|got) (a|any) (trailer|trailers|teaser) {mode!yes}", trailers),
    ("{work:work} (trailer|trailers|teaser)", trailers),
    ("when (was|did|were) [the] {work:work} (trailer|trailers|teaser) (released|come out|drop|dropped|release|out) {mode!when}", trailers),
    ("(where|how) (can|could|do|should) (i|you|we|one) (stream|watch|see) {work:work} [(online|at home|now|today)]", streaming),
    ("(can|could) (i|you|we|one) (stream|watch) {work:work} [(online|at home|now|anywhere)]", streaming),
    ("(where|what) is {work:work} (streaming|on streaming|available to stream|available|to stream|streamable)", streaming),
    ("is {work:work} (streaming|on streaming|available to stream|streamable) [(anywhere|yet|now)]", streaming),
    ("(what|which) (streaming service|streamer|service|platform|channel) (is|has|streams|carries) {work:work} [on]", streaming),
    ("{work:work} (streaming|stream)", streaming),
    ("(where|how) to (stream|watch) {work:work}", streaming),
    ("when (does|did|is|will) {work:work} (take place|happen|set|occur|fit|go)", story),
    ("where (does|did|will) {work:work} (fit|go) [(in|into) the (story|timeline|chronology|franchise|series)]", story),
    ("(when|where) in the (story|timeline|chronology) (is|does|was) {work:work} [(set|take place|happen|fit)]", story),
    ("(when|what year) (is|was) {work:work} set [(in the story|in the timeline)]", story),
    ("(where|how) does {work:work} fit (in|into) the (story|timeline|chronology|franchise|series)", story),
    ("{work:work} (timeline|chronology|setting|time period)", story),
    ("what (comes|came|happens|is|goes|takes place) {which=after|before} {work:work} [(in the story|in the timeline|chronologically)]", next_work),
    ("what (came|comes) out {which=after|before} {work:work} {order!release}", next_work),
    ("what (was|got|is) released {which=after|before} {work:work} {order!release}", next_work),
    ("(what|which) (film|movie|show|work|one|part) (comes|came|is|goes|happens) {which=after|before} {work:work} [(in the story|in the timeline|chronologically)]", next_work),
    ("(what|which) (film|movie|show|work|one|part) came out {which=after|before} {work:work} {order!release}", next_work),
    ("what (should|do) (i|we) watch {which=after|before} {work:work}", next_work),
    ("what (happens|happened) at the end of {work:work}", ending),
    ("how (does|did) {work:work} end", ending),
    ("what is the ending of {work:work}", ending),
    ("{work:work} ending [explained]", ending),
    ("what (is|was) {work:work} (about|all about)", synopsis),
    ("what (happens|is the story|is the plot) (in|of) {work:work}", synopsis),
    ("{work:work} (plot|synopsis|story|summary|premise)", synopsis),
    ("what is the (plot|synopsis|story|premise|summary) (of|for|in) {work:work}", synopsis),
    ("how (long|many minutes|many hours) (is|was|does|runs) {work:work} [(run|last|long)]", runtime),
    ("(what|how long) is the (runtime|run time|running time|length) (of|for) {work:work}", runtime),
    ("{work:work} (runtime|run time|running time|length)", runtime),
    ("how many episodes (does|did|has|is|are in) {work:work} [(have|has|got)]", runtime),
    ("(what|how much) did {work:work} (cost) and (earn|make|gross|take in)", cost_and_gross),
    ("how much did {work:work} cost [(to make)]", budget),
    ("(what|how much) (was|is) the budget (of|for) {work:work}", budget),
    ("(what|how much) (was|is) {work:work} [s] budget", budget),
    ("{work:work} budget", budget),
    ("how much [money] (did|has) {work:work} (make|made|earn|earned|gross|grossed|take in|bring in) [at the box office] (in|at|on|during|over) [(the|its)] {where=north america|america|us|u s|usa|united states|states|domestic box office|us box office|opening weekend|first weekend|opening|worldwide box office}", box_office_measure),
    ("how much [money] (did|has) {work:work} (make|made|earn|earned|gross|grossed|take in|bring in) [at the box office] {where=domestically|worldwide|globally|overseas|abroad|internationally}", box_office_measure),
    ("how much [money] (did|has) {work:work} (make|made|earn|earned|gross|grossed|take in|bring in) [at the box office]", box_office),
    ("(what|how much) (was|is|did) {work:work} [s] (box office|gross|take|earn|make)", box_office),
    ("(what|how much) (was|is) the box office (of|for) {work:work}", box_office),
    ("{work:work} box office", box_office),
    ("(where|how) (was|is|were) {work:work} (filmed|shot)", filming),
    ("where did they (film|shoot) {work:work}", filming),
    ("when (was|were|did) {work:work} (filmed|shot|film|shoot) {mode!when}", filming),
    ("when did they (film|shoot) {work:work} {mode!when}", filming),
    ("{work:work} filming [(locations|location)]", filming),
    ("(what|where) (are|were|is|was) the filming (locations|location) (of|for) {work:work}", filming),
    ("who (is|was|are|were) in {work:work}", cast),
    ("who (stars|starred|acts|acted|appears|appeared) in {work:work}", cast),
    ("(who|what) is the cast (of|for|in) {work:work}", cast),
    ("{work:work} cast", cast),
    ("cast (of|for) {work:work}", cast),
    ("{name:character} (actor|actress)", who_plays),
    ("(what|which) [{_:franchise}] (works|films|movies|shows|films and shows|movies and shows|entries|parts|ones) (is|was|has|does) {person:person} (in|been in|appear in|starred in|acted in)", works_of),
    ("how many [{_:franchise}] (works|films|movies|shows|films and shows|movies and shows|entries|parts|ones) (is|was|has|does) {person:person} (in|been in|appear in|starred in|acted in)", works_of),
    ("(what|which) else (is|was|has) {person:person} (in|been in)", works_of),
    ("{person:person} (filmography|credits)", works_of),
    ("who (is|are|was|were|appears|appear|appeared|acts|acted|stars|starred|has been|have been) in the most [{_:franchise}] (works|films|movies|shows|films and shows|movies and shows|entries|parts|ones)", most_works),
    ("(which|what) (actor|actress|person) (is|are|was|were|appears|appear|appeared|acts|acted|stars|starred|has been|have been) in the most [{_:franchise}] (works|films|movies|shows|films and shows|movies and shows|entries|parts|ones)", most_works),
    ("who (is|was) {name:name}", who_is),
    ("when (was|is) {person:person} born", person_dates),
    ("how old (is|was) {person:person}", person_dates),
    ("when did {person:person} die", person_dates),
    ("(is|was) {person:person} (alive|dead|still alive)", person_dates),
    ("{person:person} (birthday|age|born)", person_dates),
    ("(what|how) is {work:work} rated", ratings),
    ("(what|how) is {work:work} rated (in|for) [the] {region=" + REGION_WORDS + "}", ratings),
    ("what (is|was) [the] {work:work} [s] (rating|age rating|certificate) in [the] {region=" + REGION_WORDS + "}", ratings),
    ("what (is|was) the (rating|age rating|certificate|certification|mpa rating) (of|for) {work:work}", ratings),
    ("{work:work} (rating|age rating|certificate|rated)", ratings),
    ("is {work:work} (rated r|r rated|for kids|for children|family friendly)", ratings),
    ("(how|what) (was|is|did) {work:work} (received|reviewed|reviews|reception|scored|score|do with critics)", reception),
    ("what did (critics|people|audiences) think of {work:work}", reception),
    ("{work:work} (reviews|reception|scores|score)", reception),
    ("what (is|was) [the] {by=rotten tomatoes|tomatometer|rt|cinemascore} [(score|rating|grade)] (of|for) {work:work}", reception),
    ("what (is|was|did) {work:work} [s] {by=rotten tomatoes|tomatometer|cinemascore} [(score|rating|grade)]", reception),
    ("what (score|rating|grade) did {work:work} (get|have) [(on|from)] {by=rotten tomatoes|cinemascore}", reception),
    ("what {by=rotten tomatoes|tomatometer|cinemascore} [(score|rating|grade)] (did|does) {work:work} (get|have|receive)", reception),
    ("what (did|does) {work:work} (get|score|have) (on|from) {by=rotten tomatoes|cinemascore}", reception),
    ("(what|how) (are|were) the (reviews|scores) (of|for) {work:work}", reception),
    ("how many [{_:franchise}] (works|films|movies|shows|entries|things) (are there|have there been|exist|does the file know|do you know)", how_many_works),
    ("what (is|was) {work:work}", synopsis),
]
# fmt: on
"""Every question form wick answers, most specific first."""


# ---------------------------------------------------------------------------------------------
# Matching a question against a pattern.


class Node(NamedTuple):
    """One piece of a compiled pattern."""

    kind: str  # "word", "alt", "opt", "slot", "capture"
    value: Any


def compile_pattern(pattern: str) -> list[Node]:
    """A pattern's text as a tree of nodes."""
    pattern = _braces_whole(pattern)
    for mark in "()[]|":
        pattern = pattern.replace(mark, f" {mark} ")
    tokens = pattern.split()
    nodes, rest = _sequence(tokens, 0, ())
    assert rest == len(tokens), pattern
    return nodes


def _braces_whole(pattern: str) -> str:
    """Keep each {...} one token: its '|' and spaces are marked so that splitting leaves them alone."""
    out, depth = [], 0
    for ch in pattern:
        depth += ch == "{"
        depth -= ch == "}"
        out.append(_BAR if ch == "|" and depth else _SPACE if ch == " " and depth else ch)
    return "".join(out)


_BAR, _SPACE = "\x00", "\x01"


def _sequence(tokens: list[str], i: int, stop: tuple[str, ...]) -> tuple[list[Node], int]:
    nodes: list[Node] = []
    while i < len(tokens) and tokens[i] not in stop:
        token = tokens[i]
        if token == "(":
            options, i = _alternatives(tokens, i + 1)
            nodes.append(Node("alt", options))
            continue
        if token == "[":
            inner, i = _sequence(tokens, i + 1, ("]",))
            nodes.append(Node("opt", inner))
        elif token.startswith("{") and "=" in token:
            name, words = token.strip("{}").split("=", 1)
            nodes.append(Node("capture", (name, tuple(w.replace(_SPACE, " ") for w in words.split(_BAR)))))
        elif token.startswith("{") and "!" in token:
            name, value = token.strip("{}").split("!", 1)
            nodes.append(Node("const", (name, value)))
        elif token.startswith("{"):
            name, _, kinds = token.strip("{}").partition(":")
            nodes.append(Node("slot", (name, kinds or name)))
        else:
            nodes.append(Node("word", token))
        i += 1
    return nodes, i


def _alternatives(tokens: list[str], i: int) -> tuple[list[list[Node]], int]:
    options: list[list[Node]] = []
    while True:
        option, i = _sequence(tokens, i, ("|", ")"))
        options.append(option)
        if tokens[i] == ")":
            return options, i + 1
        i += 1


@functools.cache
def _fits(typed: str, word: str) -> bool:
    """Whether a typed word stands for a word by the resolver's rules (remembered: forms and facts ask again)."""
    return typed == word or word_cost(typed, word) is not None


TOPIC_TYPO_FROM = 6
"""A fact's topic word is found by a typo only from this many letters: a short word typed is most often
another word ("cost" is not a typo of "cast"), and a fact is found by its topic words alone."""


def _topic(typed: str, word: str) -> bool:
    """Whether a typed word asks for a topic word of a fact's question: exactly, or a typo of a long word."""
    return typed == word or (min(len(typed), len(word)) >= TOPIC_TYPO_FROM and _fits(typed, word))


@functools.cache
def _literal(typed: str, word: str) -> bool:
    """Whether a typed word is a word of a form: exactly, or, for a long word, as a typo of it."""
    if typed == word:
        return True
    if len(word) < LITERAL_TYPO_MIN or typed.isdigit() or word.isdigit():
        return False
    return _fits(typed, word) and not word.startswith(typed)


Binding = dict[str, tuple[str, ...] | str]


def match_nodes(nodes: Sequence[Node], words: Sequence[str], franchise_words: tuple[str, ...]) -> Iterator[Binding]:
    """Every way the nodes take up all the words, as slot bindings."""
    yield from (b for end, b in _walk(list(nodes), 0, words, {}, franchise_words) if end == len(words))


def _fits_words(words: Sequence[str], pos: int, parts: Sequence[str]) -> bool:
    return all(pos + k < len(words) and _literal(words[pos + k], p) for k, p in enumerate(parts))


def _walk(
    nodes: list[Node], pos: int, words: Sequence[str], binding: Binding, fw: tuple[str, ...]
) -> Iterator[tuple[int, Binding]]:
    if not nodes:
        yield pos, binding
        return
    node, rest = nodes[0], nodes[1:]
    if node.kind == "word":
        if pos < len(words) and _literal(words[pos], node.value):
            yield from _walk(rest, pos + 1, words, binding, fw)
    elif node.kind == "alt":
        for option in node.value:
            yield from _walk([*option, *rest], pos, words, binding, fw)
    elif node.kind == "opt":
        yield from _walk([*node.value, *rest], pos, words, binding, fw)
        yield from _walk(rest, pos, words, binding, fw)
    elif node.kind == "capture":
        name, options = node.value
        fitting = [o for o in options if _fits_words(words, pos, o.split())]
        exact = [o for o in fitting if words[pos : pos + len(o.split())] == o.split()]
        for option in exact or fitting:  # a typo stands for a word only when no word is typed exactly
            yield from _walk(rest, pos + len(option.split()), words, {**binding, name: option}, fw)
    elif node.kind == "const":
        name, value = node.value
        yield from _walk(rest, pos, words, {**binding, name: value}, fw)
    elif node.kind == "slot":
        name, kinds = node.value
        if kinds == "franchise":
            if fw and tuple(words[pos : pos + len(fw)]) == fw:
                yield from _walk(rest, pos + len(fw), words, binding, fw)
        elif kinds == "number":
            if pos < len(words) and words[pos].isdigit():
                yield from _walk(rest, pos + 1, words, {**binding, name: words[pos]}, fw)
        else:
            for end in range(pos + 1, len(words) + 1):
                yield from _walk(rest, end, words, {**binding, name: tuple(words[pos:end])}, fw)


KINDS: dict[str, tuple[str, ...]] = {
    "work": ("work",),
    "character": ("character",),
    "person": ("person",),
    "name": ("character", "person"),
}


class Form(NamedTuple):
    """One compiled question form."""

    pattern: str
    nodes: list[Node]
    answer: Callable[[Asked], Reply]


def _compile(forms: Sequence[tuple[str, Callable[[Asked], Reply]]]) -> list[Form]:
    return [Form(pattern, compile_pattern(pattern), func) for pattern, func in forms]


_COMPILED: list[Form] | None = None


def forms() -> list[Form]:
    """The forms, compiled once."""
    global _COMPILED
    if _COMPILED is None:
        _COMPILED = _compile(FORMS)
    return _COMPILED


# ---------------------------------------------------------------------------------------------
# Asking.


def words_of(question: str) -> list[str]:
    """A question's words: normalised, question words folded, fillers dropped."""
    words = normalise(question).split()
    folded: list[str] = []
    i = 0
    while i < len(words):
        for size in (2, 1):
            key = tuple(words[i : i + size])
            if len(key) == size and key in REWRITES:
                folded.extend(REWRITES[key])
                i += size
                break
        else:
            folded.append(words[i])
            i += 1
    changed = True
    while changed and folded:
        changed = False
        for filler in LEADING_FILLERS:
            if tuple(folded[: len(filler)]) == filler and len(folded) > len(filler):
                folded = folded[len(filler) :]
                changed = True
        for filler in TRAILING_FILLERS:
            if tuple(folded[-len(filler) :]) == filler and len(folded) > len(filler):
                folded = folded[: -len(filler)]
                changed = True
    return folded


class Outcome(NamedTuple):
    """A reply to a question, with the question it answers."""

    question: str
    reply: Reply

    def to_json(self) -> Answer:
        """The reply as one JSON-ready document."""
        return {
            "answer": "ask",
            "question": self.question,
            "reply": self.reply.reply,
            "records": [ref(r) for r in self.reply.records],
            "sources": list(self.reply.sources),
            "command": self.reply.command,
            "spoils": ref(self.reply.spoils) if self.reply.spoils else None,
        }


def ask(
    franchise: Franchise,
    resolver: Resolver,
    question: str,
    today: dt.date,
    spoilers: bool = False,
    seen_through: str | None = None,
) -> Outcome:
    """Answer a question from the knowledge file, or raise CannotAnswer with what was closest."""
    through = resolver.resolve_one(seen_through, ("work",)).record if seen_through else None
    assert through is None or isinstance(through, Work)
    words = words_of(question)
    if not words or len(words) > MAX_WORDS:
        raise CannotAnswer()
    franchise_words = tuple(normalise(franchise.name).split())
    near: list[str] = []
    seen: Resolved = {}
    partly: Outcome | None = None  # the first answer, when it reads a name only in part
    for form in forms():
        found: dict[str, Reply] = {}
        exact = False  # whether a reading names every record exactly
        for binding in match_nodes(form.nodes, words, franchise_words):
            slots = _resolve(resolver, binding, near, seen)
            if slots is None:
                continue
            asked = Asked(franchise, resolver, slots, today, spoilers, through)
            try:
                reply = form.answer(asked)
            except CannotAnswer as error:
                near.extend(error.suggestions)
                continue
            found.setdefault(reply.reply, reply)  # readings that give the same reply agree
            exact = exact or all(m.score == EXACT for m in slots.values() if isinstance(m, Match))
        if partly is not None:
            # "who plays man in grey" (or "in gray"): the Man in "Grey in Harbour", read in part, or the
            # Man in Grey. An answer through a name read in part stands only if no later form reads the
            # question otherwise; if one does, wick declines and names both, as for two readings of one form.
            if any(text != partly.reply.reply for text in found):
                _decline(franchise, [partly.reply, *found.values()])
            continue
        if len(found) > 1:
            _decline(franchise, list(found.values()))
        if found:
            outcome = Outcome(question, next(iter(found.values())))
            if exact:
                return outcome
            partly = outcome
    if partly is not None:
        return partly
    fact = _fact(franchise, resolver, words, near)
    if fact is not None:
        asked = Asked(franchise, resolver, {}, today, spoilers, through)
        return Outcome(question, fact_reply(asked, fact))
    if not near:
        near = [describe(franchise, m.record) for m in resolver.suggest(" ".join(words))]
    raise CannotAnswer(list(dict.fromkeys(near))[:5])


def _decline(franchise: Franchise, replies: list[Reply]) -> NoReturn:
    """Readings that give different replies: wick names the first record of each rather than pick one."""
    labels = [describe(franchise, r) for reply in replies for r in reply.records[:1]]
    raise CannotAnswer(list(dict.fromkeys(labels)))


Resolved = dict[tuple[str, tuple[str, ...]], Match | WickError]


def _resolve(resolver: Resolver, binding: Binding, near: list[str], seen: Resolved) -> dict[str, Match | str] | None:
    """Each name slot resolved by the resolver's rules; None when one does not resolve.

    ``seen`` keeps what each slot's words resolved to, since many forms and readings share them.
    """
    slots: dict[str, Match | str] = {}
    for name, value in binding.items():
        if isinstance(value, str):
            slots[name] = value
            continue
        kinds = _slot_kinds(name)
        text = " ".join(value)
        if not content_words(text):
            return None
        if (text, kinds) not in seen:
            try:
                seen[text, kinds] = resolver.resolve(text, kinds)[0]  # type: ignore[arg-type]
            except (WrongKind, Ambiguous, NotFound) as error:
                seen[text, kinds] = error
                near.extend(_closest(error))
        found = seen[text, kinds]
        if not isinstance(found, Match):
            return None
        slots[name] = found
    return slots


def _closest(error: WickError) -> list[str]:
    """The records an error names as near: the one of another kind, the tied ones, or the suggestions."""
    if isinstance(error, WrongKind):
        return [error.label]
    if isinstance(error, Ambiguous):
        return list(error.candidates)
    return list(getattr(error, "suggestions", ()))


SLOT_KINDS = {"work": "work", "work2": "work", "character": "character", "person": "person", "name": "name"}


def _slot_kinds(name: str) -> tuple[str, ...]:
    return KINDS[SLOT_KINDS.get(name, name)]


FACT_COVER = 1 / 3
"""At least this share of a fact question's topic words (those in no record's name) must be asked."""


def _names_a_subject(resolver: Resolver, typed: str, fact: Fact) -> bool:
    """Whether typed words name, by the resolver's rules, one of the records a fact is about."""
    try:
        return any(m.record.id in fact.about for m in resolver.resolve(typed))
    except WickError:
        return False


def _spans(words: Sequence[str], i: int, longest: int = 5) -> Iterator[tuple[int, int]]:
    """The runs of at most ``longest`` neighbouring words that hold word ``i`` ("jw 4" holds "jw")."""
    for a in range(max(0, i - longest + 1), i + 1):
        for b in range(i + 1, min(len(words), a + longest) + 1):
            yield a, b


def _phrases(asked: list[str]) -> list[str]:
    """Every run of neighbouring words asked that could be a name, shortest reach first (see `_spans`)."""
    return [" ".join(asked[a:b]) for a, b in sorted({span for i in range(len(asked)) for span in _spans(asked, i)})]


def _names_the_works_named(franchise: Franchise, resolver: Resolver, phrases: list[str], fact: Fact) -> bool:
    """Whether the phrases asked name every work the fact's question names (by any of its names).

    "Where does John Wick's final duel in Chapter 4 take place?" is about Chapter 4: "where does john
    wick take place" does not ask it, though every word of it is a word of that question ("who plays
    young winston", every topic word of "Who plays the young Winston in The Continental?", does).
    """
    question = f" {normalise(fact.question or '')} "
    for id_ in fact.about:
        work = franchise.get(id_)
        if not isinstance(work, Work) or not any(f" {n} " in question for n in map(normalise, names_of(work)) if n):
            continue
        if not any(_names_work(resolver, phrase, work) for phrase in phrases):
            return False
    return True


def _names_another_work(resolver: Resolver, phrases: list[str], fact: Fact) -> bool:
    """Whether a phrase asked is exactly the name of a work the fact is not about, and of nothing it is.

    "how long is john wick in minutes" asks about John Wick (2014), not the fact on Chapter 4's 169
    minutes; "does john wick die in chapter 4" names the character too, whom that fact is about.
    """
    for phrase in phrases:
        named = resolver.named(phrase)
        if any(isinstance(r, Work) for r in named) and not any(r.id in fact.about for r in named):
            return True
    return False


def _names_work(resolver: Resolver, typed: str, work: Work) -> bool:
    try:
        return any(m.record.id == work.id for m in resolver.resolve(typed, ("work",)))
    except WickError:
        return False


def _fact(franchise: Franchise, resolver: Resolver, words: list[str], near: list[str]) -> Fact | None:
    """The one trivia fact whose question the words ask, if exactly one fits best.

    Every word asked must be a word of the fact's question or of a name of a record it is about;
    at least one must be a topic word (a word of no name: "breed", "title"), and the words asked
    must cover enough of the question's own topic words.
    """
    asked = [w for w in content_words(" ".join(words)) if w not in QUESTION_WORDS]
    vocabulary = resolver.words
    topics_asked = [a for a in asked if a not in vocabulary]
    if len(asked) < 2 or not topics_asked:  # one word ("who directed it") is too little to find a fact by
        return None
    scored: list[tuple[float, Fact]] = []
    named: dict[str, set[str]] = {}  # the words of each subject record's names, found once
    phrases = _phrases(asked)
    for fact in franchise.facts:
        question = [w for w in content_words(normalise(fact.question or "")) if w not in QUESTION_WORDS and len(w) > 1]
        topics = [w for w in question if w not in vocabulary]
        covered = sum(1 for t in topics if any(_topic(a, t) for a in topics_asked)) / len(topics) if topics else 0.0
        if not covered:
            continue
        pool = set(question)
        for i in fact.about:
            if i not in named and (record := franchise.get(i)) is not None:
                named[i] = {w for n in names_of(record) for w in normalise(n).split()}
            pool |= named.get(i, set())
        if not all(a in pool or any(_fits(a, w) for w in pool) for a in asked):
            continue
        # Words the question itself lacks must name one of its records by the resolver's rules:
        # "john" is a word of The Continental's title, yet names no one record.
        spoken = content_words(normalise(fact.question or ""))  # its numbers too ("4" in "Chapter 4")
        rest = [i for i, a in enumerate(asked) if not (a in spoken or any(_fits(a, w) for w in spoken))]
        if rest and not (
            _names_a_subject(resolver, " ".join(asked[i] for i in rest), fact)
            or all(
                any(_names_a_subject(resolver, " ".join(asked[a:b]), fact) for a, b in _spans(asked, i)) for i in rest
            )
        ):
            continue
        if covered < 1 and not _names_the_works_named(franchise, resolver, phrases, fact):
            continue  # a fact on a work not named is found only by every topic word of its question
        if _names_another_work(resolver, phrases, fact):
            continue
        scored.append((covered, fact))
    scored.sort(key=lambda s: -s[0])
    if not scored:
        return None
    best = [f for s, f in scored if s == scored[0][0]]
    if scored[0][0] < FACT_COVER or len(best) > 1:
        near.extend(f"trivia: {f.question or f.text}" for _, f in scored[:3])
        return None
    return best[0]
