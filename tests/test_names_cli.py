"""The names a person types, through the real CLI: right answers, refusals with suggestions, pointers to the right command."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from wickcli.cli import app


@pytest.mark.parametrize(
    ("args", "record"),
    [
        # (arguments, the record answered): names typed without quotes, numbers in words
        (["who-plays", "keanu", "reeves"], "keanu-reeves"),
        (["cast", "chapter", "4"], "jw4"),
        (["cast", "john wick two"], "jw2"),
        (["cast", "john wick II"], "jw2"),
        (["cast", "john", "wick", "iv"], "jw4"),
        (["who-plays", "Macrus"], "marcus"),
        (["who-plays", "Shmiazu", "Koji"], "shimazu-koji"),
        (["release-date", "john", "wick", "chapter", "three"], "jw3"),
        (["info", "the", "bowery", "king"], "the-bowery-king"),
    ],
)
def test_names_resolve(runner: CliRunner, args: list[str], record: str) -> None:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.stderr
    answer = json.loads(result.stdout)
    found = answer.get("character") or answer.get("person") or answer.get("work") or answer["cards"][0]
    assert found["id"] == record


WAIT = "Error: nothing in the knowledge file matches"
REFUSALS = [
    # (arguments, the whole error line): each refused, exit 1, never a wrong record
    (
        ["who-plays", "Winston Churchill"],
        "Error: no close match for 'Winston Churchill'. Did you mean: Winston Scott (character in John Wick, John Wick: Chapter 2, ...)?",
    ),
    (
        ["who-plays", "Michael", "Caine"],
        "Error: no close match for 'Michael Caine'. Did you mean: Caine (character in John Wick: Chapter 4, Caine (untitled John Wick spinoff)); Michael Nyqvist (person); Michael Witherill (person)?",
    ),
    (["who-plays", "Hugo Weaving"], f"{WAIT} 'Hugo Weaving'."),
    (
        ["who-plays", "David Bowie"],
        "Error: no close match for 'David Bowie'. Did you mean: David Leitch (person); David Castañeda (person); David Patrick Kelly (person)?",
    ),
    (["who-plays", "Navigator"], f"{WAIT} 'Navigator'."),
    (
        ["release-date", "John Wick Payday"],
        "Error: no close match for 'John Wick Payday'. Did you mean: John Wick (2014) (work); John Wick: Chapter 2 (2017) (work); John Wick: Chapter 3 – Parabellum (2019) (work)?",
    ),
    (
        ["release-date", "john", "wick", "2023"],
        "Error: 'john wick 2023' could mean: John Wick: Chapter 4 (2023) (work); The Continental: From the World of John Wick (2023) (work). Be more specific.",
    ),
    # The right kind, or a pointer to the command that answers it
    (
        ["roles", "John Wick"],
        """Error: 'John Wick' is John Wick (character in John Wick, John Wick: Chapter 2, ...), not a person: try wick who-plays "John Wick\"""",
    ),
    (
        ["who-plays", "continental"],
        """Error: 'continental' is The Continental: From the World of John Wick (2023) (work), not a character or a person: try wick cast "The Continental\"""",
    ),
    (["cast", "keanu"], """Error: 'keanu' is Keanu Reeves (person), not a work: try wick roles "Keanu Reeves\""""),
    (
        ["who-plays", "parabellum"],
        "Error: 'parabellum' is John Wick: Chapter 3 – Parabellum (2019) (work), not a character or a person: try wick cast Parabellum",
    ),
    (
        ["roles", "charon"],
        "Error: 'charon' is Charon (character in John Wick, John Wick: Chapter 2, ...), not a person: try wick who-plays Charon",
    ),
    # --film is honoured for people too, and an unknown --film is an error every time
    (
        ["who-plays", "Ian McShane", "--film", "continental"],
        "Error: Ian McShane is not credited in The Continental: From the World of John Wick (2023)",
    ),
    (["who-plays", "Ian McShane", "--film", "nonsense"], f"{WAIT} 'nonsense'."),
    (["who-plays", "Winston", "--film", "nonsense"], f"{WAIT} 'nonsense'."),
    (
        ["who-plays", "Charon", "--film", "chapter 5"],
        "Error: Charon is not credited in John Wick: Chapter 5",
    ),
]


@pytest.mark.parametrize(("args", "line"), REFUSALS)
def test_refusals_say_why_and_exit_1(runner: CliRunner, args: list[str], line: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == line + "\n"


def test_film_filter_for_a_person(runner: CliRunner) -> None:
    result = runner.invoke(app, ["who-plays", "Ian", "McShane", "--film", "ballerina", "--json"])
    assert result.exit_code == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["film"]["id"] == "ballerina"
    assert [(c["work"]["id"], c["character"]["id"]) for c in answer["credits"]] == [("ballerina", "winston-scott")]
    assert answer["crew"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["who-plays", ""], "the name is empty: type a name, for example wick who-plays Rooney"),
        (["roles", " "], "the name is empty: type a name, for example wick roles Keanu Reeves"),
        (["cast", " "], "the title is empty: type a title, for example wick cast Parabellum"),
        (["release-date", ""], "the title is empty: type a title, for example wick release-date Ballerina"),
        (["info", "", ""], "the name is empty: type a name, for example wick info Winston"),
        (["search", ""], "the query is empty: type a query, for example wick search wick"),
        (["ask", " "], "the question is empty: type a question, for example wick ask who plays Rooney"),
    ],
)
def test_empty_name_is_a_usage_error_with_an_example_of_its_own_command(
    runner: CliRunner, args: list[str], message: str
) -> None:
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"Error: {message}\n"


@pytest.mark.parametrize("film", ["", " "])
def test_empty_film_is_a_usage_error(runner: CliRunner, film: str) -> None:
    result = runner.invoke(app, ["who-plays", "charon", "--film", film])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "Error: --film is empty: type a title, for example --film Ballerina\n"


def test_usage_line_shows_several_words(runner: CliRunner) -> None:
    result = runner.invoke(app, ["who-plays", "--help"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: wick who-plays [OPTIONS] {CHARACTER...}\n")


LONG = "xq" * 5000
LONG_QUERIES = [
    (
        ["who-plays", LONG],
        f"Error: nothing in the knowledge file matches '{LONG[:60]}'… (10,000 characters).",
        "no match: the first 60 characters and the length",
    ),
    (
        ["cast", "john wick " + LONG],
        f"Error: no close match for 'john wick {LONG[:50]}'… (10,010 characters). Did you mean: John Wick (2014) "
        "(work); John Wick: Chapter 2 (2017) (work); John Wick: Chapter 3 – Parabellum (2019) (work)?",
        "suggestions for a long query",
    ),
]


@pytest.mark.parametrize(("args", "line"), [q[:2] for q in LONG_QUERIES], ids=[q[2] for q in LONG_QUERIES])
def test_a_long_query_is_not_echoed_in_full(runner: CliRunner, args: list[str], line: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert result.stderr == line + "\n"
