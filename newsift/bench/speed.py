"""Speed benchmark: cold start, warm articles/second and peak memory.

Cold start is measured in a fresh interpreter (import + first analysis), so
it includes loading the language model; the warm figure excludes it.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from ..analysis import Analyzer
from ..model import Article
from ..readers import read_inputs
from ..settings import Options

__all__ = ["run_speed", "default_inputs", "SEED"]

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "putin-comey.txt"


def default_inputs() -> list[str]:
    paths = sorted(str(p) for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".json", ".html"))
    if SEED.exists():
        paths.insert(0, str(SEED))
    return paths


def _cold_start(path: str, stages: list[str] | None, db: str) -> dict[str, float]:
    code = (
        "import time; t0=time.perf_counter(); import newsift; t1=time.perf_counter();"
        "from newsift.readers import read_path; a=next(read_path(%r));"
        "an=newsift.Analyzer(stages=%r); an.analyze(a); t2=time.perf_counter();"
        "print(t1-t0, t2-t0)" % (path, stages)
    )
    t0 = time.perf_counter()
    env = {**os.environ, "NEWSIFT_DB": db}  # the same store as the warm runs
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env=env).stdout.split()
    return {"import_s": float(out[0]), "first_report_s": float(out[1]), "process_s": time.perf_counter() - t0}


def run_speed(paths: list[str], repeat: int, options: Options | None = None) -> dict[str, Any]:
    options = options or Options()
    articles = [a for a in read_inputs(paths, options.max_bytes) if isinstance(a, Article)]
    if not articles:
        raise ValueError("no readable inputs to time")
    cold = _cold_start(paths[0], options.stages, options.db)
    analyzer = Analyzer(options)
    analyzer.analyze(articles[0])  # warm up: load resources
    per_stage: dict[str, float] = {}
    chars = 0
    started = time.perf_counter()
    n = 0
    for _ in range(repeat):
        for article in articles:
            report = analyzer.analyze(article)
            chars += len(article.text)
            n += 1
            for record in report.stages:
                per_stage[record.name] = per_stage.get(record.name, 0.0) + record.seconds
    elapsed = time.perf_counter() - started
    seed_time = None
    if SEED.exists():
        seed = next(a for a in read_inputs([str(SEED)]) if isinstance(a, Article))
        t0 = time.perf_counter()
        for _ in range(5):
            analyzer.analyze(seed)
        seed_time = (time.perf_counter() - t0) / 5
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": n,
        "distinct_articles": len(articles),
        "articles_per_s": round(n / elapsed, 2),
        "chars_per_s": round(chars / elapsed),
        "seed_warm_s": round(seed_time, 4) if seed_time is not None else None,
        "cold_import_s": round(cold["import_s"], 3),
        "cold_first_report_s": round(cold["first_report_s"], 3),
        "peak_rss_mb": round(peak_mb, 1),
        "stages": ",".join(analyzer.pipeline.names),
        "per_stage_ms": {k: round(1000 * v / n, 3) for k, v in per_stage.items()},
    }
