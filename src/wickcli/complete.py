"""Shell completion: names from the knowledge file, through the cache so every Tab stays fast.

A name may be typed as several words (``wick who-plays keanu reeves``), as one quoted word, or
a mix, so a completion replaces only the shell word being typed: it is the rest of the name from
that word on, in the name's own spelling and case. The words typed before it must be the name's
first words (case, accents and punctuation aside); the word being typed must start the next one.
A shell puts in place of the word what all its completions share, so where the names' own
spellings share less than was typed, each completion is the word as typed, then the rest of its name.
Quoting the completion for the shell is the shell's job in zsh and fish, and ``bash_word``'s in bash,
which inserts what it is given as it is.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Sequence

ARTICLES = ("the", "a", "an")
"""A name's leading article may be left out when typing it ("bowery" completes "The Bowery King")."""
BASH_SPECIAL = frozenset(" \t\n\\'\"`$|&;()<>*?[]{}#~!^=,:")
"""Characters bash would read as syntax (or word breaks) in an unquoted word; a backslash makes each literal."""
BASH_IN_DOUBLE_QUOTES = frozenset('\\"`$')
"""Characters that keep a meaning inside double quotes."""


def _loose(word: str, accents: bool = True) -> str:
    """A word without case (and accents, unless kept), punctuation kept: what a partly typed word is compared with."""
    folded = word.casefold()
    if folded.isascii() or not accents:
        return folded
    return "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch))


def _strict(word: str) -> str:
    """A word without case, accents or punctuation: what a fully typed word must equal."""
    return "".join(ch for ch in _loose(word) if ch.isalnum())


def _follow(words: Sequence[str], start: int, typed: Iterable[str]) -> int | None:
    """Where the name's words continue after the typed words, matched from ``start``; None if they differ.

    Words that are only punctuation ("–", ":") may be typed or left out on either side.
    """
    i = start
    for word in typed:
        wanted = _strict(word)
        if not wanted:
            continue
        while i < len(words) and not _strict(words[i]):
            i += 1
        if i == len(words) or _strict(words[i]) != wanted:
            return None
        i += 1
    return i


def _rest(name: str, before: Sequence[str], current: str, accents: bool) -> tuple[str, str] | None:
    """The rest of a name from the shell word being typed, in the name's spelling and after what was typed
    as typed; None if the typed words do not start it.

    The word being typed is compared ignoring case, and accents too unless ``accents`` is False.
    """
    words = name.split()
    done = [word for text in before for word in text.split()]
    typed = current.split()
    partial = "" if not typed or current[-1:].isspace() else typed.pop()
    starts = [0, 1] if len(words) > 1 and _strict(words[0]) in ARTICLES else [0]
    for start in starts:
        here = _follow(words, start, done)
        end = None if here is None else _follow(words, here, typed)
        if here is None or end is None:
            continue
        if partial:
            wanted = _loose(partial, accents)
            while end < len(words) and not _loose(words[end], accents).startswith(wanted) and not _strict(words[end]):
                end += 1  # a punctuation word the person skipped
            if end == len(words) or not _loose(words[end], accents).startswith(wanted):
                continue
            if not typed:
                here = end  # the completion starts with what is being typed
        elif end == len(words) and here == end:
            continue  # the name is typed in full: nothing to add
        rest = " ".join(words[here:])
        return rest, _as_typed(current, partial, words, end, accents) or rest
    return None


def _as_typed(current: str, partial: str, words: list[str], end: int, accents: bool) -> str | None:
    """What is being typed, as typed, then the rest of the name after it; None where no place to cut is sure."""
    if not partial:
        return current + " ".join(words[end:])
    word = words[end]
    if len(_loose(word, accents)) != len(word) or len(_loose(partial, accents)) != len(partial):
        return None  # a letter that folds into several, or a letter typed as several
    return current + word[len(partial) :] + "".join(f" {w}" for w in words[end + 1 :])


def _cut_short(completions: list[str], current: str) -> bool:
    """Whether a shell would cut what is being typed short: it puts in its place what every completion
    shares, and "John Wick: Chapter 2" and "John Wick Chronicles" share only "John Wick"."""
    shared = os.path.commonprefix(completions)  # noqa: RUF071 (character by character, as a shell compares)
    return len(completions) > 1 and len(shared) < len(current)


