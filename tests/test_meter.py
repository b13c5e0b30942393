"""The progress bar of a slow first read: only on a terminal, only after a second, gone when done."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from wickcli import cache, complete, meter
from wickcli.meter import Meter

from .conftest import MINI


class Terminal(io.StringIO):
    """A stream that says it is a terminal, keeping what was written to it."""

    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


SHOWN = [
    (Terminal, 1.5, True, "a terminal, after more than a second"),
    (Terminal, 0.5, False, "a terminal, but the read is quick"),
    (io.StringIO, 1.5, False, "a pipe or a file: never"),
    (io.StringIO, 60.0, False, "a pipe, however slow the read"),
]


@pytest.mark.parametrize(("stream", "elapsed", "shown"), [r[:3] for r in SHOWN], ids=[r[3] for r in SHOWN])
def test_bar_only_on_a_terminal_after_a_second(stream: type[io.StringIO], elapsed: float, shown: bool) -> None:
    out, clock = stream(), Clock()
    meter = Meter("Reading big.yaml", out, clock)
    clock.now += elapsed
    meter(500, 1000)
    written = out.getvalue()
    meter.close()
    assert ("Reading big.yaml" in written and "50%" in written) is shown
    assert bool(written) is shown


def test_bar_is_taken_off_the_screen_when_done() -> None:
    out, clock = Terminal(), Clock()
    meter = Meter("Reading big.yaml", out, clock)
    clock.now += 2
    meter(1000, 1000)
    meter.step("Indexing names")
    before = len(out.getvalue())
    meter.close()
    assert "Indexing names" in out.getvalue()[:before]
    assert out.getvalue()[before:].endswith("\x1b[?25h\r\x1b[1A\x1b[2K")  # the cursor back, the bar erased


def terminal(monkeypatch: pytest.MonkeyPatch) -> Terminal:
    """stderr as a terminal, and every read slow enough for the bar (set in the test: capturing resets stderr)."""
    out = Terminal()
    monkeypatch.setattr(sys, "stderr", out)
    monkeypatch.setattr(meter, "DELAY", -1.0)
    return out


def test_first_read_of_a_file_shows_the_bar(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    shown = terminal(monkeypatch)
    path = tmp_path / "mini.yaml"
    shutil.copy(MINI, path)
    assert cache.load(str(path)).name == "Harbor Lights"
    assert "Reading mini.yaml" in shown.getvalue() and "Indexing names" in shown.getvalue()


def test_completion_never_shows_the_bar(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    shown = terminal(monkeypatch)
    path = tmp_path / "mini.yaml"
    shutil.copy(MINI, path)
    assert complete.names(str(path), [], "Cl", ("person",)) == [("Cléo Marchetti", "person")]
    assert shown.getvalue() == ""
