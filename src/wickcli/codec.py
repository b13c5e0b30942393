"""JSON rows for the model's records, derived from the records' own type annotations.

A record is written as JSON's nested lists (a named tuple is a tuple, so ``json`` writes it as a
list, field by field) with dates in ISO form, and read back by a decoder built once per record
type from its annotations: every field, nested records, tuples, dates and optional values. A
field added to the model is therefore stored and read without anyone touching this module, and
``layout`` names the shape of every record so the cache can tell when its rows no longer fit.
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

Decoder = Callable[[Any], Any]


def _date(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot store a {type(value).__name__} in the cache")


def _encoder() -> Callable[[Any], str]:
    """json.dumps with these settings, made once: dumps builds its encoder anew at every call."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # pragma: no cover - a Python without json's C speedups
        return json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_date).encode
    chunks = make(None, _date, json.encoder.encode_basestring, None, ":", ",", False, False, True)
    return lambda value: "".join(chunks(value, 0))


_encode = _encoder()


def dumps(record: tuple[Any, ...]) -> str:
    """One record as a compact JSON row."""
    return _encode(record)


def loads(cls: type[Any], row: str) -> Any:
    """A record of this type from its JSON row."""
    return decoder(cls)(json.loads(row))


def is_record(cls: object) -> bool:
    return isinstance(cls, type) and issubclass(cls, tuple) and hasattr(cls, "_fields")


@cache
def _hints(cls: type[Any]) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((name, hints[name]) for name in cls._fields)


_decoders: dict[Any, Decoder] = {}


def decoder(tp: Any) -> Decoder:
    """A function from the JSON form of a value of this type back to the value (built once per type)."""
    found = _decoders.get(tp)
    if found is None:
        found = _decoders[tp] = _build(tp)
    return found


def _identity(value: Any) -> Any:
    return value


def _build(tp: Any) -> Decoder:
    if tp in (str, int, float, bool, type(None)):
        return _identity
    if tp is dt.date:
        return dt.date.fromisoformat
    if is_record(tp):
        fields = [decoder(hint) for _, hint in _hints(tp)]
        make = tp._make
        if all(f is _identity for f in fields):
            return make  # type: ignore[no-any-return]
        pairs = list(enumerate(fields))
        return lambda row: make([f(row[i]) if f is not _identity else row[i] for i, f in pairs])
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = decoder(args[0])
        if item is _identity:
            return tuple
        return lambda values: tuple(item(v) for v in values)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        inner = decoder(rest[0] if len(rest) == 1 else typing.Union[tuple(rest)])  # noqa: UP007
        if inner is _identity:
            return _identity
        return lambda value: None if value is None else inner(value)
    raise TypeError(f"the cache cannot store values of type {tp!r}")


def layout(classes: tuple[type[Any], ...]) -> str:
    """The shape of these record types as text, from their annotations as written (cheap: nothing is evaluated)."""
    return ";".join(
        f"{cls.__name__}({','.join(f'{name}:{cls.__annotations__[name]}' for name in cls._fields)})" for cls in classes
    )
