"""Answers to lookups as plain, JSON-ready dicts: the one shape that both --json and the tables use."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from .errors import NotInWork
from .model import (
    Character,
    Credit,
    Fact,
    Franchise,
    Person,
    Record,
    Release,
    Work,
    billing_order,
    display_name,
    kind_of,
    name_of,
)
from .resolve import Match, Resolver

if TYPE_CHECKING:
    from .progress import Progress
    from .shapes import (
        AboutAnswer,
        CastAnswer,
        CreditAnswer,
        Ref,
        ReleaseAnswer,
        ReleaseDateAnswer,
        ReleaseDatesAnswer,
        RolesAnswer,
        SearchAnswer,
        TimelineAnswer,
        TimelineRow,
        WhoPlaysAnswer,
        WorkDates,
    )

Answer = dict[str, Any]
"""An answer not yet given a shape of its own below."""


def ref(record: Record) -> Ref:
    """A short reference to a record: id, kind and display name."""
    if isinstance(record, Work):
        return {"id": record.id, "kind": "work", "name": name_of(record), "year": record.year, "status": record.status}
    return {"id": record.id, "kind": kind_of(record), "name": name_of(record)}


def _credit(franchise: Franchise, credit: Credit) -> CreditAnswer:
    return {
        "work": ref(franchise.work(credit.work)),
        "character": ref(franchise.character(credit.character)),
        "person": ref(franchise.person(credit.person)),
        "billing": credit.billing,
        "note": credit.note,
        "sources": list(credit.sources),
    }


def who_plays(
    franchise: Franchise, resolver: Resolver, query: str, film: str | None = None
) -> WhoPlaysAnswer | RolesAnswer:
    """Who plays a character in each work; for a person, that person's roles instead (in one work with ``film``)."""
    work = resolver.resolve_one(film, ("work",)).record if film is not None else None
    match = resolver.resolve_one(query, ("character", "person"))
    if isinstance(match.record, Person):
        return roles(franchise, resolver, query, match, work)
    credits = franchise.credits_of(match.record)
    if work is not None:
        credits = [c for c in credits if c.work == work.id]
        if not credits:
            raise NotInWork(display_name(match.record), display_name(work))
    return {
        "answer": "who-plays",
        "query": query,
        "matched": match.name,
        "score": round(match.score, 1),
        "character": ref(match.record),
        "film": ref(work) if work is not None else None,
        "credits": [_credit(franchise, c) for c in credits],
    }


def roles(
    franchise: Franchise, resolver: Resolver, query: str, match: Match | None = None, work: Record | None = None
) -> RolesAnswer:
    """A person's roles in front of and behind the camera (only those in one work, when it is given)."""
    match = match or resolver.resolve_one(query, ("person",))
    person = match.record
    credits = franchise.credits_of(person)
    crew = franchise.crew_of(person.id)
    if work is not None:
        credits = [c for c in credits if c.work == work.id]
        crew = [(w, c) for w, c in crew if w.id == work.id]
        if not credits and not crew:
            raise NotInWork(display_name(person), display_name(work))
    return {
        "answer": "roles",
        "query": query,
        "matched": match.name,
        "score": round(match.score, 1),
        "person": ref(person),
        "film": ref(work) if work is not None else None,
        "credits": [_credit(franchise, c) for c in credits],
        "crew": [{"work": ref(w), "job": c.job, "note": c.note, "sources": list(c.sources)} for w, c in crew],
    }


def about(franchise: Franchise, version: str) -> AboutAnswer:
    """What wick runs on: version, knowledge file, its date and counts."""
    return {
        "answer": "about",
        "version": version,
        "franchise": franchise.name,
        "data_file": franchise.path,
        "data_as_of": iso(franchise.data_as_of),
        "counts": franchise.counts(),
    }


def iso(day: dt.date | None) -> str | None:
    """A date as ISO text, for JSON."""
    return day.isoformat() if day else None


