"""The coverage section: related reports, copies marked, outlet ratings, and quote fidelity.

``coverage_section`` puts the pieces together for one article: the checked
article's names, narrative words and quotation keys, computed once
(``focus_of``); retrieval (``find_related``, on the text without its
furniture); for each listed report, its furniture, names and quotations
(``other_of``), the same-event decision with its evidence (``judge``),
copies (the provenance section's copy sources when that stage ran, else a
shared-passage fallback), the outlet's rating (``rate_domain`` on the
report's URL, so a subdomain's own rating comes first), what it adds or
omits, and the article's quotations paired one to one with the report's.
"""

from __future__ import annotations

import math
from functools import partial
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from ..settings import option_default
from ..domains import host_of
from ..model import Article, Span
from ..store import Store
from ._cache import stored_sides
from ._compare import (Focus, OtherDoc, Stored, compare_docs, focus_of, furniture_of, shared_passage_share, side_of,
                       stored_of)
from ._event import EventEvidence, EventParams, cosine_of, judge, vector
from ._fidelity import QuoteMatch, QuoteText, align_quotes, match_keyed, render_alignment, summarize_alignment
from ._index import document_frequency, entity_idf, indexed_size
from ._retrieval import Candidate, RetrievalParams, Reranker, find_related
from ._text import masked, quotations

__all__ = ["CoverageParams", "coverage_section", "quotes_of", "stored_quotes", "domain_rater"]

Rater = Callable[[str | None], "dict[str, Any] | None"]


@dataclass
class CoverageParams:
    retrieval: RetrievalParams = field(default_factory=RetrievalParams)
    event: EventParams = field(default_factory=EventParams)
    # token_set_ratio (0..100) for two quotes to be the same remark (with the stem floor)
    quote_match: float = option_default("coverage_quote_match")
    copy_share: float = 0.2  # fallback: share of shared 8-word sequences that makes a copy
    rating_weight: float = 0.5  # how far an outlet's rating moves the order (0: not at all)
    furniture_min_articles: int = 3  # a stored report's line seen in this many of its domain's articles…
    furniture_min_share: float = 0.3  # …and this share of them is furniture


def quotes_of(text: str, layer: list[Span] | None) -> list[QuoteText]:
    """The article's quotations for comparison: speech only, never narrative.

    With the attribution layer: direct quotes, and the quote-marked words of
    mixed ones (cue kind speech when given); indirect (reported) speech is
    paraphrase, not wording. Without it: quote marks (three words or more).
    """
    if layer is None:
        return [QuoteText(a, b, text[a:b]) for a, b in quotations(text)]
    marks = quotations(text, min_words=1)
    out = []
    for s in sorted(layer, key=lambda s: (s.start, s.end)):
        if s.label not in ("direct", "mixed") or s.attrs.get("cue_kind") not in (None, "speech"):
            continue
        speaker = _speaker(s.attrs)
        if s.label == "direct":
            out.append(QuoteText(s.start, s.end, text[s.start : s.end], speaker, "direct"))
            continue
        out.extend(QuoteText(a, b, text[a:b], speaker, "mixed") for a, b in marks if s.start <= a and b <= s.end)
    return out


def _speaker(attrs: dict[str, Any]) -> str | None:
    speaker = attrs.get("speaker")
    return speaker if isinstance(speaker, str) and speaker else None


def stored_quotes(store: Store, rowid: int, text: str) -> list[QuoteText]:
    """A stored article's quotations, found by its quote marks (the store keeps no span layers)."""
    return quotes_of(text, None)


def domain_rater(store: Store, notes: list[str]) -> Rater:
    """``rate(domain) -> dict | None`` through the sources area, or a rater of None with a note."""
    try:
        from ..sources import rate_domain  # type: ignore[attr-defined]
    except ImportError:
        notes.append("outlet ratings unavailable: the sources area (newsift.sources) is not installed")
        return lambda domain: None
    cache: dict[str | None, dict[str, Any] | None] = {}
    failed: list[str] = []

    def rate(where: str | None) -> dict[str, Any] | None:
        """The rating of a URL's host (its own first, then its parents) or of a domain; cached by host."""
        key = host_of(where) if where else None
        if key not in cache:
            try:
                cache[key] = rate_domain(store, where) if where else None
            except Exception as exc:  # no ratings table yet, or a bug there: coverage still works
                cache[key] = None
                if not failed:
                    failed.append(str(exc))
                    notes.append(f"outlet ratings unavailable: {type(exc).__name__}: {exc}")
        return cache[key]

    return rate


