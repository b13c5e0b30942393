"""Rendering at a fixed width without colour, compared with golden files; pipes get plain text."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console, RenderableType
from typer.testing import CliRunner

from wickcli import answers, render
from wickcli.cli import app
from wickcli.model import Franchise
from wickcli.resolve import Resolver

from .conftest import MINI

GOLDEN = Path(__file__).parent / "golden"
TODAY = dt.date(2026, 11, 27)


def text(renderable: RenderableType, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined]


def test_who_plays_table(franchise: Franchise) -> None:
    answer = answers.who_plays(franchise, Resolver(franchise), "Rooney")
    assert text(render.to_rich(render.who_plays(answer)), 80) == (GOLDEN / "who_plays_rooney_80.txt").read_text()


@pytest.mark.parametrize(
    ("view", "answer", "golden"),
    [
        ("who_plays", lambda f, r: answers.who_plays(f, r, "Rooney"), "who_plays_rooney_piped.txt"),
        ("roles", lambda f, r: answers.roles(f, r, "Keanu Reeves"), "roles_keanu_piped.txt"),
        ("timeline", lambda f, r: answers.timeline(f, "story"), "timeline_story_piped.txt"),
    ],
    ids=["a table", "two tables, each titled", "a table, a section of unplaced works, the chart as a table"],
)
def test_piped_lines(franchise: Franchise, view: str, answer: Any, golden: str) -> None:
    doc = getattr(render, view)(answer(franchise, Resolver(franchise)))
    assert render.to_lines(doc) == (GOLDEN / golden).read_text()


def test_timeline_degrades_at_40_columns(franchise: Franchise) -> None:
    output = text(render.to_rich(render.timeline(answers.timeline(franchise, "story"))), 40)
    assert output == (GOLDEN / "timeline_story_40.txt").read_text()
    assert max(len(line) for line in output.splitlines()) <= 40
    chart = output.splitlines()[-8:]
    assert len({line.split("  ")[1] for line in chart}) == 8  # every work keeps a label of its own


@pytest.mark.parametrize(
    ("names", "labels"),
    [
        ([["Harbor Lights"], ["Low Tide"]], ["Harbor…", "Low Ti…"]),
        ([["Harbor Lights", "HL1"], ["Low Tide"]], ["HL1", "Low Ti…"]),
        ([["Harbor Lights", "Harbor"], ["Harbor Lights: Low Tide", "Low Tide"]], ["Harbor", "Low Ti…"]),
        ([["John Wick: Chapter 2"], ["John Wick: Chapter 4"]], ["John …2", "John …4"]),
        ([["Saga: Part 10"], ["Saga: Part 11"], ["Saga: Part 21"]], ["Saga:…0", "Saga…11", "Saga…21"]),
        ([["Same title"], ["Same title"]], ["Same t…", "Same t…"]),
    ],
    ids=[
        "cut at the end",
        "an alias that fits comes before a cut title",
        "a cut alias when the cut titles are alike",
        "titles alike but for the end",
        "alike ends too",
        "nothing tells them apart",
    ],
)
def test_chart_labels_stay_distinct(names: list[list[str]], labels: list[str]) -> None:
    rows = [{"work": {"name": title}, "aliases": aliases} for title, *aliases in names]
    assert render._labels(rows, 7) == labels


def test_long_title_wraps_to_the_terminal_not_the_table(franchise: Franchise) -> None:
    answer = answers.cast(franchise, Resolver(franchise), "jw5")
    assert text(render.to_rich(render.cast(answer)), 80) == (GOLDEN / "cast_jw5_80.txt").read_text()


def test_piped_lines_are_never_wrapped_or_padded(franchise: Franchise) -> None:
    answer = answers.cast(franchise, Resolver(franchise), "jw5")
    assert render.to_lines(render.cast(answer)).splitlines()[:3] == [
        "Cast of John Wick: Chapter 5 (in development)",
        "Actor\tCharacter",
        "Keanu Reeves\tJohn Wick",
    ]


def test_timeline_lists_works_of_unknown_place_unnumbered(franchise: Franchise) -> None:
    lines = render.to_lines(render.timeline(answers.timeline(franchise, "story"))).splitlines()
    heading = lines.index("\tplace in the story not yet known\t\t")
    assert lines[heading - 1].split("\t")[:2] == ["8", "John Wick: Chapter 4 (2023)"]
    assert [line.split("\t")[:2] for line in lines[heading + 1 : heading + 7]] == [
        ["", "John Wick Chronicles (2017)"],
        ["", "John Wick (Dynamite comic series) (2017)"],
        ["", "John Wick Hex (2019)"],
        ["", "John Wick: Chapter 5 (in development)"],
        ["", "Caine (untitled John Wick spinoff) (in development)"],
        ["", "John Wick: Under the High Table (in development)"],
    ]


def test_release_date_piped(franchise: Franchise) -> None:
    answer = answers.release_date(franchise, Resolver(franchise), "Ballerina", TODAY)
    assert render.to_lines(render.release_date(answer)) == (GOLDEN / "release_date_ballerina_piped.txt").read_text()


def test_release_date_on_a_terminal(franchise: Franchise) -> None:
    answer = answers.release_date(franchise, Resolver(franchise), "Ballerina", TODAY)
    output = text(render.to_rich(render.release_date(answer)), 80)
    assert output == (GOLDEN / "release_date_ballerina_80.txt").read_text()


RELATIVE = [
    ("2026-12-02", "2026-12-02", "today", "the same day"),
    ("2026-12-03", "2026-12-02", "in 1 day", "tomorrow"),
    ("2026-11-27", "2026-12-02", "5 days ago", "days below two weeks"),
    ("2026-11-19", "2026-12-02", "13 days ago", "still days just below two weeks"),
    ("2026-12-23", "2026-12-02", "in 3 weeks", "whole weeks below a month"),
    ("2026-12-29", "2026-12-02", "in 3 weeks", "27 days is not yet 4 weeks"),
    ("2026-11-03", "2026-12-02", "4 weeks ago", "a day short of a month"),
    ("2026-11-02", "2026-12-02", "1 month ago", "the day of the month is reached"),
    ("2025-06-06", "2026-12-02", "1 year, 5 months ago", "Ballerina: 1 year, 5 months, 26 days is not 6 months"),
    ("2019-05-17", "2026-12-02", "7 years, 6 months ago", "Chapter 3: not rounded up to 7 months"),
    ("2014-10-24", "2026-11-27", "12 years, 1 month ago", "the day is reached in November"),
    ("2014-10-24", "2026-11-23", "12 years ago", "the day is not reached in November"),
    ("2026-01-31", "2026-02-28", "1 month ago", "February has no 31st: its last day reaches it"),
    ("2026-01-31", "2026-02-27", "3 weeks ago", "before February's last day"),
    ("2026-03-31", "2026-04-30", "1 month ago", "April has no 31st"),
    ("2026-03-31", "2026-04-29", "4 weeks ago", "one day before April's last"),
    ("2028-02-29", "2029-02-28", "1 year ago", "a leap day is reached on February 28 of a common year"),
    ("2028-02-29", "2029-02-27", "11 months ago", "before the common year's last February day"),
    ("2027-02-28", "2028-02-28", "1 year ago", "the 28th is reached in a leap year before the leap day"),
    ("2028-02-29", "2028-03-29", "1 month ago", "from a leap day to the next month"),
    ("2026-12-31", "2027-01-01", "1 day ago", "the turn of a year"),
    ("2026-12-15", "2027-01-15", "1 month ago", "a month across the turn of a year"),
    ("2026-12-16", "2027-01-15", "4 weeks ago", "a day short of a month across the turn"),
    ("2027-01-15", "2026-12-02", "in 1 month", "the future counts the same way"),
    ("2027-12-02", "2026-12-02", "in 1 year", "exactly a year ahead"),
    ("2027-12-01", "2026-12-02", "in 11 months", "a day short of a year ahead"),
]


@pytest.mark.parametrize(("day", "today", "words"), [r[:3] for r in RELATIVE], ids=[r[3] for r in RELATIVE])
def test_relative_dates_count_whole_months(day: str, today: str, words: str) -> None:
    assert render.relative(dt.date.fromisoformat(day), dt.date.fromisoformat(today)) == words


@pytest.mark.slow
def test_release_date_ago_uses_wick_today() -> None:
    env = {**os.environ, "WICK_TODAY": "2026-12-02", "COLUMNS": "80"}
    result = subprocess.run(
        [sys.executable, "-m", "wickcli", "release-date", "jw3"], capture_output=True, text=True, env=env, check=True
    )
    assert (
        result.stdout.splitlines()[0] == "John Wick: Chapter 3 – Parabellum (2019): 2019-05-17 (7 years, 6 months ago)"
    )


@pytest.mark.slow
@pytest.mark.parametrize("args", [["timeline"], ["who-plays", "Rooney"], ["info", "John Wick"], ["search", "a"]])
def test_piped_output_has_no_escape_codes_or_boxes(args: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"TERM": "xterm-256color", "COLUMNS": "80"}
    result = subprocess.run(
        [sys.executable, "-m", "wickcli", *args], capture_output=True, text=True, env=env, check=True
    )
    assert "\x1b[" not in result.stdout
    assert "│" not in result.stdout
    assert "\t" in result.stdout
    assert not [line for line in result.stdout.splitlines() if line != line.strip(" ") or "  " in line]


FREE_TEXT = {"name", "note", "job", "text", "description", "synopsis", "reason", "region", "medium", "set"}
FREE_TEXT |= {"query", "franchise", "data_file", "matched", "spoils", "title"}
TEXT_LISTS = {"aliases", "studios", "distributors", "streaming", "sources"}


def _replaced(value: Any, text: str, key: str = "") -> Any:
    """The answer with every piece of data or user text (not its structure: kinds, dates, statuses) replaced."""
    if isinstance(value, dict):
        return {k: _replaced(v, text, k) for k, v in value.items()}
    if isinstance(value, list):
        return [text if key in TEXT_LISTS and isinstance(v, str) else _replaced(v, text) for v in value]
    return text if key in FREE_TEXT and isinstance(value, str) else value


def _every_view(franchise: Franchise) -> list[tuple[str, dict[str, Any]]]:
    resolver = Resolver(franchise)
    return [
        ("who_plays", answers.who_plays(franchise, resolver, "Rooney")),
        ("who_plays", answers.who_plays(franchise, resolver, "Keanu Reeves")),
        ("roles", answers.roles(franchise, resolver, "Chad Stahelski")),
        ("cast", answers.cast(franchise, resolver, "parabellum")),
        ("release_date", answers.release_date(franchise, resolver, "Ballerina", TODAY)),
        ("release_date", answers.release_date(franchise, resolver, None, TODAY)),
        ("timeline", answers.timeline(franchise, "story")),
        ("timeline", answers.timeline(franchise, "release")),
        ("search", answers.search(franchise, resolver, "wick")),
        ("info", answers.info(franchise, resolver, "John Wick", TODAY)),
        ("info", answers.info(franchise, resolver, "Winston", TODAY)),
        ("about", answers.about(franchise, "0.0")),
    ]


MARKUP_TOKENS = [
    "[",
    "]",
    "[/]",
    "[bold]",
    "[/bold]",
    "[red on blue]",
    "[link=https://x]",
    ":smile:",
    "\\",
    "@",
    "a",
    " ",
]
MARKUP_LIKE = st.lists(
    st.sampled_from(MARKUP_TOKENS) | st.text(st.characters(categories=["L", "N", "P", "S"]), max_size=3),
    min_size=1,
    max_size=8,
).map("".join)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=MARKUP_LIKE.map(lambda t: f"<{t}>"))
def test_any_text_in_any_field_is_rendered_as_written(franchise: Franchise, data: str) -> None:
    for view, answer in _every_view(franchise):
        doc = getattr(render, view)(_replaced(answer, data))
        assert data in text(render.to_rich(doc), 3000), view
        assert data in render.to_lines(doc), view


MARKED_UP = "[bold]Ellen[/bold] Gray :smile:"


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["search", "gray [/]"], "Matches for 'gray [/]'"),  # a closing tag with nothing open: MarkupError
        (["search", "[bold]ellen gray"], "Matches for '[bold]ellen gray'"),  # the tag vanished from the title
        (["who-plays", "ellen gray"], f"Who plays {MARKED_UP}"),  # data: tags vanished, a face appeared
    ],
)
def test_query_and_data_are_shown_as_written(runner: CliRunner, tmp_path: Path, args: list[str], shown: str) -> None:
    marked = tmp_path / "marked.yaml"
    marked.write_text(MINI.read_text().replace("name: Ellen Gray", f"name: '{MARKED_UP}'"))
    result = runner.invoke(app, ["--data", str(marked), *args])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].rstrip() == shown


@pytest.mark.parametrize(
    ("amount", "currency", "up_to", "shown"),
    [
        (73_800_000, "USD", None, "$73.8 million"),  # a round figure reads in millions
        (20_000_000, "USD", 30_000_000, "$20–30 million"),  # a reported range
        (43_037_835, "USD", None, "$43,037,835"),  # an exact figure stays exact
        (900_000, "USD", None, "$900,000"),  # under a million is never "0.9 million"
        (43_030_000, "USD", None, "$43.03 million"),  # a figure reported to the $10,000
        (5_000_000, "EUR", None, "5 million EUR"),  # other currencies by their code
    ],
)
def test_money(amount: int, currency: str, up_to: int | None, shown: str) -> None:
    assert render.money(amount, currency, up_to) == shown


@pytest.mark.parametrize(
    ("query", "golden"),
    [("HL1", "info_example_hl1_piped.txt"), ("Low Tide", "info_example_low_tide_piped.txt")],
    ids=["film", "series"],
)
def test_work_card_shows_every_infobox_field(query: str, golden: str) -> None:
    from wickcli import loader

    from .test_schema import _example

    example = loader.parse(_example().encode(), "example.yaml")
    answer = answers.info(example, Resolver(example), query, TODAY, spoilers=False)
    assert render.to_lines(render.info(answer)) == (GOLDEN / golden).read_text()


TWO_TRAILERS = """    trailers:
      - date: 2009-11-02
        label: |-
          Teaser
          (shown before another film)
        sources: [https://example.org/hl1]
      - {date: 2009-12-01, label: Full trailer, sources: [https://example.org/hl1]}
"""


def test_a_line_break_inside_an_item_never_reads_as_another_item(runner: CliRunner, tmp_path: Path) -> None:
    """A trailer label written on two lines is still one trailer: one Trailers line piped, two on a terminal."""
    path = tmp_path / "trailers.yaml"
    path.write_text(MINI.read_text().replace("    crew:\n", TWO_TRAILERS + "    crew:\n", 1))
    piped = runner.invoke(app, ["--data", str(path), "info", "hl1"])
    assert piped.exit_code == 0, piped.stderr
    assert [line for line in piped.stdout.splitlines() if line.startswith("Trailers")] == [
        "Trailers\t2009-11-02 Teaser (shown before another film)",
        "Trailers\t2009-12-01 Full trailer",
    ]
    doc = render.info(answers.info(*_loaded(path), "hl1", TODAY))
    console = Console(file=io.StringIO(), width=100, color_system=None)
    console.print(render.to_rich(doc))
    lines = [" ".join(line.strip("│ ").split()) for line in console.file.getvalue().splitlines()]  # type: ignore[attr-defined]
    assert "Trailers 2009-11-02 Teaser (shown before another film)" in lines
    assert "2009-12-01 Full trailer" in lines


def _loaded(path: Path) -> tuple[Franchise, Resolver]:
    from wickcli import loader

    franchise = loader.load(str(path))
    return franchise, Resolver(franchise)
