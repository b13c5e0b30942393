"""Lay out answers: each view describes its output once, as tables, lines and cards, and two writers show it.

On a terminal the description becomes Rich tables and panels (``to_rich``); in a pipe it becomes
plain lines with tab-separated columns, no padding and no wrapping (``to_lines``), as gh and
similar tools print for scripts, so nothing here imports Rich until a terminal needs it. Never
prints: the CLI decides where output goes. The quiz's views, further down, are Rich's alone.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from .answers import Answer, money, relative
from .errors import quoted
from .model import titled

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.table import Table as RichTable

    from .quiz import Grade, Question
    from .shapes import (
        AboutAnswer,
        CastAnswer,
        CreditAnswer,
        CrewAnswer,
        Ref,
        ReleaseAnswer,
        ReleaseDateAnswer,
        ReleaseDatesAnswer,
        RolesAnswer,
        SearchAnswer,
        TimelineAnswer,
        TimelineRow,
        WhoPlaysAnswer,
    )


class Styled(NamedTuple):
    """Text with a style on a terminal; in a pipe, the text alone."""

    text: str
    style: str = ""


Cell = str | Styled


class Table(NamedTuple):
    """Rows under column names, with an optional title; rows from ``section`` on form a second section."""

    title: str | None
    columns: tuple[str, ...]
    rows: list[tuple[Cell, ...]]
    header: bool = True
    section: int | None = None
    min_widths: tuple[tuple[int, int], ...] = ()


class Line(NamedTuple):
    """A line of text, in pieces that may each have a style; a whole line is never broken (an address)."""

    pieces: tuple[Styled, ...]
    whole: bool = False


class Facts(NamedTuple):
    """Facts as a list, each with what it spoils and its first source."""

    facts: list[tuple[str, str | None, str]]


class Card(NamedTuple):
    """One record: labelled fields, each with its items (a line each; no items: not shown), then more parts."""

    title: str
    fields: list[tuple[str, list[str]]]
    extra: list[Part]


CHART_TITLE = "Story order vs release year"


class Chart(NamedTuple):
    """Story order against release years: one row per work, a mark under the year it came out."""

    rows: list[TimelineRow]


Part = Table | Line | Facts | Card | Chart
Doc = list[Part]
"""What a view describes: parts shown one after another."""


def line(text: str, style: str = "") -> Line:
    """A line of one piece."""
    return Line((Styled(text, style),))


# Pipes: tab-separated lines.


def _field(cell: Cell) -> str:
    """A cell as one field of a line: a tab or a line break inside it would split the record."""
    text = cell.text if isinstance(cell, Styled) else cell
    return text.replace("\t", " ").replace("\n", " ")


def to_lines(doc: Doc) -> str:
    """A description as plain lines: a table is its title, its column names and one line per row."""
    out: list[str] = []
    for i, part in enumerate(doc):
        if isinstance(part, Card) and i:
            out.append("")  # between records
        _lines(part, out)
    return "".join(f"{text}\n" for text in out)


def _lines(part: Part, out: list[str]) -> None:
    if isinstance(part, Line):
        out.append("".join(piece.text for piece in part.pieces))
    elif isinstance(part, Table):
        if part.title is not None:
            out.append(part.title)
        if part.header:
            out.append("\t".join(part.columns))
        out.extend("\t".join(_field(cell) for cell in row) for row in part.rows)
    elif isinstance(part, Facts):
        out.append("Facts")
        out.extend(f"{_field(_fact_text(text, spoils))}\tsource: {source}" for text, spoils, source in part.facts)
    elif isinstance(part, Card):
        out.append(part.title)
        out.extend(f"{label}\t{_field(item)}" for label, items in part.fields for item in items)
        for extra in part.extra:
            _lines(extra, out)
    else:
        years = _years(part.rows)
        out.append(CHART_TITLE)
        out.append("\t".join(["#", "Story order", *_year_labels(years)]))
        for i, row in enumerate(part.rows, 1):
            released = int(row["released"][:4]) if row["released"] else None
            marks = ["*" if released == year else "." for year in years] + ["." if released else "?"]
            out.append("\t".join([str(i), _field(row["work"]["name"]), *marks]))


def _fact_text(text: str, spoils: str | None) -> str:
    return f"{text} [spoils {spoils}]" if spoils else text


def _years(rows: list[TimelineRow]) -> list[int]:
    return sorted({int(r["released"][:4]) for r in rows if r["released"]})


def _year_labels(years: list[int]) -> list[str]:
    return [f"'{year % 100:02d}" for year in years] + ["TBA"]


# Terminals: Rich.


def new_console(**options: Any) -> Console:
    """A console for stdout; a reader that stops early (wick ... | head) raises BrokenPipeError.

    Rich's default exits with status 1 there; the CLI ends quietly with 0 instead.
    """
    from rich.console import Console

    console = Console(**options)

    def closed() -> None:
        raise BrokenPipeError

    console.on_broken_pipe = closed  # type: ignore[method-assign]
    return console


def to_rich(doc: Doc) -> RenderableType:
    """A description as Rich renderables: tables with boxes, bold titles, cards in panels."""
    from rich.console import Group

    parts = [_rich(part) for part in doc]
    return parts[0] if len(parts) == 1 else Group(*parts)


def _text(cell: Cell) -> Any:
    """A cell as Rich text, never read as markup."""
    from rich.text import Text

    return Text(cell.text, style=cell.style) if isinstance(cell, Styled) else Text(cell)


def _rich(part: Part) -> RenderableType:
    from rich.text import Text

    if isinstance(part, Line):
        # A whole line is left for the terminal to wrap, so an address stays one address to click.
        text = Text(no_wrap=True, overflow="ignore") if part.whole else Text()
        for piece in part.pieces:
            text.append(piece.text, style=piece.style)
        return text
    if isinstance(part, Table):
        table = _rich_table(part.title, *part.columns)
        table.show_header = part.header
        for column, width in part.min_widths:
            table.columns[column].min_width = width
        for i, row in enumerate(part.rows):
            if i == part.section:
                table.add_section()
            table.add_row(*(_text(cell) for cell in row))
        return table
    if isinstance(part, Facts):
        return _rich_facts(part)
    if isinstance(part, Card):
        return _rich_card(part)
    return _Chart(part.rows)


@cache
def _table_class() -> type[RichTable]:
    """Rich's Table, with a title that wraps to the width it is given, not to the table's own (narrower) width."""
    from rich.segment import Segment
    from rich.style import Style
    from rich.table import Table as RichTable
    from rich.text import Text

    class TitledTable(RichTable):
        def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
            title, self.title = self.title, None
            try:
                body = [s for s in super().__rich_console__(console, options) if isinstance(s, Segment)]
            finally:
                self.title = title
            if title:
                first_line = next(iter(Segment.split_lines(body)), [])
                table_width = Segment.get_line_length(first_line)
                if isinstance(title, Text):
                    text = title.copy()
                else:  # a title is text, never markup
                    text = Text(title, style=Style.pick_first(self.title_style, "table.title"))
                if text.cell_len <= table_width:
                    yield from console.render(text, options.update(width=table_width, justify=self.title_justify))
                else:
                    yield text  # wider than the table: wrapped at the width the table was given
            yield from body

    return TitledTable


def _rich_table(title: str | None, *columns: str) -> RichTable:
    from rich import box
    from rich.text import Text

    table = _table_class()(
        title=None if title is None else Text(title, style="bold"),
        title_justify="center",
        title_style="bold",
        box=box.ROUNDED,
        show_edge=True,
        header_style="bold",
        pad_edge=True,
    )
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _rich_facts(part: Facts) -> RenderableType:
    """Facts as a hanging list, each with its first source under it."""
    from rich.console import Group
    from rich.table import Table as RichTable
    from rich.text import Text

    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for fact, spoils, source in part.facts:
        body = Text(fact)
        if spoils:
            body.append(f" [spoils {spoils}]", style="yellow")
        body.append(f"\nsource: {source}", style="dim")
        grid.add_row(Text("-"), body)
    return Group(Text("Facts", style="bold"), grid)


def _rich_card(part: Card) -> RenderableType:
    from rich import box
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table as RichTable
    from rich.text import Text

    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, items in part.fields:
        if items:
            grid.add_row(Text(label), Text("\n".join(item.replace("\n", " ") for item in items)))
    body = Group(grid, *(_rich(extra) for extra in part.extra))
    return Panel(body, title=Text(part.title), title_align="left", box=box.ROUNDED)


class _Chart:
    """A compact chart: one row per work in story order, a mark under the year it came out.

    It sizes itself to the width it is given, so the year columns survive a narrow terminal.
    """

    def __init__(self, rows: list[TimelineRow]) -> None:
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        # A fixed grid of one-character marks: plain lines of text, far cheaper than a Table.
        years = _years(self.rows)
        number_width = len(str(len(self.rows)))
        name_width = max(6, min(34, options.max_width - number_width - 2 - 5 * (len(years) + 1)))
        yield Text(CHART_TITLE, style="italic", justify="center", end="\n")
        label = "Story order"[:name_width]
        header = Text(f"{'#':>{number_width}}  {label:<{name_width}}", style="bold")
        header.append("".join(f"  {c:^3}" for c in _year_labels(years)), style="bold")
        yield header
        for i, (row, name) in enumerate(zip(self.rows, _labels(self.rows, name_width), strict=True), 1):
            released = int(row["released"][:4]) if row["released"] else None
            line = Text(f"{i:>{number_width}}  {name:<{name_width}}")
            for year in years:
                line.append("   ")
                line.append("●" if released == year else "·", style="bold red" if released == year else "dim")
                line.append(" ")
            line.append("   ")
            line.append("·" if released else "?", style="dim" if released else "yellow")
            yield line


# The views: answers (plain data, see answers.py) to descriptions.


SOURCES_SHOWN = 3
"""How many sources a reply lists; --json has them all."""


def ask(answer: Answer) -> Doc:
    """A reply first, then the records and sources it rests on, and the command that shows more."""
    doc: Doc = [line(answer["reply"], "bold")]
    if answer["records"]:
        doc.append(line("Records: " + "; ".join(f"{_name(r)} ({r['kind']})" for r in answer["records"])))
    sources = answer["sources"]
    if sources:
        doc.append(line("Sources:" if len(sources) > 1 else "Source:"))
    doc.extend(Line((Styled(source, ""),), whole=True) for source in sources[:SOURCES_SHOWN])
    if len(sources) > SOURCES_SHOWN:
        more = len(sources) - SOURCES_SHOWN
        doc.append(line(f"(and {more} more source{'s' if more > 1 else ''}: --json lists them all)"))
    if answer["command"]:
        doc.append(line(f"same as: {answer['command']}", "dim"))
    return doc


def who_plays(answer: WhoPlaysAnswer | RolesAnswer) -> Doc:
    """Actor per work for one character."""
    if answer["answer"] == "roles":
        return roles(answer)
    character = answer["character"]["name"]
    if not answer["credits"]:
        where = f" in {_name(answer['film'])}" if answer.get("film") else ""
        return [line(f"{character} has no credited actor{where}.")]
    rows: list[tuple[Cell, ...]] = [
        (_name(credit["work"]), credit["person"]["name"] + _note(credit)) for credit in answer["credits"]
    ]
    return [Table(f"Who plays {character}", ("Work", "Actor"), rows)]


def roles(answer: RolesAnswer) -> Doc:
    """A person's roles and jobs."""
    person = answer["person"]["name"]
    doc: Doc = []
    if answer["credits"]:
        rows: list[tuple[Cell, ...]] = [
            (_name(c["work"]), c["character"]["name"] + _note(c)) for c in answer["credits"]
        ]
        doc.append(Table(f"{person}: roles", ("Work", "Character"), rows))
    if answer["crew"]:
        jobs: list[tuple[Cell, ...]] = [(_name(j["work"]), j["job"] + _note(j)) for j in answer["crew"]]
        doc.append(Table(f"{person}: behind the camera", ("Work", "Job"), jobs))
    return doc or [line(f"{person} has no credits in this knowledge file.")]


