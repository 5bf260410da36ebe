"""Check-worthiness: which sentences deserve a fact-check, and whose claims they are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..datasets.ct24 import Example, read_tsv
from .metrics import yes_scores
from .model import DEFAULT_MODEL_PATH, SEMANTIC_MODEL_PATH, ClaimModel
from .semantic import semantic_available
from .strong import MODEL_FILE as STRONG_MODEL_FILE
from .strong import StrongClaimModel
from .whose import ClaimOwner, whose_claim

ClaimScorer = ClaimModel | StrongClaimModel  # what the claims stage and bench score with

__all__ = ["ClaimModel", "DEFAULT_MODEL_PATH", "SEMANTIC_MODEL_PATH", "semantic_available", "Example", "read_tsv",
           "train_model", "yes_scores", "ClaimOwner", "whose_claim", "load_model", "StrongClaimModel", "ClaimScorer"]


def __getattr__(name: str) -> Any:
    """Training pulls in more of scikit-learn; import it only when asked for."""
    if name == "train_model":
        from . import training

        return getattr(training, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_model(spec: str | None = None, strong_dir: str | None = None) -> ClaimScorer:
    """A claims model by name or path.

    ``tfidf`` (also None): the packaged default; ``semantic``: the MiniLM model
    (needs the ``semantic`` extra); ``strong``: the fine-tuned MiniLM as int8
    ONNX from ``strong_dir`` (default: the user's data folder; needs the
    ``strong`` extra; E259 when it has not been built); ``auto``: semantic when
    installed, else tfidf; a folder holding a strong model; anything else is a
    path to a model ``.npz``.
    """
    if spec in (None, "", "tfidf"):
        return ClaimModel.load(DEFAULT_MODEL_PATH)
    if spec == "semantic":
        return ClaimModel.load(SEMANTIC_MODEL_PATH)
    if spec == "strong":
        return StrongClaimModel.load(strong_dir)
    if spec == "auto":
        usable = SEMANTIC_MODEL_PATH.exists() and semantic_available()
        return ClaimModel.load(SEMANTIC_MODEL_PATH if usable else DEFAULT_MODEL_PATH)
    if (Path(spec) / STRONG_MODEL_FILE).exists():
        return StrongClaimModel.load(spec)
    return ClaimModel.load(spec)
