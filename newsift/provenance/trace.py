"""Trace one article through the store: candidates, aligned passages, kinds, direction, chains.

Everything said about a pair (passages, kinds, direction) is computed so
that checking either article gives the same answer: passages in one
canonical order (``pair``), kinds from both texts, direction votes that
flip sign with the side, and shares of each text from the same matches.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar


from ..settings import option_default
from ..model import Article
from ..store import Store
from .alignment import AlignParams, Passage, align
from .direction import OTHER_COPIED, THIS_COPIED, UNKNOWN, Direction, decide_direction
from .fingerprints import fingerprints, tokenize
from .furniture import TextInfo, domains_for, furniture_tokens, is_stock, load_postings, recurring_tokens
from .index import candidates, has_index, params_of, postings_of
from .pair import PairParams, canonical, flip, shared_passages
from .regions import quoted_tokens

__all__ = ["TraceParams", "Match", "Trace", "trace_article", "as_section", "PairContext", "PairVerdict", "judge_pair",
           "LRU"]


K = TypeVar("K")
V = TypeVar("V")


class LRU(Generic[K, V]):
    """A small least-recently-used map."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.data: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        if key in self.data:
            self.data.move_to_end(key)
            return self.data[key]
        return None

    def __setitem__(self, key: K, value: V) -> None:
        self.data[key] = value
        self.data.move_to_end(key)
        if len(self.data) > self.size:
            self.data.popitem(last=False)


@dataclass(frozen=True)
class TraceParams:
    min_shared: int = option_default("provenance_min_shared")  # fingerprints in common before aligning
    quote_candidates: int = 20  # candidates sharing a single rare fingerprint (a quotation) also aligned
    # enough that both articles of a pair find each other (a few share with 20+)
    max_candidates: int = option_default("provenance_max_candidates")
    max_postings: int = 50  # fingerprints in more stored articles than this do not make candidates
    common_df: int = 5  # a short passage whose fingerprints recur in this many articles is stock text
    common_max_words: int = 60
    # a line (or long run of words) in this many of a site's other articles is its own
    furniture_min_others: int = option_default("provenance_furniture_min_others")
    furniture_min_run: int = 12  # recurring runs of words shorter than this are phrases, not furniture
    copy_min_passage_words: int = 12  # narrative passages shorter than this (stock phrases) do not make a copy
    attribution_words: int = 8  # narrative runs shorter than this beside a quote ("he told reporters") join it
    # shared narrative (in runs of copy_min_passage_words) that makes a copy source
    copy_min_narrative_words: int = option_default("provenance_copy_min_narrative_words")
    chain_depth: int = option_default("provenance_chain_depth")
    align: AlignParams = AlignParams()


@dataclass
class Match:
    """One stored article that shares passages with this one."""

    rowid: int
    article: Article
    passages: list[Passage]
    direction: Direction
    narrative_words: int
    quote_words: int
    is_copy: bool  # shares narrative reporting, not only quotations
    via: str | None = None  # set when every shared passage came through another source
    shared: int = 0  # fingerprints in common (how the candidate was found)

    def shared_chars(self) -> int:
        return sum(p.a_end - p.a_start for p in self.passages)


@dataclass
class Trace:
    store_articles: int
    matches: list[Match] = field(default_factory=list)
    chains: list[list[str]] = field(default_factory=list)

    @property
    def sources(self) -> list[Match]:
        return [m for m in self.matches if m.is_copy]

    @property
    def quote_only(self) -> list[Match]:
        return [m for m in self.matches if not m.is_copy]


def trace_article(store: Store, article: Article, params: TraceParams = TraceParams()) -> Trace:
    """Every stored article sharing passages with ``article`` (itself excluded when stored).

    Furniture (the cleaning rules' and the store's recurring lines) and
    quotations are read from both texts of each pair alike, never from one
    report's layers, so checking either article of a pair tells the same.
    """
    own = store.find(article)
    exclude = {own} if own is not None else set()
    result = Trace(store_articles=store.count() - len(exclude))
    if not has_index(store):
        return result
    ctx = PairContext(store, params)
    info = ctx.info(article, own)
    result.matches = _matches(ctx, info, exclude, resolve=True)
    result.chains = _chains(store, article, result.matches, exclude, params, ctx)
    _mark_indirect(result)
    return result


class _Memo:
    """Texts and pairs already read, kept across traces while the store and the settings are unchanged
    (checking a batch meets the same stored articles again and again)."""

    def __init__(self, stamp: tuple[Any, ...], texts: int = 256, pairs: int = 2048) -> None:
        self.stamp = stamp
        self.texts: LRU[tuple[str, int], TextInfo] = LRU(texts)
        self.pairs: LRU[tuple[tuple[str, int], tuple[str, int]], list[Passage]] = LRU(pairs)
        self.domains: dict[int, str | None] = {}


_MEMOS: "weakref.WeakKeyDictionary[Store, _Memo]" = weakref.WeakKeyDictionary()


def _memo(store: Store, params: TraceParams) -> _Memo:
    stamp = (store.count(), params)
    memo = _MEMOS.get(store)
    if memo is None or memo.stamp != stamp:
        memo = _MEMOS[store] = _Memo(stamp)
    return memo


