"""The answers one by one, as --json gives them: every field of each shape, the release people mean, dates, money.

The shapes are those of tests/data/infobox.yaml, a small franchise whose first work fills every field
of a work and whose sources differ from field to field, so that a field left out of a card shows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from wickcli import answers, loader
from wickcli.errors import NotFound, NotInWork
from wickcli.model import Franchise, Release
from wickcli.progress import Progress, RoundRecord
from wickcli.resolve import Resolver

from .conftest import DATA

INFOBOX = DATA / "infobox.yaml"
TODAY = dt.date(2026, 1, 15)
URL = "https://example.org/"

TW1 = {"id": "tw1", "kind": "work", "name": "Tidewater", "year": 2012, "status": "released"}
TW0 = {"id": "tw0", "kind": "work", "name": "Tidewater: Slack Water", "year": 2014, "status": "released"}
TW2 = {"id": "tw2", "kind": "work", "name": "Tidewater 2", "year": None, "status": "announced"}
GAME = {"id": "tw-game", "kind": "work", "name": "Tidewater Run", "year": None, "status": "cancelled"}
PILOT = {"id": "pilot", "kind": "character", "name": "Anna Vik"}
IDA = {"id": "ida-lund", "kind": "person", "name": "Ida Lund"}
OSKAR = {"id": "oskar-berg", "kind": "person", "name": "Oskar Berg"}


def credit(
    work: dict[str, Any],
    character: dict[str, Any],
    person: dict[str, Any],
    billing: int | None,
    note: str | None,
    source: str,
) -> dict[str, Any]:
    return {
        "work": work,
        "character": character,
        "person": person,
        "billing": billing,
        "note": note,
        "sources": [URL + source],
    }


def release(day: str, region: str, medium: str, days: int, source: str, **extra: str) -> dict[str, Any]:
    """A release as answers give it: status released unless said, note, venue and service only when given."""
    return {
        "date": day,
        "region": region,
        "medium": medium,
        "status": "released",
        "note": extra.get("note"),
        "venue": extra.get("venue"),
        "service": extra.get("service"),
        "days_from_today": days,
        "sources": [URL + source],
    }


IDA_AS_PILOT = credit(TW1, PILOT, IDA, 0, "cameo", "tw1-cameo")
OSKAR_AS_PILOT = credit(TW0, PILOT, OSKAR, 1, "young", "tw0")
TW1_CAST = [
    IDA_AS_PILOT,
    credit(
        TW1,
        {"id": "deckhand", "kind": "character", "name": "Deckhand"},
        {"id": "nils-falk", "kind": "person", "name": "Nils Falk"},
        2,
        None,
        "tw1-cast",
    ),
    credit(
        TW1,
        {"id": "harbourmaster", "kind": "character", "name": "Harbourmaster"},
        {"id": "rut-sand", "kind": "person", "name": "Rut Sand"},
        None,
        None,
        "tw1-cast",
    ),
]
TW1_THEATRICAL = release("2012-05-04", "US", "theatrical", -5004, "tw1")
TW0_FIRST = release("2014-01-15", "DE", "tv", -4383, "tw0-de")
ENDING = {
    "id": "tw-ending",
    "text": "At the end of Tidewater, Anna Vik stays on the island.",
    "spoils": "tw1",
    "tags": ["story"],
    "sources": [URL + "tw1-end"],
}
FERRY = {
    "id": "tw-ferry",
    "text": "The ferry in Tidewater was a real one, hired for a month.",
    "spoils": None,
    "tags": ["production"],
    "sources": [URL + "tw1"],
}


@pytest.fixture(scope="module")
def tide() -> Franchise:
    return loader.load(str(INFOBOX))


@pytest.fixture(scope="module")
def tide_resolver(tide: Franchise) -> Resolver:
    return Resolver(tide)


def test_who_plays_a_character_in_one_work(tide: Franchise, tide_resolver: Resolver) -> None:
    assert answers.who_plays(tide, tide_resolver, "the pilot", "slack water") == {
        "answer": "who-plays",
        "query": "the pilot",
        "matched": "The Pilot",
        "score": 100.0,
        "character": PILOT,
        "film": TW0,
        "credits": [OSKAR_AS_PILOT],
    }


def test_who_plays_in_every_work_names_no_film(tide: Franchise, tide_resolver: Resolver) -> None:
    answer = answers.who_plays(tide, tide_resolver, "vik anna")
    assert (answer["matched"], answer["score"], answer["film"]) == ("Anna Vik", 99.9, None)
    assert answer["credits"] == [IDA_AS_PILOT, OSKAR_AS_PILOT], "release order: Tidewater (2012) first"


def test_who_plays_a_person_gives_their_roles_in_that_work(tide: Franchise, tide_resolver: Resolver) -> None:
    assert answers.who_plays(tide, tide_resolver, "ida lund", "tidewater") == {
        "answer": "roles",
        "query": "ida lund",
        "matched": "Ida Lund",
        "score": 100.0,
        "person": IDA,
        "film": TW1,
        "credits": [IDA_AS_PILOT],
        "crew": [
            {"work": TW1, "job": "director", "note": None, "sources": [URL + "tw1"]},
            {"work": TW1, "job": "writer", "note": "story", "sources": [URL + "tw1-crew"]},
        ],
    }


@pytest.mark.parametrize(
    ("command", "query", "film", "message", "why"),
    [
        ("who_plays", "the pilot", "tidewater 2", "Anna Vik is not credited in Tidewater 2", "a character"),
        (
            "who_plays",
            "rut sand",
            "slack water",
            "Rut Sand is not credited in Tidewater: Slack Water (2014)",
            "a person",
        ),
        ("roles", "oskar berg", "tidewater 2", "Oskar Berg is not credited in Tidewater 2", "neither cast nor crew"),
    ],
)
def test_someone_not_in_the_work_is_refused(
    tide: Franchise, tide_resolver: Resolver, command: str, query: str, film: str, message: str, why: str
) -> None:
    work = tide_resolver.resolve_one(film, ("work",)).record
    with pytest.raises(NotInWork) as error:
        if command == "roles":
            answers.roles(tide, tide_resolver, query, work=work)
        else:
            answers.who_plays(tide, tide_resolver, query, film)
    assert str(error.value) == message, why


def test_roles_of_a_writer_in_a_work_without_credits(tide: Franchise, tide_resolver: Resolver) -> None:
    answer = answers.roles(tide, tide_resolver, "berg oskar", work=tide.work("tw1"))
    assert (answer["matched"], answer["score"], answer["film"], answer["credits"]) == ("Oskar Berg", 99.9, TW1, [])
    assert answer["crew"] == [{"work": TW1, "job": "writer", "note": None, "sources": [URL + "tw1-crew"]}]


def test_release_date_of_one_work(tide: Franchise, tide_resolver: Resolver) -> None:
    assert answers.release_date(tide, tide_resolver, "tidewater", TODAY) == {
        "answer": "release-date",
        "query": "tidewater",
        "matched": "Tidewater",
        "score": 100.0,
        "today": "2026-01-15",
        "work": TW1,
        "status": "released",
        "release": TW1_THEATRICAL,
        "upcoming": False,
        "releases": [
            release("2012-03-01", "US", "premiere", -5068, "tw1", venue="Strait Film Festival"),
            release("2012-04-20", "UK", "theatrical", -5018, "tw1-uk"),
            TW1_THEATRICAL,
            release("2012-09-10", "US", "streaming", -4875, "tw1-stream", note="with extras", service="Example+"),
        ],
        "earlier_dates": [{"date": "2011-11-11", "reason": "Moved to spring", "sources": [URL + "tw1-date"]}],
        "streaming": ["Example+"],
        "sources": [URL + "tw1"],
    }


def test_releases_of_one_day_keep_the_file_order(tide: Franchise, tide_resolver: Resolver) -> None:
    answer = answers.release_date(tide, tide_resolver, "slack water tidewater", TODAY)
    assert (answer["matched"], answer["score"], answer["release"]) == ("Tidewater: Slack Water", 99.9, TW0_FIRST)
    assert [(r["date"], r["region"]) for r in answer["releases"]] == [
        ("2014-01-15", "DE"),
        ("2014-02-01", "FR"),
        ("2014-02-01", "AT"),
    ], "by date; France and Austria on the same day, as the file lists them"
    (card,) = answers.info(tide, tide_resolver, "slack water", TODAY)["cards"]
    assert [r["region"] for r in card["releases"]] == ["DE", "FR", "AT"], "the card lists them alike"


def test_release_dates_of_every_work(tide: Franchise, tide_resolver: Resolver) -> None:
    assert answers.release_date(tide, tide_resolver, None, TODAY) == {
        "answer": "release-dates",
        "today": "2026-01-15",
        "works": [
            {"work": TW1, "status": "released", "release": TW1_THEATRICAL, "upcoming": False},
            {"work": TW0, "status": "released", "release": TW0_FIRST, "upcoming": False},
            {"work": TW2, "status": "announced", "release": None, "upcoming": True},
            {"work": GAME, "status": "cancelled", "release": None, "upcoming": False},
        ],
    }


@pytest.mark.parametrize(
    ("query", "today", "upcoming", "why"),
    [
        ("tidewater", "2012-05-03", True, "the day before its release"),
        ("tidewater", "2012-05-04", False, "on the day it comes out it is out"),
        ("tidewater", "2012-04-25", True, "the UK release and the premiere before it do not count"),
        ("tidewater 2", "2030-01-01", True, "an announced work without a date is still to come"),
        ("tidewater run", "2010-01-01", False, "a cancelled work without a date never comes"),
    ],
)
def test_whether_a_work_is_still_to_come(
    tide: Franchise, tide_resolver: Resolver, query: str, today: str, upcoming: bool, why: str
) -> None:
    answer = answers.release_date(tide, tide_resolver, query, dt.date.fromisoformat(today))
    assert answer["upcoming"] is upcoming, why


def _release(day: str, region: str, medium: str) -> Release:
    return Release(date=dt.date.fromisoformat(day), region=region, medium=medium)


@pytest.mark.parametrize(
    ("releases", "main", "why"),
    [
        (
            [("2012-03-01", "US", "premiere"), ("2012-04-20", "UK", "theatrical"), ("2012-05-04", "US", "theatrical")],
            2,
            "the US theatrical release over an earlier premiere and an earlier release abroad",
        ),
        (
            [("2012-03-01", "US", "premiere"), ("2012-04-20", "UK", "theatrical"), ("2012-05-04", "US", "streaming")],
            2,
            "no US cinema release: any US release other than a premiere, over a release abroad",
        ),
        (
            [("2012-04-20", "UK", "theatrical"), ("2012-03-01", "US", "premiere")],
            1,
            "a US premiere is still a US release, over a release abroad",
        ),
        (
            [("2012-01-10", "US", "streaming"), ("2012-05-04", "US", "theatrical"), ("2012-02-01", "CA", "theatrical")],
            1,
            "the US cinema release over an earlier US streaming release and a cinema release abroad",
        ),
        ([("2014-02-01", "FR", "tv"), ("2014-01-15", "DE", "tv")], 1, "nothing in the US: the earliest"),
        (
            [("2014-02-01", "US", "theatrical"), ("2014-01-15", "US", "theatrical")],
            1,
            "two US theatrical releases: the earliest",
        ),
        ([], None, "a work with no release has none"),
    ],
)
def test_the_release_people_mean(releases: list[tuple[str, str, str]], main: int | None, why: str) -> None:
    from wickcli.model import Work

    listed = tuple(_release(*r) for r in releases)
    work = Work(id="w", title="W", kind="film", status="released", releases=listed)
    assert work.main_release == (listed[main] if main is not None else None), why


TIMELINE_TW0 = {
    "work": TW0,
    "aliases": [],
    "kind": "series",
    "status": "released",
    "story_order": 1,
    "set": "Summer 1990",
    "release_order": 2,
    "released": "2014-01-15",
}
TIMELINE_TW1 = {
    "work": TW1,
    "aliases": ["TW1"],
    "kind": "film",
    "status": "released",
    "story_order": 2,
    "set": "Winter 2001",
    "release_order": 1,
    "released": "2012-05-04",
}
UNPLACED: list[dict[str, Any]] = [
    {"work": w, "aliases": [], "kind": kind, "status": w["status"], "story_order": None, "set": None}
    | {"release_order": None, "released": None}
    for w, kind in ((TW2, "film"), (GAME, "game"))
]


@pytest.mark.parametrize(
    ("order", "works", "why"),
    [
        ("story", [TIMELINE_TW0, TIMELINE_TW1], "the series is set before the film, though it came out after"),
        ("release", [TIMELINE_TW1, TIMELINE_TW0], "the film came out first: release order 1"),
    ],
)
def test_timeline(tide: Franchise, order: str, works: list[dict[str, Any]], why: str) -> None:
    assert answers.timeline(tide, order) == {
        "answer": "timeline",
        "order": order,
        "works": works,
        "unplaced": UNPLACED,
    }, why


@pytest.mark.parametrize(
    ("query", "matched", "score", "work", "credits", "why"),
    [
        ("tw1", "TW1", 100.0, TW1, TW1_CAST, "billing 0 is a billing and comes first; the unbilled come last"),
        ("slack water tidewater", "Tidewater: Slack Water", 99.9, TW0, [OSKAR_AS_PILOT], "the title's words reordered"),
    ],
)
def test_cast_in_billing_order(
    tide: Franchise,
    tide_resolver: Resolver,
    query: str,
    matched: str,
    score: float,
    work: dict[str, Any],
    credits: list[dict[str, Any]],
    why: str,
) -> None:
    assert answers.cast(tide, tide_resolver, query) == {
        "answer": "cast",
        "query": query,
        "matched": matched,
        "score": score,
        "work": work,
        "credits": credits,
    }, why


def test_search_labels_each_match(tide: Franchise, tide_resolver: Resolver) -> None:
    assert answers.search(tide, tide_resolver, "berg oskar") == {
        "answer": "search",
        "query": "berg oskar",
        "matches": [
            {**OSKAR, "matched": "Oskar Berg", "score": 99.9, "label": "Oskar Berg (person)"},
        ],
    }


@pytest.mark.parametrize(
    ("query", "suggestions", "why"),
    [
        (
            "tidewater ferry",
            ["Tidewater (2012) (work)", "Tidewater 2 (work)", "Tidewater Run (work)"],
            "works by title and year",
        ),
        ("anna karenina", ["Anna Vik (character in Tidewater, Tidewater: Slack Water)"], "a character by its works"),
    ],
)
def test_search_that_finds_nothing_suggests(
    tide: Franchise, tide_resolver: Resolver, query: str, suggestions: list[str], why: str
) -> None:
    with pytest.raises(NotFound) as error:
        answers.search(tide, tide_resolver, query)
    assert list(error.value.suggestions) == suggestions, why


WORK_CARD = {
    **TW1,
    "title": "Tidewater",
    "aliases": ["TW1"],
    "type": "film",
    "runtime": 101,
    "episodes": None,
    "synopsis": "A ferry pilot crosses the strait one last time.",
    "set": "Winter 2001",
    "story_order": 2,
    "release": TW1_THEATRICAL,
    "earlier_dates": [{"date": "2011-11-11", "reason": "Moved to spring"}],
    "crew": {
        "director": [{**IDA, "note": None}],
        "writer": [{**OSKAR, "note": None}, {**IDA, "note": "story"}],
    },
    "cast": TW1_CAST,
    "studios": ["Strait Pictures"],
    "distributors": ["Example Films"],
    "streaming": ["Example+"],
    "trailers": [{"date": "2011-12-01", "label": "Teaser", "sources": [URL + "tw1-teaser"]}],
    "sequel": "Followed by Tidewater 2",
    "releases": [
        release("2012-03-01", "US", "premiere", -5068, "tw1", venue="Strait Film Festival"),
        release("2012-04-20", "UK", "theatrical", -5018, "tw1-uk"),
        TW1_THEATRICAL,
        release("2012-09-10", "US", "streaming", -4875, "tw1-stream", note="with extras", service="Example+"),
    ],
    "budget": {
        "amount": 9000000,
        "up_to": None,
        "currency": "EUR",
        "note": "estimated",
        "sources": [URL + "tw1-budget"],
    },
    "box_office": [
        {
            "measure": "worldwide",
            "amount": 31234567,
            "region": "World",
            "currency": "USD",
            "as_of": "2012-08-01",
            "note": None,
            "sources": [URL + "tw1-money"],
        }
    ],
    "reception": [
        {
            "by": "Rotten Tomatoes",
            "score": "88%",
            "as_of": "2026-01-15",
            "note": "90 reviews",
            "sources": [URL + "tw1-rt"],
        }
    ],
    "certificates": [
        {"region": "US", "rating": "PG-13", "body": "MPA", "reason": "for peril at sea", "sources": [URL + "tw1-cert"]}
    ],
    "filming": {
        "start": "2010-10-04",
        "end": "2010-12-17",
        "locations": ["Bergen", "Orkney"],
        "note": "at sea",
        "sources": [URL + "tw1-film"],
    },
    "episode_list": [
        {"number": 1, "title": "Crossing", "date": "2012-05-04", "note": "the film's cut", "sources": [URL + "tw1-ep"]}
    ],
    "facts": [FERRY, ENDING],
    "sources": [
        URL + s
        for s in [
            "tw1",
            "tw1-uk",
            "tw1-stream",
            "tw1-crew",
            "tw1-date",
            "tw1-teaser",
            "tw2",
            "tw1-budget",
            "tw1-money",
            "tw1-rt",
            "tw1-cert",
            "tw1-film",
            "tw1-ep",
        ]
    ],
}


def test_info_card_of_a_work_holds_every_field(tide: Franchise, tide_resolver: Resolver) -> None:
    """Sources: the work's, then those of its releases, crew, moved dates, trailers, sequel and infobox, each once."""
    assert answers.info(tide, tide_resolver, "tidewater", TODAY) == {
        "answer": "info",
        "query": "tidewater",
        "cards": [WORK_CARD],
    }


