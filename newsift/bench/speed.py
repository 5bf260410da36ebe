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

__all__ = ["run_speed", "default_inputs", "SEED", "spacy_ratio", "worker_speedup", "load_articles"]

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


# --- corpus scale: a full check against spaCy's own parse, and workers ---------------------------------

SPACY_BATCH_SIZES = (16, 64, 256, 1000)


# A text of no real words: checking it loads every resource (spaCy, models, the store) without warming
# what is kept per stored report (coverage's prepared reports), which the timed check must pay for itself.
WARM_UP = Article(text='Zorblat quuxed the vimmel at Plonk. "Frabble," said Yelm Dorrit.', id="newsift-warm-up")


def spacy_ratio(articles: list[Article], options: Options, batch_sizes: tuple[int, ...] = SPACY_BATCH_SIZES,
                rounds: int = 2) -> dict[str, Any]:
    """CPU seconds of a full check of ``articles`` (batched, as ``check`` runs) over spaCy's best parse of them.

    Both are timed in this process, interleaved over ``rounds`` and the best
    round of each kept, so load from other processes on a shared machine
    weighs on both sides alike. Each round checks with a new Analyzer (the
    loaded spaCy pipeline shared), so nothing kept from an earlier round
    helps it. spaCy's side parses the same paragraphs with ``nlp.pipe`` and
    the same pipeline the check loads (every component: the stages read
    tags, parses, lemmas and entities) at each batch size; its best is the reference.
    """
    from ..language.parse import parse_many

    texts = [a.text for a in articles]
    check_cpu: list[float] = []
    parse_cpu: dict[int, list[float]] = {size: [] for size in batch_sizes}
    nlp = None
    stage_ms: dict[str, float] = {}
    for _ in range(rounds):
        seconds, nlp, stages = _check_cpu(articles, options, nlp)
        if not check_cpu or seconds < min(check_cpu):
            stage_ms = stages
        check_cpu.append(seconds)
        for size in batch_sizes:
            t0 = time.process_time()
            parse_many(texts, nlp, size)
            parse_cpu[size].append(time.process_time() - t0)
    best_size = min(parse_cpu, key=lambda s: min(parse_cpu[s]))
    check_s, parse_s = min(check_cpu), min(parse_cpu[best_size])
    return {"articles": len(articles), "check_cpu_s": round(check_s, 3), "spacy_cpu_s": round(parse_s, 3),
            "spacy_best_batch": best_size, "check_over_spacy": round(check_s / parse_s, 3),
            "spacy_pipeline": list(getattr(nlp, "pipe_names", [])),
            "check_cpu_s_by_round": [round(s, 3) for s in check_cpu],
            # wall ms per article of each stage's run in the best round (the parse is in language's prepare)
            "stage_ms": stage_ms,
            "spacy_cpu_s_by_batch": {str(s): round(min(v), 3) for s, v in parse_cpu.items()}}


def _check_cpu(articles: list[Article], options: Options, nlp: Any = None) -> tuple[float, Any, dict[str, float]]:
    """CPU seconds of checking ``articles`` with a new Analyzer (given ``nlp`` when loaded), its nlp, and
    each stage's wall ms per article."""
    analyzer = Analyzer(options)
    per_stage: dict[str, float] = {}
    try:
        if nlp is not None:
            analyzer.resources.put("nlp", nlp)
        analyzer.analyze(WARM_UP)  # load every resource
        t0 = time.process_time()
        for report in analyzer.analyze_many(articles):
            for record in report.stages:
                per_stage[record.name] = per_stage.get(record.name, 0.0) + record.seconds
        seconds = time.process_time() - t0
        ms = {name: round(1000 * s / len(articles), 2) for name, s in per_stage.items()}
        return seconds, analyzer.resources.get("nlp"), ms
    finally:
        analyzer.close()


def worker_speedup(articles: list[Article], options: Options, workers: tuple[int, ...] = (1, 2),
                   chunk_size: int = 4) -> dict[str, Any]:
    """Articles per second (wall clock, models already loaded) in process and on Dask LocalClusters."""
    from ..batch import analyze_on, dask_client, start_analyzers

    analyzer = Analyzer(options)
    try:
        list(analyzer.analyze_many(articles[:2]))
        t0 = time.perf_counter()
        for _report in analyzer.analyze_many(articles):
            pass
        rates: dict[str, float] = {"in_process": len(articles) / (time.perf_counter() - t0)}
    finally:
        analyzer.close()
    for n in workers:
        with dask_client(n) as client:
            start_analyzers(client, options)
            t0 = time.perf_counter()
            count = sum(1 for _ in analyze_on(client, articles, chunk_size))
            rates[f"workers_{n}"] = count / (time.perf_counter() - t0)
    base = rates.get("workers_1") or rates["in_process"]
    return {"articles": len(articles), "cores": _cores(),
            "articles_per_s": {k: round(v, 2) for k, v in rates.items()},
            "speedup_vs_1_worker": {k: round(v / base, 2) for k, v in rates.items() if k.startswith("workers_")},
            "speedup_vs_in_process": {k: round(v / rates["in_process"], 2) for k, v in rates.items()
                                      if k.startswith("workers_")}}


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def load_articles(paths: list[str], options: Options, limit: int | None = None) -> list[Article]:
    """The readable articles of ``paths`` (folders, JSONL, Parquet …), at most ``limit``."""
    found: list[Article] = []
    for item in read_inputs(paths, options.max_bytes):
        if isinstance(item, Article):
            found.append(item)
            if limit is not None and len(found) >= limit:
                break
    if not found:
        raise ValueError("no readable inputs to time")
    return found
