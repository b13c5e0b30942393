"""Rendering at a fixed width without colour, compared with golden files; pipes get plain text."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console, RenderableType

from wickcli import answers, render
from wickcli.model import Franchise
from wickcli.resolve import Resolver

GOLDEN = Path(__file__).parent / "golden"
TODAY = dt.date(2026, 11, 27)


def text(renderable: RenderableType, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined]


def test_who_plays_table(franchise: Franchise) -> None:
    answer = answers.who_plays(franchise, Resolver(franchise), "Rooney")
    assert text(render.who_plays(answer, plain=False), 80) == (GOLDEN / "who_plays_rooney_80.txt").read_text()


def test_timeline_degrades_at_40_columns(franchise: Franchise) -> None:
    output = text(render.timeline(answers.timeline(franchise, "story"), plain=False), 40)
    assert output == (GOLDEN / "timeline_story_40.txt").read_text()
    assert max(len(line) for line in output.splitlines()) <= 40


def test_release_date_plain(franchise: Franchise) -> None:
    answer = answers.release_date(franchise, Resolver(franchise), "Ballerina", TODAY)
    assert (
        text(render.release_date(answer, plain=True), 80)
        == (GOLDEN / "release_date_ballerina_plain_80.txt").read_text()
    )


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (0, "today"),
        (1, "in 1 day"),
        (-2, "2 days ago"),
        (90, "in 3 months"),
        (-539, "1 year, 6 months ago"),
        (365, "in 1 year"),
        (-4418, "12 years, 1 month ago"),
    ],
)
def test_relative_dates(days: int, words: str) -> None:
    assert render.relative(days) == words


@pytest.mark.parametrize("args", [["timeline"], ["who-plays", "Rooney"], ["info", "John Wick"], ["search", "a"]])
def test_piped_output_has_no_escape_codes_or_boxes(args: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"TERM": "xterm-256color", "COLUMNS": "80"}
    result = subprocess.run(
        [sys.executable, "-m", "wickcli", *args], capture_output=True, text=True, env=env, check=True
    )
    assert "\x1b[" not in result.stdout
    assert "│" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


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
    [("HL1", "info_example_hl1_plain_80.txt"), ("Low Tide", "info_example_low_tide_plain_80.txt")],
    ids=["film", "series"],
)
def test_work_card_shows_every_infobox_field(query: str, golden: str) -> None:
    from wickcli import loader

    from .test_schema import _example

    example = loader.parse(_example().encode(), "example.yaml")
    answer = answers.info(example, Resolver(example), query, TODAY, spoilers=False)
    assert text(render.info(answer, plain=True), 80) == (GOLDEN / golden).read_text()
