"""wick ask, form by form: the whole reply (its text, records, sources and equivalent command).

The rows ask tests/data/infobox.yaml, a small franchise whose first work fills every field of a work
and whose sources differ from field to field (so a source taken from the wrong field shows), while
its other works lack those fields (so every "the knowledge file gives no ..." reply is reached).
"Today" is 2026-12-02, as in tests/test_ask.py.
"""

from __future__ import annotations

import datetime as dt

import pytest

from wickcli import ask, loader
from wickcli.errors import CannotAnswer
from wickcli.model import Franchise
from wickcli.resolve import Resolver

from .conftest import DATA

INFOBOX = DATA / "infobox.yaml"
RARE = DATA / "ask.yaml"
TODAY = dt.date(2026, 12, 2)
URL = "https://example.org/"


@pytest.fixture(scope="module")
def tidewater() -> tuple[Franchise, Resolver]:
    franchise = loader.load(str(INFOBOX))
    return franchise, Resolver(franchise)


# (question, reply, records' ids, the equivalent command, sources after https://example.org/, why)
OUTCOMES = [
    (
        "who plays anna vik",
        "Anna Vik is played by Ida Lund in Tidewater (2012) (cameo); Oskar Berg in Tidewater: Slack Water (2014) (young).",
        ["pilot"],
        'wick who-plays "Anna Vik"',
        ["tw1-cameo", "tw0", "tw1"],
        "two actors: one line per actor, each work with the credit's note, the credits' sources then the character's",
    ),
    (
        "who plays the harbourmaster",
        "Rut Sand plays Harbourmaster in Tidewater (2012).",
        ["harbourmaster"],
        "wick who-plays Harbourmaster",
        ["tw1-cast"],
        "one actor: 'X plays Y in W'",
    ),
    (
        "who plays anna vik in tidewater",
        "Ida Lund plays Anna Vik in Tidewater (2012) (cameo).",
        ["pilot", "tw1"],
        'wick who-plays "Anna Vik" --film Tidewater',
        ["tw1-cameo", "tw1"],
        "in one work: the work joins the records and the command gets --film",
    ),
    (
        "what is ida lund's involvement in tidewater",
        "In Tidewater (2012), Ida Lund plays Anna Vik (cameo) and is director and writer (story).",
        ["ida-lund", "tw1"],
        'wick who-plays "Ida Lund" --film Tidewater',
        ["ida", "tw1-cameo", "tw1", "tw1-crew"],
        "a person in one work: the part with its note, then the jobs with theirs; the person's sources first",
    ),
    (
        "what roles does ida lund have",
        "Ida Lund plays Anna Vik in Tidewater (2012) (cameo) and is director of Tidewater (2012); writer of Tidewater (2012) (story).",
        ["ida-lund"],
        'wick roles "Ida Lund"',
        ["ida", "tw1-cameo", "tw1", "tw1-crew"],
        "a person's roles: acting and each job with its works and notes",
    ),
    (
        "what roles does oskar berg have",
        "Oskar Berg plays Anna Vik in Tidewater: Slack Water (2014) (young) and is writer of Tidewater (2012).",
        ["oskar-berg"],
        'wick roles "Oskar Berg"',
        ["oskar", "tw0", "tw1-crew"],
        "acting in one work, a job in another",
    ),
    (
        "what roles does nils falk have",
        "Nils Falk plays Deckhand in Tidewater (2012).",
        ["nils-falk"],
        'wick roles "Nils Falk"',
        ["nils", "tw1-cast"],
        "acting only: no 'is ...' part",
    ),
    (
        "is ida lund in tidewater",
        "Yes: Ida Lund plays Anna Vik and is director and writer in Tidewater (2012).",
        ["ida-lund", "tw1"],
        'wick who-plays "Ida Lund" --film Tidewater',
        ["tw1-cameo", "tw1", "tw1-crew"],
        "a person credited both in the cast and the crew: the credit's sources then the job's",
    ),
    (
        "is nils falk in slack water",
        "No: the knowledge file does not credit Nils Falk in Tidewater: Slack Water (2014).",
        ["nils-falk", "tw0"],
        'wick cast "Tidewater: Slack Water"',
        ["tw0"],
        "a person not credited in the work asked: No, with `wick cast` of the work",
    ),
    (
        "is anna vik in tidewater",
        "Yes: Anna Vik is in Tidewater (2012), played by Ida Lund (cameo).",
        ["pilot", "tw1"],
        'wick who-plays "Anna Vik" --film Tidewater',
        ["tw1-cameo"],
        "a character in the work: who plays them, with the credit's note",
    ),
    (
        "is deckhand in slack water",
        "No: the knowledge file does not credit Deckhand in Tidewater: Slack Water (2014).",
        ["deckhand", "tw0"],
        'wick cast "Tidewater: Slack Water"',
        ["tw0"],
        "a character not in the work asked",
    ),
    (
        "is oskar berg in slack water",
        "Yes: Oskar Berg plays Anna Vik in Tidewater: Slack Water (2014).",
        ["oskar-berg", "tw0"],
        'wick who-plays "Oskar Berg" --film "Tidewater: Slack Water"',
        ["tw0"],
        "acting only: no 'is ...' part",
    ),
    (
        "what is nils falk's role in slack water",
        "No: the knowledge file does not credit Nils Falk in Tidewater: Slack Water (2014).",
        ["nils-falk", "tw0"],
        'wick cast "Tidewater: Slack Water"',
        ["tw0"],
        "a person's part in a work they are not credited in: No, with `wick cast` of the work",
    ),
    (
        "is oskar berg in tidewater",
        "Yes: Oskar Berg is writer in Tidewater (2012).",
        ["oskar-berg", "tw1"],
        'wick who-plays "Oskar Berg" --film Tidewater',
        ["tw1-crew"],
        "in the crew only: no 'plays' part",
    ),
    (
        "who directed tidewater",
        "Tidewater (2012): directed by Ida Lund.",
        ["tw1", "ida-lund"],
        "wick info Tidewater",
        ["tw1"],
        "a job held: the people become records, the job's sources",
    ),
    (
        "who wrote tidewater",
        "Tidewater (2012): written by Oskar Berg and Ida Lund (story).",
        ["tw1", "oskar-berg", "ida-lund"],
        "wick info Tidewater",
        ["tw1-crew"],
        "two people for one job, one with a note",
    ),
    (
        "who developed tidewater run",
        "Tidewater Run: the knowledge file names no developer.",
        ["tw-game"],
        'wick info "Tidewater Run"',
        [],
        "a game with neither a developer nor a studio in the file: said so, no source",
    ),
    (
        "who created tidewater",
        "Tidewater (2012): the knowledge file names no creator.",
        ["tw1"],
        "wick info Tidewater",
        [],
        "a word for two jobs neither held: the first is named as missing",
    ),
    (
        "who is the stunt coordinator of tidewater",
        "Tidewater (2012): the knowledge file names no stunt coordinator.",
        ["tw1"],
        "wick info Tidewater",
        [],
        "a job of two words is said with a space",
    ),
    (
        "who is directing and writing tidewater",
        "Tidewater (2012): directed by Ida Lund; written by Oskar Berg and Ida Lund (story).",
        ["tw1", "ida-lund", "oskar-berg"],
        "wick info Tidewater",
        ["tw1", "tw1-crew"],
        "two jobs: each person once among the records, the sources of both jobs",
    ),
    (
        "when did tidewater come out",
        "Tidewater (2012) came out on May 4, 2012 (US theatrical), 14 years, 6 months ago.",
        ["tw1"],
        "wick release-date Tidewater",
        ["tw1"],
        "the main release (US theatrical, not the earlier UK date), with its own sources",
    ),
    (
        "is tidewater 2 out yet",
        "No: no release date has been announced for Tidewater 2 (status: announced).",
        ["tw2"],
        'wick release-date "Tidewater 2"',
        ["tw2"],
        "no date announced: 'No:' and the sentence then starts in lower case",
    ),
    (
        "when does tidewater run come out",
        "Tidewater Run was cancelled.",
        ["tw-game"],
        'wick release-date "Tidewater Run"',
        ["tw-game"],
        "a cancelled work says so, with the work's sources",
    ),
    (
        "is tidewater run out yet",
        "No: Tidewater Run was cancelled.",
        ["tw-game"],
        'wick release-date "Tidewater Run"',
        ["tw-game"],
        "a cancelled work is not out; its title keeps its capital",
    ),
    (
        "how long until tidewater",
        "Tidewater (2012) already came out, 14 years, 6 months ago, on May 4, 2012 (US theatrical).",
        ["tw1"],
        "wick release-date Tidewater",
        ["tw1"],
        "a date past: already came out",
    ),
    (
        "how long until tidewater 2",
        "No release date has been announced for Tidewater 2 (status: announced).",
        ["tw2"],
        'wick release-date "Tidewater 2"',
        ["tw2"],
        "no date: the status instead",
    ),
    (
        "when did tidewater come out in the uk",
        "The knowledge file gives no release in United Kingdom for Tidewater (2012).",
        ["tw1"],
        "wick release-date Tidewater",
        [],
        "a country with no release of its own and none worldwide: said so, no source",
    ),
    (
        "when did tidewater come out on streaming",
        "Tidewater (2012), on streaming: September 10, 2012 (US).",
        ["tw1"],
        "wick release-date Tidewater",
        ["tw1-stream"],
        "one medium: each release labelled by its country",
    ),
    (
        "when did tidewater come out in theaters",
        "Tidewater (2012), in theaters: April 20, 2012 (UK) and May 4, 2012 (US).",
        ["tw1"],
        "wick release-date Tidewater",
        ["tw1-uk", "tw1"],
        "theatrical releases in date order (the UK's comes first, though listed first in the file too)",
    ),
    (
        "when did slack water premiere",
        "The knowledge file gives no premiere date for Tidewater: Slack Water (2014); it first came out on January 15, 2014 (DE tv).",
        ["tw0"],
        'wick release-date "Tidewater: Slack Water"',
        ["tw0-de"],
        "no premiere: the first release by date (not the first in the file), and that release's sources",
    ),
    (
        "when did tidewater premiere",
        "Tidewater (2012) premiered on March 1, 2012 at Strait Film Festival.",
        ["tw1"],
        "wick release-date Tidewater",
        ["tw1"],
        "a premiere at a venue",
    ),
    (
        "when did tidewater 2 premiere",
        "The knowledge file gives no premiere for Tidewater 2: it has no release date yet.",
        ["tw2"],
        'wick release-date "Tidewater 2"',
        [],
        "no release at all: no source",
    ),
    (
        "will there be a tidewater 2",
        "Yes: Tidewater 2 is announced; no release date has been announced.",
        ["tw2"],
        'wick release-date "Tidewater 2"',
        ["tw2"],
        "announced with no date: Yes, with its status",
    ),
    (
        "will there be a tidewater run",
        "No: Tidewater Run was cancelled.",
        ["tw-game"],
        'wick release-date "Tidewater Run"',
        ["tw-game"],
        "a cancelled work: No",
    ),
    (
        "will there be a tidewater",
        "Tidewater (2012) already came out, on May 4, 2012.",
        ["tw1"],
        "wick release-date Tidewater",
        ["tw1"],
        "a work already out",
    ),
    (
        "where can i stream tidewater",
        "Tidewater (2012) streams on Example+.",
        ["tw1"],
        "wick release-date Tidewater",
        ["tw1"],
        "the work's streaming services",
    ),
    (
        "where can i stream slack water",
        "The knowledge file names no streaming service for Tidewater: Slack Water (2014).",
        ["tw0"],
        'wick release-date "Tidewater: Slack Water"',
        ["tw0"],
        "no service: said so",
    ),
    (
        "is there a trailer for tidewater",
        "Yes: Tidewater (2012) has 1 trailer: Teaser (December 1, 2011).",
        ["tw1"],
        "wick info Tidewater",
        ["tw1-teaser"],
        "one trailer: 'Yes:', in the singular, with the trailer's sources",
    ),
    (
        "when did the trailer for tidewater come out",
        "Tidewater (2012) has 1 trailer: Teaser (December 1, 2011).",
        ["tw1"],
        "wick info Tidewater",
        ["tw1-teaser"],
        "asked when: no 'Yes:'",
    ),
    (
        "is there a trailer for slack water",
        "The knowledge file lists no trailer for Tidewater: Slack Water (2014).",
        ["tw0"],
        'wick info "Tidewater: Slack Water"',
        [],
        "no trailer, no source",
    ),
    (
        "will there be a sequel to tidewater",
        "Sequel to Tidewater (2012): Followed by Tidewater 2.",
        ["tw1"],
        "wick info Tidewater",
        ["tw2"],
        "the sequel's status gets a full stop, and the sequel's sources",
    ),
    (
        "will there be a sequel to slack water",
        "The knowledge file says nothing of a sequel to Tidewater: Slack Water (2014).",
        ["tw0"],
        'wick info "Tidewater: Slack Water"',
        [],
        "no sequel in the file, no source",
    ),
    (
        "when does tidewater take place",
        "Tidewater (2012) is set: Winter 2001. It comes last in story order, after Tidewater: Slack Water (2014).",
        ["tw1"],
        "wick timeline",
        ["tw1"],
        "last in story order: only what comes before",
    ),
    (
        "when does slack water take place",
        "Tidewater: Slack Water (2014) is set: Summer 1990. It comes first in story order, before Tidewater (2012).",
        ["tw0"],
        "wick timeline",
        ["tw0"],
        "first in story order: only what comes after",
    ),
    (
        "when does tidewater 2 take place",
        "The knowledge file does not say when in the story Tidewater 2 is set.",
        ["tw2"],
        "wick timeline",
        ["tw2"],
        "no setting and no place in the story order",
    ),
    (
        "what comes after slack water",
        "Tidewater (2012) comes after Tidewater: Slack Water (2014) in story order.",
        ["tw0", "tw1"],
        "wick timeline",
        ["tw0"],
        "the next work in story order joins the records",
    ),
    (
        "what comes after tidewater",
        "Nothing comes after Tidewater (2012) in story order in the knowledge file.",
        ["tw1"],
        "wick timeline",
        ["tw1"],
        "nothing after the last work",
    ),
    (
        "what comes before slack water",
        "Nothing comes before Tidewater: Slack Water (2014) in story order in the knowledge file.",
        ["tw0"],
        "wick timeline",
        ["tw0"],
        "nothing before the first work",
    ),
    (
        "what comes after tidewater 2",
        "The knowledge file gives Tidewater 2 no place in story order.",
        ["tw2"],
        "wick timeline",
        ["tw2"],
        "a work with no place in story order",
    ),
    (
        "what came out after tidewater",
        "Tidewater: Slack Water (2014) comes after Tidewater (2012) in release order.",
        ["tw1", "tw0"],
        "wick timeline --order release",
        ["tw1"],
        "release order, with --order release in the command",
    ),
    (
        "what came out before tidewater",
        "Nothing comes before Tidewater (2012) in release order in the knowledge file.",
        ["tw1"],
        "wick timeline --order release",
        ["tw1"],
        "nothing released before the first release",
    ),
    (
        "what came out before tidewater 2",
        "The knowledge file gives Tidewater 2 no place in release order.",
        ["tw2"],
        "wick timeline --order release",
        ["tw2"],
        "a work never released has no place in release order",
    ),
    (
        "what is tidewater about",
        "Tidewater (2012): A ferry pilot crosses the strait one last time.",
        ["tw1"],
        "wick info Tidewater --no-spoilers",
        ["tw1"],
        "the synopsis, command without spoilers",
    ),
    (
        "what is slack water about",
        "The knowledge file has no synopsis of Tidewater: Slack Water (2014).",
        ["tw0"],
        'wick info "Tidewater: Slack Water" --no-spoilers',
        ["tw0"],
        "no synopsis",
    ),
    (
        "how long is tidewater",
        "Tidewater (2012) runs 101 minutes (1 h 41 min).",
        ["tw1"],
        "wick info Tidewater",
        ["tw1"],
        "minutes with hours",
    ),
    (
        "how many episodes does slack water have",
        "Tidewater: Slack Water (2014) has 6 episodes.",
        ["tw0"],
        'wick info "Tidewater: Slack Water"',
        ["tw0"],
        "a series: its episodes",
    ),
    (
        "how long is tidewater 2",
        "The knowledge file gives no running time for Tidewater 2.",
        ["tw2"],
        'wick info "Tidewater 2"',
        ["tw2"],
        "no running time",
    ),
    (
        "what was the budget of tidewater",
        "Tidewater (2012) cost 9 million EUR to make.",
        ["tw1"],
        "wick info Tidewater",
        ["tw1-budget"],
        "the budget in its currency, with its sources",
    ),
    (
        "what was the budget of slack water",
        "The knowledge file gives no budget for Tidewater: Slack Water (2014).",
        ["tw0"],
        'wick info "Tidewater: Slack Water"',
        [],
        "no budget, no source",
    ),
    (
        "tidewater box office",
        "Tidewater (2012) took in $31,234,567 worldwide.",
        ["tw1"],
        "wick info Tidewater",
        ["tw1-money"],
        "the worldwide total, with its sources",
    ),
    (
        "slack water box office",
        "The knowledge file gives no box-office figures for Tidewater: Slack Water (2014).",
        ["tw0"],
        'wick info "Tidewater: Slack Water"',
        [],
        "no figures, no source",
    ),
    (
        "how much did tidewater make worldwide",
        "Tidewater (2012) took in $31,234,567 worldwide.",
        ["tw1"],
        "wick info Tidewater",
        ["tw1-money"],
        "one measure asked and held: its figure and its sources",
    ),
    (
        "how much did tidewater make overseas",
        "The knowledge file gives no box-office figure outside the US and Canada for Tidewater (2012).",
        ["tw1"],
        "wick info Tidewater",
        [],
        "a measure the file lacks: said with the measure's words",
    ),
    (
        "what did tidewater cost and earn",
        "Tidewater (2012) cost 9 million EUR to make. It took in $31,234,567 worldwide.",
        ["tw1"],
        "wick info Tidewater",
        ["tw1-budget", "tw1-money"],
        "both sentences; the budget's and the gross's sources",
    ),
    (
        "where was tidewater filmed",
        "Tidewater (2012) was filmed in Bergen and Orkney. Filming began on October 4, 2010 and ended on December 17, 2010.",
        ["tw1"],
        "wick info Tidewater",
        ["tw1-film"],
        "locations, then the dates",
    ),
    (
        "when was tidewater filmed",
        "Tidewater (2012): Filming began on October 4, 2010 and ended on December 17, 2010.",
        ["tw1"],
        "wick info Tidewater",
        ["tw1-film"],
        "asked when: the dates only",
    ),
    (
        "where was slack water filmed",
        "The knowledge file does not say where Tidewater: Slack Water (2014) was filmed.",
        ["tw0"],
        'wick info "Tidewater: Slack Water"',
        [],
        "nothing on filming, no source",
    ),
    (
        "when was slack water filmed",
        "The knowledge file does not say when Tidewater: Slack Water (2014) was filmed.",
        ["tw0"],
        'wick info "Tidewater: Slack Water"',
        [],
        "asked when, nothing known",
    ),
    (
        "tidewater cast",
        "Tidewater (2012) stars Ida Lund (Anna Vik), Nils Falk (Deckhand) and Rut Sand (Harbourmaster).",
        ["tw1"],
        "wick cast Tidewater",
        ["tw1-cameo", "tw1-cast"],
        "the cast in billing order, sources of the credits shown",
    ),
    (
        "tidewater 2 cast",
        "The knowledge file credits no cast for Tidewater 2.",
        ["tw2"],
        'wick cast "Tidewater 2"',
        [],
        "no cast",
    ),
    (
        "who is in both tidewater and slack water",
        "The knowledge file credits no one in both Tidewater (2012) and Tidewater: Slack Water (2014).",
        ["tw1", "tw0"],
        None,
        [],
        "no one in both: said so, both works as records, no command",
    ),
    (
        "what films is ida lund in",
        "Ida Lund is credited in 1 work: Tidewater (2012).",
        ["ida-lund"],
        'wick roles "Ida Lund"',
        ["ida"],
        "a person's works, with the person's sources",
    ),
    (
        "who is in the most tidewater films",
        "Ida Lund, Nils Falk, Oskar Berg and Rut Sand have acting credits in the most works: 1 each.",
        ["ida-lund", "nils-falk", "oskar-berg", "rut-sand"],
        None,
        ["ida", "nils", "oskar", "rut"],
        "a tie: everyone tied, by name, each one's sources",
    ),
    (
        "who is anna vik",
        "Anna Vik: Pilot of the last ferry. Played by Ida Lund in Tidewater (2012) (cameo); Oskar Berg in Tidewater: Slack Water (2014) (young).",
        ["pilot"],
        'wick info "Anna Vik"',
        ["tw1"],
        "a character: description, then who plays them",
    ),
    (
        "who is deckhand",
        "Deckhand is a character. Played by Nils Falk in Tidewater (2012).",
        ["deckhand"],
        "wick info Deckhand",
        ["tw1-cast"],
        "a character with no description",
    ),
    (
        "who is ida lund",
        "Ida Lund plays Anna Vik in Tidewater (2012) (cameo) and is director of Tidewater (2012); writer of Tidewater (2012) (story).",
        ["ida-lund"],
        'wick roles "Ida Lund"',
        ["ida", "tw1-cameo", "tw1", "tw1-crew"],
        "a person: their roles",
    ),
    (
        "when was ida lund born",
        "Ida Lund was born on February 3, 1970, and died on May 6, 2024, aged 54.",
        ["ida-lund"],
        'wick info "Ida Lund"',
        ["ida"],
        "a person who died: born, died and the age at death",
    ),
    (
        "how old is oskar berg",
        "The knowledge file does not say when Oskar Berg was born.",
        ["oskar-berg"],
        'wick info "Oskar Berg"',
        ["oskar"],
        "no dates",
    ),
    (
        "what is tidewater rated",
        "Tidewater (2012) is rated PG-13 in US (MPA).",
        ["tw1"],
        "wick info Tidewater",
        ["tw1-cert"],
        "a rating with its body",
    ),
    (
        "what is tidewater rated in the uk",
        "The knowledge file gives no age rating in United Kingdom for Tidewater (2012).",
        ["tw1"],
        "wick info Tidewater",
        [],
        "a country with no rating: said with the country",
    ),
    (
        "tidewater reviews",
        "Tidewater (2012): Rotten Tomatoes 88% (90 reviews).",
        ["tw1"],
        "wick info Tidewater",
        ["tw1-rt"],
        "a score with its note",
    ),
    (
        "slack water reviews",
        "The knowledge file gives no reception scores for Tidewater: Slack Water (2014).",
        ["tw0"],
        'wick info "Tidewater: Slack Water"',
        [],
        "no scores",
    ),
    (
        "what did slack water get on cinemascore",
        "The knowledge file gives no CinemaScore grade for Tidewater: Slack Water (2014).",
        ["tw0"],
        'wick info "Tidewater: Slack Water"',
        [],
        "a named score missing: said with its name",
    ),
    (
        "how many tidewater films are there",
        "The knowledge file holds 4 works of Tidewater: 2 films, 1 series and 1 game; 2 released.",
        [],
        "wick release-date",
        [],
        "works by kind ('series' has no plural s), released counted",
    ),
]


