"""The default check-worthiness model: TF-IDF word and character n-grams
plus cue features, scored by logistic regression.

The default model may also append a static sentence vector (the mean of
token rows distilled from MiniLM, ``static.StaticEmbedder``; a lookup, no
torch): the table is its own file beside the model, named in the header.
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
from .features import CUE_NAMES, cue_rows, normalise
from .semantic import DIMENSIONS, INSTALL_HINT, MODEL_NAME, Embedder, semantic_available
from .static import StaticEmbedder
from .tfidf import Tfidf

__all__ = ["ClaimModel", "VECTORISERS", "DEFAULT_MODEL_PATH", "SEMANTIC_MODEL_PATH", "make_vectorisers"]

MODELS = Path(__file__).resolve().parents[1] / "models"
DEFAULT_MODEL_PATH = MODELS / "claims-tfidf-lr.npz"
SEMANTIC_MODEL_PATH = MODELS / "claims-minilm-lr.npz"
FORMAT = "newsift-claims-linear-3"  # 3: optional static embedding block
READABLE = ("newsift-claims-linear-2", FORMAT)  # 2: models trained before #16, with the first 14 cues

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
    static: StaticEmbedder | None = None  # distilled static token table (default model)
    static_weight: float = 1.0
    static_file: str = ""  # the table's file name, looked for beside the model, then in newsift/models
    cues: list[str] = field(default_factory=lambda: list(CUE_NAMES))  # the cue columns this model was fitted on

    def _cue_block(self, texts: list[str]) -> np.ndarray:
        rows = cue_rows(texts)
        return rows if self.cues == CUE_NAMES else rows[:, [CUE_NAMES.index(c) for c in self.cues]]

    @property
    def name(self) -> str:
        return str(self.card.get("name", "claims-tfidf-lr"))

    def features(self, texts: Sequence[str]) -> Any:
        """The full scipy.sparse feature matrix (for inspection; ``scores`` does not build it)."""
        from scipy import sparse

        normalised = [normalise(t) for t in texts]
        blocks = [vec.transform(normalised) for vec in self.vectorisers.values()]
        blocks.append(sparse.csr_matrix(self._cue_block(list(texts))))  # raw text: the year cue needs its digits
        if self.static is not None:
            blocks.append(sparse.csr_matrix(self.static.encode(list(texts)) * self.static_weight))
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
        margin += self._cue_block(list(texts)) @ self.coef[start:start + len(self.cues)]  # raw: years need digits
        start += len(self.cues)
        if self.static is not None:
            width = self.static.dimensions
            margin += (self.static.encode(list(texts)) * self.static_weight) @ self.coef[start:start + width]
            start += width
        if self.embedder is not None:
            margin += (self.embedder.encode(list(texts)) * self.embedding_weight) @ self.coef[start:]
        return margin

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros(0)
        return 1.0 / (1.0 + np.exp(-self.margins(texts)))

    def checkworthy(self, scores: np.ndarray, threshold: float | None = None) -> np.ndarray:
        return scores >= (self.threshold if threshold is None else threshold)

    def feature_names(self) -> list[str]:
        names = [f"{n}:{t}" for n, vec in self.vectorisers.items() for t in vec.get_feature_names_out()]
        names += [f"cue:{c}" for c in self.cues]
        names += [f"static:{i}" for i in range(self.static.dimensions)] if self.static is not None else []
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
                  "cues": self.cues, "card": self.card}
        if self.embedder is not None:
            header["embedding"] = {"model": MODEL_NAME, "dimensions": DIMENSIONS, "weight": self.embedding_weight}
        if self.static is not None:
            header["static"] = {"file": self.static_file, "dimensions": self.static.dimensions,
                                "weight": self.static_weight}
        arrays["header"] = np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8)
        np.savez_compressed(Path(path), **arrays)  # type: ignore[arg-type]  # numpy stubs: allow_pickle clash

    @classmethod
    def load(cls, path: str | Path) -> "ClaimModel":
        path = Path(path)
        try:
            with np.load(path, allow_pickle=False) as data:
                header = json.loads(bytes(data["header"]).decode("utf-8"))
                cues = header.get("cues")
                if header.get("format") not in READABLE or not isinstance(cues, list) \
                        or not set(cues) <= set(CUE_NAMES):
                    raise InputError(Errors.E254.format(path=path, why=f"format {header.get('format')!r}"))
                vectorisers = {name: _rebuild(settings, data[f"{name}_terms"], data[f"{name}_idf"])
                               for name, settings in header["vectorisers"].items()}
                coef = data["coef"].astype(np.float64)
            embedding = header.get("embedding")
        except FileNotFoundError:
            raise InputError(Errors.E254.format(path=path, why="no such file")) from None
        except (OSError, ValueError, KeyError) as exc:
            raise InputError(Errors.E254.format(path=path, why=exc)) from None
        model = cls(vectorisers, coef, float(header["intercept"]), float(header["threshold"]), header.get("card", {}),
                    cues=list(header["cues"]))
        if header.get("static"):
            model.static, model.static_file = _static(path, header["static"]["file"]), header["static"]["file"]
            model.static_weight = float(header["static"]["weight"])
        if embedding:
            if not semantic_available():
                raise InputError(Errors.E256.format(why=f"{path.name} uses {embedding['model']} embeddings",
                                                    hint=INSTALL_HINT))
            model.embedder, model.embedding_weight = Embedder(), float(embedding["weight"])
        return model


def _static(model_path: Path, name: str) -> StaticEmbedder:
    """The static table a model names: beside the model, else the packaged one."""
    for folder in (model_path.parent, MODELS):
        if (folder / name).exists():
            try:
                return StaticEmbedder.load(folder / name)
            except (OSError, ValueError, KeyError) as exc:
                raise InputError(Errors.E254.format(path=model_path, why=f"static table {folder / name}: {exc}")) \
                    from None
    raise InputError(Errors.E254.format(path=model_path, why=f"its static table {name} is missing"))


def _jsonable(settings: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in settings.items()}


def _rebuild(settings: dict[str, Any], terms: np.ndarray, idf: np.ndarray) -> Tfidf:
    settings = {k: tuple(v) if isinstance(v, list) else v for k, v in settings.items()}
    return Tfidf(bytes(terms).decode("utf-8").split("\x00"), idf, **settings)  # ValueError: E254 in load
