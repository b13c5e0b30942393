"""Turn answers into Rich renderables. Never prints: the CLI decides where output goes."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from .answers import Answer, money, relative

if TYPE_CHECKING:
    from .quiz import Grade, Question


def new_console(**options: Any) -> Console:
    """A console for stdout; a reader that stops early (wick ... | head) raises BrokenPipeError.

    Rich's default exits with status 1 there; the CLI ends quietly with 0 instead.
    """
    console = Console(**options)

    def closed() -> None:
        raise BrokenPipeError

    console.on_broken_pipe = closed  # type: ignore[method-assign]
    return console


class _Table(Table):
    """A table whose title wraps to the width it is given, not to the table's own (narrower) width."""

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


def _table(title: str | None, plain: bool, *columns: str) -> Table:
    """A table that draws boxes on a terminal and plain aligned columns in a pipe."""
    table = _Table(
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


SOURCES_SHOWN = 3
"""How many sources a reply lists on a terminal; --json has them all."""


def ask(answer: Answer, plain: bool) -> RenderableType:
    """A reply first, then the records and sources it rests on, and the command that shows more."""
    lines = [Text(answer["reply"], style="" if plain else "bold")]
    if answer["records"]:
        lines.append(Text("Records: " + "; ".join(f"{_name(r)} ({r['kind']})" for r in answer["records"])))
    sources = answer["sources"]
    if sources:
        lines.append(Text("Sources:" if len(sources) > 1 else "Source:"))
    lines.extend(Text(source, overflow="fold") for source in sources[:SOURCES_SHOWN])  # an address on its own line
    if len(sources) > SOURCES_SHOWN:
        more = len(sources) - SOURCES_SHOWN
        lines.append(Text(f"(and {more} more source{'s' if more > 1 else ''}: --json lists them all)"))
    if answer["command"]:
        lines.append(Text(f"same as: {answer['command']}", style="" if plain else "dim"))
    return Group(*lines)


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


def _when(release: dict[str, Any] | None, today: dt.date) -> str:
    if not release:
        return "no date announced"
    return f"{release['date']} ({relative(dt.date.fromisoformat(release['date']), today)})"


def release_date(answer: Answer, plain: bool) -> RenderableType:
    """One work's dates, or every work's first date."""
    today = dt.date.fromisoformat(answer["today"])
    if answer["answer"] == "release-dates":
        table = _table("Release dates", plain, "Work", "Date", "Where", "When")
        for row in answer["works"]:
            release = row["release"]
            when = relative(dt.date.fromisoformat(release["date"]), today) if release else ""
            if row["upcoming"]:
                when = f"upcoming, {when}" if release else f"upcoming ({row['status']})"
            where = f"{release['region']} {release['medium']}" if release else ""
            _row(table, row["work"]["name"], release["date"] if release else "no date", where, when)
        return table
    work = answer["work"]
    lines = [Text(f"{_name(work)}: {_when(answer['release'], today)}", style="" if plain else "bold")]
    table = _table(None, plain, "Date", "Region", "Medium", "Note")
    for release in answer["releases"]:
        _row(table, release["date"], release["region"], release["medium"], _remark(release))
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


def _shorten(name: str, width: int) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def _cut_middle(name: str, width: int) -> list[str]:
    """A long name with its middle left out, keeping less of the start each time: 'John …2', 'Joh…r 2'."""
    if len(name) <= width or width < 3:
        return []
    return [name[:keep] + "…" + name[len(name) - (width - 1 - keep) :] for keep in range(width - 2, 0, -1)]


def _labels(rows: list[dict[str, Any]], width: int) -> list[str]:
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
        for i, (row, name) in enumerate(zip(self.rows, _labels(self.rows, name_width), strict=True), 1):
            released = int(row["released"][:4]) if row["released"] else None
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


UNPLACED = {"story": "place in the story not yet known", "release": "release date not yet known"}


def timeline(answer: Answer, plain: bool) -> RenderableType:
    """Works in story or release order, then those of unknown place, then a chart of story order against years."""
    table = _table(f"Timeline in {answer['order']} order", plain, "#", "Work", "Set", "Released")
    table.columns[3].min_width = 10
    for i, row in enumerate(answer["works"], 1):
        _row(table, str(i), _name(row["work"]), row["set"] or "unknown", _released(row))
    if answer["unplaced"]:
        table.add_section()
        _row(table, "", Text(UNPLACED[answer["order"]], style="" if plain else "italic"), "", "")
        for row in answer["unplaced"]:
            _row(table, "", _name(row["work"]), row["set"] or "unknown", _released(row))
    if answer["order"] != "story":
        return table
    return Group(table, Text(""), _Chart(answer["works"], plain))


def _released(row: dict[str, Any]) -> str:
    return row["released"] or str(row["status"]).replace("-", " ")


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


def _extras(*parts: str | None) -> str:
    shown = [p for p in parts if p]
    return f" ({'; '.join(shown)})" if shown else ""


def _remark(release: dict[str, Any]) -> str:
    """Where and on what a release happened, then its note: 'at Cineworld Leicester Square; world premiere'."""
    parts = [
        f"on {release['service']}" if release["service"] else "",
        f"at {release['venue']}" if release["venue"] else "",
    ]
    return "; ".join(p for p in (*parts, release["note"] or "") if p)


def _release_line(release: dict[str, Any]) -> str:
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


def _filming(filming: dict[str, Any] | None) -> str:
    if not filming:
        return ""
    start, end = filming["start"], filming["end"]
    when = f"{start} to {end}" if start and end else f"from {start}" if start else f"until {end}" if end else ""
    lines = [when, ", ".join(filming["locations"]), filming["note"] or ""]
    return "\n".join(line for line in lines if line)


def _work_card(card: dict[str, Any], plain: bool) -> RenderableType:
    crew = "\n".join(
        f"{job}: {', '.join(p['name'] + _note(p) for p in people)}" for job, people in card["crew"].items()
    )
    release = card["release"]
    episodes = "\n".join(
        f"{e['number']}. {e['title']}" + (f", {e['date']}" if e["date"] else "") for e in card["episode_list"]
    )
    rows = [
        ("Kind", f"{card['type']}, {card['status']}"),
        ("Also called", ", ".join(card["aliases"])),
        ("Released", f"{release['date']} ({release['region']}, {release['medium']})" if release else "not announced"),
        ("Releases", "\n".join(_release_line(r) for r in card["releases"]) if len(card["releases"]) > 1 else ""),
        ("Earlier dates", ", ".join(c["date"] for c in card["earlier_dates"])),
        ("Runtime", f"{card['runtime']} min" if card["runtime"] else ""),
        ("Rated", "\n".join(_certificate(c) for c in card["certificates"])),
        ("Episodes", episodes or str(card["episodes"] or "")),
        ("Set", card["set"] or ""),
        ("Synopsis", card["synopsis"] or ""),
        ("Crew", crew),
        ("Studios", ", ".join(card["studios"])),
        ("Distributor", ", ".join(card["distributors"])),
        ("Streams on", ", ".join(card["streaming"])),
        ("Filming", _filming(card["filming"])),
        ("Budget", _budget(card["budget"])),
        ("Box office", "\n".join(_gross(g) for g in card["box_office"])),
        ("Reception", "\n".join(_score(x) for x in card["reception"])),
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


def count(n: int, noun: str) -> str:
    """A number with its noun: '1 question', '2 questions'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def ago(day: dt.date, today: dt.date) -> str:
    """How long ago a day was: 'today', 'yesterday', '2 days ago', '3 weeks ago'."""
    return "yesterday" if (today - day).days == 1 else relative(day, today)


def stats(answer: Answer, plain: bool) -> RenderableType:
    """Quiz progress, in words."""
    if not answer["rounds"]:
        return Text("No quiz rounds yet: try wick quiz.")
    table = _table(f"Quiz progress: {answer['franchise']}", plain, "", "")
    table.show_header = False
    _row(table, "Rounds played", str(answer["rounds"]))
    if answer["last_played"]:
        played = dt.datetime.fromisoformat(answer["last_played"]).date()
        _row(table, "Last played", ago(played, dt.date.fromisoformat(answer["today"])))
    share = f" ({round(100 * answer['recall'])}%)" if answer["recall"] is not None else ""
    _row(table, "Recall rate", f"{answer['right']} of {count(answer['asked'], 'answer')} right{share}")
    for category, best in answer["best"].items():
        _row(table, f"Best {category} round", f"{best['right']}/{best['asked']}")
    due = answer["due"]
    _row(table, "Due for review", f"{count(due['today'], 'question')} today, {due['week']} this week")
    _row(table, "Questions seen", str(answer["cards"]))
    return table


def question_panel(number: int, total: int, question: Question, plain: bool) -> RenderableType:
    """A quiz question as a person sees it."""
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
    return Text(f"Hint: {hint}" if hint else "No more hints.", style="" if plain else "yellow")


def score_table(summary: Answer, plain: bool) -> RenderableType:
    """Question, your answer, right answer and result, with the total."""
    asked = summary["questions"]
    total = f"{summary['points']:g}/{len(asked)}"
    table = Table(
        title=None if plain else f"Score: {total}",
        box=None if plain else box.ROUNDED,
        show_edge=not plain,
        show_footer=True,
    )
    table.add_column("#", footer="")
    table.add_column("Question", overflow="fold", footer="Total")
    table.add_column("Your answer", overflow="fold", footer="")
    table.add_column("Right answer", overflow="fold", footer="")
    table.add_column("Result", footer=total)
    for number, q in enumerate(asked, 1):
        given = q["given"] + (f" ({q['read_as']})" if q["read_as"] else "")
        result = ("right" if q["points"] == 1 else f"right ({q['points']:g})") if q["correct"] else "wrong"
        _row(table, Text(str(number)), Text(q["prompt"]), Text(given or "-"), Text(q["answer"]), Text(result))
    return table


def closing_lines(summary: Answer) -> list[str]:
    """What is said after the table: a short round and the seed to replay."""
    lines = []
    if summary["asked"] < summary["planned"]:
        lines.append(f"Round ended after {summary['asked']} of {count(summary['planned'], 'question')}.")
    lines.append(f"Seed {summary['seed']}: replay this round with --seed {summary['seed']}.")
    return lines
