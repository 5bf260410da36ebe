"""TF-IDF over a fixed vocabulary, in plain Python and numpy.

Scoring only needs the transform of a fitted ``TfidfVectorizer``; doing it
here keeps scikit-learn (and the scipy.stats it pulls in, about a second of
import on a small machine) off the ``newsift check`` path. It replicates
scikit-learn's analyzers for the settings newsift uses (``word`` with the
default token pattern, ``char_wb``; lowercase; any ``ngram_range``) and its
``sublinear_tf``, IDF and l2 steps; tests/claims/test_claims_tfidf.py checks
it against scikit-learn. Training still fits with scikit-learn, then
converts with ``Tfidf.from_sklearn``.
"""

from __future__ import annotations

import re
from itertools import chain
from typing import Any, Sequence

import numpy as np

__all__ = ["Tfidf"]

_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern
WORD_CACHE_SIZE = 200_000  # words whose char_wb columns are kept (a few tens of MB at most)
# settings that only shape fitting, or equal what this class always does
_FIT_ONLY = {"min_df", "max_df", "max_features", "smooth_idf", "use_idf", "dtype"}
_DEFAULTS = {"lowercase": True, "norm": "l2", "token_pattern": _TOKEN.pattern, "strip_accents": None,
             "stop_words": None, "binary": False}


class Tfidf:
    """The transform of a fitted ``TfidfVectorizer``: terms, IDF weights and analyzer settings."""

    def __init__(self, terms: Sequence[str], idf: np.ndarray, analyzer: str = "word",
                 ngram_range: Sequence[int] = (1, 1), sublinear_tf: bool = False, **settings: Any) -> None:
        if analyzer not in ("word", "char_wb"):
            raise ValueError(f"unsupported TF-IDF analyzer {analyzer!r}")
        for key, value in settings.items():  # refuse what would silently score differently
            if key not in _FIT_ONLY and _DEFAULTS.get(key, object()) != value:
                raise ValueError(f"unsupported TF-IDF setting {key}={value!r}")
        self.terms = list(terms)
        self.vocabulary = {t: i for i, t in enumerate(self.terms)}
        self.idf = np.asarray(idf, dtype=np.float64)
        self.analyzer, self.ngram_range, self.sublinear_tf = analyzer, tuple(ngram_range), sublinear_tf
        self._word_columns: dict[str, list[int]] = {}  # char_wb: a word's known n-gram columns, the same in any text

    @classmethod
    def from_sklearn(cls, vec: Any) -> "Tfidf":
        """From a fitted scikit-learn ``TfidfVectorizer`` (settings as in ``VECTORISERS``)."""
        params = {k: v for k, v in vec.get_params().items() if k in _FIT_ONLY or k in _DEFAULTS}
        return cls(vec.get_feature_names_out().tolist(), vec.idf_, vec.analyzer, vec.ngram_range,
                   vec.sublinear_tf, **params)

    def get_feature_names_out(self) -> np.ndarray:
        return np.asarray(self.terms, dtype=object)

    def ngrams(self, text: str) -> list[str]:
        """The analyzer's n-grams of one text, as scikit-learn would produce them (order aside)."""
        text = text.lower()
        return _char_wb(text, *self.ngram_range) if self.analyzer == "char_wb" else _words(text, *self.ngram_range)

    def coo(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(rows, columns, values) of the l2-normalised TF-IDF matrix, one row per text.

        Terms are counted for all texts at once (``np.unique`` over row and column as one key), not
        with a Counter per text; entries come out sorted by row, then column.
        """
        found = [self._columns(text) for text in texts]
        lengths = [len(cols) for cols in found]
        columns = np.fromiter(chain.from_iterable(found), dtype=np.int64, count=sum(lengths))
        width = len(self.terms)
        cells, counts = np.unique(np.repeat(np.arange(len(texts), dtype=np.int64), lengths) * width + columns,
                                  return_counts=True)
        rows_a, cols_a = (cells // width).astype(np.intp), (cells % width).astype(np.intp)
        tf = counts.astype(np.float64)
        values = (np.log(tf) + 1.0 if self.sublinear_tf else tf) * self.idf[cols_a]
        norms = np.sqrt(np.bincount(rows_a, weights=values * values, minlength=len(texts)))
        return rows_a, cols_a, values / norms[rows_a]  # a row with no known term has no entries

    def _columns(self, text: str) -> list[int]:
        """Vocabulary columns of the text's n-grams, repeats kept. char_wb n-grams never cross a word, so
        each word's columns are looked up once and reused (most words recur across sentences)."""
        if self.analyzer != "char_wb":
            return [i for g in self.ngrams(text) if (i := self.vocabulary.get(g)) is not None]
        cache, columns = self._word_columns, []
        if len(cache) > WORD_CACHE_SIZE:
            cache.clear()
        for word in text.lower().split():
            known = cache.get(word)
            if known is None:
                grams = _char_wb(word, *self.ngram_range)
                known = cache[word] = [i for i in map(self.vocabulary.get, grams) if i is not None]
            columns.extend(known)
        return columns

    def dot(self, texts: Sequence[str], weights: np.ndarray) -> np.ndarray:
        """Each text's TF-IDF row times ``weights`` (one per term): the margin a linear model needs."""
        rows, cols, values = self.coo(texts)
        return np.bincount(rows, weights=values * weights[cols], minlength=len(texts))

    def transform(self, texts: Sequence[str]) -> Any:
        """The TF-IDF matrix as scipy.sparse CSR, like ``TfidfVectorizer.transform``."""
        from scipy import sparse  # only training and inspection need the matrix

        rows, cols, values = self.coo(texts)
        return sparse.csr_matrix((values, (rows, cols)), shape=(len(texts), len(self.terms)))


def _words(text: str, min_n: int, max_n: int) -> list[str]:
    tokens = _TOKEN.findall(text)
    grams = list(tokens) if min_n == 1 else []
    for n in range(max(min_n, 2), min(max_n, len(tokens)) + 1):
        grams.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    return grams


def _char_wb(text: str, min_n: int, max_n: int) -> list[str]:
    grams = []
    for word in text.split():
        padded = f" {word} "
        size = len(padded)
        for n in range(min_n, max_n + 1):
            if size <= n:  # a short word counts once, whole, as scikit-learn does
                grams.append(padded)
                break
            grams += [padded[i:i + n] for i in range(size - n + 1)]
    return grams
