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
_ALIAS = "!wick/alias"
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
    warnings: list[Problem] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)
    aliased: bool = False
    ids: dict[str, tuple[str, int]] = field(default_factory=dict)
    refs: list[tuple[tuple[str, ...], str, yaml.Node, str]] = field(default_factory=list)

    def fail(self, node: yaml.Node, where: str, message: str) -> Any:
        mark = node.start_mark
        self.problems.append(Problem(mark.line + 1, mark.column + 1, where, message))
        return INVALID

    def warn(self, node: yaml.Node, where: str, message: str) -> None:
        """Record something the format allows but that is probably not meant."""
        mark = node.start_mark
        self.warnings.append(Problem(mark.line + 1, mark.column + 1, where, message))


Conv = Callable[[yaml.Node, str, _Ctx], Any]
Check = Callable[[dict[str, Any], dict[str, yaml.Node], str, _Ctx], bool]
"""A rule across the keys of one mapping: values, their nodes, the mapping's path; False if it failed."""


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == _NULL:
        return "nothing"
    return repr(node.value) if node.tag == _STR else node.value  # numbers, dates and booleans as written


class _Alias(yaml.ScalarNode):
    """An alias (*name) left as a node at its own place, so a problem with it points at that line."""

    def __init__(self, event: yaml.AliasEvent, anchored: yaml.Node) -> None:
        # The stubs let an event's mark come from libyaml; this one comes from the pure-Python parser.
        super().__init__(_ALIAS, event.anchor, event.start_mark, event.end_mark)  # type: ignore[arg-type]
        self.anchored = anchored