def option_value(args: Sequence[str], incomplete: str) -> tuple[list[str], str, str | None]:
    """An option's value typed after '=' read as the value of the option's own word.

    zsh and fish give ``--film=par`` as the word being typed and replace the whole word with a
    completion, so each completion must start with ``--film=``. bash breaks words at '=' (see
    its COMP_WORDBREAKS): ``--film``, ``=`` and ``par`` arrive apart and only ``par`` is replaced,
    or the '=' itself when nothing follows it. Returns the arguments with the option last, the
    value typed, and what each completion must start with (None: no value was typed after '=').
    """
    if incomplete.startswith("--") and "=" in incomplete:
        option, _, value = incomplete.partition("=")
        return [*args, option], value, f"{option}="
    if len(args) >= 2 and args[-1] == "=" and args[-2].startswith("--"):
        return list(args[:-1]), incomplete, ""
    if incomplete == "=" and args and args[-1].startswith("--"):
        return list(args), "", "="
    return list(args), incomplete, None


def _prefixes(before: Sequence[str], current: str) -> list[str]:
    """What a name must start with to be worth checking: its first letter, after any article.

    Only an ASCII first letter narrows the search (SQLite's LIKE ignores only ASCII case).
    """
    first = next((w for w in (*before, current) if w.strip()), "").lstrip()[:1]
    if not (first.isascii() and first.isalnum()):
        return [""]
    return [first, *(f"{article} {first}" for article in ARTICLES)]


def names(data: str | None, before: Sequence[str], current: str, kinds: tuple[str, ...]) -> list[tuple[str, str]]:
    """Completions of a name of these kinds, each with the kinds of record it names.

    ``before`` holds the shell words of the name already typed, ``current`` the word being typed.
    """
    from . import cachedb, files

    path = data or files.default_path()
    prefixes = _prefixes(before, current)
    wanted = list(kinds)
    rows: list[tuple[str, str]] | None = None
    db = cachedb.fresh(path)
    if db is not None:  # the usual Tab press: the names table alone, nothing else of wick imported
        try:
            rows = [row for prefix in prefixes for row in cachedb.starting_with(db, prefix, wanted)]
        except cachedb.CACHE_ERRORS:
            pass  # loaded below, which sets a damaged cache aside
        finally:
            db.close()
    if rows is None:
        rows = _through_cache(path, prefixes, wanted)
    fits: list[tuple[str, str, str]] = []
    # Accents are ignored only when nothing matches with them: "sai" is "Said", not also "Saïd".
    for accents in (False, True):
        fits = [(*both, kind) for name, kind in rows if (both := _rest(name, before, current, accents))]
        if fits:
            break
    # Each name's own spelling, unless a shell would cut what is being typed short: then what was typed.
    typed = _cut_short(list(dict.fromkeys(rest for rest, _, _ in fits)), current)
    found: dict[str, list[str]] = {}
    for rest, as_typed, kind in fits:
        shown = as_typed if typed else rest
        if kind not in found.setdefault(shown, []):
            found[shown].append(kind)
    return [(rest, ", ".join(found_kinds)) for rest, found_kinds in found.items()]


def _through_cache(path: str, prefixes: list[str], kinds: list[str]) -> list[tuple[str, str]]:
    """The names starting with these prefixes, from the file loaded as a lookup loads it (building its cache)."""
    from . import cache
    from .errors import WickError
    from .resolve import Resolver

    if not os.path.isfile(path):
        return []  # a pipe or a device would be read by a Tab press (and wait, or take its data): none is
    try:
        franchise = cache.load(path, warn=lambda message: None, meter=False)
    except WickError:
        return []
    names = Resolver(franchise).names
    return [row for prefix in prefixes for row in names.starting_with(prefix, kinds)]


def bash_word(text: str, typed: str) -> str:
    """A completion as bash must insert it in place of the word typed so far, which may open a quote.

    bash inserts a completion as it is, after the opening quote if the word has one, and closes
    that quote itself when the completion is the only one.
    """
    if typed[:1] == "'":
        return text.replace("'", "'\\''")
    if typed[:1] == '"':
        return "".join("\\" + ch if ch in BASH_IN_DOUBLE_QUOTES else ch for ch in text)
    return "".join("\\" + ch if ch in BASH_SPECIAL else ch for ch in text)


def zsh_entry(text: str, description: str | None) -> str:
    """A completion as one entry of a zsh ``_describe`` list: ``value:description``, colons in the value escaped."""
    value = text.replace("\\", "\\\\").replace(":", "\\:")
    return f"{value}:{description}" if description else value
