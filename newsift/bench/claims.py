"""Check-worthiness benchmark on CheckThat!-format TSV files, for one or more models.

Per model and file: precision, recall and F1 of the Yes class with a
bootstrap 95 % interval of the F1 (1,000 resamples of the sentences), ROC-AUC
and PR-AUC (average precision) of the scores, and speed. With ``held_out``,
the CT24 train file is scored on its 2016 debates only (the date-held-out
slice, ``newsift.datasets.ct24``); a slice or file the model was fitted on is
marked ``seen``.

Speed is sentences a second for scoring the whole file in one batch, best of
``repeat`` runs: wall-clock, and per second of this process's CPU time (one
core's work, undisturbed by other jobs on the machine).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Sequence

from ..claims.metrics import f1_interval, pr_auc, roc_auc, yes_scores
from ..claims import ClaimScorer
from ..datasets.ct24 import HELD_OUT_FIRST_ID, HELD_OUT_NAME, SPLIT_FILES, Example, read_tsv, split_held_out
from ..errors import Errors, InputError

__all__ = ["run_claims_bench", "bench_one"]


def _sets(paths: Sequence[str | Path], held_out: bool) -> list[tuple[str, bool, list[Example]]]:
    """(name, is the train file, labelled examples) per file; the train file cut to 2016 with ``held_out``."""
    names = [Path(p).name for p in paths]
    if held_out and SPLIT_FILES["train"] not in names:
        raise InputError(Errors.E258.format(train=SPLIT_FILES["train"]))
    sets = []
    for path, name in zip(paths, names):
        labelled = [e for e in read_tsv(path) if e.label is not None]
        is_train = name == SPLIT_FILES["train"]
        if is_train and held_out:
            labelled = split_held_out(labelled)[1]
            name = f"{HELD_OUT_NAME} (ids >= {HELD_OUT_FIRST_ID})"
        if not labelled:
            raise InputError(Errors.E255.format(path=path))
        sets.append((name, is_train, labelled))
    return sets


def _seen(model: ClaimScorer, is_train: bool, held_out: bool) -> bool:
    """True when the model was fitted on these sentences (its card says where its fit data stopped)."""
    if not is_train:
        return False
    return not held_out or "held_out_first_id" not in model.card.get("data", {})


def bench_one(model: ClaimScorer, examples: Sequence[Example], threshold: float | None = None,
              repeat: int = 3) -> dict[str, Any]:
    """Scores and speed of one model on labelled examples."""
    texts = [e.text for e in examples]
    labels = [bool(e.label) for e in examples]
    best, best_cpu = float("inf"), float("inf")
    for _ in range(max(1, repeat)):
        _clear_caches(model)
        started, started_cpu = time.perf_counter(), time.process_time()
        scores = model.scores(texts)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - started_cpu)
    threshold = model.threshold if threshold is None else threshold
    predicted = model.checkworthy(scores, threshold)
    result: dict[str, Any] = {"model": model.name, "threshold": threshold, "sentences": len(examples),
                              "yes": sum(labels)}
    result.update(yes_scores(labels, predicted))
    result["f1_low"], result["f1_high"] = f1_interval(labels, predicted)
    result["roc_auc"], result["pr_auc"] = roc_auc(labels, scores), pr_auc(labels, scores)
    result["sentences_per_s"] = round(len(texts) / best) if best > 0 else None
    # CPU time of this process: what one core does, whatever else the machine runs
    result["sentences_per_cpu_s"] = round(len(texts) / best_cpu) if best_cpu > 0 else None
    return result


def _clear_caches(model: ClaimScorer) -> None:
    """Time the encoding, not a cache (the strong model keeps none)."""
    embedder, static = getattr(model, "embedder", None), getattr(model, "static", None)
    if embedder is not None:
        embedder.reset()
    if static is not None:
        static.tokenizer.cache.clear()  # time the word pieces of every word, as on a first article


def run_claims_bench(paths: Sequence[str | Path], models: Sequence[ClaimScorer], threshold: float | None = None,
                     repeat: int = 3, held_out: bool = False) -> dict[str, Any]:
    """One result per model and file, in that order: ``{"results": [...]}``."""
    sets = _sets(paths, held_out)
    results = []
    for model in models:
        for name, is_train, examples in sets:
            result = {"data": name, **bench_one(model, examples, threshold, repeat)}
            result["seen"] = _seen(model, is_train, held_out)
            results.append(result)
    return {"results": results}
