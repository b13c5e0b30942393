"""Turn answers into Rich renderables. Never prints: the CLI decides where output goes."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from .answers import Answer


def _table(title: str | None, plain: bool, *columns: str) -> Table:
    """A table that draws boxes on a terminal and plain aligned columns in a pipe."""
    table = Table(
        title=None if plain else title,
        box=None if plain else box.ROUNDED,
        show_edge=not plain,
        header_style="" if plain else "bold",
        title_style="bold",
        pad_edge=not plain,
    )
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _name(ref: dict[str, Any] | None) -> str:
    if not ref:
        return ""
    if ref.get("year"):
        return f"{ref['name']} ({ref['year']})"
    status = ref.get("status")
    return f"{ref['name']} ({status})" if status and status != "released" else str(ref["name"])


def _note(credit: dict[str, Any]) -> str:
    return f" ({credit['note']})" if credit.get("note") else ""


def who_plays(answer: Answer, plain: bool) -> RenderableType:
    """Actor per work for one character."""
    if answer["answer"] == "roles":
        return roles(answer, plain)
    character = answer["character"]["name"]
    table = _table(f"Who plays {character}", plain, "Work", "Actor")
    for credit in answer["credits"]:
        table.add_row(_name(credit["work"]), credit["person"]["name"] + _note(credit))
    if not answer["credits"]:
        where = f" in {_name(answer['film'])}" if answer.get("film") else ""
        return Text(f"{character} has no credited actor{where}.")
    return table


def roles(answer: Answer, plain: bool) -> RenderableType:
    """A person's roles and jobs."""
    person = answer["person"]["name"]
    parts: list[RenderableType] = []
    if answer["credits"]:
        table = _table(f"{person}: roles", plain, "Work", "Character")
        for credit in answer["credits"]:
            table.add_row(_name(credit["work"]), credit["character"]["name"] + _note(credit))
        parts.append(table)
    if answer["crew"]:
        table = _table(f"{person}: behind the camera", plain, "Work", "Job")
        for job in answer["crew"]:
            table.add_row(_name(job["work"]), job["job"] + _note(job))
        parts.append(table)
    if not parts:
        return Text(f"{person} has no credits in this knowledge file.")
    return Group(*parts)


def about(answer: Answer, plain: bool) -> RenderableType:
    """Version, knowledge file and counts."""
    table = _table(f"wick {answer['version']}", plain, "", "")
    table.show_header = False
    table.add_row("Franchise", answer["franchise"])
    table.add_row("Knowledge file", answer["data_file"])
    table.add_row("Data as of", answer["data_as_of"] or "unknown")
    for kind, count in answer["counts"].items():
        table.add_row(kind.capitalize(), str(count))
    return table
