"""The shipped knowledge file: integrity over every record, and known answers through the real CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
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


# Hosts that are not acceptable as a record's only support: copies of Wikipedia on other hosts,
# scraper and content-farm sites, piracy sites, machine-written summaries and personal blogs.
REFUSED_HOSTS = {
    "wikimili.com",  # Wikipedia mirror
    "db0nus869y26v.cloudfront.net",  # Wikipedia mirror
    "wiki.golden.com",  # copied encyclopedia entries
    "theinfolist.com",  # Wikipedia mirror
    "english.turkcebilgi.com",  # Wikipedia mirror
    "www.worddisk.com",  # Wikipedia mirror
    "worddisk.com",  # Wikipedia mirror
    "kiwix.xelfin.net",  # Wikipedia mirror
    "encyclopedia.datana.cloud",  # Wikipedia mirror
    "wiki.gravy.cc",  # Wikipedia mirror
    "wikipedianews.com",  # scraper despite the name
    "wikisum.wiki",  # machine-written summaries
    "mrsgiggles.com",  # personal review blog
    "www.celebritynooz.com",  # content farm
    "cs.nobleorderbrewing.com",  # scraper
    "nl.nobleorderbrewing.com",  # scraper
    "www.movierulz-movierulz.in",  # piracy site
    "4kmoviescinemahd.com",  # piracy site
    "old.billionaireclubcollc.com",  # scraper
    "cebumojubelo.pages.dev",  # scraper
    "amazing.worldnownewses.com",  # scraper
    "usdinrusd.com",  # scraper
    "hindiyojna.com",  # content farm
    "tnews.xem.plus",  # scraper
    "unlistmy.info",  # scraper
    "emc.edu.vn",  # scraper
    "movieanywhere.xyz",  # scraper
    "kingka.info",  # scraper
    "gamersroom.info",  # scraper
    "cotingihay24.com",  # scraper
    "d1softballnews.com",  # scraper
    "hamlakitchen.com",  # content farm
    "movieposters2.com",  # content farm
    "asapland.com",  # content farm
    "bodysize.org",  # content farm
    "kahawatungu.com",  # content farm
    "thousif.com",  # content farm
    "my.bfn.today",  # content farm
    "vhorernews24.com",  # content farm
    "lloyddbooks.com",  # content farm
    "kaist455.com",  # scraper
    "virtualmich.com",  # content farm
    "info-cast.com",  # content farm
    "startefacts.com",  # content farm
    "fandorable.com",  # content farm
    "karwar.net",  # content farm
    "dekoronline.net",  # content farm
    "quotesimpire.com",  # content farm
    "entertainmentnewsboom.com",  # content farm
    "wayarcdaily.com",  # content farm
    "mmw.news",  # content farm
    "heavenslie.com",  # personal page
    "friendzpoints.blogspot.com",  # personal blog
    "pergelator.blogspot.com",  # personal blog
    "filmcombatsyndicate.blogspot.com",  # personal blog
    "passionecimenaemotori.blogspot.com",  # personal blog
    "moviemaven1.blogspot.com",  # personal blog
    "odeononline.blogspot.com",  # personal blog
    "saskiavanthoff.wordpress.com",  # personal blog
    "solanaism.wordpress.com",  # personal blog
    "petekirkpatrickreviews.wordpress.com",  # personal blog
    "derricklferguson.com",  # personal blog
    "ted-trafton.squarespace.com",  # personal blog
    "kascewelove.blogg.se",  # personal blog
    "emilee2216.pixnet.net",  # personal blog
    "warren-watched-a-movie.com",  # personal blog
    "movieswithmark.com",  # personal blog
    "ryansmoviereviews.com",  # personal blog
    "moviefilmreview.com",  # personal blog
    "celebqueries.com",  # content farm
    "hotlifestylenews.com",  # content farm
    "moviecricket.net",  # content farm
    "videoreviews.org",  # content farm
    "www.thelastthingisee.com",  # personal blog
    "whiterocklakeweekly.com",  # content farm
    "kanguret.com",  # content farm
    "pointer-sport.com",  # content farm
    "mulderville.net",  # personal blog
    "actionewz.com",  # content farm
    "gamersrd.com",  # content farm
    "usanews.net",  # content farm
    "hroop.com",  # content farm
    "spoilertown.com",  # content farm
    "ymi.today",  # content farm
    "particle.news",  # machine-written summaries
    "digirefera.com",  # content farm
    "interestingauthors.com",  # content farm
    "endingexplained.news",  # content farm
    "www.movieslantern.com",  # content farm
    "idiomstudio.com",  # content farm
    "inspodaily.co.uk",  # content farm
    "sentientpost.com",  # content farm
    "catsclem.nl",  # personal blog
    "daysoftheyear.com",  # content farm
    "thespottedcatmagazine.com",  # content farm
    "www.eastcoastdaily.in",  # content farm
    "eatsip365.com",  # machine-written content farm
    "winenfood.com",  # machine-written content farm
    "visualfoodie.com",  # machine-written content farm
    "weveseenthat.com",  # personal blog
    "oneroomwithaview.com",  # personal blog
    "filmmusiccentral.com",  # personal blog
    "www.filmmining101.com",  # personal blog
    "fugitives.com",  # personal blog
    "phawker.com",  # personal blog
    "ageofthegeek.org",  # personal blog
    "brandstofans.substack.com",  # personal newsletter
    "movienewslive.com",  # content farm
    "news.unicaus.in",  # content farm
    "arynews.tv",  # aggregated copy
    "breakingon.com",  # content farm
    "awesomefriday.ca",  # personal blog
    "timewarnerent.com",  # scraper copying No Film School
    "movizark.com",  # content farm
    "lylesmoviefiles.com",  # personal blog
    "reference.com",  # content farm
    "www.reference.com",  # content farm
    "staging.netflixlovers.it",  # staging copy of a site
    "filmsintown.com",  # personal blog
}


def _host(url: str) -> str:
    return url.split("/")[2].lower()


def _sourced(value: object) -> Iterator[Any]:
    """Every record with a `sources` field, nested ones included (a work's releases, crew, box office, ...)."""
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        if "sources" in value._fields:
            yield value
        for name in value._fields:
            if name != "sources":
                yield from _sourced(getattr(value, name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _sourced(item)


def test_no_source_is_on_a_refused_host(franchise: Franchise) -> None:
    records = [r for top in (*franchise.records(), *franchise.credits, *franchise.facts) for r in _sourced(top)]
    # The walk reaches every kind of record that carries sources.
    assert {type(r).__name__ for r in records} == {
        *("Work", "Person", "Character", "Credit", "Fact", "Release", "DateChange", "CrewCredit", "Trailer"),
        *("Sequel", "Budget", "Gross", "Score", "Certificate", "Filming", "Episode"),
    }
    refused = [(getattr(r, "id", type(r).__name__), u) for r in records for u in r.sources if _host(u) in REFUSED_HOSTS]
    assert refused == []


def test_every_nested_record_has_a_source(franchise: Franchise) -> None:
    records = [r for top in (*franchise.records(), *franchise.credits, *franchise.facts) for r in _sourced(top)]
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
    ("Sofia", "jw3", "Halle Berry"),  # Parabellum's Italian press kit (Leone Film Group), on docslib.org
    (
        "Bowery King",
        "jw2",
        "Laurence Fishburne",
    ),  # https://monkeysfightingrobots.co/keanu-reeves-laurence-fishburne-reunite-in-john-wick-chapter-two-photo/
    ("Viggo", "jw1", "Michael Nyqvist"),  # https://en.wikipedia.org/wiki/John_Wick_(film)
    ("Iosef", "jw1", "Alfie Allen"),  # https://en.wikipedia.org/wiki/John_Wick_(film)
    ("Helen", "jw1", "Bridget Moynahan"),  # https://en.wikipedia.org/wiki/John_Wick_(film)
    ("The Director", "jw3", "Anjelica Huston"),  # Parabellum's Italian press kit (Leone Film Group), on docslib.org
    (
        "Cormac",
        "the-continental",
        "Mel Gibson",
    ),  # https://people.com/mel-gibson-joins-the-john-wick-universe-in-action-packed-trailer-for-prequel-series-the-continental-7574439
    ("Zero", "jw3", "Mark Dacascos"),  # Parabellum's Italian press kit (Leone Film Group), on docslib.org
    (
        "Adjudicator",
        "jw3",
        "Asia Kate Dillon",
    ),  # https://www.latimes.com/entertainment/tv/la-et-st-asia-kate-dillon-billions-john-wick-20190531-story.html
    ("Santino", "jw2", "Riccardo Scamarcio"),  # http://www.chch.com/john-wick-chapter-2/
    ("Ares", "jw2", "Ruby Rose"),  # https://celebqueries.com/why-was-ruby-rose-mute-in-john-wick/
    ("Cassian", "jw2", "Common"),  # https://en.wikipedia.org/wiki/John_Wick:_Chapter_2
    ("Killa", "jw4", "Scott Adkins"),  # https://en.wikipedia.org/wiki/John_Wick:_Chapter_4
    (
        "Koji",
        "jw4",
        "Hiroyuki Sanada",
    ),  # https://www.latimes.com/entertainment-arts/movies/story/2023-03-24/john-wick-4-action-stars-donnie-yen-hiroyuki-sanada-rina-sawayama
    ("Tracker", "jw4", "Shamier Anderson"),  # https://en.wikipedia.org/wiki/John_Wick:_Chapter_4
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
    ("Sommelier", "jw2", "Peter Serafinowicz"),  # https://en.wikipedia.org/wiki/John_Wick:_Chapter_2
    ("Hex", "john-wick-hex", "Troy Baker"),  # https://www.gamesradar.com/john-wick-hex-release-date/
    (
        "Charon",
        "john-wick-hex",
        "Lance Reddick",
    ),  # https://www.pcgamer.com/john-wick-hex-has-an-october-release-date-and-a-new-trailer/
    ("Winston", "the-continental", "Fflyn Edwards"),  # https://www.screenhub.com.au/?p=2624881
    (
        "Kuzma",
        "jw1",
        "Keith Jardine",
    ),  # http://www.fightline.com/film-review-mma-veteran-keith-jardine-shines-john-wick/
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
    ("Mark Dacascos", ("born",), "1964-02-26"),  # https://tcm.com/tcmdb/person/43130%7C0/Mark-Dacascos
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
        "Chapter 4",
        ("crew", "stunt-coordinator"),
        ["Stephen Dunlevy", "Scott Rogers"],
    ),  # Scott Rogers was missing: https://slashfilm.com/1237052/john-wick-4-stunt-coordinator-created-a-ballet-of-violence-with-keanu-reeves-and-donnie-yen-exclusive
    (
        "Ballerina",
        ("crew", "stunt-coordinator"),
        ["Stephen Dunlevy", "Jackson Spidell"],
    ),  # Dunlevy supervising, Spidell coordinating: https://www.motionpictures.org/?p=80364
    (
        "John Wick (2014)",
        ("crew", "editor"),
        ["Elísabet Ronaldsdóttir"],
    ),  # https://en.wikipedia.org/wiki/John_Wick_(film)
    (
        "Ballerina",
        ("crew", "editor"),
        ["Jason Ballantine", "Julian Clarke", "Nicholas Lundgren"],
    ),  # Clarke and Lundgren were missing: https://en.wikipedia.org/wiki/Ballerina_(2025_film)
    (
        "The Continental",
        ("crew", "developer"),
        ["Greg Coolidge", "Kirk Ward", "Shawn Simmons"],
    ),  # "developed by", not "created by": https://en.wikipedia.org/wiki/The_Continental:_From_the_World_of_John_Wick
    (
        "Chapter 2",
        ("crew", "executive-producer"),
        [
            "David Leitch",
            "Jeff Waxman",
            "Robert Bernacchi",
            "Kevin Frakes",
            "Vishal Rungta",
            "Chad Stahelski",
            "Marco Valerio Pugini",
        ],
    ),  # Stahelski and Pugini were missing: https://it.wikipedia.org/wiki/John_Wick_-_Capitolo_2
]


def test_a_game_taken_off_sale_says_so() -> None:
    card = run("info", "John Wick Hex")["cards"][0]
    assert card["distributors"] == ["Good Shepherd Entertainment", "Big Fan Games"]  # publisher from 2024
    assert "withdrawn from sale on every storefront on July 17, 2025" in " ".join(card["synopsis"].split())
    # https://www.pcgamer.com/games/strategy/less-than-6-years-after-it-launched-john-wick-hex-is-being-removed-from-sale-on-all-storefronts-later-this-week/


@pytest.mark.parametrize(("query", "path", "expected"), INFO)
def test_known_info(query: str, path: tuple[str, ...], expected: object) -> None:
    value: Any = run("info", query)["cards"][0]
    for key in path:
        value = value[key]
    if isinstance(expected, list):
        value = [p["name"] for p in value]
    assert value == expected


FACTS_ON_WORKS = [
    # (work, fact id)  # source of the fact
    (
        "John Wick (2014)",
        "jw1-original-title-scorn",
    ),  # https://independent.co.uk/arts-entertainment/films/news/john-wick-keanu-reeves-name-parabellum-derek-kolstad-a9538136.html
    (
        "John Wick (2014)",
        "anime-prequel-impossible-task",
    ),  # https://www.thewrap.com/john-wick-animated-prequel-keanu-reeves-shannon-tindle/
    (
        "John Wick (2014)",
        "real-john-wick-wick-building-systems",
    ),  # https://www.wickbuildings.com/blog/john-f-wick-retrospective/
    (
        "Caine",
        "caine-spinoff-donnie-yen-directs",
    ),  # https://www.thewrap.com/john-wick-caine-spinoff-donnie-yen-directing-starring/
    (
        "The Continental",
        "continental-shot-in-budapest",
    ),  # https://origostudios.com/the-continental-unleashing-hollywood-ambitions-at-origo-studios-in-budapest
    (
        "Chapter 2",
        "jw2-cut-for-uk-15",
    ),  # https://www.northernlightsuk.co.uk/2017/02/06/john-wick-chapter-2-cut-for-uk-release__trashed/
    (
        "John Wick (2014)",
        "continental-lobby-cunard-building",
    ),  # the lobby is the Cunard Building "again" in Chapter 2, so in the first film too, not only the sequels:
    # https://www.movie-locations.com/movies/j/John-Wick-Chapter-2.php
]


@pytest.mark.parametrize(("work", "fact"), FACTS_ON_WORKS)
def test_facts_about_a_work_show_with_it(work: str, fact: str) -> None:
    cards = run("info", work)["cards"]
    card = next(c for c in cards if c["kind"] == "work")
    assert fact in [f["id"] for f in card["facts"]]


FACT_WORDS = [
    # (fact id, words its text must contain)  # source of the correction
    (
        "ballerina-began-as-spec-script",
        "standalone spec script, with no tie to John Wick",
    ),  # not "intended as a spin-off": https://www.thewrap.com/ballerina-ana-de-armas-first-trailer-john-wick/
    (
        "jw4-opening-weekend-record",
        "about $137.8 million worldwide (first estimated at $137.5 million)",
    ),  # https://banger.jp/?p=94872
    (
        "kill-count-439-four-films",
        "the counts for each film vary between tallies",
    ),  # 84/128/94/133 in one tally, 77 and 128 in another: https://kino.de/film/john-wick-kapitel-3-2019/news/kill-count-john-wick-hat-mehr-leute-getoetet-als-die-beruehmtesten-killer-der-horrorfilm-geschichte-234
    (
        "continental-lobby-cunard-building",
        "as in the first film",
    ),  # https://www.movie-locations.com/movies/j/John-Wick-Chapter-2.php
    (
        "ballerina-worldwide-gross",
        "Box Office Mojo reported $132 million in August 2025; Wikipedia gives $137.2 million",
    ),  # https://www.fortressofsolitude.co.za/frank-grillo-ballerina-james-gunns-wife-jennifer-holland-peacemaker-season-2/
    (
        "jw4-worldwide-gross",
        "(The Numbers: $440.1 million; Box Office Mojo: $447.3 million)",
    ),  # https://www.slashfilm.com/1882645/ballerina-box-office-opening-john-wick-universe-death-sentence/
    (
        "jw4-does-john-die",
        "Erica Lee told Collider the character is dead, and told Screen Rant",
    ),  # both statements: https://www.looper.com/1241864/john-wick-4-producer-confirms-wicks-fate-but-says-never-say-never-regarding-the-future/
    (
        "jw2-cut-for-uk-15",
        "cut by 23 seconds (one report said 22)",
    ),  # the BBFC's figure: https://dvd-fever.co.uk/john-wick-chapter-2-censored-by-23-seconds/
    (
        "ballerina-delay-the-crow",
        "it later moved again and opened on August 23, 2024",
    ),  # https://collider.com/the-crow-remake-release-date/
    (
        "knock-knock-reunion",
        "they appeared together again in Exposed (2016)",
    ),  # https://www.slashfilm.com/1902232/ballerina-star-ana-de-armas-keanu-reeves-movies-knock-knock-exposed
    (
        "real-john-wick-wick-building-systems",
        "the company long known as Wick Building Systems (today Wick Buildings)",
    ),  # Wick Building Systems re-launched as Wick Buildings LLC: https://www.channel3000.com/keanu-vehicle-named-after-madison-man/
    (
        "ballerina-began-as-spec-script",
        "Ana de Armas was reported in talks for the lead in October 2021",
    ),  # https://www.slashfilm.com/646564/ana-de-armas-may-take-center-stage-in-john-wick-spin-off-movie-ballerina/
]


@pytest.mark.parametrize(("fact", "words"), FACT_WORDS)
def test_known_fact_wording(franchise: Franchise, fact: str, words: str) -> None:
    (text,) = [f.text for f in franchise.facts if f.id == fact]
    assert words in " ".join(text.split())


def test_merged_twin_facts_are_gone(franchise: Franchise) -> None:
    ids = {f.id for f in franchise.facts}
    twins = {
        "stahelski-keanu-matrix-stunt-double",
        "jw-retitled-because-keanu-said-john-wick",
        "john-wick-birth-name-jardani-jovonovich",
        "john-wick-belarusian-ruska-roma-orphan",
        "jw1-opening-weekend-2",
        "ballerina-delayed-to-2025",
        "jw4-ends-at-johns-grave",
    }
    assert ids & twins == set()
    assert [f.spoils for f in franchise.facts if f.id == "ruska-roma-origins"] == ["jw3"]


def _figure(card: dict[str, Any], measure: str, region: str | None = None) -> int:
    (amount,) = [g["amount"] for g in card["box_office"] if g["measure"] == measure and g["region"] == region]
    return int(amount)


BOX_OFFICE = [
    # (query, measure, region, amount in dollars)  # source
    (
        "John Wick (2014)",
        "opening-weekend",
        "North America",
        14_400_000,
    ),  # https://www.boxofficemojo.com/news/?id=3943&p=.htm
    (
        "Chapter 2",
        "domestic",
        None,
        92_000_000,
    ),  # https://variety.com/2017/digital/news/john-wick-sequel-reignites-original-on-disc-charts-for-lionsgate-1202475591/
    (
        "Parabellum",
        "opening-weekend",
        "North America",
        56_800_000,
    ),  # https://editorial.rottentomatoes.com/article/weekend-box-office-results-john-wick-chapter-4-destroys-competition-with-franchise-best-opening
    (
        "Chapter 4",
        "opening-weekend",
        "North America",
        73_800_000,
    ),  # final figure, not the $73.5M Sunday estimate: https://www.slashfilm.com/1882645/ballerina-box-office-opening-john-wick-universe-death-sentence/
    (
        "Chapter 4",
        "domestic",
        None,
        187_100_000,
    ),  # https://www.koimoi.com/box-office/john-wick-franchise-at-worldwide-box-office-1-billion-global-sum-over-50-million-domestic-footfalls-much-more/
    ("Ballerina", "worldwide", None, 137_200_000),  # https://en.wikipedia.org/wiki/Ballerina_(2025_film)
    (
        "Chapter 4",
        "opening-weekend",
        "worldwide",
        137_800_000,
    ),  # actual with the $73,817,950 domestic, not the $137.5M Sunday estimate: https://banger.jp/?p=94872
    (
        "John Wick (2014)",
        "worldwide",
        None,
        86_100_000,
    ),  # $86.1 million, not a rounded $86 million: https://variety.com/2023/film/news/john-wick-franchise-box-office-billion-dollar-1235618570/
]


@pytest.mark.parametrize(("query", "measure", "region", "amount"), BOX_OFFICE)
def test_known_box_office(query: str, measure: str, region: str | None, amount: int) -> None:
    assert _figure(run("info", query)["cards"][0], measure, region) == amount


INFOBOX = [
    # (query, field, key, expected)  # source
    ("John Wick (2014)", "budget", "up_to", 30_000_000),  # https://en.wikipedia.org/wiki/John_Wick_(film)
    ("Chapter 2", "budget", "amount", 40_000_000),  # https://en.wikipedia.org/wiki/John_Wick:_Chapter_2
    (
        "Parabellum",
        "budget",
        "amount",
        75_000_000,
    ),  # https://collider.com/john-wick-chapter-4-global-box-office-350-million/
    (
        "Ballerina",
        "filming",
        "start",
        "2022-11-07",
    ),  # https://filmneweurope.com/news/czech-news/item/124143-ballerina-starring-ana-de-armas-and-presumably-keanu-reeves-starts-shooting-in-prague
]


@pytest.mark.parametrize(("query", "field", "key", "expected"), INFOBOX)
def test_known_infobox_values(query: str, field: str, key: str, expected: object) -> None:
    assert run("info", query)["cards"][0][field][key] == expected


SCORES = [
    # (query, scorer, score)  # source
    (
        "John Wick (2014)",
        "CinemaScore",
        "B",
    ),  # https://www.cinemablend.com/new/Keanu-Reeves-Back-Indie-John-Wick-Over-Performs-Box-Office-67893.html
    (
        "Parabellum",
        "CinemaScore",
        "A-",
    ),  # https://www.hollywoodreporter.com/movies/movie-news/box-office-john-wick-dethrones-avengers-endgame-57m-opening-1212081/
    (
        "Chapter 4",
        "CinemaScore",
        "A",
    ),  # https://411mania.com/movies/411-box-office-report-john-wick-chapter-4-soars-73-million/
    ("Ballerina", "Rotten Tomatoes", "76%"),  # https://411mania.com/movies/411-box-office-report-lilo-stitch-ballerina/
    (
        "The Continental",
        "Rotten Tomatoes",
        "63%",
    ),  # by July 2025, up from 50% on the Monday after it premiered (BGR): https://www.slashfilm.com/1905712/ballerina-john-wick-universe-tv-show-the-continental/
]


@pytest.mark.parametrize(("query", "scorer", "score"), SCORES)
def test_known_scores(query: str, scorer: str, score: str) -> None:
    reception = run("info", query)["cards"][0]["reception"]
    assert [x["score"] for x in reception if x["by"] == scorer] == [score]


RATINGS = [
    # (query, region, rating, reason)  # source
    (
        "John Wick (2014)",
        "US",
        "R",
        "for strong and bloody violence throughout, language and brief drug use",
    ),  # http://www.christiananswers.net/spotlight/movies/2014/johnwick2014.html
    (
        "Chapter 4",
        "US",
        "R",
        "for pervasive strong violence and some language",
    ),  # https://www.imdb.com/title/tt10366206/parentalguide
    ("Ballerina", "United Kingdom", "15", None),  # https://filmfeeder.co.uk/film-reviews/ballerina-dir-len-wiseman
    (
        "Chapter 2",
        "United Kingdom",
        "15",
        None,
    ),  # after cuts (fact jw2-cut-for-uk-15); missing before: https://www.northernlightsuk.co.uk/2017/02/06/john-wick-chapter-2-cut-for-uk-release__trashed/
    (
        "John Wick (2014)",
        "United Kingdom",
        "15",
        None,
    ),  # "Certificate: 15" in UK reviews of April 2015, not the 18 one local page gave: https://i-flicks.net/reviews/34-cinema/4338-film-review-john-wick
]


@pytest.mark.parametrize(("query", "region", "rating", "reason"), RATINGS)
def test_known_age_ratings(query: str, region: str, rating: str, reason: str | None) -> None:
    certificates = run("info", query)["cards"][0]["certificates"]
    assert [(c["rating"], c["reason"]) for c in certificates if c["region"] == region] == [(rating, reason)]


DATED_RELEASES = [
    # (query, region, medium, date)  # source
    ("John Wick (2014)", "US", "home-media", "2015-02-03"),  # http://www.the-numbers.com/news/9530
    (
        "Chapter 2",
        "US",
        "digital",
        "2017-05-23",
    ),  # https://joblo.com/bring-john-wick-chapter-2-home-on-blu-ray-june-13-245/amp
    (
        "Chapter 2",
        "United Kingdom",
        "theatrical",
        "2017-02-17",
    ),  # missing before: https://www.heyuguys.com/john-wick-chapter-2-premiere-interviews/
    ("Chapter 4", "US", "digital", "2023-05-23"),  # https://collider.com/john-wick-chapter-4-digital-release-date/
    ("Chapter 4", "Japan", "theatrical", "2023-09-22"),  # https://cinemacafe.net/article/2023/09/25/87663.html
    (
        "Ballerina",
        "US",
        "streaming",
        "2025-09-25",
    ),  # https://scorpiolikeyou.com/news/why-ballerina-deserved-better-the-john-wick-spinoff-fans-slept-on
]


@pytest.mark.parametrize(("query", "region", "medium", "date"), DATED_RELEASES)
def test_known_market_and_home_releases(query: str, region: str, medium: str, date: str) -> None:
    releases = run("info", query)["cards"][0]["releases"]
    assert [r["date"] for r in releases if (r["region"], r["medium"]) == (region, medium)] == [date]


RELEASE_NOTES = [
    # (query, region, medium, words the release's note must contain)  # source
    (
        "Chapter 4",
        "Japan",
        "theatrical",
        "John Wick: Consequence;",
    ),  # the Japanese title ジョン・ウィック：コンセクエンス is singular, not "John Wick - Consequences":
    # https://cinemacafe.net/article/2023/09/25/87663.html and https://theriver.jp/john-wick-chapter4-jp
]


@pytest.mark.parametrize(("query", "region", "medium", "words"), RELEASE_NOTES)
def test_known_release_notes(query: str, region: str, medium: str, words: str) -> None:
    releases = run("info", query)["cards"][0]["releases"]
    (note,) = [r["note"] for r in releases if (r["region"], r["medium"]) == (region, medium)]
    assert words in note


PREMIERES = [
    # (query, date, venue)  # source
    (
        "Chapter 4",
        "2023-03-13",
        "Paramount Theatre, Austin (SXSW)",
    ),  # the North American premiere, missing before: https://deadline.com/2023/03/john-wick-chapter-4-sxsw-keanu-reeves-1235284158/
    (
        "Chapter 4",
        "2023-03-20",
        "TCL Chinese Theatre, Los Angeles",
    ),  # https://www.dailymail.co.uk/tvshowbiz/article-11883953/Keanu-Reeves-looks-dapper-black-suit-leads-stars-John-Wick-Chapter-4-premiere.html
    (
        "Ballerina",
        "2025-05-22",
        "Cineworld Leicester Square, London",
    ),  # https://oncubanews.com/cultura/cine/ana-de-armas-deslumbra-en-el-estreno-mundial-de-ballerina-en-londres
]


@pytest.mark.parametrize(("query", "date", "venue"), PREMIERES)
def test_known_premieres(query: str, date: str, venue: str) -> None:
    releases = run("info", query)["cards"][0]["releases"]
    assert [r["venue"] for r in releases if (r["medium"], r["date"]) == ("premiere", date)] == [venue]


def test_known_episodes_of_the_continental() -> None:
    # https://www.sportskeeda.com/pop-culture/the-continental-from-world-john-wick-episode-1-release-date-watch-cast-plot-episode-count
    episodes = run("info", "The Continental")["cards"][0]["episode_list"]
    assert [(e["number"], e["title"], e["date"]) for e in episodes] == [
        (1, "Brothers in Arms", "2023-09-22"),
        (2, "Loyalty to the Master", "2023-09-29"),
        (3, "Theater of Pain", "2023-10-06"),
    ]


@pytest.mark.parametrize("work", ["jw1", "jw2", "jw3", "jw4", "ballerina"])
def test_every_released_film_has_its_infobox_figures(franchise: Franchise, work: str) -> None:
    film = franchise.work(work)
    assert film.runtime and film.budget and film.certificates and film.filming
    assert {g.measure for g in film.box_office} >= {"opening-weekend", "worldwide"}
    assert {x.by for x in film.reception} == {"CinemaScore", "Rotten Tomatoes"}


def test_infobox_figures_have_sources(franchise: Franchise) -> None:
    records: list[Any] = []
    for w in franchise.works:
        records += [*w.box_office, *w.reception, *w.certificates, *w.episode_list]
        records += [r for r in (w.budget, w.filming) if r is not None]
    assert records and [r for r in records if not r.sources] == []


def _rows(query: str, first: str, last: str, *flags: str) -> list[str]:
    """The lines of a piped info card from the first row labelled first up to the row labelled last."""
    env = {"WICK_TODAY": "2026-11-27", "COLUMNS": "80", "NO_COLOR": "1"}
    result = CliRunner().invoke(app, ["info", query, *flags], env=env)
    assert result.exit_code == 0, result.stderr
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    end = next(i for i, line in enumerate(lines) if line.startswith(last))
    return lines[start:end]


def test_info_shows_the_infobox_with_units_and_dates() -> None:
    # Sources: the Chapter 4 record in data/franchise.yaml (Slashfilm, Boxoffice Pro, Koimoi, 411mania, Collider).
    assert _rows("Chapter 4", "Filming", "Sequel") == [
        "Filming\tBerlin (Studio Babelsberg), Paris, Japan, New York City",
        "Filming\tPrincipal photography began in June 2021 and had wrapped by December 2021, when Deadline reported that"
        " shooting still had to resume in Japan",
        "Budget\t$100 million",
        "Box office\topening weekend, North America: $73.8 million (the Sunday studio estimate was $73.5 million)",
        "Box office\topening weekend, worldwide: $137.8 million (No. 1 in all 71 markets where it opened; first reported from"
        " Sunday estimates as $137.5 million)",
        "Box office\tdomestic: $187.1 million",
        "Box office\tworldwide: $440.1 million (reported 2024-01-18; Slashfilm (June 2025) gives about $447 million)",
        "Reception\tCinemaScore: A (the best grade of the series)",
        "Reception\tRotten Tomatoes: 94% (as of 2023-05-02; 95% on its opening weekend)",
    ]


def test_info_lists_the_episodes_of_a_series() -> None:
    # https://www.sportskeeda.com/pop-culture/the-continental-from-world-john-wick-episode-1-release-date-watch-cast-plot-episode-count
    assert _rows("The Continental", "Episodes", "Set") == [
        "Episodes\t1. Brothers in Arms, 2023-09-22",
        "Episodes\t2. Loyalty to the Master, 2023-09-29",
        "Episodes\t3. Theater of Pain, 2023-10-06",
    ]


@pytest.mark.parametrize(
    ("query", "fact"),
    [
        (
            "Chapter 4",
            "jw4-post-credits-akira-and-caine",
        ),  # https://www.denofgeek.com/movies/john-wick-chapter-4-post-credits-scene-opens-new-book/
        ("Parabellum", "jw3-starts-within-the-hour"),  # spoils the end of Chapter 2
        ("Parabellum", "excommunicado-meaning"),  # says how Chapter 2 ends, as its twins do
    ],
)
def test_story_facts_are_hidden_without_spoilers(query: str, fact: str) -> None:
    assert fact in [f["id"] for f in run("info", query)["cards"][0]["facts"]]
    assert fact not in [f["id"] for f in run("info", query, "--no-spoilers")["cards"][0]["facts"]]


@pytest.mark.parametrize(
    ("query", "fact"),
    [
        ("John Wick (2014)", "jw1-script-bought-distributor-late"),  # https://en.wikipedia.org/wiki/John_Wick_(film)
        ("Ballerina", "ballerina-began-as-spec-script"),  # https://en.wikipedia.org/wiki/Ballerina_(2025_film)
        (
            "The Continental",
            "continental-coin-press-stolen",
        ),  # https://www.pogdesign.co.uk/cat/story/Peacock-mini-series-The-Continental-Episode-Titles-Cast-Details-and-Trailer
    ],
)
def test_production_and_story_facts_show_on_the_work(query: str, fact: str) -> None:
    assert fact in [f["id"] for f in run("info", query, "--no-spoilers")["cards"][0]["facts"]]
