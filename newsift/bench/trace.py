"""Scaling of ``corpus trace`` with workers, beside what the machine gives plain processes.

On a shared machine the same job's time moves by a third from run to run, and
two processes rarely get twice one's CPU. So each round times the job at every
worker count and then probes the machine: a fixed pure-Python loop in one
process and in ``n`` processes at once (each in alternating order, so a drift
in the machine's speed falls on both). ``n × one loop's time / n loops' time``
is what the machine gave ``n`` processes that share nothing in that round. It
is context, not a bound: on the development machine it moved from 1.13× to
2.18× between rounds, and the job's own speed-up was sometimes above it. Only
medians over rounds are worth quoting. Every run's relations are compared
with the first run's: a speed-up counts only if the output is the same.
"""

from __future__ import annotations

import multiprocessing
import statistics
import time
from typing import Any, Callable

__all__ = ["loop_speedup", "trace_scaling", "LOOP"]

LOOP = 8_000_000  # iterations of the probe: about 1 s on one core of the development machine


def _loop(iterations: int) -> float:
    counts: dict[int, int] = {}
    started = time.perf_counter()
    for i in range(iterations):
        key = i % 1009
        counts[key] = counts.get(key, 0) + i
    return time.perf_counter() - started


def _timed_loop(iterations: int, barrier: Any, times: Any) -> None:
    barrier.wait()  # every process starts its loop together, after its interpreter has started
    times.put(_loop(iterations))


def loop_speedup(processes: int = 2, iterations: int = LOOP, first: int = 1) -> dict[str, float]:
    """The speed-up ``processes`` interpreter-bound processes that share nothing get over one, on this
    machine now (``first``: the count timed first).

    The processes are spawned, not forked: the caller may hold threads (a Dask client) that a fork
    would copy mid-lock.
    """
    spawn = multiprocessing.get_context("spawn")
    seconds = {}
    for n in ((1, processes) if first == 1 else (processes, 1)):
        barrier, times = spawn.Barrier(n), spawn.Queue()
        workers = [spawn.Process(target=_timed_loop, args=(iterations, barrier, times)) for _ in range(n)]
        for worker in workers:
            worker.start()
        took = [times.get() for _ in workers]
        for worker in workers:
            worker.join()
        seconds[n] = max(took)  # n loops done when the slowest is
    return {"one_s": round(seconds[1], 3), f"{processes}_s": round(seconds[processes], 3),
            "speedup": round(processes * seconds[1] / seconds[processes], 2)}


def trace_scaling(run: Callable[[int], tuple[float, list[dict[str, Any]]]], workers: tuple[int, ...] = (1, 2),
                  rounds: int = 5, iterations: int = LOOP,
                  each_round: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Job time at each worker count over ``rounds`` alternating rounds, with the machine's loop speed-up.

    ``run(n)`` runs the job on ``n`` workers and gives its time (cluster start excluded) and its
    relations as rows; ``each_round`` is given each round's figures as the round ends.
    """
    top, low = max(workers), min(workers)
    reference: list[dict[str, Any]] | None = None
    same = True
    per_round = []
    for r in range(rounds):
        seconds: dict[int, float] = {}
        order = sorted(workers) if r % 2 == 0 else sorted(workers, reverse=True)
        for n in order:
            seconds[n], rows = run(n)
            if reference is None:
                reference = rows
            same = same and rows == reference
        probe = loop_speedup(top, iterations, first=order[0])
        per_round.append({**{f"workers_{n}_s": round(s, 2) for n, s in sorted(seconds.items())},
                          "speedup": round(seconds[low] / seconds[top], 2), "loops": probe["speedup"]})
        if each_round is not None:
            each_round(per_round[-1])
    median = {key: round(statistics.median(r[key] for r in per_round), 2) for key in per_round[0]}
    return {"rounds": per_round, "relations": len(reference or []), "same_relations": same, "median": median}
