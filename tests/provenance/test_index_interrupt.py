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


def _corpus(path: Path, n_articles: int = N) -> Path:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as fh:
        for n in range(n_articles):
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
    return subprocess.Popen([sys.executable, "-m", "newsift", "--db", str(db), "index", str(corpus)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _interrupt(tmp_path: Path, sig: signal.Signals, n_articles: int) -> tuple[subprocess.Popen, Path, Path, int]:
    """Index a corpus and send ``sig`` once the first batch is committed; the articles kept."""
    corpus, db = _corpus(tmp_path / f"corpus{n_articles}.jsonl", n_articles), tmp_path / f"store{n_articles}.db"
    proc = _index(db, corpus)
    deadline = time.time() + 60
    while _count(db) == 0 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.01)
    proc.send_signal(sig)
    proc.wait(timeout=30)
    return proc, corpus, db, _count(db)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_interrupted_index_keeps_committed_work_and_resumes(tmp_path: Path, sig: signal.Signals) -> None:
    n_articles = N
    proc, corpus, db, kept = _interrupt(tmp_path, sig, n_articles)
    if kept == n_articles:  # a fast machine finished before the signal landed: a longer run to interrupt
        n_articles = 4 * N
        proc, corpus, db, kept = _interrupt(tmp_path, sig, n_articles)
    assert 0 < kept < n_articles, f"the run should be interrupted midway (kept {kept} of {n_articles})"
    assert _count(db, "provenance_articles") == kept  # fingerprints commit with their article
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and "interrupted" in proc.stderr.read()
    rerun = _index(db, corpus)
    out, _ = rerun.communicate(timeout=120)
    assert rerun.returncode == 0
    assert f"added {n_articles - kept}, already stored {kept}" in out
    assert _count(db) == n_articles and _count(db, "provenance_articles") == n_articles
