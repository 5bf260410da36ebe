"""`newsift serve` as a real server on 127.0.0.1: 413 at once, slow heads cut off, SIGTERM stops everything."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest

from newsift.bench.serve import free_port, wait_ready

pytest.importorskip("uvicorn")
httpx = pytest.importorskip("httpx")


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for task in Path(f"/proc/{pid}/task").iterdir()
                for c in (task / "children").read_text().split()]
    except OSError:
        return []


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    db = str(tmp_path_factory.mktemp("serve") / "absent.db")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newsift", "--db", db, "serve", "--port", str(port),
                             "--workers", "1", "--max-body", "1000000"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    wait_ready(base, proc)
    yield base, proc
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def test_prints_the_address_to_open(server) -> None:
    base, proc = server
    assert proc.stderr is not None
    line = proc.stderr.readline().decode()
    assert f"open {base}/" in line


def test_an_11_mb_body_gets_413_at_once(server) -> None:
    base, _ = server
    started = time.monotonic()
    r = httpx.post(base + "/check", content=b"x" * 11_000_000, headers={"content-type": "application/json"},
                   timeout=30, trust_env=False)
    assert r.status_code == 413 and time.monotonic() - started < 5 and len(r.content) < 200


def test_a_trickled_request_head_is_cut_off(server) -> None:
    base, _ = server
    host, port = base.rsplit("/", 1)[-1].split(":")
    with socket.create_connection((host, int(port)), timeout=30) as s:
        s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")  # never finishes its head
        started = time.monotonic()
        s.settimeout(30)
        assert s.recv(100) == b""  # closed by the server
        assert time.monotonic() - started < 20


def test_sigterm_stops_the_server_and_its_workers(server) -> None:
    base, proc = server
    r = httpx.post(base + "/check", json={"text": "The mayor said the bridge is closed."}, timeout=120,
                   trust_env=False)
    assert r.status_code == 200
    workers = _children(proc.pid)
    assert workers
    os.kill(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)
    time.sleep(0.5)
    assert not [w for w in workers if Path(f"/proc/{w}").exists() and "zombie" not in
                Path(f"/proc/{w}/status").read_text().lower()]
