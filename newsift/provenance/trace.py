"""Trace one article through the store: candidates, aligned passages, kinds, direction, chains."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Article
from ..store import Store
from .alignment import AlignParams, Passage, align, quote_regions, split_by_quotes
from .direction import OTHER_COPIED, THIS_COPIED, Direction, decide_direction
from .fingerprints import Tokens, fingerprints, tokenize
from .furniture import RecurringText, SiteFurniture
from .index import candidates, has_index, params_of

__all__ = ["TraceParams", "Match", "Trace", "trace_article", "as_section"]


@dataclass(frozen=True)
class TraceParams:
    min_shared: int = 2  # fingerprints in common before aligning
    quote_candidates: int = 3  # candidates sharing a single fingerprint (a quotation) also aligned
    max_candidates: int = 20
    max_postings: int = 50  # fingerprints in more stored articles than this do not make candidates
    common_df: int = 5  # a short passage whose fingerprints recur in this many articles is stock text
    common_max_words: int = 60
    furniture_min_articles: int = 3  # a line in this many of the other outlet's articles is its furniture
    attribution_words: int = 8  # narrative runs shorter than this beside a quote ("he told reporters") join it
    copy_min_narrative_words: int = 20  # shared narrative needed to call the other a copy source
    chain_depth: int = 3
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


def trace_article(store: Store, article: Article, params: TraceParams = TraceParams(),
                  quoted: list[tuple[int, int]] | None = None,
                  ignore: list[tuple[int, int]] | None = None) -> Trace:
    """Every stored article sharing passages with ``article`` (itself excluded when stored).

    ``quoted``: quotation spans known from attribution; ``ignore``: spans
    (site furniture) whose shared passages say nothing about copying.
    """
    own = store.find(article)
    exclude = {own} if own is not None else set()
    result = Trace(store_articles=store.count() - len(exclude))
    if not has_index(store):
        return result
    cache: dict[str, Any] = {}  # tokens and copy sources of every text met during this trace
    result.matches = _matches(store, article, exclude, params, quoted, ignore or [], cache)
    result.chains = _chains(store, article, result.matches, exclude, params, cache)
    _mark_indirect(result)
    return result


def _matches(store: Store, article: Article, exclude: set[int], params: TraceParams,
             quoted: list[tuple[int, int]] | None, ignore: list[tuple[int, int]], cache: dict[str, Any],
             resolve: bool = True) -> list[Match]:
    tokens = _tokens(article, cache)
    index = params_of(store)
    hashes = fingerprints(tokens.words, index.ngram, index.window)
    postings: dict[int, list[int]] = {}
    # the secondary traces (chains, weak directions) only look for copy sources, never quote-only overlap
    found = candidates(store, hashes.tolist(), exclude, min_shared=params.min_shared,
                       max_postings=params.max_postings, limit=params.max_candidates,
                       single=params.quote_candidates if resolve else 0, postings_out=postings)
    regions = sorted(set(quote_regions(article.text)) | set(quoted or []))
    common = RecurringText(store, tokens, index.ngram, postings, params, ignore)
    matches = []
    for candidate in found:
        other = store.get(candidate.rowid)
        if other is None:
            continue
        match = _match(article, tokens, other, candidate.rowid, regions, params, common.bind(other), cache,
                       SiteFurniture(store, other, params.furniture_min_articles))
        if match is not None:
            matches.append(match)
    matches.sort(key=lambda m: (not m.is_copy, -m.shared_chars()))
    if resolve:
        _resolve_weak_directions(store, article, matches, params, cache)
    return matches


def _secondary(store: Store, article: Article, params: TraceParams, cache: dict[str, Any]) -> list[Match]:
    """A stored article's own matches (for chains and weak directions), computed once per trace."""
    key = "matches:" + article.id
    if key not in cache:
        own = store.find(article)
        cache[key] = _matches(store, article, {own} if own is not None else set(), params, None, [], cache,
                              resolve=False)
    return cache[key]


def _tokens(article: Article, cache: dict[str, Any]) -> Tokens:
    if article.id not in cache:
        cache[article.id] = tokenize(article.text)
    return cache[article.id]


def _cover(article: Article, matches: list[Match]) -> float:
    spans = sorted((p.a_start, p.a_end) for m in matches if m.is_copy for p in m.passages)
    total, end = 0, 0
    for s, e in spans:
        total += max(0, e - max(s, end))
        end = max(end, e)
    return total / max(1, _body_chars(article.text))


def _resolve_weak_directions(store: Store, article: Article, matches: list[Match], params: TraceParams,
                             cache: dict[str, Any]) -> None:
    """Without dates or credits, compare how much of each text is shared with the whole store."""
    mine = _cover(article, matches)
    for match in matches:
        if not match.is_copy or abs(match.direction.score) >= 2.0:
            continue
        theirs = _cover(match.article, _secondary(store, match.article, params, cache))
        match.direction = decide_direction(article, match.article, match.passages, 0, 0, covers=(mine, theirs))


def _match(article: Article, tokens: Tokens, other: Article, rowid: int, regions: list[tuple[int, int]],
           params: TraceParams, common: RecurringText, cache: dict[str, Any],
           furniture: SiteFurniture) -> Match | None:
    other_tokens = _tokens(other, cache)
    passages = [p for p in align(article.text, tokens, other.text, other_tokens, params.align)
                if not common(p) and not furniture(p)]
    if not passages:
        return None
    parts = [part for p in passages
             for part in split_by_quotes(p, article.text, tokens, other.text, other_tokens, regions,
                                         params.attribution_words)]
    narrative = sum(p.tokens for p in parts if p.kind == "narrative")
    quote = sum(p.tokens for p in parts if p.kind == "quote")
    direction = decide_direction(article, other, passages, _body_chars(article.text), _body_chars(other.text))
    return Match(rowid, other, parts, direction, narrative, quote, narrative >= params.copy_min_narrative_words)


def _body_chars(text: str) -> int:
    return len(text.strip())


def _chains(store: Store, article: Article, matches: list[Match], exclude: set[int],
            params: TraceParams, cache: dict[str, Any]) -> list[list[str]]:
    """Copy chains ending here, oldest first: ``[C, B, this]`` when B copied C and this copied B."""
    chains: list[list[str]] = []
    for match in matches:
        if match.is_copy and match.direction.label == THIS_COPIED:
            for upstream in _upstream(store, match, exclude | {match.rowid}, params, params.chain_depth - 1, cache):
                chains.append(upstream + [article.id])
        elif match.is_copy and match.direction.label == OTHER_COPIED:
            chains.append([article.id, match.article.id])
    return [c for c in chains if len(c) >= 2]


def _upstream(store: Store, match: Match, seen: set[int], params: TraceParams, depth: int,
              cache: dict[str, Any]) -> list[list[str]]:
    if depth <= 0:
        return [[match.article.id]]
    found = [m for m in _secondary(store, match.article, params, cache)
             if m.rowid not in seen and m.is_copy and m.direction.label == THIS_COPIED]
    if not found:
        return [[match.article.id]]
    out = []
    for parent in found:
        for chain in _upstream(store, parent, seen | {parent.rowid}, params, depth - 1, cache):
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