def test_info_card_of_a_series_without_figures(tide: Franchise, tide_resolver: Resolver) -> None:
    (card,) = answers.info(tide, tide_resolver, "slack water", TODAY)["cards"]
    assert {k: card[k] for k in ("episodes", "release", "budget", "filming", "sequel", "facts", "sources")} == {
        "episodes": 6,
        "release": TW0_FIRST,
        "budget": None,
        "filming": None,
        "sequel": None,
        "facts": [],
        "sources": [URL + "tw0", URL + "tw0-fr", URL + "tw0-at", URL + "tw0-de"],
    }


CHARACTER_CARD = {
    **PILOT,
    "aliases": ["The Pilot"],
    "description": "Pilot of the last ferry.",
    "credits": [IDA_AS_PILOT, OSKAR_AS_PILOT],
    "facts": [ENDING],
    "sources": [URL + "tw1", URL + "tw1-cameo", URL + "tw0"],
}
PERSON_CARD = {
    **IDA,
    "aliases": [],
    "born": "1970-02-03",
    "died": "2024-05-06",
    "credits": [IDA_AS_PILOT],
    "crew": [{"work": TW1, "job": "director", "note": None}, {"work": TW1, "job": "writer", "note": "story"}],
    "facts": [
        {
            "id": "tw-last-passenger",
            "text": "Ida Lund's cameo is the ferry's last passenger.",
            "spoils": "tw1",
            "tags": [],
            "sources": [URL + "tw1-end"],
        }
    ],
    "sources": [URL + "ida", URL + "tw1-cameo", URL + "tw1", URL + "tw1-crew"],
}


