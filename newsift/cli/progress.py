"""Progress over many inputs, on standard error: a bar with total and ETA, errors above it, a summary.

The bar only shows on a terminal (piped output stays clean); error lines and
the closing summary line are printed either way, so a log of a batch run
says what happened.
"""

from __future__ import annotations

import sys
import time
from typing import Any, Iterable, Iterator, TypeVar

import click

T = TypeVar("T")

__all__ = ["progress_over", "BatchProgress"]


class BatchProgress:
    """A context manager: ``advance()`` per item, ``error(line)`` for a failure, ``summary()`` at the end."""

    def __init__(self, label: str, *, total: int | None = None, enabled: bool = True) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.failed = 0
        self.errors: list[str] = []  # the first 1,000 failure lines, for a batch's index page
        self.started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None
        self._show = enabled and sys.stderr.isatty()

    def __enter__(self) -> "BatchProgress":
        if self._show:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                       TimeRemainingColumn)

            columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn()]
            self._bar = Progress(*columns, console=Console(stderr=True), transient=True)
            self._bar.__enter__()
            self._task = self._bar.add_task(self.label, total=self.total)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
            self._bar = None

    def advance(self, ok: bool = True) -> None:
        """One item finished (``ok=False``: it failed, already reported with ``error``)."""
        if ok:
            self.done += 1
        if self._bar is not None:
            self._bar.advance(self._task)

    def error(self, line: str) -> None:
        """A failure line, printed above the bar so the bar keeps its place."""
        self.failed += 1
        if len(self.errors) < 1000:
            self.errors.append(line)
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(line, err=True)

    def summary(self, noun: str = "articles") -> str:
        """The closing line (also printed): how many done and failed, and the time taken."""
        seconds = time.monotonic() - self.started
        line = f"newsift: {self.label} done: {self.done} {noun}, {self.failed} failed, in {seconds:.1f} s"
        click.echo(line, err=True)
        return line


def progress_over(items: Iterable[T], label: str, *, enabled: bool = True, total: int | None = None) -> Iterator[T]:
    """Yield items while showing a progress bar on a terminal's standard error."""
    with BatchProgress(label, total=total, enabled=enabled) as bar:
        for item in items:
            yield item
            bar.advance()
