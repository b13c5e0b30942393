"""Read a knowledge file: the only module that knows YAML.

The file is read in one pass over the YAML parser's events (never composed into a tree of nodes,
never constructed into arbitrary objects): each value is checked against the format and turned
into model records as it comes, so a large file costs little more memory than its records. Every
problem keeps the line and column of the event it was found at, and all problems of a file are
reported together.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

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
_TEXT_TAGS = {_STR, _INT, _FLOAT}
_ID = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_URL = re.compile(r"https?://\S+\Z")
_CURRENCY = re.compile(r"[A-Z]{3}\Z")

INVALID: Any = object()
"""Marks a value that failed validation; its problem is already recorded."""

Where = str | tuple[Any, str | int]
"""A place in the document, kept as (parent, key or index) and made text only for a message."""
Event = Any
"""A parser event; the code looks at its class before its fields (the stubs give every mark as optional)."""
Mark = Any
Next = Callable[[], Event]
"""The parser's next event: the model is built from one pass over them, never from a tree of nodes."""
_SCALAR, _ALIAS_EVENT = yaml.ScalarEvent, yaml.AliasEvent
_MAP_START, _SEQ_START = yaml.MappingStartEvent, yaml.SequenceStartEvent
_STARTS = (_MAP_START, _SEQ_START)
_MAP_END = yaml.MappingEndEvent
_ENDS = (_MAP_END, yaml.SequenceEndEvent)
_TICK = 4096
"""Report progress every this many items of the top-level lists."""


class _Compose(Exception):
    """Something only YAML's composer reports (an undefined alias, a second document): compose to get its message."""


class Place(NamedTuple):
    """Where a value of a mapping was written, and where each of its items was when it is a list."""

    mark: Mark
    items: list[Mark]


@dataclass
class _Ctx:
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    ids: dict[str, tuple[str, int]] = field(default_factory=dict)
    refs: list[tuple[tuple[str, ...], str, Mark, Where]] = field(default_factory=list)
    anchors: dict[str, int] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)
    urls: set[str] = field(default_factory=set)
    items: list[Mark] | None = None
    progress: Callable[[int], object] | None = None
    resolver: yaml.resolver.BaseResolver = field(default_factory=yaml.resolver.Resolver)
    resolvable: frozenset[str] = field(
        default_factory=lambda: frozenset(yaml.resolver.Resolver.yaml_implicit_resolvers)
    )
    """The first letters of plain scalars that YAML's resolver may read as other than text (digits, n, t, ~ ...)."""

    def fail(self, mark: Mark, where: Where, message: str) -> Any:
        self.problems.append(Problem(mark.line + 1, mark.column + 1, _path(where), message))
        return INVALID

    def warn(self, mark: Mark, where: Where, message: str) -> None:
        """Record something the format allows but that is probably not meant."""
        self.warnings.append(Problem(mark.line + 1, mark.column + 1, _path(where), message))

    def anchor(self, event: Event) -> None:
        """Remember where an anchor (&name) was set, for an alias to it to name that line."""
        name = event.anchor
        if name in self.anchors:
            raise _Compose  # a duplicate anchor
        self.anchors[name] = event.start_mark.line + 1

    def tag(self, event: Event) -> str:
        """A scalar's tag as YAML's resolver gives it (a plain 2014-10-24 is a date, a quoted one text)."""
        tag: str | None = event.tag
        if tag is not None and tag != "!":
            return tag
        if not event.implicit[0]:
            return _STR
        value: str = event.value
        if value and value[0] not in self.resolvable:
            return _STR
        found = self.tags.get(value)
        if found is None:
            found = self.tags[value] = self.resolver.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
        return found


Conv = Callable[[Event, Next, Where, _Ctx], Any]
"""Reads one value that starts with this event, to its end, and returns it (or INVALID)."""
Check = Callable[[dict[str, Any], dict[str, Place], Where, _Ctx], bool]
"""A rule across the keys of one mapping: values, where they were, the mapping's path; False if it failed."""