@pytest.mark.parametrize(
    ("query", "spoilers", "card", "why"),
    [
        ("anna vik", True, CHARACTER_CARD, "a character: each actor, facts, and the credits' sources"),
        ("anna vik", False, {**CHARACTER_CARD, "facts": []}, "a fact that spoils Tidewater is left out"),
        ("ida lund", True, PERSON_CARD, "a person: roles, jobs behind the camera, and their sources"),
        ("ida lund", False, {**PERSON_CARD, "facts": []}, "a fact about a person can spoil a work too"),
        ("tidewater", False, {**WORK_CARD, "facts": [FERRY]}, "a work's facts without its spoiler"),
    ],
)
def test_info_cards(
    tide: Franchise, tide_resolver: Resolver, query: str, spoilers: bool, card: dict[str, Any], why: str
) -> None:
    assert answers.info(tide, tide_resolver, query, TODAY, spoilers)["cards"] == [card], why


def test_info_of_a_person_with_an_alias(tide: Franchise, tide_resolver: Resolver) -> None:
    (card,) = answers.info(tide, tide_resolver, "oskar berg", TODAY)["cards"]
    assert (card["aliases"], card["born"], card["died"]) == (["Ozzy Berg"], None, None)
    assert card["sources"] == [URL + "oskar", URL + "tw0", URL + "tw1-crew"]


