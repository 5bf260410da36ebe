"""``kill -9`` during ``index`` and during ``sources update``: the store still passes ``corpus check``
and a re-run completes the job."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path


from newsift.sources import loaded_sets
from newsift.store import Store

from rel_helpers import NEWSIFT, article_lines, run_cli
from test_rel_sources_update import write_sets



def _kill_midway(argv: list[str], home: Path, started: Path, seconds: float) -> int | None:
    """Start ``argv``; once ``started`` exists, wait a random moment (at most ``seconds``) and SIGKILL it."""
    env = {k: v for k, v in os.environ.items() if k not in ("NEWSIFT_DB", "NEWSIFT_CONFIG")}
    env["HOME"] = str(home)
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 120
    while not started.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(random.uniform(0, seconds))
    proc.send_signal(signal.SIGKILL)
    return proc.wait(timeout=30)


def test_kill_during_index_leaves_a_sound_store_and_a_rerun_completes(tmp_path: Path) -> None:
    corpus = tmp_path / "many.jsonl"
    corpus.write_text(article_lines(1500, words=150))
    db = tmp_path / "s.db"
    code = _kill_midway([*NEWSIFT, "--db", str(db), "index", str(corpus)], tmp_path, db, 3.0)
    assert db.exists()
    with Store(db, readonly=True) as store:
        kept = store.count()
    check = run_cli("corpus", "check", home=tmp_path, db=db)
    assert check.returncode == 0, (code, kept, check.stdout, check.stderr)
    rerun = run_cli("index", str(corpus), home=tmp_path, db=db, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"already stored {kept}" in rerun.stdout and "1500 articles" in rerun.stdout
    assert run_cli("corpus", "check", home=tmp_path, db=db).returncode == 0


def test_kill_during_sources_update_leaves_a_sound_store_and_a_rerun_completes(tmp_path: Path) -> None:
    mirror = write_sets(tmp_path / "m", lin_rows=30_000, cred_rows=30_000)
    db = tmp_path / "s.db"
    argv = [*NEWSIFT, "--db", str(db), "sources", "update", "--from", str(mirror), "--only", "lin2023,cred1"]
    _kill_midway(argv, tmp_path, tmp_path / "m", 4.0)
    if db.exists():
        check = run_cli("corpus", "check", home=tmp_path, db=db)
        assert check.returncode == 0, check.stdout + check.stderr
        with Store(db, readonly=True) as store:
            assert set(loaded_sets(store)) in (set(), {"lin2023", "cred1"})  # all or nothing
    rerun = run_cli(*argv[3:], home=tmp_path, db=db, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    with Store(db, readonly=True) as store:
        assert {k: v["rows"] for k, v in loaded_sets(store).items()} == {"lin2023": 30_000, "cred1": 30_000}
    assert run_cli("corpus", "check", home=tmp_path, db=db).returncode == 0
