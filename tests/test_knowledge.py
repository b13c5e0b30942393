"""The shipped knowledge file: integrity over every record, and known answers through the real CLI."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from wickcli import quiz
from wickcli.cli import app
from wickcli.model import Franchise, kind_of, names_of
from wickcli.resolve import normalise


def test_scale(franchise: Franchise) -> None:
    assert len(franchise.credits) >= 80
    assert len(franchise.characters) >= 50
    assert len(franchise.people) >= 50
    assert len(franchise.facts) >= 40
    assert franchise.data_as_of is not None


def test_every_record_has_a_source(franchise: Franchise) -> None:
    records: list[Any] = [*franchise.records(), *franchise.credits, *franchise.facts]
    records += [item for w in franchise.works for item in (*w.releases, *w.crew, *w.trailers, *w.release_history)]
    assert [r for r in records if not r.sources] == []


def test_names_of_different_records_of_one_kind_never_collide(franchise: Franchise) -> None:
    owners: dict[tuple[str, str], str] = {}
    clashes = []
    for record in franchise.records():
        for name in names_of(record):
            key = (kind_of(record), normalise(name))
            if owners.setdefault(key, record.id) != record.id:
                clashes.append((name, owners[key], record.id))
    assert clashes == []


def test_names_shared_across_kinds_are_only_the_known_ones(franchise: Franchise) -> None:
    kinds: dict[str, set[str]] = {}
    for record in franchise.records():
        for name in names_of(record):
            kinds.setdefault(normalise(name), set()).add(record.id)
    shared = {name for name, ids in kinds.items() if len(ids) > 1}
    assert shared == {"john wick", "caine", "ballerina"}


def test_story_order_is_a_total_order_of_released_screen_works(franchise: Franchise) -> None:
    # Games and comics have no place in the sources' story order, so they are left unordered.
    screen = [w for w in franchise.works if w.status == "released" and w.kind in ("film", "series")]
    orders = [w.story.order for w in screen]
    assert None not in orders
    ordered = [w.story.order for w in franchise.works if w.story.order is not None]
    assert len(set(ordered)) == len(ordered)


def test_released_works_have_a_past_release_and_projects_none(franchise: Franchise) -> None:
    for work in franchise.works:
        if work.status == "released":
            assert work.first_release is not None and work.first_release.date <= franchise.data_as_of  # type: ignore[operator]
        else:
            assert all(r.status == "scheduled" for r in work.releases)


def test_spoiler_tags_name_works(franchise: Franchise) -> None:
    ids = {w.id for w in franchise.works}
    assert {f.spoils for f in franchise.facts if f.spoils} <= ids


def test_quiz_choices_never_repeat_the_answer(franchise: Franchise) -> None:
    for fact in franchise.facts:
        fold = quiz.answer_key(fact.answer or "")
        right = {fold(a) for a in (fact.answer or "", *fact.accept)}
        assert not right & {fold(c) for c in fact.choices}, fact.id


def run(*args: str) -> Any:
    result = CliRunner().invoke(app, [*args, "--json"], env={"WICK_TODAY": "2026-11-27"})
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


WHO_PLAYS = [
    # (query, work id, expected actor)  # source of the expected answer
    ("Rooney", "ballerina", "Ana de Armas"),  # https://en.wikipedia.org/wiki/Ballerina_(2025_film)
    (
        "Rooney",
        "jw3",
        "Unity Phelan",
    ),  # https://www.escapistmagazine.com/ballerina-john-wick-spinoff-unity-phelan-ana-de-armas-recasting-explained/
    (
        "Winston",
        "the-continental",
        "Colin Woodell",
    ),  # https://www.thewrap.com/john-wick-prequel-series-the-continental-release-date-schedule/
    ("Winston", "jw4", "Ian McShane"),  # https://en.wikipedia.org/wiki/John_Wick:_Chapter_2
    (
        "Charon",
        "jw1",
        "Lance Reddick",
    ),  # https://deadline.com/2023/03/lance-reddick-keanu-reeves-john-wick-chad-stahelski-lionsgate-reaction-1235303471/
    (
        "Charon",
        "the-continental",
        "Ayomide Adegun",
    ),  # https://comicbook.com/tv-shows/news/the-continental-john-wick-prequel-series-premiere-date/
    ("Caine", "jw4", "Donnie Yen"),  # https://www.thewrap.com/john-wick-caine-spinoff-donnie-yen-directing-starring/
    (
        "The Marquis",
        "jw4",
        "Bill Skarsgård",
    ),  # https://www.slashfilm.com/1181346/in-john-wick-4-bill-skarsgards-marquis-will-wield-the-most-evil-weapon-of-all-bureaucracy/
    ("Sofia", "jw3", "Halle Berry"),  # https://www.celebritynooz.com/Review.aspx/John_Wick_Chapter_3__Parabellum
    (
        "Bowery King",
        "jw2",
        "Laurence Fishburne",
    ),  # https://monkeysfightingrobots.co/keanu-reeves-laurence-fishburne-reunite-in-john-wick-chapter-two-photo/
    ("Viggo", "jw1", "Michael Nyqvist"),  # https://mrsgiggles.com/john-wick-2014
    ("Iosef", "jw1", "Alfie Allen"),  # https://mrsgiggles.com/john-wick-2014
    ("Helen", "jw1", "Bridget Moynahan"),  # https://mrsgiggles.com/john-wick-2014
    (
        "The Director",
        "jw3",
        "Anjelica Huston",
    ),  # https://www.celebritynooz.com/Review.aspx/John_Wick_Chapter_3__Parabellum
    (
        "Cormac",
        "the-continental",
        "Mel Gibson",
    ),  # https://people.com/mel-gibson-joins-the-john-wick-universe-in-action-packed-trailer-for-prequel-series-the-continental-7574439
    ("Zero", "jw3", "Mark Dacascos"),  # https://www.celebritynooz.com/Review.aspx/John_Wick_Chapter_3__Parabellum
    (
        "Adjudicator",
        "jw3",
        "Asia Kate Dillon",
    ),  # https://www.latimes.com/entertainment/tv/la-et-st-asia-kate-dillon-billions-john-wick-20190531-story.html
    ("Santino", "jw2", "Riccardo Scamarcio"),  # http://www.chch.com/john-wick-chapter-2/
    ("Ares", "jw2", "Ruby Rose"),  # https://celebqueries.com/why-was-ruby-rose-mute-in-john-wick/
    ("Cassian", "jw2", "Common"),  # https://en.wikipedia.org/wiki/John_Wick:_Chapter_2
    ("Killa", "jw4", "Scott Adkins"),  # http://ted-trafton.squarespace.com/review/john-wick-chapter-4
    ("Koji", "jw4", "Hiroyuki Sanada"),  # http://ted-trafton.squarespace.com/review/john-wick-chapter-4
    ("Tracker", "jw4", "Shamier Anderson"),  # http://ted-trafton.squarespace.com/review/john-wick-chapter-4
    (
        "Akira",
        "jw4",
        "Rina Sawayama",
    ),  # https://comicbook.com/movies/news/john-wick-caine-spinoff-movie-cast-rina-sawayama-akira/
    ("Baba Yaga", "jw1", "Keanu Reeves"),  # https://en.wikipedia.org/wiki/John_Wick_(film)
    ("Gregori", "jw1", "Omer Barnea"),  # https://en.wikipedia.org/wiki/John_Wick_(film)
    ("Victor", "jw1", "Toby Leonard Moore"),  # https://en.wikipedia.org/wiki/John_Wick_(film)
    ("Addy", "jw1", "Bridget Regan"),  # https://en.wikipedia.org/wiki/John_Wick_(film)
    ("The Doctor", "jw1", "Randall Duk Kim"),  # https://en.wikipedia.org/wiki/John_Wick_(film)
    ("Doctor", "jw3", "Randall Duk Kim"),  # Parabellum's Italian press kit (Leone Film Group), on docslib.org
    ("Sommelier", "jw2", "Peter Serafinowicz"),
    ("Hex", "john-wick-hex", "Troy Baker"),  # https://www.gamesradar.com/john-wick-hex-release-date/
    (
        "Charon",
        "john-wick-hex",
        "Lance Reddick",
    ),  # https://www.pcgamer.com/john-wick-hex-has-an-october-release-date-and-a-new-trailer/  # https://en.wikipedia.org/wiki/John_Wick:_Chapter_2
    ("Winston", "the-continental", "Fflyn Edwards"),  # https://www.screenhub.com.au/?p=2624881
]


@pytest.mark.parametrize(("query", "work", "actor"), WHO_PLAYS)
def test_known_who_plays(query: str, work: str, actor: str) -> None:
    credits = run("who-plays", query)["credits"]
    assert actor in [c["person"]["name"] for c in credits if c["work"]["id"] == work]


RELEASES = [
    # (query, US date, earlier announced dates)  # source
    ("John Wick", "2014-10-24", []),  # https://en.wikipedia.org/wiki/John_Wick_(film)
    ("Chapter 2", "2017-02-10", []),  # https://en.wikipedia.org/wiki/John_Wick:_Chapter_2
    (
        "Parabellum",
        "2019-05-17",
        [],
    ),  # https://movieminutes.net/2019/05/17/john-wick-chapter-3-parabellum-review-back-in-the-saddle/
    (
        "Chapter 4",
        "2023-03-24",
        ["2021-05-21", "2022-05-27"],
    ),  # https://deadline.com/2021/12/john-wick-chapter-4-avoids-top-gun-maverick-over-memorial-day-heads-to-2023-1234900866/
    ("Ballerina", "2025-06-06", ["2024-06-07"]),  # https://en.wikipedia.org/wiki/Ballerina_(2025_film)
    (
        "The Continental",
        "2023-09-22",
        [],
    ),  # https://comicbook.com/tv-shows/news/the-continental-john-wick-prequel-series-premiere-date/
    (
        "John Wick Hex",
        "2019-10-08",
        [],
    ),  # https://www.pcgamer.com/john-wick-hex-has-an-october-release-date-and-a-new-trailer/
    (
        "John Wick Chronicles",
        "2017-02-09",
        [],
    ),  # https://screenrant.com/john-wick-vr-first-person-shooter-hits-steam-next-month/
    (
        "John Wick comic",
        "2017-11-29",
        ["2017-09-06"],
    ),  # http://www.rockshockpop.com/forums/content.php?7188-John-Wick-1&s=812fceae44c0c1b057f6b3a648e93e04
]


@pytest.mark.parametrize(("query", "date", "earlier"), RELEASES)
def test_known_release_dates(query: str, date: str, earlier: list[str]) -> None:
    answer = run("release-date", query)
    assert answer["release"]["date"] == date
    assert [d["date"] for d in answer["earlier_dates"]] == earlier


INFO = [
    # (query, field path, expected)  # source
    ("John Wick (2014)", ("runtime",), 101),  # https://en.wikipedia.org/wiki/John_Wick_(film)
    ("Chapter 4", ("runtime",), 169),  # https://en.wikipedia.org/wiki/John_Wick:_Chapter_4
    ("Ballerina", ("runtime",), 125),  # https://en.wikipedia.org/wiki/Ballerina_(2025_film)
    (
        "Parabellum",
        ("crew", "director"),
        ["Chad Stahelski"],
    ),  # https://movieminutes.net/2019/05/17/john-wick-chapter-3-parabellum-review-back-in-the-saddle/
    ("Ballerina", ("crew", "director"), ["Len Wiseman"]),  # https://en.wikipedia.org/wiki/Ballerina_(2025_film)
    ("Ballerina", ("crew", "writer"), ["Shay Hatten"]),  # https://en.wikipedia.org/wiki/Ballerina_(2025_film)
    (
        "Chapter 4",
        ("crew", "writer"),
        ["Shay Hatten", "Michael Finch"],
    ),  # https://en.wikipedia.org/wiki/John_Wick:_Chapter_4
    (
        "The Continental",
        ("episodes",),
        3,
    ),  # https://comicbook.com/tv-shows/news/the-continental-john-wick-prequel-series-premiere-date/
    (
        "Lance Reddick",
        ("died",),
        "2023-03-17",
    ),  # https://www.cbsnews.com/baltimore/news/lance-reddick-dies-age-60-actor-the-wire-john-wick-baltimore-johns-hopkins-peabody/
    ("Keanu Reeves", ("born",), "1964-09-02"),  # https://en.wikipedia.org/wiki/Keanu_Reeves
    (
        "Ballerina",
        ("crew", "executive-producer"),
        ["Keanu Reeves"],
    ),  # https://www.upi.com/Entertainment_News/Movies/2025/05/30/Keanu-Reeves-Ana-de-Armas-Ballerina/9601748642533/
    (
        "The Continental",
        ("crew", "action-director"),
        ["Larnell Stovall"],
    ),  # https://dramaquarterly.com/fight-club/
    (
        "The Continental",
        ("crew", "composer"),
        ["Raffertie"],
    ),  # https://en.wikipedia.org/wiki/The_Continental:_From_the_World_of_John_Wick
    (
        "Chapter 4",
        ("crew", "editor"),
        ["Nathan Orloff"],
    ),  # https://filmmakermagazine.com/121071-interview-editor-nathan-orloff-john-wick-chapter-4/
    ("Chapter 2", ("crew", "editor"), ["Evan Schiff"]),  # https://en.wikipedia.org/wiki/John_Wick:_Chapter_2
    (
        "John Wick (2014)",
        ("crew", "editor"),
        ["Elísabet Ronaldsdóttir"],
    ),  # https://en.wikipedia.org/wiki/John_Wick_(film)
]


@pytest.mark.parametrize(("query", "path", "expected"), INFO)
def test_known_info(query: str, path: tuple[str, ...], expected: object) -> None:
    value: Any = run("info", query)["cards"][0]
    for key in path:
        value = value[key]
    if isinstance(expected, list):
        value = [p["name"] for p in value]
    assert value == expected
