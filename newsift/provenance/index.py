"""The copy-detection index: winnowed fingerprints in the store's own tables.

``provenance_fp`` is an inverted index (fingerprint -> stored article),
clustered on the hash so a lookup is one B-tree seek per fingerprint.
Hashes are 31-bit so SQLite stores each in 4 bytes. The parameters the
index was built with are kept in ``meta`` so later queries always match
them, whatever the current settings say.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable

import numpy as np

from ..model import Article
from ..store import Store
from .fingerprints import fingerprints, words_of

__all__ = ["IndexParams", "Candidate", "SCHEMA", "index_article", "params_of", "candidates", "index_size",
           "has_index", "postings_of", "article_domains"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS provenance_fp (
    hash INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (hash, article)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS provenance_articles (
    article INTEGER PRIMARY KEY,
    fingerprints INTEGER NOT NULL
);
"""
_PARAMS_KEY = "provenance.index"
_TABLES = ("provenance_fp", "provenance_articles")


@dataclass(frozen=True)
class IndexParams:
    ngram: int = 5  # words per shingle
    window: int = 12  # winnowing window, in shingles: runs of ngram + window - 1 words always match
    hash: str = "poly64-mix31-v1"  # how words and shingles are hashed; a new scheme gets a new name


@dataclass
class Candidate:
    rowid: int
    shared: int  # fingerprints in common
    fingerprints: int  # fingerprints of the stored article


def params_of(store: Store) -> IndexParams:
    """The parameters this store's index was built with (written on first use)."""
    row = store.conn.execute("SELECT value FROM meta WHERE key = ?", (_PARAMS_KEY,)).fetchone()
    if row:
        return IndexParams(**json.loads(row[0]))
    params = IndexParams()
    if store.readonly:  # nothing indexed yet, and checking never writes
        return params
    store.conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)",
                       (_PARAMS_KEY, json.dumps(params.__dict__)))
    return params


def has_index(store: Store) -> bool:
    row = store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'provenance_fp'").fetchone()
    return row is not None


def text_fingerprints(text: str, params: IndexParams) -> np.ndarray:
    return fingerprints(words_of(text), params.ngram, params.window)


def index_article(store: Store, rowid: int, article: Article) -> None:
    """Store the article's fingerprints (inside the caller's transaction)."""
    hashes = text_fingerprints(article.text, params_of(store))
    store.conn.executemany("INSERT OR IGNORE INTO provenance_fp(hash, article) VALUES (?, ?)",
                           ((h, rowid) for h in hashes.tolist()))
    store.conn.execute("INSERT OR REPLACE INTO provenance_articles(article, fingerprints) VALUES (?, ?)",
                       (rowid, len(hashes)))


def candidates(store: Store, hashes: Iterable[int], exclude: set[int], *, min_shared: int = 2,
               max_postings: int = 50, limit: int = 40, single: int = 20, rare: int = 4,
               postings_out: dict[int, list[int]] | None = None) -> list[Candidate]:
    """Stored articles sharing at least ``min_shared`` fingerprints, most shared first.

    A fingerprint found in more than ``max_postings`` articles (site
    furniture, stock phrases) says nothing about copying and is ignored.
    Articles sharing a single fingerprint held by at most ``rare`` articles
    (a shared quotation is often shorter than a guaranteed match) come after,
    ``single`` at most. Both rules depend only on the pair and the index, so
    each of two articles finds the other. ``postings_out``, when given,
    receives the stored articles holding each fingerprint.
    """
    postings = postings_of(store, hashes)
    if postings_out is not None:
        postings_out.update(postings)
    shared: Counter[int] = Counter()
    rarest: dict[int, int] = {}
    for articles in postings.values():
        if len(articles) <= max_postings:
            for a in articles:
                if a not in exclude:
                    shared[a] += 1
                    rarest[a] = min(rarest.get(a, len(articles)), len(articles))
    ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
    best = [(rowid, n) for rowid, n in ranked if n >= min_shared][:limit]
    best += [(rowid, n) for rowid, n in ranked if n < min_shared and rarest[rowid] <= rare][:single]
    sizes = _fingerprint_counts(store, [rowid for rowid, _ in best])
    return [Candidate(rowid, n, sizes.get(rowid, 0)) for rowid, n in best]


def postings_of(store: Store, hashes: Iterable[int]) -> dict[int, list[int]]:
    """The stored articles holding each fingerprint (only fingerprints the index holds appear)."""
    postings: dict[int, list[int]] = {}
    keys = list(hashes)
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        rows = store.conn.execute(
            "SELECT hash, article FROM provenance_fp WHERE hash IN (%s)" % ",".join("?" * len(chunk)), chunk)
        for h, article in rows:
            postings.setdefault(h, []).append(article)
    return postings


def article_domains(store: Store, rowids: Iterable[int]) -> dict[int, str | None]:
    """The domain of each stored article (by rowid)."""
    out: dict[int, str | None] = {}
    ids = list(rowids)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        out.update(store.conn.execute(
            "SELECT rowid, domain FROM articles WHERE rowid IN (%s)" % ",".join("?" * len(chunk)), chunk).fetchall())
    return out


def _fingerprint_counts(store: Store, rowids: list[int]) -> dict[int, int]:
    if not rowids:
        return {}
    rows = store.conn.execute(
        "SELECT article, fingerprints FROM provenance_articles WHERE article IN (%s)" % ",".join("?" * len(rowids)),
        rowids)
    return dict(rows.fetchall())


def index_size(store: Store) -> dict[str, Any]:
    """Rows and bytes of the copy-detection tables (from SQLite's dbstat, else estimated)."""
    if not has_index(store):
        return {"articles": 0, "fingerprints": 0, "bytes": 0, "bytes_per_article": None}
    articles, total = store.conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(fingerprints), 0) FROM provenance_articles").fetchone()
    try:
        size = store.conn.execute(
            "SELECT SUM(pgsize) FROM dbstat WHERE name IN (?, ?, 'sqlite_autoindex_provenance_fp_1')",
            _TABLES).fetchone()[0] or 0
    except Exception:  # dbstat not compiled in: about 16 bytes a posting
        size = 16 * total + 12 * articles
    return {"articles": articles, "fingerprints": total, "bytes": int(size),
            "bytes_per_article": round(size / articles, 1) if articles else None}
