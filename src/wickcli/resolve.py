"""Resolve what a person typed to records: names, aliases, typos, accents and partial titles."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from .errors import Ambiguous, NotFound
from .model import Franchise, Kind, Record, Work, kind_of, names_of

ACCEPT = 85.0
"""A fuzzy score at or above this may resolve on its own."""
MARGIN = 4.0
"""The winner must beat the next record by this much, or the query is ambiguous."""
SUGGEST = 70.0
"""Records scoring at least this are offered as 'did you mean' suggestions."""

_FOLD = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "&": " and "})
_NON_WORD = re.compile(r"[\W_]+")
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_ARTICLE = re.compile(r"^(?:the|a|an) ")
STOPWORDS = frozenset({"the", "a", "an", "of", "and"})
FUZZY_POOL = 200
"""How many of the best raw fuzzy scores are ranked further."""
SHORT_PREFIX = 75.0
"""The score of a word that merely starts with a very short query: listed by search, never resolved."""
MIN_FUZZY = 3
"""Queries shorter than this match names exactly or not at all."""


def normalise(text: str) -> str:
    """Fold case, accents and punctuation: 'Sacré-Cœur' and 'sacre coeur' become equal."""
    plain = text.casefold().translate(_FOLD)
    if not plain.isascii():
        plain = "".join(ch for ch in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(ch))
    words = _NON_WORD.sub(" ", _LETTER_DIGIT.sub(" ", plain)).strip()
    return _ARTICLE.sub("", words)


@dataclass(frozen=True, slots=True)
class Match:
    """A record that a query matched, how well, and through which of its names."""

    record: Record
    score: float
    name: str

    @property
    def kind(self) -> Kind:
        """The record's kind."""
        return kind_of(self.record)


class Names:
    """Every name and alias of every record, normalised once for matching.

    Position ``i`` holds a normalised key, the id of the record it names, the name as written
    and the record's kind. The cache provides a subclass that reads these from disk on demand.
    """

    def __init__(self, keys: list[str], owners: list[str], names: list[str], kinds: list[str]) -> None:
        self.keys = keys
        self.owners = owners
        self.names = names
        self.kinds = kinds

    @classmethod
    def build(cls, franchise: Franchise) -> Names:
        """Collect and normalise every name of a franchise."""
        keys: list[str] = []
        owners: list[str] = []
        names: list[str] = []
        kinds: list[str] = []
        for record in franchise.records():
            all_names = names_of(record)
            if isinstance(record, Work) and record.year:
                all_names = (*all_names, record.display_title)
            kind = kind_of(record)
            for name in all_names:
                key = normalise(name)
                if key:
                    keys.append(key)
                    owners.append(record.id)
                    names.append(name)
                    kinds.append(kind)
        return cls(keys, owners, names, kinds)

    @cached_property
    def _positions(self) -> dict[str, list[int]]:
        positions: dict[str, list[int]] = {}
        for i, key in enumerate(self.keys):
            positions.setdefault(key, []).append(i)
        return positions

    def exact(self, key: str) -> list[int]:
        """Positions whose normalised key is exactly this one."""
        return self._positions.get(key, [])

    def name(self, i: int) -> str:
        """The name at a position, as written."""
        return self.names[i]

    def owner(self, i: int) -> str:
        """The id of the record named at a position."""
        return self.owners[i]

    def kind(self, i: int) -> str:
        """The kind of the record named at a position."""
        return self.kinds[i]

    def starting_with(self, prefix: str, kinds: Iterable[str]) -> Iterator[str]:
        """Names of records of these kinds that start with a prefix, ignoring case."""
        wanted = set(kinds)
        folded = prefix.casefold()
        for i, kind in enumerate(self.kinds):
            if kind in wanted and self.names[i].casefold().startswith(folded):
                yield self.names[i]

    def candidates(self, key: str) -> list[int] | None:
        """Positions worth scoring for a query, or None to score every name (fine below a few ten thousand)."""
        return None


