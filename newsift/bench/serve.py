"""``newsift bench serve``: the web service under a bounded loopback load.

Starts ``newsift serve`` in a child process on 127.0.0.1, posts articles
from ``concurrency`` clients at once for two rounds, and reports errors,
refusals, throughput, latency percentiles and the server's memory (itself
and its workers) before and after each round; then posts an 11 MB body and
times its 413. Only the loopback address is ever contacted.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

__all__ = ["run_serve_bench", "free_port", "wait_ready"]


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (Linux /proc), in MB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return round(total / 1024, 1)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def _round(base: str, bodies: list[dict[str, Any]], requests: int, concurrency: int) -> dict[str, Any]:
    import httpx

    latencies: list[float] = []
    statuses: dict[int, int] = {}
    counter = iter(range(requests))

    async def client(http: Any) -> None:
        for i in counter:
            started = time.perf_counter()
            try:
                r = await http.post(base + "/check", json=bodies[i % len(bodies)])
                status = r.status_code
            except httpx.HTTPError:
                status = -1
            latencies.append(time.perf_counter() - started)
            statuses[status] = statuses.get(status, 0) + 1

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=300, limits=limits, trust_env=False) as http:
        await asyncio.gather(*(client(http) for _ in range(concurrency)))
    wall = time.perf_counter() - started
    return {"requests": requests, "ok": statuses.get(200, 0), "statuses": statuses,
            "errors": sum(n for s, n in statuses.items() if s != 200),
            "throughput_rps": round(requests / wall, 2), "p50_ms": round(_percentile(latencies, 0.5) * 1000, 1),
            "p95_ms": round(_percentile(latencies, 0.95) * 1000, 1), "wall_s": round(wall, 1)}


def _big_body(base: str, size: int) -> dict[str, Any]:
    import httpx

    body = b'{"text": "' + b"a" * size + b'"}'
    started = time.perf_counter()
    r = httpx.post(base + "/check", content=body, headers={"content-type": "application/json"}, timeout=60,
                   trust_env=False)
    return {"bytes": len(body), "status": r.status_code, "seconds": round(time.perf_counter() - started, 3)}


def wait_ready(base: str, proc: subprocess.Popen[bytes], seconds: float = 120) -> None:
    """Wait until a started ``newsift serve`` answers /health; RuntimeError if it exits or never does."""
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode}")
        try:
            if httpx.get(base + "/health", timeout=2, trust_env=False).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError("the server did not start in time")


def run_serve_bench(texts: list[str], db: str, *, requests: int = 200, concurrency: int = 50, workers: int = 2,
                    rounds: int = 2) -> dict[str, Any]:
    """Serve, load, measure; the figures as one dict."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "newsift", "--db", db, "serve", "--port", str(port), "--workers", str(workers),
           "--queue", str(max(64, concurrency))]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ))
    try:
        wait_ready(base, proc)
        bodies = [{"text": t} for t in texts]
        asyncio.run(_round(base, bodies, min(len(bodies) * workers, 20), workers))  # models warm in every worker
        out: dict[str, Any] = {"concurrency": concurrency, "workers": workers, "rounds": []}
        for _ in range(rounds):
            before = _rss_mb(proc.pid)
            result = asyncio.run(_round(base, bodies, requests, concurrency))
            result.update(rss_before_mb=before, rss_after_mb=_rss_mb(proc.pid))
            out["rounds"].append(result)
        out["body_11mb"] = _big_body(base, 11_000_000)
        return out
    finally:
        stopping = time.perf_counter()
        proc.terminate()  # SIGTERM: uvicorn's graceful shutdown, then the workers are stopped
        try:
            proc.wait(timeout=30)
            stopped: float | None = round(time.perf_counter() - stopping, 2)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            stopped = None
        if "out" in locals():
            out["sigterm_stop_s"] = stopped


def table(result: dict[str, Any]) -> str:
    rows = [f"{'round':<6}{'requests':>9}{'ok':>6}{'errors':>7}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}"
            f"{'RSS before':>12}{'after MB':>10}"]
    for i, r in enumerate(result["rounds"], 1):
        rows.append(f"{i:<6}{r['requests']:>9}{r['ok']:>6}{r['errors']:>7}{r['throughput_rps']:>8}{r['p50_ms']:>9}"
                    f"{r['p95_ms']:>9}{r['rss_before_mb']:>12}{r['rss_after_mb']:>10}")
    big = result["body_11mb"]
    stop = result.get("sigterm_stop_s")
    rows.append(f"11 MB body: HTTP {big['status']} in {big['seconds']} s; after SIGTERM the server stopped "
                + (f"in {stop} s" if stop is not None else "only when killed (over 30 s)"))
    return "\n".join(rows) + "\n" + json.dumps(result)