def about(answer: AboutAnswer) -> Doc:
    """Version, knowledge file and counts."""
    rows: list[tuple[Cell, ...]] = [
        ("Franchise", answer["franchise"]),
        ("Knowledge file", answer["data_file"]),
        ("Data as of", answer["data_as_of"] or "unknown"),
    ]
    rows += [(kind.capitalize(), str(count)) for kind, count in answer["counts"].items()]
    return [Table(f"wick {answer['version']}", ("", ""), rows, header=False)]


def _name(ref: Ref | None) -> str:
    if not ref:
        return ""
    if ref.get("year"):
        return titled(ref["name"], ref["year"])
    status = ref.get("status")
    return f"{ref['name']} ({status.replace('-', ' ')})" if status and status != "released" else str(ref["name"])


def _note(credit: CreditAnswer | CrewAnswer) -> str:
    return f" ({credit['note']})" if credit.get("note") else ""


def _when(release: ReleaseAnswer | None, today: dt.date) -> str:
    if not release:
        return "no date announced"
    return f"{release['date']} ({relative(dt.date.fromisoformat(release['date']), today)})"


def release_date(answer: ReleaseDatesAnswer | ReleaseDateAnswer) -> Doc:
    """One work's dates, or every work's first date."""
    today = dt.date.fromisoformat(answer["today"])
    if answer["answer"] == "release-dates":
        rows: list[tuple[Cell, ...]] = []
        for row in answer["works"]:
            release = row["release"]
            when = relative(dt.date.fromisoformat(release["date"]), today) if release else ""
            if row["upcoming"]:
                when = f"upcoming, {when}" if release else f"upcoming ({row['status']})"
            where = f"{release['region']} {release['medium']}" if release else ""
            rows.append((row["work"]["name"], release["date"] if release else "no date", where, when))
        return [Table("Release dates", ("Work", "Date", "Where", "When"), rows)]
    work = answer["work"]
    doc: Doc = [line(f"{_name(work)}: {_when(answer['release'], today)}", "bold")]
    if answer["releases"]:
        dates: list[tuple[Cell, ...]] = [(r["date"], r["region"], r["medium"], _remark(r)) for r in answer["releases"]]
        doc.append(Table(None, ("Date", "Region", "Medium", "Note"), dates))
    else:
        doc.append(line(f"Status: {work['status']}; no release date has been announced."))
    for change in answer["earlier_dates"]:
        reason = f": {change['reason']}" if change["reason"] else ""
        doc.append(line(f"Earlier announced for {change['date']}{reason}"))
    if answer["streaming"]:
        doc.append(line(f"Streams on: {', '.join(answer['streaming'])}"))
    return doc