def _sources(*groups: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(s for group in groups for s in group))


def _release(release: Release, today: dt.date) -> ReleaseAnswer:
    return {
        "date": release.date.isoformat(),
        "region": release.region,
        "medium": release.medium,
        "status": release.status,
        "note": release.note,
        "venue": release.venue,
        "service": release.service,
        "days_from_today": (release.date - today).days,
        "sources": list(release.sources),
    }


def _work_dates(work: Work, today: dt.date) -> WorkDates:
    main = work.main_release
    return {
        "work": ref(work),
        "status": work.status,
        "release": _release(main, today) if main else None,
        "upcoming": bool(main and main.date > today) or (main is None and work.status != "cancelled"),
    }


def release_date(
    franchise: Franchise, resolver: Resolver, query: str | None, today: dt.date
) -> ReleaseDatesAnswer | ReleaseDateAnswer:
    """When a work came out (or comes out), how far that is from today, and how the date moved."""
    if query is None:
        return {
            "answer": "release-dates",
            "today": today.isoformat(),
            "works": [_work_dates(w, today) for w in franchise.works_by_release],
        }
    match = resolver.resolve_one(query, ("work",))
    work = match.record
    assert isinstance(work, Work)
    dates = _work_dates(work, today)
    return {
        "answer": "release-date",
        "query": query,
        "matched": match.name,
        "score": round(match.score, 1),
        "today": today.isoformat(),
        "work": dates["work"],
        "status": dates["status"],
        "release": dates["release"],
        "upcoming": dates["upcoming"],
        "releases": [_release(r, today) for r in sorted(work.releases, key=lambda r: r.date)],
        "earlier_dates": [
            {"date": c.date.isoformat(), "reason": c.reason, "sources": list(c.sources)} for c in work.release_history
        ],
        "streaming": list(work.streaming),
        "sources": list(work.sources),
    }


def _timeline_row(franchise: Franchise, work: Work) -> TimelineRow:
    main = work.main_release
    return {
        "work": ref(work),
        "aliases": list(work.aliases),
        "kind": work.kind,
        "status": work.status,
        "story_order": work.story.order,
        "set": work.story.set,
        "release_order": franchise.release_rank(work.id) + 1 if work.first_release else None,
        "released": main.date.isoformat() if main else None,
    }


def timeline(franchise: Franchise, order: str) -> TimelineAnswer:
    """Works in story or release order; works whose place in that order is unknown apart, after them."""
    by_story = order == "story"
    works = franchise.works_by_story if by_story else franchise.works_by_release
    rows: dict[bool, list[TimelineRow]] = {True: [], False: []}
    for work in works:
        placed = work.story.order is not None if by_story else work.first_release is not None
        rows[placed].append(_timeline_row(franchise, work))
    return {"answer": "timeline", "order": order, "works": rows[True], "unplaced": rows[False]}


def cast(franchise: Franchise, resolver: Resolver, query: str) -> CastAnswer:
    """The cast of one work in billing order."""
    match = resolver.resolve_one(query, ("work",))
    credits = sorted(franchise.credits_of(match.record), key=billing_order)
    return {
        "answer": "cast",
        "query": query,
        "matched": match.name,
        "score": round(match.score, 1),
        "work": ref(match.record),
        "credits": [_credit(franchise, c) for c in credits],
    }


def search(franchise: Franchise, resolver: Resolver, query: str, limit: int = 10) -> SearchAnswer:
    """Ranked matches across works, characters and people."""
    from .errors import NotFound
    from .resolve import describe

    matches = resolver.search(query, limit=limit)
    if not matches:  # like grep: nothing found is exit status 1
        raise NotFound(query, [describe(franchise, m.record) for m in resolver.suggest(query)])
    return {
        "answer": "search",
        "query": query,
        "matches": [
            {**ref(m.record), "matched": m.name, "score": round(m.score, 1), "label": describe(franchise, m.record)}
            for m in matches
        ],
    }