@pytest.mark.parametrize(
    ("question", "reply", "records", "command", "sources", "reason"), OUTCOMES, ids=[row[0] for row in OUTCOMES]
)
def test_a_reply_names_its_records_sources_and_command(
    tidewater: tuple[Franchise, Resolver],
    question: str,
    reply: str,
    records: list[str],
    command: str | None,
    sources: list[str],
    reason: str,
) -> None:
    franchise, resolver = tidewater
    document = ask.ask(franchise, resolver, question, TODAY).to_json()
    assert document["reply"] == reply, reason
    assert [r["id"] for r in document["records"]] == records, reason
    assert document["command"] == command, reason
    assert document["sources"] == [URL + s for s in sources], reason


# (knowledge file, question, the records or facts a decline names as closest, why)
DECLINES = [
    (
        "rare",
        "who plays man in grey in harbour",
        ["Man (character in Grey in Harbour)", "Man in Grey (character in Harbour)"],
        "two readings of one form give two replies (the Man in Grey in Harbour, the Man in Grey in Harbour): "
        "wick names the character of each rather than pick one",
    ),
    (
        "rare",
        "who plays man in grey",
        ["Man (character in Grey in Harbour)", "Man in Grey (character in Harbour)"],
        "the Man in a work read in part from 'grey' (Grey in Harbour), or the Man in Grey named exactly by a later "
        "form: a part-reading does not win over an exact name, and both are named",
    ),
    (
        "rare",
        "who plays man in gray",
        ["Man (character in Grey in Harbour)", "Man in Grey (character in Harbour)"],
        "with a typo neither reading names every record exactly: the Man in a work read in part still does not win",
    ),
    (
        "rare",
        "who is the man in grey",
        ["Man (character in Grey in Harbour)", "Man in Grey (character in Harbour)"],
        "the same two readings through 'who is' (the actor of the Man in a work, or who the Man in Grey is)",
    ),
    (
        "infobox",
        "who is in both tidewater and tw1",
        ["Tidewater (2012) (work)", "Tidewater 2 (work)", "Tidewater Run (work)"],
        "one work named twice is not two works: the work is named first, with the names it was close to",
    ),
    (
        "infobox",
        "will there be a tidewater 2 2",
        ["Tidewater 2 (work)", "Tidewater (2012) (work)", "Tidewater Run (work)"],
        "'W 2' is the sequel only of a work not itself numbered: Tidewater 2 is named first",
    ),
    (
        "real",
        "who shot john wick",
        ["John Wick (2014) (work)", "John Wick (character in John Wick, John Wick: Chapter 2, ...)"],
        "the film's cinematographer or who shoots the character: both readings are named",
    ),
    (
        "real",
        "who is in both jw4 and chapter 4",
        ["John Wick: Chapter 4 (2023) (work)", "John Wick (2014) (work)", "John Wick: Chapter 2 (2017) (work)"],
        "two names of one work: that work first",
    ),
    (
        "real",
        "will there be a ballerina 3",
        ["From the World of John Wick: Ballerina (2025) (work)", "John Wick: Chapter 3 – Parabellum (2019) (work)"],
        "'W 3' is not a sequel wick can tell: the work is named",
    ),
    (
        "real",
        "how does ballerina end",
        [
            "From the World of John Wick: Ballerina (2025) (work)",
            "Eve Macarro (character in John Wick: Chapter 3 – Parabellum, From the World of John Wick: Ballerina)",
        ],
        "no fact tells how Ballerina ends",
    ),
    (
        "real",
        "how does the continental end",
        ["trivia: Which assassins kill Frankie Scott at the end of The Continental's first episode?"],
        "no fact is tagged as its ending: the trivia question that comes close is named",
    ),
]


