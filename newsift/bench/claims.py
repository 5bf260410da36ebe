"""Check-worthiness benchmark on a CheckThat!-format TSV: P, R, F1 of Yes, and speed.

Speed is sentences a second for scoring the whole file in one batch (the
linear model runs on one core), best of ``repeat`` runs: wall-clock, and per
second of this process's CPU time, which a busy machine does not disturb.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from ..claims.data import read_tsv
from ..claims.model import ClaimModel
from ..claims.training import yes_scores
from ..errors import Errors, InputError

__all__ = ["run_claims_bench"]


def run_claims_bench(path: str | Path, model: ClaimModel, threshold: float | None = None,
                     repeat: int = 3) -> dict[str, Any]:
    examples = read_tsv(path)
    labelled = [e for e in examples if e.label is not None]
    if not labelled:
        raise InputError(Errors.E255.format(path=path))
    texts = [e.text for e in labelled]
    best, best_cpu = float("inf"), float("inf")
    for _ in range(max(1, repeat)):
        if model.embedder is not None:
            model.embedder.reset()  # time the encoding, not the cache
        started, started_cpu = time.perf_counter(), time.process_time()
        scores = model.scores(texts)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - started_cpu)
    threshold = model.threshold if threshold is None else threshold
    result: dict[str, Any] = {"data": Path(path).name, "model": model.name, "threshold": threshold,
                              "sentences": len(labelled), "yes": sum(bool(e.label) for e in labelled)}
    result.update(yes_scores([bool(e.label) for e in labelled], model.checkworthy(scores, threshold)))
    result["sentences_per_s"] = round(len(labelled) / best) if best > 0 else None
    # CPU time of this process: what one core does, whatever else the machine runs
    result["sentences_per_cpu_s"] = round(len(labelled) / best_cpu) if best_cpu > 0 else None
    return result
