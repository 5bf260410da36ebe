"""A rich progress bar over an iterator, on standard error, only when it helps."""

from __future__ import annotations

import sys
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")

__all__ = ["progress_over"]


def progress_over(items: Iterable[T], label: str, *, enabled: bool = True, total: int | None = None) -> Iterator[T]:
    """Yield items while showing a progress bar on a terminal's standard error."""
    if not enabled or not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)
