"""Corpus-scale analysis: the same per-article function, run on Dask.

Articles are cut into chunks; each chunk becomes one Dask task that builds
its own Analyzer (so each worker loads the language model once per chunk)
and returns JSON reports. Chunks are submitted in bounded waves so memory
stays flat however long the input. ``scheduler`` is a local Dask scheduler
name ("processes", "threads", "sync") or a ``dask.distributed`` address.
"""

from __future__ import annotations

from itertools import islice
from typing import Any, Iterable, Iterator

from .analysis import Analyzer
from .errors import Errors, InputError
from .model import Article
from .settings import Options

__all__ = ["analyze_corpus"]


def _analyze_chunk(articles: list[dict[str, Any]], options: Options) -> list[dict[str, Any]]:
    analyzer = Analyzer(options)
    try:
        return [analyzer.analyze(Article(**a)).to_dict() for a in articles]
    finally:
        analyzer.close()


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield [{**a.to_dict(), "notes": list(a.notes)} for a in chunk]


def analyze_corpus(articles: Iterable[Article], options: Options, workers: int = 2, chunk_size: int = 64,
                   scheduler: str = "processes") -> Iterator[dict[str, Any]]:
    """Analyse many articles in parallel on Dask; yields JSON reports in input order."""
    import dask

    client = None
    if "://" in scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise InputError(Errors.E041) from None
        client = Client(scheduler)
    chunks = _chunks(articles, chunk_size)
    try:
        while wave := list(islice(chunks, max(1, workers) * 2)):
            tasks = [dask.delayed(_analyze_chunk)(chunk, options) for chunk in wave]
            if client is not None:
                results = client.compute(tasks, sync=True)
            else:
                results = dask.compute(*tasks, scheduler=scheduler, num_workers=workers)
            for reports in results:
                yield from reports
    finally:
        if client is not None:
            client.close()
