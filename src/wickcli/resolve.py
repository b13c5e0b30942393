"""Resolve what a person typed to records: names, aliases, typos, accents and partial titles.

The rules, in one place (the quiz grader and ``ask`` use them too):

- Every content word of the query (not "the", "of", ...) must be accounted for by a word of the
  name: exactly, as a typo of it, or as a prefix of at least four letters. A query with a word the
  name lacks is not that name; it can only be suggested. The name may have words the query lacks.
- Letters inside a word never match on their own ("avi" is not in "Navigator").
- A typo is an edit of one word, an adjacent swap counting as one edit (optimal string
  alignment); the edits allowed grow with the word's length.
- Numbers are numbers in any spelling ("two", "II", "2nd", "2") and match only exactly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from typing import NamedTuple

from .cachedb import begins
from .errors import Ambiguous, NotFound, WrongKind
from .model import Franchise, Kind, Record, Work, kind_of, names_of

EXACT = 100.0
"""The score of a name typed exactly (after normalising); anything else scores less."""
MARGIN = 4.0
"""A winner that is not an exact name must beat the next record by this much, or the query is ambiguous."""
SUGGEST = 70.0
"""With no record sharing a word with the query, whole-string scores at least this are suggested."""
PREFIX_MIN = 4
"""A query word this long or longer may stand for a longer word it starts ("marq" for "Marquis")."""
TYPO_COST = 6.0
"""What each edit of a word costs a match's score."""
PREFIX_COST = 3.0
"""What standing for a longer word costs."""
EXTRA_COST = 2.0
"""What each word of the name that the query lacks costs."""
SHORT_PREFIX = 75.0
"""The score of a word that merely starts with a very short query: listed by search, never resolved."""
MIN_FUZZY = 3
"""Queries shorter than this match names exactly or not at all."""
POINTER_ORDER = ("character", "person", "work")
"""Which kind a name of the wrong kind is pointed to first, when it names several."""
STOPWORDS = frozenset({"the", "a", "an", "of", "and"})
FULL_SCAN = 20_000
"""Up to this many names, a whole-string suggestion scores every one; beyond it, a prefilter picks candidates."""
CLOSE_WORDS = 200
"""Beyond FULL_SCAN names, the words sharing the most bigrams with a query whose names are scored as wholes."""
CLOSE_NAMES = 5000
"""And at most about this many of their names."""
RANK_CHUNK = 64
"""Ranking reads the names of the best-scored positions this many at a time, until it has enough records."""

_FOLD = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "&": " and "})
_NON_WORD = re.compile(r"[\W_]+")
_DIGIT = re.compile(r"\d")
_ORDINAL = re.compile(r"(?<![^\W\d_])(\d+)(?:st|nd|rd|th)(?![^\W\d_])")
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
# fmt: off
_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
             "nineteenth"]
_TENTHS = {"twentieth": 20, "thirtieth": 30}
# Roman numerals up to twenty; a lone "i" stays a word (it is more often the pronoun).
_ROMAN = ["ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii",
          "xviii", "xix", "xx"]
# fmt: on
NUMBER_WORDS: dict[str, int] = {
    **{w: n for n, w in enumerate(_UNITS)},
    **_TENS,
    **{w: n for n, w in enumerate(_ORDINALS)},
    **_TENTHS,
    **{w: n for n, w in enumerate(_ROMAN, start=2)},
}
"""Words that are numbers: 'two', 'second', 'II' and '2' all normalise to '2'."""


def _numbers(words: list[str]) -> Iterator[str]:
    """Words with number words turned into digits; a tens word and a unit ('twenty one') make one number."""
    i = 0
    while i < len(words):
        word = words[i]
        if word in _TENS and i + 1 < len(words) and 0 < NUMBER_WORDS.get(words[i + 1], 0) < 10:
            nxt = words[i + 1]
            if nxt in _UNITS or nxt in _ORDINALS:
                yield str(_TENS[word] + NUMBER_WORDS[nxt])
                i += 2
                continue
        number = NUMBER_WORDS.get(word)
        yield word if number is None else str(number)
        i += 1


