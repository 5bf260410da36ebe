"""Text that recurs for reasons other than copying: site furniture and stock phrases, word by word.

Furniture is subtracted from a shared passage, never the passage dropped
whole, so a copied paragraph beside a "Story Continued Below" line stays a
copy. Per text, a token is furniture when it lies in

* a furniture line by the cleaning cue rules, or a line its site printed in
  at least ``min_others`` (2) of its *other* stored articles (promos,
  related-article headlines, a panel's member list: a site's own recurring
  text is not copying, however few of a big site's articles carry it), or
* a long run of words (``min_run`` tokens or more) whose fingerprints recur
  in ``min_others`` other stored articles of its site (a disclaimer or
  newsletter pitch inside a paragraph).

Each text is read alone (the text itself never counts toward its own
recurrence) and the pair ORs the two, so both sides agree.

A short passage whose fingerprints recur across many stored articles of any
outlet is a stock phrase and is set aside whole (``is_stock``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from ..cleaning import stored_furniture
from ..model import Article
from ..store import Store
from .fingerprints import Tokens, ngram_hashes
from .index import article_domains, postings_of

if TYPE_CHECKING:
    from .trace import TraceParams

__all__ = ["TextInfo", "furniture_tokens", "recurring_tokens", "is_stock", "load_postings"]


@dataclass
class TextInfo:
    """What the pair logic needs of one text, computed once per trace."""

    article: Article
    rowid: int | None
    tokens: Tokens
    quoted: np.ndarray | None = field(default=None, repr=False)  # bool per token: someone else's words
    furniture: np.ndarray | None = field(default=None, repr=False)  # bool per token: furniture lines
    postings: dict[int, list[int]] | None = field(default=None, repr=False)  # n-gram position -> stored articles


def furniture_tokens(store: Store, article: Article, tokens: Tokens, min_others: int) -> np.ndarray:
    """Tokens inside furniture lines: cue rules, and lines the site printed in ``min_others`` other
    stored articles (learnt from the store; no share needed: a big site's promo line recurs in few)."""
    spans = stored_furniture(article, store, min_others, 0.0)
    starts = np.asarray(tokens.starts, dtype=np.int64)
    mask = np.zeros(len(starts), dtype=bool)
    for span in spans:
        mask[np.searchsorted(starts, span.start) : np.searchsorted(starts, span.end)] = True
    return mask


def load_postings(store: Store, info: TextInfo, ngram: int, known: dict[int, list[int]] | None = None) -> None:
    """Which stored articles hold each n-gram of the text (only hashes the index holds answer)."""
    if info.postings is not None:
        return
    hashes = ngram_hashes(info.tokens.words, ngram)
    table = known if known is not None else postings_of(store, set(hashes.tolist()))
    keys = np.fromiter(table.keys(), dtype=np.int64, count=len(table))
    hits: list[int] = np.flatnonzero(np.isin(hashes.astype(np.int64), keys)).tolist() if len(table) else []
    info.postings = {int(p): table[int(hashes[p])] for p in hits}


def recurring_tokens(info: TextInfo, domains: dict[int, str | None], ngram: int, window: int,
                     min_others: int, min_run: int) -> np.ndarray:
    """Tokens in runs of at least ``min_run`` words whose n-grams recur in ``min_others`` other stored
    articles of the text's own site (the text itself never counts)."""
    size = len(info.tokens)
    mask = np.zeros(size, dtype=bool)
    site = info.article.domain
    if not info.postings or not site:
        return mask
    hits = sorted(p for p, arts in info.postings.items()
                  if len(arts) >= min_others
                  and sum(1 for a in arts if a != info.rowid and domains.get(a) == site) >= min_others)
    # winnowing keeps one n-gram in every ``window``: hits that close belong to one recurring run
    run_start = prev = None
    for p in hits + [None]:
        if p is not None and prev is not None and p - prev <= window:
            prev = p
            continue
        if run_start is not None and prev is not None and prev + ngram - run_start >= min_run:
            mask[run_start : min(size, prev + ngram)] = True
        run_start = prev = p
    return mask


def is_stock(info: TextInfo, first: int, last: int, pair: set[int], params: "TraceParams") -> bool:
    """A short passage whose n-grams mostly recur in ``common_df`` stored articles (any outlet)."""
    if info.postings is None or last - first + 1 > params.common_max_words:
        return False
    counts = [sum(1 for a in arts if a not in pair) for p, arts in info.postings.items()
              if first <= p < max(first + 1, last - 3)]
    return bool(counts) and sorted(counts)[len(counts) // 2] >= params.common_df


def domains_for(store: Store, infos: list[TextInfo], min_articles: int) -> dict[int, str | None]:
    """Domains of the stored articles that hold any frequent n-gram of these texts."""
    wanted = {a for info in infos for arts in (info.postings or {}).values() if len(arts) >= min_articles
              for a in arts}
    return article_domains(store, wanted)