def test_about(tide: Franchise) -> None:
    assert answers.about(tide, "9.9") == {
        "answer": "about",
        "version": "9.9",
        "franchise": "Tidewater",
        "data_file": str(INFOBOX),
        "data_as_of": "2026-01-15",
        "counts": {"works": 4, "people": 4, "characters": 3, "credits": 4, "facts": 3},
    }


def test_stats_of_three_rounds() -> None:
    """Recall over every round; the last time played is the last round that kept its time; best per category."""
    progress = Progress()
    now = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)
    first: RoundRecord = {"score": 3, "asked": 4, "at": "2026-02-28T12:00:00+00:00", "by_category": {"cast": [3, 4]}}
    second: RoundRecord = {
        "score": 1,
        "asked": 4,
        "at": "2026-03-01T11:00:00+00:00",
        "by_category": {"quotes": [0, 2], "cast": [1, 2]},
    }
    progress.add_round(first, [("q-again", 1)], now - dt.timedelta(days=1))
    progress.add_round(second, [("q-good", 3)], now)
    progress.add_round({"score": 0, "asked": 0}, [], now)  # an interrupted round, its time not kept
    assert answers.stats(progress, "/h/history.json", "Tidewater", now) == {
        "answer": "stats",
        "history_file": "/h/history.json",
        "franchise": "Tidewater",
        "rounds": 3,
        "last_played": "2026-03-01T11:00:00+00:00",
        "today": "2026-03-01",
        "right": 4,
        "asked": 8,
        "recall": 0.5,
        "best": {"cast": {"right": 3, "asked": 4}, "quotes": {"right": 0, "asked": 2}},
        "cards": 2,
        "due": {"today": 1, "week": 2},
    }
    assert list(answers.stats(progress, "/h/history.json", "Tidewater", now)["best"]) == ["cast", "quotes"]


