"""The default check-worthiness model: TF-IDF word and character n-grams
plus cue features, scored by logistic regression.

The optional semantic model (``claims-minilm-lr``) is the same regression
with 384 MiniLM embedding values appended to the features; the embedder
itself is not stored, only its name and weight.

Scoring runs on numpy alone (``tfidf.Tfidf``): scikit-learn and scipy are
imported only to train or to build the full feature matrix, which keeps them
off the cold start of ``newsift check``.

The model is stored without pickle: one ``.npz`` (read with
``allow_pickle=False``) holds each vectoriser's vocabulary and IDF weights,
the regression weights and a JSON header with the settings and the
threshold, so loading it cannot run code and does not need scikit-learn.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ..errors import Errors, InputError
from .features import CUE_NAMES, cue_features, cue_rows, normalise
from .semantic import DIMENSIONS, INSTALL_HINT, MODEL_NAME, Embedder, semantic_available
from .tfidf import Tfidf

__all__ = ["ClaimModel", "VECTORISERS", "DEFAULT_MODEL_PATH", "SEMANTIC_MODEL_PATH", "make_vectorisers"]

MODELS = Path(__file__).resolve().parents[1] / "models"
DEFAULT_MODEL_PATH = MODELS / "claims-tfidf-lr.npz"
SEMANTIC_MODEL_PATH = MODELS / "claims-minilm-lr.npz"
FORMAT = "newsift-claims-linear-2"  # 2: cues read the raw text

# name -> TfidfVectorizer settings for training; tfidf.Tfidf takes the same settings at load time
VECTORISERS: dict[str, dict[str, Any]] = {
    "word": {"ngram_range": (1, 2), "min_df": 2, "sublinear_tf": True},
    "char": {"analyzer": "char_wb", "ngram_range": (2, 5), "min_df": 3, "sublinear_tf": True},
}


def make_vectorisers() -> dict[str, Any]:
    """Unfitted scikit-learn vectorisers, for training (imported here so scoring never loads scikit-learn)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return {name: TfidfVectorizer(**settings) for name, settings in VECTORISERS.items()}


@dataclass
class ClaimModel:
    """Scores sentences: ``scores(texts)`` gives probabilities in [0, 1]."""

    vectorisers: dict[str, Tfidf]
    coef: np.ndarray  # one weight per feature: vectorisers in order, then the cues
    intercept: float
    threshold: float
    card: dict[str, Any] = field(default_factory=dict)
    embedder: Embedder | None = None  # set for the semantic model
    embedding_weight: float = 1.0

    @property
    def name(self) -> str:
        return str(self.card.get("name", "claims-tfidf-lr"))

    def features(self, texts: Sequence[str]) -> Any:
        """The full scipy.sparse feature matrix (for inspection; ``scores`` does not build it)."""
        from scipy import sparse

        normalised = [normalise(t) for t in texts]
        blocks = [vec.transform(normalised) for vec in self.vectorisers.values()]
        blocks.append(cue_features(list(texts)))  # raw text: the year cue needs its digits
        if self.embedder is not None:
            blocks.append(sparse.csr_matrix(self.embedder.encode(list(texts)) * self.embedding_weight))
        return sparse.hstack(blocks, format="csr")

    def margins(self, texts: Sequence[str]) -> np.ndarray:
        """``features(texts) @ coef + intercept``, block by block without building the matrix."""
        normalised = [normalise(t) for t in texts]
        margin, start = np.full(len(texts), self.intercept), 0
        for vec in self.vectorisers.values():
            margin += vec.dot(normalised, self.coef[start:start + len(vec.terms)])
            start += len(vec.terms)
        margin += cue_rows(list(texts)) @ self.coef[start:start + len(CUE_NAMES)]  # raw text: years need digits
        if self.embedder is not None:
            margin += (self.embedder.encode(list(texts)) * self.embedding_weight) @ self.coef[start + len(CUE_NAMES):]
        return margin

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros(0)
        return 1.0 / (1.0 + np.exp(-self.margins(texts)))

    def checkworthy(self, scores: np.ndarray, threshold: float | None = None) -> np.ndarray:
        return scores >= (self.threshold if threshold is None else threshold)

    def feature_names(self) -> list[str]:
        names = [f"{n}:{t}" for n, vec in self.vectorisers.items() for t in vec.get_feature_names_out()]
        names += [f"cue:{c}" for c in CUE_NAMES]
        return names + ([f"minilm:{i}" for i in range(DIMENSIONS)] if self.embedder is not None else [])

    # -- storage without pickle ------------------------------------------------
    def save(self, path: str | Path) -> None:
        arrays: dict[str, np.ndarray] = {"coef": self.coef.astype(np.float32)}
        for name, vec in self.vectorisers.items():
            terms = "\x00".join(vec.terms)
            arrays[f"{name}_terms"] = np.frombuffer(terms.encode("utf-8"), dtype=np.uint8)
            arrays[f"{name}_idf"] = vec.idf.astype(np.float32)
        header = {"format": FORMAT, "intercept": self.intercept, "threshold": self.threshold,
                  "vectorisers": {n: _jsonable(VECTORISERS[n]) for n in self.vectorisers},
                  "cues": CUE_NAMES, "card": self.card}
        if self.embedder is not None:
            header["embedding"] = {"model": MODEL_NAME, "dimensions": DIMENSIONS, "weight": self.embedding_weight}
        arrays["header"] = np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8)
        np.savez_compressed(Path(path), **arrays)

    @classmethod
    def load(cls, path: str | Path) -> "ClaimModel":
        path = Path(path)
        try:
            with np.load(path, allow_pickle=False) as data:
                header = json.loads(bytes(data["header"]).decode("utf-8"))
                if header.get("format") != FORMAT or header.get("cues") != CUE_NAMES:
                    raise InputError(Errors.E254.format(path=path, why=f"format {header.get('format')!r}"))
                vectorisers = {name: _rebuild(settings, data[f"{name}_terms"], data[f"{name}_idf"])
                               for name, settings in header["vectorisers"].items()}
                coef = data["coef"].astype(np.float64)
            embedding = header.get("embedding")
        except FileNotFoundError:
            raise InputError(Errors.E254.format(path=path, why="no such file")) from None
        except (OSError, ValueError, KeyError) as exc:
            raise InputError(Errors.E254.format(path=path, why=exc)) from None
        model = cls(vectorisers, coef, float(header["intercept"]), float(header["threshold"]), header.get("card", {}))
        if embedding:
            if not semantic_available():
                raise InputError(Errors.E256.format(why=f"{path.name} uses {embedding['model']} embeddings",
                                                    hint=INSTALL_HINT))
            model.embedder, model.embedding_weight = Embedder(), float(embedding["weight"])
        return model


def _jsonable(settings: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in settings.items()}


def _rebuild(settings: dict[str, Any], terms: np.ndarray, idf: np.ndarray) -> Tfidf:
    settings = {k: tuple(v) if isinstance(v, list) else v for k, v in settings.items()}
    return Tfidf(bytes(terms).decode("utf-8").split("\x00"), idf, **settings)  # ValueError: E254 in load
