"""docs/knowledge-format.schema.json accepts the knowledge files wick accepts and rejects broken ones."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
import yaml

from wickcli import loader

from .conftest import MINI, REAL, ROOT

SCHEMA = ROOT / "docs" / "knowledge-format.schema.json"
FORMAT_DOC = ROOT / "docs" / "knowledge-format.md"


def _as_json(value: Any) -> Any:
    """What a YAML document looks like to a JSON Schema validator: dates become ISO strings."""
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _example() -> str:
    """The YAML example at the end of docs/knowledge-format.md."""
    section = FORMAT_DOC.read_text(encoding="utf-8").split("## A complete example", 1)[1]
    match = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert match
    return match.group(1)


SOURCES = {
    "franchise": lambda: REAL.read_text(encoding="utf-8"),
    "mini": lambda: MINI.read_text(encoding="utf-8"),
    "doc-example": _example,
}


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("name", SOURCES)
def test_knowledge_files_match_the_schema(validator: jsonschema.Draft202012Validator, name: str) -> None:
    document = _as_json(yaml.safe_load(SOURCES[name]()))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == []


def test_doc_example_loads() -> None:
    franchise = loader.parse(_example().encode(), "example.yaml")
    assert franchise.name == "Harbor Lights"


SPECS = {
    "": loader.FRANCHISE,
    "work": loader.WORK,
    "person": loader.PERSON,
    "character": loader.CHARACTER,
    "credit": loader.CREDIT,
    "fact": loader.FACT,
    "release": loader.RELEASE,
    "date_change": loader.DATE_CHANGE,
    "crew_credit": loader.CREW,
    "trailer": loader.TRAILER,
    "sequel": loader.SEQUEL,
    "story": loader.STORY,
    "budget": loader.BUDGET,
    "gross": loader.GROSS,
    "score": loader.SCORE,
    "certificate": loader.CERTIFICATE,
    "filming": loader.FILMING,
    "episode": loader.EPISODE,
}


@pytest.mark.parametrize("name", SPECS, ids=lambda name: name or "top-level")
def test_schema_has_the_loaders_keys(name: str) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    record = schema["$defs"][name] if name else schema
    spec = SPECS[name]
    assert (set(record["properties"]), set(record.get("required", ()))) == (set(spec.keys), set(spec.required))


def _unknown_key(doc: dict[str, Any]) -> None:
    doc["works"][0]["titel"] = "Harbor Lights"


def _bad_kind(doc: dict[str, Any]) -> None:
    doc["works"][0]["kind"] = "movie"


def _bad_id(doc: dict[str, Any]) -> None:
    doc["people"][0]["id"] = "Ada Voss"


def _missing_title(doc: dict[str, Any]) -> None:
    del doc["works"][0]["title"]


def _bad_measure(doc: dict[str, Any]) -> None:
    doc["works"][0]["box_office"] = [{"measure": "weekend", "amount": 1}]


def _bad_currency(doc: dict[str, Any]) -> None:
    doc["works"][0]["budget"] = {"amount": 1, "currency": "dollars"}


def _episode_without_title(doc: dict[str, Any]) -> None:
    doc["works"][0]["episode_list"] = [{"number": 1}]


@pytest.mark.parametrize(
    "break_it",
    [_unknown_key, _bad_kind, _bad_id, _missing_title, _bad_measure, _bad_currency, _episode_without_title],
)
def test_schema_rejects_invalid_documents(
    validator: jsonschema.Draft202012Validator, break_it: Callable[[dict[str, Any]], None]
) -> None:
    doc = _as_json(yaml.safe_load(MINI.read_text(encoding="utf-8")))
    break_it(doc)
    assert not validator.is_valid(doc)
