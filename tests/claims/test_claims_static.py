"""Static token vectors distilled from MiniLM: the WordPiece tokenizer, sentence vectors, the file, distillation."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np
import pytest

from newsift.claims.static import STATIC_PATH, StaticEmbedder, WordPiece, distil, encoder_folder
from newsift.errors import InputError

VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "tax", "##es", "vaccine", "roll", "##out", ",", "cafe", "un",
         "##employ", "##ment"]


def test_wordpiece_splits_like_bert_uncased() -> None:
    pieces = WordPiece(VOCAB)
    words = [VOCAB[i] for i in pieces.ids("The Taxes, Café vaccine rollout; unemployment xyz")]
    # lower case, accents stripped, punctuation apart, longest pieces first; unknown words and pieces dropped
    assert words == ["the", "tax", "##es", ",", "cafe", "vaccine", "roll", "##out", "un", "##employ", "##ment"]


def test_sentence_vectors_are_normalised_means_and_survive_the_file(tmp_path: Path) -> None:
    table = np.random.default_rng(0).normal(size=(len(VOCAB), 8)).astype(np.float32)
    embedder = StaticEmbedder(VOCAB, table, {"name": "test"})
    vectors = embedder.encode(["taxes", "the vaccine", "xyz"])
    expected = table[5] + table[6]
    assert np.allclose(vectors[0], expected / np.linalg.norm(expected), atol=1e-6)
    assert np.allclose(np.linalg.norm(vectors[:2], axis=1), 1.0) and not vectors[2].any()  # nothing known: zeros
    embedder.save(tmp_path / "s.npz")
    loaded = StaticEmbedder.load(tmp_path / "s.npz")
    assert loaded.vocab == VOCAB and loaded.card == {"name": "test"}
    assert np.allclose(loaded.table, table, atol=np.abs(table).max() / 127)  # int8, one scale a dimension


def _tiny_bert(folder: Path, hidden: int = 8, layers: int = 1) -> Path:
    """A random BERT in the safetensors layout, small enough to distil in a test."""
    rng = np.random.default_rng(1)
    shapes = {"embeddings.word_embeddings.weight": (len(VOCAB), hidden),
              "embeddings.position_embeddings.weight": (8, hidden),
              "embeddings.token_type_embeddings.weight": (2, hidden)}
    for norm in ("embeddings.LayerNorm",):
        shapes |= {f"{norm}.weight": (hidden,), f"{norm}.bias": (hidden,)}
    for i in range(layers):
        p = f"encoder.layer.{i}"
        for name, out, inp in (("attention.self.query", hidden, hidden), ("attention.self.key", hidden, hidden),
                               ("attention.self.value", hidden, hidden), ("attention.output.dense", hidden, hidden),
                               ("intermediate.dense", 4 * hidden, hidden), ("output.dense", hidden, 4 * hidden)):
            shapes |= {f"{p}.{name}.weight": (out, inp), f"{p}.{name}.bias": (out,)}
        for norm in ("attention.output.LayerNorm", "output.LayerNorm"):
            shapes |= {f"{p}.{norm}.weight": (hidden,), f"{p}.{norm}.bias": (hidden,)}
    header, blobs, offset = {}, [], 0
    for name, shape in shapes.items():
        data = rng.normal(size=shape).astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    raw = json.dumps(header).encode()
    folder.mkdir()
    (folder / "model.safetensors").write_bytes(struct.pack("<Q", len(raw)) + raw + b"".join(blobs))
    (folder / "vocab.txt").write_text("\n".join(VOCAB) + "\n")
    (folder / "config.json").write_text(json.dumps({"num_attention_heads": 2}))
    return folder


def test_distil_runs_the_encoder_on_each_token_and_keeps_special_tokens_at_zero(tmp_path: Path) -> None:
    table = distil(encoder_folder(_tiny_bert(tmp_path / "bert")), dimensions=4)
    assert table.table.shape == (len(VOCAB), 4) and table.card["dimensions"] == 4
    assert not table.table[:4].any() and np.abs(table.table[4:]).sum(1).all()


def test_a_folder_without_the_encoder_files_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E001"):
        encoder_folder(tmp_path)


def test_packaged_table_is_small_and_reads_news_words() -> None:
    if not STATIC_PATH.exists():
        pytest.skip("no packaged static table")
    table = StaticEmbedder.load(STATIC_PATH)
    assert STATIC_PATH.stat().st_size < 4_000_000 and table.dimensions == table.card["dimensions"]
    tax, taxes, banana = table.encode(["tax", "taxes", "banana"])
    assert float(tax @ taxes) > 0.8 > 0.2 > float(tax @ banana)
