"""Same-event retrieval: BM25 candidates, re-scored by entity overlap and date proximity.

1. Key terms of the article (its entity words, title words, frequent content
   words) form an FTS5 OR-query; BM25 (title weighted 3, text 1) gives the
   top candidates.
2. Each candidate is re-scored: ``relevance = (w_text * bm25 / best_bm25 +
   w_entities * entity_overlap) * date_factor``, where entity overlap is the
   rarity-weighted share of the article's entity terms the candidate also
   names, and the date factor is 1 inside the event window and falls to
   ``date_floor`` at four windows apart (0.8 when either date is unknown).
3. An optional semantic re-ranker (all-MiniLM-L6-v2) blends in the cosine
   similarity of the top candidates when it is installed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..settings import option_default
from ..model import Article
from ..store import Store
from ._index import IndexedDoc, document_frequency, ensure_index, entity_idf, fts_query, indexed_size, load_docs
from ._text import day_number, entities, entity_terms, key_terms

__all__ = ["RetrievalParams", "Candidate", "find_related", "Reranker"]


@dataclass
class RetrievalParams:
    window_days: int = option_default("coverage_window_days")  # articles published this close are "same time"
    candidates: int = 50  # BM25 hits re-scored
    query_terms: int = 12  # words in the full-text query
    max_df_share: float = 0.05  # words in more than this share of articles are not queried…
    min_common: int = 50  # …unless the store is small
    limit: int = option_default("coverage_limit")  # results returned
    min_relevance: float = 0.08  # weaker candidates are dropped
    weight_text: float = 0.4
    weight_entities: float = 0.6
    date_floor: float = 0.4  # date factor for articles far outside the window
    unknown_date: float = 0.8  # date factor when either date is unknown
    same_event_entities: float = 0.2  # entity overlap needed to call it the same event
    semantic_weight: float = 0.3
    semantic_top: int = 10  # candidates re-ranked (each costs a MiniLM encoding)
    semantic_chars: int = 800  # title and lead encoded: MiniLM reads 256 tokens at most anyway


class Reranker(Protocol):
    def similarities(self, query: str, texts: list[str]) -> list[float]: ...


@dataclass
class Candidate:
    doc: IndexedDoc
    bm25: float
    text_score: float = 0.0
    entity_score: float = 0.0
    date_factor: float = 1.0
    days_apart: int | None = None
    semantic: float | None = None
    relevance: float = 0.0
    shared_entities: list[str] = field(default_factory=list)
    same_event: bool = False

    def scores(self) -> dict[str, Any]:
        out = {"text": round(self.text_score, 3), "entities": round(self.entity_score, 3),
               "date": round(self.date_factor, 3)}
        if self.semantic is not None:
            out["semantic"] = round(self.semantic, 3)
        return out


def find_related(store: Store, article: Article, params: RetrievalParams | None = None,
                 reranker: Reranker | None = None, exclude: set[int] | None = None,
                 text: str | None = None) -> list[Candidate]:
    """Stored articles about the same event as ``article``, most relevant first (the article itself excluded).

    ``text``: the article's text with its furniture blanked, when known, so
    that a site's recurring lines do not pick its other pages. The coverage
    index must be current: call ``backfill(store)`` first when articles may
    have been stored before the coverage indexer existed.
    """
    params = params or RetrievalParams()
    ensure_index(store)
    body = article.text if text is None else text
    names = entities(body)
    terms = _rarest(store, key_terms(article.title, body, names), params)
    if not terms:
        return []
    skip = set(exclude or ())
    own = store.find(article)
    if own is not None:
        skip.add(own)
    hits = _bm25(store, terms, params.candidates + len(skip))
    hits = [(rowid, score) for rowid, score in hits if rowid not in skip]
    if not hits:
        return []
    docs = load_docs(store, [rowid for rowid, _ in hits])
    candidates = [Candidate(docs[rowid], score) for rowid, score in hits if rowid in docs]
    _score(store, candidates, names, day_number(article.published), params)
    if reranker is not None:
        _rerank(store, reranker, article, candidates, params)
    candidates.sort(key=lambda c: (-c.relevance, c.doc.rowid))  # ties by rowid: the same order on every run
    # word overlap alone is relative (the best hit scores 1 even in a store of strangers): a related
    # report must also share a name
    return [c for c in candidates if c.relevance >= params.min_relevance and c.shared_entities][: params.limit]


def _rarest(store: Store, weights: dict[str, float], params: RetrievalParams) -> list[str]:
    """The best query words by weight x IDF, leaving out words too common to discriminate.

    Query cost grows with the postings of every word, so common words are
    not worth their time: an event is told apart by its names and rare words.
    """
    total = indexed_size(store)
    df = document_frequency(store, list(weights))
    ceiling = max(params.min_common, params.max_df_share * total)
    scored = [(w * math.log(1 + total / max(df[t], 1)), t) for t, w in weights.items() if df[t] <= ceiling]
    scored.sort(reverse=True)
    return [t for _, t in scored[: params.query_terms]]


def _bm25(store: Store, terms: list[str], limit: int) -> list[tuple[int, float]]:
    rows = store.conn.execute(
        "SELECT rowid, -bm25(coverage_fts, 3.0, 1.0) AS score FROM coverage_fts WHERE coverage_fts MATCH ?"
        " ORDER BY score DESC LIMIT ?",
        (fts_query(terms), limit),
    ).fetchall()
    return [(int(rowid), float(score)) for rowid, score in rows]


def _score(store: Store, candidates: list[Candidate], names: list[str], day: int | None,
           params: RetrievalParams) -> None:
    query_terms = entity_terms(names[:20])
    idf = entity_idf(store, query_terms)
    total_idf = math.fsum(idf.values()) or 1.0  # fsum: exact, so set order never shows
    best = max((c.bm25 for c in candidates), default=1.0) or 1.0
    for c in candidates:
        shared = query_terms.intersection(c.doc.terms)  # no set of the report's many terms built
        c.text_score = c.bm25 / best
        c.entity_score = math.fsum(idf[t] for t in shared) / total_idf
        c.shared_entities = sorted((t for t in shared if t in names), key=lambda t: (-idf[t], t))
        c.days_apart, c.date_factor = _date_factor(day, c.doc.day, params)
        c.relevance = (params.weight_text * c.text_score + params.weight_entities * c.entity_score) * c.date_factor
        inside = c.days_apart is None or c.days_apart <= params.window_days
        c.same_event = inside and c.entity_score >= params.same_event_entities


def _date_factor(day: int | None, other: int | None, params: RetrievalParams) -> tuple[int | None, float]:
    if day is None or other is None:
        return None, params.unknown_date
    apart = abs(day - other)
    window = max(params.window_days, 1)
    if apart <= window:
        return apart, 1.0
    fall = min(1.0, (apart - window) / (3 * window))
    return apart, 1.0 - fall * (1.0 - params.date_floor)


def _lead(title: str | None, text: str, chars: int) -> str:
    return ((title or "") + "\n" + text)[:chars]


def _rerank(store: Store, reranker: Reranker, article: Article, candidates: list[Candidate],
            params: RetrievalParams) -> None:
    """Blend semantic similarity into the relevance of the top candidates."""
    candidates.sort(key=lambda c: -c.relevance)
    top = candidates[: params.semantic_top]
    texts = []
    for c in top:
        stored = store.get(c.doc.rowid)
        texts.append(_lead(c.doc.title, stored.text if stored else "", params.semantic_chars))
    sims = reranker.similarities(_lead(article.title, article.text, params.semantic_chars), texts)
    w = params.semantic_weight
    for c, sim in zip(top, sims):
        c.semantic = float(sim)
        c.relevance = (1 - w) * c.relevance + w * max(0.0, c.semantic) * c.date_factor
