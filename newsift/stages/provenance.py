"""Provenance: which stored articles share passages with this one, who copied whom, and copy chains.

Needs the store (skipped, with the reason, when there is none or it holds
no other article). A shared passage inside quotation marks, a block quote or
an embedded post in *either* article is ``quote``, the rest ``narrative``
(site furniture on either side subtracted); an article that shares only
quotations is normal journalism and is reported under ``quote_overlap``,
never as a source, and gets no direction.
"""

from __future__ import annotations

from typing import Any

from ..errors import Errors, ResourceUnavailable
from ..model import Report, Span
from ..pipeline import Resources, Stage
from ..provenance.direction import OTHER_COPIED
from ..provenance.trace import Match, Trace, TraceParams, as_section, trace_article
from ..provenance.index import SCHEMA as FINGERPRINT_SCHEMA
from ..provenance.index import index_article, index_size
from ..store import StoreIndexer, load_store
from ..settings import Options

__all__ = ["ProvenanceStage", "trace_params"]


def trace_params(options: Options) -> TraceParams:
    return TraceParams(
        min_shared=options.provenance_min_shared,
        max_candidates=options.provenance_max_candidates,
        copy_min_narrative_words=options.provenance_copy_min_narrative_words,
        chain_depth=options.provenance_chain_depth,
        furniture_min_others=options.provenance_furniture_min_others,
    )


_PASSAGE = {"type": "object", "required": ["start", "end", "other_start", "other_end", "kind", "similarity"],
            "properties": {"kind": {"enum": ["quote", "narrative"]}, "similarity": {"type": "number"}}}
_ENTRY = {
    "type": "object",
    "required": ["article_id", "passages", "direction", "confidence", "evidence"],
    "properties": {
        "article_id": {"type": "string"},
        "passages": {"type": "array", "items": _PASSAGE},
        "direction": {"enum": ["this copied from other", "other copied from this", "unknown"]},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "evidence": {"type": "array", "items": {"type": "string"}},
    },
}

PROVENANCE_SCHEMA = {
    "type": "object",
    "required": ["store_articles", "sources", "quote_overlap", "chains"],
    "properties": {
        "store_articles": {"type": "integer"},
        "sources": {"type": "array", "items": _ENTRY},
        "quote_overlap": {"type": "array", "items": _ENTRY},
        "chains": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}},
    },
}


class ProvenanceStage(Stage):
    name = "provenance"
    uses = ()
    assigns = ("provenance",)
    sections = {"provenance": PROVENANCE_SCHEMA}
    resources = {"store": load_store}
    indexer = StoreIndexer("provenance", index_article, schema=FINGERPRINT_SCHEMA, stats=index_size)

    def run(self, report: Report, resources: Resources) -> None:
        store = resources.get("store")
        # quotations and furniture are read from both texts alike (the same cleaning rules and
        # store-learnt lines), not from this report's layers alone: both sides of a pair must agree
        result = trace_article(store, report.article, trace_params(resources.options))
        if result.store_articles == 0:
            raise ResourceUnavailable(Errors.E150.format(db=resources.options.db))
        report.sections["provenance"] = as_section(result)
        report.add_spans("provenance", list(_spans(result)))
        self._anatomy(report, result)

    @staticmethod
    def _anatomy(report: Report, result: Trace) -> None:
        copied = [s for s in report.spans("provenance") if s.label == "copied"]
        report.anatomy_parts["copied_narrative"] = [s for s in copied if s.attrs["kind"] == "narrative"]
        report.anatomy_parts["copied_quote"] = [s for s in copied if s.attrs["kind"] == "quote"]
        report.anatomy_parts["original"] = _complement(copied, len(report.text))

    def render_text(self, report: Report) -> list[Any]:
        section = report.sections.get("provenance")
        if not section:
            return []
        lines = [f"searched {section['store_articles']} stored articles"]
        if not section["sources"]:
            lines.append("no stored article shares narrative passages with this one")
        for src in section["sources"]:
            lines.append(f"{src['domain'] or src['article_id']}: {src['direction']} "
                         f"(confidence {src['confidence']:.2f}), {len(src['passages'])} passages"
                         + (f", via {src['via']}" if src["via"] else ""))
            lines += [f"  - {why}" for why in src["evidence"]]
            for p in src["passages"][:6]:
                lines.append(f"  [{p['start']}:{p['end']}] {p['kind']} {p['similarity']:.2f}: "
                             f"{report.text[p['start']:p['end']][:80]}")
        for src in section["quote_overlap"]:
            lines.append(f"{src['domain'] or src['article_id']}: {_overlap_words(src)}, not a copy source")
        lines += ["chain: " + " <- ".join(reversed(chain)) for chain in section["chains"]]
        return lines


def _overlap_words(src: dict[str, Any]) -> str:
    """What a non-source shares: quotations, and narrative only in short runs (stock phrases)."""
    quoted, narrative = src["shared_quote_words"], src["shared_narrative_words"]
    if not narrative:
        return f"shares only quotations ({quoted} words)"
    return (f"shares {quoted} quoted words and {narrative} narrative words in short runs "
            "(stock phrases or background, too little to call a copy)")


def _spans(result: Trace) -> list[Span]:
    out = []
    for match in result.matches:
        label = _label(match)
        for p in match.passages:
            out.append(Span(p.a_start, p.a_end, label, {
                "source_id": match.article.id, "other_start": p.b_start, "other_end": p.b_end,
                "similarity": p.similarity, "kind": p.kind, "direction": match.direction.label}))
    return out


def _label(match: Match) -> str:
    if not match.is_copy:
        return "shared_quote"
    return "shared" if match.direction.label == OTHER_COPIED else "copied"


def _complement(spans: list[Span], length: int) -> list[Span]:
    out, pos = [], 0
    for s in sorted(spans, key=lambda s: s.start):
        if s.start > pos:
            out.append(Span(pos, s.start, "original"))
        pos = max(pos, s.end)
    if pos < length:
        out.append(Span(pos, length, "original"))
    return out
