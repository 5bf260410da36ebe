"""Helpers for the reliability tests: running the CLI in a subprocess, small stores."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

NEWSIFT = [str(Path(sys.executable).parent / "newsift")]


def run_cli(*args: str, home: Path, db: Path | None = None, timeout: float = 120,
            stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """``newsift ARGS`` with HOME pointed at ``home`` (so a stray ~/.newsift would show), text output."""
    env = {k: v for k, v in os.environ.items() if k not in ("NEWSIFT_DB", "NEWSIFT_CONFIG", "NEWSIFT_DEBUG")}
    env["HOME"] = str(home)
    argv = [*NEWSIFT, *(["--db", str(db)] if db else []), *args]
    return subprocess.run(argv, input=stdin.decode() if stdin else None, capture_output=True, text=True,
                          timeout=timeout, env=env)


def article_lines(n: int, words: int = 120, seed: int = 1) -> str:
    """``n`` distinct small JSONL article objects (written for the tests, no real text)."""
    import json
    import random

    rng = random.Random(seed)
    vocab = ("council bridge mayor river budget school vote report road water court police town county state "
             "engineer repair closed opened said announced week month year million plan").split()
    lines = []
    for i in range(n):
        body = " ".join(rng.choice(vocab) for _ in range(words))
        lines.append(json.dumps({"id": f"a{i}", "url": f"https://site{i % 7}.example/{i}",
                                 "title": f"Story number {i}", "text": f"Story number {i}.\n\n{body}."}))
    return "\n".join(lines) + "\n"
