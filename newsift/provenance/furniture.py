"""Text that recurs for reasons other than copying: site furniture and stock phrases.

A passage is set aside when it lies in furniture the cleaning stage found,
when its fingerprints recur across several stored articles of the other
outlet (that outlet's own furniture: "latest news" lists, disclaimers), when
its lines recur across that outlet's stored articles, or when a short
passage's fingerprints recur across many stored articles of any outlet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Article
from ..store import Store, line_key
from .alignment import Passage
from .fingerprints import Tokens, ngram_hashes

if TYPE_CHECKING:
    from .trace import TraceParams

__all__ = ["RecurringText", "SiteFurniture"]


class RecurringText:
    """Tells recurring text (site furniture, stock phrases) from copied text."""

    def __init__(self, store: Store, tokens: Tokens, ngram: int, postings: dict[int, list[int]],
                 params: "TraceParams", ignore: list[tuple[int, int]]) -> None:
        self.ngram_postings = [postings.get(int(h)) for h in ngram_hashes(tokens.words, ngram)]
        self.ngram = ngram
        self.params = params
        self.ignore = ignore
        self.domains = _domains(store, {a for arts in postings.values() if len(arts) >= 3 for a in arts})
        self.domain: str | None = None

    def bind(self, other: Article) -> "RecurringText":
        """The same test, for passages shared with ``other`` (whose own site furniture is set aside)."""
        self.domain = other.domain
        return self

    def __call__(self, passage: Passage) -> bool:
        if self._ignored(passage):
            return True
        first, last = min(passage.token_map), max(passage.token_map)
        seen = [arts for arts in self.ngram_postings[first : max(first + 1, last - self.ngram + 2)] if arts]
        if not seen:
            return False
        if self.domain and self._same_site(seen) >= self.params.furniture_min_articles:
            return True  # recurs across the other outlet's own articles: its furniture, not a copy
        if passage.tokens > self.params.common_max_words:
            return False
        return sorted(len(arts) for arts in seen)[len(seen) // 2] >= self.params.common_df

    def _same_site(self, seen: list[list[int]]) -> int:
        return max(sum(1 for a in arts if self.domains.get(a) == self.domain) for arts in seen)

    def _ignored(self, passage: Passage) -> bool:
        inside = sum(max(0, min(e, passage.a_end) - max(s, passage.a_start)) for s, e in self.ignore)
        return inside >= 0.5 * (passage.a_end - passage.a_start)


class SiteFurniture:
    """A passage made of lines that recur across the other outlet's stored articles is its furniture."""

    def __init__(self, store: Store, other: Article, min_articles: int) -> None:
        self.other = other
        self.counts: dict[int, int] = {}
        self.lines: list[tuple[int, int, int | None]] = []
        if other.domain and store.domain_size(other.domain) > min_articles:
            pos = 0
            for line in other.text.splitlines(keepends=True):
                self.lines.append((pos, pos + len(line), line_key(line)))
                pos += len(line)
            keys = [k for _, _, k in self.lines if k is not None]
            self.counts = store.line_counts(other.domain, keys)
        self.min_articles = min_articles

    def __call__(self, passage: Passage) -> bool:
        if not self.counts:
            return False
        keys = [k for s, e, k in self.lines if s < passage.b_end and passage.b_start < e]
        return bool(keys) and all(k is not None and self.counts.get(k, 0) >= self.min_articles for k in keys)


def _domains(store: Store, rowids: set[int]) -> dict[int, str | None]:
    out: dict[int, str | None] = {}
    ids = list(rowids)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        out.update(store.conn.execute(
            "SELECT rowid, domain FROM articles WHERE rowid IN (%s)" % ",".join("?" * len(chunk)), chunk).fetchall())
    return out