def coverage_section(store: Store, article: Article, quotes: list[QuoteText], provenance: dict[str, Any] | None,
                     params: CoverageParams | None = None, rate: Rater | None = None,
                     reranker: Reranker | None = None, entity_spans: Iterable[Span] | None = None,
                     furniture: list[tuple[int, int]] | None = None) -> dict[str, Any]:
    """The ``coverage`` section for one article (see docs/coverage.md for its fields).

    ``entity_spans``: the language stage's spaCy entities; ``furniture``: the
    cleaning layer's spans, left out of names and narrative.
    """
    params = params or CoverageParams()
    notes: list[str] = []
    rate = rate or domain_rater(store, notes)
    focus = focus_of(article, quotes, entity_spans, furniture)
    candidates = find_related(store, article, params.retrieval, reranker, text=masked(article.text, furniture or []))
    copies = _provenance_copies(provenance)
    if provenance is None:
        notes.append("provenance did not run: copies are found by shared 8-word passages instead")
    others = _load_others(store, candidates, focus, params)
    scorer = _EventScorer(store, focus, [doc for _, doc in others])
    items, fidelity = [], _FidelityTable(focus)
    for cand, doc in others:
        matched = match_keyed(focus.quotes, doc.quotes, params.quote_match)
        item = _item(cand, doc.article, rate(doc.article.url or cand.doc.domain), copies, provenance is None,
                     article, params)
        evidence = judge(scorer.evidence(doc), cand.days_apart, params.retrieval.window_days, item["copy"],
                         params.event)
        item["same_event"] = evidence.same_event
        item["event_evidence"] = evidence.view()
        item["date_unknown"] = cand.days_apart is None
        item["scores"]["narrative"] = round(evidence.narrative, 3)
        item["shared_entities"] = scorer.shared(doc)
        item.update(compare_docs(focus, doc, matched))
        fidelity.add(doc, matched, item["copy"])
        items.append(item)
    items.sort(key=lambda it: (not it["same_event"], it["copy"], -it["rank_score"], it["article_id"]))
    if items and not notes and all(it["rating"] is None for it in items):
        notes.append("no outlet ratings for these domains (load rating sets with `newsift sources update`)")
    independent = [it for it in items if not it["copy"] and it["same_event"]]
    return {
        "store_articles": store.count(),
        "items": items,
        "independent": len(independent),
        "copies": sum(1 for it in items if it["copy"]),
        "quote_fidelity": fidelity.rows(),
        "semantic_reranker": reranker is not None,
        "notes": notes,
    }


def _load_others(store: Store, candidates: list[Candidate], focus: Focus,
                 params: CoverageParams) -> list[tuple[Candidate, OtherDoc]]:
    sides = stored_sides(store)
    out = []
    for cand in candidates:
        key = (cand.doc.rowid, params.furniture_min_articles, params.furniture_min_share)
        stored = sides.get(key, partial(_stored, store, cand.doc.rowid, params))
        if stored is not None:
            out.append((cand, side_of(stored, focus.names)))
    return out


def _stored(store: Store, rowid: int, params: CoverageParams) -> Stored | None:
    """A stored report's side before the checked article is known (None when it is gone)."""
    other = store.get(rowid)
    if other is None:
        return None
    furniture = furniture_of(other, store, params.furniture_min_articles, params.furniture_min_share)
    return stored_of(other, stored_quotes(store, rowid, other.text), furniture)


class _EventScorer:
    """Name and narrative overlap of each report with the checked article, with rarity from the store.

    Names: weighted Jaccard of the two articles' narrative name terms (their
    20 most mentioned names, each word too), weighted by rarity, so that
    sharing "Trump" and "Clinton" with a story that names twenty others is
    weak evidence. Narrative, lead and title: cosines of content words (``cosine``).
    """

    def __init__(self, store: Store, focus: Focus, others: list[OtherDoc]) -> None:
        self.focus = focus
        self.keys = focus.names.ordered(narrative=True)[:20]
        self.terms = focus.names.terms(20)
        self.other_terms = {id(doc): doc.names.terms(20) for doc in others}
        every = self.terms.union(*self.other_terms.values())
        self.name_idf = entity_idf(store, every) if every else {}
        # a stored report's views keep their vectors (``evidence``): only the others' words need their idf
        fresh = [doc for doc in others if "views" not in doc.memo]
        vocab = set(focus.narrative).union(focus.title, *(doc.narrative for doc in fresh), *(doc.title for doc in fresh))
        total = indexed_size(store)
        df = document_frequency(store, sorted(vocab)) if vocab else {}
        self.word_idf = {w: _log_idf(total, n) for w, n in df.items()}
        self.views = [vector(v, self.word_idf) for v in (focus.narrative, focus.lead, focus.title)]

    def names(self, doc: OtherDoc) -> float:
        theirs = self.other_terms.get(id(doc)) or doc.names.terms(20)
        union = math.fsum(self.name_idf.get(t, 0.0) for t in self.terms | theirs)  # fsum: exact in any order
        return math.fsum(self.name_idf.get(t, 0.0) for t in self.terms & theirs) / union if union else 0.0

    def evidence(self, doc: OtherDoc) -> EventEvidence:
        theirs = doc.memo.get("views")  # the idf of a stored report's words depends on the store alone
        if theirs is None:
            theirs = doc.memo["views"] = [vector(v, self.word_idf) for v in (doc.narrative, doc.lead, doc.title)]
        narrative, lead, title = (cosine_of(mine, other) for mine, other in zip(self.views, theirs))
        return EventEvidence(self.names(doc), narrative, lead, title)

    def shared(self, doc: OtherDoc, limit: int = 10) -> list[str]:
        """The article's narrative names the report also names, most mentioned first, ties by name."""
        theirs = doc.names.terms()
        counts = self.focus.names.counts
        found = [k for k in self.keys if k in theirs or (" " in k and k.split()[-1] in theirs)]
        return sorted(found, key=lambda k: (-counts[k], k))[:limit]


