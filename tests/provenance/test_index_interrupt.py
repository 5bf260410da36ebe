"""``newsift index`` killed midway keeps every committed article (with its fingerprints); a re-run finishes."""

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

N = 3000
WORDS = ("council bridge water school budget vote mayor river road police court fire park market "
         "station tax plan report board city county state week year told said new old").split()


def _corpus(path: Path) -> Path:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as fh:
        for n in range(N):
            text = " ".join(rng.choice(WORDS) for _ in range(60)) + f" story {n}."
            fh.write(json.dumps({"id": f"a{n}", "text": text}) + "\n")
    return path


def _count(db: Path, table: str = "articles") -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def _index(db: Path, corpus: Path) -> subprocess.Popen:
    # a test run started in the background inherits SIGINT ignored; the index must see it as a user would
    return subprocess.Popen([sys.executable, "-m", "newsift", "--db", str(db), "index", str(corpus)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_interrupted_index_keeps_committed_work_and_resumes(tmp_path: Path, sig: signal.Signals) -> None:
    corpus, db = _corpus(tmp_path / "corpus.jsonl"), tmp_path / "store.db"
    proc = _index(db, corpus)
    deadline = time.time() + 60
    while _count(db) == 0 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.01)
    proc.send_signal(sig)
    proc.wait(timeout=30)
    kept = _count(db)
    assert 0 < kept < N, f"the run should be interrupted midway (kept {kept} of {N})"
    assert _count(db, "provenance_articles") == kept  # fingerprints commit with their article
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and "interrupted" in proc.stderr.read()
    rerun = _index(db, corpus)
    out, _ = rerun.communicate(timeout=120)
    assert rerun.returncode == 0
    assert f"added {N - kept}, already stored {kept}" in out
    assert _count(db) == N and _count(db, "provenance_articles") == N