def _skip(event: Event, next_event: Next, ctx: _Ctx, noted: bool = False) -> None:
    """Read past a value that has been refused, still noting its anchors (``noted``: the first's is noted)."""
    if event.__class__ is _SCALAR:
        if event.anchor is not None and not noted:
            ctx.anchor(event)
        return
    if event.__class__ is _ALIAS_EVENT:
        if event.anchor not in ctx.anchors:
            raise _Compose
        return
    depth = 0
    while True:
        if isinstance(event, _STARTS):
            depth += 1
            if event.anchor is not None and not noted:
                ctx.anchor(event)
            noted = False
        elif isinstance(event, _ENDS):
            depth -= 1
            if not depth:
                return
        elif event.__class__ is _ALIAS_EVENT:
            if event.anchor not in ctx.anchors:
                raise _Compose
        elif event.__class__ is _SCALAR and event.anchor is not None:
            ctx.anchor(event)
        event = next_event()


def _describe(event: Event, ctx: _Ctx) -> str:
    if event.__class__ is _MAP_START:
        return "a mapping"
    if event.__class__ is _SEQ_START:
        return "a list"
    tag = ctx.tag(event)
    if tag == _NULL:
        return "nothing"
    value: str = event.value
    return repr(value) if tag == _STR else value  # numbers, dates and booleans as written


def _enter(event: Event, where: Where, ctx: _Ctx) -> str | None:
    """Refuse aliases and custom tags before looking at a value; its tag, or None if refused."""
    kind = event.__class__
    if kind is _ALIAS_EVENT:
        name: str = event.anchor
        if name not in ctx.anchors:
            raise _Compose
        ctx.fail(
            event.start_mark,
            where,
            f"repeats the value anchored at line {ctx.anchors[name]} (*{name}); "
            "YAML aliases are not supported, write the value out",
        )
        return None
    if event.anchor is not None:
        ctx.anchor(event)
    if kind is _SCALAR:
        tag = ctx.tag(event)
        if tag not in _SCALAR_TAGS:
            ctx.fail(event.start_mark, where, f"unsupported YAML tag {tag.replace(_TAG, '!!')}")
            return None
        return tag
    tag = event.tag
    default = _TAG + ("map" if kind is _MAP_START else "seq")
    if tag is not None and tag != "!" and tag != default:
        ctx.fail(event.start_mark, where, f"unsupported YAML tag {tag.replace(_TAG, '!!')}")
        return None
    return default


def _refuse(event: Event, next_event: Next, where: Where, ctx: _Ctx, message: str) -> Any:
    """Record a problem at a value and read past the rest of it."""
    ctx.fail(event.start_mark, where, message)
    _skip(event, next_event, ctx, noted=True)
    return INVALID


def _refused(event: Event, next_event: Next, ctx: _Ctx) -> Any:
    """Read past a value whose problem _enter has recorded (and its anchor noted)."""
    if event.__class__ is not _ALIAS_EVENT:
        _skip(event, next_event, ctx, noted=True)
    return INVALID


def text(event: Event, next_event: Next, where: Where, ctx: _Ctx) -> Any:
    """Text; numbers are taken as written."""
    if event.__class__ is _SCALAR and event.anchor is None and event.tag is None:
        # The common case first, without the general checks: a scalar with no tag or anchor.
        value = event.value
        plain = ctx.tag(event) if event.implicit[0] and value and value[0] in ctx.resolvable else _STR
        if plain in _TEXT_TAGS:
            value = value.strip()
            if value:
                return value
    tag = _enter(event, where, ctx)
    if tag is None:
        return _refused(event, next_event, ctx)
    if tag in (_STR, _INT, _FLOAT) and event.__class__ is _SCALAR:
        value = event.value.strip()
        if value:
            return value
        return ctx.fail(event.start_mark, where, "expected text, got an empty string")
    if event.__class__ is _MAP_START and not event.flow_style:
        return _text_with_colon(event, next_event, where, ctx)
    return _refuse(event, next_event, where, ctx, f"expected text, got {_describe(event, ctx)}")


def _text_with_colon(event: Event, next_event: Next, where: Where, ctx: _Ctx) -> Any:
    """A mapping where text was expected: one key and value on one line is text with ': ' unquoted.

    In a list (``- Chapter 2: The Return``) YAML reads such text as a mapping of one key,
    where after a key it refuses it as a syntax error; either way the fix is to quote it.
    """
    message = "expected text, got a mapping"
    key = next_event()
    if key.__class__ is _MAP_END:
        return ctx.fail(event.start_mark, where, message)
    _skip(key, next_event, ctx)
    value = next_event()
    _skip(value, next_event, ctx)
    end = next_event()
    start: Mark = key.start_mark
    stop: Mark = value.end_mark
    plain_key = key.__class__ is _SCALAR and not key.style  # the C parser gives plain style as ''
    if end.__class__ is _MAP_END and plain_key and value.__class__ is _SCALAR and start.line == stop.line:
        return ctx.fail(event.start_mark, where, f"{message} (text that contains ': ' must be quoted)")
    while end.__class__ is not _MAP_END:  # read past the mapping's further keys and values
        _skip(end, next_event, ctx)
        end = next_event()
    return ctx.fail(event.start_mark, where, message)


