"""A progress bar on stderr for a slow first read of a large knowledge file.

It appears only once reading has taken longer than a second, and only when stderr is a
terminal: never on a pipe, never in a log, and never on stdout, where --json answers go.
Rich is imported only then, so a quick read costs nothing for it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import IO, Any

DELAY = 1.0
"""Seconds of reading before the bar appears."""


class Meter:
    """Told how far a read has got (``meter(done, total)``); shows a bar once the read is slow."""

    def __init__(
        self,
        label: str,
        stream: IO[str] | None = None,
        clock: Callable[[], float] = time.monotonic,
        delay: float | None = None,
    ) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.due = clock() + (DELAY if delay is None else delay)
        self.shown = _isatty(self.stream)
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not self.shown:
            return
        if self.bar is None:
            if self.clock() < self.due:
                return
            self._start(total)
        self.bar.update(self.task, completed=done, total=total)
        self.bar.refresh()

    def step(self, label: str) -> None:
        """Go on to another stage of the work (its end is not known: the bar shows it is busy)."""
        if self.bar is not None:
            self.bar.update(self.task, description=label, completed=0, total=None)
            self.bar.refresh()

    def close(self) -> None:
        """Take the bar off the screen."""
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def _start(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

        console = Console(file=self.stream, stderr=True)
        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            auto_refresh=False,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self.bar.start()
        self.task = self.bar.add_task(self.label, total=total)


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False
