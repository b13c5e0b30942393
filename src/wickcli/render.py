"""Turn answers into Rich renderables. Never prints: the CLI decides where output goes."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from .answers import Answer


def new_console(**options: Any) -> Console:
    """A console for stdout; a reader that stops early (wick ... | head) raises BrokenPipeError.

    Rich's default exits with status 1 there; the CLI ends quietly with 0 instead.
    """
    console = Console(**options)

    def closed() -> None:
        raise BrokenPipeError

    console.on_broken_pipe = closed  # type: ignore[method-assign]
    return console


def _table(title: str | None, plain: bool, *columns: str) -> Table:
    """A table that draws boxes on a terminal and plain aligned columns in a pipe."""
    table = Table(
        title=None if title is None else Text(title, style="" if plain else "bold"),
        title_justify="left" if plain else "center",
        title_style="" if plain else "bold",
        box=None if plain else box.ROUNDED,
        show_edge=not plain,
        header_style="" if plain else "bold",
        pad_edge=not plain,
    )
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _row(table: Table, *cells: str | RenderableType) -> None:
    """Add a row whose text is shown as written: data and queries are never read as Rich markup."""
    table.add_row(*(Text(cell) if isinstance(cell, str) else cell for cell in cells))


def _name(ref: dict[str, Any] | None) -> str:
    if not ref:
        return ""
    if ref.get("year"):
        return f"{ref['name']} ({ref['year']})"
    status = ref.get("status")
    return f"{ref['name']} ({status.replace('-', ' ')})" if status and status != "released" else str(ref["name"])


def _note(credit: dict[str, Any]) -> str:
    return f" ({credit['note']})" if credit.get("note") else ""


def who_plays(answer: Answer, plain: bool) -> RenderableType:
    """Actor per work for one character."""
    if answer["answer"] == "roles":
        return roles(answer, plain)
    character = answer["character"]["name"]
    table = _table(f"Who plays {character}", plain, "Work", "Actor")
    for credit in answer["credits"]:
        _row(table, _name(credit["work"]), credit["person"]["name"] + _note(credit))
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
            _row(table, _name(credit["work"]), credit["character"]["name"] + _note(credit))
        parts.append(table)
    if answer["crew"]:
        table = _table(f"{person}: behind the camera", plain, "Work", "Job")
        for job in answer["crew"]:
            _row(table, _name(job["work"]), job["job"] + _note(job))
        parts.append(table)
    if not parts:
        return Text(f"{person} has no credits in this knowledge file.")
    return Group(*parts)


def about(answer: Answer, plain: bool) -> RenderableType:
    """Version, knowledge file and counts."""
    table = _table(f"wick {answer['version']}", plain, "", "")
    table.show_header = False
    _row(table, "Franchise", answer["franchise"])
    _row(table, "Knowledge file", answer["data_file"])
    _row(table, "Data as of", answer["data_as_of"] or "unknown")
    for kind, count in answer["counts"].items():
        _row(table, kind.capitalize(), str(count))
    return table


def relative(days: int) -> str:
    """How far a day is from today, in words: 'in 3 months', '10 years, 1 month ago'."""
    if days == 0:
        return "today"
    n = abs(days)
    if n < 45:
        span = f"{n} day{'s' if n != 1 else ''}"
    else:
        months = round(n / 30.4375)
        years, months = divmod(months, 12)
        parts = [f"{years} year{'s' if years != 1 else ''}"] if years else []
        if months:
            parts.append(f"{months} month{'s' if months != 1 else ''}")
        span = ", ".join(parts)
    return f"in {span}" if days > 0 else f"{span} ago"


def _when(release: dict[str, Any] | None) -> str:
    if not release:
        return "no date announced"
    return f"{release['date']} ({relative(release['days_from_today'])})"


def release_date(answer: Answer, plain: bool) -> RenderableType:
    """One work's dates, or every work's first date."""
    if answer["answer"] == "release-dates":
        table = _table("Release dates", plain, "Work", "Date", "Where", "When")
        for row in answer["works"]:
            release = row["release"]
            when = relative(release["days_from_today"]) if release else ""
            if row["upcoming"]:
                when = f"upcoming, {when}" if release else f"upcoming ({row['status']})"
            where = f"{release['region']} {release['medium']}" if release else ""
            _row(table, row["work"]["name"], release["date"] if release else "no date", where, when)
        return table
    work = answer["work"]
    lines = [Text(f"{_name(work)}: {_when(answer['release'])}", style="" if plain else "bold")]
    table = _table(None, plain, "Date", "Region", "Medium", "Note")
    for release in answer["releases"]:
        _row(table, release["date"], release["region"], release["medium"], release["note"] or "")
    parts: list[RenderableType] = [*lines]
    if answer["releases"]:
        parts.append(table)
    else:
        parts.append(Text(f"Status: {work['status']}; no release date has been announced."))
    for change in answer["earlier_dates"]:
        reason = f": {change['reason']}" if change["reason"] else ""
        parts.append(Text(f"Earlier announced for {change['date']}{reason}"))
    if answer["streaming"]:
        parts.append(Text(f"Streams on: {', '.join(answer['streaming'])}"))
    return Group(*parts)


class _Chart:
    """A compact chart: one row per work in story order, a mark under the year it came out.

    It sizes itself to the width it is given, so the year columns survive a narrow terminal.
    """

    def __init__(self, rows: list[dict[str, Any]], plain: bool) -> None:
        self.rows = rows
        self.plain = plain

    def style(self, style: str) -> str:
        return "" if self.plain else style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # A fixed grid of one-character marks: plain lines of text, far cheaper than a Table.
        years = sorted({int(r["released"][:4]) for r in self.rows if r["released"]})
        dot, empty = ("*", ".") if self.plain else ("●", "·")
        number_width = len(str(len(self.rows)))
        name_width = max(6, min(34, options.max_width - number_width - 2 - 5 * (len(years) + 1)))
        columns = [f"'{year % 100:02d}" for year in years] + ["TBA"]
        if not self.plain:
            yield Text("Story order vs release year", style="italic", justify="center", end="\n")
        label = "Story order"[:name_width]
        header = Text(f"{'#':>{number_width}}  {label:<{name_width}}", style=self.style("bold"))
        header.append("".join(f"  {c:^3}" for c in columns), style=self.style("bold"))
        yield header
        for i, row in enumerate(self.rows, 1):
            released = int(row["released"][:4]) if row["released"] else None
            name = row["work"]["name"]
            name = name if len(name) <= name_width else name[: name_width - 1] + "…"
            line = Text(f"{i:>{number_width}}  {name:<{name_width}}")
            for year in years:
                line.append("   ")
                line.append(
                    dot if released == year else empty, style=self.style("bold red" if released == year else "dim")
                )
                line.append(" ")
            line.append("   ")
            line.append(empty if released else "?", style=self.style("dim" if released else "yellow"))
            yield line


def timeline(answer: Answer, plain: bool) -> RenderableType:
    """Works in story or release order, then a chart of story order against release years."""
    by_story = answer["order"] == "story"
    table = _table(f"Timeline in {answer['order']} order", plain, "#", "Work", "Set", "Released")
    table.columns[3].min_width = 10
    for i, row in enumerate(answer["works"], 1):
        released = row["released"] or row["status"].replace("-", " ")
        _row(table, str(i), _name(row["work"]), row["set"] or "unknown", released)
    if not by_story:
        return table
    return Group(table, Text(""), _Chart(answer["works"], plain))


def cast(answer: Answer, plain: bool) -> RenderableType:
    """The cast of one work."""
    table = _table(f"Cast of {_name(answer['work'])}", plain, "Actor", "Character")
    for credit in answer["credits"]:
        _row(table, credit["person"]["name"], credit["character"]["name"] + _note(credit))
    if not answer["credits"]:
        return Text(f"No cast is recorded for {_name(answer['work'])}.")
    return table


def search(answer: Answer, plain: bool) -> RenderableType:
    """Ranked matches."""
    table = _table(f"Matches for {answer['query']!r}", plain, "Score", "Kind", "Name", "Matched")
    for match in answer["matches"]:
        shown = _name(match)
        via = match["matched"] if match["matched"] != match["name"] else ""
        _row(table, f"{match['score']:.0f}", match["kind"], shown, via)
    return table


def _facts(card: dict[str, Any], plain: bool) -> list[RenderableType]:
    """Facts as a hanging list, each with its first source under it."""
    if not card["facts"]:
        return []
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for fact in card["facts"]:
        body = Text(fact["text"])
        if fact["spoils"]:
            body.append(f" [spoils {fact['spoils']}]", style="" if plain else "yellow")
        source = fact["sources"][0] if fact["sources"] else "none"
        body.append(f"\nsource: {source}", style="" if plain else "dim")
        _row(grid, "-", body)
    return [Text("Facts", style="" if plain else "bold"), grid]


def _card(title: str, rows: list[tuple[str, str]], extra: list[RenderableType], plain: bool) -> RenderableType:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="" if plain else "bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in rows:
        if value:
            _row(grid, label, value)
    body = Group(grid, *extra)
    if plain:
        return Group(Text(title), Text("=" * min(len(title), 78)), body, Text(""))
    from rich.panel import Panel

    return Panel(body, title=Text(title), title_align="left", box=box.ROUNDED)


def _work_card(card: dict[str, Any], plain: bool) -> RenderableType:
    crew = "\n".join(
        f"{job}: {', '.join(p['name'] + _note(p) for p in people)}" for job, people in card["crew"].items()
    )
    release = card["release"]
    rows = [
        ("Kind", f"{card['type']}, {card['status']}"),
        ("Also called", ", ".join(card["aliases"])),
        ("Released", f"{release['date']} ({release['region']}, {release['medium']})" if release else "not announced"),
        ("Earlier dates", ", ".join(c["date"] for c in card["earlier_dates"])),
        ("Runtime", f"{card['runtime']} min" if card["runtime"] else ""),
        ("Episodes", str(card["episodes"] or "")),
        ("Set", card["set"] or ""),
        ("Synopsis", card["synopsis"] or ""),
        ("Crew", crew),
        ("Studios", ", ".join(card["studios"])),
        ("Distributor", ", ".join(card["distributors"])),
        ("Streams on", ", ".join(card["streaming"])),
        ("Sequel", card["sequel"] or ""),
    ]
    extra: list[RenderableType] = []
    if card["cast"]:
        table = _table(None, plain, "Actor", "Character")
        for credit in card["cast"]:
            _row(table, credit["person"]["name"], credit["character"]["name"] + _note(credit))
        extra.append(table)
    return _card(_name(card), rows, [*extra, *_facts(card, plain)], plain)


def _character_card(card: dict[str, Any], plain: bool) -> RenderableType:
    played = "\n".join(f"{c['person']['name']}{_note(c)} in {_name(c['work'])}" for c in card["credits"])
    rows = [
        ("Kind", "character"),
        ("Also called", ", ".join(card["aliases"])),
        ("About", card["description"] or ""),
        ("Played by", played),
    ]
    return _card(card["name"], rows, _facts(card, plain), plain)


def _person_card(card: dict[str, Any], plain: bool) -> RenderableType:
    roles = "\n".join(f"{c['character']['name']}{_note(c)} in {_name(c['work'])}" for c in card["credits"])
    jobs = "\n".join(f"{j['job']}{_note(j)} on {_name(j['work'])}" for j in card["crew"])
    rows = [
        ("Kind", "person"),
        ("Also called", ", ".join(card["aliases"])),
        ("Born", card["born"] or ""),
        ("Died", card["died"] or ""),
        ("Roles", roles),
        ("Crew", jobs),
    ]
    return _card(card["name"], rows, _facts(card, plain), plain)


def info(answer: Answer, plain: bool) -> RenderableType:
    """One card per record the name means."""
    cards = {"work": _work_card, "character": _character_card, "person": _person_card}
    return Group(*(cards[card["kind"]](card, plain) for card in answer["cards"]))


def stats(answer: Answer, plain: bool) -> RenderableType:
    """Quiz progress."""
    if not answer["rounds"]:
        return Text("No quiz rounds yet: try wick quiz.")
    table = _table("Quiz progress", plain, "", "")
    table.show_header = False
    share = f" ({100 * answer['right'] // answer['asked']}%)" if answer["asked"] else ""
    _row(table, "Rounds played", str(answer["rounds"]))
    _row(table, "Last played", answer["last_played"] or "")
    _row(table, "Right answers", f"{answer['right']}/{answer['asked']}{share}")
    for category, best in answer["best"].items():
        _row(table, f"Best {category}", f"{best['right']}/{best['asked']}")
    _row(table, "Leitner boxes 1-5", " ".join(str(n) for n in answer["boxes"].values()))
    _row(table, "Due for review", str(answer["due"]))
    return table