def timeline(answer: TimelineAnswer) -> Doc:
    """Works in story or release order, then those of unknown place, then a chart of story order against years."""
    rows: list[tuple[Cell, ...]] = [
        (str(i), _name(row["work"]), row["set"] or "unknown", _released(row))
        for i, row in enumerate(answer["works"], 1)
    ]
    section = None
    if answer["unplaced"]:
        section = len(rows)
        rows.append(("", Styled(UNPLACED[answer["order"]], "italic"), "", ""))
        rows += [("", _name(row["work"]), row["set"] or "unknown", _released(row)) for row in answer["unplaced"]]
    table = Table(
        f"Timeline in {answer['order']} order",
        ("#", "Work", "Set", "Released"),
        rows,
        section=section,
        min_widths=((3, 10),),
    )
    if answer["order"] != "story":
        return [table]
    return [table, line(""), Chart(answer["works"])]


def cast(answer: CastAnswer) -> Doc:
    """The cast of one work."""
    if not answer["credits"]:
        return [line(f"No cast is recorded for {_name(answer['work'])}.")]
    rows: list[tuple[Cell, ...]] = [
        (credit["person"]["name"], credit["character"]["name"] + _note(credit)) for credit in answer["credits"]
    ]
    return [Table(f"Cast of {_name(answer['work'])}", ("Actor", "Character"), rows)]