@pytest.mark.parametrize(("file", "question", "closest", "reason"), DECLINES, ids=[row[1] for row in DECLINES])
def test_a_decline_names_what_came_closest(
    tidewater: tuple[Franchise, Resolver],
    franchise: Franchise,
    resolver: Resolver,
    file: str,
    question: str,
    closest: list[str],
    reason: str,
) -> None:
    if file == "rare":
        rare = loader.load(str(RARE))
        asked, by = rare, Resolver(rare)
    else:
        asked, by = tidewater if file == "infobox" else (franchise, resolver)
    with pytest.raises(CannotAnswer) as raised:
        ask.ask(asked, by, question, TODAY)
    assert list(raised.value.suggestions) == closest, reason


# (knowledge file, question, the day asked, reply, why)
DATED = [
    (
        "infobox",
        "will there be a tidewater",
        dt.date(2012, 5, 4),
        "Tidewater (2012) already came out, on May 4, 2012.",
        "on the day of the release the work is out",
    ),
    (
        "infobox",
        "will there be a tidewater",
        dt.date(2012, 4, 1),
        "Yes: Tidewater comes out on May 4, 2012, in 1 month.",
        "before the release: the date and how far off it is",
    ),
    (
        "infobox",
        "is tidewater out yet",
        dt.date(2012, 5, 4),
        "Yes: Tidewater (2012) came out on May 4, 2012 (US theatrical), today.",
        "out on the day of the release",
    ),
    (
        "infobox",
        "is tidewater out yet",
        dt.date(2012, 4, 1),
        "No: Tidewater comes out on May 4, 2012 (US theatrical), in 1 month.",
        "not out yet: No, with the date to come",
    ),
    (
        "infobox",
        "how long until tidewater",
        dt.date(2012, 4, 1),
        "Tidewater comes out in 1 month, on May 4, 2012 (US theatrical).",
        "how long until: the time left first",
    ),
    (
        "infobox",
        "when does tidewater come out",
        dt.date(2012, 4, 1),
        "Tidewater comes out on May 4, 2012 (US theatrical), in 1 month.",
        "a release to come: the date first",
    ),
    (
        "real",
        "how old is keanu reeves",
        dt.date(2026, 9, 2),
        "Keanu Reeves was born on September 2, 1964: 62 years old today.",
        "on a birthday the new age counts",
    ),
    (
        "real",
        "how old is keanu reeves",
        dt.date(2026, 9, 1),
        "Keanu Reeves was born on September 2, 1964: 61 years old today.",
        "the day before a birthday, the year is not yet full",
    ),
    (
        "real",
        "how old is keanu reeves",
        dt.date(1964, 9, 2),
        "Keanu Reeves was born on September 2, 1964: 0 years old today.",
        "born that day: an age of 0 is still said",
    ),
    (
        "real",
        "how old is keanu reeves",
        dt.date(1964, 9, 1),
        "Keanu Reeves was born on September 2, 1964.",
        "a clock set before the birth: no negative age",
    ),
]


