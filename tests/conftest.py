"""Shared fixtures: paths to the real knowledge file and the small test files."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
REAL = ROOT / "data" / "franchise.yaml"
MINI = DATA / "mini.yaml"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep the user's own settings and files out of every test."""
    monkeypatch.delenv("WICK_DATA", raising=False)
    monkeypatch.setenv("WICK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("WICK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
