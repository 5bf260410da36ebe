"""Normalised word tokens with offsets, and winnowed n-gram fingerprints.

Tokens are runs of letters and digits, NFKC-folded and case-folded, so
case, quote and dash styles, and whitespace never change them. A
fingerprint is a 31-bit hash of ``n`` consecutive tokens; winnowing keeps
the smallest hash of every window of ``window`` n-grams, which guarantees
that any shared run of ``n + window - 1`` tokens yields a shared
fingerprint (Schleimer et al., SIGMOD 2003) while storing about
``2 / (window + 1)`` of the n-grams.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["Tokens", "tokenize", "words_of", "fingerprints", "ngram_hashes", "word_hashes"]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MASK31 = np.uint64((1 << 31) - 1)
_MIX = np.uint64(0x9E3779B97F4A7C15)


@dataclass
class Tokens:
    """Normalised words and their ``[start, end)`` character offsets in the text."""

    words: list[str]
    starts: list[int]
    ends: list[int]

    def __len__(self) -> int:
        return len(self.words)

    def __reduce__(self) -> tuple[Any, ...]:
        # one string and two arrays, not three lists of objects: texts move between workers in
        # ``corpus trace``, and unpickling thousands of small objects each was most of the move
        return _tokens, ("\0".join(self.words), np.asarray(self.starts, dtype=np.int64),
                         np.asarray(self.ends, dtype=np.int64))


def _tokens(words: str, starts: np.ndarray, ends: np.ndarray) -> Tokens:
    return Tokens(words.split("\0") if len(starts) else [], starts.tolist(), ends.tolist())


def _fold(word: str) -> str:
    if word.isascii():
        return word.lower()
    return unicodedata.normalize("NFKC", word).casefold()


def words_of(text: str) -> list[str]:
    """The same words as ``tokenize(text).words``, faster (no offsets): for indexing."""
    if text.isascii():
        return _WORD.findall(text.lower())
    return [w.lower() if w.isascii() else _fold(w) for w in _WORD.findall(text)]


def tokenize(text: str) -> Tokens:
    lowered = text.lower()
    if len(lowered) == len(text):  # lower-casing kept every offset: one pass, only non-ASCII words folded
        found = list(_WORD.finditer(lowered))
        starts, ends = [m.start() for m in found], [m.end() for m in found]
        words = [m.group() for m in found]
        if not text.isascii():
            words = [w if w.isascii() else _fold(text[s:e]) for w, s, e in zip(words, starts, ends)]
        return Tokens(words, starts, ends)
    words, starts, ends = [], [], []
    for match in _WORD.finditer(text):
        words.append(_fold(match.group()))
        starts.append(match.start())
        ends.append(match.end())
    return Tokens(words, starts, ends)


def word_hashes(words: list[str]) -> np.ndarray:
    """A stable 64-bit polynomial hash of each word's UTF-8 bytes, computed for all words at once."""
    data = np.frombuffer("\0".join(words).encode("utf-8", "surrogatepass"), dtype=np.uint8).astype(np.uint64)
    starts = np.flatnonzero(np.concatenate(([True], data[:-1] == 0)))
    position = np.arange(data.size) - np.repeat(starts, np.diff(np.append(starts, data.size)))
    with np.errstate(over="ignore"):
        weights = _powers(int(position.max()) + 1)[position]
        return np.add.reduceat(data * weights, starts) + np.uint64(0x51ED27)


def _powers(size: int) -> np.ndarray:
    out = np.ones(size, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(1, size):
            out[i] = out[i - 1] * np.uint64(0x100000001B3)
    return out


def ngram_hashes(words: list[str], n: int) -> np.ndarray:
    """A stable 31-bit hash of every run of ``n`` words (empty when there are fewer)."""
    if len(words) < n:
        return np.zeros(0, dtype=np.uint64)
    base = word_hashes(words)
    count = len(words) - n + 1
    acc = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(n):
            acc = acc * np.uint64(1_000_003) + base[k : k + count]
        acc = acc * _MIX
        acc ^= acc >> np.uint64(29)
        acc = acc * _MIX
    return (acc >> np.uint64(33)) & _MASK31


def fingerprints(words: list[str], n: int, window: int) -> np.ndarray:
    """Winnowed n-gram hashes of a token list, deduplicated (sorted int64)."""
    hashes = ngram_hashes(words, n)
    if hashes.size == 0:
        return hashes.astype(np.int64)
    if hashes.size <= window:
        return np.unique(hashes.min(keepdims=True)).astype(np.int64)
    windows = np.lib.stride_tricks.sliding_window_view(hashes, window)
    picked = windows.argmin(axis=1) + np.arange(windows.shape[0])
    return np.unique(hashes[picked]).astype(np.int64)
