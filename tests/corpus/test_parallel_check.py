"""`check --workers`: reports in input order, the same whatever the hash seed or the number of workers."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import dask
import pytest

from newsift import Article, Options
from newsift.batch import analyze_corpus, chunks_of
from shared_data import EXAMPLES, SEED

PY = sys.executable


def _newsift(args: list[str], seed: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([PY, "-m", "newsift", *args], capture_output=True, text=True, env=env, timeout=600)


def _comparable(jsonl: str) -> list[str]:
    """The report lines, which must match byte for byte (a report carries no timings)."""
    return jsonl.splitlines()


def test_chunks_keep_every_article_and_its_notes():
    articles = [Article(text=f"Text {i}", notes=[f"n{i}"]) for i in range(5)]
    chunks = list(chunks_of(articles, 2))
    assert [len(c) for c in chunks] == [2, 2, 1]
    assert [a["notes"] for c in chunks for a in c] == [[f"n{i}"] for i in range(5)]


def test_threads_cluster_keeps_input_order(tmp_path):
    texts = [f"Story {i}\n\nStory {i}\n\nThe mayor said {i} bridges were closed.\n\nLeave a comment" for i in range(9)]
    options = Options(db=str(tmp_path / "absent.db"), stages=["cleaning"])
    reports = list(analyze_corpus((Article(text=t) for t in texts), options, workers=2, chunk_size=2,
                                  scheduler="threads"))
    assert [r["article"]["text"] for r in reports] == texts


def test_local_cluster_processes_wake_rarely_and_steal_often():
    # the settings reach the worker processes, started by their nannies with the config of the moment
    from newsift.batch import dask_client

    want = {"distributed.worker.profile.enabled": False, "distributed.admin.tick.interval": "1s",
            "distributed.admin.system-monitor.interval": "5s", "distributed.scheduler.work-stealing-interval": "100ms"}

    def seen() -> dict[str, object]:
        return {key: dask.config.get(key) for key in want}

    with dask_client(1) as client:
        assert list(client.run(seen).values()) == [want]
        assert client.run_on_scheduler(seen) == want
    assert dask.config.get("distributed.admin.tick.interval") != "1s"  # the caller's settings are left alone


def test_unreachable_scheduler_is_one_coded_line(tmp_path):
    options = Options(db=str(tmp_path / "absent.db"), stages=["cleaning"])
    with pytest.raises(Exception, match=r"\[E400\]"):
        list(analyze_corpus([Article(text="Some text here.")], options, scheduler="tcp://127.0.0.1:9"))


def test_check_is_byte_identical_across_hash_seeds_and_workers(tmp_path):
    inputs = sorted(str(p) for p in EXAMPLES.glob("*.json")) + ([str(SEED)] if SEED.exists() else [])
    db = str(tmp_path / "store.db")
    assert _newsift(["--db", db, "index", *inputs], "0").returncode == 0
    runs = {}
    for seed, workers in (("1", "1"), ("4242", "1"), ("77", "2")):
        done = _newsift(["--db", db, "check", *inputs, "--format", "jsonl", "--workers", workers], seed)
        assert done.returncode == 0, done.stderr
        runs[(seed, workers)] = _comparable(done.stdout)
    first = runs[("1", "1")]
    assert len(first) == len(inputs)
    assert [json.loads(r)["article"]["source_path"] for r in first] == inputs  # input order
    for key, reports in runs.items():
        assert reports == first, f"reports differ for PYTHONHASHSEED={key[0]} workers={key[1]}"