def search(answer: SearchAnswer) -> Doc:
    """Ranked matches."""
    rows: list[tuple[Cell, ...]] = [
        (f"{m['score']:.0f}", m["kind"], _name(m), m["matched"] if m["matched"] != m["name"] else "")
        for m in answer["matches"]
    ]
    return [Table(f"Matches for {quoted(answer['query'])}", ("Score", "Kind", "Name", "Matched"), rows)]


def _facts(card: dict[str, Any]) -> list[Part]:
    """A record's facts, each with its first source."""
    if not card["facts"]:
        return []
    facts = [(f["text"], f["spoils"], f["sources"][0] if f["sources"] else "none") for f in card["facts"]]
    return [Facts(facts)]


def _shorten(name: str, width: int) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def _cut_middle(name: str, width: int) -> list[str]:
    """A long name with its middle left out, keeping less of the start each time: 'John …2', 'Joh…r 2'."""
    if len(name) <= width or width < 3:
        return []
    return [name[:keep] + "…" + name[len(name) - (width - 1 - keep) :] for keep in range(width - 2, 0, -1)]


def _labels(rows: list[TimelineRow], width: int) -> list[str]:
    """A label of at most `width` characters per row, distinct where the names allow.

    Each row shows its title or one of its aliases, whole if it fits, else cut short at the end:
    the first of these (title first, then aliases in file order) that no other row could show.
    Rows left with the same label show their titles with the middle left out instead, where that
    tells them apart; rows nothing tells apart show the same label.
    """
    candidates = []
    for row in rows:
        names = [row["work"]["name"], *row.get("aliases", ())]
        whole = [n for n in names if len(n) <= width]
        candidates.append(list(dict.fromkeys([*whole, *(_shorten(n, width) for n in names)])))
    shown_by = Counter(c for own in candidates for c in own)
    labels = [next((c for c in own if shown_by[c] == 1), own[0]) for own in candidates]
    repeated = Counter(labels)
    middles = {i: _cut_middle(row["work"]["name"], width) for i, row in enumerate(rows) if repeated[labels[i]] > 1}
    middle_shown_by = Counter(c for cuts in middles.values() for c in dict.fromkeys(cuts))
    for i, cuts in middles.items():
        labels[i] = next((c for c in cuts if middle_shown_by[c] == 1 and c not in repeated), labels[i])
    return labels


