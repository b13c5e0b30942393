"""Lookups through the CLI against the real knowledge file: exact answers, JSON, exit codes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from wickcli.cli import app

TODAY = {"WICK_TODAY": "2026-11-27"}


def run(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(app, [*args, "--json"], env=TODAY)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_who_plays_rooney_lists_both_actors(runner: CliRunner) -> None:
    answer = run(runner, "who-plays", "Rooney")
    assert answer["character"]["name"] == "Eve Macarro"
    assert [(c["work"]["id"], c["person"]["name"], c["note"]) for c in answer["credits"]] == [
        ("jw3", "Unity Phelan", "credited as Ballerina; identified as Eve in later reports"),
        ("ballerina", "Ana de Armas", None),
        ("ballerina", "Victoria Comte", "young"),
    ]


def test_who_plays_with_film_filter(runner: CliRunner) -> None:
    answer = run(runner, "who-plays", "Winston", "--film", "the continental")
    assert [(c["person"]["name"], c["note"]) for c in answer["credits"]] == [
        ("Colin Woodell", "young"),
        ("Fflyn Edwards", "child, in the 1955 opening"),
    ]


def test_who_plays_a_person_shows_their_roles(runner: CliRunner) -> None:
    answer = run(runner, "who-plays", "ana de armas")
    assert answer["answer"] == "roles"
    assert [c["character"]["name"] for c in answer["credits"]] == ["Eve Macarro"]


def test_who_plays_prefers_the_character_over_the_work(runner: CliRunner) -> None:
    answer = run(runner, "who-plays", "John Wick")
    assert answer["character"]["id"] == "john-wick"
    assert answer["credits"][0]["person"]["name"] == "Keanu Reeves"


def test_release_date_prefers_the_work_and_reports_moves(runner: CliRunner) -> None:
    answer = run(runner, "release-date", "Ballerina")
    assert answer["work"]["id"] == "ballerina"
    assert answer["release"]["date"] == "2025-06-06"
    assert answer["release"]["days_from_today"] == -539
    assert [d["date"] for d in answer["earlier_dates"]] == ["2024-06-07"]


def test_release_date_of_announced_work_has_no_date(runner: CliRunner) -> None:
    answer = run(runner, "release-date", "chapter 5")
    assert answer["release"] is None
    assert answer["upcoming"] is True


def test_release_dates_of_every_work_in_release_order(runner: CliRunner) -> None:
    answer = run(runner, "release-date")
    # Release order follows the dates shown: the VR game came out the day before Chapter 2 opened in the US
    # (though Chapter 2's premiere, a release nobody means by "came out", was earlier still).
    dated = [(w["work"]["id"], w["release"]["date"]) for w in answer["works"] if w["release"]]
    assert dated == [
        ("jw1", "2014-10-24"),
        ("john-wick-chronicles", "2017-02-09"),
        ("jw2", "2017-02-10"),
        ("john-wick-comic", "2017-11-29"),
        ("jw3", "2019-05-17"),
        ("john-wick-hex", "2019-10-08"),
        ("jw4", "2023-03-24"),
        ("the-continental", "2023-09-22"),
        ("ballerina", "2025-06-06"),
    ]


def test_timeline_story_order(runner: CliRunner) -> None:
    answer = run(runner, "timeline")
    released = [w["work"]["id"] for w in answer["works"] if w["status"] == "released"]
    # The games and the comic have no place in the story order: they are listed apart (below).
    assert released == ["the-continental", "jw1", "jw2", "jw3", "ballerina", "jw4"]


@pytest.mark.parametrize(
    ("order", "unplaced"),
    [
        (
            "story",
            [
                "john-wick-chronicles",
                "john-wick-comic",
                "john-wick-hex",
                "jw5",
                "caine-spinoff",
                "under-the-high-table",
            ],
        ),
        ("release", ["jw5", "caine-spinoff", "jw-anime", "jw-game", "under-the-high-table"]),
    ],
    ids=["story: no order in the file", "release: no date yet"],
)
def test_timeline_keeps_works_of_unknown_place_apart(runner: CliRunner, order: str, unplaced: list[str]) -> None:
    answer = run(runner, "timeline", "--order", order)
    assert [w["work"]["id"] for w in answer["unplaced"]] == unplaced
    assert not {w["work"]["id"] for w in answer["works"]} & set(unplaced)


@pytest.mark.parametrize("order", ["Release", "RELEASE", "release"])
def test_timeline_order_in_any_case(runner: CliRunner, order: str) -> None:
    assert run(runner, "timeline", "-o", order)["order"] == "release"


def test_timeline_release_order(runner: CliRunner) -> None:
    answer = run(runner, "timeline", "--order", "release")
    assert [w["work"]["id"] for w in answer["works"]][:9] == [
        "jw1",
        "john-wick-chronicles",
        "jw2",
        "john-wick-comic",
        "jw3",
        "john-wick-hex",
        "jw4",
        "the-continental",
        "ballerina",
    ]


def test_cast_is_in_billing_order(runner: CliRunner) -> None:
    answer = run(runner, "cast", "chapter 4")
    assert [c["person"]["name"] for c in answer["credits"]][:3] == ["Keanu Reeves", "Donnie Yen", "Bill Skarsgård"]


def test_info_shows_both_cards_for_a_shared_name(runner: CliRunner) -> None:
    answer = run(runner, "info", "caine")
    assert [(c["kind"], c["id"]) for c in answer["cards"]] == [("work", "caine-spinoff"), ("character", "caine")]


def test_info_hides_spoilers_on_request(runner: CliRunner) -> None:
    with_spoilers = run(runner, "info", "jw4")
    without = run(runner, "info", "jw4", "--no-spoilers")
    assert any(f["spoils"] for f in with_spoilers["cards"][0]["facts"])
    assert not any(f["spoils"] for f in without["cards"][0]["facts"])


def test_search_ranks_matches_with_kinds(runner: CliRunner) -> None:
    answer = run(runner, "search", "winston")
    assert (answer["matches"][0]["kind"], answer["matches"][0]["id"]) == ("character", "winston-scott")


def test_about_counts(runner: CliRunner) -> None:
    answer = run(runner, "about")
    # the newest source consulted (TechRadar and HotHardware on the game reveal, 2026-02-13), not the day of the edit
    assert answer["data_as_of"] == "2026-02-13"
    assert answer["counts"]["works"] >= 11


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (["who-plays", "xyzzy"], "Error: nothing in the knowledge file matches 'xyzzy'.\n"),
        (["search", "xyzzy"], "Error: nothing in the knowledge file matches 'xyzzy'.\n"),
        (
            ["release-date", "Ballerina 2"],
            "Error: no close match for 'Ballerina 2'. Did you mean: From the World of John Wick: Ballerina (2025) (work); John Wick: Chapter 2 (2017) (work)?\n",
        ),
        (
            ["who-plays", "Tarasov"],
            "Error: 'Tarasov' could mean: Viggo Tarasov (character in John Wick); Iosef Tarasov (character in John Wick); Abram Tarasov (character in John Wick: Chapter 2). Be more specific.\n",
        ),
    ],
)
def test_not_found_and_ambiguous_exit_1(runner: CliRunner, args: list[str], stderr: str) -> None:
    result = runner.invoke(app, args, env=TODAY)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == stderr


def test_bad_today_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["release-date", "ballerina"], env={"WICK_TODAY": "soon"})
    assert result.exit_code == 2
    assert result.stderr == "Error: WICK_TODAY='soon' is not a date like 2025-06-06\n"


def test_search_with_a_very_short_query_lists_word_starts(runner: CliRunner) -> None:
    matches = run(runner, "search", "a", "--limit", "5")["matches"]
    assert len(matches) == 5
    assert all(m["score"] == 75.0 for m in matches)
    assert all(any(w.lower().startswith("a") for w in m["matched"].split()) for m in matches)
