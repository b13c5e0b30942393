"""Temporary stand-in for the resolver's word rules (to be replaced by resolve.accounts_for)."""

from __future__ import annotations

from .resolve import STOPWORDS, normalise


def _osa(a: str, b: str) -> int:
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def _word_matches(q: str, n: str) -> bool:
    if q == n:
        return True
    if q.isdigit() or n.isdigit():
        return False
    if len(q) >= 4 and n.startswith(q):
        return True
    allowance = 0 if len(q) <= 3 else 1 if len(q) <= 7 else 2
    return _osa(q, n) <= allowance


def accounts_for(query: str, name: str) -> bool:
    """True when every content word of the query matches a word of the name."""
    words = [w for w in normalise(query).split() if w not in STOPWORDS]
    names = normalise(name).split()
    return bool(words) and all(any(_word_matches(w, n) for n in names) for w in words)
