"""Bounded concurrency and time limits of the worker pool, with a stand-in job (no models loaded)."""

from __future__ import annotations

import asyncio

import pytest

from newsift.settings import Options
from newsift.web.workers import Busy, ClientGone, TimedOut, WorkerPool


def test_pool_refuses_beyond_its_queue_and_stops_slow_work(tmp_path) -> None:
    async def scenario() -> None:
        pool = WorkerPool(Options(db=str(tmp_path / "absent.db")), size=1, queue=1)
        try:
            slow = {"kind": "check", "article": {"text": "The mayor said the bridge is closed."}}  # loading the models alone outlasts 1 s
            first = asyncio.create_task(pool.run(slow, timeout=1))
            await asyncio.sleep(0.2)
            second = asyncio.create_task(pool.run(slow, timeout=1))
            await asyncio.sleep(0.2)
            with pytest.raises(Busy):
                await pool.run(slow, timeout=1)
            for task in (first, second):
                with pytest.raises(TimedOut):
                    await task
            assert pool.running == 0 and pool.waiting == 0
        finally:
            pool.close()

    asyncio.run(scenario())


def test_work_stops_when_the_client_leaves(tmp_path) -> None:
    async def gone() -> bool:
        return True

    async def scenario() -> None:
        pool = WorkerPool(Options(db=str(tmp_path / "absent.db")), size=1, queue=0)
        try:
            with pytest.raises(ClientGone):
                await pool.run({"kind": "check", "article": {"text": "A text."}}, timeout=60, gone=gone)
            assert not any(w.process.is_alive() for w in pool._all)
        finally:
            pool.close()

    asyncio.run(scenario())