def integer(event: Event, next_event: Next, where: Where, ctx: _Ctx) -> Any:
    """A whole number of at least 0."""
    tag = _enter(event, where, ctx)
    if tag is None:
        return _refused(event, next_event, ctx)
    if tag == _INT and event.__class__ is _SCALAR:
        try:
            value = int(event.value.replace("_", ""), 10)
        except ValueError:
            value = -1
        if value >= 0:
            return value
    return _refuse(event, next_event, where, ctx, f"expected a whole number, got {_describe(event, ctx)}")


def date(event: Event, next_event: Next, where: Where, ctx: _Ctx) -> Any:
    """An ISO calendar date, quoted or not."""
    tag = _enter(event, where, ctx)
    if tag is None:
        return _refused(event, next_event, ctx)
    if tag in (_STR, _DATE) and event.__class__ is _SCALAR and _ISO_DATE.match(event.value):
        try:
            return dt.date.fromisoformat(event.value)
        except ValueError:
            return ctx.fail(event.start_mark, where, f"{event.value} is not a real date")
    return _refuse(event, next_event, where, ctx, f"expected a date like 2025-06-06, got {_describe(event, ctx)}")


def url(event: Event, next_event: Next, where: Where, ctx: _Ctx) -> Any:
    """An http(s) URL."""
    value = text(event, next_event, where, ctx)
    if value is INVALID or value in ctx.urls:
        return value
    if _URL.match(value):
        ctx.urls.add(value)  # sources repeat: each is checked once
        return value
    return ctx.fail(event.start_mark, where, f"expected an http(s) URL, got {value!r}")


def currency(event: Event, next_event: Next, where: Where, ctx: _Ctx) -> Any:
    """An ISO 4217 currency code: USD, EUR, GBP."""
    value = text(event, next_event, where, ctx)
    if value is INVALID or _CURRENCY.match(value):
        return value
    return ctx.fail(event.start_mark, where, f"expected a currency code like USD, got {value!r}")


def choice(*allowed: str) -> Conv:
    """Text from a fixed vocabulary."""

    def convert(event: Event, next_event: Next, where: Where, ctx: _Ctx) -> Any:
        value = text(event, next_event, where, ctx)
        if value is INVALID or value in allowed:
            return value
        return ctx.fail(event.start_mark, where, f"expected one of {', '.join(allowed)}; got {value!r}")

    return convert


def ident(kind: str) -> Conv:
    """The id of a record of this kind, unique in the whole file."""

    def convert(event: Event, next_event: Next, where: Where, ctx: _Ctx) -> Any:
        value = text(event, next_event, where, ctx)
        if value is INVALID:
            return value
        if not _ID.match(value):
            return ctx.fail(event.start_mark, where, f"id {value!r} must be lower-case letters, digits and hyphens")
        if value in ctx.ids:
            return ctx.fail(event.start_mark, where, f"duplicate id {value!r} (first used at line {ctx.ids[value][1]})")
        ctx.ids[value] = (kind, event.start_mark.line + 1)
        return value

    return convert


def ref(*kinds: str) -> Conv:
    """The id of another record, checked once the whole file is read."""

    def convert(event: Event, next_event: Next, where: Where, ctx: _Ctx) -> Any:
        value = text(event, next_event, where, ctx)
        if value is not INVALID:
            ctx.refs.append((kinds, value, event.start_mark, where))
        return value

    return convert