class PairContext:
    """Texts, pairs and secondary traces met during one trace, each computed once."""

    def __init__(self, store: Store, params: TraceParams) -> None:
        self.store = store
        self.params = params
        self.index = params_of(store)
        memo = _memo(store, params)
        self.texts, self.pairs, self.domains = memo.texts, memo.pairs, memo.domains
        self.secondary: dict[tuple[str, int], list[Match]] = {}

    def info(self, article: Article, rowid: int | None) -> TextInfo:
        """A text's tokens (the rest is filled in by ``complete`` once it shares a passage)."""
        key = _key(article)
        info = self.texts.get(key)
        if info is None or info.rowid != rowid:
            info = self.texts[key] = TextInfo(article, rowid, tokenize(article.text))
        return info

    def complete(self, info: TextInfo, known: dict[int, list[int]] | None = None) -> TextInfo:
        """Quotations, furniture and n-gram postings of a text, computed once."""
        p = self.params
        if info.quoted is None:
            info.quoted = quoted_tokens(info.article.text, info.tokens)
        if info.furniture is None:
            info.furniture = furniture_tokens(self.store, info.article, info.tokens, p.furniture_min_others)
        if info.postings is None:
            if known is None:
                known = postings_of(self.store, fingerprints(info.tokens.words, self.index.ngram,
                                                             self.index.window).tolist())
            load_postings(self.store, info, self.index.ngram, known)
            self.domains.update(domains_for(self.store, [info], p.furniture_min_others))
            info.furniture = info.furniture | recurring_tokens(
                info, self.domains, self.index.ngram, self.index.window, p.furniture_min_others, p.furniture_min_run)
        return info

    def pair(self, a: TextInfo, b: TextInfo) -> list[Passage]:
        """The passages ``a`` shares with ``b``, as ``a`` sees them (the same ones ``b`` sees)."""
        first, second = (a, b) if canonical(a, b) else (b, a)
        key = (_key(first.article), _key(second.article))
        found = self.pairs.get(key)
        if found is None:
            found = self.pairs[key] = self._compare(first, second)
        return found if first is a else flip(found)

    def _compare(self, first: TextInfo, second: TextInfo) -> list[Passage]:
        p = self.params
        aligned = align(first.article.text, first.tokens, second.article.text, second.tokens, p.align)
        if not aligned:
            return []
        self.complete(first)
        self.complete(second)
        pair = {r for r in (first.rowid, second.rowid) if r is not None}
        return shared_passages(first, second, aligned, PairParams(p.align, p.attribution_words),
                               lambda x: is_stock(first, min(x.token_map), max(x.token_map), pair, p))


def _key(article: Article) -> tuple[str, int]:
    return article.id, hash(article.text)


def _matches(ctx: PairContext, info: TextInfo, exclude: set[int], resolve: bool) -> list[Match]:
    store, params = ctx.store, ctx.params
    hashes = fingerprints(info.tokens.words, ctx.index.ngram, ctx.index.window)
    postings: dict[int, list[int]] = {}
    # secondary traces (chains, directions) only look for copy sources, never quote-only overlap
    found = candidates(store, hashes.tolist(), exclude, min_shared=params.min_shared,
                       max_postings=params.max_postings, limit=params.max_candidates,
                       single=params.quote_candidates if resolve else 0, postings_out=postings)
    ctx.complete(info, postings)
    matches = []
    for candidate in found:
        other = store.get(candidate.rowid)
        if other is None:
            continue
        passages = ctx.pair(info, ctx.info(other, candidate.rowid))
        if not passages:
            continue
        verdict = judge_pair(info.article, other, passages, params)
        matches.append(Match(candidate.rowid, other, passages, verdict.direction, verdict.narrative, verdict.quote,
                             verdict.is_copy, shared=candidate.shared))
    matches.sort(key=lambda m: (not m.is_copy, -m.shared_chars()))
    if resolve:
        _resolve_weak_directions(ctx, info, matches)
    return matches


_QUOTE_ONLY = Direction(UNKNOWN, 0.0, 0.0, ["only quotations are shared: that says nothing about who copied whom"])


@dataclass(frozen=True)
class PairVerdict:
    """What two articles' shared passages say: words shared, whether one copied the other, and who."""

    narrative: int
    quote: int
    is_copy: bool
    direction: Direction


def judge_pair(a: Article, b: Article, passages: list[Passage], params: TraceParams) -> PairVerdict:
    """The copy rule and the direction, as ``check`` and ``corpus trace`` both apply them (``a``'s side)."""
    narrative = sum(p.tokens for p in passages if p.kind == "narrative")
    quote = sum(p.tokens for p in passages if p.kind == "quote")
    # fragments ("with a margin of error of plus or minus 4") recur by chance; a copy has runs
    long_runs = sum(p.tokens for p in passages if p.kind == "narrative" and p.tokens >= params.copy_min_passage_words)
    is_copy = long_runs >= params.copy_min_narrative_words
    direction = (decide_direction(a, b, passages, _body_chars(a.text), _body_chars(b.text)) if is_copy
                 else _QUOTE_ONLY)
    return PairVerdict(narrative, quote, is_copy, direction)


