"""The optional strong claims model: fine-tuned MiniLM as int8 ONNX, run with onnxruntime (no torch).

The folder ``newsift train claims-strong`` writes (``strong_train``) holds the
quantised network (``claims-strong.onnx``: token ids and mask in, two logits
out), the fast tokenizer's JSON and a card with the threshold. It is ~20 MB,
so it is not packaged: it lives in the user's data folder
(``$XDG_DATA_HOME/newsift/models/claims-strong``, else
``~/.local/share/…``) or wherever the ``claims_strong_dir`` setting points.

Scoring needs only onnxruntime and tokenizers (the ``strong`` extra). One
intra-op thread by default, so that ``bench claims`` reports one core's speed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ..errors import Errors, InputError

__all__ = ["StrongClaimModel", "default_strong_dir", "MODEL_FILE", "TOKENIZER_FILE", "CARD_FILE"]

MODEL_FILE = "claims-strong.onnx"
TOKENIZER_FILE = "claims-strong.tokenizer.json"
CARD_FILE = "claims-strong.card.json"
BATCH = 64
MAX_TOKENS = 96  # as trained (strong_train.MAX_TOKENS); the card's value wins


def default_strong_dir() -> Path:
    """Where the strong model is looked for when ``claims_strong_dir`` is not set."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "newsift" / "models" / "claims-strong"


@dataclass
class StrongClaimModel:
    """Scores sentences like ``ClaimModel``: ``scores(texts)`` gives probabilities in [0, 1]."""

    session: Any  # onnxruntime.InferenceSession
    tokenizer: Any  # tokenizers.Tokenizer, truncating and padding
    threshold: float
    card: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return str(self.card.get("name", "claims-strong"))

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros(0)
        order = np.argsort([len(t) for t in texts], kind="stable")  # similar lengths together: less padding
        scores = np.empty(len(texts))
        for start in range(0, len(order), BATCH):
            batch = order[start:start + BATCH]
            encoded = self.tokenizer.encode_batch([texts[i] for i in batch])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            logits = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0].astype(np.float64)
            scores[batch] = _softmax_yes(logits)
        return scores

    def checkworthy(self, scores: np.ndarray, threshold: float | None = None) -> np.ndarray:
        return scores >= (self.threshold if threshold is None else threshold)

    @classmethod
    def load(cls, folder: str | Path | None = None, threads: int = 1,
             threshold: float | None = None) -> "StrongClaimModel":
        """The model in ``folder`` (default: ``default_strong_dir()``); E259 absent, E260 no runtime, E261 broken."""
        folder = Path(folder) if folder else default_strong_dir()
        if not (folder / MODEL_FILE).exists():
            raise InputError(Errors.E259.format(path=folder))
        ort, tokenizers = _runtime()
        card = _read_card(folder)
        try:
            options = ort.SessionOptions()
            options.intra_op_num_threads, options.inter_op_num_threads = threads, 1
            session = ort.InferenceSession(str(folder / MODEL_FILE), options, providers=["CPUExecutionProvider"])
            tokenizer = tokenizers.Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        except Exception as exc:  # onnxruntime and tokenizers raise their own types: one coded line
            raise InputError(Errors.E261.format(path=folder, why=str(exc).splitlines()[0][:200])) from None
        tokenizer.enable_truncation(max_length=int(card.get("settings", {}).get("max_tokens", MAX_TOKENS)))
        tokenizer.enable_padding(pad_id=tokenizer.token_to_id("[PAD]") or 0, pad_token="[PAD]")
        chosen = threshold if threshold is not None else card.get("threshold", 0.5)
        return cls(session, tokenizer, float(chosen), card)


def _softmax_yes(logits: np.ndarray) -> np.ndarray:
    """P(Yes) from two logits a row: the logistic of their difference (stable for any magnitude)."""
    return np.asarray(1.0 / (1.0 + np.exp(logits[:, 0] - logits[:, 1])))


def _runtime() -> tuple[Any, Any]:
    try:
        import onnxruntime as ort  # type: ignore[import-not-found]
        import tokenizers  # type: ignore[import-not-found]
    except ImportError as exc:
        raise InputError(Errors.E260.format(why=f"{exc.name or 'onnxruntime'} is not installed")) from None
    return ort, tokenizers


def _read_card(folder: Path) -> dict[str, Any]:
    path = folder / CARD_FILE
    if not path.exists():
        return {}  # scores still work; the threshold falls back to 0.5
    try:
        card = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(Errors.E261.format(path=folder, why=f"{CARD_FILE}: {exc}")) from None
    if not isinstance(card, dict):
        raise InputError(Errors.E261.format(path=folder, why=f"{CARD_FILE} is not an object"))
    return card
