"""Corpus-scale analysis: the same per-article function, run on Dask.

Workers are ``dask.distributed`` processes (a LocalCluster by default, or
any scheduler address). A worker plugin gives each worker one Analyzer for
its lifetime, so the language model loads once per worker, not per task.
Articles travel in small chunks; at most a bounded window of chunks is in
flight, refilled as each finishes (``as_completed``), so memory stays flat
and no worker waits for a slow wave. Reports come back in input order.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from itertools import islice
from typing import Any, Iterable, Iterator

import dask
from distributed import WorkerPlugin

from .analysis import Analyzer
from .errors import Errors, InputError
from .model import Article
from .runtime import tune_gc
from .settings import Options

__all__ = ["analyze_corpus", "analyze_on", "start_analyzers", "dask_client", "AnalyzerPlugin", "chunks_of", "ordered"]

_ANALYZERS: dict[str, Analyzer] = {}  # worker address -> its Analyzer (threads share one process)
PLUGIN_NAME = "newsift-analyzer"


class AnalyzerPlugin(WorkerPlugin):  # type: ignore[misc]
    """A worker plugin: one Analyzer per worker, built at start-up and closed at shutdown."""

    name = PLUGIN_NAME

    def __init__(self, options: Options) -> None:
        self.options = options

    def setup(self, worker: Any) -> None:
        analyzer = Analyzer(self.options)
        for stage in analyzer.pipeline.stages:  # load resources now, not inside the first task
            for resource in stage.resources:
                analyzer.resources.available(resource)
        _ANALYZERS[worker.address] = analyzer

    def teardown(self, worker: Any) -> None:
        analyzer = _ANALYZERS.pop(worker.address, None)
        if analyzer is not None:
            analyzer.close()


class GCPlugin(WorkerPlugin):  # type: ignore[misc]
    """Our own local workers collect garbage less often and never rescan what start-up loaded.

    A worker receiving data from another unpickles thousands of small objects (a text's tokens), and
    Python's default collector scans every live object again and again while it does (``corpus trace``
    moves thousands of texts so). ``gc.freeze`` moves the objects alive when the worker starts (its
    imported modules; an Analyzer's models load later) out of every later collection.
    """

    name = "newsift-gc"

    def setup(self, worker: Any) -> None:
        tune_gc(freeze=True)


def _analyze_chunk(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from distributed import get_worker

    analyzer = _ANALYZERS[get_worker().address]
    return [report.to_dict() for report in analyzer.analyze_many(Article(**a) for a in articles)]


def chunks_of(articles: Iterable[Article], size: int) -> Iterator[list[dict[str, Any]]]:
    """Articles as picklable dicts, ``size`` at a time."""
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield [{**a.to_dict(), "notes": list(a.notes)} for a in chunk]


# A LocalCluster's settings, for a few cores shared by the driver and the workers:
_LOCAL_SETTINGS = {
    # the workers' statistical profiler (a thread sampling every stack every 10 ms) feeds only the dashboard
    "distributed.worker.profile.enabled": False,
    # every process woke 50 times a second to check that its event loop was not blocked, and twice a second
    # to sample its CPU and memory for the dashboard: idle, a driver and two workers took 0.56 s of CPU in
    # 6 s, from the cores the work runs on; 0.09 s at these intervals (the checks still run, more coarsely)
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    # an idle worker takes queued tasks from a busy one only when the scheduler looks (every second by
    # default): a worker that ran ahead by half a second sat idle to the end of a job of a few seconds
    "distributed.scheduler.work-stealing-interval": "100ms",
}


@contextmanager
def dask_client(workers: int, scheduler: str | None = None) -> Iterator[Any]:
    """A distributed Client: on ``scheduler`` (an address) or a LocalCluster of ``workers`` processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise InputError(Errors.E041) from None
    if scheduler and "://" in scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise InputError(Errors.E400.format(address=scheduler, why=exc)) from None
        try:
            yield client
        finally:
            client.close()
        return
    threads = scheduler == "threads"
    # one single-threaded process per worker: spaCy and SQLite are not shared between threads;
    # the diagnostics server on any free port, so several jobs on one machine do not collide
    with dask.config.set(_LOCAL_SETTINGS), \
            LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=not threads,
                         dashboard_address=":0", memory_limit=0, silence_logs=logging.CRITICAL) as cluster:
        with Client(cluster) as client:
            if not threads:  # worker processes of our own; in-process workers would retune the caller
                client.register_plugin(GCPlugin(), name=GCPlugin.name)
            yield client


def ordered(client: Any, func: Any, chunks: Iterator[Any], window: int) -> Iterator[Any]:
    """Run ``func`` on each chunk with at most ``window`` in flight; results in input order."""
    from distributed import as_completed

    index_of: dict[str, int] = {}
    done: dict[int, Any] = {}
    submitted = 0
    next_out = 0
    pending = as_completed()
    for chunk in islice(chunks, window):
        future = client.submit(func, chunk, pure=False)
        index_of[future.key] = submitted
        submitted += 1
        pending.add(future)
    for future in pending:
        done[index_of.pop(future.key)] = future.result()
        future.release()
        for chunk in islice(chunks, 1):  # refill the window by one
            nxt = client.submit(func, chunk, pure=False)
            index_of[nxt.key] = submitted
            submitted += 1
            pending.add(nxt)
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1


def start_analyzers(client: Any, options: Options) -> None:
    """Give every worker of ``client`` its Analyzer (loaded now, kept until the worker stops)."""
    client.register_plugin(AnalyzerPlugin(options), name=PLUGIN_NAME)


def analyze_on(client: Any, articles: Iterable[Article], chunk_size: int = 4) -> Iterator[dict[str, Any]]:
    """Analyse on a client whose workers already have their Analyzers; reports in input order."""
    n_threads = sum(client.nthreads().values()) or 1
    window = max(2, 3 * n_threads)  # enough queued that no worker idles between chunks
    for reports in ordered(client, _analyze_chunk, chunks_of(articles, chunk_size), window):
        yield from reports


def analyze_corpus(articles: Iterable[Article], options: Options, workers: int = 2, chunk_size: int = 4,
                   scheduler: str | None = None) -> Iterator[dict[str, Any]]:
    """Analyse many articles on Dask workers; yields JSON reports in input order.

    ``scheduler``: None or "processes" for a LocalCluster of worker
    processes, "threads" for one process (tests), or a scheduler address.
    """
    with dask_client(workers, scheduler) as client:
        start_analyzers(client, options)
        yield from analyze_on(client, articles, chunk_size)
