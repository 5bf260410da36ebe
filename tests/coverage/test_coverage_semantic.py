"""The optional MiniLM re-ranker: used when installed, never required."""

import numpy as np
import pytest

from newsift.coverage import EmbeddingReranker
from newsift.coverage._semantic import model_folder
from newsift.errors import ResourceUnavailable
from newsift.pipeline import Resources
from newsift.settings import Options


class _FakeModel:
    def encode(self, texts, normalize_embeddings):
        vectors = np.array([[1.0, 0.0] if "bridge" in t else [0.0, 1.0] for t in texts])
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_reranker_scores_cosine_similarity():
    sims = EmbeddingReranker(_FakeModel()).similarities("the bridge", ["a bridge", "a budget"])
    assert sims == pytest.approx([1.0, 0.0])
    assert EmbeddingReranker(_FakeModel()).similarities("q", []) == []


def test_turned_off_or_missing_model_is_unavailable(tmp_path):
    off = Resources(Options(db=str(tmp_path / "x.db"), coverage_semantic=False))
    assert not off.available("coverage_semantic")
    with pytest.raises(ResourceUnavailable, match="E305"):
        model_folder(str(tmp_path / "no-model"))
