"""docs/knowledge-format.schema.json accepts the knowledge files wick accepts and rejects broken ones."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from .conftest import MINI, REAL, ROOT

SCHEMA = ROOT / "docs" / "knowledge-format.schema.json"


def _as_json(value: Any) -> Any:
    """What a YAML document looks like to a JSON Schema validator: dates become ISO strings."""
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _document(path: Path) -> Any:
    return _as_json(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("path", [REAL, MINI], ids=["franchise", "mini"])
def test_knowledge_files_match_the_schema(validator: jsonschema.Draft202012Validator, path: Path) -> None:
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(_document(path))]
    assert errors == []


def _unknown_key(doc: dict[str, Any]) -> None:
    doc["works"][0]["titel"] = "Harbor Lights"


def _bad_kind(doc: dict[str, Any]) -> None:
    doc["works"][0]["kind"] = "movie"


def _bad_id(doc: dict[str, Any]) -> None:
    doc["people"][0]["id"] = "Ada Voss"


def _missing_title(doc: dict[str, Any]) -> None:
    del doc["works"][0]["title"]


@pytest.mark.parametrize("break_it", [_unknown_key, _bad_kind, _bad_id, _missing_title])
def test_schema_rejects_invalid_documents(validator: jsonschema.Draft202012Validator, break_it: Any) -> None:
    doc = copy.deepcopy(_document(MINI))
    break_it(doc)
    assert not validator.is_valid(doc)