class Resolver:
    """One place for the matching rules, over every name and alias of a franchise."""

    def __init__(self, franchise: Franchise) -> None:
        self.franchise = franchise

    @cached_property
    def names(self) -> Names:
        """The names to match against: from the cache when it has them, else built now."""
        return self.franchise.stored_names() or Names.build(self.franchise)  # type: ignore[return-value]

    def named(self, text: str) -> list[Record]:
        """Records one of whose names is exactly this text (after folding), without fuzzy matching."""
        names = self.names
        owners = dict.fromkeys(names.owner(i) for i in names.exact(normalise(text)))
        return [record for owner in owners if (record := self.franchise.get(owner)) is not None]

    def search(
        self, query: str, kinds: Iterable[Kind] | None = None, limit: int = 10, exact_wins: bool = False
    ) -> list[Match]:
        """Distinct records ranked by how well one of their names matches the query.

        With ``exact_wins``, records named exactly as the query are returned without looking
        further, since no fuzzy match can outrank them (this skips the fuzzy work entirely).
        """
        names = self.names
        wanted = set(kinds) if kinds else None
        key = normalise(query)
        if not key:
            return []
        best: dict[str, Match] = {}

        def keep(i: int, score: float) -> None:
            owner = names.owner(i)
            if owner not in best and (wanted is None or names.kind(i) in wanted):
                record = self.franchise.get(owner)
                assert record is not None
                best[owner] = Match(record, score, names.name(i))

        for i in names.exact(key):
            keep(i, 100.0)
        if exact_wins and best:
            return list(best.values())[:limit]
        if len(key) < MIN_FUZZY or set(key.split()) <= STOPWORDS:
            if not exact_wins:
                # Listing with a very short query ("wick search a"): names with a word starting with it.
                starts = (i for i, k in enumerate(names.keys) if k.startswith(key) or f" {key}" in k)
                for i in starts:
                    if len(best) >= limit:
                        break
                    keep(i, SHORT_PREFIX)
            return list(best.values())[:limit]
        from rapidfuzz import fuzz, process

        # The few hundred best raw scores are plenty to rank after the name-aware adjustments.
        keys = names.keys
        pool = names.candidates(key)
        if pool is None:
            hits = process.extract(
                key, keys, scorer=fuzz.WRatio, processor=None, limit=FUZZY_POOL, score_cutoff=SUGGEST
            )
        else:
            found = process.extract(
                key, [keys[i] for i in pool], scorer=fuzz.WRatio, processor=None, limit=FUZZY_POOL, score_cutoff=SUGGEST
            )
            hits = [(choice, score, pool[j]) for choice, score, j in found]
        ranked = sorted(((_adjust(score, key, keys[i]), i) for _, score, i in hits), key=lambda h: -h[0])
        for score, i in ranked:
            if score < SUGGEST or len(best) >= limit:
                break
            keep(i, min(score, 99.9))
        return sorted(best.values(), key=lambda m: -m.score)[:limit]

    def resolve(self, query: str, kinds: Sequence[Kind] | None = None) -> list[Match]:
        """The record a query means: one match, or several records of different kinds that share the name.

        Raises NotFound when nothing is close enough and Ambiguous when records of one kind tie.
        With ``kinds`` given, only those kinds count and a tie is ordered by their order.
        """
        ranked = self.search(query, kinds, limit=10, exact_wins=True)
        if not ranked or ranked[0].score < ACCEPT:
            raise NotFound(query, [describe(self.franchise, m.record) for m in ranked[:3]])
        top = ranked[0]
        # An exact name beats any fuzzy one; among fuzzy ones the winner needs a clear margin.
        if top.score == 100:
            close = [m for m in ranked if m.score == 100]
        else:
            close = [m for m in ranked if top.score - m.score < MARGIN]
        same_name = [m for m in close if normalise(m.name) == normalise(top.name)]
        if len(close) == 1:
            return [top]
        if len(same_name) == len(close) and len({m.kind for m in close}) == len(close):
            order = list(kinds or ("work", "character", "person"))
            return sorted(close, key=lambda m: order.index(m.kind))
        raise Ambiguous(query, [describe(self.franchise, m.record) for m in close])

    def resolve_one(self, query: str, kinds: Sequence[Kind] | None = None) -> Match:
        """Like resolve, keeping the preferred kind where a name belongs to several."""
        return self.resolve(query, kinds)[0]


def _adjust(score: float, query: str, key: str) -> float:
    """Refine a fuzzy score with what a string metric cannot know about names.

    Whole words count more than letters inside words ("ian" is Ian McShane before Gianna), and
    a number the name lacks means another record ("Ballerina 2", "John Wick 6"): never resolve on it.
    """
    from rapidfuzz import fuzz

    words = query.split()
    numbers = {w for w in words if w.isdigit()}
    if numbers:
        key_words = key.split()
        if not numbers <= set(key_words):
            return min(score, ACCEPT - 10)
        rest = " ".join(w for w in words if not w.isdigit())
        if rest and fuzz.WRatio(rest, " ".join(w for w in key_words if not w.isdigit())) < ACCEPT:
            return min(score, ACCEPT - 10)
    if score < 100 and set(words) <= set(key.split()):
        return min(score + 5, 99.0)
    return score


def describe(franchise: Franchise, record: Record) -> str:
    """A short label that tells records apart: 'Winston Scott (character in John Wick (2014), ...)'."""
    kind = kind_of(record)
    if isinstance(record, Work):
        return f"{record.display_title} (work)"
    credits = franchise.credits_of(record)
    works = list(dict.fromkeys(c.work for c in credits))
    if kind == "character" and works:
        titles = [franchise.work(w).title for w in works]
        shown = ", ".join(titles[:2]) + (", ..." if len(titles) > 2 else "")
        return f"{record.name} (character in {shown})"
    return f"{record.name} ({kind})"