def _log_idf(total: int, df: int) -> float:
    return math.log(1 + total / (1 + df))


def _provenance_copies(provenance: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
    """article_id -> the provenance source entry, for sources the provenance stage found."""
    if not provenance:
        return {}
    return {str(s["article_id"]): s for s in provenance.get("sources", []) if s.get("article_id")}


def _item(cand: Candidate, other: Article, rating: dict[str, Any] | None, copies: dict[str, dict[str, Any]],
          fallback: bool, article: Article, params: CoverageParams) -> dict[str, Any]:
    copy_of = copies.get(other.id)
    evidence: dict[str, Any] | None = None
    if copy_of is not None:
        evidence = {"by": "provenance", "direction": copy_of.get("direction"),
                    "confidence": copy_of.get("confidence")}
    elif fallback:
        share = shared_passage_share(article.text, other.text)
        if share >= params.copy_share:
            evidence = {"by": "shared_passages", "share": round(share, 3)}
    score = rating.get("score") if rating else None
    multiplier = 1.0 if score is None else 1.0 + params.rating_weight * (float(score) - 0.5)
    return {
        **other.ref(),
        "host": host_of(other.url) if other.url else other.domain,  # abcnews.go.com, where domain says go.com
        "days_apart": cand.days_apart,
        "relevance": round(cand.relevance, 4),
        "rank_score": round(cand.relevance * multiplier, 4),
        "scores": cand.scores(),
        "shared_entities": cand.shared_entities[:10],
        "same_event": cand.same_event,  # decided again with the narrative evidence by the caller
        "copy": evidence is not None,
        "copy_evidence": evidence,
        "rating": _rating_view(rating),
    }


def _rating_view(rating: dict[str, Any] | None) -> dict[str, Any] | None:
    if rating is None:
        return None
    return {"score": rating.get("score"), "summary": rating.get("summary"),
            "raters": len(rating.get("raters") or [])}


class _FidelityTable:
    """Each quotation of the article with every other outlet's version of it (paired one to one per outlet)."""

    def __init__(self, focus: Focus) -> None:
        self.quotes = focus.quotes.quotes
        self.versions: list[list[dict[str, Any]]] = [[] for _ in self.quotes]

    def add(self, other: OtherDoc, matched: list[QuoteMatch], is_copy: bool) -> None:
        theirs = other.quotes.quotes
        for m in matched:
            segments = align_quotes(self.quotes[m.i].text, theirs[m.j].text)
            self.versions[m.i].append({
                "article_id": other.article.id, "domain": other.article.domain, "copy": is_copy,
                "start": theirs[m.j].start, "end": theirs[m.j].end, "text": theirs[m.j].text,
                "similarity": m.similarity, "aligned_words": m.aligned,
                "identical": all(seg["op"] == "same" for seg in segments), "counts": summarize_alignment(segments),
                "alignment": segments, "rendered": render_alignment(segments),
            })

    def rows(self) -> list[dict[str, Any]]:
        out = []
        for quote, versions in zip(self.quotes, self.versions):
            if versions:
                versions.sort(key=lambda v: (v["identical"], -v["similarity"], v["article_id"], v["start"]))
                out.append({"quote": Span(quote.start, quote.end, "quote", {"speaker": quote.speaker}),
                            "versions": versions,
                            "differs": any(not v["identical"] for v in versions)})
        return out