@pytest.mark.parametrize(
    ("day", "today", "words", "why"),
    [
        ("2026-12-16", "2026-12-02", "in 2 weeks", "fourteen days are two weeks"),
        ("2026-11-18", "2026-12-02", "2 weeks ago", "and two weeks ago"),
        ("2026-12-15", "2026-12-02", "in 13 days", "thirteen days stay days"),
    ],
)
def test_relative_weeks_from_fourteen_days(day: str, today: str, words: str, why: str) -> None:
    assert answers.relative(dt.date.fromisoformat(day), dt.date.fromisoformat(today)) == words, why


@pytest.mark.parametrize(
    ("amount", "currency", "up_to", "shown", "why"),
    [
        (1_000_000, "USD", None, "$1 million", "one million exactly reads in millions"),
        (1_000_000, "USD", 2_000_000, "$1–2 million", "a range from one million"),
        (990_000, "USD", None, "$990,000", "just under a million stays exact"),
        (20_000_001, "USD", 30_000_000, "$20,000,001–30,000,000", "an exact range keeps both figures, one dash"),
        (15_000_000, "GBP", 20_000_000, "15–20 million GBP", "a range in another currency"),
    ],
)
def test_money_figures(amount: int, currency: str, up_to: int | None, shown: str, why: str) -> None:
    assert answers.money(amount, currency, up_to) == shown, why
