"""The coverage section: related reports, copies marked, outlet ratings, and quote fidelity.

``coverage_section`` puts the pieces together for one article: retrieval
(``find_related``), copies (the provenance section's sources when that stage
ran, else a shared-passage fallback), each outlet's rating (``rate_domain``
from the sources area, when installed), what each report adds or omits, and
every quotation of the article as the other outlets printed it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..model import Article, Span
from ..store import Store
from ._compare import compare_texts, shared_passage_share
from ._fidelity import QuoteText, align_quotes, match_quotes, render_alignment, summarize_alignment
from ._retrieval import Candidate, RetrievalParams, Reranker, find_related
from ._text import quotations

__all__ = ["CoverageParams", "coverage_section", "quotes_of", "stored_quotes", "domain_rater"]

Rater = Callable[[str | None], "dict[str, Any] | None"]


@dataclass
class CoverageParams:
    retrieval: RetrievalParams = field(default_factory=RetrievalParams)
    quote_match: float = 60.0  # token_set_ratio (0..100) for two quotes to be the same remark
    copy_share: float = 0.2  # fallback: share of shared 8-word sequences that makes a copy
    rating_weight: float = 0.5  # how far an outlet's rating moves the order (0: not at all)


def quotes_of(text: str, layer: list[Span] | None) -> list[QuoteText]:
    """The article's quotations: the attribution layer's when present, else quote marks."""
    if layer:
        return [QuoteText(s.start, s.end, text[s.start : s.end], _speaker(s.attrs), s.label) for s in layer]
    return [QuoteText(a, b, text[a:b]) for a, b in quotations(text)]


def _speaker(attrs: dict[str, Any]) -> str | None:
    speaker = attrs.get("speaker")
    return speaker if isinstance(speaker, str) and speaker else None


def stored_quotes(store: Store, rowid: int, text: str) -> list[QuoteText]:
    """A stored article's quotations: its saved ``quotes`` spans when present, else quote marks."""
    try:
        spans = store.load_spans(rowid, "quotes")
    except Exception:  # no spans table contents for this layer: fall back to quote marks
        spans = []
    return quotes_of(text, [s for s in spans if 0 <= s.start <= s.end <= len(text)])


def domain_rater(store: Store, notes: list[str]) -> Rater:
    """``rate(domain) -> dict | None`` through the sources area, or a rater of None with a note."""
    try:
        from ..sources import rate_domain  # type: ignore[attr-defined]
    except ImportError:
        notes.append("outlet ratings unavailable: the sources area (newsift.sources) is not installed")
        return lambda domain: None
    cache: dict[str | None, dict[str, Any] | None] = {}
    failed: list[str] = []

    def rate(domain: str | None) -> dict[str, Any] | None:
        if domain not in cache:
            try:
                cache[domain] = rate_domain(store, domain) if domain else None
            except Exception as exc:  # no ratings table yet, or a bug there: coverage still works
                cache[domain] = None
                if not failed:
                    failed.append(str(exc))
                    notes.append(f"outlet ratings unavailable: {type(exc).__name__}: {exc}")
        return cache[domain]

    return rate


def coverage_section(store: Store, article: Article, quotes: list[QuoteText], provenance: dict[str, Any] | None,
                     params: CoverageParams | None = None, rate: Rater | None = None,
                     reranker: Reranker | None = None) -> dict[str, Any]:
    """The ``coverage`` section for one article (see docs/coverage.md for its fields)."""
    params = params or CoverageParams()
    notes: list[str] = []
    rate = rate or domain_rater(store, notes)
    candidates = find_related(store, article, params.retrieval, reranker)
    copies = _provenance_copies(provenance)
    if provenance is None:
        notes.append("provenance did not run: copies are found by shared 8-word passages instead")
    items, fidelity = [], _FidelityTable(quotes)
    for cand in candidates:
        other = store.get(cand.doc.rowid)
        if other is None:
            continue
        other_quotes = stored_quotes(store, cand.doc.rowid, other.text)
        item = _item(cand, other, rate(cand.doc.domain), copies, provenance is None, article, params)
        item.update(compare_texts(article.text, quotes, other.text, other_quotes, params.quote_match))
        fidelity.add(other, other_quotes, item["copy"], params.quote_match)
        items.append(item)
    items.sort(key=lambda it: (not it["same_event"], it["copy"], -it["rank_score"]))
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
        "days_apart": cand.days_apart,
        "relevance": round(cand.relevance, 4),
        "rank_score": round(cand.relevance * multiplier, 4),
        "scores": cand.scores(),
        "shared_entities": cand.shared_entities[:10],
        "same_event": cand.same_event,
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
    """Each quotation of the article with every other outlet's version of it."""

    def __init__(self, quotes: list[QuoteText]) -> None:
        self.quotes = quotes
        self.versions: list[list[dict[str, Any]]] = [[] for _ in quotes]

    def add(self, other: Article, other_quotes: list[QuoteText], is_copy: bool, threshold: float) -> None:
        for i, j, sim in match_quotes(self.quotes, other_quotes, threshold):
            segments = align_quotes(self.quotes[i].text, other_quotes[j].text)
            counts = summarize_alignment(segments)
            identical = all(seg["op"] == "same" for seg in segments)
            self.versions[i].append({
                "article_id": other.id, "domain": other.domain, "copy": is_copy,
                "start": other_quotes[j].start, "end": other_quotes[j].end, "text": other_quotes[j].text,
                "similarity": sim, "identical": identical, "counts": counts,
                "alignment": segments, "rendered": render_alignment(segments),
            })

    def rows(self) -> list[dict[str, Any]]:
        out = []
        for quote, versions in zip(self.quotes, self.versions):
            if versions:
                versions.sort(key=lambda v: (v["identical"], -v["similarity"]))
                out.append({"quote": Span(quote.start, quote.end, "quote", {"speaker": quote.speaker}),
                            "versions": versions,
                            "differs": any(not v["identical"] for v in versions)})
        return out