UNPLACED = {"story": "place in the story not yet known", "release": "release date not yet known"}


def _released(row: TimelineRow) -> str:
    return row["released"] or str(row["status"]).replace("-", " ")


def _extras(*parts: str | None) -> str:
    shown = [p for p in parts if p]
    return f" ({'; '.join(shown)})" if shown else ""


def _remark(release: ReleaseAnswer) -> str:
    """Where and on what a release happened, then its note: 'at Cineworld Leicester Square; world premiere'."""
    parts = [
        f"on {release['service']}" if release["service"] else "",
        f"at {release['venue']}" if release["venue"] else "",
    ]
    return "; ".join(p for p in (*parts, release["note"] or "") if p)


def _release_line(release: ReleaseAnswer) -> str:
    remark = _remark(release)
    return f"{release['date']} {release['region']}, {release['medium'].replace('-', ' ')}" + (
        f" ({remark})" if remark else ""
    )


def _certificate(certificate: dict[str, Any]) -> str:
    body = f" ({certificate['body']})" if certificate["body"] else ""
    reason = f", {certificate['reason']}" if certificate["reason"] else ""
    return f"{certificate['rating']} in {certificate['region']}{body}{reason}"


def _budget(budget: dict[str, Any] | None) -> str:
    if not budget:
        return ""
    return money(budget["amount"], budget["currency"], budget["up_to"]) + _extras(budget["note"])


_MEASURES = {"opening-weekend": "opening weekend", "domestic": "domestic", "international": "international"}


def _gross(gross: dict[str, Any]) -> str:
    label = _MEASURES.get(gross["measure"], gross["measure"])
    region = f", {gross['region']}" if gross["region"] else ""
    reported = f"reported {gross['as_of']}" if gross["as_of"] else None
    return f"{label}{region}: {money(gross['amount'], gross['currency'])}" + _extras(reported, gross["note"])


def _score(score: dict[str, Any]) -> str:
    reported = f"as of {score['as_of']}" if score["as_of"] else None
    return f"{score['by']}: {score['score']}" + _extras(reported, score["note"])


def _filming(filming: dict[str, Any] | None) -> list[str]:
    if not filming:
        return []
    start, end = filming["start"], filming["end"]
    when = f"{start} to {end}" if start and end else f"from {start}" if start else f"until {end}" if end else ""
    return _items(when, ", ".join(filming["locations"]), filming["note"])