def _fact(fact: Fact) -> Answer:
    return {
        "id": fact.id,
        "text": fact.text,
        "spoils": fact.spoils,
        "tags": list(fact.tags),
        "sources": list(fact.sources),
    }


def _facts(franchise: Franchise, record_id: str, spoilers: bool) -> list[Answer]:
    return [_fact(f) for f in franchise.facts_about(record_id) if spoilers or not f.spoils]


def _work_card(franchise: Franchise, work: Work, today: dt.date, spoilers: bool) -> Answer:
    crew: dict[str, list[Answer]] = {}
    for job in work.crew:
        crew.setdefault(job.job, []).append({**ref(franchise.person(job.person)), "note": job.note})
    credits = sorted(franchise.credits_of(work), key=billing_order)
    return {
        **ref(work),
        "title": work.title,
        "aliases": list(work.aliases),
        "type": work.kind,
        "status": work.status,
        "runtime": work.runtime,
        "episodes": work.episodes,
        "synopsis": work.synopsis,
        "set": work.story.set,
        "story_order": work.story.order,
        "release": _work_dates(work, today)["release"],
        "earlier_dates": [{"date": c.date.isoformat(), "reason": c.reason} for c in work.release_history],
        "crew": crew,
        "cast": [_credit(franchise, c) for c in credits],
        "studios": list(work.studios),
        "distributors": list(work.distributors),
        "streaming": list(work.streaming),
        "trailers": [{"date": t.date.isoformat(), "label": t.label, "sources": list(t.sources)} for t in work.trailers],
        "sequel": work.sequel.status if work.sequel else None,
        **_work_record(work, today),
        "facts": _facts(franchise, work.id, spoilers),
        "sources": _sources(
            work.sources,
            *(r.sources for r in work.releases),
            *(c.sources for c in work.crew),
            *(c.sources for c in work.release_history),
            *(t.sources for t in work.trailers),
            work.sequel.sources if work.sequel else (),
            work.budget.sources if work.budget else (),
            *(g.sources for g in work.box_office),
            *(x.sources for x in work.reception),
            *(c.sources for c in work.certificates),
            work.filming.sources if work.filming else (),
            *(e.sources for e in work.episode_list),
        ),
    }


def _work_record(work: Work, today: dt.date) -> Answer:
    """The infobox figures of a work: every release, money, scores, ratings, filming, episodes."""
    budget, filming = work.budget, work.filming
    return {
        "releases": [_release(r, today) for r in sorted(work.releases, key=lambda r: r.date)],
        "budget": {**budget._asdict(), "sources": list(budget.sources)} if budget else None,
        "box_office": [{**g._asdict(), "as_of": iso(g.as_of), "sources": list(g.sources)} for g in work.box_office],
        "reception": [{**x._asdict(), "as_of": iso(x.as_of), "sources": list(x.sources)} for x in work.reception],
        "certificates": [{**c._asdict(), "sources": list(c.sources)} for c in work.certificates],
        "filming": {
            "start": iso(filming.start),
            "end": iso(filming.end),
            "locations": list(filming.locations),
            "note": filming.note,
            "sources": list(filming.sources),
        }
        if filming
        else None,
        "episode_list": [{**e._asdict(), "date": iso(e.date), "sources": list(e.sources)} for e in work.episode_list],
    }


def _character_card(franchise: Franchise, character: Character, spoilers: bool) -> Answer:
    credits = franchise.credits_of(character)
    return {
        **ref(character),
        "aliases": list(character.aliases),
        "description": character.description,
        "credits": [_credit(franchise, c) for c in credits],
        "facts": _facts(franchise, character.id, spoilers),
        "sources": _sources(character.sources, *(c.sources for c in credits)),
    }