def normalise(text: str) -> str:
    """Fold case, accents, punctuation and number spellings: 'Chapter Two' and 'chapter 2' become equal."""
    plain = text.casefold().translate(_FOLD)
    if not plain.isascii():
        plain = "".join(ch for ch in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(ch))
    if _DIGIT.search(plain):
        plain = _LETTER_DIGIT.sub(" ", _ORDINAL.sub(r"\1", plain))
    words = _NON_WORD.sub(" ", plain).split()
    if not NUMBER_WORDS.keys().isdisjoint(words):
        words = list(_numbers(words))
    if len(words) > 1 and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def content_words(key: str) -> list[str]:
    """The words of a normalised text that must be accounted for: all but the stopwords."""
    return [w for w in key.split() if w not in STOPWORDS]


def typo_allowance(typed: str) -> int:
    """How many edits a typed word may be off by and still be one word mistyped: more for longer words."""
    return 0 if len(typed) < 4 else 1 if len(typed) < 8 else 2


def bigrams(word: str) -> set[str]:
    """The distinct pairs of neighbouring letters of a word, with its ends marked: an index of words keeps these."""
    padded = f"\x02{word}\x03"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


def bigrams_kept(typed: str, edits: int) -> int:
    """How many of a typed word's bigrams any word within this many edits of it still has (0: no bound).

    An edit touches at most three bigrams of the marked word: a letter changed or dropped breaks
    the two pairs it is in, a letter put in breaks one, and two neighbours swapped break the pair
    they form and the pair on either side. So at most three bigrams are lost per edit, and a word
    sharing fewer than the rest cannot be a typo of the typed one: an index may leave it out.
    """
    return max(len(bigrams(typed)) - 3 * edits, 0)


MAGNITUDES = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
"""Words that scale a number: like numbers, they match only exactly ('$56.8 billion' is not '$56.8 million')."""


def exact_only(word: str) -> bool:
    """Whether a normalised word matches only itself: a number, or a word of magnitude."""
    return word.isdigit() or word in MAGNITUDES


def same_start(typed: str, word: str) -> bool:
    """Whether a typo keeps a word's start: its first letter, or its first two swapped.

    People rarely mistype the first letter, and a word with another start is often another word
    ('possible' for 'impossible', 'glue' for 'blue').
    """
    return typed[0] == word[0] or typed[:2] == word[1::-1]


def word_cost(typed: str, word: str) -> float | None:
    """What it costs for a typed word to stand for a word of a name, or None if it cannot.

    Both words are normalised. Numbers and words of magnitude match only exactly; a word of four
    letters or more may stand for a longer word it starts; otherwise it may be a typo within the
    allowance that keeps the word's start.
    """
    if typed == word:
        return 0.0
    if exact_only(typed) or exact_only(word):
        return None
    if len(typed) >= PREFIX_MIN and word.startswith(typed):
        return PREFIX_COST
    allowed = typo_allowance(typed)
    if not allowed or abs(len(typed) - len(word)) > allowed or not same_start(typed, word):
        return None
    from rapidfuzz.distance import OSA

    edits = OSA.distance(typed, word, score_cutoff=allowed)
    return edits * TYPO_COST if edits <= allowed else None


class Fit(NamedTuple):
    """How a query's words map onto a name's words."""

    cost: float
    """What the typos and prefixes cost."""
    extra: int
    """Content words of the name that the query lacks."""


def fit(query: str, name: str, costs: dict[str, dict[str, float]] | None = None) -> Fit | None:
    """How every content word of a normalised query maps to a distinct word of a normalised name.

    None when some word of the query is not accounted for. ``costs`` may hold each query word's
    known costs against words of the name (from an index); missing pairs are computed.
    """
    wanted = content_words(query)
    words = name.split()
    options: list[list[tuple[float, int]]] = []
    for typed in wanted:
        known = costs.get(typed) if costs is not None else None
        row = []
        for j, word in enumerate(words):
            cost = known.get(word) if known is not None else word_cost(typed, word)
            if cost is not None:
                row.append((cost, j))
        if not row:
            return None
        options.append(sorted(row))
    best = _assign(options, 0, frozenset())
    if best is None:
        return None
    return Fit(best, lacking(wanted, len([w for w in words if w not in STOPWORDS])))