class _AliasLoader(yaml.SafeLoader):
    """Compose without resolving aliases: each one becomes an _Alias, nothing is expanded."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event: yaml.AliasEvent = self.get_event()  # type: ignore[no-untyped-call]
            # Used only after the fast loader composed the file, so every alias has its anchor.
            return _Alias(event, self.anchors[event.anchor])
        return super().compose_node(parent, index)


def _enter(node: yaml.Node, where: str, ctx: _Ctx) -> bool:
    """Refuse anchors/aliases and custom tags before looking at a node."""
    if isinstance(node, _Alias):
        ctx.fail(
            node,
            where,
            f"repeats the value anchored at line {node.anchored.start_mark.line + 1} (*{node.value}); "
            "YAML aliases are not supported, write the value out",
        )
        return False
    if id(node) in ctx.seen:
        ctx.aliased = True  # reported again, at the alias's own line, by a second pass
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
    """How to read one mapping: its keys, which are required, any rule across keys, and what to build."""

    build: Callable[..., Any]
    keys: dict[str, Conv]
    required: frozenset[str] = frozenset()
    check: Check | None = None

    def __call__(self, node: yaml.Node, where: str, ctx: _Ctx) -> Any:
        if not _enter(node, where, ctx):
            return INVALID
        if not isinstance(node, yaml.MappingNode):
            return ctx.fail(node, where, f"expected a mapping, got {_describe(node)}")
        values: dict[str, Any] = {}
        nodes: dict[str, yaml.Node] = {}
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
                nodes[key] = value_node
                ok = ok and values[key] is not INVALID
        for key in sorted(self.required - {k for k, v in values.items() if v is not None}):
            ok = ctx.fail(node, where or "top level", f"missing required key {key!r}") and False
        if ok and self.check is not None:
            ok = self.check(values, nodes, where, ctx)
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


def _check_fact(values: dict[str, Any], nodes: dict[str, yaml.Node], where: str, ctx: _Ctx) -> bool:
    answer, choices = values.get("answer"), values.get("choices") or ()
    if answer is not None:
        for i, wrong in enumerate(choices):
            if wrong.casefold() == answer.casefold():
                ctx.fail(
                    nodes["choices"].value[i],
                    f"{where}.choices[{i}]",
                    f"{wrong!r} is the answer; choices are the wrong answers to offer",
                )
                return False
    if values.get("question") is not None and answer is None:
        ctx.warn(nodes["question"], where, "has a question but no answer, so the quiz never asks it")
    elif values.get("question") is not None and not choices:
        ctx.warn(
            nodes["question"],
            where,
            "has a question but no choices; multiple-choice rounds leave it out "
            "unless enough wrong answers are found elsewhere",
        )
    return True


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
    _check_fact,
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
        kind = ctx.ids.get(value, ("",))[0]
        if kind in allowed:
            continue
        wanted = " or ".join(allowed)
        hint = _suggest(value, [i for i, (k, _) in ctx.ids.items() if k in allowed], kind, wanted)
        if kind:
            ctx.fail(node, where, f"{value!r} is a {kind}, not a {wanted}{hint}")
        else:
            ctx.fail(node, where, f"no {wanted} with id {value!r}{hint}")


def _suggest(value: str, ids: list[str], kind: str, wanted: str) -> str:
    """Ids of the right kind to suggest: those close to the value, or for a record of another kind the first few."""
    from rapidfuzz import process, utils

    close = [m[0] for m in process.extract(value, ids, processor=utils.default_process, score_cutoff=70, limit=3)]
    if close:
        return f" (did you mean {' or '.join(repr(c) for c in close)}?)"
    if kind and ids:
        more = ", ..." if len(ids) > 3 else ""
        return f" ({wanted} ids: {', '.join(repr(i) for i in ids[:3])}{more})"
    return ""


def _colon_in_flow(message: str, lines: list[str], mark: yaml.Mark) -> bool:
    """Whether a flow mapping ({a: b}) broke on a second ': ' in one of its values."""
    if not message.startswith("did not find expected ','") or mark.line >= len(lines):
        return False
    item = re.split(r"[{,\[]", lines[mark.line][: mark.column + 1])[-1]
    return item.count(": ") + item.endswith(":") >= 2


def _syntax_problem(exc: yaml.MarkedYAMLError, source: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    message = exc.problem or exc.context or "invalid YAML"
    if mark is None:
        return Problem(None, None, "", f"YAML syntax error: {message}")
    lines = source.splitlines()
    here = lines[mark.line][mark.column : mark.column + 1] if mark.line < len(lines) else ""
    if here == "\t":
        message = "a tab character; YAML is indented with spaces"
    elif message.startswith("mapping values are not allowed") or _colon_in_flow(message, lines, mark):
        message = f"{message} (text that contains ': ' must be quoted)"
    elif exc.context and exc.context_mark and exc.problem_mark:
        message = f"{message} ({exc.context} that starts at line {exc.context_mark.line + 1})"
    return Problem(mark.line + 1, mark.column + 1, "", f"YAML syntax error: {message}")


def parse(data: bytes, path: str) -> Franchise:
    """Validate the bytes of a knowledge file and build the model; raise DataFileError."""
    return check(data, path)[0]


def check(data: bytes, path: str) -> tuple[Franchise, list[Problem]]:
    """Validate and build like parse, and also return the warnings: things allowed but probably not meant."""
    with paused_gc():
        return _parse(data, path)


def _parse(data: bytes, path: str) -> tuple[Franchise, list[Problem]]:
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
    if ctx.aliased:
        # Composed nodes forget where an alias was written: compose again, keeping each alias
        # in its place, so every problem points at the line a person has to change.
        ctx = _Ctx()
        values = FRANCHISE(yaml.compose(source, Loader=_AliasLoader) or root, "", ctx)
    if values is not INVALID and values.get("format", FORMAT_VERSION) != FORMAT_VERSION:
        ctx.fail(root, "format", f"format {values['format']} is not supported (expected {FORMAT_VERSION})")
    _check_refs(ctx)
    if ctx.problems:
        ctx.problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise DataFileError(path, ctx.problems)
    franchise = Franchise(
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
    return franchise, sorted(ctx.warnings, key=lambda p: (p.line or 0, p.column or 0))


def load(path: str) -> Franchise:
    """Load and validate a knowledge file."""
    return parse(read_bytes(path), path)


__all__ = ["INVALID", "check", "default_path", "load", "parse", "read_bytes"]
