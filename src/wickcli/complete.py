"""Shell completion: names from the knowledge file, as fast as the file allows."""

from __future__ import annotations

from collections.abc import Iterator

from .model import kind_of, names_of
from .resolve import normalise


def names(data: str | None, incomplete: str, kinds: tuple[str, ...]) -> Iterator[str]:
    """Names and aliases of the given kinds whose words start with what was typed."""
    from . import loader
    from .errors import WickError

    try:
        franchise = loader.load(data or loader.default_path())
    except WickError:
        return
    typed = normalise(incomplete)
    seen: set[str] = set()
    for record in franchise.records():
        if kind_of(record) not in kinds:
            continue
        for name in names_of(record):
            key = normalise(name)
            if name not in seen and (key.startswith(typed) or f" {typed}" in f" {key}"):
                seen.add(name)
                yield name