def seq(item: Conv, report: bool = False) -> Conv:
    """A list of items; a single value is not taken for a list of one. ``report``: tell ctx.progress how far it is."""

    def convert(event: Event, next_event: Next, where: Where, ctx: _Ctx) -> Any:
        marks, ctx.items = ctx.items, None  # only this list's own items are marked, not those of lists inside
        if event.__class__ is not _SEQ_START or event.anchor is not None or event.tag is not None:
            tag = _enter(event, where, ctx)
            if tag is None:
                return _refused(event, next_event, ctx)
            if tag == _NULL:
                return ()
            if event.__class__ is not _SEQ_START:
                return _refuse(event, next_event, where, ctx, f"expected a list, got {_describe(event, ctx)}")
        values: list[Any] = []
        ok = True
        progress = ctx.progress if report else None
        while (child := next_event()).__class__ is not yaml.SequenceEndEvent:
            if marks is not None:
                marks.append(child.start_mark)
            value = item(child, next_event, (where, len(values)), ctx)
            ok = ok and value is not INVALID
            values.append(value)
            if progress is not None and not len(values) % _TICK:
                progress(child.start_mark.index)
        if progress is not None:
            end: Mark = child.end_mark
            progress(end.index)
        return tuple(values) if ok else INVALID

    return convert


@dataclass(frozen=True)
class Spec:
    """How to read one mapping: its keys, which are required, any rule across keys, and what to build."""

    build: Callable[..., Any]
    keys: dict[str, Conv]
    required: frozenset[str] = frozenset()
    check: Check | None = None

    def __post_init__(self) -> None:
        plain = yaml.resolver.Resolver()
        # Each key of the format is text when written plainly, so the reading below need not ask.
        assert all(plain.resolve(yaml.ScalarNode, k, (True, False)) == _STR for k in self.keys)  # type: ignore[no-untyped-call]
        object.__setattr__(self, "_required", tuple(sorted(self.required)))

    def __call__(self, event: Event, next_event: Next, where: Where, ctx: _Ctx) -> Any:
        ctx.items = None
        if event.__class__ is not _MAP_START or event.anchor is not None or event.tag is not None:
            if _enter(event, where, ctx) is None:
                return _refused(event, next_event, ctx)
            if event.__class__ is not _MAP_START:
                return _refuse(event, next_event, where, ctx, f"expected a mapping, got {_describe(event, ctx)}")
        values: dict[str, Any] = {}
        places: dict[str, Place] = {}
        ok = True
        empty = False
        keys = self.keys
        check = self.check
        tags = ctx.tags
        while (key_event := next_event()).__class__ is not _MAP_END:
            if key_event.__class__ is _SCALAR:
                if key_event.anchor is not None:
                    ctx.anchor(key_event)
                key: Any = key_event.value
                known = key in keys and (key_event.tag is None or ctx.tag(key_event) == _STR)
            else:
                key, known = None, False
            if known and key not in values:
                value_event = next_event()
                if (
                    value_event.__class__ is _SCALAR
                    and value_event.implicit[0]
                    and value_event.tag is None
                    and (tags.get(value_event.value) or ctx.tag(value_event)) == _NULL
                ):
                    if value_event.anchor is not None:
                        ctx.anchor(value_event)
                    values[key] = None
                    empty = True
                    continue
                if check is None:
                    value = values[key] = keys[key](value_event, next_event, (where, key), ctx)
                else:
                    items: list[Mark] = []
                    ctx.items = items
                    value = values[key] = keys[key](value_event, next_event, (where, key), ctx)
                    ctx.items = None
                    places[key] = Place(value_event.start_mark, items)
                if value is INVALID:
                    ok = False
                continue
            if key is None or ctx.tag(key_event) != _STR:
                if key_event.__class__ is not _SCALAR:
                    _skip(key_event, next_event, ctx)
                ok = ctx.fail(key_event.start_mark, where, "keys must be plain names") and False
            elif key in values:
                ok = ctx.fail(key_event.start_mark, (where, key), f"duplicate key {key!r}") and False
            else:
                ok = ctx.fail(key_event.start_mark, (where, key), _unknown_key(key, keys)) and False
            _skip(next_event(), next_event, ctx)  # the value of a key refused
        for key in self._required:  # type: ignore[attr-defined]
            if values.get(key) is None:
                ok = ctx.fail(event.start_mark, where or "top level", f"missing required key {key!r}") and False
        if ok and check is not None:
            ok = check(values, places, where, ctx)
        if not ok:
            return INVALID
        return self.build(**{k: v for k, v in values.items() if v is not None} if empty else values)


