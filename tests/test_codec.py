"""Cache rows are derived from the model: every record type, every field, survives a round trip."""

from __future__ import annotations

import datetime as dt
import shutil
import types
import typing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wickcli import cache, cachedb, codec, model

from .conftest import MINI

RECORDS = [v for v in vars(model).values() if isinstance(v, type) and codec.is_record(v)]


def strategy(tp: Any) -> st.SearchStrategy[Any]:
    """Values of a type as the model annotates it, every field filled (not only the required ones)."""
    if codec.is_record(tp):
        hints = typing.get_type_hints(tp)
        return st.builds(tp, **{name: strategy(hints[name]) for name in tp._fields})
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple:
        return st.lists(strategy(args[0]), max_size=3).map(tuple)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(strategy(a) for a in args))
    if tp is type(None):
        return st.none()
    if tp is dt.date:
        return st.dates()
    if tp is int:
        return st.integers()
    if tp is str:
        return st.text(max_size=12)
    raise AssertionError(f"no strategy for {tp!r}: teach this test the new field type")


def test_every_record_type_of_the_model_is_covered() -> None:
    assert {cls.__name__ for cls in RECORDS} >= {"Work", "Person", "Character", "Credit", "Fact", "Release"}


@pytest.mark.parametrize("cls", RECORDS, ids=[cls.__name__ for cls in RECORDS])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_record_survives_a_round_trip_through_its_row(cls: type[Any], data: st.DataObject) -> None:
    record = data.draw(strategy(cls))
    assert codec.loads(cls, codec.dumps(record)) == record


def test_a_type_the_cache_cannot_store_is_refused_when_the_decoder_is_built() -> None:
    class Odd(typing.NamedTuple):
        when: dt.datetime

    with pytest.raises(TypeError, match="cannot store values of type"):
        codec.decoder(Odd)


def _sources_in(folder: Path, left_out: str | None = None) -> None:
    here = Path(cachedb.__file__).parent
    for name in cachedb.DERIVED_BY:
        if name != left_out:
            shutil.copy(here / name, folder / name)


def test_format_key_of_an_install_without_sources_changes_with_a_new_model_field(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _sources_in(tmp_path, left_out="model.py")
    monkeypatch.setattr(cachedb, "__file__", str(tmp_path / "cachedb.py"))
    before = cachedb.format_key()
    grown = typing.NamedTuple("Person", [*typing.get_type_hints(model.Person).items(), ("height", int | None)])
    monkeypatch.setattr(model, "Person", grown)
    assert cachedb.format_key() != before


@pytest.mark.parametrize("module", cachedb.DERIVED_BY)
def test_format_key_changes_with_the_code_that_derives_the_cache(
    module: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = cachedb.format_key()
    _sources_in(tmp_path)
    with (tmp_path / module).open("a") as source:
        source.write("\n# changed\n")
    monkeypatch.setattr(cachedb, "__file__", str(tmp_path / "cachedb.py"))
    assert cachedb.format_key() != before


def test_cache_with_another_format_key_is_rebuilt(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    mini = tmp_path / "mini.yaml"
    shutil.copy(MINI, mini)
    cache.load(str(mini))
    monkeypatch.setattr(cachedb, "format_key", lambda: "another")
    warnings: list[str] = []
    assert cache.load(str(mini), warnings.append).name == "Harbor Lights"
    assert warnings == []
    assert isinstance(cache.load(str(mini)), cache.StoredFranchise)  # the rebuilt cache answers the next run
