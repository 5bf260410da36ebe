"""Coverage stage: other stored reports of the same event, copies marked, quotes compared.

Runs last: it reads the attribution stage's ``quotes`` layer (quote marks
otherwise), the language stage's spaCy ``entities``, the ``cleaning`` layer's
furniture (left out of names and text evidence) and the provenance stage's
sources (to mark copies), and needs only the store. See ``newsift.coverage`` and docs/coverage.md.
"""

from __future__ import annotations

from typing import Any

from ..coverage import CoverageParams, RetrievalParams, coverage_section, quotes_of
from ..coverage._schema import COVERAGE_SCHEMA
from ..coverage._semantic import load_reranker
from ..errors import ResourceUnavailable
from ..model import Report
from ..pipeline import Resources, Stage
from ..coverage._index import index_article, index_summary
from ..store import StoreIndexer, load_store
from ..settings import Options

__all__ = ["CoverageStage", "params_from"]



def params_from(options: Options) -> CoverageParams:
    """Coverage tunables from the options object."""
    retrieval = RetrievalParams(window_days=options.coverage_window_days, limit=options.coverage_limit)
    return CoverageParams(retrieval=retrieval, quote_match=options.coverage_quote_match,
                          furniture_min_articles=options.furniture_min_articles,
                          furniture_min_share=options.furniture_min_share)


class CoverageStage(Stage):
    name = "coverage"
    uses = ("quotes", "provenance", "entities", "cleaning")
    assigns = ("coverage",)
    resources = {"store": load_store}
    optional_resources = {"coverage_semantic": load_reranker}
    sections = {"coverage": COVERAGE_SCHEMA}
    indexer = StoreIndexer("coverage", index_article, stats=index_summary)

    def run(self, report: Report, resources: Resources) -> None:
        store = resources.get("store")
        notes = _index_notes(store)  # checking never writes: unindexed articles are repair's job
        reranker = resources.get("coverage_semantic") if resources.available("coverage_semantic") else None
        section = coverage_section(
            store,
            report.article,
            quotes_of(report.text, report.layers.get("quotes")),
            report.sections.get("provenance") if report.stage_ran("provenance") else None,
            params_from(resources.options),
            reranker=reranker,
            entity_spans=report.layers.get("entities"),
            furniture=[(s.start, s.end) for s in report.layers.get("cleaning") or [] if s.label != "title"],
        )
        section["notes"] = notes + section["notes"]
        report.sections["coverage"] = section

    def render_text(self, report: Report) -> list[Any]:
        from ..coverage._render import coverage_lines

        section = report.sections.get("coverage")
        return coverage_lines(section) if section else []


def _index_notes(store: Any) -> list[str]:
    """A note when stored articles are missing from the full-text index; skipped when there is none."""
    summary = index_summary(store)
    if summary["missing"] and not summary["articles"]:
        raise ResourceUnavailable("the store has no coverage index yet (run `newsift corpus repair`)")
    if summary["missing"]:
        return [f"{summary['missing']} stored article(s) are not in the coverage index yet and were not searched"
                " (run `newsift corpus repair`)"]
    return []
