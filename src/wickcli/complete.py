"""Shell completion: names from the knowledge file, through the cache so every Tab stays fast."""

from __future__ import annotations

from collections.abc import Iterator


def names(data: str | None, incomplete: str, kinds: tuple[str, ...]) -> Iterator[str]:
    """Names and aliases of the given kinds that start with what was typed, in any case.

    The shell keeps only candidates that start with the typed text exactly, so a match is
    returned with the typed prefix as it was typed ("win" completes to "winston Scott").
    """
    from . import cache, files
    from .errors import WickError

    try:
        franchise = cache.load(data or files.default_path(), warn=lambda message: None)
    except WickError:
        return
    from .resolve import Resolver

    seen: set[str] = set()
    for name in Resolver(franchise).names.starting_with(incomplete, kinds):
        shown = incomplete + name[len(incomplete) :]
        if shown not in seen:
            seen.add(shown)
            yield shown