@pytest.mark.parametrize(("file", "question", "today", "reply", "reason"), DATED, ids=[f"{r[1]} {r[2]}" for r in DATED])
def test_a_reply_counts_from_the_day_asked(
    tidewater: tuple[Franchise, Resolver],
    franchise: Franchise,
    resolver: Resolver,
    file: str,
    question: str,
    today: dt.date,
    reply: str,
    reason: str,
) -> None:
    asked, by = tidewater if file == "infobox" else (franchise, resolver)
    assert ask.ask(asked, by, question, today).reply.reply == reply, reason


# (question, the reply's start, its sources, why): sources from the shipped file
REAL_SOURCES = [
    (
        "john wick cast",
        "John Wick (2014) stars Keanu Reeves (John Wick), ",
        [
            "https://en.wikipedia.org/wiki/John_Wick_(film)",
            "https://www.inquisitr.com/4328121/john-wick-actor-michael-nyqvist-56-dies-of-lung-cancer/",
            "https://www.freep.com/story/entertainment/movies/2014/10/23/john-wick-movie-review/17736141/",
            "https://www.flimmerkiste.net/filme/john-wick/",
            "https://www.looper.com/321696/why-john-wicks-wife-helen-looks-so-familiar/",
        ],
        "the sources of the six credits shown, not of the 15 others",
    ),
    (
        "when did jw4 come out",
        "John Wick: Chapter 4 (2023) came out on March 24, 2023 (US theatrical)",
        [
            "https://rafu.com/2023/03/john-wick-chapter-4-opens-march-24/",
            "https://deadline.com/2021/12/john-wick-chapter-4-avoids-top-gun-maverick-over-memorial-day-heads-to-2023-1234900866/",
        ],
        "the main release's sources, not all of the work's",
    ),
]