def _items(*values: str | None) -> list[str]:
    """A field's items, the empty ones left out."""
    return [value for value in values if value]


def _work_card(card: dict[str, Any]) -> Card:
    crew = [f"{job}: {', '.join(p['name'] + _note(p) for p in people)}" for job, people in card["crew"].items()]
    release = card["release"]
    episodes = [f"{e['number']}. {e['title']}" + (f", {e['date']}" if e["date"] else "") for e in card["episode_list"]]
    rows = [
        ("Kind", [f"{card['type']}, {card['status']}"]),
        ("Also called", _items(", ".join(card["aliases"]))),
        ("Released", [f"{release['date']} ({release['region']}, {release['medium']})" if release else "not announced"]),
        ("Releases", [_release_line(r) for r in card["releases"]] if len(card["releases"]) > 1 else []),
        ("Earlier dates", _items(", ".join(c["date"] for c in card["earlier_dates"]))),
        ("Runtime", _items(f"{card['runtime']} min" if card["runtime"] else "")),
        ("Rated", [_certificate(c) for c in card["certificates"]]),
        ("Episodes", episodes or _items(str(card["episodes"] or ""))),
        ("Set", _items(card["set"])),
        ("Synopsis", _items(card["synopsis"])),
        ("Crew", crew),
        ("Studios", _items(", ".join(card["studios"]))),
        ("Distributor", _items(", ".join(card["distributors"]))),
        ("Streams on", _items(", ".join(card["streaming"]))),
        ("Trailers", [f"{t['date']} {t['label']}" for t in card["trailers"]]),
        ("Filming", _filming(card["filming"])),
        ("Budget", _items(_budget(card["budget"]))),
        ("Box office", [_gross(g) for g in card["box_office"]]),
        ("Reception", [_score(x) for x in card["reception"]]),
        ("Sequel", _items(card["sequel"])),
    ]
    extra: list[Part] = []
    if card["cast"]:
        cast_rows: list[tuple[Cell, ...]] = [
            (c["person"]["name"], c["character"]["name"] + _note(c)) for c in card["cast"]
        ]
        extra.append(Table(None, ("Actor", "Character"), cast_rows))
    return Card(_name(typing.cast("Ref", card)), rows, [*extra, *_facts(card)])  # a card is a ref


def _character_card(card: dict[str, Any]) -> Card:
    rows = [
        ("Kind", ["character"]),
        ("Also called", _items(", ".join(card["aliases"]))),
        ("About", _items(card["description"])),
        ("Played by", [f"{c['person']['name']}{_note(c)} in {_name(c['work'])}" for c in card["credits"]]),
    ]
    return Card(card["name"], rows, _facts(card))


def _person_card(card: dict[str, Any]) -> Card:
    rows = [
        ("Kind", ["person"]),
        ("Also called", _items(", ".join(card["aliases"]))),
        ("Born", _items(card["born"])),
        ("Died", _items(card["died"])),
        ("Roles", [f"{c['character']['name']}{_note(c)} in {_name(c['work'])}" for c in card["credits"]]),
        ("Crew", [f"{j['job']}{_note(j)} on {_name(j['work'])}" for j in card["crew"]]),
    ]
    return Card(card["name"], rows, _facts(card))


def info(answer: Answer) -> Doc:
    """One card per record the name means."""
    cards = {"work": _work_card, "character": _character_card, "person": _person_card}
    return [cards[card["kind"]](card) for card in answer["cards"]]