def is_year(word: str) -> bool:
    """Whether a normalised word is a year (four digits), as a work's title with its year ends."""
    return len(word) == 4 and word.isdigit()


def lacking(wanted: list[str], size: int) -> int:
    """How many of a name's ``size`` content words a query of these words (all of them in the name) lacks.

    None counts when the query gives a year: a year names every work of that year ("john wick 2019"
    is Parabellum and John Wick Hex alike), so the words of their titles it lacks must not set them apart.
    """
    return 0 if any(is_year(w) for w in wanted) else max(size - len(wanted), 0)


def _assign(options: list[list[tuple[float, int]]], i: int, used: frozenset[int]) -> float | None:
    """The cheapest way to give each query word its own name word (a handful of words: search them all)."""
    if i == len(options):
        return 0.0
    best: float | None = None
    for cost, j in options[i]:
        if j in used or (best is not None and cost >= best):
            continue
        rest = _assign(options, i + 1, used | {j})
        if rest is not None and (best is None or cost + rest < best):
            best = cost + rest
    return best


def accounts_for(query: str, name: str) -> bool:
    """Whether every content word of the query is a word of the name (exactly, as a typo or a prefix)."""
    key = normalise(query)
    return bool(key) and fit(key, normalise(name)) is not None


def score(query: str, name: str, found: Fit) -> float:
    """A match's score: 100 for the exact name, less for each typo, prefix and word the query lacks."""
    if query == name:
        return EXACT
    return min(99.9, EXACT - found.cost - EXTRA_COST * found.extra)


class Match(NamedTuple):
    """A record that a query matched, how well, and through which of its names (a named tuple: see errors.Problem)."""

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
        known: dict[str, str] = {}  # names repeat ("The Elder"); each is normalised once
        for record in franchise.records():
            all_names = names_of(record)
            if isinstance(record, Work) and record.year:
                all_names = (*all_names, record.display_title)
            kind = kind_of(record)
            for name in all_names:
                key = known.get(name)
                if key is None:
                    key = known[name] = normalise(name)
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

    @cached_property
    def _words(self) -> dict[str, list[int]]:
        words: dict[str, list[int]] = {}
        for i, key in enumerate(self.keys):
            for word in dict.fromkeys(key.split()):
                words.setdefault(word, []).append(i)
        return words

    def exact(self, key: str) -> list[int]:
        """Positions whose normalised key is exactly this one."""
        return self._positions.get(key, [])

    def vocabulary(self) -> Iterable[str]:
        """Every distinct word of every normalised name."""
        return self._words.keys()

    def word_positions(self) -> dict[str, list[int]]:
        """Every distinct word with the positions whose key has it, in order."""
        return self._words

    def with_word(self, word: str) -> list[int]:
        """Positions whose normalised key has this word."""
        return self._words.get(word, [])

    def word_sizes(self, word: str) -> list[int]:
        """How many content words each name that ``with_word`` gives for this word has, in the same order."""
        return [len(content_words(self.keys[i])) for i in self.with_word(word)]

    def words_starting(self, prefix: str) -> list[str]:
        """Words of the names that start with a prefix (the prefix itself included)."""
        return [word for word in self.vocabulary() if word.startswith(prefix)]

    def words_near(self, typed: str, edits: int) -> Iterable[str]:
        """Words of the names that may be within this many edits of a typed word: here, every word.

        A subclass may narrow them with an index, but must never leave out a word that is
        within reach; the resolver scores whatever it gets and decides.
        """
        return self.vocabulary()

    def fetch(self, positions: Iterable[int]) -> None:
        """A hint that these positions are about to be read (a subclass reads them in one go)."""

    def key(self, i: int) -> str:
        """The normalised key at a position."""
        return self.keys[i]

    def name(self, i: int) -> str:
        """The name at a position, as written."""
        return self.names[i]

    def owner(self, i: int) -> str:
        """The id of the record named at a position."""
        return self.owners[i]

    def kind(self, i: int) -> str:
        """The kind of the record named at a position."""
        return self.kinds[i]

    def starting_with(self, prefix: str, kinds: Iterable[str]) -> Iterator[tuple[str, str]]:
        """Names of records of these kinds that start with a prefix (cachedb.begins), each with its kind."""
        wanted = set(kinds)
        for i, kind in enumerate(self.kinds):
            if kind in wanted and begins(self.names[i], self.keys[i], prefix):
                yield self.names[i], kind

    def size(self) -> int:
        """How many names there are."""
        return len(self.keys)

    def words_sharing(self, grams: set[str], most: int) -> list[str] | None:
        """The ``most`` words of the vocabulary that share the most of these bigrams, or None without a bigram index."""
        return None


