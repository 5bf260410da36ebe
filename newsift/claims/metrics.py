"""Scores for the Yes class: precision, recall, F1 with a bootstrap interval, ROC-AUC and PR-AUC.

Plain numpy, shared by training, the teacher and the bench (the lowest floor
of the claims package: it imports nothing else from it). A 0.02 change in F1
on 318 dev-test sentences is within noise; the bootstrap interval says so.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["yes_scores", "roc_auc", "pr_auc", "f1_interval", "THRESHOLDS", "BOOTSTRAP"]

THRESHOLDS = tuple(round(float(t), 3) for t in np.arange(0.2, 0.801, 0.025))
BOOTSTRAP = 1000  # resamples for the 95 % interval


def _counts(labels: np.ndarray, predicted: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """True positives, predicted positives and actual positives along the last axis."""
    return (labels & predicted).sum(-1), predicted.sum(-1), labels.sum(-1)


def yes_scores(labels: ArrayLike, predicted: ArrayLike) -> dict[str, float]:
    """Precision, recall and F1 of the Yes class (0 where undefined)."""
    tp, pp, ap = (float(x) for x in _counts(np.asarray(labels, bool), np.asarray(predicted, bool)))
    p = tp / pp if pp else 0.0
    r = tp / ap if ap else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def f1_interval(labels: ArrayLike, predicted: ArrayLike, resamples: int = BOOTSTRAP,
                seed: int = 0) -> tuple[float, float]:
    """95 % percentile bootstrap interval of the Yes-F1 (sentences resampled with replacement)."""
    y, p = np.asarray(labels, bool), np.asarray(predicted, bool)
    if len(y) == 0:
        return 0.0, 0.0
    rows = np.random.default_rng(seed).integers(0, len(y), size=(resamples, len(y)))
    tp, pp, ap = _counts(y[rows], p[rows])
    f1 = np.where(pp + ap > 0, 2 * tp / np.maximum(pp + ap, 1), 0.0)  # 2TP / (2TP + FP + FN)
    low, high = np.percentile(f1, [2.5, 97.5])
    return round(float(low), 4), round(float(high), 4)


def roc_auc(labels: ArrayLike, scores: ArrayLike) -> float | None:
    """Area under the ROC curve: the chance a random Yes outscores a random No (ties count half)."""
    y, s = np.asarray(labels, bool), np.asarray(scores, float)
    n_yes, n_no = int(y.sum()), int((~y).sum())
    if not n_yes or not n_no:
        return None
    _, inverse, counts = np.unique(s, return_inverse=True, return_counts=True)
    ranks = (np.cumsum(counts) - (counts - 1) / 2)[inverse]  # average ranks for ties (Mann-Whitney U)
    return round(float((ranks[y].sum() - n_yes * (n_yes + 1) / 2) / (n_yes * n_no)), 4)


def pr_auc(labels: ArrayLike, scores: ArrayLike) -> float | None:
    """Average precision (the step-wise area under the precision-recall curve, as scikit-learn computes it)."""
    y, s = np.asarray(labels, bool), np.asarray(scores, float)
    if not y.any():
        return None
    order = np.argsort(-s, kind="mergesort")
    y, s = y[order], s[order]
    last = np.r_[np.diff(s) != 0, True]  # the last row of each run of equal scores is a threshold
    tp = np.cumsum(y)[last]
    predicted = (np.arange(1, len(y) + 1))[last]
    precision, recall = tp / predicted, tp / y.sum()
    return round(float(np.sum(np.diff(np.r_[0.0, recall]) * precision)), 4)