def count(n: int, noun: str) -> str:
    """A number with its noun: '1 question', '2 questions'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def ago(day: dt.date, today: dt.date) -> str:
    """How long ago a day was: 'today', 'yesterday', '2 days ago', '3 weeks ago'."""
    return "yesterday" if (today - day).days == 1 else relative(day, today)


def stats(answer: Answer) -> Doc:
    """Quiz progress, in words."""
    if not answer["rounds"]:
        return [line("No quiz rounds yet: try wick quiz.")]
    rows: list[tuple[Cell, ...]] = [("Rounds played", str(answer["rounds"]))]
    if answer["last_played"]:
        played = dt.datetime.fromisoformat(answer["last_played"]).date()
        rows.append(("Last played", ago(played, dt.date.fromisoformat(answer["today"]))))
    share = f" ({round(100 * answer['recall'])}%)" if answer["recall"] is not None else ""
    rows.append(("Recall rate", f"{answer['right']} of {count(answer['asked'], 'answer')} right{share}"))
    rows += [
        (f"Best {category} round", f"{best['right']}/{best['asked']}") for category, best in answer["best"].items()
    ]
    due = answer["due"]
    rows.append(("Due for review", f"{count(due['today'], 'question')} today, {due['week']} this week"))
    rows.append(("Questions seen", str(answer["cards"])))
    return [Table(f"Quiz progress: {answer['franchise']}", ("", ""), rows, header=False)]


# The quiz: Rich renderables, with plain text (no styles, no boxes) where ``plain``.


def question_panel(number: int, total: int, question: Question, plain: bool) -> RenderableType:
    """A quiz question as a person sees it."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    from .quiz import labels

    body = Text(question.prompt, style="" if plain else "bold")
    for label, option in zip(labels(question), question.options, strict=False):
        body.append(f"\n  {label}) ")
        body.append(option)
    title = f"Question {number}/{total} · {question.category} · {question.difficulty}"
    if plain:
        return Group(Text(title), body)
    return Panel(body, title=Text(title), title_align="left")


def feedback(question: Question, result: Grade, plain: bool) -> RenderableType:
    """What a person is told after answering: right or wrong, how the answer was read, the source."""
    from rich.console import Group
    from rich.text import Text

    if result.correct:
        text = Text("Right!", style="" if plain else "bold green")
        if result.hints:
            text.append(f" ({count(result.hints, 'hint')}: {result.points:g} points)")
    else:
        text = Text("Wrong.", style="" if plain else "bold red")
    if result.read_as:
        text.append(f" Read {result.given.strip()!r} as {result.read_as}.")
    if not result.correct:
        text.append(f" The answer is {question.answer}.")
    if question.sources:
        text.append(f"\nSource: {question.sources[0]}", style="" if plain else "dim")
    return Group(text, Text())


def hint_line(hint: str | None, plain: bool) -> RenderableType:
    """A hint, or that there are no more."""
    from rich.text import Text

    return Text(f"Hint: {hint}" if hint else "No more hints.", style="" if plain else "yellow")


SCORE_COLUMNS = ("#", "Question", "Your answer", "Right answer", "Result")


def _score_rows(summary: Answer) -> tuple[list[tuple[str, ...]], str]:
    """Each question asked: number, prompt, the answer as given and read, the right answer, result; and the total."""
    rows: list[tuple[str, ...]] = []
    for number, q in enumerate(summary["questions"], 1):
        given = q["given"] + (f" ({q['read_as']})" if q["read_as"] else "")
        result = ("right" if q["points"] == 1 else f"right ({q['points']:g})") if q["correct"] else "wrong"
        rows.append((str(number), q["prompt"], given or "-", q["answer"], result))
    return rows, f"{summary['points']:g}/{len(summary['questions'])}"


def score_doc(summary: Answer) -> Doc:
    """The score in a pipe: a table whose last row is the total."""
    rows, total = _score_rows(summary)
    return [Table(f"Score: {total}", SCORE_COLUMNS, [*rows, ("", "Total", "", "", total)])]


def score_table(summary: Answer) -> RenderableType:
    """The score on a terminal: question, your answer, right answer and result, with the total."""
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

    rows, total = _score_rows(summary)
    table = RichTable(title=f"Score: {total}", box=box.ROUNDED, show_footer=True)
    for column, footer in zip(SCORE_COLUMNS, ("", "Total", "", "", total), strict=True):
        table.add_column(column, overflow="fold", footer=footer)
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table


def closing_lines(summary: Answer, replayable: bool = True) -> list[str]:
    """What is said after the table: a short round, and the seed to replay it (a review has none that would)."""
    lines = []
    if summary["asked"] < summary["planned"]:
        lines.append(f"Round ended after {summary['asked']} of {count(summary['planned'], 'question')}.")
    if replayable:
        lines.append(f"Seed {summary['seed']}: replay this round with --seed {summary['seed']}.")
    return lines
