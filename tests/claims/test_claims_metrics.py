"""Yes-class scores, bootstrap interval, ROC-AUC and PR-AUC against scikit-learn's."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score

from newsift.claims.metrics import f1_interval, pr_auc, roc_auc, yes_scores


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_scores_match_scikit_learn_with_ties(seed: int) -> None:
    rng = np.random.default_rng(seed)
    labels = rng.random(400) < 0.3
    scores = np.round(rng.random(400) * 0.7 + labels * 0.3, 1)  # rounded: many ties
    assert roc_auc(labels, scores) == pytest.approx(roc_auc_score(labels, scores), abs=1e-4)
    assert pr_auc(labels, scores) == pytest.approx(average_precision_score(labels, scores), abs=1e-4)
    assert yes_scores(labels, scores >= 0.5)["f1"] == pytest.approx(f1_score(labels, scores >= 0.5), abs=1e-4)


def test_interval_brackets_the_f1_and_narrows_with_more_sentences() -> None:
    rng = np.random.default_rng(3)
    labels = rng.random(2000) < 0.3
    predicted = np.where(rng.random(2000) < 0.8, labels, ~labels)
    small, large = f1_interval(labels[:200], predicted[:200]), f1_interval(labels, predicted)
    f1 = yes_scores(labels, predicted)["f1"]
    assert large[0] <= f1 <= large[1]
    assert large[1] - large[0] < small[1] - small[0]


def test_undefined_cases_are_none_or_zero() -> None:
    assert roc_auc([True, True], [0.1, 0.2]) is None and pr_auc([False], [0.3]) is None
    assert yes_scores([False, False], [False, False]) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert f1_interval([], []) == (0.0, 0.0)
