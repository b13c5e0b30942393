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


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=MARKUP_LIKE.map(lambda t: f"<{t}>"))
def test_any_text_in_any_field_is_rendered_as_written(franchise: Franchise, data: str) -> None:
    for view, answer in _every_view(franchise):
        for plain in (True, False):
            output = text(getattr(render, view)(_replaced(answer, data), plain), 3000)
            assert data in output, (view, plain)


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