def _person_card(franchise: Franchise, person: Person, spoilers: bool) -> Answer:
    credits = franchise.credits_of(person)
    jobs = franchise.crew_of(person.id)
    return {
        **ref(person),
        "aliases": list(person.aliases),
        "born": iso(person.born),
        "died": iso(person.died),
        "credits": [_credit(franchise, c) for c in credits],
        "crew": [{"work": ref(w), "job": c.job, "note": c.note} for w, c in jobs],
        "facts": _facts(franchise, person.id, spoilers),
        "sources": _sources(person.sources, *(c.sources for c in credits), *(c.sources for _, c in jobs)),
    }


def info(franchise: Franchise, resolver: Resolver, query: str, today: dt.date, spoilers: bool = True) -> Answer:
    """A card for each record the name means (a name can be both a work and a character)."""
    cards: list[Answer] = []
    for match in resolver.resolve(query):
        record = match.record
        if isinstance(record, Work):
            cards.append(_work_card(franchise, record, today, spoilers))
        elif isinstance(record, Character):
            cards.append(_character_card(franchise, record, spoilers))
        else:
            cards.append(_person_card(franchise, record, spoilers))
    return {"answer": "info", "query": query, "cards": cards}


def stats(progress: Progress, path: str, franchise: str, now: dt.datetime) -> Answer:
    """Quiz progress in numbers: rounds, recall rate, best rounds, and questions due today and this week."""
    rounds = progress.rounds
    right = sum(r["score"] for r in rounds)
    asked = sum(r["asked"] for r in rounds)
    tonight = dt.datetime.combine(now.date(), dt.time.max, tzinfo=dt.UTC)
    last = next((r["at"] for r in reversed(rounds) if "at" in r), None)
    return {
        "answer": "stats",
        "history_file": path,
        "franchise": franchise,
        "rounds": len(rounds),
        "last_played": last,
        "today": now.date().isoformat(),
        "right": right,
        "asked": asked,
        "recall": right / asked if asked else None,
        "best": {k: {"right": r, "asked": a} for k, (r, a) in sorted(progress.best().items())},
        "cards": len(progress.cards),
        "due": {"today": len(progress.due(tonight)), "week": len(progress.due(tonight + dt.timedelta(days=7)))},
    }


def plural(n: int, unit: str) -> str:
    """A count with its unit, plural when it is not one: "1 year", "3 weeks"."""
    return f"{n} {unit}{'s' if n != 1 else ''}"


def _whole_months(earlier: dt.date, later: dt.date) -> int:
    """Whole months from one day to a later one: a month has passed when its day of the month is reached.

    A day the month does not have counts as reached on its last day (Jan 31 to Feb 28 is one month).
    """
    import calendar  # here, not at the top: it imports locale, which a lookup does not need

    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    last_day = calendar.monthrange(later.year, later.month)[1]
    if later.day < earlier.day and later.day < last_day:
        months -= 1
    return months


def relative(day: dt.date, today: dt.date) -> str:
    """How far a day is from today, in words: 'in 3 weeks', '1 year, 5 months ago', never rounded up."""
    if day == today:
        return "today"
    earlier, later = sorted((day, today))
    months = _whole_months(earlier, later)
    days = (later - earlier).days
    if months:
        years, months = divmod(months, 12)
        parts = [plural(years, "year")] if years else []
        if months:
            parts.append(plural(months, "month"))
        span = ", ".join(parts)
    elif days >= 14:
        span = plural(days // 7, "week")
    else:
        span = plural(days, "day")
    return f"in {span}" if day > today else f"{span} ago"


def money(amount: int, currency: str = "USD", up_to: int | None = None) -> str:
    """An amount as people write it: '$73.8 million' for figures rounded to $10,000, '$43,037,835' for exact ones."""
    amounts = [amount] if up_to is None else [amount, up_to]
    if all(a >= 1_000_000 and a % 10_000 == 0 for a in amounts):
        shown = "–".join(f"{a / 1_000_000:g}" for a in amounts) + " million"
    else:
        shown = "–".join(f"{a:,}" for a in amounts)
    return f"${shown}" if currency == "USD" else f"{shown} {currency}"
