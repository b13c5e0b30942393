"""wick ask: questions as fans type them, answered from the knowledge file or declined.

Every reply below is the exact text wick gives from the shipped data/franchise.yaml, "today" being
2026-12-02 (WICK_TODAY in the CLI tests), so the dated replies are fixed.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner

from wickcli import ask, loader, render
from wickcli.cli import app
from wickcli.errors import CannotAnswer
from wickcli.model import Franchise
from wickcli.resolve import Resolver

from .conftest import DATA, MINI, REAL

TODAY = dt.date(2026, 12, 2)
LANTERNS = DATA / "lanterns.yaml"

# (question as typed, the exact reply, why the row is here)
ANSWERED = [
    (
        "When does Ballerina take place?",
        "From the World of John Wick: Ballerina (2025) is set: During and after Chapter 3, before Chapter 4. In story order it comes after John Wick: Chapter 3 – Parabellum (2019) and before John Wick: Chapter 4 (2023).",
        "the seed article's first question: story placement",
    ),
    (
        "Who is directing and writing Ballerina?",
        "From the World of John Wick: Ballerina (2025): directed by Len Wiseman; written by Shay Hatten.",
        "seed: two jobs in one question",
    ),
    (
        "What is Keanu Reeves' involvement in Ballerina?",
        "In From the World of John Wick: Ballerina (2025), Keanu Reeves plays John Wick and is executive producer.",
        "seed: a person's part in a work, possessive apostrophe",
    ),
    (
        "What is Keanu Reevesl involvement in Ballerina?",
        "In From the World of John Wick: Ballerina (2025), Keanu Reeves plays John Wick and is executive producer.",
        "seed as printed, with its typo",
    ),
    (
        "Is there a trailer for Ballerina?",
        "Yes: From the World of John Wick: Ballerina (2025) has 3 trailers: Music-box teaser announcing the trailer (September 25, 2024); First trailer (set to a slowed-down 'Tiny Dancer') (September 26, 2024); Second trailer (heavily featuring Keanu Reeves's John Wick) (March 19, 2025).",
        "seed: trailers",
    ),
    ("Can you stream Ballerina?", "From the World of John Wick: Ballerina (2025) streams on Starz.", "seed: streaming"),
    (
        "Will there be a sequel to Ballerina?",
        "Sequel to From the World of John Wick: Ballerina (2025): No sequel had been officially announced in the sources found. Box-office reports after the soft June 2025 opening called a Ballerina 2 'less assured'; Norman Reedus said he would like his character Daniel Pine to return.",
        "seed: sequel status",
    ),
    (
        "What is Ballerina about?",
        "From the World of John Wick: Ballerina (2025): Orphaned as a child after her father is murdered, Eve Macarro is raised and trained by the Ruska Roma as both a ballerina and an assassin. When a clue to her father's killers surfaces, she defies her superiors and sets out for revenge, crossing paths with the Continental and with John Wick himself.",
        "seed: synopsis, spoiler-free",
    ),
    (
        "Ballerina release date",
        "From the World of John Wick: Ballerina (2025) came out on June 6, 2025 (US theatrical), 1 year, 5 months ago.",
        "seed heading as a question",
    ),
    (
        "Ballerina cast",
        "From the World of John Wick: Ballerina (2025) stars Ana de Armas (Eve Macarro), Anjelica Huston (The Director), Gabriel Byrne (The Chancellor), Lance Reddick (Charon), Catalina Sandino Moreno (Lena), Norman Reedus (Daniel Pine) and 6 others.",
        "seed heading: a work that is also a character's alias reads as the work",
    ),
    (
        "whos the director in ballerina",
        "Anjelica Huston plays The Director in From the World of John Wick: Ballerina (2025).",
        "'whos' and a character named like a job",
    ),
    (
        "who plays the director in ballerina",
        "Anjelica Huston plays The Director in From the World of John Wick: Ballerina (2025).",
        "character in one work",
    ),
    (
        "who plays charon",
        "Charon is played by Lance Reddick in John Wick (2014), John Wick: Chapter 2 (2017), John Wick: Chapter 3 – Parabellum (2019), John Wick Hex (2019) (voice), John Wick: Chapter 4 (2023) and From the World of John Wick: Ballerina (2025); Ayomide Adegun in The Continental: From the World of John Wick (2023) (young).",
        "character across works",
    ),
    (
        "who played charon in jw4",
        "Lance Reddick plays Charon in John Wick: Chapter 4 (2023).",
        "past tense and a short alias",
    ),
    (
        "who plays winston in the continental",
        "Winston Scott is played by Colin Woodell in The Continental: From the World of John Wick (2023) (young); Fflyn Edwards in The Continental: From the World of John Wick (2023) (child, in the 1955 opening).",
        "one character, several actors in one work",
    ),
    (
        "who plays young winston",
        "In The Continental, Colin Woodell plays the young Winston Scott (Ian McShane in the films) and Ayomide Adegun plays the young Charon.",
        "no character is 'young winston': the trivia fact that says who",
    ),
    (
        "who played caine",
        "Donnie Yen plays Caine in John Wick: Chapter 4 (2023) and Caine (untitled John Wick spinoff).",
        "character in a film and a project",
    ),
    (
        "who plays the marquis",
        "Bill Skarsgård plays Marquis Vincent Bisset de Gramont in John Wick: Chapter 4 (2023).",
        "a title the character goes by",
    ),
    (
        "who plays the bowery king",
        "Laurence Fishburne plays The Bowery King in John Wick: Chapter 2 (2017), John Wick: Chapter 3 – Parabellum (2019) and John Wick: Chapter 4 (2023).",
        "several words, with 'the'",
    ),
    (
        "who played ms perkins",
        "Adrianne Palicki plays Ms. Perkins in John Wick (2014).",
        "abbreviation without its dot",
    ),
    (
        "who plays the adjudicator",
        "The Adjudicator is played by Asia Kate Dillon in John Wick: Chapter 3 – Parabellum (2019); Katie McGrath in The Continental: From the World of John Wick (2023).",
        "two actors in two works",
    ),
    (
        "who plays sofia in parabellum",
        "Halle Berry plays Sofia Al-Azwar in John Wick: Chapter 3 – Parabellum (2019).",
        "first name only, with the work",
    ),
    (
        "who played santino",
        "Riccardo Scamarcio plays Santino D'Antonio in John Wick: Chapter 2 (2017).",
        "apostrophe in the name quoted back for a shell",
    ),
    (
        "who plays john wick in ballerina",
        "Keanu Reeves plays John Wick in From the World of John Wick: Ballerina (2025).",
        "a name that is also a title",
    ),
    ("who played viggo", "Michael Nyqvist plays Viggo Tarasov in John Wick (2014).", "first name"),
    ("who plays iosef", "Alfie Allen plays Iosef Tarasov in John Wick (2014).", "first name"),
    (
        "who plays helen",
        "Bridget Moynahan plays Helen Wick in John Wick (2014) and John Wick: Chapter 2 (2017).",
        "first name, two works",
    ),
    (
        "who plays eve macarro",
        "Eve Macarro is played by Unity Phelan in John Wick: Chapter 3 – Parabellum (2019) (credited as Ballerina; identified as Eve in later reports); Ana de Armas in From the World of John Wick: Ballerina (2025); Victoria Comte in From the World of John Wick: Ballerina (2025) (young).",
        "three credits, notes kept",
    ),
    (
        "who played rooney in parabellum",
        "Unity Phelan plays Eve Macarro in John Wick: Chapter 3 – Parabellum (2019) (credited as Ballerina; identified as Eve in later reports).",
        "an alias in one work, with the credit's note",
    ),
    (
        "who plays the elder",
        "The Elder is played by Saïd Taghmaoui in John Wick: Chapter 3 – Parabellum (2019); George Georgiou in John Wick: Chapter 4 (2023).",
        "two actors",
    ),
    (
        "who plays zero",
        "Mark Dacascos plays Zero in John Wick: Chapter 3 – Parabellum (2019).",
        "a one-word name that is a number word",
    ),
    (
        "who plays akira",
        "Rina Sawayama plays Akira in John Wick: Chapter 4 (2023) and Caine (untitled John Wick spinoff).",
        "character in a film and a project",
    ),
    (
        "who plays mr nobody",
        "Shamier Anderson plays Mr. Nobody in John Wick: Chapter 4 (2023).",
        "'mr' without its dot",
    ),
    ("who plays killa", "Scott Adkins plays Killa Harkan in John Wick: Chapter 4 (2023).", "first name"),
    ("who plays koji", "Hiroyuki Sanada plays Shimazu Koji in John Wick: Chapter 4 (2023).", "family name"),
    ("who plays ares", "Ruby Rose plays Ares in John Wick: Chapter 2 (2017).", "short name"),
    ("who plays cassian", "Common plays Cassian in John Wick: Chapter 2 (2017).", "one-word name"),
    (
        "who plays the chancellor",
        "Gabriel Byrne plays The Chancellor in From the World of John Wick: Ballerina (2025).",
        "with 'the'",
    ),
    (
        "who plays daniel pine",
        "Norman Reedus plays Daniel Pine in From the World of John Wick: Ballerina (2025).",
        "full name",
    ),
    (
        "who plays pine",
        "Norman Reedus plays Daniel Pine in From the World of John Wick: Ballerina (2025).",
        "surname only",
    ),
    (
        "which actor plays charon",
        "Charon is played by Lance Reddick in John Wick (2014), John Wick: Chapter 2 (2017), John Wick: Chapter 3 – Parabellum (2019), John Wick Hex (2019) (voice), John Wick: Chapter 4 (2023) and From the World of John Wick: Ballerina (2025); Ayomide Adegun in The Continental: From the World of John Wick (2023) (young).",
        "'which actor'",
    ),
    (
        "who portrayed the director",
        "Anjelica Huston plays The Director in John Wick: Chapter 3 – Parabellum (2019) and From the World of John Wick: Ballerina (2025).",
        "'portrayed'",
    ),
    (
        "keanu reeves role in ballerina",
        "In From the World of John Wick: Ballerina (2025), Keanu Reeves plays John Wick and is executive producer.",
        "no verb at all",
    ),
    (
        "who did keanu reeves play",
        "Keanu Reeves plays John Wick in John Wick (2014), John Wick: Chapter 2 (2017), John Wick: Chapter 3 – Parabellum (2019), John Wick: Chapter 4 (2023), From the World of John Wick: Ballerina (2025), John Wick: Chapter 5, Untitled John Wick animated prequel (voice) and Untitled John Wick game (Saber Interactive) (voice) and is executive producer of John Wick: Chapter 4 (2023), From the World of John Wick: Ballerina (2025) and John Wick: Under the High Table; producer of John Wick: Chapter 5 and Untitled John Wick animated prequel.",
        "a person's roles",
    ),
    (
        "who does ian mcshane play",
        "Ian McShane plays Winston Scott in John Wick (2014), John Wick: Chapter 2 (2017), John Wick: Chapter 3 – Parabellum (2019), John Wick Hex (2019) (voice), John Wick: Chapter 4 (2023) and From the World of John Wick: Ballerina (2025).",
        "present tense",
    ),
    (
        "who did ian mcshane play in ballerina",
        "In From the World of John Wick: Ballerina (2025), Ian McShane plays Winston Scott.",
        "a person in one work",
    ),
    (
        "what role does donnie yen play",
        "Donnie Yen plays Caine in John Wick: Chapter 4 (2023) and Caine (untitled John Wick spinoff) and is director of Caine (untitled John Wick spinoff); executive producer of Caine (untitled John Wick spinoff).",
        "roles and jobs together",
    ),
    (
        "who does halle berry play in parabellum",
        "In John Wick: Chapter 3 – Parabellum (2019), Halle Berry plays Sofia Al-Azwar.",
        "a person in one work",
    ),
    (
        "who does lance reddick play",
        "Lance Reddick plays Charon in John Wick (2014), John Wick: Chapter 2 (2017), John Wick: Chapter 3 – Parabellum (2019), John Wick Hex (2019) (voice), John Wick: Chapter 4 (2023) and From the World of John Wick: Ballerina (2025).",
        "a person across works, a game's voice role",
    ),
    (
        "what character did bill skarsgard play",
        "Bill Skarsgård plays Marquis Vincent Bisset de Gramont in John Wick: Chapter 4 (2023).",
        "the name typed without its accent",
    ),
    (
        "who is anjelica huston in ballerina",
        "In From the World of John Wick: Ballerina (2025), Anjelica Huston plays The Director.",
        "'who is P in W'",
    ),
    (
        "what is ana de armas role in ballerina",
        "In From the World of John Wick: Ballerina (2025), Ana de Armas plays Eve Macarro.",
        "'what is P role' without the possessive",
    ),
    (
        "what is chad stahelski's involvement in ballerina",
        "In From the World of John Wick: Ballerina (2025), Chad Stahelski is producer.",
        "a crew member's part",
    ),
    (
        "whats keanus part in jw4",
        "In John Wick: Chapter 4 (2023), Keanu Reeves plays John Wick and is executive producer.",
        "'whats', a possessive typed without apostrophe",
    ),
    (
        "is keanu reeves in ballerina",
        "Yes: Keanu Reeves plays John Wick and is executive producer in From the World of John Wick: Ballerina (2025).",
        "yes: acting and a job",
    ),
    (
        "is keanu in the continental",
        "No: the knowledge file does not credit Keanu Reeves in The Continental: From the World of John Wick (2023).",
        "no credit in the file: said as such",
    ),
    (
        "is ian mcshane in the continental",
        "No: the knowledge file does not credit Ian McShane in The Continental: From the World of John Wick (2023).",
        "his character is played by another actor there",
    ),
    (
        "is halle berry in chapter 4",
        "No: the knowledge file does not credit Halle Berry in John Wick: Chapter 4 (2023).",
        "no credit",
    ),
    ("is donnie yen in jw4", "Yes: Donnie Yen plays Caine in John Wick: Chapter 4 (2023).", "yes"),
    (
        "was lance reddick in ballerina",
        "Yes: Lance Reddick plays Charon in From the World of John Wick: Ballerina (2025).",
        "past tense",
    ),
    (
        "is charon in ballerina",
        "Yes: Charon is in From the World of John Wick: Ballerina (2025), played by Lance Reddick.",
        "a character in a work",
    ),
    (
        "is norman reedus in john wick 4",
        "No: the knowledge file does not credit Norman Reedus in John Wick: Chapter 4 (2023).",
        "no credit",
    ),
    (
        "does keanu reeves appear in ballerina",
        "Yes: Keanu Reeves plays John Wick and is executive producer in From the World of John Wick: Ballerina (2025).",
        "'appear'",
    ),
    (
        "will keanu be in john wick 5",
        "Yes: Keanu Reeves plays John Wick and is producer in John Wick: Chapter 5.",
        "a project",
    ),
    (
        "is ana de armas in john wick",
        "No: the knowledge file does not credit Ana de Armas in John Wick (2014).",
        "no credit in the first film",
    ),
    (
        "who directed john wick",
        "John Wick (2014): directed by Chad Stahelski and David Leitch (uncredited).",
        "a title that is also a character: the work, and an uncredited co-director",
    ),
    ("who directed jw2", "John Wick: Chapter 2 (2017): directed by Chad Stahelski.", "alias"),
    (
        "who directed chapter three",
        "John Wick: Chapter 3 – Parabellum (2019): directed by Chad Stahelski.",
        "number word",
    ),
    (
        "who directed parabellum",
        "John Wick: Chapter 3 – Parabellum (2019): directed by Chad Stahelski.",
        "subtitle alias",
    ),
    ("who diercted jw4", "John Wick: Chapter 4 (2023): directed by Chad Stahelski.", "typo in the question word"),
    ("who directed ballerina", "From the World of John Wick: Ballerina (2025): directed by Len Wiseman.", "director"),
    (
        "who is directing ballerina",
        "From the World of John Wick: Ballerina (2025): directed by Len Wiseman.",
        "present progressive",
    ),
    ("who wrote john wick", "John Wick (2014): written by Derek Kolstad.", "writer"),
    (
        "who wrote the script for jw4",
        "John Wick: Chapter 4 (2023): written by Shay Hatten and Michael Finch.",
        "'the script for'",
    ),
    ("who wrote ballerina", "From the World of John Wick: Ballerina (2025): written by Shay Hatten.", "writer"),
    (
        "who produced ballerina",
        "From the World of John Wick: Ballerina (2025): produced by Basil Iwanyk, Erica Lee and Chad Stahelski.",
        "three producers",
    ),
    (
        "who composed the music for john wick",
        "John Wick (2014): music by Tyler Bates and Joel J. Richard.",
        "composers",
    ),
    (
        "who did the music for parabellum",
        "John Wick: Chapter 3 – Parabellum (2019): music by Tyler Bates and Joel J. Richard.",
        "'did the music'",
    ),
    ("who shot john wick 4", "John Wick: Chapter 4 (2023): shot by Dan Laustsen.", "cinematographer"),
    ("who edited jw4", "John Wick: Chapter 4 (2023): edited by Nathan Orloff.", "editor"),
    (
        "who is the director of the continental",
        "The Continental: From the World of John Wick (2023): directed by Albert Hughes and Charlotte Brändström.",
        "a series with two directors",
    ),
    (
        "who created the continental",
        "The Continental: From the World of John Wick (2023): developed by Greg Coolidge, Kirk Ward and Shawn Simmons.",
        "'created' asks for creators or, where a work has none, its developers (credited 'developed by')",
    ),
    (
        "who developed the continental",
        "The Continental: From the World of John Wick (2023): developed by Greg Coolidge, Kirk Ward and Shawn Simmons.",
        "developers, asked by their own word",
    ),
    (
        "who created john wick hex",
        "John Wick Hex (2019): created by Mike Bithell.",
        "a work with a creator: 'created' means the creator",
    ),
    (
        "who created john wick",
        "John Wick (2014): the knowledge file names no creator.",
        "neither a creator nor a developer of the film: said as the file's silence, not as 'nobody created it'",
    ),
    (
        "ballerina director",
        "From the World of John Wick: Ballerina (2025): directed by Len Wiseman.",
        "two words, no verb",
    ),
    (
        "jw3 writer",
        "John Wick: Chapter 3 – Parabellum (2019): written by Derek Kolstad, Shay Hatten, Chris Collins and Marc Abrams.",
        "several writers",
    ),
    ("who is directing john wick 5", "John Wick: Chapter 5: directed by Chad Stahelski.", "a project's director"),
    (
        "who directed and wrote ballerina",
        "From the World of John Wick: Ballerina (2025): directed by Len Wiseman; written by Shay Hatten.",
        "two verbs",
    ),
    (
        "when did john wick come out",
        "John Wick (2014) came out on October 24, 2014 (US theatrical), 12 years, 1 month ago.",
        "release date and how long ago",
    ),
    (
        "when did jw2 come out",
        "John Wick: Chapter 2 (2017) came out on February 10, 2017 (US theatrical), 9 years, 9 months ago.",
        "alias",
    ),
    (
        "when did john wick chapter 3 come out",
        "John Wick: Chapter 3 – Parabellum (2019) came out on May 17, 2019 (US theatrical), 7 years, 6 months ago.",
        "title without its colon and subtitle",
    ),
    (
        "when was john wick 4 released",
        "John Wick: Chapter 4 (2023) came out on March 24, 2023 (US theatrical), 3 years, 8 months ago.",
        "'was released'",
    ),
    (
        "when does ballerina come out",
        "From the World of John Wick: Ballerina (2025) came out on June 6, 2025 (US theatrical), 1 year, 5 months ago.",
        "present tense for a past release",
    ),
    (
        "when did the continental come out",
        "The Continental: From the World of John Wick (2023) came out on September 22, 2023 (US streaming), 3 years, 2 months ago.",
        "a series' main release is on streaming",
    ),
    (
        "jw4 release date",
        "John Wick: Chapter 4 (2023) came out on March 24, 2023 (US theatrical), 3 years, 8 months ago.",
        "alias and a noun phrase",
    ),
    (
        "what is the release date of john wick 5",
        "No release date has been announced for John Wick: Chapter 5 (status: in development).",
        "an undated project",
    ),
    (
        "when is john wick 5 coming out",
        "No release date has been announced for John Wick: Chapter 5 (status: in development).",
        "an undated project",
    ),
    (
        "is ballerina out yet",
        "Yes: From the World of John Wick: Ballerina (2025) came out on June 6, 2025 (US theatrical), 1 year, 5 months ago.",
        "yes, with the date",
    ),
    (
        "is john wick 5 out yet",
        "No: no release date has been announced for John Wick: Chapter 5 (status: in development).",
        "no date announced",
    ),
    (
        "is the continental out",
        "Yes: The Continental: From the World of John Wick (2023) came out on September 22, 2023 (US streaming), 3 years, 2 months ago.",
        "without 'yet'",
    ),
    (
        "has chapter 4 come out yet",
        "Yes: John Wick: Chapter 4 (2023) came out on March 24, 2023 (US theatrical), 3 years, 8 months ago.",
        "'has ... come out'",
    ),
    (
        "how long until john wick 5 comes out",
        "No release date has been announced for John Wick: Chapter 5 (status: in development).",
        "countdown to an undated project",
    ),
    (
        "how long until ballerina comes out",
        "From the World of John Wick: Ballerina (2025) already came out, 1 year, 5 months ago, on June 6, 2025 (US theatrical).",
        "already out: said so",
    ),
    (
        "how long ago did john wick come out",
        "John Wick (2014) already came out, 12 years, 1 month ago, on October 24, 2014 (US theatrical).",
        "how long ago",
    ),
    (
        "will there be a john wick 5",
        "Yes: John Wick: Chapter 5 is in development; no release date has been announced.",
        "a project named in the question",
    ),
    (
        "will there be a ballerina 2",
        "Sequel to From the World of John Wick: Ballerina (2025): No sequel had been officially announced in the sources found. Box-office reports after the soft June 2025 opening called a Ballerina 2 'less assured'; Norman Reedus said he would like his character Daniel Pine to return.",
        "'W 2' is the sequel of an unnumbered work",
    ),
    (
        "is there a sequel to chapter 4",
        "Sequel to John Wick: Chapter 4 (2023): John Wick: Chapter 5 was officially announced by Lionsgate at CinemaCon on April 1, 2025, with Keanu Reeves returning and Chad Stahelski directing; it is in development with no release date announced (as of the sources found). The same presentation announced an animated prequel and that Donnie Yen would direct the Caine spin-off, which had first been reported in May 2024.",
        "sequel status",
    ),
    (
        "will there be a continental season 2",
        "Sequel to The Continental: From the World of John Wick (2023): Billed as a limited three-part event. Preliminary ideas for a follow-up set in the 1980s were mentioned around the premiere, but no second season was announced in the sources found; the next John Wick series in development is the separate 'Under the High Table'.",
        "a second season is a series' sequel",
    ),
    (
        "is there going to be a caine movie",
        "Yes: Caine (untitled John Wick spinoff) is in development; no release date has been announced.",
        "an alias with 'movie' in it",
    ),
    ("where can i stream ballerina", "From the World of John Wick: Ballerina (2025) streams on Starz.", "streaming"),
    (
        "where can i watch the continental",
        "The Continental: From the World of John Wick (2023) streams on Peacock and Prime Video.",
        "two services",
    ),
    (
        "where is the continental streaming",
        "The Continental: From the World of John Wick (2023) streams on Peacock and Prime Video.",
        "'where is W streaming'",
    ),
    (
        "can i stream john wick",
        "The knowledge file names no streaming service for John Wick (2014).",
        "no service in the file: said so",
    ),
    (
        "is there a trailer for john wick 5",
        "The knowledge file lists no trailer for John Wick: Chapter 5.",
        "none listed",
    ),
    (
        "jw4 trailer",
        "John Wick: Chapter 4 (2023) has 4 trailers: Release-date teaser announcing the move to March 24, 2023 (December 22, 2021); First teaser, shown at San Diego Comic-Con (Collider's Directors on Directing panel, with a surprise appearance by Keanu Reeves); posted online July 23 (July 22, 2022); Official trailer (November 10, 2022); Final trailer (February 16, 2023).",
        "four trailers; a name and a word, not a question asked yes or no: no 'Yes'",
    ),
    (
        "is there a trailer for the continental",
        "Yes: The Continental: From the World of John Wick (2023) has 3 trailers: First-look teaser (scored to 'I Feel Love') (April 12, 2023); San Diego Comic-Con clip and premiere-date announcement (July 21, 2023); Official trailer (August 9, 2023).",
        "a series' trailers",
    ),
    (
        "when is ballerina set",
        "From the World of John Wick: Ballerina (2025) is set: During and after Chapter 3, before Chapter 4. In story order it comes after John Wick: Chapter 3 – Parabellum (2019) and before John Wick: Chapter 4 (2023).",
        "story placement",
    ),
    (
        "where does ballerina fit in the timeline",
        "From the World of John Wick: Ballerina (2025) is set: During and after Chapter 3, before Chapter 4. In story order it comes after John Wick: Chapter 3 – Parabellum (2019) and before John Wick: Chapter 4 (2023).",
        "'fit in the timeline'",
    ),
    (
        "when does the continental take place",
        "The Continental: From the World of John Wick (2023) is set: 1975, New York City. It comes first in story order, before Untitled John Wick game (Saber Interactive).",
        "first in story order",
    ),
    (
        "when in the story is chapter 4 set",
        "John Wick: Chapter 4 (2023) is set: After Chapter 3 and Ballerina. It comes last in story order, after From the World of John Wick: Ballerina (2025).",
        "last in story order",
    ),
    (
        "what comes after ballerina",
        "John Wick: Chapter 4 (2023) comes after From the World of John Wick: Ballerina (2025) in story order.",
        "next in story order",
    ),
    (
        "what comes before john wick",
        "Untitled John Wick animated prequel comes before John Wick (2014) in story order.",
        "before the first film in the story",
    ),
    (
        "what comes after chapter 4",
        "Nothing comes after John Wick: Chapter 4 (2023) in story order in the knowledge file.",
        "nothing after it",
    ),
    (
        "what came out after parabellum",
        "John Wick Hex (2019) comes after John Wick: Chapter 3 – Parabellum (2019) in release order.",
        "release order: 'came out'",
    ),
    (
        "what came out before ballerina",
        "The Continental: From the World of John Wick (2023) comes before From the World of John Wick: Ballerina (2025) in release order.",
        "release order",
    ),
    (
        "what is john wick about",
        "John Wick (2014): A retired hitman still grieving his wife is attacked in his home by the reckless son of a Russian mob boss. He goes back into the hidden underworld of assassins he once left, and everyone who knows his reputation braces for what comes next.",
        "a title that is also a character: the work's synopsis",
    ),
    (
        "whats jw2 about",
        "John Wick: Chapter 2 (2017): Days after his first rampage, John Wick is called on to honor an old blood oath sworn to an Italian crime lord. The job takes him to Rome and pulls him deeper into the rules, debts and hierarchy of the assassins' world.",
        "'whats'",
    ),
    (
        "what is the continental about",
        "The Continental: From the World of John Wick (2023): A three-part prequel event set in 1970s New York. A young Winston Scott is dragged back into the city's criminal underworld after his brother Frankie steals something precious from the Continental hotel's ruthless manager, Cormac, and sets out to seize the hotel for himself.",
        "a series",
    ),
    (
        "parabellum plot",
        "John Wick: Chapter 3 – Parabellum (2019): Picking up within the hour after Chapter 2, John Wick is declared excommunicado with a $14 million open contract on his head. Cut off from the Continental's services, he calls in old debts in New York and Casablanca to find a way to survive, while a High Table Adjudicator punishes everyone who helped him.",
        "noun phrase",
    ),
    ("how long is john wick", "John Wick (2014) runs 101 minutes (1 h 41 min).", "runtime"),
    ("how long is chapter 4", "John Wick: Chapter 4 (2023) runs 169 minutes (2 h 49 min).", "runtime"),
    ("jw4 runtime", "John Wick: Chapter 4 (2023) runs 169 minutes (2 h 49 min).", "noun phrase"),
    ("how long is ballerina", "From the World of John Wick: Ballerina (2025) runs 125 minutes (2 h 5 min).", "runtime"),
    (
        "how many episodes does the continental have",
        "The Continental: From the World of John Wick (2023) has 3 episodes.",
        "episodes",
    ),
    ("how much did chapter 4 cost", "John Wick: Chapter 4 (2023) cost $100 million to make.", "budget"),
    ("what was the budget of john wick", "John Wick (2014) cost $20–30 million to make.", "a budget range"),
    ("how much did jw4 make", "John Wick: Chapter 4 (2023) took in $440.1 million worldwide.", "worldwide gross"),
    ("john wick box office", "John Wick (2014) took in $86.1 million worldwide.", "noun phrase"),
    (
        "what did ballerina cost and earn",
        "From the World of John Wick: Ballerina (2025) cost $90 million to make. It took in $137.2 million worldwide.",
        "both in one question",
    ),
    (
        "how much did parabellum gross",
        "John Wick: Chapter 3 – Parabellum (2019) took in $326.7 million worldwide.",
        "'gross'",
    ),
    (
        "where was ballerina filmed",
        "From the World of John Wick: Ballerina (2025) was filmed in Prague and Budapest. Filming began on November 7, 2022.",
        "locations and start date",
    ),
    (
        "where was john wick filmed",
        "John Wick (2014) was filmed in New York City, Long Island and Rockland County, New York.",
        "locations",
    ),
    (
        "where was chapter 4 shot",
        "John Wick: Chapter 4 (2023) was filmed in Berlin (Studio Babelsberg), Paris, Japan and New York City.",
        "'shot' as filmed",
    ),
    (
        "who is in both jw1 and ballerina",
        "In both John Wick (2014) and From the World of John Wick: Ballerina (2025): Keanu Reeves (John Wick), Ian McShane (Winston Scott) and Lance Reddick (Charon).",
        "shared cast",
    ),
    (
        "who is in john wick and the continental",
        "The knowledge file credits no one in both John Wick (2014) and The Continental: From the World of John Wick (2023).",
        "no one shared: said so",
    ),
    (
        "who appears in both chapter 2 and chapter 3",
        "In both John Wick: Chapter 2 (2017) and John Wick: Chapter 3 – Parabellum (2019): Keanu Reeves (John Wick), Laurence Fishburne (The Bowery King), Ian McShane (Winston Scott) and Lance Reddick (Charon).",
        "shared cast",
    ),
    (
        "what films is keanu reeves in",
        "Keanu Reeves is credited in 9 works: John Wick (2014), John Wick: Chapter 2 (2017), John Wick: Chapter 3 – Parabellum (2019), John Wick: Chapter 4 (2023), From the World of John Wick: Ballerina (2025), John Wick: Chapter 5, Untitled John Wick animated prequel, Untitled John Wick game (Saber Interactive) and John Wick: Under the High Table.",
        "a person's works",
    ),
    (
        "how many john wick movies is keanu in",
        "Keanu Reeves is credited in 9 works: John Wick (2014), John Wick: Chapter 2 (2017), John Wick: Chapter 3 – Parabellum (2019), John Wick: Chapter 4 (2023), From the World of John Wick: Ballerina (2025), John Wick: Chapter 5, Untitled John Wick animated prequel, Untitled John Wick game (Saber Interactive) and John Wick: Under the High Table.",
        "the franchise's name in the question",
    ),
    (
        "how many films is ian mcshane in",
        "Ian McShane is credited in 6 works: John Wick (2014), John Wick: Chapter 2 (2017), John Wick: Chapter 3 – Parabellum (2019), John Wick Hex (2019), John Wick: Chapter 4 (2023) and From the World of John Wick: Ballerina (2025).",
        "count",
    ),
    (
        "what movies has lance reddick been in",
        "Lance Reddick is credited in 6 works: John Wick (2014), John Wick: Chapter 2 (2017), John Wick: Chapter 3 – Parabellum (2019), John Wick Hex (2019), John Wick: Chapter 4 (2023) and From the World of John Wick: Ballerina (2025).",
        "'movies has P been in'",
    ),
    (
        "who is in the most john wick movies",
        "Keanu Reeves has acting credits in the most works: 8.",
        "the most acting credits",
    ),
    (
        "who is charon",
        "Charon: The unflappable concierge of the New York Continental and Winston's right-hand man. Played by Lance Reddick in John Wick (2014), John Wick: Chapter 2 (2017), John Wick: Chapter 3 – Parabellum (2019), John Wick Hex (2019) (voice), John Wick: Chapter 4 (2023) and From the World of John Wick: Ballerina (2025); Ayomide Adegun in The Continental: From the World of John Wick (2023) (young).",
        "a character's description and actor",
    ),
    (
        "who is the director",
        "The Director: Head of a ballet theater that secretly trains young assassins for the Ruska Roma; a figure from John's past. Played by Anjelica Huston in John Wick: Chapter 3 – Parabellum (2019) and From the World of John Wick: Ballerina (2025).",
        "a character named like a job",
    ),
    (
        "who is keanu reeves",
        "Keanu Reeves plays John Wick in John Wick (2014), John Wick: Chapter 2 (2017), John Wick: Chapter 3 – Parabellum (2019), John Wick: Chapter 4 (2023), From the World of John Wick: Ballerina (2025), John Wick: Chapter 5, Untitled John Wick animated prequel (voice) and Untitled John Wick game (Saber Interactive) (voice) and is executive producer of John Wick: Chapter 4 (2023), From the World of John Wick: Ballerina (2025) and John Wick: Under the High Table; producer of John Wick: Chapter 5 and Untitled John Wick animated prequel.",
        "a person's roles",
    ),
    (
        "who is baba yaga",
        "John Wick: A legendary hitman who left the criminal underworld behind and keeps being pulled back into it. Played by Keanu Reeves in John Wick (2014), John Wick: Chapter 2 (2017), John Wick: Chapter 3 – Parabellum (2019), John Wick: Chapter 4 (2023), From the World of John Wick: Ballerina (2025), John Wick: Chapter 5, Untitled John Wick animated prequel (voice) and Untitled John Wick game (Saber Interactive) (voice).",
        "a nickname",
    ),
    (
        "who is in chapter 4",
        "John Wick: Chapter 4 (2023) stars Keanu Reeves (John Wick), Donnie Yen (Caine), Bill Skarsgård (Marquis Vincent Bisset de Gramont), Laurence Fishburne (The Bowery King), Hiroyuki Sanada (Shimazu Koji), Shamier Anderson (Mr. Nobody) and 10 others.",
        "cast",
    ),
    (
        "cast of parabellum",
        "John Wick: Chapter 3 – Parabellum (2019) stars Keanu Reeves (John Wick), Halle Berry (Sofia Al-Azwar), Laurence Fishburne (The Bowery King), Mark Dacascos (Zero), Asia Kate Dillon (The Adjudicator), Lance Reddick (Charon) and 11 others.",
        "cast",
    ),
    (
        "who stars in john wick",
        "John Wick (2014) stars Keanu Reeves (John Wick), Michael Nyqvist (Viggo Tarasov), Alfie Allen (Iosef Tarasov), Adrianne Palicki (Ms. Perkins), Bridget Moynahan (Helen Wick), Dean Winters (Avi) and 15 others.",
        "cast of the first film",
    ),
    (
        "what was the original title of john wick",
        "John Wick was originally titled Scorn; it was renamed because Keanu Reeves kept calling the film John Wick, and marketing saw that as free advertising.",
        "a trivia fact by its question",
    ),
    (
        "who was john wick named after",
        "Screenwriter Derek Kolstad named John Wick after his grandfather, a Wisconsin businessman also called John Wick.",
        "a trivia fact",
    ),
    (
        "who is the uncredited co-director of john wick",
        "David Leitch co-directed John Wick with Chad Stahelski but went uncredited as director; on Chapter 2 Stahelski directed alone and Leitch was an executive producer.",
        "a trivia fact, hyphenated word",
    ),
    (
        "does john wick die in chapter 4",
        'That would spoil John Wick: Chapter 4 (2023): ask again with --spoilers (or --seen-through "Chapter 4").',
        "a spoiler: hidden without --spoilers",
    ),
    (
        "who shoots john wick at the end of parabellum",
        "That would spoil John Wick: Chapter 3 – Parabellum (2019): ask again with --spoilers (or --seen-through Parabellum).",
        "a spoiler of Parabellum",
    ),
    (
        "what breed is johns dog",
        'That would spoil John Wick (2014): ask again with --spoilers (or --seen-through "John Wick 1").',
        "a spoiler of the first film, found by its words",
    ),
    (
        "WHO PLAYS CHARON",
        "Charon is played by Lance Reddick in John Wick (2014), John Wick: Chapter 2 (2017), John Wick: Chapter 3 – Parabellum (2019), John Wick Hex (2019) (voice), John Wick: Chapter 4 (2023) and From the World of John Wick: Ballerina (2025); Ayomide Adegun in The Continental: From the World of John Wick (2023) (young).",
        "capitals",
    ),
    (
        "Who plays Charon??",
        "Charon is played by Lance Reddick in John Wick (2014), John Wick: Chapter 2 (2017), John Wick: Chapter 3 – Parabellum (2019), John Wick Hex (2019) (voice), John Wick: Chapter 4 (2023) and From the World of John Wick: Ballerina (2025); Ayomide Adegun in The Continental: From the World of John Wick (2023) (young).",
        "punctuation",
    ),
    (
        "who plays charon please",
        "Charon is played by Lance Reddick in John Wick (2014), John Wick: Chapter 2 (2017), John Wick: Chapter 3 – Parabellum (2019), John Wick Hex (2019) (voice), John Wick: Chapter 4 (2023) and From the World of John Wick: Ballerina (2025); Ayomide Adegun in The Continental: From the World of John Wick (2023) (young).",
        "a trailing filler",
    ),
    (
        "hey who directed parabellum",
        "John Wick: Chapter 3 – Parabellum (2019): directed by Chad Stahelski.",
        "a leading filler",
    ),
    (
        "can you tell me who wrote ballerina",
        "From the World of John Wick: Ballerina (2025): written by Shay Hatten.",
        "a polite opening",
    ),
    (
        "who plays chraon",
        "Charon is played by Lance Reddick in John Wick (2014), John Wick: Chapter 2 (2017), John Wick: Chapter 3 – Parabellum (2019), John Wick Hex (2019) (voice), John Wick: Chapter 4 (2023) and From the World of John Wick: Ballerina (2025); Ayomide Adegun in The Continental: From the World of John Wick (2023) (young).",
        "a typo in the name",
    ),
    (
        "who plays winstn in jw1",
        "Ian McShane plays Winston Scott in John Wick (2014).",
        "a typo in the name, with a work",
    ),
    ("who directed john wick two", "John Wick: Chapter 2 (2017): directed by Chad Stahelski.", "number word"),
    (
        "who directed john wick iii",
        "John Wick: Chapter 3 – Parabellum (2019): directed by Chad Stahelski.",
        "Roman numeral",
    ),
    (
        "who directed the third john wick",
        "John Wick: Chapter 3 – Parabellum (2019): directed by Chad Stahelski.",
        "ordinal",
    ),
    (
        "when did john wick chapter two come out",
        "John Wick: Chapter 2 (2017) came out on February 10, 2017 (US theatrical), 9 years, 9 months ago.",
        "number word in a title",
    ),
    ("how long is jw 4", "John Wick: Chapter 4 (2023) runs 169 minutes (2 h 49 min).", "a space inside an alias"),
    (
        "who plays the dirctor in ballerina",
        "Anjelica Huston plays The Director in From the World of John Wick: Ballerina (2025).",
        "a typo in a character",
    ),
    ("where can u stream ballerina", "From the World of John Wick: Ballerina (2025) streams on Starz.", "'u'"),
    (
        "what's the runtime of parabellum",
        "John Wick: Chapter 3 – Parabellum (2019) runs 131 minutes (2 h 11 min).",
        '"what\'s"',
    ),
    (
        "when does ballerína take place",
        "From the World of John Wick: Ballerina (2025) is set: During and after Chapter 3, before Chapter 4. In story order it comes after John Wick: Chapter 3 – Parabellum (2019) and before John Wick: Chapter 4 (2023).",
        "accent typed",
    ),
    (
        "when was keanu reeves born",
        "Keanu Reeves was born on September 2, 1964: 62 years old today.",
        "a person's birth date and age today",
    ),
    ("how old is keanu reeves", "Keanu Reeves was born on September 2, 1964: 62 years old today.", "age"),
    (
        "when did lance reddick die",
        "Lance Reddick was born on June 7, 1962, and died on March 17, 2023, aged 60.",
        "a death date and age",
    ),
    (
        "is lance reddick alive",
        "Lance Reddick was born on June 7, 1962, and died on March 17, 2023, aged 60.",
        "said from the file's dates",
    ),
    (
        "what is john wick rated",
        "John Wick (2014) is rated R in US (MPA), 15 in United Kingdom (BBFC) and 16 in Germany (FSK).",
        "age ratings in three countries",
    ),
    ("jw4 rating", "John Wick: Chapter 4 (2023) is rated R in US (MPA).", "noun phrase"),
    (
        "is ballerina rated r",
        "From the World of John Wick: Ballerina (2025) is rated R in US (MPA) and 15 in United Kingdom (BBFC).",
        "'r' is a rating, not 'are'",
    ),
    (
        "how was parabellum received",
        "John Wick: Chapter 3 – Parabellum (2019): CinemaScore A-; Rotten Tomatoes 89% (on its opening weekend).",
        "reception scores",
    ),
    (
        "ballerina reviews",
        "From the World of John Wick: Ballerina (2025): CinemaScore A-; Rotten Tomatoes 76% (on its opening weekend).",
        "noun phrase",
    ),
    (
        "what did critics think of chapter 4",
        "John Wick: Chapter 4 (2023): CinemaScore A (the best grade of the series); Rotten Tomatoes 94% (95% on its opening weekend).",
        "reception with its notes",
    ),
    (
        "how many john wick movies are there",
        "The knowledge file holds 14 works of John Wick: 7 films, 2 series, 1 anime, 3 games and 1 other; 9 released.",
        "works counted by kind",
    ),
    (
        "how many films are there",
        "The knowledge file holds 14 works of John Wick: 7 films, 2 series, 1 anime, 3 games and 1 other; 9 released.",
        "the same without the franchise's name",
    ),
    (
        "what is john wick",
        "John Wick (2014): A retired hitman still grieving his wife is attacked in his home by the reckless son of a Russian mob boss. He goes back into the hidden underworld of assassins he once left, and everyone who knows his reputation braces for what comes next.",
        "a title that is also a character: the work",
    ),
    (
        "what is the continental",
        "The Continental: From the World of John Wick (2023): A three-part prequel event set in 1970s New York. A young Winston Scott is dragged back into the city's criminal underworld after his brother Frankie steals something precious from the Continental hotel's ruthless manager, Cormac, and sets out to seize the hotel for himself.",
        "a series' synopsis",
    ),
    (
        "who is the director of ballerina",
        "From the World of John Wick: Ballerina (2025): directed by Len Wiseman.",
        "the crew job, not the character named The Director",
    ),
    ("who is the writer of chapter 2", "John Wick: Chapter 2 (2017): written by Derek Kolstad.", "a job with 'of'"),
    (
        "who plays caine in caine",
        "Donnie Yen plays Caine in Caine (untitled John Wick spinoff).",
        "a character and a work of the same name",
    ),
    (
        "where is ballerina set",
        "Ballerina is set during and after the events of Chapter 3 – Parabellum, before Chapter 4, which lets Keanu Reeves's John Wick appear in it.",
        "'where is W set' is not read as when: the trivia fact about its setting answers",
    ),
    (
        "when does john wick 2 take place",
        "John Wick: Chapter 2 (2017) is set: Days after John Wick (2014). In story order it comes after John Wick (2014) and before John Wick: Chapter 3 – Parabellum (2019).",
        "'when does W take place': its place in the story",
    ),
    (
        "how much did john wick 2 make in north america",
        "John Wick: Chapter 2 (2017) took in $92 million in the US and Canada.",
        "the domestic total, not the opening weekend in North America that a trivia fact gives",
    ),
    (
        "how much did john wick 4 make in the us",
        "John Wick: Chapter 4 (2023) took in $187.1 million in the US and Canada.",
        "'the us' is the domestic box office",
    ),
    (
        "how much did jw4 make on its opening weekend",
        "John Wick: Chapter 4 (2023) took in $73.8 million on its opening weekend (North America) and $137.8 million on its opening weekend worldwide.",
        "the opening weekend, in every region the file gives",
    ),
    (
        "what is ballerina rated in the uk",
        "From the World of John Wick: Ballerina (2025) is rated 15 in United Kingdom (BBFC).",
        "a rating in one country: that one",
    ),
    (
        "what is the rotten tomatoes score of john wick 2",
        "John Wick: Chapter 2 (2017): Rotten Tomatoes 90% (on its opening day).",
        "an aggregator named: its score alone",
    ),
    (
        "what is the cinemascore of jw4",
        "John Wick: Chapter 4 (2023): CinemaScore A (the best grade of the series).",
        "CinemaScore named",
    ),
    (
        "when was ballerina filmed",
        "From the World of John Wick: Ballerina (2025): Filming began on November 7, 2022.",
        "when it was filmed: its dates, not its places",
    ),
    (
        "who is the stunt coordinator of john wick 4",
        "John Wick: Chapter 4 (2023): stunt coordinator: Stephen Dunlevy and Scott Rogers.",
        "a job of two words",
    ),
    (
        "who was the action director of the continental",
        "The Continental: From the World of John Wick (2023): action director: Larnell Stovall.",
        "the action director",
    ),
    (
        "when did the trailer for ballerina come out",
        "From the World of John Wick: Ballerina (2025) has 3 trailers: Music-box teaser announcing the trailer (September 25, 2024); First trailer (set to a slowed-down 'Tiny Dancer') (September 26, 2024); Second trailer (heavily featuring Keanu Reeves's John Wick) (March 19, 2025).",
        "'when' gets the trailers with their dates, no 'Yes'",
    ),
    (
        "when did john wick come out in the uk",
        "John Wick (2014), in United Kingdom: April 10, 2015 (theatrical).",
        "a release in one country, months after the US one",
    ),
    (
        "when was john wick 4 released in the us",
        "John Wick: Chapter 4 (2023), in US: March 24, 2023 (theatrical), May 23, 2023 (digital) and June 13, 2023 (home media).",
        "every release there, premieres left out where there are others",
    ),
    (
        "when is john wick 4 on blu-ray",
        "John Wick: Chapter 4 (2023), on home media: June 13, 2023 (US).",
        "a medium: blu-ray is home media",
    ),
    (
        "when did ballerina come out in germany",
        "From the World of John Wick: Ballerina (2025), in Germany: June 5, 2025 (theatrical) and September 26, 2025 (home media).",
        "a country's releases on every medium",
    ),
    (
        "when did the continental come out in france",
        "The Continental: From the World of John Wick (2023), in France: September 22, 2023 (worldwide streaming, outside the US).",
        "no release of its own in France: its release everywhere but the US, said as such",
    ),
    (
        "when did chapter 4 come out in france",
        "The knowledge file gives no release in France for John Wick: Chapter 4 (2023).",
        "no release in France nor everywhere: said, not replaced by the US date",
    ),
    (
        "what is chapter 4 rated in germany",
        "The knowledge file gives no age rating in Germany for John Wick: Chapter 4 (2023).",
        "a country the file gives no rating for: said, not replaced by the US rating",
    ),
    (
        "what is the cinemascore of the continental",
        "The knowledge file gives no CinemaScore grade for The Continental: From the World of John Wick (2023).",
        "a score the file lacks: said, not replaced by another score",
    ),
    (
        "when was john wick filmed",
        "John Wick (2014): Principal photography began in October 2013 and ended in December 2013.",
        "no dates in the record, but a note that gives them",
    ),
    (
        "when was the continental filmed",
        "The knowledge file does not say when The Continental: From the World of John Wick (2023) was filmed.",
        "a filming note without a year says nothing of when: not answered with places",
    ),
    (
        "when did chapter 4 premiere",
        "John Wick: Chapter 4 (2023) premiered on March 6, 2023 at Leicester Square, London, March 13, 2023 at Paramount Theatre, Austin (SXSW) and March 20, 2023 at TCL Chinese Theatre, Los Angeles.",
        "a premiere is not the theatrical release",
    ),
    (
        "when did the continental premiere",
        "The knowledge file gives no premiere date for The Continental: From the World of John Wick (2023); it first came out on September 22, 2023 (US streaming). Note: Episode 1; episode 2 followed on 2023-09-29 and episode 3 on 2023-10-06.",
        "no premiere in the file: said, with its first release",
    ),
    (
        "who developed the john wick game",
        "Untitled John Wick game (Saber Interactive): developed by Saber Interactive.",
        "a game's developer is its studio",
    ),
    (
        "does john wick die in jw4",
        'That would spoil John Wick: Chapter 4 (2023): ask again with --spoilers (or --seen-through "Chapter 4").',
        "'jw' is not in the fact's question, but with its neighbour '4' it names the fact's work",
    ),
    (
        "who shot the film john wick",
        "John Wick (2014): shot by Jonathan Sela.",
        "'shot' with 'the film' is the cinematographer",
    ),
    (
        "who filmed the movie parabellum",
        "John Wick: Chapter 3 – Parabellum (2019): shot by Dan Laustsen.",
        "'filmed' too",
    ),
    (
        "who is editing ballerina",
        "From the World of John Wick: Ballerina (2025): edited by Jason Ballantine, Julian Clarke and Nicholas Lundgren.",
        "'editing' was a word of a form with no job behind it: an internal error",
    ),
    (
        "who writes john wick 5",
        "John Wick: Chapter 5: written by Michael Finch (reported June 2025).",
        "'writes' likewise",
    ),
    (
        "what did john wick score on rotten tomatoes",
        "John Wick (2014): Rotten Tomatoes 86% (on its opening weekend).",
        "the first film's own score, not the trivia fact on Chapter 4's",
    ),
    (
        "what cinemascore did john wick get",
        "John Wick (2014): CinemaScore B.",
        "the score named first",
    ),
    (
        "what did chapter 2 get on rotten tomatoes",
        "John Wick: Chapter 2 (2017): Rotten Tomatoes 90% (on its opening day).",
        "the score named last",
    ),
    (
        "when did john wick come out in cinemas",
        "John Wick (2014), in theaters: October 24, 2014 (US) and April 10, 2015 (United Kingdom).",
        "in theaters: its cinema releases, country by country",
    ),
    (
        "how much did ballerina make in america",
        "The knowledge file gives no box-office figure in the US and Canada for From the World of John Wick: Ballerina (2025).",
        "no domestic total in the file: said, not replaced by the opening weekend",
    ),
    (
        "how long is the continental",
        "The Continental: From the World of John Wick (2023) has 3 episodes.",
        "a series: its episodes",
    ),
    (
        "who played the ballerina",
        "Eve Macarro is played by Unity Phelan in John Wick: Chapter 3 – Parabellum (2019) (credited as Ballerina; identified as Eve in later reports); Ana de Armas in From the World of John Wick: Ballerina (2025); Victoria Comte in From the World of John Wick: Ballerina (2025) (young).",
        "an alias of a character",
    ),
    (
        "who is brandon lee",
        "Brandon Lee has no credits in the knowledge file.",
        "a person named only by trivia: no credits",
    ),
    ("what films is brandon lee in", "Brandon Lee has no credits in the knowledge file.", "no works to count"),
    (
        "what roles does derek kolstad have",
        "Derek Kolstad is writer of John Wick (2014), John Wick: Chapter 2 (2017) and John Wick: Chapter 3 – Parabellum (2019); executive producer of The Continental: From the World of John Wick (2023).",
        "crew only: the jobs, no 'plays' part",
    ),
    (
        "is chad stahelski in jw4",
        "Yes: Chad Stahelski is director and producer in John Wick: Chapter 4 (2023).",
        "in the crew of the work only: no 'plays' part",
    ),
    (
        "what comes after john wick hex",
        "The knowledge file gives John Wick Hex (2019) no place in story order.",
        "released, but with no place in the story",
    ),
    (
        "what came out after the john wick anime",
        "The knowledge file gives Untitled John Wick animated prequel no place in release order.",
        "placed in the story, but not released",
    ),
    (
        "when did john wick hex come out in the us",
        "John Wick Hex (2019), in US: October 8, 2019 (worldwide digital, PC and Mac game, first on the Epic Games Store; console versions came later), May 5, 2020 (worldwide digital, PlayStation 4 version) and December 4, 2020 (worldwide digital, Nintendo Switch and Xbox One versions, and on Steam).",
        "no US release of its own: the worldwide ones, each with its medium and note",
    ),
]

DECLINED = [
    ("who plays batman", "a character of another franchise"),
    ("where does john wick 2 take place", "a place in the story, which the file does not hold (its setting is a time)"),
    (
        "where does john wick take place",
        "every word is in the question of the fact on Chapter 4's final duel, but Chapter 4 is not named",
    ),
    ("is keanu reeves in john wick 2019", "2019 names two works, Parabellum and John Wick Hex: never one of them"),
    ("who directed the 2019 john wick", "2019 names two works"),
    ("how did lance reddick die", "how someone died, which the file does not hold: never answered with when"),
    ("who shot john wick", "the film's cinematographer, or who shoots John in the story? 'shot' alone does not say"),
    (
        "how long is john wick in minutes",
        "John Wick (2014) is named: the trivia fact on Chapter 4's 169 minutes is not its answer",
    ),
    ("what year was john wick filmed", "nor the fact on Chapter 4's filming"),
    ("how much did chapter 4 make in canada", "the file has the US and Canada together, not Canada"),
    ("who directed the matrix", "another film"),
    ("who plays neo in the matrix", "another film's character"),
    ("when did the matrix come out", "another film"),
    ("is keanu reeves in speed", "a person in a film the file does not hold"),
    ("who is tom cruise", "a person not in the file"),
    ("who plays james bond", "another franchise"),
    ("what is the capital of france", "not about the franchise at all"),
    ("will there be a john wick 6", "no sixth film in the file, and 'John Wick 6' is not 'John Wick' plus a 6"),
    ("when does john wick 6 come out", "no such work: never read as John Wick"),
    ("who directed jw7", "no such work"),
    (
        "who plays john",
        "several records fit 'john', and a word of The Continental's title does not make a fact about it",
    ),
    (
        "what did chapter 4 cost",
        "'cost' is not a typo of 'cast' in a trivia question: a short word typed is most often another word",
    ),
    ("who directed winston", "a character has no director"),
    ("when did keanu reeves come out", "a person is not released"),
    ("how long is keanu reeves", "a person has no running time"),
    ("where was the director filmed", "a character is not filmed"),
    ("is winston churchill in john wick", "'churchill' is not a word of Winston Scott"),
    ("who plays the director in john wick 6", "the work does not exist"),
    ("how much did avatar make", "another film"),
    ("what is john wicks shoe size", "not held in the file"),
    ("who wrote the bible", "not about the franchise"),
    ("is there a trailer", "no work named"),
    ("who won the oscar for best picture", "not held in the file"),
    ("ballerina ending", "the file tags no fact as Ballerina's ending"),
    (
        "what is john wick's real name",
        "'real' is in no fact: the file says 'birth name', so it declines rather than guess",
    ),
    ("what was john wick originally called", "'called' is not a word of the fact about the original title"),
    ("who plays the dog", "the dog is not a character with a credit"),
    ("whos the best character", "an opinion"),
    ("is john wick a good movie", "an opinion"),
    ("rate parabellum", "an opinion"),
    ("is keanu reeves married", "not held in the file"),
    ("how tall is keanu reeves", "not held in the file"),
    ("who is the villain of ballerina", "no form asks for a role like 'villain'"),
    ("who plays charon in the matrix", "the work is another film"),
    ("is halle berry in top gun", "another film"),
    ("blah blah blah", "no question at all"),
    ("who plays", "no name"),
    ("when did it come out", "'it' names no work"),
    ("who directed it", "'it' names no work"),
    ("what is the budget of the matrix", "another film"),
    ("where can i stream the matrix", "another film"),
    ("who played charon in ballerina 2", "no such work"),
    ("how many oscars did john wick win", "not held in the file"),
    ("who is in both jw1 and the matrix", "one of the two works is not in the file"),
    ("which is the best john wick film", "an opinion; 'best' must not be read as 'fest' of a trivia fact"),
    ("who killed john wick's dog", "no form or fact asks who killed whom"),
    ("is chapter 4 longer than chapter 3", "comparisons are not a form"),
    ("what is the first john wick film", "'first' is not a form"),
    ("who directed the continental episode 1", "episodes' crews are not in the file"),
    ("who plays the director of the continental", "no character of that name"),
    ("who plays winston's brother", "relations between characters are not in the file"),
    ("who directed john wick 2 and 3", "two works where one is asked for"),
    ("how many big pizza films are there", "words in the place of the franchise's name must be its name"),
]


@pytest.fixture
def forms_compiled_anew(monkeypatch: pytest.MonkeyPatch) -> None:
    """The forms compiled again for the test, not kept from an earlier one: a change to the compiler shows."""
    monkeypatch.setattr(ask, "_COMPILED", None)


@pytest.mark.usefixtures("forms_compiled_anew")
@pytest.mark.parametrize(("question", "reply", "reason"), ANSWERED, ids=[row[0] for row in ANSWERED])
def test_answers_questions_as_fans_type_them(
    franchise: Franchise, resolver: Resolver, question: str, reply: str, reason: str
) -> None:
    assert ask.ask(franchise, resolver, question, TODAY).reply.reply == reply, reason


@pytest.mark.usefixtures("forms_compiled_anew")
@pytest.mark.parametrize(("question", "reason"), DECLINED, ids=[row[0] for row in DECLINED])
def test_declines_what_the_file_cannot_answer(
    franchise: Franchise, resolver: Resolver, question: str, reason: str
) -> None:
    with pytest.raises(CannotAnswer) as raised:
        ask.ask(franchise, resolver, question, TODAY)
    assert str(raised.value) == "wick can't answer that from the knowledge file", reason


def test_tables_are_big_enough() -> None:
    assert len(ANSWERED) >= 150
    assert len(DECLINED) >= 30
    assert len({q for q, *_ in ANSWERED}) == len(ANSWERED)


# Every question the article this project started from asks (and its two headings that are
# questions too), with the reply wick gives; the spoiling ones asked with spoilers allowed.
SEED_ARTICLE = [
    (
        "When does Ballerina take place?",
        False,
        "From the World of John Wick: Ballerina (2025) is set: During and after Chapter 3, before Chapter 4. In story order it comes after John Wick: Chapter 3 – Parabellum (2019) and before John Wick: Chapter 4 (2023).",
    ),
    (
        "Who is directing and writing Ballerina?",
        False,
        "From the World of John Wick: Ballerina (2025): directed by Len Wiseman; written by Shay Hatten.",
    ),
    (
        "What is Keanu Reevesl involvement in Ballerina?",
        False,
        "In From the World of John Wick: Ballerina (2025), Keanu Reeves plays John Wick and is executive producer.",
    ),
    (
        "Is there a trailer for Ballerina?",
        False,
        "Yes: From the World of John Wick: Ballerina (2025) has 3 trailers: Music-box teaser announcing the trailer (September 25, 2024); First trailer (set to a slowed-down 'Tiny Dancer') (September 26, 2024); Second trailer (heavily featuring Keanu Reeves's John Wick) (March 19, 2025).",
    ),
    ("Can you stream Ballerina?", False, "From the World of John Wick: Ballerina (2025) streams on Starz."),
    (
        "Will there be a sequel to Ballerina?",
        False,
        "Sequel to From the World of John Wick: Ballerina (2025): No sequel had been officially announced in the sources found. Box-office reports after the soft June 2025 opening called a Ballerina 2 'less assured'; Norman Reedus said he would like his character Daniel Pine to return.",
    ),
    (
        "What is Ballerina about?",
        False,
        "From the World of John Wick: Ballerina (2025): Orphaned as a child after her father is murdered, Eve Macarro is raised and trained by the Ruska Roma as both a ballerina and an assassin. When a clue to her father's killers surfaces, she defies her superiors and sets out for revenge, crossing paths with the Continental and with John Wick himself.",
    ),
    (
        "Ballerina release date",
        False,
        "From the World of John Wick: Ballerina (2025) came out on June 6, 2025 (US theatrical), 1 year, 5 months ago.",
    ),
    (
        "Ballerina cast",
        False,
        "From the World of John Wick: Ballerina (2025) stars Ana de Armas (Eve Macarro), Anjelica Huston (The Director), Gabriel Byrne (The Chancellor), Lance Reddick (Charon), Catalina Sandino Moreno (Lena), Norman Reedus (Daniel Pine) and 6 others.",
    ),
    (
        "Does John Wick die at the end of John Wick: Chapter 4?",
        True,
        "Chapter 4 shows John dying, but leaves a door open. He wins his freedom in the duel, collapses on the steps of Sacré-Cœur, and Winston and the Bowery King later visit his grave beside Helen's; no body is shown. Producer Erica Lee told Collider the character is dead, and told Screen Rant \"I think the answer is we don't know yet.\" Chapter 5 was announced in 2025 with Keanu Reeves returning.",
    ),
    (
        "What happens at the end of John Wick: Chapter 4?",
        True,
        "Chapter 4 ends with John winning his duel with the Marquis and his freedom, then collapsing on the steps of Sacré-Cœur; Winston and the Bowery King later stand at his grave beside his wife Helen.",
    ),
]


@pytest.mark.parametrize(("question", "spoilers", "reply"), SEED_ARTICLE, ids=[row[0] for row in SEED_ARTICLE])
def test_every_question_of_the_seed_article_is_answered(
    franchise: Franchise, resolver: Resolver, question: str, spoilers: bool, reply: str
) -> None:
    assert ask.ask(franchise, resolver, question, TODAY, spoilers=spoilers).reply.reply == reply


@pytest.mark.parametrize(
    ("spoilers", "seen_through", "hidden"),
    [
        (False, None, True),
        (True, None, False),
        (False, "chapter 4", False),
        (False, "ballerina", False),  # released after Chapter 4, so it covers it
        (False, "parabellum", True),
    ],
)
def test_spoilers_are_gated(
    franchise: Franchise, resolver: Resolver, spoilers: bool, seen_through: str | None, hidden: bool
) -> None:
    outcome = ask.ask(franchise, resolver, "how does jw4 end", TODAY, spoilers, seen_through)
    gate = 'That would spoil John Wick: Chapter 4 (2023): ask again with --spoilers (or --seen-through "Chapter 4").'
    assert (outcome.reply.reply == gate) is hidden
    assert outcome.to_json()["spoils"]["id"] == "jw4"
    assert (outcome.reply.sources == []) is hidden


@pytest.mark.parametrize(
    ("question", "closest"),
    [
        ("who directed winston", ["Winston Scott (character in John Wick, John Wick: Chapter 2, ...)"]),
        ("is winston churchill in john wick", ["Winston Scott (character in John Wick, John Wick: Chapter 2, ...)"]),
        (
            "who plays charon in the matrix",
            ["Charon (character in John Wick, John Wick: Chapter 2, ...)"],  # not Sharon: a typo keeps the first letter
        ),
        ("who plays batman", []),
    ],
)
def test_a_decline_names_the_closest_records(
    franchise: Franchise, resolver: Resolver, question: str, closest: list[str]
) -> None:
    with pytest.raises(CannotAnswer) as raised:
        ask.ask(franchise, resolver, question, TODAY)
    assert list(raised.value.suggestions) == closest


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("Who's the director?", ["who", "is", "the", "director"]),
        ("whos charon", ["who", "is", "charon"]),
        ("hey can you tell me who plays charon please", ["who", "plays", "charon"]),
        ("what's jw4 about", ["what", "is", "jw", "4", "about"]),
        ("John Wick: Chapter Two", ["john", "wick", "chapter", "2"]),
        ("please", ["please"]),  # a filler alone stays: it is then declined as a question of nothing
        ("so hey who plays charon", ["who", "plays", "charon"]),  # fillers dropped until none is left, in any order
        ("who plays charon please thanks", ["who", "plays", "charon"]),  # at the end too
    ],
)
def test_question_words_are_normalised(typed: str, words: list[str]) -> None:
    assert ask.words_of(typed) == words


def test_every_form_compiles_to_whole_words() -> None:
    for form in ask.forms():
        assert form.nodes, form.pattern


MINI_ROWS = [
    (
        "who plays the keeper",
        "Ellen Gray is played by Ada Voss in Harbor Lights (2010); Cléo Marchetti in Harbor Lights: Low Tide (2015) (young).",
    ),
    ("who directed harbor lights", "Harbor Lights (2010): directed by Mara Quill."),
    (
        "when did hl1 come out",
        "Harbor Lights (2010) came out on March 5, 2010 (US theatrical), 16 years, 8 months ago.",
    ),
    ("is beacon out yet", "No: no release date has been announced for Harbor Lights: Beacon (status: announced)."),
    ("how many episodes does low tide have", "Harbor Lights: Low Tide (2015) has 4 episodes."),
    ("was the lighthouse in harbor lights real", "The lighthouse in Harbor Lights was built for the film."),
]

LANTERN_ROWS = [
    (
        "who plays the cartographer",
        "Mira Holt plays Ada Fenn in Paper Lanterns (2018) and Paper Lanterns: Ember Road (2021).",
    ),
    ("who directed ember road", "Paper Lanterns: Ember Road (2021): directed by Oren Dace."),
    (
        "is the lamplighters out yet",
        "No: no release date has been announced for Paper Lanterns: The Lamplighters (status: announced).",
    ),
    ("where can i stream paper lanterns", "Paper Lanterns (2018) streams on Riverflix."),
    (
        "will there be a sequel to paper lanterns",
        "Sequel to Paper Lanterns (2018): Followed by Paper Lanterns: Ember Road in 2021.",
    ),
    (
        "when does the lamplighters take place",
        "Paper Lanterns: The Lamplighters is set: Fifty years before the first film. It comes first in story order, before Paper Lanterns (2018).",
    ),
    (
        "what did paper lanterns cost and earn",
        "Paper Lanterns (2018) cost $12 million to make. It took in $48.5 million worldwide.",
    ),
    (
        "who is in both pl1 and pl2",
        "In both Paper Lanterns (2018) and Paper Lanterns: Ember Road (2021): Mira Holt (Ada Fenn).",
    ),
    (
        "how many paper lanterns films is mira holt in",
        "Mira Holt is credited in 2 works: Paper Lanterns (2018) and Paper Lanterns: Ember Road (2021).",
    ),
    ("who plays old wick", "Tobias Grüne plays The Lamplighter in Paper Lanterns (2018)."),
    (
        "how was the river town of paper lanterns made",
        "The river town of Paper Lanterns was built on a backlot lake and flooded for the night scenes.",
    ),
    (
        "what happens at the end of paper lanterns",
        "That would spoil Paper Lanterns (2018): ask again with --spoilers (or --seen-through PL1).",
    ),
]


@pytest.mark.parametrize(
    ("path", "question", "reply"), [*((MINI, q, r) for q, r in MINI_ROWS), *((LANTERNS, q, r) for q, r in LANTERN_ROWS)]
)
def test_works_on_other_knowledge_files(path: object, question: str, reply: str) -> None:
    other = loader.load(str(path))
    assert ask.ask(other, Resolver(other), question, TODAY).reply.reply == reply


@pytest.mark.parametrize("question", ["who plays john wick", "who directed john wick", "who plays the director"])
def test_another_file_knows_nothing_of_the_shipped_one(question: str) -> None:
    other = loader.load(str(LANTERNS))
    with pytest.raises(CannotAnswer):
        ask.ask(other, Resolver(other), question, TODAY)


def test_reply_renders_reply_records_sources_and_command(franchise: Franchise, resolver: Resolver) -> None:
    outcome = ask.ask(franchise, resolver, "how long is jw4", TODAY)
    assert render.to_lines(render.ask(outcome.to_json())).splitlines() == [
        "John Wick: Chapter 4 (2023) runs 169 minutes (2 h 49 min).",
        "Records: John Wick: Chapter 4 (2023) (work)",
        "Sources:",
        "https://rafu.com/2023/03/john-wick-chapter-4-opens-march-24/",
        "https://deadline.com/2021/12/john-wick-chapter-4-avoids-top-gun-maverick-over-memorial-day-heads-to-2023-1234900866/",
        "https://www.slashfilm.com/1237810/john-wick-4-sets-a-new-franchise-record-with-8-million-thursday-night-box-office/",
        "same as: wick info JW4",
    ]


def test_reply_on_a_terminal_is_bold_then_plain_then_dim(franchise: Franchise, resolver: Resolver) -> None:
    outcome = ask.ask(franchise, resolver, "how long is jw4", TODAY)
    console = Console(file=io.StringIO(), width=80, force_terminal=True, color_system="standard")
    console.print(render.to_rich(render.ask(outcome.to_json())))
    shown = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert shown[0] == "\x1b[1mJohn Wick: Chapter 4 (2023) runs 169 minutes (2 h 49 min).\x1b[0m"
    assert shown[-1] == "\x1b[2msame as: wick info JW4\x1b[0m"


@pytest.mark.slow
def test_addresses_on_a_narrow_terminal_stay_whole(tmp_path: Path) -> None:
    # Broken across lines, an address is two addresses, neither of which opens: the terminal wraps it.
    env = {**os.environ, "WICK_TODAY": TODAY.isoformat(), "TTY_COMPATIBLE": "1", "NO_COLOR": "1", "COLUMNS": "40"}
    env["WICK_CACHE"] = str(tmp_path)
    out = subprocess.run(
        [sys.executable, "-m", "wickcli", "ask", "is", "ballerina", "out", "yet"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    shown = re.sub(r"\x1b\[[0-9;]*m", "", out).splitlines()  # NO_COLOR keeps bold and dim
    addresses = [s for s in shown if s.startswith("https://")]
    assert "https://www.sportskeeda.com/us/movies/ballerina-2025-release-date-plot-everything-know-far" in addresses
    assert all(len(s) <= 40 for s in shown if not s.startswith("https://")), "everything else fits the width"


ENV = {"WICK_TODAY": TODAY.isoformat()}


def test_cli_json_document(runner: CliRunner, shared_cache: object) -> None:
    result = runner.invoke(app, ["ask", "whos", "the", "director", "in", "ballerina", "--json"], env=ENV)
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert sorted(document) == ["answer", "command", "question", "records", "reply", "sources", "spoils"]
    assert document["answer"] == "ask"
    assert document["question"] == "whos the director in ballerina"
    assert document["reply"] == "Anjelica Huston plays The Director in From the World of John Wick: Ballerina (2025)."
    assert [r["id"] for r in document["records"]] == ["the-director", "ballerina"]
    assert document["command"] == 'wick who-plays "The Director" --film Ballerina'
    assert document["sources"][0] == "https://en.wikipedia.org/wiki/Ballerina_(2025_film)"
    assert document["spoils"] is None


def test_cli_the_equivalent_command_gives_the_same_answer(runner: CliRunner, shared_cache: object) -> None:
    result = runner.invoke(app, ["who-plays", "The Director", "--film", "Ballerina", "--json"], env=ENV)
    assert result.exit_code == 0
    assert [c["person"]["name"] for c in json.loads(result.stdout)["credits"]] == ["Anjelica Huston"]


def test_cli_decline_exits_1_with_one_line_and_the_closest(runner: CliRunner, shared_cache: object) -> None:
    result = runner.invoke(app, ["ask", "who directed winston"], env=ENV)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "wick can't answer that from the knowledge file.\n"
        "Closest: Winston Scott (character in John Wick, John Wick: Chapter 2, ...)\n"
    )


def test_cli_decline_with_json_leaves_stdout_empty(runner: CliRunner, shared_cache: object) -> None:
    result = runner.invoke(app, ["ask", "who plays batman", "--json"], env=ENV)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "wick can't answer that from the knowledge file.\n"


def test_cli_spoilers_option(runner: CliRunner, shared_cache: object) -> None:
    hidden = runner.invoke(app, ["ask", "how does chapter 2 end", "--json"], env=ENV)
    shown = runner.invoke(app, ["ask", "how does chapter 2 end", "--spoilers", "--json"], env=ENV)
    seen = runner.invoke(app, ["ask", "how does chapter 2 end", "--seen-through", "jw2", "--json"], env=ENV)
    assert (hidden.exit_code, shown.exit_code, seen.exit_code) == (0, 0, 0)
    assert json.loads(hidden.stdout)["reply"].startswith("That would spoil John Wick: Chapter 2 (2017)")
    assert json.loads(shown.stdout)["reply"].startswith("Chapter 2 ends with John declared excommunicado")
    assert json.loads(seen.stdout)["reply"] == json.loads(shown.stdout)["reply"]


def test_cli_seen_through_must_name_a_work(runner: CliRunner, shared_cache: object) -> None:
    result = runner.invoke(app, ["ask", "how does chapter 2 end", "--seen-through", "keanu reeves"], env=ENV)
    assert result.exit_code == 1
    assert (
        result.stderr == "Error: 'keanu reeves' is Keanu Reeves (person), not a work: try wick roles \"Keanu Reeves\"\n"
    )


def test_cli_no_question_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ask"])
    assert result.exit_code == 2
    assert "Missing argument 'QUESTION...'" in result.stderr


def test_cli_plain_text_in_a_pipe(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--data", str(MINI), "ask", "who", "directed", "harbor", "lights"], env=ENV)
    assert result.exit_code == 0
    assert result.stdout == (
        "Harbor Lights (2010): directed by Mara Quill.\n"
        "Records: Harbor Lights (2010) (work); Mara Quill (person)\n"
        "Source:\n"
        "https://example.org/hl1\n"
        'same as: wick info "Harbor Lights"\n'
    )


def test_real_file_is_the_one_asked(franchise: Franchise) -> None:
    assert franchise == loader.load(str(REAL))


def _literal_words(nodes: list[ask.Node]) -> set[str]:
    found: set[str] = set()
    for node in nodes:
        if node.kind == "word":
            found.add(node.value)
        elif node.kind == "alt":
            found |= {w for option in node.value for w in _literal_words(option)}
        elif node.kind == "opt":
            found |= _literal_words(node.value)
        elif node.kind == "capture":
            found |= {w for option in node.value[1] for w in option.split()}
    return found


# Words of questions that some name of the shipped file happens to contain too: none of them names anything.
GENERIC = {"2", "director", "from", "game", "movie", "of", "ray", "s", "series", "the"}  # "ray" of "blu-ray"


@pytest.mark.parametrize(
    ("reply", "slot", "table"),
    [
        (ask.release_in, "region", ask.REGIONS_ASKED),
        (ask.release_in, "medium", ask.MEDIA_ASKED),
        (ask.box_office_measure, "where", ask.MEASURES_ASKED),
        (ask.ratings, "region", ask.REGIONS_ASKED),
        (ask.reception, "by", ask.SCORES_ASKED),
        (ask.crew, "job", ask.JOBS_ASKED),
        (ask.crew, "job2", ask.JOBS_ASKED),
    ],
)
def test_every_word_a_form_captures_is_in_its_table(reply: object, slot: str, table: dict[str, object]) -> None:
    captured = {
        option
        for form in ask.forms()
        if form.answer is reply
        for node in form.nodes
        if node.kind == "capture" and node.value[0] == slot
        for option in node.value[1]
    }
    assert captured and captured <= set(table)


def test_forms_hold_no_word_of_the_franchise(resolver: Resolver) -> None:
    words = {w for form in ask.forms() for w in _literal_words(form.nodes)}
    assert words & set(resolver.names.vocabulary()) <= GENERIC


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "who",
                "plays",
                "is",
                "in",
                "the",
                "and",
                "both",
                "when",
                "did",
                "come",
                "out",
                "john",
                "wick",
                "chapter",
                "4",
                "ballerina",
                "director",
                "keanu",
                "x",
                "?",
            ]
        ),
        max_size=12,
    )
    | st.text(max_size=200)
)
def test_any_question_is_answered_or_declined(franchise: Franchise, resolver: Resolver, typed: object) -> None:
    question = " ".join(typed) if isinstance(typed, list) else str(typed)
    try:
        outcome = ask.ask(franchise, resolver, question, TODAY)
    except CannotAnswer as error:
        assert str(error) == "wick can't answer that from the knowledge file"
    else:
        assert outcome.reply.reply and outcome.to_json()["question"] == question


@pytest.mark.parametrize(
    ("words", "closest"),
    [
        (40, ["Charon (character in John Wick, John Wick: Chapter 2, ...)"]),  # still looked up: the closest is named
        (41, []),  # past the longest question wick maps: declined at once, naming nothing
    ],
)
def test_a_question_of_forty_words_is_the_longest_looked_up(
    franchise: Franchise, resolver: Resolver, words: int, closest: list[str]
) -> None:
    with pytest.raises(CannotAnswer) as raised:
        ask.ask(franchise, resolver, " ".join(["charon"] * words), TODAY)
    assert list(raised.value.suggestions) == closest


def test_a_very_long_question_is_declined_at_once(franchise: Franchise, resolver: Resolver) -> None:
    with pytest.raises(CannotAnswer):
        ask.ask(franchise, resolver, "who plays " + "the director " * 50_000, TODAY)