@pytest.mark.parametrize(("question", "start", "sources", "reason"), REAL_SOURCES, ids=[r[0] for r in REAL_SOURCES])
def test_a_reply_cites_what_it_says(
    franchise: Franchise, resolver: Resolver, question: str, start: str, sources: list[str], reason: str
) -> None:
    document = ask.ask(franchise, resolver, question, TODAY).to_json()
    assert document["reply"].startswith(start), reason
    assert document["sources"] == sources, reason


GATE = 'That would spoil John Wick: Chapter 4 (2023): ask again with --spoilers (or --seen-through "Chapter 4").'


@pytest.mark.parametrize(
    ("seen_through", "shown", "reason"),
    [
        (None, False, "a trivia fact that spoils Chapter 4 is hidden by default"),
        ("chapter 4", True, "seen through the work it spoils: shown"),
        ("parabellum", False, "seen through an earlier work only: still hidden"),
    ],
)
def test_a_trivia_answer_is_gated_by_the_works_seen(
    franchise: Franchise, resolver: Resolver, seen_through: str | None, shown: bool, reason: str
) -> None:
    question = "does john wick die at the end of chapter 4"
    document = ask.ask(franchise, resolver, question, TODAY, seen_through=seen_through).to_json()
    assert document["question"] == question, reason
    assert (document["reply"] != GATE) is shown, reason
    assert document["reply"].startswith("Chapter 4 shows John dying") is shown, reason
    assert document["command"] == ('wick info "John Wick: Chapter 4"' if shown else None), reason
    assert document["spoils"]["id"] == "jw4", reason


