"""The model's own rules: how credits are ordered and how records are named."""

from __future__ import annotations

import pytest

from wickcli.model import Credit, Franchise, billing_order, display_name, name_of

BILLINGS = [
    ([None, 2, 1], [1, 2, None], "unbilled credits come last"),
    ([1, 0], [0, 1], "billing 0 is a billing, before 1, not unbilled"),
    ([None, 3, None, 1], [1, 3, None, None], "several unbilled"),
]


@pytest.mark.parametrize(("billings", "order"), [b[:2] for b in BILLINGS], ids=[b[2] for b in BILLINGS])
def test_billing_order(billings: list[int | None], order: list[int | None]) -> None:
    credits = [Credit("w", f"c{i}", "p", billing) for i, billing in enumerate(billings)]
    assert [c.billing for c in sorted(credits, key=billing_order)] == order


NAMES = [
    ("jw1", "John Wick", "John Wick (2014)", "a work: its title, with its year on its own"),
    ("john-wick", "John Wick", "John Wick", "the namesake character"),
    ("jw5", "John Wick: Chapter 5", "John Wick: Chapter 5", "a work with no release has no year"),
    ("keanu-reeves", "Keanu Reeves", "Keanu Reeves", "a person"),
]


@pytest.mark.parametrize(("id_", "name", "display"), [n[:3] for n in NAMES], ids=[n[3] for n in NAMES])
def test_how_records_are_named(franchise: Franchise, id_: str, name: str, display: str) -> None:
    record = franchise.get(id_)
    assert record is not None
    assert (name_of(record), display_name(record)) == (name, display)
