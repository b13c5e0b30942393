"""Read a knowledge file: the only module that knows YAML.

The file is composed into YAML nodes (never constructed into arbitrary objects), then each node
is checked against the format and turned into model records. Every problem keeps the node's line
and column, and all problems of a file are reported together.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import DataFileError, Problem
from .files import default_path, paused_gc, read_bytes
from .model import (
    Budget,
    Certificate,
    Character,
    Credit,
    CrewCredit,
    DateChange,
    Episode,
    Fact,
    Filming,
    Franchise,
    Gross,
    Person,
    Release,
    Score,
    Sequel,
    StoryPlace,
    Trailer,
    Work,
)

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

FORMAT_VERSION = 1

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL, _DATE = (_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp"))
_SCALAR_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _DATE}
_ID = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_URL = re.compile(r"https?://\S+\Z")
_CURRENCY = re.compile(r"[A-Z]{3}\Z")

INVALID: Any = object()
"""Marks a value that failed validation; its problem is already recorded."""


@dataclass
class _Ctx:
    problems: list[Problem] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)
    ids: dict[str, tuple[str, int]] = field(default_factory=dict)
    refs: list[tuple[tuple[str, ...], str, yaml.Node, str]] = field(default_factory=list)

    def fail(self, node: yaml.Node, where: str, message: str) -> Any:
        mark = node.start_mark
        self.problems.append(Problem(mark.line + 1, mark.column + 1, where, message))
        return INVALID


Conv = Callable[[yaml.Node, str, _Ctx], Any]


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == _NULL:
        return "nothing"
    return repr(node.value) if node.tag == _STR else node.value  # numbers, dates and booleans as written


def _enter(node: yaml.Node, where: str, ctx: _Ctx) -> bool:
    """Refuse anchors/aliases and custom tags before looking at a node."""
    if id(node) in ctx.seen:
        line = node.start_mark.line + 1
        ctx.problems.append(
            Problem(
                line,
                node.start_mark.column + 1,
                where,
                f"repeats the value anchored at line {line}; "
                "YAML aliases (*name) are not supported, write the value out",
            )
        )
        return False
    ctx.seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        if node.tag not in _SCALAR_TAGS:
            ctx.fail(node, where, f"unsupported YAML tag {node.tag.replace(_TAG, '!!')}")
            return False
    elif node.tag not in (_TAG + "seq", _TAG + "map"):
        ctx.fail(node, where, f"unsupported YAML tag {node.tag.replace(_TAG, '!!')}")
        return False
    return True


def text(node: yaml.Node, where: str, ctx: _Ctx) -> Any:
    """Text; numbers are taken as written."""
    if not _enter(node, where, ctx):
        return INVALID
    if isinstance(node, yaml.ScalarNode) and node.tag in (_STR, _INT, _FLOAT):
        value = node.value.strip()
        if value:
            return value
        return ctx.fail(node, where, "expected text, got an empty string")
    return ctx.fail(node, where, f"expected text, got {_describe(node)}")


def integer(node: yaml.Node, where: str, ctx: _Ctx) -> Any:
    """A whole number of at least 0."""
    if not _enter(node, where, ctx):
        return INVALID
    if isinstance(node, yaml.ScalarNode) and node.tag == _INT:
        try:
            value = int(node.value.replace("_", ""), 10)
        except ValueError:
            value = -1
        if value >= 0:
            return value
    return ctx.fail(node, where, f"expected a whole number, got {_describe(node)}")


def date(node: yaml.Node, where: str, ctx: _Ctx) -> Any:
    """An ISO calendar date, quoted or not."""
    if not _enter(node, where, ctx):
        return INVALID
    if isinstance(node, yaml.ScalarNode) and node.tag in (_STR, _DATE) and _ISO_DATE.match(node.value):
        try:
            return dt.date.fromisoformat(node.value)
        except ValueError:
            return ctx.fail(node, where, f"{node.value} is not a real date")
    return ctx.fail(node, where, f"expected a date like 2025-06-06, got {_describe(node)}")


def url(node: yaml.Node, where: str, ctx: _Ctx) -> Any:
    """An http(s) URL."""
    value = text(node, where, ctx)
    if value is INVALID or _URL.match(value):
        return value
    return ctx.fail(node, where, f"expected an http(s) URL, got {value!r}")


def currency(node: yaml.Node, where: str, ctx: _Ctx) -> Any:
    """An ISO 4217 currency code: USD, EUR, GBP."""
    value = text(node, where, ctx)
    if value is INVALID or _CURRENCY.match(value):
        return value
    return ctx.fail(node, where, f"expected a currency code like USD, got {value!r}")


def choice(*allowed: str) -> Conv:
    """Text from a fixed vocabulary."""

    def convert(node: yaml.Node, where: str, ctx: _Ctx) -> Any:
        value = text(node, where, ctx)
        if value is INVALID or value in allowed:
            return value
        return ctx.fail(node, where, f"expected one of {', '.join(allowed)}; got {value!r}")

    return convert


def ident(kind: str) -> Conv:
    """The id of a record of this kind, unique in the whole file."""

    def convert(node: yaml.Node, where: str, ctx: _Ctx) -> Any:
        value = text(node, where, ctx)
        if value is INVALID:
            return value
        if not _ID.match(value):
            return ctx.fail(node, where, f"id {value!r} must be lower-case letters, digits and hyphens")
        if value in ctx.ids:
            return ctx.fail(node, where, f"duplicate id {value!r} (first used at line {ctx.ids[value][1]})")
        ctx.ids[value] = (kind, node.start_mark.line + 1)
        return value

    return convert


def ref(*kinds: str) -> Conv:
    """The id of another record, checked once the whole file is read."""

    def convert(node: yaml.Node, where: str, ctx: _Ctx) -> Any:
        value = text(node, where, ctx)
        if value is not INVALID:
            ctx.refs.append((kinds, value, node, where))
        return value

    return convert


def seq(item: Conv) -> Conv:
    """A list of items; a single value is not taken for a list of one."""

    def convert(node: yaml.Node, where: str, ctx: _Ctx) -> Any:
        if not _enter(node, where, ctx):
            return INVALID
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
            return ()
        if not isinstance(node, yaml.SequenceNode):
            return ctx.fail(node, where, f"expected a list, got {_describe(node)}")
        values = [item(child, f"{where}[{i}]", ctx) for i, child in enumerate(node.value)]
        if any(v is INVALID for v in values):
            return INVALID
        return tuple(values)

    return convert


@dataclass(frozen=True)
class Spec:
    """How to read one mapping: its keys, which are required, and what to build."""

    build: Callable[..., Any]
    keys: dict[str, Conv]
    required: frozenset[str] = frozenset()

    def __call__(self, node: yaml.Node, where: str, ctx: _Ctx) -> Any:
        if not _enter(node, where, ctx):
            return INVALID
        if not isinstance(node, yaml.MappingNode):
            return ctx.fail(node, where, f"expected a mapping, got {_describe(node)}")
        values: dict[str, Any] = {}
        ok = True
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None or key_node.tag != _STR:
                ok = ctx.fail(key_node, where, "keys must be plain names") and False
            elif key in values:
                ok = ctx.fail(key_node, _join(where, key), f"duplicate key {key!r}") and False
            elif key not in self.keys:
                ok = ctx.fail(key_node, _join(where, key), _unknown_key(key, self.keys)) and False
            elif isinstance(value_node, yaml.ScalarNode) and value_node.tag == _NULL:
                values[key] = None
                ctx.seen.add(id(value_node))
            else:
                values[key] = self.keys[key](value_node, _join(where, key), ctx)
                ok = ok and values[key] is not INVALID
        for key in sorted(self.required - {k for k, v in values.items() if v is not None}):
            ok = ctx.fail(node, where or "top level", f"missing required key {key!r}") and False
        if not ok:
            return INVALID
        return self.build(**{k: v for k, v in values.items() if v is not None})


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _unknown_key(key: str, known: dict[str, Conv]) -> str:
    from rapidfuzz import process

    best = process.extractOne(key, list(known), score_cutoff=80) if len(key) > 2 else None
    hint = f" (did you mean {best[0]!r}?)" if best else ""
    return f"unknown key {key!r}{hint}"


SOURCES = seq(url)
NAMES = seq(text)
WORK_KINDS = ("film", "series", "anime", "game", "other")
MEDIA = ("theatrical", "streaming", "premiere", "tv", "digital", "home-media")
BOX_OFFICE_MEASURES = ("opening-weekend", "domestic", "international", "worldwide")
WORK_STATUSES = (
    "released",
    "announced",
    "in-development",
    "pre-production",
    "filming",
    "post-production",
    "cancelled",
)

RELEASE = Spec(
    Release,
    {
        "date": date,
        "region": text,
        "medium": choice(*MEDIA),
        "status": choice("released", "scheduled"),
        "note": text,
        "venue": text,
        "service": text,
        "sources": SOURCES,
    },
    frozenset({"date", "region", "medium"}),
)
DATE_CHANGE = Spec(DateChange, {"date": date, "reason": text, "sources": SOURCES}, frozenset({"date"}))
CREW = Spec(
    CrewCredit, {"person": ref("person"), "job": text, "note": text, "sources": SOURCES}, frozenset({"person", "job"})
)
TRAILER = Spec(Trailer, {"date": date, "label": text, "sources": SOURCES}, frozenset({"date", "label"}))
SEQUEL = Spec(Sequel, {"status": text, "sources": SOURCES}, frozenset({"status"}))
STORY = Spec(StoryPlace, {"order": integer, "set": text})
BUDGET = Spec(
    Budget,
    {"amount": integer, "up_to": integer, "currency": currency, "note": text, "sources": SOURCES},
    frozenset({"amount"}),
)
GROSS = Spec(
    Gross,
    {
        "measure": choice(*BOX_OFFICE_MEASURES),
        "amount": integer,
        "region": text,
        "currency": currency,
        "as_of": date,
        "note": text,
        "sources": SOURCES,
    },
    frozenset({"measure", "amount"}),
)
SCORE = Spec(
    Score, {"by": text, "score": text, "as_of": date, "note": text, "sources": SOURCES}, frozenset({"by", "score"})
)
CERTIFICATE = Spec(
    Certificate,
    {"region": text, "rating": text, "body": text, "reason": text, "sources": SOURCES},
    frozenset({"region", "rating"}),
)
FILMING = Spec(Filming, {"start": date, "end": date, "locations": NAMES, "note": text, "sources": SOURCES})
EPISODE = Spec(
    Episode,
    {"number": integer, "title": text, "date": date, "note": text, "sources": SOURCES},
    frozenset({"number", "title"}),
)

WORK = Spec(
    Work,
    {
        "id": ident("work"),
        "title": text,
        "aliases": NAMES,
        "kind": choice(*WORK_KINDS),
        "status": choice(*WORK_STATUSES),
        "runtime": integer,
        "episodes": integer,
        "synopsis": text,
        "studios": NAMES,
        "distributors": NAMES,
        "streaming": NAMES,
        "story": STORY,
        "releases": seq(RELEASE),
        "release_history": seq(DATE_CHANGE),
        "crew": seq(CREW),
        "trailers": seq(TRAILER),
        "sequel": SEQUEL,
        "budget": BUDGET,
        "box_office": seq(GROSS),
        "reception": seq(SCORE),
        "certificates": seq(CERTIFICATE),
        "filming": FILMING,
        "episode_list": seq(EPISODE),
        "sources": SOURCES,
    },
    frozenset({"id", "title", "kind", "status"}),
)
PERSON = Spec(
    Person,
    {"id": ident("person"), "name": text, "aliases": NAMES, "born": date, "died": date, "sources": SOURCES},
    frozenset({"id", "name"}),
)
CHARACTER = Spec(
    Character,
    {"id": ident("character"), "name": text, "aliases": NAMES, "description": text, "sources": SOURCES},
    frozenset({"id", "name"}),
)
CREDIT = Spec(
    Credit,
    {
        "work": ref("work"),
        "character": ref("character"),
        "person": ref("person"),
        "billing": integer,
        "note": text,
        "sources": SOURCES,
    },
    frozenset({"work", "character", "person"}),
)
FACT = Spec(
    Fact,
    {
        "id": ident("fact"),
        "text": text,
        "about": seq(ref("work", "person", "character")),
        "spoils": ref("work"),
        "tags": NAMES,
        "question": text,
        "answer": text,
        "choices": NAMES,
        "accept": NAMES,
        "sources": SOURCES,
    },
    frozenset({"id", "text"}),
)


def _franchise(**values: Any) -> dict[str, Any]:
    return values


FRANCHISE = Spec(
    _franchise,
    {
        "format": integer,
        "franchise": text,
        "data_as_of": date,
        "works": seq(WORK),
        "people": seq(PERSON),
        "characters": seq(CHARACTER),
        "credits": seq(CREDIT),
        "facts": seq(FACT),
    },
    frozenset({"franchise", "works"}),
)


def _check_refs(ctx: _Ctx) -> None:
    for allowed, value, node, where in ctx.refs:
        if ctx.ids.get(value, ("",))[0] not in allowed:
            from rapidfuzz import process

            choices = [i for i, (k, _) in ctx.ids.items() if k in allowed]
            best = process.extractOne(value, choices, score_cutoff=70)
            hint = f" (did you mean {best[0]!r}?)" if best else ""
            ctx.fail(node, where, f"no {' or '.join(allowed)} with id {value!r}{hint}")


def _syntax_problem(exc: yaml.MarkedYAMLError, source: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    message = exc.problem or exc.context or "invalid YAML"
    if mark is None:
        return Problem(None, None, "", f"YAML syntax error: {message}")
    lines = source.splitlines()
    here = lines[mark.line][mark.column : mark.column + 1] if mark.line < len(lines) else ""
    if here == "\t":
        message = "a tab character; YAML is indented with spaces"
    elif exc.context and exc.context_mark and exc.problem_mark:
        message = f"{message} ({exc.context} that starts at line {exc.context_mark.line + 1})"
    return Problem(mark.line + 1, mark.column + 1, "", f"YAML syntax error: {message}")


def parse(data: bytes, path: str) -> Franchise:
    """Validate the bytes of a knowledge file and build the model; raise DataFileError."""
    with paused_gc():
        return _parse(data, path)


def _parse(data: bytes, path: str) -> Franchise:
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataFileError(path, [Problem(line, column, "", "not UTF-8 text")]) from None
    try:
        root = yaml.compose(source, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise DataFileError(path, [_syntax_problem(exc, source)]) from None
    except yaml.reader.ReaderError as exc:
        line = source.count("\n", 0, exc.position) + 1
        column = exc.position - (source.rfind("\n", 0, exc.position) + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        problem = f"control character U+{code:04X} is not allowed in a knowledge file"
        raise DataFileError(path, [Problem(line, column, "", problem)]) from None
    except yaml.YAMLError as exc:
        raise DataFileError(path, [Problem(None, None, "", f"YAML error: {exc}")]) from None
    if root is None:
        raise DataFileError(
            path, [Problem(None, None, "", "the file is empty; expected a mapping with 'franchise' and 'works'")]
        )
    ctx = _Ctx()
    values = FRANCHISE(root, "", ctx)
    if values is not INVALID and values.get("format", FORMAT_VERSION) != FORMAT_VERSION:
        ctx.fail(root, "format", f"format {values['format']} is not supported (expected {FORMAT_VERSION})")
    _check_refs(ctx)
    if ctx.problems:
        ctx.problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise DataFileError(path, ctx.problems)
    return Franchise(
        name=values["franchise"],
        data_as_of=values.get("data_as_of"),
        works=values.get("works", ()),
        people=values.get("people", ()),
        characters=values.get("characters", ()),
        credits=values.get("credits", ()),
        facts=values.get("facts", ()),
        format=values.get("format", FORMAT_VERSION),
        path=path,
    )


def load(path: str) -> Franchise:
    """Load and validate a knowledge file."""
    return parse(read_bytes(path), path)


__all__ = ["INVALID", "default_path", "load", "parse", "read_bytes"]