# (question, reply, sources after https://example.org/, why): tests/data/ask.yaml's rarer fields
RARE_REPLIES = [
    ("how long is harbour", "Harbour (2010) runs 45 minutes.", ["harbour"], "under an hour: no hours said"),
    (
        "how long is grey in harbour",
        "Grey in Harbour (2012) runs 50 minutes and has 8 episodes.",
        ["grey"],
        "a running time and episodes: both said",
    ),
    (
        "when did harbour premiere",
        "Harbour (2010) premiered on March 1, 2010 in US.",
        ["harbour-premiere"],
        "a premiere with no venue: its country",
    ),
    (
        "when did grey in harbour premiere",
        "The knowledge file gives no premiere date for Grey in Harbour (2012); it first came out on March 5, 2012 (Germany home media).",
        ["grey"],
        "no premiere: the first release, its medium written with a space",
    ),
    (
        "when did grey in harbour come out",
        "Grey in Harbour (2012) came out on March 5, 2012 (Germany home media), 14 years, 8 months ago.",
        ["grey"],
        "the main release's medium written with a space",
    ),
    (
        "when did harbour come out in the uk",
        "Harbour (2010), in United Kingdom: June 1, 2010 (worldwide streaming).",
        ["harbour-stream"],
        "a release everywhere with no note stands for the country asked",
    ),
    (
        "where can i stream harbour",
        "Harbour (2010) streams on Seaflix.",
        ["harbour"],
        "no streaming list: the service of a streaming release",
    ),
    ("what is harbour rated", "Harbour (2010) is rated PG in US.", ["harbour-rating"], "a rating with no body"),
    (
        "who plays the stranger",
        "The Stranger has no credited actor in the knowledge file.",
        ["grey"],
        "a character no one is credited as: said so, with the character's sources",
    ),
    (
        "will there be a sequel to harbour",
        "Sequel to Harbour (2010): Will there be a Harbour 2?",
        ["harbour-sequel"],
        "a status that is a question gets no full stop",
    ),
    (
        "who plays man in grey harbour",
        "Ben Okafor plays Man in Grey in Harbour (2012).",
        ["grey", "harbour"],
        "'grey harbour' names Grey in Harbour only in part, but no other reading names every record exactly "
        "(no 'in' stands between the Man in Grey and Harbour): the part-reading answers",
    ),
    (
        "is man in grey in grey in harbour",
        "No: the knowledge file does not credit Man in Grey in Grey in Harbour (2012).",
        ["grey"],
        "the readings of a form after one whose names do not resolve ('man', 'grey in grey in harbour') are read",
    ),
    (
        "is there a trailer for harbour",
        "Yes: Harbour (2010) has 2 trailers: Teaser (January 10, 2010); Clip (January 10, 2010).",
        ["harbour-teaser", "harbour-clip"],
        "trailers of one day keep the file's order: they are ordered by day only",
    ),
    (
        "who plays man",
        "Ben Okafor plays Man in Grey in Harbour (2012).",
        ["grey", "harbour"],
        "the Man named exactly answers at once, though 'man' starts the Man in Grey's name too",
    ),
    (
        "what is grey in harbour rated",
        "The knowledge file gives no age rating for Grey in Harbour (2012).",
        [],
        "no rating, and no country asked: none named",
    ),
    (
        "will there be a sequel to grey in harbour",
        "Sequel to Grey in Harbour (2012): Season 2 confirmed!",
        ["grey-sequel"],
        "a status that is an exclamation gets no full stop either",
    ),
    (
        "where can i stream grey in harbour",
        "The knowledge file names no streaming service for Grey in Harbour (2012).",
        ["grey"],
        "the service of a television release is not a streaming service",
    ),
    (
        "when was ben okafor born",
        "Ben Okafor died on January 1, 2020 (the knowledge file does not give a date of birth).",
        ["ben"],
        "a death with no known birth: no age, and no broken sentence",
    ),
]