def _path(where: Where) -> str:
    """A place in the document as text: works[3].releases[0].date."""
    if isinstance(where, str):
        return where
    parent, part = where
    base = _path(parent)
    if isinstance(part, int):
        return f"{base}[{part}]"
    return f"{base}.{part}" if base else part


def _unknown_key(key: str, known: dict[str, Conv]) -> str:
    from rapidfuzz import process

    best = process.extractOne(key, list(known), score_cutoff=80) if len(key) > 2 else None
    hint = f" (did you mean {best[0]!r}?)" if best else ""
    return f"unknown key {key!r}{hint}"


SOURCES = seq(url)
NAMES = seq(text)
WORK_KINDS = ("film", "series", "anime", "game", "other")
MEDIA = ("theatrical", "streaming", "premiere", "tv", "digital", "home-media", "print")
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


def _check_fact(values: dict[str, Any], places: dict[str, Place], where: Where, ctx: _Ctx) -> bool:
    answer, choices = values.get("answer"), values.get("choices") or ()
    if answer is not None:
        for i, wrong in enumerate(choices):
            if wrong.casefold() == answer.casefold():
                ctx.fail(
                    places["choices"].items[i],
                    ((where, "choices"), i),
                    f"{wrong!r} is the answer; choices are the wrong answers to offer",
                )
                return False
    if values.get("question") is not None and answer is None:
        ctx.warn(places["question"].mark, where, "has a question but no answer, so the quiz never asks it")
    elif values.get("question") is not None and not choices:
        ctx.warn(
            places["question"].mark,
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
        "works": seq(WORK, report=True),
        "people": seq(PERSON, report=True),
        "characters": seq(CHARACTER, report=True),
        "credits": seq(CREDIT, report=True),
        "facts": seq(FACT, report=True),
    },
    frozenset({"franchise", "works"}),
)


def _check_refs(ctx: _Ctx) -> None:
    for allowed, value, mark, where in ctx.refs:
        kind = ctx.ids.get(value, ("",))[0]
        if kind in allowed:
            continue
        wanted = " or ".join(allowed)
        hint = _suggest(value, [i for i, (k, _) in ctx.ids.items() if k in allowed], kind, wanted)
        if kind:
            ctx.fail(mark, where, f"{value!r} is a {kind}, not a {wanted}{hint}")
        else:
            ctx.fail(mark, where, f"no {wanted} with id {value!r}{hint}")


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


def _colon_in_flow(message: str, lines: list[str], mark: Mark) -> bool:
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


Progress = Callable[[int, int], object]
"""Told how far reading has got: characters read so far, and of how many."""


def parse(data: bytes, path: str, progress: Progress | None = None) -> Franchise:
    """Validate the bytes of a knowledge file and build the model; raise DataFileError."""
    return check(data, path, progress)[0]


def check(data: bytes, path: str, progress: Progress | None = None) -> tuple[Franchise, list[Problem]]:
    """Validate and build like parse, and also return the warnings: things allowed but probably not meant."""
    with paused_gc():
        return _parse(data, path, progress)


def _stream(source: str, ctx: _Ctx) -> tuple[Any, Mark] | None:
    """One pass over the parser's events, building the model as they come; None for a file with no document."""
    parser = _Loader(source)
    try:
        next_event: Next = parser.get_event
        next_event()  # the stream's start
        if next_event().__class__ is yaml.StreamEndEvent:
            return None
        root = next_event()
        values = FRANCHISE(root, next_event, "", ctx)
        next_event()  # the document's end
        if next_event().__class__ is not yaml.StreamEndEvent:
            raise _Compose  # a second document
        return values, root.start_mark
    finally:
        parser.dispose()


def _parse(data: bytes, path: str, progress: Progress | None = None) -> tuple[Franchise, list[Problem]]:
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataFileError(path, [Problem(line, column, "", "not UTF-8 text")]) from None
    ctx = _Ctx()
    if progress is not None:
        total = len(data)
        ctx.progress = lambda done: progress(min(done, total), total)
    try:
        try:
            read = _stream(source, ctx)
        except _Compose:
            # What only the composer reports (an alias to no anchor, an anchor set twice, a second
            # document) is left to it, so that the message is YAML's own.
            yaml.compose(source, Loader=_Loader)
            raise
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
    if read is None:
        raise DataFileError(
            path, [Problem(None, None, "", "the file is empty; expected a mapping with 'franchise' and 'works'")]
        )
    values, root = read
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
