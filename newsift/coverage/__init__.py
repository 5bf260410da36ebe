"""Find better coverage: other stored reports of the same event, and how their quotes differ.

* ``find_related``: FTS5/BM25 candidates re-scored by entity overlap and date.
* ``coverage_section``: the report section (same event with its evidence, copies marked, ratings,
  adds/omits, quote fidelity).
* ``match_keyed``: quotations paired one to one as the same remark (similarity and aligned words).
* ``align_quotes``: one quotation as two outlets printed it, word by word.
* ``search``: full-text search over the store.
* ``backfill``: add articles stored before the coverage indexer existed.
"""

from __future__ import annotations

from ._compare import compare_texts, shared_passage_share
from ._coverage import CoverageParams, coverage_section, domain_rater, quotes_of, stored_quotes
from ._fidelity import QuoteKeys, QuoteMatch, QuoteText, align_quotes, match_keyed, match_quotes, render_alignment, summarize_alignment
from ._index import backfill, ensure_index, index_article, missing_count
from ._retrieval import Candidate, RetrievalParams, find_related
from ._search import search
from ._semantic import EmbeddingReranker

__all__ = [
    "Candidate",
    "CoverageParams",
    "EmbeddingReranker",
    "QuoteKeys",
    "QuoteMatch",
    "QuoteText",
    "RetrievalParams",
    "align_quotes",
    "backfill",
    "compare_texts",
    "coverage_section",
    "domain_rater",
    "ensure_index",
    "find_related",
    "index_article",
    "match_keyed",
    "match_quotes",
    "missing_count",
    "quotes_of",
    "render_alignment",
    "search",
    "shared_passage_share",
    "stored_quotes",
    "summarize_alignment",
]
