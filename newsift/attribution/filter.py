"""A small learned filter over reported-speech candidates.

The parse proposes every cue verb with a complement; many are not
attributions ("push a decision", "appear to raise"). A logistic regression
over a few features of the candidate (cue lemma, how the content hangs from
the cue, the subject) trained on PolNeAR train keeps those likely to be
annotated. Weights ship as JSON (``newsift/models/attribution_filter.json``)
and are applied without scikit-learn; ``newsift train quotes`` rebuilds them.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Iterable

__all__ = ["CandidateFilter", "FILTER_PATH", "OTHER_FILTER_PATH", "fit_filter"]

FILTER_PATH = Path(__file__).resolve().parents[1] / "models" / "attribution_filter.json"
# the filter over candidates whose cue is outside the lexicon (layer 'attributions' only, cue kind 'other')
OTHER_FILTER_PATH = FILTER_PATH.with_name("attribution_other_filter.json")


class CandidateFilter:
    def __init__(self, weights: dict[str, float], bias: float, threshold: float = 0.4) -> None:
        self.weights, self.bias, self.threshold = weights, bias, threshold

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, features: dict[str, float]) -> bool:
        return self.probability(features) >= self.threshold

    @classmethod
    def keep_all(cls) -> "CandidateFilter":
        """A filter that keeps every candidate (to collect training examples)."""
        return cls({}, 0.0, threshold=0.0)

    def to_json(self) -> dict[str, object]:
        return {"bias": self.bias, "threshold": self.threshold, "weights": self.weights}

    @classmethod
    def read(cls, path: Path = FILTER_PATH) -> "CandidateFilter | None":
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], data["bias"], data.get("threshold", 0.4))


def fit_filter(examples: Iterable[tuple[dict[str, float], bool]], threshold: float = 0.4, c: float = 1.0) -> CandidateFilter:
    """Logistic regression (scikit-learn) over candidate features and whether gold matched them."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    feats, labels = zip(*examples)
    vec = DictVectorizer()
    x = vec.fit_transform(feats)
    model = LogisticRegression(C=c, max_iter=2000).fit(x, labels)
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) > 1e-4}
    return CandidateFilter(weights, round(float(model.intercept_[0]), 5), threshold)