def _word_matches(names: Names, typed: str) -> dict[str, float]:
    """Every word of the names that a typed word can stand for, with what it costs."""
    found: dict[str, float] = {}
    if names.with_word(typed):
        found[typed] = 0.0
    if exact_only(typed):
        return found
    if len(typed) >= PREFIX_MIN:
        for word in names.words_starting(typed):
            if word != typed and not exact_only(word):
                found[word] = PREFIX_COST
    allowed = typo_allowance(typed)
    if allowed:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        near = names.words_near(typed, allowed)
        hits = process.extract(typed, near, scorer=OSA.distance, score_cutoff=allowed, limit=None)  # type: ignore[arg-type]
        for word, edits, _ in hits:
            if word not in found and not exact_only(word) and same_start(typed, word):
                found[word] = edits * TYPO_COST
    return found


class Resolver:
    """One place for the matching rules, over every name and alias of a franchise."""

    def __init__(self, franchise: Franchise) -> None:
        self.franchise = franchise

    @cached_property
    def names(self) -> Names:
        """The names to match against: from the cache when it has them, else built now."""
        return self.franchise.stored_names() or Names.build(self.franchise)  # type: ignore[return-value]

    @cached_property
    def words(self) -> frozenset[str]:
        """Every distinct word of every name, read once (the grader and ask test words against it)."""
        return frozenset(self.names.vocabulary())

    def named(self, text: str) -> list[Record]:
        """Records one of whose names is exactly this text (after folding), without fuzzy matching."""
        names = self.names
        owners = dict.fromkeys(names.owner(i) for i in names.exact(normalise(text)))
        return [record for owner in owners if (record := self.franchise.get(owner)) is not None]

    def _match(self, i: int, score: float) -> Match:
        record = self.franchise.get(self.names.owner(i))
        assert record is not None
        return Match(record, score, self.names.name(i))

    def _ranked(self, scored: Iterable[tuple[float, int]], wanted: set[str] | None, limit: int) -> list[Match]:
        """The best name of each record, best records first (ties keep the file's order)."""
        names = self.names
        ordered = sorted(scored, key=lambda h: (-h[0], h[1]))
        # Walked best first, a record's first name is its best one: only the names up to the
        # limit-th record are read, not every name that was scored.
        best: dict[str, tuple[float, int]] = {}
        for start in range(0, len(ordered), RANK_CHUNK):
            if len(best) >= limit:
                break
            chunk = ordered[start : start + RANK_CHUNK]
            names.fetch(i for _, i in chunk)
            for value, i in chunk:
                if len(best) >= limit:
                    break
                owner = names.owner(i)
                if owner not in best and (wanted is None or names.kind(i) in wanted):
                    best[owner] = (value, i)
        return [self._match(i, value) for value, i in best.values()]

    def _fits(self, key: str, wanted: set[str] | None, limit: int) -> list[tuple[float, int]]:
        """Names that account for every content word of a normalised query, with their scores.

        Not every such name: each is first given the best score it could have (its words' least
        costs and its count of words, read from the index), and names are scored best bound first
        until no name left could rank among the best ``limit`` records. A query that thousands of
        names fit (a shared surname) so scores a few of them, and ranks as if it scored them all.
        """
        names = self.names
        words = content_words(key)
        costs = {typed: _word_matches(names, typed) for typed in dict.fromkeys(words)}
        least: dict[int, float] | None = None
        sizes: dict[int, int] = {}
        for typed in words:
            here: dict[int, float] = {}
            for word, cost in costs[typed].items():
                for i, size in zip(names.with_word(word), names.word_sizes(word), strict=True):
                    sizes[i] = size
                    if i not in here or cost < here[i]:
                        here[i] = cost
            least = here if least is None else {i: c + here[i] for i, c in least.items() if i in here}
        bounds = sorted(
            ((EXACT - c - EXTRA_COST * lacking(words, sizes[i]), i) for i, c in (least or {}).items()),
            key=lambda h: (-h[0], h[1]),
        )
        scored: list[tuple[float, int]] = []
        best: dict[str, tuple[float, int]] = {}  # each record's best (-score, position) so far
        scores: dict[str, float | None] = {}  # many names share a key ("Toto Rossi"): each is fitted once
        for start in range(0, len(bounds), RANK_CHUNK):
            if limit <= 0 or (
                len(best) >= limit and (-bounds[start][0], bounds[start][1]) > sorted(best.values())[limit - 1]
            ):
                break  # no name left can score above the limit-th record, nor tie it earlier in the file
            chunk = [i for _, i in bounds[start : start + RANK_CHUNK]]
            names.fetch(chunk)
            for i in chunk:
                name = names.key(i)
                if name not in scores:
                    found = fit(key, name, costs)
                    scores[name] = None if found is None else score(key, name, found)
                value = scores[name]
                if value is None:
                    continue
                scored.append((value, i))
                owner = names.owner(i)
                if (wanted is None or names.kind(i) in wanted) and (owner not in best or (-value, i) < best[owner]):
                    best[owner] = (-value, i)
        return scored

    def search(
        self, query: str, kinds: Iterable[Kind] | None = None, limit: int = 10, exact_wins: bool = False
    ) -> list[Match]:
        """Distinct records ranked by how well one of their names accounts for the query.

        With ``exact_wins``, records named exactly as the query are returned without looking
        further, since no other match can outrank them (this skips the fuzzy work entirely).
        """
        names = self.names
        wanted: set[str] | None = set(kinds) if kinds else None
        key = normalise(query)
        if not key:
            return []
        exact = [(EXACT, i) for i in names.exact(key)]
        if exact_wins and (hits := self._ranked(exact, wanted, limit)):
            return hits
        if len(key) < MIN_FUZZY or not content_words(key):
            if exact_wins:
                return []
            # Listing with a very short query ("wick search a"): names with a word starting with it.
            starts = [(SHORT_PREFIX, i) for i in self._word_starts(key)]
            return self._ranked([*exact, *starts], wanted, limit)
        return self._ranked(self._fits(key, wanted, limit), wanted, limit)

    def _word_starts(self, key: str) -> list[int]:
        """Positions whose key starts with this text at the start of one of its words."""
        names = self.names
        first, _, rest = key.partition(" ")
        if not rest:
            return sorted({i for word in names.words_starting(first) for i in names.with_word(word)})
        # Several words: the first must be a whole word of the name, so its positions hold every match.
        pool = names.with_word(first)
        names.fetch(pool)
        return [i for i in pool if (k := names.key(i)).startswith(key) or f" {key}" in k]

    def suggest(self, query: str, kinds: Iterable[Kind] | None = None, limit: int = 3) -> list[Match]:
        """Records close to a query that does not resolve: those sharing the most words with it first.

        A record that shares no word with the query is offered only when no record does.
        """
        names = self.names
        wanted: set[str] | None = set(kinds) if kinds else None
        key = normalise(query)
        words = content_words(key)
        if len(key) < MIN_FUZZY or not words:
            return []
        shared: dict[int, tuple[int, float]] = {}
        for typed in dict.fromkeys(words):
            for word, cost in _word_matches(names, typed).items():
                for i in names.with_word(word):
                    count, total = shared.get(i, (0, 0.0))
                    shared[i] = (count + 1, total + cost)
        if shared:
            scored = []
            names.fetch(shared)
            for i, (count, total) in shared.items():
                extra = len(content_words(names.key(i))) - count
                scored.append((100.0 * count / len(words) - total - EXTRA_COST * extra, i))
            return self._ranked(scored, wanted, limit)
        from rapidfuzz import fuzz, process

        # The whole strings, compared as wholes: letters inside a longer word earn nothing.
        pool = self._suggestion_pool(key)
        if pool is not None:
            names.fetch(pool)
        choices = names.keys if pool is None else [names.key(i) for i in pool]
        hits = process.extract(key, choices, scorer=fuzz.ratio, processor=None, limit=50, score_cutoff=SUGGEST)
        return self._ranked(((s, j if pool is None else pool[j]) for _, s, j in hits), wanted, limit)

    def _suggestion_pool(self, key: str) -> list[int] | None:
        """For many names, those worth a whole-string score: the names of the words most alike the query's.

        This narrows suggestions only (no whole-string similarity has a bound by shared bigrams),
        and only beyond FULL_SCAN names; None scores every name.
        """
        names = self.names
        if names.size() <= FULL_SCAN:
            return None
        grams = set().union(*(bigrams(w) for w in [*content_words(key), key.replace(" ", "")]))
        best = names.words_sharing(grams, CLOSE_WORDS)
        if best is None:
            return None
        pool: dict[int, None] = {}
        for word in best:
            pool.update(dict.fromkeys(names.with_word(word)))
            if len(pool) >= CLOSE_NAMES:
                break
        return sorted(pool)

    def resolve(self, query: str, kinds: Sequence[Kind] | None = None) -> list[Match]:
        """The record a query means: one match, or several records of different kinds that share the name.

        Raises NotFound when no name accounts for every word of the query, Ambiguous when records
        of one kind fit about equally well, and WrongKind when only a record of another kind fits.
        With ``kinds`` given, only those kinds answer and a tie is ordered by their order.
        """
        ranked = self.search(query, None, limit=50, exact_wins=True)
        wanted = [m for m in ranked if kinds is None or m.kind in kinds]
        others = [m for m in ranked if kinds is not None and m.kind not in kinds]
        if others and (not wanted or (others[0].score == EXACT > wanted[0].score)):
            # Only another kind fits, or it fits exactly where the wanted kinds fit partly: point there,
            # naming a character before a person before a work when one name is several of them.
            close = sorted(self._close(others), key=lambda m: POINTER_ORDER.index(m.kind))
            if len(close) == 1 or len({m.kind for m in close}) == len(close):
                wanted_kinds = " or ".join(f"a {k}" for k in kinds or ())
                raise WrongKind(
                    query, describe(self.franchise, close[0].record), close[0].kind, close[0].name, wanted_kinds
                )
            raise Ambiguous(query, [describe(self.franchise, m.record) for m in close])
        if not wanted:
            raise NotFound(query, [describe(self.franchise, m.record) for m in self.suggest(query, kinds)])
        close = self._close(wanted)
        top = close[0]
        if len(close) == 1:
            return [top]
        same_name = [m for m in close if normalise(m.name) == normalise(top.name)]
        if len(same_name) == len(close) and len({m.kind for m in close}) == len(close):
            order = list(kinds or ("work", "character", "person"))
            return sorted(close, key=lambda m: order.index(m.kind))
        raise Ambiguous(query, [describe(self.franchise, m.record) for m in close])

    @staticmethod
    def _close(ranked: list[Match]) -> list[Match]:
        """The matches that tie with the best: every exact name, or every score within the margin."""
        top = ranked[0]
        if top.score == EXACT:
            return [m for m in ranked if m.score == EXACT]
        return [m for m in ranked if top.score - m.score < MARGIN]

    def resolve_one(self, query: str, kinds: Sequence[Kind] | None = None) -> Match:
        """Like resolve, keeping the preferred kind where a name belongs to several."""
        return self.resolve(query, kinds)[0]


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