@pytest.mark.parametrize(("question", "reply", "sources", "reason"), RARE_REPLIES, ids=[r[0] for r in RARE_REPLIES])
def test_rarer_fields_are_said_plainly(question: str, reply: str, sources: list[str], reason: str) -> None:
    rare = loader.load(str(RARE))
    document = ask.ask(rare, Resolver(rare), question, TODAY).to_json()
    assert document["reply"] == reply, reason
    assert document["sources"] == [URL + s for s in sources], reason


TWIST = "who does the man in grey turn out to be at the end of harbour"


@pytest.mark.parametrize(
    ("spoilers", "reply", "command", "sources", "reason"),
    [
        (
            False,
            "That would spoil Harbour (2010): ask again with --spoilers (or --seen-through Harbour).",
            None,
            [],
            "hidden: a work with no alias is named by its title for --seen-through; nothing to cite yet",
        ),
        (
            True,
            "At the end of Harbour, the Man in Grey turns out to be the harbour master.",
            'wick info "Man in Grey"',
            ["harbour-twist"],
            "shown: the fact, `wick info` of its first record, its sources",
        ),
    ],
)
def test_a_trivia_answer_names_the_records_it_is_about(
    spoilers: bool, reply: str, command: str | None, sources: list[str], reason: str
) -> None:
    rare = loader.load(str(RARE))
    document = ask.ask(rare, Resolver(rare), TWIST, TODAY, spoilers=spoilers).to_json()
    assert document["reply"] == reply, reason
    assert [r["id"] for r in document["records"]] == ["man-in-grey", "harbour"], reason
    assert document["command"] == command, reason
    assert document["sources"] == [URL + s for s in sources], reason
    assert document["spoils"]["id"] == "harbour", reason