def _secondary(ctx: PairContext, article: Article, rowid: int) -> list[Match]:
    """A stored article's own copy matches (for chains and directions), computed once per trace."""
    key = _key(article)
    if key not in ctx.secondary:
        ctx.secondary[key] = _matches(ctx, ctx.info(article, rowid), {rowid}, resolve=False)
    return ctx.secondary[key]


def _cover(text: str, spans: list[tuple[int, int]]) -> float:
    """The share of a text inside the union of ``spans``."""
    total, end = 0, 0
    for s, e in sorted(spans):
        total += max(0, e - max(s, end))
        end = max(end, e)
    return min(1.0, total / max(1, _body_chars(text)))


def _copied_spans(matches: list[Match], min_shared: int) -> list[tuple[int, int]]:
    # the same matches a secondary trace finds (single-fingerprint candidates left out), so both
    # sides of a pair read the same shares
    return [(p.a_start, p.a_end) for m in matches if m.is_copy and m.shared >= min_shared for p in m.passages]


def _resolve_weak_directions(ctx: PairContext, info: TextInfo, matches: list[Match]) -> None:
    """Without dates or credits, compare how much of each text is shared with the whole store."""
    floor = ctx.params.min_shared
    mine = _copied_spans(matches, floor)
    for match in matches:
        if not match.is_copy or abs(match.direction.score) >= 2.0:
            continue
        theirs = _copied_spans(_secondary(ctx, match.article, match.rowid), floor)
        # the passages of this very pair count on both sides, found or not by the other's trace
        covers = (_cover(info.article.text, mine + [(p.a_start, p.a_end) for p in match.passages]),
                  _cover(match.article.text, theirs + [(p.b_start, p.b_end) for p in match.passages]))
        match.direction = decide_direction(info.article, match.article, match.passages, 0, 0, covers=covers)


def _body_chars(text: str) -> int:
    return len(text.strip())


def _chains(store: Store, article: Article, matches: list[Match], exclude: set[int],
            params: TraceParams, ctx: "PairContext") -> list[list[str]]:
    """Copy chains ending here, oldest first: ``[C, B, this]`` when B copied C and this copied B."""
    chains: list[list[str]] = []
    for match in matches:
        if match.is_copy and match.direction.label == THIS_COPIED:
            for upstream in _upstream(ctx, match, exclude | {match.rowid}, params.chain_depth - 1):
                chains.append(upstream + [article.id])
        elif match.is_copy and match.direction.label == OTHER_COPIED:
            chains.append([article.id, match.article.id])
    return [c for c in chains if len(c) >= 2]


def _upstream(ctx: "PairContext", match: Match, seen: set[int], depth: int) -> list[list[str]]:
    if depth <= 0:
        return [[match.article.id]]
    found = [m for m in _secondary(ctx, match.article, match.rowid)
             if m.rowid not in seen and m.is_copy and m.direction.label == THIS_COPIED]
    if not found:
        return [[match.article.id]]
    out = []
    for parent in found:
        for chain in _upstream(ctx, parent, seen | {parent.rowid}, depth - 1):
            out.append(chain + [match.article.id])
    return out


def _mark_indirect(result: Trace) -> None:
    """A source reached only through another source (C in C <- B <- this) is marked ``via`` B."""
    by_id = {m.article.id: m for m in result.sources}
    for chain in result.chains:
        if len(chain) < 3:
            continue
        direct = by_id.get(chain[-2])
        for older_id in chain[:-2]:
            older = by_id.get(older_id)
            if older is not None and direct is not None and older.via is None and _covered_by(older, direct):
                older.via = direct.article.id


def _covered_by(match: Match, other: Match, share: float = 0.8) -> bool:
    spans = [(p.a_start, p.a_end) for p in other.passages]
    total = sum(p.a_end - p.a_start for p in match.passages) or 1
    inside = sum(max(0, min(e, p.a_end) - max(s, p.a_start)) for p in match.passages for s, e in spans)
    return inside / total >= share


def as_section(result: Trace) -> dict[str, Any]:
    """The JSON-friendly ``provenance`` section (passages as offsets here and there)."""
    return {
        "store_articles": result.store_articles,
        "sources": [_entry(m) for m in result.sources],
        "quote_overlap": [_entry(m) for m in result.quote_only],
        "chains": result.chains,
    }


def _entry(match: Match) -> dict[str, Any]:
    other = match.article
    return {
        **other.ref(),
        "passages": [{"start": p.a_start, "end": p.a_end, "other_start": p.b_start, "other_end": p.b_end,
                      "kind": p.kind, "similarity": p.similarity,
                      "other_text": other.text[p.b_start : p.b_end]} for p in match.passages],
        "shared_narrative_words": match.narrative_words,
        "shared_quote_words": match.quote_words,
        "direction": match.direction.label,
        "confidence": match.direction.confidence,
        "evidence": match.direction.evidence,
        "via": match.via,
    }
