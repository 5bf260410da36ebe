"""Check-worthiness: which sentences deserve a fact-check, and whose claims they are."""

from __future__ import annotations

from typing import Any

from ..datasets.ct24 import Example, read_tsv
from .metrics import yes_scores
from .model import DEFAULT_MODEL_PATH, SEMANTIC_MODEL_PATH, ClaimModel
from .semantic import semantic_available
from .whose import ClaimOwner, whose_claim

__all__ = ["ClaimModel", "DEFAULT_MODEL_PATH", "SEMANTIC_MODEL_PATH", "semantic_available", "Example", "read_tsv",
           "train_model", "yes_scores", "ClaimOwner", "whose_claim", "load_model"]


def __getattr__(name: str) -> Any:
    """Training pulls in more of scikit-learn; import it only when asked for."""
    if name == "train_model":
        from . import training

        return getattr(training, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_model(spec: str | None = None) -> ClaimModel:
    """A claims model by name or path.

    ``tfidf`` (also None): the packaged default; ``semantic``: the MiniLM model
    (needs the ``semantic`` extra); ``auto``: semantic when installed, else
    tfidf; anything else is a path to a model ``.npz``.
    """
    if spec in (None, "", "tfidf"):
        return ClaimModel.load(DEFAULT_MODEL_PATH)
    if spec == "semantic":
        return ClaimModel.load(SEMANTIC_MODEL_PATH)
    if spec == "auto":
        usable = SEMANTIC_MODEL_PATH.exists() and semantic_available()
        return ClaimModel.load(SEMANTIC_MODEL_PATH if usable else DEFAULT_MODEL_PATH)
    return ClaimModel.load(spec)
