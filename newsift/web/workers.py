"""Analysis off the event loop: a small pool of worker processes, each with its own loaded Analyzer.

Processes rather than threads because a request's work must be stoppable:
when its time limit passes or its client leaves, the worker doing it is
killed and replaced, so nothing keeps computing for nobody. Concurrency is
bounded twice: ``size`` jobs run at once, ``queue`` more may wait, and
beyond that a request is refused at once (503 with Retry-After).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import signal
import time
from typing import Any, Awaitable, Callable

from ..settings import Options
from .jobs import run_job

__all__ = ["WorkerPool", "Busy", "TimedOut", "ClientGone"]


class Busy(Exception):
    """Every worker is busy and the waiting line is full."""


class TimedOut(Exception):
    """The request's time limit passed; its worker was stopped."""


class ClientGone(Exception):
    """The client closed the connection; its worker was stopped."""


def _serve(conn: Any, options: Options) -> None:
    """A worker process: load once, then answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle; it stops us
    from ..analysis import Analyzer

    analyzer = Analyzer(options)
    try:
        analyzer.analyze("Warm-up. The mayor said the bridge was closed.")  # load the models before the first request
    except Exception:  # a missing resource shows in real reports, not here
        pass
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            break
        conn.send(run_job(analyzer, job))


class _Worker:
    def __init__(self, ctx: Any, options: Options) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, options), daemon=True, name="newsift-worker")
        self.process.start()
        child.close()
        self.ready = False

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()

    async def _receive(self, deadline: float, gone: Callable[[], Awaitable[bool]]) -> Any:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimedOut()
            if await asyncio.to_thread(self.conn.poll, min(0.2, left)):
                return await asyncio.to_thread(self.conn.recv)
            if not self.process.is_alive():
                raise RuntimeError("the worker process died")
            if await gone():
                raise ClientGone()

    async def call(self, job: dict[str, Any], deadline: float, gone: Callable[[], Awaitable[bool]]) -> Any:
        if not self.ready:  # first use: wait until the worker has loaded its models
            await self._receive(deadline, gone)
            self.ready = True
        await asyncio.to_thread(self.conn.send, job)
        return await self._receive(deadline, gone)


async def _never_gone() -> bool:
    return False


class WorkerPool:
    """At most ``size`` jobs at once in worker processes, ``queue`` waiting; more are refused."""

    def __init__(self, options: Options, size: int = 2, queue: int = 64) -> None:
        self.options = options
        self.size = max(1, size)
        self.queue = max(0, queue)
        self._ctx = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self._idle: list[_Worker] = []
        self._all: set[_Worker] = set()
        self._slots: asyncio.Semaphore | None = None
        self.waiting = 0
        self.running = 0

    def start(self) -> None:
        """Start the workers now, so they load their models before the first request."""
        while len(self._all) < self.size:
            worker = _Worker(self._ctx, self.options)
            self._all.add(worker)
            self._idle.append(worker)

    def _take(self) -> _Worker:
        if self._idle:
            return self._idle.pop()
        worker = _Worker(self._ctx, self.options)
        self._all.add(worker)
        return worker

    def _drop(self, worker: _Worker) -> None:
        self._all.discard(worker)
        worker.kill()

    async def run(self, job: dict[str, Any], *, timeout: float,
                  gone: Callable[[], Awaitable[bool]] = _never_gone) -> Any:
        """Run one job within ``timeout`` seconds (waiting included); Busy, TimedOut or ClientGone otherwise."""
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.size)
        if self._slots.locked() and self.waiting >= self.queue:
            raise Busy()
        deadline = time.monotonic() + timeout
        self.waiting += 1
        try:
            await asyncio.wait_for(self._slots.acquire(), timeout)
        except asyncio.TimeoutError:
            raise TimedOut() from None
        finally:
            self.waiting -= 1
        worker = self._take()
        self.running += 1
        try:
            result = await worker.call(job, deadline, gone)
        except BaseException:  # timed out, client gone, cancelled, died: its work must stop with it
            self._drop(worker)
            raise
        finally:
            self.running -= 1
            self._slots.release()
        self._idle.append(worker)
        return result

    def close(self) -> None:
        """Stop every worker (server shutdown)."""
        for worker in list(self._all):
            self._drop(worker)
        self._idle.clear()
